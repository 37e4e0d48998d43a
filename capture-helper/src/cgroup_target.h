/* The cgroup a capture is limited to (--cgroup, --container, --pod): where it is, which hierarchy
 * it belongs to, and the kernfs id the probe compares against. */
#ifndef SAKER_CGROUP_TARGET_H
#define SAKER_CGROUP_TARGET_H
#include <limits.h>
#include <stddef.h>

struct cgroup_target {
	char dir[PATH_MAX];     /* the directory, e.g. /sys/fs/cgroup/kubepods.slice/.../cri-containerd-<id>.scope */
	char rel[PATH_MAX];     /* its path inside the hierarchy, as /proc/PID/cgroup shows it */
	char controller[32];    /* "" for cgroup v2; the v1 controller whose hierarchy it is in, e.g. "cpu" */
	int subsys_id;          /* -1 for cgroup v2; the kernel's id of that v1 controller */
	unsigned long long id;  /* kernfs node id (the directory's inode number) */
};

/* PATH is a cgroup directory (/sys/fs/cgroup/...) or a path inside a hierarchy as /proc/PID/cgroup
 * shows it (/kubepods.slice/...), looked up in cgroup v2 first, then in each v1 controller. */
int cgroup_target_from_path(const char *path, struct cgroup_target *t, char *err, size_t errlen);
/* The cgroup whose last path element contains one of the needles (a container id, "pod<uid>"),
 * searched in cgroup v2 first, then in each v1 controller; what names the error message. */
int cgroup_target_find(const char *const *needles, int n, const char *what, struct cgroup_target *t, char *err,
                       size_t errlen);
/* 1 when the process is inside the target (its cgroup or an ancestor of it is the target). */
int cgroup_target_holds_pid(const struct cgroup_target *t, long pid);
/* Calls fn for the name of every directory at or below the target (to find the containers in it). */
void cgroup_target_each_dir(const struct cgroup_target *t, void (*fn)(const char *name, void *ctx), void *ctx);
/* In a pod with the node's pid namespace (a DaemonSet with hostPID), cgroup paths in /proc and in
 * mountinfo are relative to the pod's own cgroup namespace; joining pid 1's makes them the node's,
 * as the container runtime and the kubelet name them. Nothing happens when they are the same. */
void cgroup_join_node_namespace(void);
#endif
