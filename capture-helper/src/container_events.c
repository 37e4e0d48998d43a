/* The container JSON events (PPME_CONTAINER_JSON_2_E) written at the start of every capture file, in
 * the JSON libsinsp's container manager writes (container_to_json), with what is known filled in. */
#define _GNU_SOURCE
#include "container_meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "saker_event.h"

#define PPME_CONTAINER_JSON_2_E 324
#define MAX_EVENT_JSON 60000 /* an EV_V2 block holds at most 64 KiB */

/* A growing text buffer for one event's JSON. */
struct text {
	char *s;
	size_t n, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		size_t cap = (t->n + n + 1) * 2;
		char *ns = realloc(t->s, cap);
		if (!ns)
			return;
		t->s = ns;
		t->cap = cap;
	}
	memcpy(t->s + t->n, s, n);
	t->n += n;
	t->s[t->n] = 0;
}

static void put_str(struct text *t, const char *s)
{
	put(t, "\"", 1);
	for (; *s; s++) {
		char esc[8];
		if (*s == '"' || *s == '\\') {
			esc[0] = '\\';
			esc[1] = *s;
			put(t, esc, 2);
		} else if ((unsigned char)*s < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", (unsigned char)*s);
			put(t, esc, 6);
		} else {
			put(t, s, 1);
		}
	}
	put(t, "\"", 1);
}

static void put_field(struct text *t, const char *key, const char *value)
{
	put_str(t, key);
	put(t, ":", 1);
	put_str(t, value);
	put(t, ",", 1);
}

/* The JSON libsinsp's container manager writes (container_to_json), with what is known filled in. */
static void container_json(struct text *t, const struct container *c)
{
	char shortid[13], repo[1024] = "", tag[256] = "", digest[256] = "", num[64];
	snprintf(shortid, sizeof(shortid), "%s", c->id);
	const char *at = strchr(c->image, '@'), *slash = strrchr(c->image, '/');
	size_t end = at ? (size_t)(at - c->image) : strlen(c->image);
	const char *colon = memrchr(c->image, ':', end);
	if (colon && slash && colon < slash)
		colon = NULL;
	snprintf(repo, sizeof(repo), "%.*s", (int)(colon ? (size_t)(colon - c->image) : end), c->image);
	if (colon)
		snprintf(tag, sizeof(tag), "%.*s", (int)(end - (size_t)(colon + 1 - c->image)), colon + 1);
	if (at)
		snprintf(digest, sizeof(digest), "%s", at + 1);
	put(t, "{\"container\":{", 14);
	put_field(t, "id", shortid);
	put_field(t, "full_id", c->id);
	snprintf(num, sizeof(num), "\"type\":%d,", c->type);
	put(t, num, strlen(num));
	put_field(t, "name", c->name);
	put_field(t, "image", c->image);
	put_field(t, "imageid", c->imageid);
	put_field(t, "imagerepo", repo);
	put_field(t, "imagetag", tag);
	put_field(t, "imagedigest", digest);
	static const char fixed[] = "\"privileged\":false,\"host_pid\":false,\"host_network\":false,\"host_ipc\":false,"
	                            "\"is_pod_sandbox\":false,\"lookup_state\":1,\"created_time\":0,\"Mounts\":[],"
	                            "\"User\":\"\",\"ip\":\"0.0.0.0\",\"cni_json\":\"\",\"port_mappings\":[],";
	put(t, fixed, sizeof(fixed) - 1);
	put_field(t, "pod_sandbox_id", "");
	put(t, "\"labels\":{", 10);
	for (int i = 0; i < c->nlabels; i++) {
		if (i)
			put(t, ",", 1);
		put_str(t, c->labels[i].key);
		put(t, ":", 1);
		put_str(t, c->labels[i].value);
	}
	static const char tail[] = "},\"pod_sandbox_labels\":{},\"env\":[],\"memory_limit\":0,\"swap_limit\":0,"
	                           "\"cpu_shares\":1024,\"cpu_quota\":0,\"cpu_period\":100000,\"cpuset_cpu_count\":0,"
	                           "\"metadata_deadline\":0}}";
	put(t, tail, sizeof(tail) - 1);
}

struct dir_names {
	char **names;
	int n;
};

static void collect(const char *name, void *ctx)
{
	struct dir_names *d = ctx;
	char **nn = realloc(d->names, (size_t)(d->n + 1) * sizeof(*nn));
	if (!nn)
		return;
	d->names = nn;
	d->names[d->n++] = strdup(name);
}

static int inside(const struct dir_names *d, const char *id)
{
	for (int i = 0; i < d->n; i++)
		if (d->names[i] && strstr(d->names[i], id))
			return 1;
	return 0;
}

int write_container_events(struct scap_out *o, const struct container_list *l, const struct cgroup_target *only)
{
	struct dir_names dirs = { 0 };
	if (only)
		cgroup_target_each_dir(only, collect, &dirs);
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	unsigned long long ts = (unsigned long long)now.tv_sec * 1000000000ULL + (unsigned long long)now.tv_nsec;
	int rc = 0;
	for (int i = 0; rc == 0 && i < l->n; i++) {
		const struct container *c = &l->items[i];
		if (only && !inside(&dirs, c->id))
			continue;
		struct text json = { 0 };
		container_json(&json, c);
		if (!json.s || json.n > MAX_EVENT_JSON) {
			fprintf(stderr, "saker-capture: warning: container %s: metadata too large for one event, left out\n",
			        c->id);
			free(json.s);
			continue;
		}
		/* header, one u32 parameter length (a large-payload event type), the JSON with its NUL */
		unsigned int plen = (unsigned int)json.n + 1, len = SAKER_HEADER_LEN + 4 + plen, nparams = 1;
		unsigned long long tid = (unsigned long long)-1;
		unsigned short type = PPME_CONTAINER_JSON_2_E;
		unsigned char *ev = malloc(len);
		if (!ev) {
			free(json.s);
			return -1;
		}
		memcpy(ev + SAKER_OFF_TS, &ts, 8);
		memcpy(ev + SAKER_OFF_TID, &tid, 8);
		memcpy(ev + SAKER_OFF_LEN, &len, 4);
		memcpy(ev + SAKER_OFF_TYPE, &type, 2);
		memcpy(ev + SAKER_OFF_NPARAMS, &nparams, 4);
		memcpy(ev + SAKER_HEADER_LEN, &plen, 4);
		memcpy(ev + SAKER_HEADER_LEN + 4, json.s, plen);
		rc = scap_write_event(o, 0, ev, len);
		free(ev);
		free(json.s);
	}
	for (int i = 0; i < dirs.n; i++)
		free(dirs.names[i]);
	free(dirs.names);
	return rc;
}

