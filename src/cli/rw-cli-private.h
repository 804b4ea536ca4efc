/* rw-cli-private.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of the command line: what every command parses
 * (--data-dir), how it reports errors and maps them to exit statuses, and
 * the commands themselves.
 */
#pragma once

#include "rw-cli.h"
#include "rw-core-sql.h"

G_BEGIN_DECLS

typedef struct
{
  char *data_dir;   /* --data-dir, or NULL */
} RwCli;

typedef int (*RwCliCommandFunc) (RwCli  *cli,
                                 int     argc,
                                 char  **argv);

/* Argument parsing and errors (rw-cli-options.c) */
GOptionContext *rw_cli_option_context_new (RwCli          *cli,
                                           const char     *parameters,
                                           const char     *summary,
                                           GOptionEntry   *entries);
void            rw_cli_print_error        (const char     *message);
int             rw_cli_fail_with          (const GError   *error);
int             rw_cli_usage_error        (const char     *format,
                                           ...) G_GNUC_PRINTF (1, 2);
gboolean        rw_cli_parse              (GOptionContext  *context,
                                           int             *argc,
                                           char          ***argv,
                                           guint            n_args,
                                           const char      *wrong_count,
                                           int             *status);
char           *rw_cli_resolve_data_dir   (RwCli          *cli,
                                           GError        **error);
RwDatabase     *rw_cli_open_database      (RwCli          *cli,
                                           GError        **error);
RwDatabase     *rw_cli_open_existing_database (RwCli     *cli,
                                               GError   **error);
RwDatabase     *rw_cli_open_readable      (RwCli          *cli,
                                           gboolean        existing,
                                           GError        **error);

/* The values add and edit take, as typed; NULL when not given. */
typedef struct
{
  char *date;
  char *time;
  char *metrics[RW_N_METRICS];
  char *sleep;
  char *tags;
  char *note;
} RwCliValues;

GOptionEntry   *rw_cli_values_entries     (RwCliValues    *values);
void            rw_cli_values_clear       (RwCliValues    *values);
gboolean        rw_cli_values_apply       (const RwCliValues *values,
                                           RwCheckIn      *check_in,
                                           GError        **error);

/* The table that `rewire list` prints (rw-cli-table.c) */
gboolean        rw_cli_print_table        (RwDatabase            *db,
                                           const RwCheckInQuery  *query,
                                           GError               **error);
void            rw_cli_append_printable   (GString               *out,
                                           const char            *text);

/* Commands (rw-cli-commands.c, rw-cli-chart.c, rw-cli-report.c) */
int             rw_cli_cmd_add            (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_edit           (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_delete         (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_list           (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_export         (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_import         (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_chart          (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_report         (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_assess         (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_check          (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_backup         (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_wipe           (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_restore        (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_session        (RwCli *cli, int argc, char **argv);  /* rw-cli-session.c */
int             rw_cli_cmd_safety_plan    (RwCli *cli, int argc, char **argv);
int             rw_cli_cmd_remind         (RwCli *cli, int argc, char **argv);  /* rw-cli-remind.c */

G_END_DECLS
