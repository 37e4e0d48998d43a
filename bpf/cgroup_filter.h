/* The --cgroup/--container/--pod filter, applied before any event is built, so a process outside the
 * target costs a few pointer reads per syscall and nothing else. The target is a cgroup directory,
 * named by its kernfs node id (the directory's inode number); a task is inside when its own cgroup or
 * one of its ancestors in the same hierarchy is that node. Included by task_read.h. */
#ifndef SAKER_CGROUP_FILTER_H
#define SAKER_CGROUP_FILTER_H

/* Set by the helper before loading. */
const volatile __u64 target_cgroup_id = 0; /* 0: no filter, the whole machine */
const volatile __s32 target_subsys = -1;   /* -1: cgroup v2 (the default hierarchy); else a v1 controller's id */

/* A task may sit this many levels below the target (nested cgroups inside a container). The target's
 * own level is not used to shorten the walk: the helper may see the tree from inside a cgroup
 * namespace, where it cannot tell the target's level. */
#define MAX_CGROUP_BELOW_TARGET 16

static __always_inline struct kernfs_node *kn_parent(struct kernfs_node *kn)
{
	struct kernfs_node___old *old = (void *)kn;
	if (bpf_core_field_exists(old->parent))
		return BPF_CORE_READ(old, parent);
	return BPF_CORE_READ(kn, __parent);
}

static __always_inline int in_target_cgroup(void)
{
	if (target_cgroup_id == 0)
		return 1;
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct cgroup *cg;
	if (target_subsys < 0)
		cg = BPF_CORE_READ(task, cgroups, dfl_cgrp);
	else
		cg = BPF_CORE_READ(task, cgroups, subsys[target_subsys & 63], cgroup);
	struct kernfs_node *kn = cg ? BPF_CORE_READ(cg, kn) : NULL;
	for (int i = 0; i <= MAX_CGROUP_BELOW_TARGET && kn; i++) {
		if (BPF_CORE_READ(kn, id) == target_cgroup_id)
			return 1;
		kn = kn_parent(kn);
	}
	return 0;
}
#endif
