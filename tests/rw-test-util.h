/* rw-test-util.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rw-check-in-sql.h"

G_BEGIN_DECLS

/* A fresh private directory under the system temp dir, removed (with all
 * it holds) by rw_test_remove_dir(). */
char    *rw_test_make_dir        (void);
void     rw_test_remove_dir      (const char  *dir);
/* SHA-256 of a file's bytes, or NULL if it cannot be read. */
char    *rw_test_file_checksum   (const char  *path);
char    *rw_test_journal_checksum (const char *path);
/* Runs the built rewire binary (REWIRE_BINARY) with @argv (without the
 * program name), returns its exit code. */
int      rw_test_run_cli         (const char * const *argv,
                                  char              **stdout_text,
                                  char              **stderr_text);

/* A check-in of @date at @time with a mood (or RW_METRIC_UNSET) and a note. */
RwCheckIn *rw_test_check_in_new   (const char           *date,
                                   const char           *time,
                                   int                   mood,
                                   const char           *note);
/* How many files and folders @dir holds. */
guint      rw_test_count_entries  (const char           *dir);
gboolean   rw_test_file_holds     (const char           *path,
                                   const char           *word);
/* The visible check-ins @query selects (%NULL: all, newest first), read
 * through rw_check_in_sql_foreach(). */
GPtrArray *rw_test_list_check_ins (RwDatabase            *db,
                                   const RwCheckInQuery  *query);
/* How many check-ins rw_test_list_check_ins() would list. */
guint      rw_test_count_check_ins (RwDatabase           *db,
                                    const RwCheckInQuery *query);
/* Writes @check_in as it is, unvalidated (its created and modified times
 * kept when set), in a transaction of its own; asserts that it worked. */
void       rw_test_insert          (RwDatabase           *db,
                                    RwCheckIn            *check_in);
/* Validates and saves @check_in as the app does (RwJournal). */
gboolean   rw_test_add             (RwDatabase           *db,
                                    RwCheckIn            *check_in,
                                    GError              **error);
/* A year of check-ins, sessions and questionnaires from @first (julian):
 * notes name "kingfisher", session notes and integration answers "heronry". */
void       rw_test_fill_treatment_year (RwDatabase       *db,
                                        guint32           first);

G_END_DECLS
