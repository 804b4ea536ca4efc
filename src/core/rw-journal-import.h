/* rw-journal-import.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-journal.h"

G_BEGIN_DECLS

/**
 * RwJournalImportPreview:
 * @format_name: what the file was read as, for a person ("Daylio CSV")
 * @is_daylio: whether it is a Daylio export (which may need a mood map)
 * @rows: how many check-ins it holds
 * @first: (nullable): the first day, YYYY-MM-DD
 * @last: (nullable): the last day
 * @unknown_moods: (nullable): Daylio mood labels with no number yet
 *
 * What a file to import holds, read without writing anything.
 */
typedef struct
{
  char *format_name;
  gboolean is_daylio;
  guint rows;
  char *first;
  char *last;
  GStrv unknown_moods;
} RwJournalImportPreview;

/* Called in the thread that started the import, with 0.0 to 1.0. */
typedef void (*RwJournalImportProgress) (double   fraction,
                                         gpointer user_data);

void                    rw_journal_import_preview_free    (RwJournalImportPreview  *preview);

void                    rw_journal_preview_import_async   (RwJournal               *self,
                                                           const char              *path,
                                                           GCancellable            *cancellable,
                                                           GAsyncReadyCallback      callback,
                                                           gpointer                 user_data);
RwJournalImportPreview *rw_journal_preview_import_finish  (RwJournal               *self,
                                                           GAsyncResult            *result,
                                                           GError                 **error);

void                    rw_journal_import_async           (RwJournal               *self,
                                                           const char              *path,
                                                           const char              *mood_map,
                                                           RwJournalImportProgress  progress,
                                                           gpointer                 progress_data,
                                                           GCancellable            *cancellable,
                                                           GAsyncReadyCallback      callback,
                                                           gpointer                 user_data);
gboolean                rw_journal_import_finish          (RwJournal               *self,
                                                           GAsyncResult            *result,
                                                           guint                   *added,
                                                           guint                   *skipped,
                                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwJournalImportPreview, rw_journal_import_preview_free)

G_END_DECLS
