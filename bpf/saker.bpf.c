// SPDX-License-Identifier: GPL-2.0-only
/* Saker's syscall probe: raw_syscalls sys_exit (every syscall, exit-only layout as current libs
 * drivers emit), sys_enter for the TOCTOU enter events (open, openat, openat2, creat, connect) and
 * sched_process_exit. Events are built in a per-CPU scratch slot and sent through one ring buffer;
 * layout in saker_event.h. x86_64 only (syscall numbers and pt_regs argument registers). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "saker_event.h"
#include "syscall_ppm_sc.h"

#ifndef __TARGET_ARCH_x86
#error "saker.bpf.c supports x86_64 only"
#endif

char LICENSE[] SEC("license") = "GPL";

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

/* ---- reading the task ---- */

static __always_inline __s64 arg_of(struct pt_regs *regs, int i)
{
	switch (i) {
	case 0: return BPF_CORE_READ(regs, di);
	case 1: return BPF_CORE_READ(regs, si);
	case 2: return BPF_CORE_READ(regs, dx);
	case 3: return BPF_CORE_READ(regs, r10);
	case 4: return BPF_CORE_READ(regs, r8);
	default: return BPF_CORE_READ(regs, r9);
	}
}

static __always_inline struct file *file_of_fd(struct task_struct *task, __s64 fd)
{
	if (fd < 0)
		return NULL;
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	if (!fdt)
		return NULL;
	unsigned int max = BPF_CORE_READ(fdt, max_fds);
	if (fd >= max)
		return NULL;
	struct file **arr = BPF_CORE_READ(fdt, fd);
	struct file *f = NULL;
	bpf_probe_read_kernel(&f, sizeof(f), &arr[fd]);
	return f;
}

/* dev_t in the kernel's internal form -> the "new_encode_dev" form libs reports. */
static __always_inline __u32 encode_dev(__u32 dev)
{
	__u32 major = dev >> 20, minor = dev & ((1U << 20) - 1);
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static __always_inline void file_dev_ino(struct file *f, __u32 *dev, __u64 *ino)
{
	*dev = 0;
	*ino = 0;
	if (!f)
		return;
	struct inode *inode = BPF_CORE_READ(f, f_inode);
	if (!inode)
		return;
	*ino = BPF_CORE_READ(inode, i_ino);
	*dev = encode_dev(BPF_CORE_READ(inode, i_sb, s_dev));
}

static __always_inline __u32 open_flags_to_ppm(__u32 f)
{
	__u32 r = 0;
	switch (f & 3) {
	case 0: r |= 0x1; break;     /* O_RDONLY */
	case 1: r |= 0x2; break;     /* O_WRONLY */
	default: r |= 0x3; break;    /* O_RDWR */
	}
	if (f & 0100) r |= 0x4;      /* O_CREAT */
	if (f & 02000) r |= 0x8;     /* O_APPEND */
	if (f & 010000) r |= 0x10;   /* O_DSYNC */
	if (f & 0200) r |= 0x20;     /* O_EXCL */
	if (f & 04000) r |= 0x40;    /* O_NONBLOCK */
	if ((f & 04010000) == 04010000) r |= 0x80; /* O_SYNC */
	if (f & 01000) r |= 0x100;   /* O_TRUNC */
	if (f & 040000) r |= 0x200;  /* O_DIRECT */
	if ((f & 020200000) == 020200000) r |= 0x2000; /* O_TMPFILE */
	else if (f & 0200000) r |= 0x400; /* O_DIRECTORY */
	if (f & 0100000) r |= 0x800; /* O_LARGEFILE */
	if (f & 02000000) r |= 0x1000; /* O_CLOEXEC */
	return r;
}

static __always_inline __u32 clone_flags_to_ppm(__u64 f)
{
	__u32 r = 0;
	if (f & 0x400) r |= 0x1;            /* CLONE_FILES */
	if (f & 0x200) r |= 0x2;            /* CLONE_FS */
	if (f & 0x80000000ULL) r |= 0x4;    /* CLONE_IO */
	if (f & 0x08000000) r |= 0x8;       /* CLONE_NEWIPC */
	if (f & 0x40000000) r |= 0x10;      /* CLONE_NEWNET */
	if (f & 0x20000) r |= 0x20;         /* CLONE_NEWNS */
	if (f & 0x20000000) r |= 0x40;      /* CLONE_NEWPID */
	if (f & 0x04000000) r |= 0x80;      /* CLONE_NEWUTS */
	if (f & 0x8000) r |= 0x100;         /* CLONE_PARENT */
	if (f & 0x100000) r |= 0x200;       /* CLONE_PARENT_SETTID */
	if (f & 0x2000) r |= 0x400;         /* CLONE_PTRACE */
	if (f & 0x800) r |= 0x800;          /* CLONE_SIGHAND */
	if (f & 0x40000) r |= 0x1000;       /* CLONE_SYSVSEM */
	if (f & 0x10000) r |= 0x2000;       /* CLONE_THREAD */
	if (f & 0x800000) r |= 0x4000;      /* CLONE_UNTRACED */
	if (f & 0x100) r |= 0x8000;         /* CLONE_VM */
	if (f & 0x10000000) r |= 0x100000;  /* CLONE_NEWUSER */
	if (f & 0x200000) r |= 0x800000;    /* CLONE_CHILD_CLEARTID */
	if (f & 0x01000000) r |= 0x1000000; /* CLONE_CHILD_SETTID */
	if (f & 0x80000) r |= 0x2000000;    /* CLONE_SETTLS */
	if (f & 0x4000) r |= 0x8000000;     /* CLONE_VFORK */
	if (f & 0x02000000) r |= 0x10000000; /* CLONE_NEWCGROUP */
	return r;
}

/* The task's pid number in its own (innermost) pid namespace. */
static __always_inline __s64 vnr(struct pid *pid)
{
	if (!pid)
		return 0;
	unsigned int level = BPF_CORE_READ(pid, level);
	struct upid up = {};
	bpf_probe_read_kernel(&up, sizeof(up), &pid->numbers[level & 31]);
	return up.nr;
}

/* exe (argv[0]) and args (the rest, NUL-separated) from the task's argument area. */
static __always_inline void push_exe_args(struct ev *e, struct task_struct *task)
{
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	unsigned long start = mm ? BPF_CORE_READ(mm, arg_start) : 0;
	unsigned long end = mm ? BPF_CORE_READ(mm, arg_end) : 0;
	if (!mm || end <= start) {
		push_empty(e);
		push_empty(e);
		return;
	}
	__u32 before = e->s->pos;
	push_user_str(e, (void *)start, SAKER_MAX_PATH);
	__u32 exe_len = e->s->pos - before;
	unsigned long rest = end - start;
	if (exe_len >= rest) {
		push_empty(e);
		return;
	}
	rest -= exe_len;
	if (rest > SAKER_MAX_ARGS)
		rest = SAKER_MAX_ARGS;
	__u32 n = rest & (SAKER_MAX_ARGS * 2 - 1);
	if (n > SAKER_MAX_ARGS)
		n = SAKER_MAX_ARGS;
	if (n == 0 || bpf_probe_read_user(e->buf + (e->s->pos & EV_MASK), n, (void *)(start + exe_len)) != 0) {
		push_empty(e);
		return;
	}
	e->s->pos += n;
	set_len(e, n);
}

static __always_inline void push_env(struct ev *e, struct task_struct *task)
{
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	unsigned long start = mm ? BPF_CORE_READ(mm, env_start) : 0;
	unsigned long end = mm ? BPF_CORE_READ(mm, env_end) : 0;
	__u64 len = end > start ? end - start : 0;
	if (len > SAKER_MAX_ARGS)
		len = SAKER_MAX_ARGS;
	__u32 n = len & (SAKER_MAX_ARGS * 2 - 1);
	if (n > SAKER_MAX_ARGS)
		n = SAKER_MAX_ARGS;
	if (n == 0 || bpf_probe_read_user(e->buf + (e->s->pos & EV_MASK), n, (void *)start) != 0) {
		push_empty(e);
		return;
	}
	e->s->pos += n;
	set_len(e, n);
}

/* Kernels before 6.15 name the parent link "parent". */
struct kernfs_node___old {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

#define MAX_CGROUP_DEPTH 12

/* "subsys=/path\0" for one controller, libs' cgroups layout; nothing when the controller is absent. */
static __always_inline void push_cgroup_subsys(struct ev *e, struct task_struct *task, int id)
{
	const char *name = BPF_CORE_READ(task, cgroups, subsys[id], ss, name);
	if (!name)
		return;
	long n = bpf_probe_read_kernel_str(e->buf + (e->s->pos & EV_MASK), 32, name);
	if (n <= 1)
		return;
	e->s->pos += n - 1;
	e->buf[e->s->pos & EV_MASK] = '=';
	e->s->pos++;
	struct kernfs_node *kn = BPF_CORE_READ(task, cgroups, subsys[id], cgroup, kn);
	const char *parts[MAX_CGROUP_DEPTH] = {};
	int count = 0;
	for (int k = 0; k < MAX_CGROUP_DEPTH; k++) {
		if (!kn)
			break;
		parts[k] = BPF_CORE_READ(kn, name);
		count++;
		struct kernfs_node___old *old = (void *)kn;
		if (bpf_core_field_exists(old->parent))
			kn = BPF_CORE_READ(old, parent);
		else
			kn = BPF_CORE_READ(kn, __parent);
	}
	/* parts[count - 1] is the hierarchy's root, whose name is empty: the path starts below it. */
	if (count <= 1) {
		e->buf[e->s->pos & EV_MASK] = '/';
		e->s->pos++;
	}
	for (int k = MAX_CGROUP_DEPTH - 2; k >= 0; k--) {
		if (k >= count - 1)
			continue;
		e->buf[e->s->pos & EV_MASK] = '/';
		e->s->pos++;
		long m = bpf_probe_read_kernel_str(e->buf + (e->s->pos & EV_MASK), 256, parts[k]);
		if (m > 1)
			e->s->pos += m - 1;
	}
	e->buf[e->s->pos & EV_MASK] = 0;
	e->s->pos++;
}

/* The cgroups parameter: the controllers libs reports (cpuset, cpu, cpuacct, io, memory). */
static __always_inline void push_cgroups(struct ev *e, struct task_struct *task)
{
	__u32 start = e->s->pos;
	if (bpf_core_enum_value_exists(enum cgroup_subsys_id, cpuset_cgrp_id))
		push_cgroup_subsys(e, task, bpf_core_enum_value(enum cgroup_subsys_id, cpuset_cgrp_id));
	if (bpf_core_enum_value_exists(enum cgroup_subsys_id, cpu_cgrp_id))
		push_cgroup_subsys(e, task, bpf_core_enum_value(enum cgroup_subsys_id, cpu_cgrp_id));
	if (bpf_core_enum_value_exists(enum cgroup_subsys_id, cpuacct_cgrp_id))
		push_cgroup_subsys(e, task, bpf_core_enum_value(enum cgroup_subsys_id, cpuacct_cgrp_id));
	if (bpf_core_enum_value_exists(enum cgroup_subsys_id, io_cgrp_id))
		push_cgroup_subsys(e, task, bpf_core_enum_value(enum cgroup_subsys_id, io_cgrp_id));
	if (bpf_core_enum_value_exists(enum cgroup_subsys_id, memory_cgrp_id))
		push_cgroup_subsys(e, task, bpf_core_enum_value(enum cgroup_subsys_id, memory_cgrp_id));
	set_len(e, (e->s->pos - start) & 0xffff);
}

/* tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap, comm, cgroups:
 * parameters 4..15 shared by execve and the clone family. cwd is left empty, as Falco's modern probe
 * leaves it. */
static __always_inline void push_proc_common(struct ev *e, struct task_struct *task, __u64 pid_tgid)
{
	push_s64(e, (__u32)pid_tgid);
	push_s64(e, pid_tgid >> 32);
	push_s64(e, BPF_CORE_READ(task, real_parent, tgid));
	push_empty(e); /* cwd */
	push_u64(e, BPF_CORE_READ(task, signal, rlim[7].rlim_cur)); /* RLIMIT_NOFILE */
	push_u64(e, BPF_CORE_READ(task, maj_flt));
	push_u64(e, BPF_CORE_READ(task, min_flt));
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	__u64 total_vm = mm ? BPF_CORE_READ(mm, total_vm) : 0;
	push_u32(e, (__u32)(total_vm << 2)); /* pages of 4 KiB -> KiB */
	push_u32(e, 0); /* vm_rss: per-CPU counters, not read here */
	push_u32(e, 0); /* vm_swap */
	char comm[16] = {};
	bpf_get_current_comm(comm, sizeof(comm));
	push_kernel_str(e, comm, sizeof(comm));
	push_cgroups(e, task);
}

static __always_inline void emit_execve(__u16 type, __s64 ret, struct pt_regs *regs, long id)
{
	struct ev e;
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	if (ev_begin(&e, type, type == PPME_SYSCALL_EXECVE_19_X ? 31 : 30, (__u32)pid_tgid))
		return;
	push_s64(&e, ret);
	push_exe_args(&e, task);
	push_proc_common(&e, task, pid_tgid);
	push_env(&e, task);
	push_u32(&e, 0); /* tty */
	struct task_struct *leader = BPF_CORE_READ(task, group_leader);
	struct pid *pgrp = BPF_CORE_READ(leader, signal, pids[PIDTYPE_PGID]);
	push_s64(&e, vnr(pgrp)); /* vpgid */
	push_u32(&e, BPF_CORE_READ(task, loginuid.val));
	push_u32(&e, 0); /* flags */
	const struct cred *cred = BPF_CORE_READ(task, cred);
	push_u64(&e, BPF_CORE_READ(cred, cap_inheritable.val));
	push_u64(&e, BPF_CORE_READ(cred, cap_permitted.val));
	push_u64(&e, BPF_CORE_READ(cred, cap_effective.val));
	struct inode *exe_inode = BPF_CORE_READ(task, mm, exe_file, f_inode);
	if (exe_inode) {
		push_u64(&e, BPF_CORE_READ(exe_inode, i_ino));
		/* Kernels from 6.11 on; the timestamps stay empty on older layouts. */
		if (bpf_core_field_exists(exe_inode->i_ctime_sec)) {
			push_u64(&e, BPF_CORE_READ(exe_inode, i_ctime_sec) * 1000000000ULL + BPF_CORE_READ(exe_inode, i_ctime_nsec));
			push_u64(&e, BPF_CORE_READ(exe_inode, i_mtime_sec) * 1000000000ULL + BPF_CORE_READ(exe_inode, i_mtime_nsec));
		} else {
			push_empty(&e);
			push_empty(&e);
		}
	} else {
		push_empty(&e);
		push_empty(&e);
		push_empty(&e);
	}
	push_u32(&e, BPF_CORE_READ(cred, euid.val));
	push_empty(&e); /* trusted_exepath */
	struct pid *pg = BPF_CORE_READ(leader, signal, pids[PIDTYPE_PGID]);
	__s64 pgid = 0;
	if (pg) {
		struct upid up = {};
		bpf_probe_read_kernel(&up, sizeof(up), &pg->numbers[0]);
		pgid = up.nr;
	}
	push_s64(&e, pgid);
	push_u32(&e, BPF_CORE_READ(cred, egid.val));
	if (type == PPME_SYSCALL_EXECVE_19_X) {
		/* After a successful execve the argument registers belong to the new program. */
		if (ret < 0)
			push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		else
			push_empty(&e);
	}
	ev_submit(&e);
}

static __always_inline void emit_clone(__u16 type, __s64 ret, struct pt_regs *regs, long id)
{
	struct ev e;
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	if (ev_begin(&e, type, 21, (__u32)pid_tgid))
		return;
	push_s64(&e, ret);
	push_exe_args(&e, task);
	push_proc_common(&e, task, pid_tgid);
	__u64 flags = 0;
	if (id == 56)
		flags = arg_of(regs, 0);
	else if (id == 435) {
		void *cl_args = (void *)arg_of(regs, 0);
		bpf_probe_read_user(&flags, sizeof(flags), cl_args);
	} else if (id == 58)
		flags = 0x4000 | 0x100; /* CLONE_VFORK | CLONE_VM */
	push_u32(&e, clone_flags_to_ppm(flags));
	const struct cred *cred = BPF_CORE_READ(task, cred);
	push_u32(&e, BPF_CORE_READ(cred, euid.val));
	push_u32(&e, BPF_CORE_READ(cred, egid.val));
	push_s64(&e, vnr(BPF_CORE_READ(task, thread_pid)));
	struct task_struct *leader = BPF_CORE_READ(task, group_leader);
	push_s64(&e, vnr(BPF_CORE_READ(leader, thread_pid)));
	push_u64(&e, 0); /* pidns_init_start_ts */
	ev_submit(&e);
}

/* u8 family + address, libscap's PT_SOCKADDR, from a user sockaddr. */
static __always_inline void push_user_sockaddr(struct ev *e, const void *uaddr, __u64 addrlen)
{
	struct sockaddr_in6 sa = {};
	__u16 family = 0;
	if (!uaddr || addrlen < 2 || bpf_probe_read_user(&family, 2, uaddr) != 0) {
		push_empty(e);
		return;
	}
	__u8 *out = e->buf + (e->s->pos & EV_MASK);
	if (family == 2 && addrlen >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in in = {};
		bpf_probe_read_user(&in, sizeof(in), uaddr);
		out[0] = 2;
		__builtin_memcpy(out + 1, &in.sin_addr.s_addr, 4);
		__u16 port = __builtin_bswap16(in.sin_port);
		__builtin_memcpy(out + 5, &port, 2);
		e->s->pos += 7;
		set_len(e, 7);
	} else if (family == 10 && addrlen >= sizeof(struct sockaddr_in6)) {
		bpf_probe_read_user(&sa, sizeof(sa), uaddr);
		out[0] = 10;
		__builtin_memcpy(out + 1, &sa.sin6_addr, 16);
		__u16 port = __builtin_bswap16(sa.sin6_port);
		__builtin_memcpy(out + 17, &port, 2);
		e->s->pos += 19;
		set_len(e, 19);
	} else if (family == 1) {
		out[0] = 1;
		long n = bpf_probe_read_user_str(out + 1, 108, (const char *)uaddr + 2);
		if (n <= 0) {
			out[1] = 0;
			n = 1;
		}
		e->s->pos += 1 + n;
		set_len(e, 1 + n);
	} else {
		push_empty(e);
	}
}

/* libscap's PT_SOCKTUPLE for the socket behind fd; the local end first unless remote_first. */
static __always_inline void push_socktuple(struct ev *e, struct task_struct *task, __s64 fd, int remote_first)
{
	struct file *f = file_of_fd(task, fd);
	struct socket *sock = f ? BPF_CORE_READ(f, private_data) : NULL;
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
	if (!sk) {
		push_empty(e);
		return;
	}
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	__u8 *out = e->buf + (e->s->pos & EV_MASK);
	__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	__u16 rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (family == 2) {
		__u32 laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 raddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		out[0] = 2;
		__builtin_memcpy(out + 1, remote_first ? &raddr : &laddr, 4);
		__builtin_memcpy(out + 5, remote_first ? &rport : &lport, 2);
		__builtin_memcpy(out + 7, remote_first ? &laddr : &raddr, 4);
		__builtin_memcpy(out + 11, remote_first ? &lport : &rport, 2);
		e->s->pos += 13;
		set_len(e, 13);
	} else if (family == 10) {
		struct in6_addr laddr = BPF_CORE_READ(sk, __sk_common.skc_v6_rcv_saddr);
		struct in6_addr raddr = BPF_CORE_READ(sk, __sk_common.skc_v6_daddr);
		out[0] = 10;
		__builtin_memcpy(out + 1, remote_first ? &raddr : &laddr, 16);
		__builtin_memcpy(out + 17, remote_first ? &rport : &lport, 2);
		__builtin_memcpy(out + 19, remote_first ? &laddr : &raddr, 16);
		__builtin_memcpy(out + 35, remote_first ? &lport : &rport, 2);
		e->s->pos += 37;
		set_len(e, 37);
	} else if (family == 1) {
		__u64 src = (__u64)sk;
		__u64 dst = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
		out[0] = 1;
		__builtin_memcpy(out + 1, &src, 8);
		__builtin_memcpy(out + 9, &dst, 8);
		out[17] = 0;
		e->s->pos += 18;
		set_len(e, 18);
	} else {
		push_empty(e);
	}
}

static __always_inline void push_fd_dev_ino(struct ev *e, struct task_struct *task, __s64 fd)
{
	__u32 dev;
	__u64 ino;
	file_dev_ino(fd >= 0 ? file_of_fd(task, fd) : NULL, &dev, &ino);
	push_u32(e, dev);
	push_u64(e, ino);
}

/* Flags of an opened file, with O_F_CREATED when this open created it. */
static __always_inline __u32 opened_flags(struct task_struct *task, __s64 fd, __u32 flags)
{
	__u32 r = open_flags_to_ppm(flags);
	struct file *f = fd >= 0 ? file_of_fd(task, fd) : NULL;
	if (f && (BPF_CORE_READ(f, f_mode) & (1U << 20))) /* FMODE_CREATED */
		r |= 0x4000;
	return r;
}

static __always_inline int traced(void)
{
	return (bpf_get_current_pid_tgid() >> 32) != self_tgid;
}

SEC("raw_tracepoint/sys_exit")
int saker_sys_exit(struct bpf_raw_tracepoint_args *ctx)
{
	if (!traced())
		return 0;
	struct pt_regs *regs = (struct pt_regs *)ctx->args[0];
	__s64 ret = (__s64)ctx->args[1];
	long id = BPF_CORE_READ(regs, orig_ax);
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u64 tid = (__u32)pid_tgid;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct ev e;

	switch (id) {
	case 59: emit_execve(PPME_SYSCALL_EXECVE_19_X, ret, regs, id); return 0;
	case 322:
		/* Like libs' probes: a successful execveat reports as execve. */
		emit_execve(ret == 0 ? PPME_SYSCALL_EXECVE_19_X : PPME_SYSCALL_EXECVEAT_X, ret, regs, id);
		return 0;
	case 56: emit_clone(PPME_SYSCALL_CLONE_20_X, ret, regs, id); return 0;
	case 57: emit_clone(PPME_SYSCALL_FORK_20_X, ret, regs, id); return 0;
	case 58: emit_clone(PPME_SYSCALL_VFORK_20_X, ret, regs, id); return 0;
	case 435: emit_clone(PPME_SYSCALL_CLONE3_X, ret, regs, id); return 0;
	case 0: /* read */
	case 1: /* write */
		if (ev_begin(&e, id == 0 ? PPME_SYSCALL_READ_X : PPME_SYSCALL_WRITE_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		if (ret > 0) {
			__u64 n = ret < snaplen ? ret : snaplen;
			push_user_bytes(&e, (void *)arg_of(regs, 1), n);
		} else {
			push_empty(&e);
		}
		push_s64(&e, (int)arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 2));
		break;
	case 2: /* open */
		if (ev_begin(&e, PPME_SYSCALL_OPEN_X, 6, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_u32(&e, opened_flags(task, ret, arg_of(regs, 1)));
		push_u32(&e, arg_of(regs, 2));
		push_fd_dev_ino(&e, task, ret);
		break;
	case 85: /* creat */
		if (ev_begin(&e, PPME_SYSCALL_CREAT_X, 6, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 1));
		push_fd_dev_ino(&e, task, ret);
		push_u16(&e, 0);
		break;
	case 257: /* openat */
	case 437: /* openat2 */
		if (ev_begin(&e, id == 257 ? PPME_SYSCALL_OPENAT_2_X : PPME_SYSCALL_OPENAT2_X, id == 257 ? 7 : 8, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		if (id == 257) {
			push_u32(&e, opened_flags(task, ret, arg_of(regs, 2)));
			push_u32(&e, arg_of(regs, 3));
		} else {
			struct open_how how = {};
			bpf_probe_read_user(&how, sizeof(how), (void *)arg_of(regs, 2));
			push_u32(&e, opened_flags(task, ret, how.flags));
			push_u32(&e, how.mode);
			push_u32(&e, how.resolve); /* RESOLVE_* bits equal the PPM ones */
		}
		push_fd_dev_ino(&e, task, ret);
		break;
	case 3: /* close */
		if (ev_begin(&e, PPME_SYSCALL_CLOSE_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		break;
	case 41: /* socket */
		if (ev_begin(&e, PPME_SOCKET_SOCKET_X, 5, tid))
			return 0;
		push_s64(&e, ret);
		push_u32(&e, arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 1));
		push_u32(&e, arg_of(regs, 2));
		push_u32(&e, 0);
		break;
	case 42: /* connect */
		if (ev_begin(&e, PPME_SOCKET_CONNECT_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		if (ret == 0 || ret == -115 /* EINPROGRESS */)
			push_socktuple(&e, task, (int)arg_of(regs, 0), 0);
		else
			push_empty(&e);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_sockaddr(&e, (void *)arg_of(regs, 1), arg_of(regs, 2));
		break;
	case 49: /* bind */
		if (ev_begin(&e, PPME_SOCKET_BIND_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_user_sockaddr(&e, (void *)arg_of(regs, 1), arg_of(regs, 2));
		push_s64(&e, (int)arg_of(regs, 0));
		break;
	case 50: /* listen */
		if (ev_begin(&e, PPME_SOCKET_LISTEN_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 1));
		break;
	case 43: /* accept */
	case 288: /* accept4 */
		if (ev_begin(&e, id == 43 ? PPME_SOCKET_ACCEPT_5_X : PPME_SOCKET_ACCEPT4_6_X, id == 43 ? 5 : 6, tid))
			return 0;
		push_s64(&e, ret);
		if (ret >= 0)
			push_socktuple(&e, task, ret, 1);
		else
			push_empty(&e);
		push_u8(&e, 0);
		push_u32(&e, 0);
		push_u32(&e, 0);
		if (id == 288)
			push_u32(&e, arg_of(regs, 3));
		break;
	case 32: /* dup */
		if (ev_begin(&e, PPME_SYSCALL_DUP_1_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		break;
	case 33: /* dup2 */
	case 292: /* dup3 */
		if (ev_begin(&e, id == 33 ? PPME_SYSCALL_DUP2_X : PPME_SYSCALL_DUP3_X, id == 33 ? 3 : 4, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_s64(&e, (int)arg_of(regs, 1));
		if (id == 292)
			push_u32(&e, arg_of(regs, 2) & 02000000 ? 0x1000 : 0);
		break;
	case 22: /* pipe */
	case 293: { /* pipe2 */
		if (ev_begin(&e, id == 22 ? PPME_SYSCALL_PIPE_X : PPME_SYSCALL_PIPE2_X, id == 22 ? 4 : 5, tid))
			return 0;
		int fds[2] = { -1, -1 };
		if (ret == 0)
			bpf_probe_read_user(fds, sizeof(fds), (void *)arg_of(regs, 0));
		push_s64(&e, ret);
		push_s64(&e, fds[0]);
		push_s64(&e, fds[1]);
		__u32 dev;
		__u64 ino;
		file_dev_ino(ret == 0 ? file_of_fd(task, fds[0]) : NULL, &dev, &ino);
		push_u64(&e, ino);
		if (id == 293)
			push_u32(&e, open_flags_to_ppm(arg_of(regs, 1)) & ~0x3U);
		break;
	}
	case 87: /* unlink */
		if (ev_begin(&e, PPME_SYSCALL_UNLINK_2_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		break;
	case 263: /* unlinkat */
		if (ev_begin(&e, PPME_SYSCALL_UNLINKAT_2_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 2) & 0x200);
		break;
	case 82: /* rename */
		if (ev_begin(&e, PPME_SYSCALL_RENAME_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		break;
	case 264: /* renameat */
	case 316: /* renameat2 */
		if (ev_begin(&e, id == 264 ? PPME_SYSCALL_RENAMEAT_X : PPME_SYSCALL_RENAMEAT2_X, id == 264 ? 5 : 6, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_s64(&e, (int)arg_of(regs, 2));
		push_user_str(&e, (void *)arg_of(regs, 3), SAKER_MAX_PATH);
		if (id == 316)
			push_u32(&e, arg_of(regs, 4));
		break;
	case 83: /* mkdir */
		if (ev_begin(&e, PPME_SYSCALL_MKDIR_2_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 1));
		break;
	case 258: /* mkdirat */
		if (ev_begin(&e, PPME_SYSCALL_MKDIRAT_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 2));
		break;
	case 105: /* setuid */
	case 106: /* setgid */
		if (ev_begin(&e, id == 105 ? PPME_SYSCALL_SETUID_X : PPME_SYSCALL_SETGID_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_u32(&e, arg_of(regs, 0));
		break;
	case 117: /* setresuid */
	case 119: /* setresgid */
		if (ev_begin(&e, id == 117 ? PPME_SYSCALL_SETRESUID_X : PPME_SYSCALL_SETRESGID_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_u32(&e, arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 1));
		push_u32(&e, arg_of(regs, 2));
		break;
	case 44: /* sendto */
		if (ev_begin(&e, PPME_SOCKET_SENDTO_X, 5, tid))
			return 0;
		push_s64(&e, ret);
		if (ret > 0)
			push_user_bytes(&e, (void *)arg_of(regs, 1), ret < snaplen ? ret : snaplen);
		else
			push_empty(&e);
		push_s64(&e, (int)arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 2));
		push_socktuple(&e, task, (int)arg_of(regs, 0), 0);
		break;
	case 45: /* recvfrom */
		if (ev_begin(&e, PPME_SOCKET_RECVFROM_X, 5, tid))
			return 0;
		push_s64(&e, ret);
		if (ret > 0)
			push_user_bytes(&e, (void *)arg_of(regs, 1), ret < snaplen ? ret : snaplen);
		else
			push_empty(&e);
		push_socktuple(&e, task, (int)arg_of(regs, 0), 1);
		push_s64(&e, (int)arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 2));
		break;
	case 48: /* shutdown */
		if (ev_begin(&e, PPME_SOCKET_SHUTDOWN_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_u8(&e, arg_of(regs, 1));
		break;
	case 80: /* chdir */
	case 161: /* chroot */
	case 84: /* rmdir */
		if (ev_begin(&e, id == 80 ? PPME_SYSCALL_CHDIR_X : id == 161 ? PPME_SYSCALL_CHROOT_X : PPME_SYSCALL_RMDIR_2_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		break;
	case 81: /* fchdir */
		if (ev_begin(&e, PPME_SYSCALL_FCHDIR_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		break;
	case 62: /* kill */
	case 200: /* tkill */
		if (ev_begin(&e, id == 62 ? PPME_SYSCALL_KILL_X : PPME_SYSCALL_TKILL_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_u8(&e, arg_of(regs, 1));
		break;
	case 234: /* tgkill */
		if (ev_begin(&e, PPME_SYSCALL_TGKILL_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_s64(&e, (int)arg_of(regs, 1));
		push_u8(&e, arg_of(regs, 2));
		break;
	case 86: /* link */
	case 88: /* symlink */
		if (ev_begin(&e, id == 86 ? PPME_SYSCALL_LINK_2_X : PPME_SYSCALL_SYMLINK_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		break;
	case 265: /* linkat */
		if (ev_begin(&e, PPME_SYSCALL_LINKAT_2_X, 6, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_s64(&e, (int)arg_of(regs, 2));
		push_user_str(&e, (void *)arg_of(regs, 3), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 4) & 0x1400); /* AT_SYMLINK_FOLLOW, AT_EMPTY_PATH: same bits */
		break;
	case 266: /* symlinkat */
		if (ev_begin(&e, PPME_SYSCALL_SYMLINKAT_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_s64(&e, (int)arg_of(regs, 1));
		push_user_str(&e, (void *)arg_of(regs, 2), SAKER_MAX_PATH);
		break;
	case 90: /* chmod */
		if (ev_begin(&e, PPME_SYSCALL_CHMOD_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 1) & 07777); /* PPM_S_* bits equal the kernel's */
		break;
	case 91: /* fchmod */
		if (ev_begin(&e, PPME_SYSCALL_FCHMOD_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 1) & 07777);
		break;
	case 268: /* fchmodat */
		if (ev_begin(&e, PPME_SYSCALL_FCHMODAT_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 2) & 07777);
		break;
	case 113: /* setreuid */
	case 114: /* setregid */
		if (ev_begin(&e, id == 113 ? PPME_SYSCALL_SETREUID_X : PPME_SYSCALL_SETREGID_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_u32(&e, arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 1));
		break;
	case 126: { /* capset: the sets in force afterwards */
		if (ev_begin(&e, PPME_SYSCALL_CAPSET_X, 4, tid))
			return 0;
		const struct cred *cred = BPF_CORE_READ(task, cred);
		push_s64(&e, ret);
		push_u64(&e, BPF_CORE_READ(cred, cap_inheritable.val));
		push_u64(&e, BPF_CORE_READ(cred, cap_permitted.val));
		push_u64(&e, BPF_CORE_READ(cred, cap_effective.val));
		break;
	}
	case 157: { /* prctl */
		if (ev_begin(&e, PPME_SYSCALL_PRCTL_X, 4, tid))
			return 0;
		long option = arg_of(regs, 0);
		push_s64(&e, ret);
		push_u32(&e, option);
		if (option == 15 || option == 16) { /* PR_SET_NAME, PR_GET_NAME */
			push_user_str(&e, (void *)arg_of(regs, 1), 16);
			push_empty(&e);
		} else {
			push_empty(&e);
			push_s64(&e, arg_of(regs, 1));
		}
		break;
	}
	case 165: /* mount */
		if (ev_begin(&e, PPME_SYSCALL_MOUNT_X, 5, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_user_str(&e, (void *)arg_of(regs, 2), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 3)); /* MS_* bits equal the PPM ones */
		break;
	case 166: /* umount2 */
		if (ev_begin(&e, PPME_SYSCALL_UMOUNT2_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 1) & 0xf);
		break;
	case 272: /* unshare */
		if (ev_begin(&e, PPME_SYSCALL_UNSHARE_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_u32(&e, clone_flags_to_ppm(arg_of(regs, 0)));
		break;
	case 308: /* setns */
		if (ev_begin(&e, PPME_SYSCALL_SETNS_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_u32(&e, clone_flags_to_ppm(arg_of(regs, 1)));
		break;
	case 319: /* memfd_create */
		if (ev_begin(&e, PPME_SYSCALL_MEMFD_CREATE_X, 3, tid))
			return 0;
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), 256);
		push_u32(&e, arg_of(regs, 1) & 0x7);
		break;
	case 321: /* bpf */
		if (ev_begin(&e, PPME_SYSCALL_BPF_2_X, 2, tid))
			return 0;
		push_s64(&e, ret);
		push_u32(&e, arg_of(regs, 0));
		break;
	case 175: /* init_module */
		if (ev_begin(&e, PPME_SYSCALL_INIT_MODULE_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_user_bytes(&e, (void *)arg_of(regs, 0), arg_of(regs, 1) < snaplen ? arg_of(regs, 1) : snaplen);
		push_u64(&e, arg_of(regs, 1));
		push_user_str(&e, (void *)arg_of(regs, 2), SAKER_MAX_PATH);
		break;
	case 313: /* finit_module */
		if (ev_begin(&e, PPME_SYSCALL_FINIT_MODULE_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 2) & 0x7);
		break;
	case 176: { /* delete_module */
		if (ev_begin(&e, PPME_SYSCALL_DELETE_MODULE_X, 3, tid))
			return 0;
		long f = arg_of(regs, 1);
		push_s64(&e, ret);
		push_user_str(&e, (void *)arg_of(regs, 0), 64);
		push_u32(&e, ((f & 04000) ? 0x2 : 0) | ((f & 01000) ? 0x1 : 0));
		break;
	}
	case 436: /* close_range */
		if (ev_begin(&e, PPME_SYSCALL_CLOSE_RANGE_X, 4, tid))
			return 0;
		push_s64(&e, ret);
		push_u32(&e, arg_of(regs, 0));
		push_u32(&e, arg_of(regs, 1));
		push_u32(&e, arg_of(regs, 2) & 0x6);
		break;
	default:
		if (ev_begin(&e, PPME_GENERIC_X, 2, tid))
			return 0;
		push_u16(&e, (id >= 0 && id < SAKER_SYSCALL_MAP_SIZE) ? saker_ppm_sc[id & (SAKER_SYSCALL_MAP_SIZE - 1)] : 0);
		push_u16(&e, (__u16)id);
		break;
	}
	ev_submit(&e);
	return 0;
}

/* The enter events current drivers still send (TOCTOU mitigation): the arguments as the kernel is
 * about to read them. */
SEC("raw_tracepoint/sys_enter")
int saker_sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	if (!traced())
		return 0;
	struct pt_regs *regs = (struct pt_regs *)ctx->args[0];
	long id = (long)ctx->args[1];
	__u64 tid = (__u32)bpf_get_current_pid_tgid();
	struct ev e;

	switch (id) {
	case 2: /* open */
		if (ev_begin(&e, PPME_SYSCALL_OPEN_E, 3, tid))
			return 0;
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_u32(&e, open_flags_to_ppm(arg_of(regs, 1)));
		push_u32(&e, arg_of(regs, 2));
		break;
	case 85: /* creat */
		if (ev_begin(&e, PPME_SYSCALL_CREAT_E, 2, tid))
			return 0;
		push_user_str(&e, (void *)arg_of(regs, 0), SAKER_MAX_PATH);
		push_u32(&e, arg_of(regs, 1));
		break;
	case 257: /* openat */
		if (ev_begin(&e, PPME_SYSCALL_OPENAT_2_E, 4, tid))
			return 0;
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_u32(&e, open_flags_to_ppm(arg_of(regs, 2)));
		push_u32(&e, arg_of(regs, 3));
		break;
	case 437: { /* openat2 */
		if (ev_begin(&e, PPME_SYSCALL_OPENAT2_E, 5, tid))
			return 0;
		struct open_how how = {};
		bpf_probe_read_user(&how, sizeof(how), (void *)arg_of(regs, 2));
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_str(&e, (void *)arg_of(regs, 1), SAKER_MAX_PATH);
		push_u32(&e, open_flags_to_ppm(how.flags));
		push_u32(&e, how.mode);
		push_u32(&e, how.resolve);
		break;
	}
	case 42: /* connect */
		if (ev_begin(&e, PPME_SOCKET_CONNECT_E, 2, tid))
			return 0;
		push_s64(&e, (int)arg_of(regs, 0));
		push_user_sockaddr(&e, (void *)arg_of(regs, 1), arg_of(regs, 2));
		break;
	default:
		return 0;
	}
	ev_submit(&e);
	return 0;
}

/* PROCEXIT_1_E: status, ret, sig, core, reaper_tid, once per exiting thread. */
SEC("raw_tracepoint/sched_process_exit")
int saker_sched_process_exit(struct bpf_raw_tracepoint_args *ctx)
{
	if (!traced())
		return 0;
	struct task_struct *task = (struct task_struct *)ctx->args[0];
	struct ev e;
	if (ev_begin(&e, PPME_PROCEXIT_1_E, 5, BPF_CORE_READ(task, pid)))
		return 0;
	__s64 code = BPF_CORE_READ(task, exit_code);
	push_s64(&e, code);
	push_s64(&e, code >> 8);
	push_u8(&e, code & 0x7f);
	push_u8(&e, (code & 0x80) ? 1 : 0);
	push_s64(&e, 0);
	ev_submit(&e);
	return 0;
}
