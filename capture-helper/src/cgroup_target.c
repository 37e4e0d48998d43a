#define _GNU_SOURCE
#include "cgroup_target.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <bpf/btf.h>

#define CGROUP_SUPER_MAGIC 0x27e0eb
#define CGROUP2_SUPER_MAGIC 0x63677270
#define MAX_HIERARCHIES 32

/* One mounted cgroup hierarchy: v2, or v1 with its (first) controller. */
struct hierarchy {
	char mnt[PATH_MAX];
	char root[PATH_MAX]; /* the hierarchy path mounted there ("/" unless a subtree is mounted) */
	char controller[32]; /* "" for v2 */
};

static const char *const v1_controllers[] = { "cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer",
	                                      "net_cls", "perf_event", "net_prio", "hugetlb", "pids", "rdma", "misc" };

static const char *controller_in(char *superopts)
{
	for (char *o = strtok(superopts, ","); o; o = strtok(NULL, ","))
		for (size_t i = 0; i < sizeof(v1_controllers) / sizeof(v1_controllers[0]); i++)
			if (strcmp(o, v1_controllers[i]) == 0)
				return v1_controllers[i];
	return NULL; /* a named hierarchy (name=systemd): no controller the probe can look at */
}

/* cgroup v2 first (it is where current runtimes put containers), then v1 in mount order. */
static int hierarchies(struct hierarchy *h, int cap)
{
	FILE *f = fopen("/proc/self/mountinfo", "r");
	if (!f)
		return 0;
	char line[4096];
	int n = 0;
	for (int pass = 0; pass < 2; pass++) {
		rewind(f);
		while (n < cap && fgets(line, sizeof(line), f)) {
			char root[PATH_MAX], mnt[PATH_MAX], fstype[64], superopts[1024];
			char *dash = strstr(line, " - ");
			if (!dash || sscanf(line, "%*s %*s %*s %4095s %4095s", root, mnt) != 2 ||
			    sscanf(dash + 3, "%63s %*s %1023s", fstype, superopts) != 2)
				continue;
			const char *ctl = "";
			if (pass == 0 && strcmp(fstype, "cgroup2") != 0)
				continue;
			if (pass == 1 && (strcmp(fstype, "cgroup") != 0 || !(ctl = controller_in(superopts))))
				continue;
			snprintf(h[n].mnt, sizeof(h[n].mnt), "%s", mnt);
			snprintf(h[n].root, sizeof(h[n].root), "%s", root);
			snprintf(h[n].controller, sizeof(h[n].controller), "%s", ctl);
			n++;
		}
	}
	fclose(f);
	return n;
}

/* The kernel's id of a v1 controller, from the cgroup_subsys_id enum in the kernel's BTF. */
static int subsys_id_of(const char *controller)
{
	char want[64];
	snprintf(want, sizeof(want), "%s_cgrp_id", strcmp(controller, "blkio") == 0 ? "io" : controller);
	struct btf *btf = btf__load_vmlinux_btf();
	if (!btf)
		return -1;
	int id = -1;
	__s32 tid = btf__find_by_name_kind(btf, "cgroup_subsys_id", BTF_KIND_ENUM);
	const struct btf_type *t = tid > 0 ? btf__type_by_id(btf, (__u32)tid) : NULL;
	const struct btf_enum *e = t ? btf_enum(t) : NULL;
	for (int i = 0; e && i < btf_vlen(t); i++)
		if (strcmp(btf__name_by_offset(btf, e[i].name_off), want) == 0)
			id = e[i].val;
	btf__free(btf);
	return id;
}

static int fill(struct cgroup_target *t, const struct hierarchy *h, const char *dir, char *err, size_t errlen)
{
	struct stat st;
	errno = ENOTDIR;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: not a cgroup directory (%s)", dir, strerror(errno));
		return -1;
	}
	const char *below = dir + strlen(h->mnt);
	snprintf(t->dir, sizeof(t->dir), "%s", dir);
	snprintf(t->rel, sizeof(t->rel), "%s%s", strcmp(h->root, "/") == 0 ? "" : h->root, below);
	if (!t->rel[0])
		snprintf(t->rel, sizeof(t->rel), "/");
	snprintf(t->controller, sizeof(t->controller), "%s", h->controller);
	t->id = (unsigned long long)st.st_ino;
	/* Seen from a cgroup namespace that does not hold it, the target's path starts with "/..", and the
	 * processes' paths in /proc cannot be compared with it. */
	if (strncmp(t->rel, "/..", 3) == 0) {
		snprintf(err, errlen, "%s is outside this process's cgroup namespace (it reads as %s): run saker-capture "
		                      "in the node's cgroup namespace (in a pod: hostPID, so it can join pid 1's)", dir, t->rel);
		return -1;
	}
	t->subsys_id = -1;
	if (h->controller[0] && (t->subsys_id = subsys_id_of(h->controller)) < 0) {
		snprintf(err, errlen, "%s: the kernel's BTF does not name the cgroup v1 controller '%s'", dir, h->controller);
		return -1;
	}
	return 0;
}

int cgroup_target_from_path(const char *path, struct cgroup_target *t, char *err, size_t errlen)
{
	struct hierarchy h[MAX_HIERARCHIES];
	int n = hierarchies(h, MAX_HIERARCHIES);
	if (n == 0) {
		snprintf(err, errlen, "--cgroup %s: no cgroup filesystem is mounted (/proc/self/mountinfo)", path);
		return -1;
	}
	char real[PATH_MAX];
	struct statfs fs;
	if (realpath(path, real) && statfs(real, &fs) == 0 &&
	    (fs.f_type == CGROUP2_SUPER_MAGIC || fs.f_type == CGROUP_SUPER_MAGIC)) {
		int best = -1;
		for (int i = 0; i < n; i++) {
			size_t l = strlen(h[i].mnt);
			if (strncmp(real, h[i].mnt, l) == 0 && (real[l] == '/' || real[l] == 0) &&
			    (best < 0 || l > strlen(h[best].mnt)))
				best = i;
		}
		if (best < 0) {
			snprintf(err, errlen, "--cgroup %s: a cgroup directory, but of a named hierarchy (such as "
			                      "name=systemd) that no controller or cgroup v2 shares; give the path in "
			                      "cgroup v2 or in a v1 controller's hierarchy", path);
			return -1;
		}
		return fill(t, &h[best], real, err, errlen);
	}
	if (path[0] == '/') {
		for (int i = 0; i < n; i++) {
			size_t rl = strcmp(h[i].root, "/") == 0 ? 0 : strlen(h[i].root);
			if (rl && (strncmp(path, h[i].root, rl) != 0 || (path[rl] != '/' && path[rl] != 0)))
				continue;
			char dir[PATH_MAX];
			struct stat st;
			if ((size_t)snprintf(dir, sizeof(dir), "%s%s", h[i].mnt, path + rl) >= sizeof(dir))
				continue;
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				return fill(t, &h[i], dir, err, errlen);
		}
	}
	snprintf(err, errlen, "--cgroup %s: no such cgroup: neither a directory of a cgroup filesystem nor a path "
	                      "inside one under %s%s", path, h[0].mnt, n > 1 ? " (and the other cgroup mounts)" : "");
	return -1;
}

/* nftw has no context argument: the search state of the one search running. */
static const char *const *find_needles;
static int find_n;
static char found[PATH_MAX], found_other[PATH_MAX];
static void (*each_fn)(const char *name, void *ctx);
static void *each_ctx;

static int on_find(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	if (flag != FTW_D)
		return 0;
	/* CRI-O's monitor of a container is named after it too (crio-conmon-<id>.scope): not the container */
	if (strncmp(p + ftw->base, "crio-conmon-", 12) == 0)
		return 0;
	for (int i = 0; i < find_n; i++) {
		if (!strstr(p + ftw->base, find_needles[i]))
			continue;
		if (!found[0])
			snprintf(found, sizeof(found), "%s", p);
		else if (strcmp(strrchr(found, '/') + 1, p + ftw->base) != 0 && !found_other[0])
			snprintf(found_other, sizeof(found_other), "%s", p);
		break;
	}
	return 0;
}

int cgroup_target_find(const char *const *needles, int n, const char *what, struct cgroup_target *t, char *err,
                       size_t errlen)
{
	struct hierarchy h[MAX_HIERARCHIES];
	int nh = hierarchies(h, MAX_HIERARCHIES);
	find_needles = needles;
	find_n = n;
	for (int i = 0; i < nh; i++) {
		found[0] = found_other[0] = 0;
		nftw(h[i].mnt, on_find, 32, FTW_PHYS | FTW_MOUNT);
		if (found_other[0]) {
			snprintf(err, errlen, "%s is ambiguous: both %s and %s match; give more of the id", what, found,
			         found_other);
			return -1;
		}
		if (found[0])
			return fill(t, &h[i], found, err, errlen);
	}
	snprintf(err, errlen, "%s: no cgroup whose name contains '%s' under %s%s", what, needles[0],
	         nh ? h[0].mnt : "/sys/fs/cgroup", nh > 1 ? " or the other cgroup mounts" : " (no cgroup mounted)");
	return -1;
}

static int on_each(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	if (flag == FTW_D)
		each_fn(p + ftw->base, each_ctx);
	return 0;
}

void cgroup_target_each_dir(const struct cgroup_target *t, void (*fn)(const char *name, void *ctx), void *ctx)
{
	each_fn = fn;
	each_ctx = ctx;
	nftw(t->dir, on_each, 32, FTW_PHYS | FTW_MOUNT);
}

int cgroup_target_holds_pid(const struct cgroup_target *t, long pid)
{
	char path[64], line[4096];
	snprintf(path, sizeof(path), "/proc/%ld/cgroup", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	int inside = 0;
	size_t rl = strcmp(t->rel, "/") == 0 ? 0 : strlen(t->rel);
	while (!inside && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c2)
			continue;
		*c2 = 0;
		int ours = 0;
		if (!t->controller[0])
			ours = c1[1] == 0;
		else
			for (char *c = strtok(c1 + 1, ","); c && !ours; c = strtok(NULL, ","))
				ours = strcmp(c, t->controller) == 0;
		const char *p = c2 + 1;
		inside = ours && strncmp(p, t->rel, rl) == 0 && (p[rl] == 0 || p[rl] == '/');
	}
	fclose(f);
	return inside;
}

void cgroup_join_node_namespace(void)
{
	struct stat node, self;
	if (stat("/proc/1/ns/cgroup", &node) != 0 || stat("/proc/self/ns/cgroup", &self) != 0 ||
	    (node.st_dev == self.st_dev && node.st_ino == self.st_ino))
		return;
	int fd = open("/proc/1/ns/cgroup", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || setns(fd, CLONE_NEWCGROUP) != 0)
		fprintf(stderr, "saker-capture: warning: cannot join the cgroup namespace of pid 1 (%s): cgroup paths "
		                "are relative to this container's\n", strerror(errno));
	if (fd >= 0)
		close(fd);
}
