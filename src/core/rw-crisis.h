/* rw-crisis.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crisis services of data/crisis/crisis-resources.json, compiled in.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *how;
  char *phone;      /* nullable */
  char *phone_alt;  /* nullable */
  char *text;       /* nullable: a number to text */
  char *url;        /* nullable */
  char *source;
  char *checked;    /* YYYY-MM-DD */
} RwCrisisService;

typedef struct
{
  char *code;       /* "US", ..., "EU", "INTL" */
  char *name;
  GPtrArray *services;  /* element-type RwCrisisService */
} RwCrisisCountry;

#define RW_TYPE_CRISIS_DIRECTORY (rw_crisis_directory_get_type ())
G_DECLARE_FINAL_TYPE (RwCrisisDirectory, rw_crisis_directory, RW, CRISIS_DIRECTORY, GObject)

RwCrisisDirectory     *rw_crisis_directory_new          (GError            **error);
RwCrisisDirectory     *rw_crisis_directory_new_from_data (const char        *json,
                                                          gssize             length,
                                                          GError           **error);
guint                  rw_crisis_directory_get_n_countries (RwCrisisDirectory *self);
const RwCrisisCountry *rw_crisis_directory_get_country  (RwCrisisDirectory  *self,
                                                         guint               index);
const RwCrisisCountry *rw_crisis_directory_lookup       (RwCrisisDirectory  *self,
                                                         const char         *code);
RwCrisisDirectory     *rw_crisis_directory_new_or_fallback (void);
GPtrArray             *rw_crisis_directory_list_for     (RwCrisisDirectory  *self,
                                                         const char         *code);

char                  *rw_crisis_guess_country          (const char * const *language_names);

G_END_DECLS
