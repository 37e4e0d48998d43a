/* saker-capture: records syscalls with eBPF into a libscap capture (see README, "saker-capture").
 * Order of work: open the output (fail early), load and attach the probes (events start queueing in
 * the ring buffer, so nothing that happens during the /proc scan is lost), write the header blocks,
 * drop every capability, then drain the ring buffer into EV_V2 blocks until told to stop. */
#include <errno.h>
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

#include "cgroup_target.h"
#include "container_meta.h"
#include "options.h"
#include "proc_scan.h"
#include "saker.skel.h"
#include "saker_event.h"
#include "scap_out.h"

#define FLUSH_INTERVAL_NS 200000000ULL
#define POLL_TIMEOUT_MS 20
#define PPME_DROP_E 148
#define PPME_DROP_X 149

static volatile sig_atomic_t stop_requested;

struct run {
	struct scap_out *out;
	unsigned long long written;
	unsigned long long max_events;
	int write_error;
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

static int on_event(void *ctx, void *data, size_t size)
{
	struct run *r = ctx;
	if (r->write_error || (r->max_events && r->written >= r->max_events))
		return 0;
	if (size < SAKER_PREFIX_LEN + SAKER_HEADER_LEN)
		return 0;
	const struct saker_record_prefix *p = data;
	const unsigned char *ev = (const unsigned char *)data + SAKER_PREFIX_LEN;
	unsigned int len;
	memcpy(&len, ev + SAKER_OFF_LEN, 4);
	if (len > size - SAKER_PREFIX_LEN)
		return 0;
	if (scap_write_event(r->out, p->cpu, ev, len)) {
		r->write_error = 1;
		return -1; /* stops this drain; the main loop reports it */
	}
	r->written++;
	if (r->max_events && r->written >= r->max_events)
		stop_requested = 1;
	return 0;
}

static unsigned long long ns_of(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + (unsigned long long)ts.tv_nsec;
}

/* Sum over CPUs of one counter of the probe; -1 when the map cannot be read. */
static long long counter_total(struct saker_bpf *skel, int ncpus, __u32 key, __u64 *vals)
{
	if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.counters), &key, vals) != 0)
		return -1;
	long long total = 0;
	for (int i = 0; i < ncpus; i++)
		total += (long long)vals[i];
	return total;
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

/* Everything needed later is open (ring buffer, maps, output), so no capability is left. */
static int drop_capabilities(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
	struct __user_cap_data_struct data[2];
	memset(data, 0, sizeof(data));
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

int main(int argc, char **argv)
{
	struct options opt;
	int exit_code;
	if (options_parse(argc, argv, &opt, &exit_code))
		return exit_code;
	const char *path = opt.path;
	unsigned long long max_events = opt.max_events;
	double duration = opt.duration;

	char err[1024];
	struct container_list meta = { 0 };
	if ((opt.container_meta && containers_from_file(opt.container_meta, &meta, err, sizeof(err))) ||
	    containers_from_crictl(&meta, err, sizeof(err))) {
		fprintf(stderr, "saker-capture: %s\n", err);
		return opt.container_meta && !meta.n ? 2 : 1;
	}
	struct cgroup_target target;
	int filtered;
	if (resolve_target(&opt, &meta, &target, &filtered, err, sizeof(err))) {
		fprintf(stderr, "saker-capture: %s\n", err);
		return 1;
	}

	struct run run = { .max_events = max_events };
	run.out = scap_out_open(path, opt.gzip, err, sizeof(err));
	if (!run.out) {
		fprintf(stderr, "saker-capture: %s\n", err);
		return 1;
	}

	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	libbpf_set_print(libbpf_log);
	unsigned long long boot_ts = ns_of(CLOCK_REALTIME) - ns_of(CLOCK_BOOTTIME);
	struct saker_bpf *skel = saker_bpf__open();
	if (!skel) {
		fprintf(stderr, "saker-capture: cannot open the BPF program: %s\n", strerror(errno));
		return 1;
	}
	skel->rodata->self_tgid = (unsigned int)getpid();
	skel->rodata->snaplen = (unsigned int)opt.snaplen;
	if (filtered) {
		skel->rodata->target_cgroup_id = target.id;
		skel->rodata->target_subsys = target.subsys_id;
		skel->rodata->target_depth = target.depth;
	}
	skel->rodata->boot_ts = boot_ts;
	if (bpf_map__set_max_entries(skel->maps.events, (unsigned int)(opt.buffer_kb * 1024))) {
		fprintf(stderr, "saker-capture: cannot size the ring buffer\n");
		return 1;
	}
	int ncpus = libbpf_num_possible_cpus();
	if (ncpus <= 0 || bpf_map__set_max_entries(skel->maps.scratch_map, (unsigned int)ncpus)) {
		fprintf(stderr, "saker-capture: cannot size the per-CPU scratch map\n");
		return 1;
	}
	int rc = saker_bpf__load(skel);
	if (rc) {
		fprintf(stderr, "saker-capture: cannot load the BPF program (%s); run as root on a kernel with BTF "
		                "(/sys/kernel/btf/vmlinux)\n", strerror(-rc));
		saker_bpf__destroy(skel);
		return 1;
	}
	rc = saker_bpf__attach(skel);
	if (rc) {
		fprintf(stderr, "saker-capture: cannot attach the probes: %s\n", strerror(-rc));
		saker_bpf__destroy(skel);
		return 1;
	}
	struct ring_buffer *rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_event, &run, NULL);
	if (!rb) {
		fprintf(stderr, "saker-capture: cannot open the ring buffer: %s\n", strerror(errno));
		saker_bpf__destroy(skel);
		return 1;
	}

	if (scap_write_shb(run.out) || scap_write_mi(run.out, boot_ts) || write_interface_list(run.out) ||
	    write_user_list(run.out) ||
	    write_process_list(run.out, getpid(), filtered ? &target : NULL) ||
	    write_container_events(run.out, &meta, filtered ? &target : NULL) || scap_flush(run.out)) {
		int err = scap_out_failed(run.out);
		fprintf(stderr, "saker-capture: cannot write the capture header to %s: %s\n", path,
		        err ? strerror(err) : "write error");
		return 1;
	}
	if (drop_capabilities() != 0)
		fprintf(stderr, "saker-capture: warning: could not drop capabilities: %s\n", strerror(errno));
	if (filtered)
		fprintf(stderr, "saker-capture: only cgroup %s%s%s (id %llu)\n", target.dir,
		        target.controller[0] ? ", v1 controller " : " (cgroup v2)", target.controller, target.id);
	containers_free(&meta);
	fprintf(stderr, "saker-capture: capturing to %s\n", path);

	unsigned long long deadline = duration > 0 ? ns_of(CLOCK_MONOTONIC) + (unsigned long long)(duration * 1e9) : 0;
	unsigned long long next_flush = ns_of(CLOCK_MONOTONIC) + FLUSH_INTERVAL_NS;
	__u64 *drop_vals = calloc((size_t)ncpus, sizeof(__u64));
	long long drops_seen = 0;
	int dropping = 0;
	while (!stop_requested && !run.write_error) {
		/* The probe wakes us only for batches; whatever is waiting is drained after each timeout. */
		int n = ring_buffer__poll(rb, POLL_TIMEOUT_MS);
		if (n >= 0 && !run.write_error)
			n = ring_buffer__consume(rb);
		if (n < 0 && n != -EINTR && !run.write_error) {
			fprintf(stderr, "saker-capture: ring buffer poll failed: %s\n", strerror(-n));
			break;
		}
		unsigned long long now = ns_of(CLOCK_MONOTONIC);
		if (deadline && now >= deadline)
			break;
		/* Hand what is buffered to the kernel regularly, so a killed capture loses little. */
		if (now >= next_flush) {
			long long drops_now = drop_vals ? counter_total(skel, ncpus, SAKER_CNT_DROPS, drop_vals) : -1;
			if (drops_now > drops_seen && !dropping) {
				write_drop_event(run.out, PPME_DROP_E);
				dropping = 1;
			} else if (drops_now == drops_seen && dropping) {
				write_drop_event(run.out, PPME_DROP_X);
				dropping = 0;
			}
			if (drops_now >= 0)
				drops_seen = drops_now;
			scap_flush(run.out);
			next_flush = now + FLUSH_INTERVAL_NS;
		}
		if (scap_out_failed(run.out))
			break;
	}
	/* Stop producing, then write what is already queued. */
	bpf_link__destroy(skel->links.saker_sys_exit);
	bpf_link__destroy(skel->links.saker_sys_enter);
	bpf_link__destroy(skel->links.saker_sched_process_exit);
	skel->links.saker_sys_exit = skel->links.saker_sys_enter = skel->links.saker_sched_process_exit = NULL;
	if (!run.write_error)
		ring_buffer__consume(rb);
	if (drop_vals) {
		long long drops_now = counter_total(skel, ncpus, SAKER_CNT_DROPS, drop_vals);
		if (drops_now > drops_seen && !dropping) {
			write_drop_event(run.out, PPME_DROP_E);
			dropping = 1;
		}
		if (dropping)
			write_drop_event(run.out, PPME_DROP_X);
		free(drop_vals);
	}

	unsigned long long drops = 0, too_large = 0, sent = 0;
	__u64 *vals = calloc((size_t)ncpus, sizeof(__u64));
	char per_cpu[1024] = "";
	size_t pl = 0;
	for (__u32 key = 0; vals && key < SAKER_CNT_MAX; key++) {
		if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.counters), &key, vals) != 0) {
			fprintf(stderr, "saker-capture: warning: cannot read the drop counters: %s\n", strerror(errno));
			break;
		}
		for (int i = 0; i < ncpus; i++) {
			if (key == SAKER_CNT_EVENTS) sent += vals[i];
			if (key == SAKER_CNT_TOO_LARGE) too_large += vals[i];
			if (key == SAKER_CNT_DROPS) {
				drops += vals[i];
				if (pl < sizeof(per_cpu) - 32)
					pl += (size_t)snprintf(per_cpu + pl, sizeof(per_cpu) - pl, "%scpu%d=%llu", i ? " " : "", i,
					                       (unsigned long long)vals[i]);
			}
		}
	}
	free(vals);
	ring_buffer__free(rb);
	saker_bpf__destroy(skel);

	int write_errno = scap_out_failed(run.out);
	int failed = run.write_error || write_errno;
	if (scap_out_close(run.out)) {
		failed = 1;
		if (!write_errno)
			write_errno = errno;
	}
	fprintf(stderr, "saker-capture: %llu events written, %llu dropped (%s), %llu too large\n", run.written, drops,
	        per_cpu, too_large);
	(void)sent;
	if (failed) {
		fprintf(stderr, "saker-capture: writing %s failed: %s; the capture stopped, and the file holds every "
		                "block written before\n", path, write_errno ? strerror(write_errno) : "write error");
		return 1;
	}
	return 0;
}
