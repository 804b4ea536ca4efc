/* rw-test-util.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
