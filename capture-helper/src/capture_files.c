#include "capture_files.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "proc_scan.h"

static unsigned long long monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + (unsigned long long)ts.tv_nsec;
}

void capture_file_name(const char *path, unsigned int index, char *out, size_t n)
{
	if (index == 0) {
		snprintf(out, n, "%s", path);
		return;
	}
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strchr(base, '.');
	if (!dot || dot == base)
		dot = path + strlen(path);
	snprintf(out, n, "%.*s-%u%s", (int)(dot - path), path, index, dot);
}

int capture_files_open(struct capture_files *f, char *err, size_t errlen)
{
	capture_file_name(f->path, f->index, f->name, sizeof(f->name));
	f->out = scap_out_open(f->name, f->gzip, err, errlen);
	f->opened_ns = monotonic_ns();
	return f->out ? 0 : -1;
}

int capture_files_write_state(struct capture_files *f, char *err, size_t errlen)
{
	if (scap_write_shb(f->out) || scap_write_mi(f->out, f->boot_ts) || write_interface_list(f->out) ||
	    write_user_list(f->out) || write_process_list(f->out, f->self_pid, f->only) ||
	    write_container_events(f->out, f->meta, f->only) || scap_flush(f->out)) {
		int e = scap_out_failed(f->out);
		snprintf(err, errlen, "cannot write the capture header to %s: %s", f->name, e ? strerror(e) : "write error");
		return -1;
	}
	return 0;
}

int capture_files_rotation_due(const struct capture_files *f, unsigned long long now_ns)
{
	return (f->max_bytes && scap_out_size(f->out) >= f->max_bytes) ||
	       (f->max_ns && now_ns - f->opened_ns >= f->max_ns);
}

int capture_files_rotate(struct capture_files *f, char *err, size_t errlen)
{
	int failed = scap_out_failed(f->out);
	if (scap_out_close(f->out) || failed) {
		snprintf(err, errlen, "writing %s failed: %s", f->name, strerror(failed ? failed : errno));
		f->out = NULL;
		return -1;
	}
	f->out = NULL;
	f->index++;
	if (f->max_files && f->index >= f->max_files) {
		char old[PATH_MAX];
		capture_file_name(f->path, f->index - f->max_files, old, sizeof(old));
		if (unlink(old) != 0 && errno != ENOENT)
			fprintf(stderr, "saker-capture: warning: cannot remove %s (past -W %u): %s\n", old, f->max_files,
			        strerror(errno));
	}
	if (capture_files_open(f, err, errlen))
		return -1;
	return capture_files_write_state(f, err, errlen);
}
