/* rw-cli.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define RW_EXIT_OK 0
#define RW_EXIT_USAGE 1   /* bad usage or bad input */
#define RW_EXIT_DATA 2    /* the journal or a file cannot be read or written */

gboolean rw_cli_is_command (int    argc,
                            char **argv);
int      rw_cli_run        (int    argc,
                            char **argv);

G_END_DECLS
