/* Reading the current task, its files and sockets, and pushing what libs records about them.
 * Included once, by saker.bpf.c. */
#ifndef SAKER_TASK_READ_H
#define SAKER_TASK_READ_H
#include "event_build.h"

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

/* The controlling terminal as the tty parameter of execve reports it (0 for none): the device number
 * of the terminal, encoded as encode_dev does. Shells with a terminal are what "Terminal shell in
 * container" looks for. */
static __always_inline __u32 task_tty(struct task_struct *task)
{
	struct tty_struct *tty = BPF_CORE_READ(task, signal, tty);
	if (!tty)
		return 0;
	struct tty_driver *driver = BPF_CORE_READ(tty, driver);
	if (!driver)
		return 0;
	__u32 major = (__u32)BPF_CORE_READ(driver, major);
	__u32 minor = (__u32)BPF_CORE_READ(driver, minor_start) + (__u32)BPF_CORE_READ(tty, index);
	return encode_dev((major << 20) | minor);
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

/* PTRACE_* request -> PPM_PTRACE_* (0 for requests libs has no name for). */
static __always_inline __u16 ptrace_request_to_ppm(long r)
{
	if (r >= 0 && r <= 9)
		return r + 1;                   /* TRACEME .. SINGLESTEP */
	if (r >= 0x4200 && r <= 0x420b)
		return 0xe + (r - 0x4200);      /* SETOPTIONS .. SETSIGMASK */
	switch (r) {
	case 12: return 0x1a; /* GETREGS */
	case 13: return 0x1b; /* SETREGS */
	case 14: return 0x1c; /* GETFPREGS */
	case 15: return 0x1d; /* SETFPREGS */
	case 16: return 0xb;  /* ATTACH */
	case 17: return 0xc;  /* DETACH */
	case 18: return 0x1e; /* GETFPXREGS */
	case 19: return 0x1f; /* SETFPXREGS */
	case 24: return 0xd;  /* SYSCALL */
	case 25: return 0x21; /* GET_THREAD_AREA */
	case 26: return 0x22; /* SET_THREAD_AREA */
	case 30: return 0x23; /* ARCH_PRCTL */
	case 31: return 0x24; /* SYSEMU */
	case 32: return 0x25; /* SYSEMU_SINGLESTEP */
	case 33: return 0x26; /* SINGLEBLOCK */
	default: return 0;
	}
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

#include "cgroup_filter.h"

/* Not the helper itself, and inside the target cgroup when one is given. */
static __always_inline int traced(void)
{
	return (bpf_get_current_pid_tgid() >> 32) != self_tgid && in_target_cgroup();
}

#endif
