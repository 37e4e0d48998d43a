/* Dumps a falcosecurity/libs event table into Saker's schema text format.
 * Built and run by gen-schema.sh against a libs source tree; see that script. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include "ppm_events_public.h"

extern const struct ppm_event_info g_event_info[];
#include "tables.inc" /* generated: NAMED_FLAGS[] and NAMED_DYN[] (name, pointer) and SC_NAME(i) */

static const char *flag_name(const void *p) {
	for (int i = 0; NAMED_FLAGS[i].name; i++) if (NAMED_FLAGS[i].ptr == p) return NAMED_FLAGS[i].name;
	return NULL;
}
static const char *dyn_name(const void *p) {
	for (int i = 0; NAMED_DYN[i].name; i++) if (NAMED_DYN[i].ptr == p) return NAMED_DYN[i].name;
	return NULL;
}
static int is_flags(int t) {
	return t == PT_FLAGS8 || t == PT_FLAGS16 || t == PT_FLAGS32
#ifdef PT_ENUMFLAGS8
	|| t == PT_ENUMFLAGS8 || t == PT_ENUMFLAGS16 || t == PT_ENUMFLAGS32
#endif
	|| t == PT_MODE;
}
static void param(const struct ppm_param_info *p) {
	/* a space in a name (2022's "plugin ID") is written as '+' so lines stay space-separated */
	char name[64];
	snprintf(name, sizeof name, "%s", p->name);
	for (char *c = name; *c; c++) if (*c == ' ') *c = '+';
	printf(" %s:%d:%d", name, (int)p->type, (int)p->fmt);
	if (p->type == PT_DYN && p->info) printf(":dyn=%s", dyn_name(p->info) ? dyn_name(p->info) : "?");
	else if (is_flags(p->type) && p->info) printf(":flags=%s", flag_name(p->info) ? flag_name(p->info) : "?");
	else if (p->type == PT_FSRELPATH) printf(":dirfd=%d", (int)(intptr_t)p->info);
}
int main(void) {
	for (int i = 0; i < PPM_EVENT_MAX; i++) {
		const struct ppm_event_info *e = &g_event_info[i];
		printf("event %d %c %s 0x%x 0x%x %u", i, (i & 1) ? 'X' : 'E', e->name, (unsigned)e->category, (unsigned)e->flags, e->nparams);
		for (unsigned j = 0; j < e->nparams; j++) param(&e->params[j]);
		printf("\n");
	}
	for (int i = 0; NAMED_FLAGS[i].name; i++) {
		printf("flags %s", NAMED_FLAGS[i].name);
		for (const struct ppm_name_value *v = NAMED_FLAGS[i].ptr; v->name; v++) printf(" %s=0x%x", v->name, v->value);
		printf("\n");
	}
	for (int i = 0; NAMED_DYN[i].name; i++) {
		printf("dyn %s %d", NAMED_DYN[i].name, NAMED_DYN[i].n);
		for (int j = 0; j < NAMED_DYN[i].n; j++) param(&((const struct ppm_param_info *)NAMED_DYN[i].ptr)[j]);
		printf("\n");
	}
	for (int i = 0; i < PPM_SC_MAX; i++) if (SC_NAME(i) && SC_NAME(i)[0]) printf("syscall %d %s\n", i, SC_NAME(i));
	return 0;
}
