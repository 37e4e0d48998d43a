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
#include "event_build.h"
#include "task_read.h"
#include "proc_events.h"

#ifndef __TARGET_ARCH_x86
#error "saker.bpf.c supports x86_64 only"
#endif

char LICENSE[] SEC("license") = "GPL";

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
	case 101: { /* ptrace: addr and data as libs' ptrace_dynamic_param (0: u64, 1: signal) */
		if (ev_begin(&e, PPME_SYSCALL_PTRACE_X, 5, tid))
			return 0;
		long req = arg_of(regs, 0);
		push_s64(&e, ret);
		push_dyn_u64(&e, 0, arg_of(regs, 2));
		if (req == 7 || req == 8 || req == 9 || req == 17 || req == 24) /* CONT KILL SINGLESTEP DETACH SYSCALL */
			push_dyn_u8(&e, 1, arg_of(regs, 3));
		else
			push_dyn_u64(&e, 0, arg_of(regs, 3));
		push_u16(&e, ptrace_request_to_ppm(req));
		push_s64(&e, (int)arg_of(regs, 1));
		break;
	}
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
