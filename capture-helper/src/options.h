/* saker-capture's command line. */
#ifndef SAKER_OPTIONS_H
#define SAKER_OPTIONS_H
#include <stdio.h>

struct options {
	const char *path;            /* -w FILE, "-" for stdout */
	int gzip;
	double duration;             /* seconds; 0: no limit */
	unsigned long long max_events;
	unsigned long snaplen;
	unsigned long buffer_kb;
	const char *cgroup;          /* --cgroup PATH */
	const char *container;       /* --container ID */
	const char *pod;             /* --pod NS/NAME */
	const char *container_meta;  /* --container-meta FILE */
	unsigned long long rotate_bytes; /* -C MB (10^6 bytes) */
	double rotate_seconds;       /* -G SECONDS */
	unsigned int max_files;      /* -W COUNT */
	const char *control;         /* --control-fd N or OUT,IN */
};

/* 0 to go on, or the exit code (0 after --help, 2 after a bad flag, with the reason printed). */
int options_parse(int argc, char **argv, struct options *o, int *exit_code);
void options_usage(FILE *f);
#endif
