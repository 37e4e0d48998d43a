/* The one thing bpf/ and capture-helper/ share: how an event travels through the ring buffer.
 *
 * Every ring-buffer record is a saker_record_prefix followed by one event in libscap's layout
 * (driver/ppm_events_public.h, "current" exit-only table):
 *   u64 ts | u64 tid | u32 len | u16 type | u32 nparams | u16 param_len[nparams] | params
 * packed, host byte order, len counting the whole event from ts on. The helper copies the event
 * bytes unchanged into an EV_V2 block, adding the cpu id from the prefix. */
#ifndef SAKER_EVENT_H
#define SAKER_EVENT_H

#define SAKER_PREFIX_LEN 8          /* struct saker_record_prefix */
#define SAKER_HEADER_LEN 26         /* ppm_evt_hdr */
#define SAKER_OFF_TS 0
#define SAKER_OFF_TID 8
#define SAKER_OFF_LEN 16
#define SAKER_OFF_TYPE 20
#define SAKER_OFF_NPARAMS 22

/* Events are built in a scratch area of twice the maximum event size so that every write at an
 * offset masked to the first half stays inside it (what the verifier needs to see). */
#define SAKER_MAX_EVENT 32768
#define SAKER_SCRATCH_SIZE (2 * SAKER_MAX_EVENT)
#define SAKER_DEFAULT_SNAPLEN 80
#define SAKER_MAX_SNAPLEN 16000
#define SAKER_MAX_ARGS 4096         /* args/env bytes, as libscap's limit */
#define SAKER_MAX_PATH 1024

struct saker_record_prefix {
	unsigned short cpu;
	unsigned short reserved;
	unsigned int reserved2;
};

/* Per-CPU counters the helper reads at exit (index into the counters map). */
enum saker_counter {
	SAKER_CNT_EVENTS = 0,       /* events handed to the ring buffer */
	SAKER_CNT_DROPS = 1,        /* events the ring buffer had no room for */
	SAKER_CNT_TOO_LARGE = 2,    /* events that would not fit the scratch area */
	SAKER_CNT_MAX = 3,
};

/* Event type numbers used (libs event_table.c, current numbering). */
#define PPME_GENERIC_X 1
#define PPME_SYSCALL_OPEN_E 2
#define PPME_SYSCALL_OPEN_X 3
#define PPME_SYSCALL_CLOSE_X 5
#define PPME_SYSCALL_READ_X 7
#define PPME_SYSCALL_WRITE_X 9
#define PPME_SOCKET_SOCKET_X 19
#define PPME_SOCKET_BIND_X 21
#define PPME_SOCKET_CONNECT_E 22
#define PPME_SOCKET_CONNECT_X 23
#define PPME_SOCKET_LISTEN_X 25
#define PPME_SYSCALL_CREAT_E 58
#define PPME_SYSCALL_CREAT_X 59
#define PPME_SYSCALL_PIPE_X 61
#define PPME_SYSCALL_RENAME_X 175
#define PPME_SYSCALL_RENAMEAT_X 177
#define PPME_PROCEXIT_1_E 186
#define PPME_SYSCALL_SETRESUID_X 193
#define PPME_SYSCALL_SETRESGID_X 195
#define PPME_SYSCALL_SETUID_X 199
#define PPME_SYSCALL_SETGID_X 201
#define PPME_SYSCALL_CLONE_20_X 223
#define PPME_SYSCALL_FORK_20_X 225
#define PPME_SYSCALL_VFORK_20_X 227
#define PPME_SOCKET_ACCEPT_5_X 247
#define PPME_SYSCALL_MKDIR_2_X 277
#define PPME_SYSCALL_EXECVE_19_X 293
#define PPME_SYSCALL_UNLINK_2_X 301
#define PPME_SYSCALL_UNLINKAT_2_X 303
#define PPME_SYSCALL_MKDIRAT_X 305
#define PPME_SYSCALL_OPENAT_2_E 306
#define PPME_SYSCALL_OPENAT_2_X 307
#define PPME_SYSCALL_RENAMEAT2_X 319
#define PPME_SYSCALL_OPENAT2_E 326
#define PPME_SYSCALL_OPENAT2_X 327
#define PPME_SYSCALL_EXECVEAT_X 331
#define PPME_SYSCALL_CLONE3_X 335
#define PPME_SYSCALL_DUP2_X 363
#define PPME_SYSCALL_DUP3_X 365
#define PPME_SYSCALL_DUP_1_X 367
#define PPME_SOCKET_ACCEPT4_6_X 389
#define PPME_SYSCALL_PIPE2_X 393
#define PPME_SOCKET_SENDTO_X 31
#define PPME_SOCKET_RECVFROM_X 35
#define PPME_SOCKET_SHUTDOWN_X 37
#define PPME_SYSCALL_CHDIR_X 95
#define PPME_SYSCALL_PTRACE_X 169
#define PPME_SYSCALL_FCHDIR_X 97
#define PPME_SYSCALL_KILL_X 129
#define PPME_SYSCALL_TKILL_X 131
#define PPME_SYSCALL_TGKILL_X 133
#define PPME_SYSCALL_SYMLINK_X 179
#define PPME_SYSCALL_SYMLINKAT_X 181
#define PPME_SYSCALL_SETNS_X 241
#define PPME_SYSCALL_MOUNT_X 257
#define PPME_SYSCALL_CHROOT_X 267
#define PPME_SYSCALL_RMDIR_2_X 279
#define PPME_SYSCALL_UNSHARE_X 285
#define PPME_SYSCALL_LINK_2_X 309
#define PPME_SYSCALL_LINKAT_2_X 311
#define PPME_SYSCALL_FCHMODAT_X 313
#define PPME_SYSCALL_CHMOD_X 315
#define PPME_SYSCALL_FCHMOD_X 317
#define PPME_SYSCALL_CAPSET_X 353
#define PPME_SYSCALL_BPF_2_X 369
#define PPME_SYSCALL_UMOUNT2_X 391
#define PPME_SYSCALL_PRCTL_X 401
#define PPME_SYSCALL_MEMFD_CREATE_X 405
#define PPME_SYSCALL_INIT_MODULE_X 411
#define PPME_SYSCALL_FINIT_MODULE_X 413
#define PPME_SYSCALL_DELETE_MODULE_X 425
#define PPME_SYSCALL_SETREUID_X 427
#define PPME_SYSCALL_SETREGID_X 429
#define PPME_SYSCALL_CLOSE_RANGE_X 451

#endif
