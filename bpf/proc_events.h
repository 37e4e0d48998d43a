/* The process-lifecycle exit events: execve/execveat and the clone family. Included once, by
 * saker.bpf.c. */
#ifndef SAKER_PROC_EVENTS_H
#define SAKER_PROC_EVENTS_H
#include "task_read.h"
#include "exe_path.h"

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
	push_u32(&e, task_tty(task));
	struct task_struct *leader = BPF_CORE_READ(task, group_leader);
	struct pid *pgrp = BPF_CORE_READ(leader, signal, pids[PIDTYPE_PGID]);
	push_s64(&e, vnr(pgrp)); /* vpgid */
	push_u32(&e, BPF_CORE_READ(task, loginuid.val));
	push_u32(&e, exe_flags(task));
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
	push_exe_path(&e, task);
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

#endif
