/* What the capture knows about containers (name, image, labels incl. the Kubernetes pod), from a
 * --container-meta file and from CRI through crictl, and the container JSON events that carry it
 * into the capture (PPME_CONTAINER_JSON_2_E, the event libsinsp writes for the same purpose). */
#ifndef SAKER_CONTAINER_META_H
#define SAKER_CONTAINER_META_H
#include <stddef.h>

#include "cgroup_target.h"
#include "scap_out.h"

struct label {
	char *key, *value;
};

struct container {
	char *id;    /* as given: 64 hex characters, or a prefix of them */
	char *name, *image, *imageid;
	int type;    /* libsinsp's sinsp_container_type: 0 docker, 6 cri, 7 containerd, 8 cri-o, 11 podman */
	struct label *labels;
	int nlabels;
};

struct container_list {
	struct container *items;
	int n;
};

/* Adds the containers of a metadata file (format in capture-helper/README.md); -1 with err. */
int containers_from_file(const char *path, struct container_list *l, char *err, size_t errlen);
/* Adds the node's containers as `crictl ps -o json` lists them; 0 and nothing added without crictl. */
int containers_from_crictl(struct container_list *l, char *err, size_t errlen);
const char *container_label(const struct container *c, const char *key);
/* The target cgroup of a Pod: the cgroup named after its uid (or of its only container). */
int pod_target(const struct container_list *l, const char *ns_name, struct cgroup_target *t, char *err,
               size_t errlen);
/* One container JSON event per container; with a target, only those with a cgroup inside it. */
int write_container_events(struct scap_out *o, const struct container_list *l, const struct cgroup_target *only);
void containers_free(struct container_list *l);
#endif
