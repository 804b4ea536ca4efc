/* rw-journal.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-journal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-backup.h"
#include "rw-check-in-sql.h"
#include "rw-draft.h"
#include "rw-journal-private.h"
#include "rw-plan-sql.h"
#include "rw-plan.h"
#include "rw-safety-sql.h"
#include "rw-series-sql.h"
#include "rw-assessment-sql.h"
#include "rw-session-sql.h"
#include "rw-tag-list-private.h"
#include "rw-validate.h"

/**
 * RwJournal:
 *
 * The journal as the app and its widgets see it: the objects and models
 * they show, and the changes they make, each as one call. It owns the
 * database; nothing outside the core reaches SQL.
 *
 * Making a journal reads nothing: each model is made, and reads what it
 * shows, when it is first asked for.
 */
struct _RwJournal
{
  GObject parent_instance;

  RwDatabase *database;
  RwTagList *tags;
  gboolean no_daily_backup;   /* the "automatic-backups" preference off */
};

G_DEFINE_FINAL_TYPE (RwJournal, rw_journal, G_TYPE_OBJECT)

enum {
  CHANGED,
  HELP_OFFERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
database_changed_cb (RwJournal  *self,
                     RwDatabase *database)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rw_journal_dispose (GObject *object)
{
  RwJournal *self = (RwJournal *)object;

  g_clear_object (&self->tags);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rw_journal_parent_class)->dispose (object);
}

static void
rw_journal_class_init (RwJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rw_journal_dispose;

  /**
   * RwJournal::changed:
   *
   * Emitted after anything in the journal changed, here or in another
   * process (see rw_journal_poll_changes()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RwJournal::help-offered:
   * @check_in: the saved check-in that was low
   *
   * Emitted when rw_journal_offer_help() decided to offer crisis lines:
   * the window shows them, whichever view saved the check-in.
   */
  signals[HELP_OFFERED] = g_signal_new ("help-offered", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, RW_TYPE_CHECK_IN);
}

static void
rw_journal_init (RwJournal *self)
{
}

/**
 * rw_journal_new_for_database:
 * @database: an open database
 *
 * Returns: (transfer full): the journal kept in @database
 */
RwJournal *
rw_journal_new_for_database (RwDatabase *database)
{
  RwJournal *self;

  g_return_val_if_fail (RW_IS_DATABASE (database), NULL);

  self = g_object_new (RW_TYPE_JOURNAL, NULL);
  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * rw_journal_resolve_data_dir:
 * @override_dir: (nullable): a folder given with --data-dir
 *
 * Where the journal lives.
 *
 * Returns: (transfer full): @override_dir, else `$REWIRE_DATA_DIR`, else
 *   `$XDG_DATA_HOME/rewire`
 */
char *
rw_journal_resolve_data_dir (const char *override_dir)
{
  const char *env;

  if (override_dir != NULL && *override_dir != '\0')
    return g_canonicalize_filename (override_dir, NULL);

  env = g_getenv ("REWIRE_DATA_DIR");
  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);

  return g_build_filename (g_get_user_data_dir (), "rewire", NULL);
}

/**
 * rw_journal_close:
 * @self: a #RwJournal
 *
 * Closes the journal's connection, as the app does when it quits, so that
 * no write-ahead log or -shm is left beside journal.db (what the session
 * wrote, a deleted note's words among it, would stay there). Nothing can
 * be read or written through @self afterwards.
 */
void
rw_journal_close (RwJournal *self)
{
  g_return_if_fail (RW_IS_JOURNAL (self));

  rw_database_close (self->database);
}

/**
 * rw_journal_wipe:
 * @self: a #RwJournal
 * @error: return location for a #GError
 *
 * Closes the journal, then deletes all of the person's data Rewire keeps
 * in its folder (see rw_backup_wipe()). Nothing can be read or written
 * through @self afterwards.
 *
 * Returns: (transfer full): the files deleted, or %NULL with @error set
 */
GPtrArray *
rw_journal_wipe (RwJournal  *self,
                 GError    **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  dir = g_strdup (rw_database_get_data_dir (self->database));
  rw_database_close (self->database);
  return rw_backup_wipe (dir, FALSE, error);
}

typedef struct
{
  char *path;
  gint64 check_ins;
  char *last;
} FoundBackup;

static void
found_backup_free (FoundBackup *found)
{
  g_free (found->path);
  g_free (found->last);
  g_free (found);
}

static void
find_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  RwBackupSummary summary;
  FoundBackup *found;
  char *path = rw_backup_find_restorable (task_data, &summary);

  if (path == NULL)
    {
      g_task_return_new_error (task, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                               _("There is no backup that can be restored."));
      return;
    }
  found = g_new0 (FoundBackup, 1);
  found->path = path;
  found->check_ins = summary.check_ins;
  found->last = g_steal_pointer (&summary.last);
  rw_backup_summary_clear (&summary);
  g_task_return_pointer (task, found, (GDestroyNotify) found_backup_free);
}

/**
 * rw_journal_find_backup_async:
 * @data_dir: the folder of a journal that could not be opened
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * Looks, in a worker, for the newest of Rewire's backups that is a whole
 * journal this version can open (only the one offered is checked to its
 * end; see rw_backup_find_restorable()).
 */
void
rw_journal_find_backup_async (const char          *data_dir,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (data_dir != NULL);

  g_task_set_source_tag (task, rw_journal_find_backup_async);
  g_task_set_task_data (task, g_strdup (data_dir), g_free);
  g_task_run_in_thread (task, find_backup_thread);
}

/**
 * rw_journal_find_backup_finish:
 * @check_ins: (out) (optional): how many check-ins it holds
 * @last: (out) (optional) (transfer full): its newest day, or %NULL
 *
 * Returns: (transfer full) (nullable): the backup's path
 */
char *
rw_journal_find_backup_finish (GAsyncResult  *result,
                               gint64        *check_ins,
                               char         **last,
                               GError       **error)
{
  FoundBackup *found = g_task_propagate_pointer (G_TASK (result), error);
  char *path;

  if (found == NULL)
    return NULL;
  if (check_ins != NULL)
    *check_ins = found->check_ins;
  if (last != NULL)
    *last = g_steal_pointer (&found->last);
  path = g_steal_pointer (&found->path);
  found_backup_free (found);
  return path;
}

/**
 * rw_journal_error_is_restorable:
 * @error: why a journal could not be opened
 *
 * Returns: %TRUE when a backup can take the journal's place: it is
 *   damaged, not Rewire's, or from a newer Rewire (not when it is only
 *   locked, or its folder cannot be written)
 */
gboolean
rw_journal_error_is_restorable (const GError *error)
{
  return g_error_matches (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_CORRUPT) ||
         g_error_matches (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE) ||
         g_error_matches (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_TOO_NEW);
}

/**
 * rw_journal_restore_backup:
 * @data_dir: the folder of a journal that could not be opened
 * @backup: a backup found by rw_journal_find_backup_async()
 * @kept: (out) (optional) (transfer full): where the journal that could
 *   not be opened was kept
 * @error: return location for a #GError
 *
 * See rw_backup_restore_over(): nothing is deleted.
 */
gboolean
rw_journal_restore_backup (const char  *data_dir,
                           const char  *backup,
                           char       **kept,
                           GError     **error)
{
  return rw_backup_restore_over (data_dir, backup, kept, error);
}

/**
 * rw_journal_open:
 * @data_dir: the folder of the journal (see rw_journal_resolve_data_dir())
 * @error: return location for a #GError
 *
 * Opens (or creates) the journal in @data_dir; see rw_database_open() for
 * what is refused and left untouched.
 *
 * Returns: (transfer full): the journal, or %NULL with @error set
 */
RwJournal *
rw_journal_open (const char  *data_dir,
                 GError     **error)
{
  g_autoptr(RwDatabase) database = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  database = rw_database_open (data_dir, error);
  if (database == NULL)
    return NULL;
  return rw_journal_new_for_database (database);
}

RwDatabase *
rw_journal_get_database (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return self->database;
}

/**
 * rw_journal_get_path:
 * @self: a #RwJournal
 *
 * Returns: the journal's file, for telling the person where it is
 */
const char *
rw_journal_get_path (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_database_get_path (self->database);
}

const char *
rw_journal_get_data_dir (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_database_get_data_dir (self->database);
}

/**
 * rw_journal_describe_set_aside_wal:
 * @self: a #RwJournal
 *
 * Returns: (transfer full) (nullable): what to tell the person when a
 *   `journal.db-wal` of another file was set aside at opening, or %NULL
 */
char *
rw_journal_describe_set_aside_wal (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_database_describe_set_aside_wal (self->database);
}

/**
 * rw_journal_poll_changes:
 * @self: a #RwJournal
 *
 * Looks for commits by other processes and emits #RwJournal::changed if
 * there were any.
 *
 * Returns: %TRUE if something changed
 */
gboolean
rw_journal_poll_changes (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_database_poll_changes (self->database);
}

/**
 * rw_journal_get_tags:
 * @self: a #RwJournal
 *
 * Returns: (transfer none): every tag with its count, read on first use
 */
RwTagList *
rw_journal_get_tags (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  if (self->tags == NULL)
    self->tags = rw_tag_list_new (self->database);
  return self->tags;
}

/* Writes @check_in with @func once it is known to be valid. */
static gboolean
write_valid (RwJournal    *self,
             RwWriteFunc   func,
             RwCheckIn    *check_in,
             GError      **error)
{
  return rw_validate_check_in (check_in, error) &&
         rw_database_write (self->database, func, check_in, error);
}

/**
 * rw_journal_add:
 * @self: a #RwJournal
 * @check_in: a new check-in
 * @error: return location for a #GError
 *
 * Validates and saves @check_in in one transaction; its created and
 * modified times are set.
 */
gboolean
rw_journal_add (RwJournal  *self,
                RwCheckIn  *check_in,
                GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  return write_valid (self, (RwWriteFunc) rw_check_in_sql_insert, check_in, error);
}

/**
 * rw_journal_update:
 * @self: a #RwJournal
 * @check_in: a check-in whose id is in the journal
 * @error: return location for a #GError
 */
gboolean
rw_journal_update (RwJournal  *self,
                   RwCheckIn  *check_in,
                   GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  return write_valid (self, (RwWriteFunc) rw_check_in_sql_update, check_in, error);
}

/**
 * rw_journal_offer_help:
 * @self: a #RwJournal
 * @source: where @check_in was saved from
 * @check_in: a check-in just saved (rw_journal_add() or rw_journal_update()
 *   returned %TRUE)
 * @today: today, from the caller's clock
 *
 * Applies the one rule of rw_safety_should_offer() and, when it says
 * yes, keeps today as the day help was offered and emits
 * #RwJournal::help-offered. Call it after the save, never instead of it.
 *
 * Returns: %TRUE if help was offered
 */
gboolean
rw_journal_offer_help (RwJournal      *self,
                       RwSafetySource  source,
                       RwCheckIn      *check_in,
                       guint32         today)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  if (!rw_safety_offer_after_save (self->database, source, check_in, today))
    return FALSE;
  g_signal_emit (self, signals[HELP_OFFERED], 0, check_in);
  return TRUE;
}

typedef struct
{
  const char *id;
  gboolean hidden;
} HideData;

static gboolean
set_hidden (RwDatabase  *db,
            HideData    *data,
            GError     **error)
{
  return rw_check_in_sql_set_hidden (db, data->id, data->hidden, error);
}

static gboolean
write_hidden (RwJournal   *self,
              const char  *id,
              gboolean     hidden,
              GError     **error)
{
  HideData data = { id, hidden };

  return rw_database_write (self->database, (RwWriteFunc) set_hidden, &data, error);
}

/**
 * rw_journal_hide:
 * @self: a #RwJournal
 * @id: a check-in's id
 * @error: return location for a #GError
 *
 * Deletes a check-in in a way that can be undone: it disappears from
 * every list, search and chart at once, and is removed for good by
 * rw_journal_purge_hidden().
 */
gboolean
rw_journal_hide (RwJournal   *self,
                 const char  *id,
                 GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return write_hidden (self, id, TRUE, error);
}

/**
 * rw_journal_unhide:
 * @self: a #RwJournal
 * @id: a hidden check-in's id
 * @error: return location for a #GError
 *
 * Undoes rw_journal_hide().
 */
gboolean
rw_journal_unhide (RwJournal   *self,
                   const char  *id,
                   GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return write_hidden (self, id, FALSE, error);
}

static gboolean
purge_hidden (RwDatabase  *db,
              gpointer     data,
              GError     **error)
{
  guint n_sessions = 0;

  /* Sessions follow the same Undo (rw-journal-sessions.c). */
  if (!rw_check_in_sql_purge_hidden (db, data, error) ||
      !rw_session_sql_purge_hidden (db, &n_sessions, error))
    return FALSE;
  *(guint *) data += n_sessions;
  return TRUE;
}

/**
 * rw_journal_purge_hidden:
 * @self: a #RwJournal
 * @error: return location for a #GError
 *
 * Removes hidden check-ins (and sessions) for good.
 */
gboolean
rw_journal_purge_hidden (RwJournal  *self,
                         GError    **error)
{
  guint n = 0;

  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);

  return rw_database_write (self->database, purge_hidden, &n, error);
}

static gboolean
purge_one (RwDatabase  *db,
           gpointer     data,
           GError     **error)
{
  return rw_check_in_sql_purge_one (db, data, error);
}

/**
 * rw_journal_purge:
 * @self: a #RwJournal
 * @id: a check-in's id
 * @error: return location for a #GError
 *
 * Removes the check-in @id for good if it is still hidden (its Undo has
 * ended); other hidden check-ins, whose Undo may still be on screen, stay.
 */
gboolean
rw_journal_purge (RwJournal   *self,
                  const char  *id,
                  GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rw_database_write (self->database, purge_one, (gpointer) id, error);
}

/**
 * rw_journal_lookup:
 * @self: a #RwJournal
 * @id: a check-in's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a fresh copy of the stored check-in
 */
RwCheckIn *
rw_journal_lookup (RwJournal   *self,
                   const char  *id,
                   GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return rw_check_in_sql_load (self->database, id, error);
}

/**
 * rw_journal_list_date:
 * @self: a #RwJournal
 * @date: YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RwCheckIn): the visible check-ins
 *   of @date, oldest first
 */
GPtrArray *
rw_journal_list_date (RwJournal   *self,
                      const char  *date,
                      GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  return rw_check_in_sql_list_date (self->database, date, error);
}

typedef struct
{
  const char *from;
  const char *to;
} RenameData;

static gboolean
rename_tag (RwDatabase  *db,
            RenameData  *data,
            GError     **error)
{
  return rw_check_in_sql_rename_tag (db, data->from, data->to, error);
}

/**
 * rw_journal_rename_tag:
 * @self: a #RwJournal
 * @from: an existing tag
 * @to: the new name; when another tag has it, the two are merged
 * @error: return location for a #GError
 */
gboolean
rw_journal_rename_tag (RwJournal   *self,
                       const char  *from,
                       const char  *to,
                       GError     **error)
{
  g_autofree char *normalized = NULL;
  RenameData data;

  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  normalized = rw_normalize_tag (to);
  if (!rw_validate_tag (normalized, error))
    return FALSE;

  data.from = from;
  data.to = normalized;
  return rw_database_write (self->database, (RwWriteFunc) rename_tag, &data, error);
}

/**
 * rw_journal_delete_tag:
 * @self: a #RwJournal
 * @name: a tag
 * @error: return location for a #GError
 *
 * Removes the tag from every check-in; the check-ins stay.
 */
gboolean
rw_journal_delete_tag (RwJournal   *self,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return rw_database_write (self->database, (RwWriteFunc) rw_check_in_sql_delete_tag,
                            (gpointer) name, error);
}

gboolean
rw_journal_save_draft (RwJournal   *self,
                       const char  *key,
                       const char  *payload,
                       GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_draft_save (self->database, key, payload, error);
}

char *
rw_journal_load_draft (RwJournal   *self,
                       const char  *key,
                       GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_draft_load (self->database, key, error);
}

gboolean
rw_journal_clear_draft (RwJournal   *self,
                        const char  *key,
                        GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_draft_clear (self->database, key, error);
}

/**
 * rw_journal_load_series:
 * @self: a #RwJournal
 * @first: the first day (julian)
 * @last: the last day (julian)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the daily series of [@first, @last]
 */
RwSeries *
rw_journal_load_series (RwJournal  *self,
                        guint32     first,
                        guint32     last,
                        GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_series_load (self->database, first, last, error);
}

/**
 * rw_journal_load_series_range:
 * @self: a #RwJournal
 * @range: how far back
 * @last: the last day (julian)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the daily series of @range up to @last
 */
RwSeries *
rw_journal_load_series_range (RwJournal  *self,
                              RwRange     range,
                              guint32     last,
                              GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_series_load_range (self->database, range, last, error);
}

/**
 * rw_journal_get_span:
 * @self: a #RwJournal
 * @first: (out) (optional): the first day with a check-in (julian), or 0
 * @last: (out) (optional): the last day with a check-in, or 0
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set if the journal could not be read
 */
gboolean
rw_journal_get_span (RwJournal  *self,
                     guint32    *first,
                     guint32    *last,
                     GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_series_find_span (self->database, first, last, error);
}

gboolean
rw_journal_record_breathing (RwJournal   *self,
                             const char  *pattern,
                             guint        seconds,
                             gint64       finished,
                             GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_breathing_record (self->database, pattern, seconds, finished, error);
}

/**
 * rw_journal_open_deferred:
 * @data_dir: the folder of the journal
 * @error: return location for a #GError
 *
 * Opens the journal as the window does: nothing is written, and a journal
 * that needs changing (a migration) is left as it is until
 * rw_journal_upgrade_async(), so that the first frame never waits for it.
 *
 * Returns: (transfer full): the journal, or %NULL with @error set
 */
RwJournal *
rw_journal_open_deferred (const char  *data_dir,
                          GError     **error)
{
  g_autoptr(RwDatabase) database = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  database = rw_database_open_full (data_dir, RW_DATABASE_SCHEMA_VERSION,
                                    RW_DATABASE_OPEN_DEFER_UPGRADE, error);
  if (database == NULL)
    return NULL;
  return rw_journal_new_for_database (database);
}

/**
 * rw_journal_needs_upgrade:
 * @self: a #RwJournal
 *
 * Returns: %TRUE if the journal must be upgraded before it can be used
 */
gboolean
rw_journal_needs_upgrade (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_database_needs_upgrade (self->database);
}

static void
upgrade_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RwJournal *self = source_object;
  g_autoptr(GError) error = NULL;

  /* Nothing else uses the connection until this returns. */
  if (!rw_database_upgrade (self->database, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rw_journal_upgrade_async:
 * @self: a #RwJournal that needs an upgrade
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * Checks the journal, keeps a snapshot of it beside it and migrates it,
 * in a worker thread. Use nothing of @self until @callback runs.
 */
void
rw_journal_upgrade_async (RwJournal           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RW_IS_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rw_journal_upgrade_async);
  g_task_run_in_thread (task, upgrade_thread);
}

gboolean
rw_journal_upgrade_finish (RwJournal     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
has_hidden (RwDatabase *db)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT 1 FROM check_ins WHERE hidden = 1 LIMIT 1",
                                                NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  return rw_session_sql_has_hidden (db);
}

typedef gboolean (*WorkerFunc) (RwDatabase  *db,
                                GError     **error);

typedef struct
{
  WorkerFunc work;
  char *data_dir;   /* a copy: the worker reads nothing of the journal's */
} OwnConnectionJob;

static void
own_connection_job_free (OwnConnectionJob *job)
{
  g_free (job->data_dir);
  g_free (job);
}

/* Runs a job's work on a connection of the worker thread's own, so that
 * the window's goes on reading. */
static void
own_connection_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  OwnConnectionJob *job = task_data;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = rw_database_open (job->data_dir, &error);
  if (db == NULL || !job->work (db, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_with_own_connection (RwJournal           *self,
                         WorkerFunc           work,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  OwnConnectionJob *job = g_new0 (OwnConnectionJob, 1);

  job->work = work;
  job->data_dir = g_strdup (rw_database_get_data_dir (self->database));
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) own_connection_job_free);
  g_task_run_in_thread (task, own_connection_thread);
}

static gboolean
tidy_db (RwDatabase  *db,
         gboolean     backup,
         GError     **error)
{
  guint n = 0;

  /* Check-ins left hidden by an Undo that never ended (a crash). An
   * ordinary start-up finds none and writes nothing. */
  if (has_hidden (db) && !rw_database_write (db, purge_hidden, &n, error))
    return FALSE;
  /* And questionnaires (rw-journal-assessments.c); they have no index. */
  if (rw_assessment_sql_has_hidden (db) && !rw_assessment_sql_purge_hidden (db, error))
    return FALSE;

  /* Nothing of what was purged stays in the index or the log. */
  if (n > 0 && !rw_check_in_sql_scrub (db, error))
    return FALSE;

  /* Today's backup, if the journal holds something and changed since
   * the last one. A failure is told, and loses nothing. */
  {
    gint64 check_ins = 0;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    if (backup && rw_check_in_sql_count (db, &check_ins, NULL, NULL, NULL) && check_ins > 0 &&
        !rw_backup_daily (db, today, NULL, error))
      return FALSE;
  }

  /* This start-up worked: the copy kept by the last upgrade can go. */
  rw_database_remove_snapshot (db);
  return TRUE;
}

static gboolean
tidy_work (RwDatabase  *db,
           GError     **error)
{
  return tidy_db (db, TRUE, error);
}

static gboolean
tidy_work_no_backup (RwDatabase  *db,
                     GError     **error)
{
  return tidy_db (db, FALSE, error);
}

/**
 * rw_journal_set_daily_backup:
 * @self: a #RwJournal
 * @backup: whether rw_journal_tidy_async() makes today's backup
 *
 * The "automatic backups" preference; on unless turned off.
 */
void
rw_journal_set_daily_backup (RwJournal *self,
                             gboolean   backup)
{
  g_return_if_fail (RW_IS_JOURNAL (self));
  self->no_daily_backup = !backup;
}

/**
 * rw_journal_scrub_async:
 * @self: a #RwJournal
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called in this thread when done
 * @user_data: for @callback
 *
 * After a check-in is deleted for good (its Undo gone), removes what is
 * left of it in the search index and the write-ahead log, in a worker
 * thread with its own connection (see rw_check_in_sql_scrub()).
 */
void
rw_journal_scrub_async (RwJournal           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (RW_IS_JOURNAL (self));

  run_with_own_connection (self, rw_check_in_sql_scrub, rw_journal_scrub_async, cancellable,
                           callback, user_data);
}

gboolean
rw_journal_scrub_finish (RwJournal     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rw_journal_tidy_async:
 * @self: a #RwJournal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * What start-up leaves for after the first frame, in a worker thread with
 * its own connection: removes check-ins left hidden by a crash and the
 * snapshot of the last upgrade. Emits #RwJournal::changed afterwards if
 * something was removed.
 */
void
rw_journal_tidy_async (RwJournal           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (RW_IS_JOURNAL (self));
  g_return_if_fail (!rw_journal_needs_upgrade (self));

  run_with_own_connection (self, self->no_daily_backup ? tidy_work_no_backup : tidy_work,
                           rw_journal_tidy_async, cancellable, callback, user_data);
}

gboolean
rw_journal_tidy_finish (RwJournal     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Tell the models here what the worker's connection changed. */
  rw_database_poll_changes (self->database);
  return g_task_propagate_boolean (G_TASK (result), error);
}
