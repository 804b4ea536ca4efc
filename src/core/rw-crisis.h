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

/* What an entry was compared with, and when: see data/crisis/README.md. */
typedef struct
{
  char *date;       /* YYYY-MM-DD: the day of the check */
  char *against;    /* the address of the page, or stored copy, that was read */
  char *copy_date;  /* nullable: the date that stored copy shows */
  char *how;        /* how it was read ("search tool (pages corpus): stored copy") */
  char *confirms;   /* what that page confirmed */
} RwCrisisVerification;

typedef struct
{
  char *name;
  char *how;
  char *phone;      /* nullable */
  char *phone_alt;  /* nullable */
  char *text;       /* nullable: a number to text */
  char *url;        /* nullable */
  char *source;     /* the page to check the entry against */
  RwCrisisVerification *verified;  /* nullable: not yet verified against its source */
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
