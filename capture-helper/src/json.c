#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

struct parser {
	const char *s, *start;
	char *err;
	size_t errlen;
	int failed;
};

static void fail(struct parser *p, const char *what)
{
	if (p->failed)
		return;
	int line = 1, col = 1;
	for (const char *c = p->start; c < p->s; c++) {
		col = *c == '\n' ? 1 : col + 1;
		line += *c == '\n';
	}
	snprintf(p->err, p->errlen, "line %d, column %d: %s", line, col, what);
	p->failed = 1;
}

static void skip_space(struct parser *p)
{
	while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')
		p->s++;
}

static void put_utf8(char **o, unsigned cp)
{
	unsigned char *u = (unsigned char *)*o;
	if (cp < 0x80) {
		*u++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*u++ = (unsigned char)(0xc0 | cp >> 6);
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	} else {
		*u++ = (unsigned char)(0xe0 | cp >> 12);
		*u++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	}
	*o = (char *)u;
}

static char *parse_string(struct parser *p)
{
	p->s++; /* the opening quote */
	char *out = malloc(strlen(p->s) + 1), *o = out;
	if (!out) {
		fail(p, "out of memory");
		return NULL;
	}
	while (*p->s && *p->s != '"') {
		if ((unsigned char)*p->s < 0x20) {
			fail(p, "control character in a string");
			break;
		}
		if (*p->s != '\\') {
			*o++ = *p->s++;
			continue;
		}
		p->s++;
		switch (*p->s) {
		case '"': case '\\': case '/': *o++ = *p->s; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			unsigned cp;
			if (sscanf(p->s + 1, "%4x", &cp) != 1 || strlen(p->s + 1) < 4) {
				fail(p, "bad \\u escape");
				break;
			}
			put_utf8(&o, cp); /* surrogate pairs stay as two code points: labels are ASCII in practice */
			p->s += 4;
			break;
		}
		default: fail(p, "bad escape in a string");
		}
		if (p->failed)
			break;
		p->s++;
	}
	if (!p->failed && *p->s != '"')
		fail(p, "unterminated string");
	if (p->failed) {
		free(out);
		return NULL;
	}
	p->s++;
	*o = 0;
	return out;
}

static int parse_value(struct parser *p, struct json *v, int depth);

static int parse_items(struct parser *p, struct json *v, char close, int depth)
{
	int cap = 0;
	p->s++;
	skip_space(p);
	if (*p->s == close) {
		p->s++;
		return 0;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap ? cap * 2 : 8;
			struct json *ni = realloc(v->items, (size_t)cap * sizeof(*ni));
			char **nk = close == '}' ? realloc(v->keys, (size_t)cap * sizeof(*nk)) : NULL;
			if (!ni || (close == '}' && !nk)) {
				if (ni) v->items = ni;
				if (nk) v->keys = nk;
				fail(p, "out of memory");
				return -1;
			}
			v->items = ni;
			if (nk)
				v->keys = nk;
		}
		skip_space(p);
		if (close == '}') {
			if (*p->s != '"') {
				fail(p, "expected a quoted key");
				return -1;
			}
			char *key = parse_string(p);
			if (!key)
				return -1;
			v->keys[v->n] = key;
			skip_space(p);
			if (*p->s != ':') {
				free(key);
				fail(p, "expected ':' after a key");
				return -1;
			}
			p->s++;
		}
		memset(&v->items[v->n], 0, sizeof(v->items[0]));
		v->n++;
		if (parse_value(p, &v->items[v->n - 1], depth + 1))
			return -1;
		skip_space(p);
		if (*p->s == ',') {
			p->s++;
			continue;
		}
		if (*p->s == close) {
			p->s++;
			return 0;
		}
		fail(p, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
		return -1;
	}
}

static int parse_value(struct parser *p, struct json *v, int depth)
{
	skip_space(p);
	if (depth > MAX_DEPTH) {
		fail(p, "nested too deeply");
		return -1;
	}
	switch (*p->s) {
	case '{': v->kind = JSON_OBJECT; return parse_items(p, v, '}', depth);
	case '[': v->kind = JSON_ARRAY; return parse_items(p, v, ']', depth);
	case '"':
		v->kind = JSON_STRING;
		return (v->str = parse_string(p)) ? 0 : -1;
	}
	static const char *const words[] = { "true", "false", "null" };
	for (int i = 0; i < 3; i++) {
		if (strncmp(p->s, words[i], strlen(words[i])) == 0) {
			p->s += strlen(words[i]);
			v->kind = i == 2 ? JSON_NULL : JSON_BOOL;
			v->number = i == 0;
			return 0;
		}
	}
	char *end;
	v->number = strtod(p->s, &end);
	if (end == p->s || !(*p->s == '-' || (*p->s >= '0' && *p->s <= '9'))) {
		fail(p, *p->s ? "expected a value" : "unexpected end of input");
		return -1;
	}
	v->kind = JSON_NUMBER;
	p->s = end;
	return 0;
}

static void free_inside(struct json *v)
{
	free(v->str);
	for (int i = 0; i < v->n; i++) {
		free_inside(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
}

struct json *json_parse(const char *text, char *err, size_t errlen)
{
	struct parser p = { .s = text, .start = text, .err = err, .errlen = errlen };
	struct json *v = calloc(1, sizeof(*v));
	if (!v) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (parse_value(&p, v, 0) == 0) {
		skip_space(&p);
		if (*p.s)
			fail(&p, "unexpected text after the value");
	}
	if (p.failed) {
		json_free(v);
		return NULL;
	}
	return v;
}

void json_free(struct json *v)
{
	if (!v)
		return;
	free_inside(v);
	free(v);
}

const struct json *json_get(const struct json *v, const char *key)
{
	if (!v || v->kind != JSON_OBJECT)
		return NULL;
	for (int i = 0; i < v->n; i++)
		if (strcmp(v->keys[i], key) == 0)
			return &v->items[i];
	return NULL;
}

const char *json_text(const struct json *v)
{
	return v && v->kind == JSON_STRING ? v->str : NULL;
}
