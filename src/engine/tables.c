/*
 * tables.c - lookups over the compiled table definitions.
 */
#include "util/setup.h"
#include "engine/tables.h"
#include "util/str.h"

const bb_table_def *bb_table_find(const char *name)
{
	int i;

	for (i = 0; i < bb_ntables; i++)
		if (bb_strcasecmp(bb_tables[i].name, name) == 0)
			return &bb_tables[i];
	return NULL;
}

int bb_table_column(const bb_table_def *t, const char *name)
{
	int i;

	for (i = 0; i < t->ncols; i++)
		if (bb_strcasecmp(t->cols[i].name, name) == 0)
			return i;
	return -1;
}

const bb_fanout_def *bb_table_fanout(const bb_table_def *t, const char *key)
{
	int i;

	for (i = 0; i < t->nfanouts; i++)
		if (strcmp(t->fanouts[i].key, key) == 0)
			return &t->fanouts[i];
	return NULL;
}
