/* A small JSON reader for the container metadata file and crictl's output: a tree of values. */
#ifndef SAKER_JSON_H
#define SAKER_JSON_H
#include <stddef.h>

enum json_kind { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json {
	enum json_kind kind;
	char *str;           /* JSON_STRING: the decoded text */
	double number;       /* JSON_NUMBER; JSON_BOOL: 0 or 1 */
	int n;               /* JSON_ARRAY, JSON_OBJECT: how many items */
	struct json *items;  /* JSON_ARRAY, JSON_OBJECT */
	char **keys;         /* JSON_OBJECT: the key of each item */
};

/* NULL on bad input, with "line L, column C: what" in err. */
struct json *json_parse(const char *text, char *err, size_t errlen);
void json_free(struct json *v);
/* The member of an object, or NULL (also when v is not an object). */
const struct json *json_get(const struct json *v, const char *key);
/* The text of a string value, or NULL. */
const char *json_text(const struct json *v);
#endif
