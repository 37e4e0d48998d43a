#define _GNU_SOURCE
#include "container_meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"

#define MAX_FILE_BYTES (16 << 20)

static const struct { const char *name; int type; } types[] = {
	{ "docker", 0 }, { "cri", 6 }, { "containerd", 7 }, { "cri-o", 8 }, { "crio", 8 }, { "podman", 11 },
};

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static int hex_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 12 || n > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

/* One container object (the file's layout; crictl's is mapped onto it by the caller). */
static int add_container(struct container_list *l, const char *id, const char *name, const char *image,
                         const char *imageid, int type, const struct json *labels)
{
	struct container *ni = realloc(l->items, (size_t)(l->n + 1) * sizeof(*ni));
	if (!ni)
		return -1;
	l->items = ni;
	struct container *c = &l->items[l->n++];
	memset(c, 0, sizeof(*c));
	c->id = strdup(id);
	c->name = dup_or_empty(name);
	c->image = dup_or_empty(image);
	c->imageid = dup_or_empty(imageid);
	c->type = type;
	if (labels && labels->kind == JSON_OBJECT && labels->n > 0) {
		c->labels = calloc((size_t)labels->n, sizeof(*c->labels));
		for (int i = 0; c->labels && i < labels->n; i++) {
			if (!json_text(&labels->items[i]))
				continue;
			c->labels[c->nlabels].key = strdup(labels->keys[i]);
			c->labels[c->nlabels++].value = strdup(labels->items[i].str);
		}
	}
	return 0;
}

static char *read_all(FILE *f)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n - 1, f);
		if (n < cap - 1 || cap >= MAX_FILE_BYTES)
			break;
		char *nb = realloc(buf, cap * 2);
		if (!nb) {
			free(buf);
			return NULL;
		}
		buf = nb;
		cap *= 2;
	}
	if (buf)
		buf[n] = 0;
	return buf;
}

int containers_from_file(const char *path, struct container_list *l, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "--container-meta %s: cannot read it: %m", path);
		return -1;
	}
	char *text = read_all(f);
	fclose(f);
	char jerr[256] = "out of memory";
	struct json *doc = text ? json_parse(text, jerr, sizeof(jerr)) : NULL;
	free(text);
	if (!doc) {
		snprintf(err, errlen, "--container-meta %s: not valid JSON: %s", path, jerr);
		return -1;
	}
	const struct json *list = json_get(doc, "containers");
	int rc = 0;
	if (!list || list->kind != JSON_ARRAY) {
		snprintf(err, errlen, "--container-meta %s: wants an object with a \"containers\" array", path);
		rc = -1;
	}
	for (int i = 0; rc == 0 && i < list->n; i++) {
		const struct json *c = &list->items[i];
		const char *id = json_text(json_get(c, "id"));
		const char *type_name = json_text(json_get(c, "type"));
		const struct json *labels = json_get(c, "labels");
		int type = type_name ? -1 : 7;
		for (size_t k = 0; type_name && k < sizeof(types) / sizeof(types[0]); k++)
			if (strcmp(type_name, types[k].name) == 0)
				type = types[k].type;
		if (c->kind != JSON_OBJECT)
			snprintf(err, errlen, "--container-meta %s: containers[%d] is not an object", path, i);
		else if (!id || !hex_id(id))
			snprintf(err, errlen, "--container-meta %s: containers[%d].id wants 12 to 64 lowercase hex digits, "
			                      "not %s", path, i, id ? id : "a missing or non-string value");
		else if (type < 0)
			snprintf(err, errlen, "--container-meta %s: containers[%d].type '%s' is not one of docker, cri, "
			                      "containerd, cri-o, podman", path, i, type_name);
		else if (labels && labels->kind != JSON_OBJECT)
			snprintf(err, errlen, "--container-meta %s: containers[%d].labels wants an object of strings", path, i);
		else {
			add_container(l, id, json_text(json_get(c, "name")), json_text(json_get(c, "image")),
			              json_text(json_get(c, "imageid")), type, labels);
			continue;
		}
		rc = -1;
	}
	json_free(doc);
	return rc;
}

static int crictl_present(void)
{
	const char *path = getenv("PATH");
	char *copy = strdup(path ? path : "/usr/local/bin:/usr/bin:/bin");
	int found = 0;
	for (char *d = strtok(copy, ":"); d && !found; d = strtok(NULL, ":")) {
		char p[4096];
		snprintf(p, sizeof(p), "%s/crictl", d);
		found = access(p, X_OK) == 0;
	}
	free(copy);
	return found;
}

static char *run_output(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	if (!f)
		return NULL;
	char *out = read_all(f);
	if (pclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

int containers_from_crictl(struct container_list *l, char *err, size_t errlen)
{
	if (!crictl_present())
		return 0;
	char *version = run_output("crictl --timeout 5s version 2>/dev/null");
	int type = 6;
	if (version && strstr(version, "RuntimeName:") && strstr(version, "containerd"))
		type = 7;
	else if (version && strstr(version, "cri-o"))
		type = 8;
	free(version);
	char *out = run_output("crictl --timeout 5s ps -o json 2>/dev/null");
	if (!out) {
		snprintf(err, errlen, "crictl is installed but 'crictl ps -o json' failed (is the CRI runtime socket "
		                      "configured in /etc/crictl.yaml?)");
		return -1;
	}
	char jerr[256];
	struct json *doc = json_parse(out, jerr, sizeof(jerr));
	free(out);
	const struct json *list = json_get(doc, "containers");
	if (!list || list->kind != JSON_ARRAY) {
		snprintf(err, errlen, "'crictl ps -o json' printed no containers list%s%s", doc ? "" : ": ",
		         doc ? "" : jerr);
		json_free(doc);
		return -1;
	}
	for (int i = 0; i < list->n; i++) {
		const struct json *c = &list->items[i];
		const char *id = json_text(json_get(c, "id"));
		if (id && hex_id(id))
			add_container(l, id, json_text(json_get(json_get(c, "metadata"), "name")),
			              json_text(json_get(json_get(c, "image"), "image")), json_text(json_get(c, "imageRef")),
			              type, json_get(c, "labels"));
	}
	json_free(doc);
	return 0;
}

const char *container_label(const struct container *c, const char *key)
{
	for (int i = 0; i < c->nlabels; i++)
		if (strcmp(c->labels[i].key, key) == 0)
			return c->labels[i].value;
	return NULL;
}

int pod_target(const struct container_list *l, const char *ns_name, struct cgroup_target *t, char *err,
               size_t errlen)
{
	const char *slash = strchr(ns_name, '/');
	if (!slash || slash == ns_name || !slash[1] || strchr(slash + 1, '/')) {
		snprintf(err, errlen, "--pod wants NAMESPACE/NAME, not '%s'", ns_name);
		return -1;
	}
	char ns[256];
	snprintf(ns, sizeof(ns), "%.*s", (int)(slash - ns_name), ns_name);
	const struct container *match = NULL;
	int matches = 0;
	for (int i = 0; i < l->n; i++) {
		const char *cns = container_label(&l->items[i], "io.kubernetes.pod.namespace");
		const char *cname = container_label(&l->items[i], "io.kubernetes.pod.name");
		if (cns && cname && strcmp(cns, ns) == 0 && strcmp(cname, slash + 1) == 0) {
			if (!match || (!container_label(match, "io.kubernetes.pod.uid") &&
			               container_label(&l->items[i], "io.kubernetes.pod.uid")))
				match = &l->items[i];
			matches++;
		}
	}
	if (!match) {
		snprintf(err, errlen, "--pod %s: no container of that pod is known (%d containers known from %s); "
		                      "give --container-meta FILE with its labels, or --cgroup PATH",
		         ns_name, l->n, l->n ? "--container-meta and crictl" : "nowhere: no --container-meta and no crictl");
		return -1;
	}
	const char *uid = container_label(match, "io.kubernetes.pod.uid");
	if (uid) {
		/* the cgroupfs driver names the pod's cgroup pod<uid>, the systemd driver ...-pod<uid with _>.slice */
		char plain[300], systemd[300];
		snprintf(plain, sizeof(plain), "pod%s", uid);
		snprintf(systemd, sizeof(systemd), "pod%s", uid);
		for (char *c = systemd; *c; c++)
			if (*c == '-')
				*c = '_';
		const char *needles[] = { plain, systemd };
		char what[600];
		snprintf(what, sizeof(what), "--pod %s (uid %s)", ns_name, uid);
		return cgroup_target_find(needles, 2, what, t, err, errlen);
	}
	if (matches > 1) {
		snprintf(err, errlen, "--pod %s: %d containers but no io.kubernetes.pod.uid label to find the pod's "
		                      "cgroup; add the label to the metadata", ns_name, matches);
		return -1;
	}
	const char *needles[] = { match->id };
	char what[600];
	snprintf(what, sizeof(what), "--pod %s (its container %s)", ns_name, match->id);
	return cgroup_target_find(needles, 1, what, t, err, errlen);
}

void containers_free(struct container_list *l)
{
	for (int i = 0; i < l->n; i++) {
		struct container *c = &l->items[i];
		free(c->id);
		free(c->name);
		free(c->image);
		free(c->imageid);
		for (int k = 0; k < c->nlabels; k++) {
			free(c->labels[k].key);
			free(c->labels[k].value);
		}
		free(c->labels);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}
