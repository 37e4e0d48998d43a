/* Building one event in the per-CPU scratch slot and handing it to the ring buffer (layout in
 * saker_event.h). Included once, by saker.bpf.c. */
#ifndef SAKER_EVENT_BUILD_H
#define SAKER_EVENT_BUILD_H
#include "saker_event.h"

/* Set by the helper before loading. */
const volatile __u32 self_tgid = 0;     /* the helper itself: never traced (it would trace its own writes) */
const volatile __u32 snaplen = SAKER_DEFAULT_SNAPLEN;
const volatile __u64 boot_ts = 0;       /* epoch ns at boot: event ts = boot_ts + boot-clock ns */

#define EV_MASK (SAKER_MAX_EVENT - 1)
#define SAKER_WAKEUP_BYTES (512 * 1024)

/* The build state lives in the map value, not on the stack: values loaded from a map are unknown to
 * the verifier, so paths that wrote different amounts look alike and are pruned instead of being
 * explored one by one (which exceeds the verifier's budget once a loop builds a string). */
struct scratch {
	__u32 pos;      /* next parameter byte, from the event start */
	__u32 idx;      /* next parameter number */
	__u32 path_end; /* where the path being built backwards starts (exe_path.h) */
	__u8 data[SAKER_PREFIX_LEN + SAKER_SCRATCH_SIZE];
};

/* One slot per CPU; max_entries is set to the number of possible CPUs by the helper. A plain array,
 * because per-CPU map values are limited to 32 KiB. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 * 1024 * 1024);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SAKER_CNT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

struct ev {
	struct scratch *s;
	__u8 *base;     /* prefix, then the event */
	__u8 *buf;      /* the event */
};

static __always_inline void count(__u32 which)
{
	__u64 *c = bpf_map_lookup_elem(&counters, &which);
	if (c)
		*c += 1;
}

static __always_inline int ev_begin(struct ev *e, __u16 type, __u32 nparams, __u64 tid)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct scratch *sc = bpf_map_lookup_elem(&scratch_map, &cpu);
	if (!sc)
		return -1;
	__u8 *slot = sc->data;
	e->s = sc;
	e->base = slot;
	e->buf = slot + SAKER_PREFIX_LEN;
	sc->idx = 0;
	sc->pos = SAKER_HEADER_LEN + 2 * nparams;
	struct saker_record_prefix p = { .cpu = (__u16)cpu };
	__builtin_memcpy(slot, &p, sizeof(p));
	__u64 ts = boot_ts + bpf_ktime_get_boot_ns();
	__builtin_memcpy(e->buf + SAKER_OFF_TS, &ts, 8);
	__builtin_memcpy(e->buf + SAKER_OFF_TID, &tid, 8);
	__builtin_memcpy(e->buf + SAKER_OFF_TYPE, &type, 2);
	__builtin_memcpy(e->buf + SAKER_OFF_NPARAMS, &nparams, 4);
	return 0;
}

static __always_inline void set_len(struct ev *e, __u16 len)
{
	__builtin_memcpy(e->buf + ((SAKER_HEADER_LEN + 2 * e->s->idx) & EV_MASK), &len, 2);
	e->s->idx++;
}

static __always_inline void push_empty(struct ev *e)
{
	set_len(e, 0);
}

#define DEFINE_PUSH(name, ctype)                                          \
	static __always_inline void name(struct ev *e, ctype v)           \
	{                                                                 \
		__builtin_memcpy(e->buf + (e->s->pos & EV_MASK), &v, sizeof(v)); \
		e->s->pos += sizeof(v);                                      \
		set_len(e, sizeof(v));                                    \
	}
DEFINE_PUSH(push_u8, __u8)
DEFINE_PUSH(push_u16, __u16)
DEFINE_PUSH(push_u32, __u32)
DEFINE_PUSH(push_u64, __u64)
DEFINE_PUSH(push_s64, __s64)

/* PT_DYN: the index of the variant in the parameter's table, then the value. */
static __always_inline void push_dyn_u64(struct ev *e, __u8 variant, __u64 v)
{
	__u8 *out = e->buf + (e->s->pos & EV_MASK);
	out[0] = variant;
	__builtin_memcpy(out + 1, &v, 8);
	e->s->pos += 9;
	set_len(e, 9);
}

static __always_inline void push_dyn_u8(struct ev *e, __u8 variant, __u8 v)
{
	__u8 *out = e->buf + (e->s->pos & EV_MASK);
	out[0] = variant;
	out[1] = v;
	e->s->pos += 2;
	set_len(e, 2);
}

static __always_inline void push_user_str(struct ev *e, const void *ptr, __u32 max)
{
	long n = ptr ? bpf_probe_read_user_str(e->buf + (e->s->pos & EV_MASK), max & (SAKER_MAX_PATH * 4 - 1), ptr) : -1;
	if (n <= 0) {
		set_len(e, 0);
		return;
	}
	e->s->pos += n;
	set_len(e, n);
}

static __always_inline void push_kernel_str(struct ev *e, const void *ptr, __u32 max)
{
	long n = ptr ? bpf_probe_read_kernel_str(e->buf + (e->s->pos & EV_MASK), max & (SAKER_MAX_PATH * 4 - 1), ptr) : -1;
	if (n <= 0) {
		set_len(e, 0);
		return;
	}
	e->s->pos += n;
	set_len(e, n);
}

static __always_inline void push_user_bytes(struct ev *e, const void *ptr, __u64 len)
{
	if (len > SAKER_MAX_SNAPLEN)
		len = SAKER_MAX_SNAPLEN;
	__u32 n = len & (SAKER_MAX_SNAPLEN * 2 - 1);
	if (n > SAKER_MAX_SNAPLEN)
		n = SAKER_MAX_SNAPLEN;
	if (!ptr || n == 0 || bpf_probe_read_user(e->buf + (e->s->pos & EV_MASK), n, ptr) != 0) {
		set_len(e, 0);
		return;
	}
	e->s->pos += n;
	set_len(e, n);
}

/* Hands the finished event to the ring buffer. */
static __always_inline void ev_submit(struct ev *e)
{
	__u32 len = e->s->pos;
	if (len > SAKER_MAX_EVENT) {
		count(SAKER_CNT_TOO_LARGE);
		return;
	}
	__builtin_memcpy(e->buf + SAKER_OFF_LEN, &len, 4);
	__u64 total = len + SAKER_PREFIX_LEN;
	asm volatile("" : "+r"(total)); /* keep the bound check below on the register the call uses */
	if (total > SAKER_MAX_EVENT + SAKER_PREFIX_LEN)
		return;
	/* Waking the reader for every event costs more than building it; wake it only once a batch is
	 * waiting (the reader also drains on its poll timeout). */
	__u64 flags = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) > SAKER_WAKEUP_BYTES ? BPF_RB_FORCE_WAKEUP
	                                                                                : BPF_RB_NO_WAKEUP;
	if (bpf_ringbuf_output(&events, e->base, total, flags) == 0)
		count(SAKER_CNT_EVENTS);
	else
		count(SAKER_CNT_DROPS);
}

#endif
