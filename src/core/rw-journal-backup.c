/* rw-journal-backup.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups and restore for the window, over the core that `rewire backup`
 * and `rewire restore` use (rw-backup.c): what is slow or reads files
 * runs in a worker thread.
 */
#define G_LOG_DOMAIN "rw-journal-backup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-backup.h"
#include "rw-journal-backup.h"
#include "rw-journal-private.h"

void
rw_restore_preview_free (RwRestorePreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->first);
  g_free (preview->last);
  g_free (preview->journal_first);
  g_free (preview->journal_last);
  g_free (preview);
}

typedef struct
{
  char *data_dir;
  char *path;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job);
}

static FileJob *
file_job_new (RwJournal  *self,
              const char *path)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->data_dir = g_strdup (rw_journal_get_data_dir (self));
  job->path = g_strdup (path);
  return job;
}

static void
preview_restore_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(RwRestorePreview) preview = g_new0 (RwRestorePreview, 1);
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  RwBackupSummary file, journal;

  if (!rw_backup_describe (job->path, &file, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  preview->is_export = file.is_export;
  preview->check_ins = file.check_ins;
  preview->first = g_steal_pointer (&file.first);
  preview->last = g_steal_pointer (&file.last);
  preview->sessions = file.sessions;
  preview->assessments = file.assessments;
  rw_backup_summary_clear (&file);

  db = rw_database_open (job->data_dir, &error);
  if (db == NULL || !rw_backup_describe_journal (db, &journal, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  preview->journal_check_ins = journal.check_ins;
  preview->journal_first = g_steal_pointer (&journal.first);
  preview->journal_last = g_steal_pointer (&journal.last);
  preview->journal_sessions = journal.sessions;
  preview->journal_assessments = journal.assessments;
  rw_backup_summary_clear (&journal);
  g_task_return_pointer (task, g_steal_pointer (&preview), (GDestroyNotify) rw_restore_preview_free);
}

/**
 * rw_journal_preview_restore_async:
 * @self: a #RwJournal
 * @path: a backup or a Rewire JSON export
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * Reads, in a worker, what restoring @path would bring and what the
 * journal holds now (see rw_backup_describe()); nothing is changed.
 */
void
rw_journal_preview_restore_async (RwJournal           *self,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RW_IS_JOURNAL (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rw_journal_preview_restore_async);
  g_task_set_task_data (task, file_job_new (self, path), (GDestroyNotify) file_job_free);
  g_task_run_in_thread (task, preview_restore_thread);
}

RwRestorePreview *
rw_journal_preview_restore_finish (RwJournal     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rw_journal_restore:
 * @self: a #RwJournal
 * @path: a backup or a Rewire JSON export
 * @saved: (out) (optional) (transfer full): where the journal as it was
 *   is kept
 * @error: return location for a #GError
 *
 * Replaces the journal with @path, as `rewire restore --yes` does (see
 * rw_backup_restore()): the journal as it is is backed up first. @self
 * is closed afterwards, whether or not it worked: open the journal
 * again to go on.
 */
gboolean
rw_journal_restore (RwJournal   *self,
                    const char  *path,
                    char       **saved,
                    GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return rw_backup_restore (rw_journal_get_database (self), path, saved, error);
}

/**
 * rw_journal_dup_backups_folder:
 *
 * Returns: (transfer full): the folder of the journal's own backups
 */
char *
rw_journal_dup_backups_folder (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_backup_get_folder (rw_journal_get_data_dir (self));
}

/**
 * rw_journal_get_last_backup_time:
 *
 * Returns: when the newest daily backup was made, in seconds since
 *   1970, or 0 when there is none
 */
gint64
rw_journal_get_last_backup_time (RwJournal *self)
{
  g_autofree char *newest = NULL;
  gint64 modified = 0;

  g_return_val_if_fail (RW_IS_JOURNAL (self), 0);

  newest = rw_backup_get_newest (rw_journal_get_data_dir (self), &modified);
  return newest != NULL ? modified : 0;
}

/**
 * rw_journal_count_backups:
 *
 * Returns: how many copies of the journal Rewire keeps in its backups
 *   folder; after a delete, each still holds what was deleted
 */
guint
rw_journal_count_backups (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), 0);
  return rw_backup_count (rw_journal_get_data_dir (self));
}

/**
 * rw_journal_renew_backups:
 * @removed: (out) (optional): how many older backups were deleted
 *
 * As `rewire backup --renew`: a new backup of the journal as it is now,
 * then every older one deleted (see rw_backup_renew()).
 */
gboolean
rw_journal_renew_backups (RwJournal  *self,
                          guint      *removed,
                          GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_backup_renew (rw_journal_get_database (self), today, removed, error);
}

static void
copy_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!rw_backup_copy_to (job->data_dir, job->path, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rw_journal_copy_backup_async:
 * @self: a #RwJournal
 * @folder: the second backup folder the person chose
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * Copies the newest backup into @folder, in a worker, and rotates the
 * copies there (see rw_backup_copy_to()).
 */
void
rw_journal_copy_backup_async (RwJournal           *self,
                              const char          *folder,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RW_IS_JOURNAL (self));
  g_return_if_fail (folder != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rw_journal_copy_backup_async);
  g_task_set_task_data (task, file_job_new (self, folder), (GDestroyNotify) file_job_free);
  g_task_run_in_thread (task, copy_backup_thread);
}

gboolean
rw_journal_copy_backup_finish (RwJournal     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
