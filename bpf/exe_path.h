/* execve's trusted_exepath and flags parameters: the executable's path rebuilt from the kernel's
 * dentry and mount chains (what libs' modern probe does, as bpf_d_path is not allowed from a raw
 * tracepoint), and the PPM_EXE_* bits that can be read cheaply. Included once, by proc_events.h. */
#ifndef SAKER_EXE_PATH_H
#define SAKER_EXE_PATH_H
#include "task_read.h"

/* Bounds of the walk: deeper paths keep their last SAKER_PATH_COMPONENTS components (libs keeps a
 * partial path the same way), longer ones stop before the component that would not fit. */
#define SAKER_PATH_COMPONENTS 48
#define SAKER_PATH_TMP 4096          /* PATH_MAX, a power of two: offsets are masked with it */
#define SAKER_NAME_MAX 256           /* NAME_MAX + the terminator */
#define PATH_TMP_MASK (SAKER_PATH_TMP - 1)

#define PPM_EXE_WRITABLE (1 << 0)
#define PPM_EXE_UPPER_LAYER (1 << 1)
#define PPM_EXE_FROM_MEMFD (1 << 2)
#define PPM_EXE_LOWER_LAYER (1 << 3)
#define OVERLAYFS_SUPER_MAGIC 0x794c7630

/* The path is built backwards, from the file up to the root, in the second half of the scratch slot
 * (beyond any event that can be submitted), then copied into the event. The position reached is kept
 * in the map value, not in a register, so that the verifier sees both branches of an iteration
 * (a name, or a mount point crossed) arrive at the next one in the same state and prunes them. */
static __always_inline void push_exe_path(struct ev *e, struct task_struct *task)
{
	struct file *exe = BPF_CORE_READ(task, mm, exe_file);
	if (!exe) {
		push_empty(e);
		return;
	}
	struct dentry *dentry = BPF_CORE_READ(exe, f_path.dentry);
	struct vfsmount *vfsmnt = BPF_CORE_READ(exe, f_path.mnt);
	struct mount *mnt = (struct mount *)((char *)vfsmnt - bpf_core_field_offset(struct mount, mnt));
	struct mount *mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
	struct dentry *mnt_root = BPF_CORE_READ(vfsmnt, mnt_root);
	__u8 *tmp = e->buf + SAKER_MAX_EVENT;
	e->s->path_end = SAKER_PATH_TMP;

	for (int i = 0; i < SAKER_PATH_COMPONENTS; i++) {
		struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
		if (dentry == mnt_root || dentry == parent) {
			/* A root that is not its mount's root (a pseudo file such as a memfd), or the root of
			 * the namespace's root mount: the walk is over. */
			if (dentry != mnt_root || mnt == mnt_parent)
				break;
			/* The root of a mounted file system: continue from where it is mounted. */
			dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
			mnt = mnt_parent;
			mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
			mnt_root = BPF_CORE_READ(mnt, mnt.mnt_root);
			continue;
		}
		struct qstr name = {};
		BPF_CORE_READ_INTO(&name, dentry, d_name);
		__u32 len = name.len;
		__u32 end = e->s->path_end;
		if (len == 0 || len >= SAKER_NAME_MAX || len + 1 >= end)
			break;
		__u32 off = end - (len + 1);
		long n = bpf_probe_read_kernel_str(tmp + (off & PATH_TMP_MASK), SAKER_NAME_MAX, name.name);
		if (n != len + 1)
			break; /* renamed under us: what is written would not join up */
		tmp[(end - 1) & PATH_TMP_MASK] = '/'; /* over the terminator: the separator before what follows */
		e->s->path_end = off;
		dentry = parent;
	}

	__u32 end = e->s->path_end;
	if (end >= SAKER_PATH_TMP || end == 0) {
		/* No component: a file with no place in the tree (memfd, anonymous); libs reports its name. */
		push_kernel_str(e, BPF_CORE_READ(dentry, d_name.name), SAKER_NAME_MAX);
		return;
	}
	tmp[PATH_TMP_MASK] = 0;  /* the last '/' written ends the string */
	end--;
	tmp[end & PATH_TMP_MASK] = '/';
	__u32 n = (SAKER_PATH_TMP - end) & (2 * SAKER_PATH_TMP - 1);
	if (n > SAKER_PATH_TMP)
		n = SAKER_PATH_TMP;
	if (n == 0 || bpf_probe_read_kernel(e->buf + (e->s->pos & EV_MASK), n, tmp + (end & PATH_TMP_MASK)) != 0) {
		push_empty(e);
		return;
	}
	e->s->pos += n;
	set_len(e, n);
}

/* A memfd's file is a root of its own (no parent) named "memfd:<name>", as libs tests. */
static __always_inline int exe_from_memfd(struct dentry *dentry)
{
	if (!dentry || BPF_CORE_READ(dentry, d_parent) != dentry)
		return 0;
	const char prefix[] = "memfd:";
	char got[sizeof(prefix)] = {};
	if (bpf_probe_read_kernel_str(got, sizeof(got), BPF_CORE_READ(dentry, d_name.name)) != sizeof(prefix))
		return 0;
	for (int k = 0; k < (int)sizeof(prefix) - 1; k++)
		if (got[k] != prefix[k])
			return 0;
	return 1;
}

/* On overlayfs the inode is embedded in the overlay's own inode, followed by the upper layer's dentry
 * (struct ovl_inode: vfs_inode, then __upperdentry; the overlay module's types are not in vmlinux'
 * BTF, so the offset is the size of struct inode, as libs reads it). An upper dentry with an inode
 * means the file was written or copied up in the container's layer. */
static __always_inline __u32 exe_overlay_layer(struct dentry *dentry)
{
	if (!dentry || BPF_CORE_READ(dentry, d_sb, s_magic) != OVERLAYFS_SUPER_MAGIC)
		return 0;
	char *inode = (char *)BPF_CORE_READ(dentry, d_inode);
	__u64 inode_size = bpf_core_type_size(struct inode);
	struct dentry *upper = NULL;
	if (!inode || !inode_size ||
	    bpf_probe_read_kernel(&upper, sizeof(upper), inode + inode_size) != 0 || !upper)
		return PPM_EXE_LOWER_LAYER;
	return BPF_CORE_READ(upper, d_inode, i_ino) != 0 ? PPM_EXE_UPPER_LAYER : PPM_EXE_LOWER_LAYER;
}

/* Whether the process could write its own executable (libs' extract__exe_writable, reduced): not on
 * a read-only or immutable file; yes for its owner, by the write bit of the owner, the group (the
 * fsgid only: supplementary groups are not searched) or others, or with CAP_DAC_OVERRIDE/CAP_FOWNER
 * in the initial user namespace (where every id is mapped; in a nested one the capabilities are not
 * counted, so the answer errs towards "not writable"). */
static __always_inline int exe_writable(struct task_struct *task, struct inode *inode)
{
	if (!inode)
		return 0;
	__u32 mode = BPF_CORE_READ(inode, i_mode);
	__u32 fmt = mode & 0170000;
	if ((BPF_CORE_READ(inode, i_sb, s_flags) & 1 /* SB_RDONLY */) &&
	    (fmt == 0100000 || fmt == 0040000 || fmt == 0120000))
		return 0;
	if (BPF_CORE_READ(inode, i_flags) & 8 /* S_IMMUTABLE */)
		return 0;
	const struct cred *cred = BPF_CORE_READ(task, cred);
	__u32 uid = BPF_CORE_READ(inode, i_uid.val), gid = BPF_CORE_READ(inode, i_gid.val);
	if (uid == (__u32)-1 || gid == (__u32)-1)
		return 0;
	if (BPF_CORE_READ(cred, fsuid.val) == uid)
		return 1;
	__u32 bits = BPF_CORE_READ(cred, fsgid.val) == gid ? mode >> 3 : mode;
	if (bits & 2 /* MAY_WRITE */)
		return 1;
	if (BPF_CORE_READ(cred, user_ns, level) != 0)
		return 0;
	__u64 caps = BPF_CORE_READ(cred, cap_effective.val);
	return (caps & ((1ULL << 1) /* CAP_DAC_OVERRIDE */ | (1ULL << 3) /* CAP_FOWNER */)) != 0;
}

/* execve's flags parameter. */
static __always_inline __u32 exe_flags(struct task_struct *task)
{
	struct file *exe = BPF_CORE_READ(task, mm, exe_file);
	struct dentry *dentry = BPF_CORE_READ(exe, f_path.dentry);
	return (exe_writable(task, BPF_CORE_READ(exe, f_inode)) ? PPM_EXE_WRITABLE : 0) |
	       exe_overlay_layer(dentry) | (exe_from_memfd(dentry) ? PPM_EXE_FROM_MEMFD : 0);
}

#endif
