/* The capture's output: one file, or a series of files rotated by size (-C), time (-G) and kept to a
 * count (-W). Every file is a whole capture: it starts with the state blocks (machine, interfaces,
 * users, the processes and their files as /proc shows them at that moment, the container events). */
#ifndef SAKER_CAPTURE_FILES_H
#define SAKER_CAPTURE_FILES_H
#include <limits.h>
#include <stddef.h>

#include "cgroup_target.h"
#include "container_meta.h"
#include "scap_out.h"

struct capture_files {
	const char *path;               /* -w FILE; "-" for stdout */
	int gzip;
	unsigned long long max_bytes;   /* -C: rotate once a file holds this much (0: never) */
	unsigned long long max_ns;      /* -G: rotate once a file is this old (0: never) */
	unsigned int max_files;         /* -W: keep this many files, removing the oldest (0: all) */
	unsigned long long boot_ts;
	int self_pid;
	const struct cgroup_target *only;
	const struct container_list *meta;

	struct scap_out *out;           /* the file being written */
	unsigned int index;             /* its number: 0 is FILE itself */
	unsigned long long opened_ns;   /* CLOCK_MONOTONIC when it was opened */
	char name[PATH_MAX];
};

/* FILE for number 0; FILE with "-N" before the first '.' of its last element after that
 * (trace.scap, trace-1.scap, trace-2.scap; trace.scap.gz, trace-1.scap.gz). */
void capture_file_name(const char *path, unsigned int index, char *out, size_t n);
/* Opens file number f->index (without writing anything). */
int capture_files_open(struct capture_files *f, char *err, size_t errlen);
/* The state blocks every file starts with. */
int capture_files_write_state(struct capture_files *f, char *err, size_t errlen);
int capture_files_rotation_due(const struct capture_files *f, unsigned long long now_ns);
/* Closes the file, opens the next with its state blocks, and removes the one past -W. */
int capture_files_rotate(struct capture_files *f, char *err, size_t errlen);
#endif
