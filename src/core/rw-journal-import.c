/* rw-journal-import.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing from the window: the file is read, and then imported, in a
 * worker thread on a connection of its own, so that the window goes on
 * drawing and reading; the import is one transaction that a cancel rolls
 * back.
 */
#define G_LOG_DOMAIN "rw-journal-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-import.h"
#include "rw-journal-import.h"
#include "rw-journal-private.h"

void
rw_journal_import_preview_free (RwJournalImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->format_name);
  g_free (preview->first);
  g_free (preview->last);
  g_strfreev (preview->unknown_moods);
  g_free (preview);
}

static const char *
format_name (RwFormat format)
{
  switch (format)
    {
    case RW_FORMAT_JSON:
      return _("Rewire JSON export");
    case RW_FORMAT_DAYLIO:
      return _("Daylio CSV export");
    case RW_FORMAT_CSV:
    case RW_FORMAT_AUTO:
    default:
      return _("Rewire CSV export");
    }
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  RwImportPreview found;
  RwJournalImportPreview *preview;

  if (!rw_import_preview_file (task_data, RW_FORMAT_AUTO, &found, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  preview = g_new0 (RwJournalImportPreview, 1);
  preview->format_name = g_strdup (format_name (found.format));
  preview->is_daylio = found.format == RW_FORMAT_DAYLIO;
  preview->rows = found.rows;
  preview->first = g_steal_pointer (&found.first);
  preview->last = g_steal_pointer (&found.last);
  preview->unknown_moods = g_steal_pointer (&found.unknown_moods);
  rw_import_preview_clear (&found);
  g_task_return_pointer (task, preview, (GDestroyNotify) rw_journal_import_preview_free);
}

/**
 * rw_journal_preview_import_async:
 * @self: a #RwJournal
 * @path: the file to import
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * Reads @path in a worker, as an import would, and says what it holds
 * (see #RwJournalImportPreview); nothing is written. A file that cannot
 * be imported fails here with the message the import would give.
 */
void
rw_journal_preview_import_async (RwJournal           *self,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RW_IS_JOURNAL (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rw_journal_preview_import_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, preview_thread);
}

RwJournalImportPreview *
rw_journal_preview_import_finish (RwJournal     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char *data_dir;
  char *path;
  char *mood_map;
  RwJournalImportProgress progress;
  gpointer progress_data;
  gint pending;     /* a progress report waits in the caller's thread */
  gint permille;
  RwImportResult result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job->mood_map);
  g_free (job);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);

  g_atomic_int_set (&job->pending, 0);
  /* Never after a cancel: the caller that cancelled may be gone. */
  if (!g_task_get_completed (task) && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    job->progress (g_atomic_int_get (&job->permille) / 1000.0, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: at most one report waits in the caller's thread. */
static void
worker_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);

  g_atomic_int_set (&job->permille, total > 0 ? (gint) ((guint64) done * 1000 / total) : 1000);
  if (g_atomic_int_compare_and_exchange (&job->pending, 0, 1))
    g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, report_progress_cb,
                                g_object_ref (task), g_object_unref);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = rw_database_open (job->data_dir, &error);
  if (db == NULL ||
      !rw_import_file_cancellable (db, job->path, RW_FORMAT_AUTO, job->mood_map, cancellable,
                                   job->progress != NULL ? worker_progress_cb : NULL, task,
                                   &job->result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The import was cancelled. Nothing was changed."));
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * rw_journal_import_async:
 * @self: a #RwJournal
 * @path: the file to import (its format told from its contents)
 * @mood_map: (nullable): for Daylio, "label=N,…" for its other moods
 * @progress: (nullable): told how far the import is, in this thread
 * @progress_data: for @progress; never called after @cancellable is
 *   cancelled
 * @cancellable: (nullable): cancelling it before the import commits
 *   rolls it back: nothing changes
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * Imports @path in a worker thread on its own connection, in one
 * transaction. #RwJournal::changed is emitted at the end when something
 * was added.
 */
void
rw_journal_import_async (RwJournal               *self,
                         const char              *path,
                         const char              *mood_map,
                         RwJournalImportProgress  progress,
                         gpointer                 progress_data,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (RW_IS_JOURNAL (self));
  g_return_if_fail (path != NULL);

  job = g_new0 (ImportJob, 1);
  job->data_dir = g_strdup (rw_journal_get_data_dir (self));
  job->path = g_strdup (path);
  job->mood_map = g_strdup (mood_map);
  job->progress = progress;
  job->progress_data = progress_data;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rw_journal_import_async);
  /* The result is the worker's to give, even once cancelled: a cancel
   * that came after the commit must not say that nothing changed. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * rw_journal_import_finish:
 * @added: (out) (optional): check-ins added
 * @skipped: (out) (optional): check-ins already in the journal
 *
 * Returns: %FALSE with @error set when nothing was imported (cancelled:
 *   #G_IO_ERROR_CANCELLED)
 */
gboolean
rw_journal_import_finish (RwJournal     *self,
                          GAsyncResult  *result,
                          guint         *added,
                          guint         *skipped,
                          GError       **error)
{
  ImportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Tell the models here what the worker's connection changed. */
  rw_journal_poll_changes (self);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (added != NULL)
    *added = job->result.added;
  if (skipped != NULL)
    *skipped = job->result.skipped;
  return TRUE;
}
