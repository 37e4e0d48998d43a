#include "options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "saker_event.h"

#define DEFAULT_BUFFER_KB 8192

void options_usage(FILE *f)
{
	fprintf(f,
	        "usage: saker-capture -w FILE|- [--gzip] [--duration SECONDS] [--events N] [--snaplen BYTES]\n"
	        "                     [--buffer-kb KB]   (ring buffer size, a power of two; default 8192)\n"
	        "                     [--cgroup PATH | --container ID | --pod NAMESPACE/NAME]\n"
	        "                     [--container-meta FILE] [-C MB] [-G SECONDS] [-W COUNT] [--control-fd N|OUT,IN]\n"
	        "Records every syscall of this machine into a libscap (.scap) capture until SIGINT/SIGTERM,\n"
	        "the duration or the event count is reached. Needs root (CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN).\n"
	        "  --cgroup PATH     only processes in this cgroup or below it: a directory under /sys/fs/cgroup,\n"
	        "                    or a path as /proc/PID/cgroup shows it (/kubepods.slice/...)\n"
	        "  --container ID    only the container whose cgroup's name contains ID (12 to 64 hex digits)\n"
	        "  --pod NS/NAME     only the pod's containers, found by the pod uid in the container metadata\n"
	        "  --container-meta FILE  container names, images and labels (JSON, see capture-helper/README.md);\n"
	        "                    crictl, when installed, is asked too\n"
	        "  -C MB             start a new file once one holds MB million bytes (before compression)\n"
	        "  -G SECONDS        start a new file every SECONDS\n"
	        "  -W COUNT          with -C or -G: keep the last COUNT files, removing older ones\n"
	        "                    (files: FILE, then FILE with -1, -2... before its first '.': trace-1.scap)\n"
	        "  --control-fd N|OUT,IN  report to and take stop requests from the launcher (capture-helper/PROTOCOL.md)\n");
}

static int bad(const char *flag, const char *want, const char *arg, int *exit_code)
{
	fprintf(stderr, "saker-capture: %s wants %s, not '%s'\n", flag, want, arg);
	*exit_code = 2;
	return 1;
}

int options_parse(int argc, char **argv, struct options *o, int *exit_code)
{
	memset(o, 0, sizeof(*o));
	o->snaplen = SAKER_DEFAULT_SNAPLEN;
	o->buffer_kb = DEFAULT_BUFFER_KB;
	static const struct option opts[] = {
		{ "buffer-kb", required_argument, NULL, 'b' },
		{ "write", required_argument, NULL, 'w' },
		{ "gzip", no_argument, NULL, 'z' },
		{ "duration", required_argument, NULL, 'd' },
		{ "events", required_argument, NULL, 'n' },
		{ "snaplen", required_argument, NULL, 's' },
		{ "cgroup", required_argument, NULL, 'g' },
		{ "container", required_argument, NULL, 'c' },
		{ "pod", required_argument, NULL, 'p' },
		{ "container-meta", required_argument, NULL, 'm' },
		{ "control-fd", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "w:zd:n:s:b:C:G:W:h", opts, NULL)) != -1) {
		char *end = NULL;
		switch (c) {
		case 'w': o->path = optarg; break;
		case 'z': o->gzip = 1; break;
		case 'd':
			o->duration = strtod(optarg, &end);
			if (*end || o->duration <= 0)
				return bad("--duration", "a positive number of seconds", optarg, exit_code);
			break;
		case 'n':
			o->max_events = strtoull(optarg, &end, 10);
			if (*end || o->max_events == 0)
				return bad("--events", "a positive count", optarg, exit_code);
			break;
		case 's':
			o->snaplen = strtoul(optarg, &end, 10);
			if (*end || o->snaplen > SAKER_MAX_SNAPLEN) {
				fprintf(stderr, "saker-capture: --snaplen wants 0..%d bytes, not '%s'\n", SAKER_MAX_SNAPLEN, optarg);
				*exit_code = 2;
				return 1;
			}
			break;
		case 'b':
			o->buffer_kb = strtoul(optarg, &end, 10);
			if (*end || o->buffer_kb < 4 || (o->buffer_kb & (o->buffer_kb - 1)) || o->buffer_kb > (1UL << 20))
				return bad("--buffer-kb", "a power of two from 4 to 1048576", optarg, exit_code);
			break;
		case 'g': o->cgroup = optarg; break;
		case 'c':
			if (strlen(optarg) < 12 || strlen(optarg) > 64 || strspn(optarg, "0123456789abcdef") != strlen(optarg))
				return bad("--container", "a container id of 12 to 64 lowercase hex digits", optarg, exit_code);
			o->container = optarg;
			break;
		case 'p': o->pod = optarg; break;
		case 'm': o->container_meta = optarg; break;
		case 'f': o->control = optarg; break;
		case 'C': {
			unsigned long long mb = strtoull(optarg, &end, 10);
			if (*end || mb == 0 || mb > 1000000000ULL)
				return bad("-C", "a positive number of megabytes (10^6 bytes)", optarg, exit_code);
			o->rotate_bytes = mb * 1000000ULL;
			break;
		}
		case 'G':
			o->rotate_seconds = strtod(optarg, &end);
			if (*end || !(o->rotate_seconds > 0) || o->rotate_seconds > 1e9)
				return bad("-G", "a positive number of seconds", optarg, exit_code);
			break;
		case 'W': {
			unsigned long w = strtoul(optarg, &end, 10);
			if (*end || w == 0 || w > 1000000)
				return bad("-W", "a file count from 1 to 1000000", optarg, exit_code);
			o->max_files = (unsigned int)w;
			break;
		}
		case 'h': options_usage(stdout); *exit_code = 0; return 1;
		default: options_usage(stderr); *exit_code = 2; return 1;
		}
	}
	if (!o->path || optind != argc) {
		if (optind != argc)
			fprintf(stderr, "saker-capture: unexpected argument '%s'\n", argv[optind]);
		else
			fprintf(stderr, "saker-capture: -w FILE (or -w - for stdout) is required\n");
		options_usage(stderr);
		*exit_code = 2;
		return 1;
	}
	if (o->max_files && !o->rotate_bytes && !o->rotate_seconds) {
		fprintf(stderr, "saker-capture: -W needs -C or -G (it counts rotated files)\n");
		*exit_code = 2;
		return 1;
	}
	if ((o->rotate_bytes || o->rotate_seconds) && strcmp(o->path, "-") == 0) {
		fprintf(stderr, "saker-capture: -C and -G rotate files; they cannot be used with -w - (stdout)\n");
		*exit_code = 2;
		return 1;
	}
	if (!!o->cgroup + !!o->container + !!o->pod > 1) {
		fprintf(stderr, "saker-capture: give only one of --cgroup, --container and --pod\n");
		*exit_code = 2;
		return 1;
	}
	return 0;
}
