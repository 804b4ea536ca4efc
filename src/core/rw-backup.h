/* rw-backup.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-database.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean is_export;   /* a JSON export rather than a journal file */
  gint64 check_ins;
  gint64 sessions;      /* not hidden */
  gint64 assessments;
  char *first;          /* YYYY-MM-DD, or NULL when there are none */
  char *last;
} RwBackupSummary;

#define RW_BACKUP_DAILY_KEPT 7
#define RW_BACKUP_WEEKLY_KEPT 4

char      *rw_backup_get_folder (const char  *data_dir);
gboolean   rw_backup_daily      (RwDatabase  *db,
                                 const char  *today,
                                 char       **made,
                                 GError     **error);
GPtrArray *rw_backup_rotate     (const char  *folder);
GPtrArray *rw_backup_wipe       (const char  *data_dir,
                                 gboolean     dry_run,
                                 GError     **error);

gboolean   rw_backup_describe      (const char       *path,
                                    RwBackupSummary  *summary,
                                    GError          **error);
void       rw_backup_summary_clear (RwBackupSummary  *summary);
gboolean   rw_backup_restore       (RwDatabase       *db,
                                    const char       *path,
                                    char            **saved,
                                    GError          **error);

GPtrArray *rw_backup_list            (const char       *data_dir);
gboolean   rw_backup_renew           (RwDatabase       *db,
                                      const char       *today,
                                      guint            *removed,
                                      GError          **error);
guint      rw_backup_count           (const char       *data_dir);
char      *rw_backup_find_restorable (const char       *data_dir,
                                      RwBackupSummary  *summary);
gboolean   rw_backup_restore_over    (const char       *data_dir,
                                      const char       *path,
                                      char            **kept,
                                      GError          **error);

gboolean   rw_backup_describe_journal (RwDatabase      *db,
                                       RwBackupSummary *summary,
                                       GError         **error);
char      *rw_backup_get_newest       (const char      *data_dir,
                                       gint64          *modified);
gboolean   rw_backup_copy_to          (const char      *data_dir,
                                       const char      *folder,
                                       char           **made,
                                       GError         **error);

G_END_DECLS
