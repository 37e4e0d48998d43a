/* saker-capture: records syscalls with eBPF into a libscap capture (see README, "saker-capture").
 * Order of work: resolve the filter and open the output (fail early), load and attach the probes
 * (events start queueing in the ring buffer, so nothing that happens during the /proc scan is lost),
 * write the state blocks, drop every capability, then drain the ring buffer into EV_V2 blocks until
 * told to stop, rotating files when asked to. */
#include <errno.h>
#include <limits.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "capture_files.h"
#include "cgroup_target.h"
#include "container_meta.h"
#include "control.h"
#include "options.h"
#include "saker.skel.h"
#include "saker_event.h"
#include "scap_out.h"

#define FLUSH_INTERVAL_NS 200000000ULL
#define COUNTS_INTERVAL_NS 1000000000ULL
#define POLL_TIMEOUT_MS 20
/* A drain hands control back to the main loop this often (stop requests, rotation by time, flushes):
 * under a storm the ring buffer never empties, and a drain would otherwise never end. */
#define DRAIN_SLICE_NS 100000000ULL
#define DRAIN_YIELD (-ECANCELED)
#define PPME_DROP_E 148
#define PPME_DROP_X 149

static volatile sig_atomic_t stop_requested;

struct run {
	struct capture_files files;
	struct control control;
	unsigned long long written;
	unsigned long long max_events;
	int failed;      /* writing or rotating failed: the message is in err */
	int final_drain; /* the probes are detached: drain everything that is left */
	unsigned long long drain_until;
	unsigned int since_clock;
	char err[PATH_MAX + 512];
};

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static int libbpf_log(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	fprintf(stderr, "saker-capture: libbpf: ");
	return vfprintf(stderr, fmt, ap);
}

/* The error goes to stderr and, when there is one, the control channel. */
static int fail(struct control *c, int code, const char *msg)
{
	fprintf(stderr, "saker-capture: %s\n", msg);
	control_send(c, CONTROL_ERROR, "%s", msg);
	control_send(c, CONTROL_EXIT, "exit=%d", code);
	return code;
}

static int rotate(struct run *r)
{
	if (capture_files_rotate(&r->files, r->err, sizeof(r->err))) {
		r->failed = 1;
		return -1;
	}
	control_send(&r->control, CONTROL_FILE, "%s", r->files.name);
	return 0;
}

static unsigned long long ns_of(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + (unsigned long long)ts.tv_nsec;
}

static int on_event(void *ctx, void *data, size_t size)
{
	struct run *r = ctx;
	if (r->failed || (r->max_events && r->written >= r->max_events))
		return 0;
	if (size < SAKER_PREFIX_LEN + SAKER_HEADER_LEN)
		return 0;
	const struct saker_record_prefix *p = data;
	const unsigned char *ev = (const unsigned char *)data + SAKER_PREFIX_LEN;
	unsigned int len;
	memcpy(&len, ev + SAKER_OFF_LEN, 4);
	if (len > size - SAKER_PREFIX_LEN)
		return 0;
	if (r->files.max_bytes && scap_out_size(r->files.out) >= r->files.max_bytes && rotate(r))
		return -1;
	if (scap_write_event(r->files.out, p->cpu, ev, len)) {
		r->failed = 1;
		snprintf(r->err, sizeof(r->err), "writing %s failed: %s; the capture stopped, and the file holds every "
		         "block written before", r->files.name, strerror(scap_out_failed(r->files.out)));
		return -1; /* stops this drain; the main loop reports it */
	}
	r->written++;
	if (r->max_events && r->written >= r->max_events)
		stop_requested = 1;
	if (r->final_drain)
		return 0;
	if (stop_requested)
		return DRAIN_YIELD;
	if (++r->since_clock >= 1024) {
		r->since_clock = 0;
		if (ns_of(CLOCK_MONOTONIC) >= r->drain_until)
			return DRAIN_YIELD;
	}
	return 0;
}

/* The probe's counters, summed over CPUs, with the drops per CPU as text. */
struct counts {
	unsigned long long drops, too_large;
	char per_cpu[1024];
};

static int read_counts(struct saker_bpf *skel, int ncpus, struct counts *c)
{
	memset(c, 0, sizeof(*c));
	__u64 *vals = calloc((size_t)ncpus, sizeof(__u64));
	size_t pl = 0;
	for (__u32 key = 0; vals && key < SAKER_CNT_MAX; key++) {
		if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.counters), &key, vals) != 0) {
			free(vals);
			return -1;
		}
		for (int i = 0; i < ncpus; i++) {
			if (key == SAKER_CNT_TOO_LARGE)
				c->too_large += vals[i];
			if (key == SAKER_CNT_DROPS) {
				c->drops += vals[i];
				if (pl < sizeof(c->per_cpu) - 32)
					pl += (size_t)snprintf(c->per_cpu + pl, sizeof(c->per_cpu) - pl, "%scpu%d=%llu",
					                       i ? " " : "", i, (unsigned long long)vals[i]);
			}
		}
	}
	free(vals);
	return vals ? 0 : -1;
}

/* A DROP_E (drops began) or DROP_X (drops ended) event, as libscap drivers mark a lossy stretch;
 * written by the helper on its own thread id, with ratio 1. */
static int write_drop_event(struct scap_out *o, unsigned short type)
{
	unsigned char ev[SAKER_HEADER_LEN + 2 + 4];
	unsigned long long ts = ns_of(CLOCK_REALTIME), tid = (unsigned long long)getpid();
	unsigned int len = sizeof(ev), nparams = 1, ratio = 1;
	unsigned short plen = 4;
	memcpy(ev + SAKER_OFF_TS, &ts, 8);
	memcpy(ev + SAKER_OFF_TID, &tid, 8);
	memcpy(ev + SAKER_OFF_LEN, &len, 4);
	memcpy(ev + SAKER_OFF_TYPE, &type, 2);
	memcpy(ev + SAKER_OFF_NPARAMS, &nparams, 4);
	memcpy(ev + SAKER_HEADER_LEN, &plen, 2);
	memcpy(ev + SAKER_HEADER_LEN + 2, &ratio, 4);
	return scap_write_event(o, 0, ev, len);
}

/* Drops are never silent: a rise starts a DROP_E/DROP_X stretch in the file and is reported. */
struct drop_watch {
	unsigned long long seen;
	int dropping;
};

static void watch_drops(struct run *r, struct drop_watch *w, const struct counts *c, int final)
{
	if (c->drops > w->seen) {
		if (!w->dropping)
			write_drop_event(r->files.out, PPME_DROP_E);
		w->dropping = 1;
		control_send(&r->control, CONTROL_DROPS, "drops=%llu %s", c->drops, c->per_cpu);
	} else if (w->dropping) {
		write_drop_event(r->files.out, PPME_DROP_X);
		w->dropping = 0;
	}
	if (final && w->dropping)
		write_drop_event(r->files.out, PPME_DROP_X);
	w->seen = c->drops;
}

/* Everything needed later is open (ring buffer, maps, output), so no capability is left; rotation
 * keeps what a fresh /proc scan and a new file need (reading other users' processes, any directory). */
static int drop_capabilities(int rotating)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
	struct __user_cap_data_struct data[2];
	memset(data, 0, sizeof(data));
	if (rotating)
		data[0].effective = data[0].permitted =
			(1U << CAP_DAC_OVERRIDE) | (1U << CAP_DAC_READ_SEARCH) | (1U << CAP_SYS_PTRACE);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	return (int)syscall(SYS_capset, &hdr, data);
}

/* The cgroup the capture is limited to, from --cgroup, --container or --pod; 0 with none given. */
static int resolve_target(const struct options *opt, const struct container_list *meta, struct cgroup_target *t,
                          int *have, char *err, size_t errlen)
{
	*have = opt->cgroup || opt->container || opt->pod;
	if (opt->cgroup)
		return cgroup_target_from_path(opt->cgroup, t, err, errlen);
	if (opt->container) {
		const char *needles[] = { opt->container };
		char what[128];
		snprintf(what, sizeof(what), "--container %s", opt->container);
		return cgroup_target_find(needles, 1, what, t, err, errlen);
	}
	if (opt->pod)
		return pod_target(meta, opt->pod, t, err, errlen);
	return 0;
}

static struct saker_bpf *load_probe(const struct options *opt, const struct cgroup_target *target,
                                    unsigned long long boot_ts, int ncpus, char *err, size_t errlen)
{
	struct saker_bpf *skel = saker_bpf__open();
	if (!skel) {
		snprintf(err, errlen, "cannot open the BPF program: %s", strerror(errno));
		return NULL;
	}
	skel->rodata->self_tgid = (unsigned int)getpid();
	skel->rodata->snaplen = (unsigned int)opt->snaplen;
	skel->rodata->boot_ts = boot_ts;
	if (target) {
		skel->rodata->target_cgroup_id = target->id;
		skel->rodata->target_subsys = target->subsys_id;
	}
	int rc;
	if (bpf_map__set_max_entries(skel->maps.events, (unsigned int)(opt->buffer_kb * 1024))) {
		snprintf(err, errlen, "cannot size the ring buffer");
	} else if (ncpus <= 0 || bpf_map__set_max_entries(skel->maps.scratch_map, (unsigned int)ncpus)) {
		snprintf(err, errlen, "cannot size the per-CPU scratch map");
	} else if ((rc = saker_bpf__load(skel)) != 0) {
		snprintf(err, errlen, "cannot load the BPF program (%s); run as root on a kernel with BTF "
		                      "(/sys/kernel/btf/vmlinux)", strerror(-rc));
	} else if ((rc = saker_bpf__attach(skel)) != 0) {
		snprintf(err, errlen, "cannot attach the probes: %s", strerror(-rc));
	} else {
		return skel;
	}
	saker_bpf__destroy(skel);
	return NULL;
}

int main(int argc, char **argv)
{
	struct options opt;
	int exit_code;
	if (options_parse(argc, argv, &opt, &exit_code))
		return exit_code;
	static struct run run;
	char err[1024];
	if (control_open(&run.control, opt.control, err, sizeof(err))) {
		fprintf(stderr, "saker-capture: %s\n", err);
		return 2;
	}
	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	cgroup_join_node_namespace();
	struct container_list meta = { 0 };
	if (opt.container_meta && containers_from_file(opt.container_meta, &meta, err, sizeof(err)))
		return fail(&run.control, 2, err);
	/* crictl is one more source, not a requirement: a node where it is not set up still captures */
	if (containers_from_crictl(&meta, err, sizeof(err)))
		fprintf(stderr, "saker-capture: warning: %s; containers are known from --container-meta only\n", err);
	struct cgroup_target target;
	int filtered;
	if (resolve_target(&opt, &meta, &target, &filtered, err, sizeof(err)))
		return fail(&run.control, 1, err);

	unsigned long long boot_ts = ns_of(CLOCK_REALTIME) - ns_of(CLOCK_BOOTTIME);
	run.max_events = opt.max_events;
	run.files = (struct capture_files){
		.path = opt.path, .gzip = opt.gzip, .max_bytes = opt.rotate_bytes,
		.max_ns = (unsigned long long)(opt.rotate_seconds * 1e9), .max_files = opt.max_files,
		.boot_ts = boot_ts, .self_pid = getpid(), .only = filtered ? &target : NULL, .meta = &meta,
	};
	if (capture_files_open(&run.files, err, sizeof(err)))
		return fail(&run.control, 1, err);

	libbpf_set_print(libbpf_log);
	int ncpus = libbpf_num_possible_cpus();
	struct saker_bpf *skel = load_probe(&opt, filtered ? &target : NULL, boot_ts, ncpus, err, sizeof(err));
	if (!skel)
		return fail(&run.control, 1, err);
	struct ring_buffer *rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_event, &run, NULL);
	if (!rb) {
		snprintf(err, sizeof(err), "cannot open the ring buffer: %s", strerror(errno));
		saker_bpf__destroy(skel);
		return fail(&run.control, 1, err);
	}
	if (capture_files_write_state(&run.files, err, sizeof(err)))
		return fail(&run.control, 1, err);
	int rotating = opt.rotate_bytes || opt.rotate_seconds;
	if (drop_capabilities(rotating) != 0)
		fprintf(stderr, "saker-capture: warning: could not drop capabilities: %s\n", strerror(errno));
	if (filtered)
		fprintf(stderr, "saker-capture: only cgroup %s%s%s (id %llu)\n", target.dir,
		        target.controller[0] ? ", v1 controller " : " (cgroup v2)", target.controller, target.id);
	if (!rotating)
		containers_free(&meta); /* every file that will need them has them */
	fprintf(stderr, "saker-capture: capturing to %s\n", opt.path);
	control_send(&run.control, CONTROL_STARTED, "pid=%d cgroup=%s", (int)getpid(), filtered ? target.dir : "");
	control_send(&run.control, CONTROL_FILE, "%s", run.files.name);

	unsigned long long now = ns_of(CLOCK_MONOTONIC);
	unsigned long long deadline = opt.duration > 0 ? now + (unsigned long long)(opt.duration * 1e9) : 0;
	unsigned long long next_flush = now + FLUSH_INTERVAL_NS, next_counts = now + COUNTS_INTERVAL_NS;
	struct drop_watch drops = { 0 };
	struct counts counts;
	while (!stop_requested && !run.failed) {
		/* The probe wakes us only for batches; whatever is waiting is drained after each timeout. */
		run.drain_until = ns_of(CLOCK_MONOTONIC) + DRAIN_SLICE_NS;
		int n = ring_buffer__poll(rb, POLL_TIMEOUT_MS);
		if (n >= 0 && !run.failed && !stop_requested)
			n = ring_buffer__consume(rb);
		if (n == DRAIN_YIELD)
			n = 0;
		if (n < 0 && n != -EINTR && !run.failed) {
			snprintf(run.err, sizeof(run.err), "ring buffer poll failed: %s", strerror(-n));
			run.failed = 1;
			break;
		}
		now = ns_of(CLOCK_MONOTONIC);
		if ((deadline && now >= deadline) || control_stop_requested(&run.control))
			break;
		if (!run.failed && run.files.max_ns && capture_files_rotation_due(&run.files, now) && rotate(&run))
			break;
		/* Hand what is buffered to the kernel regularly, so a killed capture loses little. */
		if (now >= next_flush && !run.failed) {
			if (read_counts(skel, ncpus, &counts) == 0)
				watch_drops(&run, &drops, &counts, 0);
			scap_flush(run.files.out);
			next_flush = now + FLUSH_INTERVAL_NS;
		}
		if (now >= next_counts) {
			control_send(&run.control, CONTROL_COUNTS, "events=%llu drops=%llu", run.written, drops.seen);
			next_counts = now + COUNTS_INTERVAL_NS;
		}
		if (scap_out_failed(run.files.out) && !run.failed) {
			snprintf(run.err, sizeof(run.err), "writing %s failed: %s; the capture stopped, and the file holds "
			         "every block written before", run.files.name, strerror(scap_out_failed(run.files.out)));
			run.failed = 1;
		}
	}
	/* Stop producing, then write what is already queued. */
	bpf_link__destroy(skel->links.saker_sys_exit);
	bpf_link__destroy(skel->links.saker_sys_enter);
	bpf_link__destroy(skel->links.saker_sched_process_exit);
	skel->links.saker_sys_exit = skel->links.saker_sys_enter = skel->links.saker_sched_process_exit = NULL;
	run.final_drain = 1;
	if (!run.failed)
		ring_buffer__consume(rb);
	int have_counts = read_counts(skel, ncpus, &counts) == 0;
	if (!have_counts)
		fprintf(stderr, "saker-capture: warning: cannot read the drop counters: %s\n", strerror(errno));
	if (have_counts && run.files.out)
		watch_drops(&run, &drops, &counts, 1);
	ring_buffer__free(rb);
	saker_bpf__destroy(skel);
	containers_free(&meta);

	if (run.files.out) {
		int write_errno = scap_out_failed(run.files.out);
		if ((scap_out_close(run.files.out) || write_errno) && !run.failed) {
			snprintf(run.err, sizeof(run.err), "writing %s failed: %s; the capture stopped, and the file holds "
			         "every block written before", run.files.name, strerror(write_errno ? write_errno : errno));
			run.failed = 1;
		}
	}
	fprintf(stderr, "saker-capture: %llu events written, %llu dropped (%s), %llu too large\n", run.written,
	        counts.drops, counts.per_cpu, counts.too_large);
	control_send(&run.control, CONTROL_COUNTS, "events=%llu drops=%llu", run.written, counts.drops);
	if (run.failed)
		return fail(&run.control, 1, run.err);
	control_send(&run.control, CONTROL_EXIT, "exit=0");
	return 0;
}
