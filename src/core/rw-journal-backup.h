/* rw-journal-backup.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-journal.h"

G_BEGIN_DECLS

/**
 * RwRestorePreview:
 * @is_export: the file is a JSON export rather than a backup
 * @check_ins: how many check-ins the file holds
 * @first: (nullable): its first day, YYYY-MM-DD
 * @last: (nullable): its last day
 * @sessions: how many treatment sessions the file holds
 * @assessments: how many questionnaires answered
 * @journal_check_ins: how many the journal holds now
 * @journal_first: (nullable): the journal's first day
 * @journal_last: (nullable): the journal's last day
 * @journal_sessions: the journal's sessions now
 * @journal_assessments: the journal's questionnaires now
 *
 * What a restore would bring, against what is there (as `rewire restore`
 * shows it).
 */
typedef struct
{
  gboolean is_export;
  gint64 check_ins;
  char *first;
  char *last;
  gint64 sessions;
  gint64 assessments;
  gint64 journal_check_ins;
  char *journal_first;
  char *journal_last;
  gint64 journal_sessions;
  gint64 journal_assessments;
} RwRestorePreview;

void              rw_restore_preview_free             (RwRestorePreview  *preview);

void              rw_journal_preview_restore_async    (RwJournal           *self,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
RwRestorePreview *rw_journal_preview_restore_finish   (RwJournal           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
gboolean          rw_journal_restore                  (RwJournal           *self,
                                                       const char          *path,
                                                       char               **saved,
                                                       GError             **error);

char             *rw_journal_dup_backups_folder       (RwJournal           *self);
gint64            rw_journal_get_last_backup_time     (RwJournal           *self);
guint             rw_journal_count_backups            (RwJournal           *self);
gboolean          rw_journal_renew_backups            (RwJournal           *self,
                                                       guint               *removed,
                                                       GError             **error);
void              rw_journal_copy_backup_async        (RwJournal           *self,
                                                       const char          *folder,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          rw_journal_copy_backup_finish       (RwJournal           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwRestorePreview, rw_restore_preview_free)

G_END_DECLS
