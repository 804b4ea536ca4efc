/* rw-backup.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Automatic backups: at most one a day, and only after the journal
 * changed, into backups/ of the journal's folder (0700), each a whole
 * copy made through SQLite's backup API (see rw_database_backup_to()),
 * named journal-YYYY-MM-DD.db. The 7 newest days are kept, and before
 * them the newest of each of 4 weeks; the rest go.
 */
#define G_LOG_DOMAIN "rw-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rw-backup.h"
#include "rw-date.h"
#include "rw-import.h"
#include "rw-json-io.h"
#include "rw-check-in.h"

#include <sqlite3.h>
#include <stdio.h>

#define PREFIX "journal-"
#define SUFFIX ".db"

/**
 * rw_backup_get_folder:
 * @data_dir: the journal's folder
 *
 * Returns: (transfer full): where its automatic backups are kept
 */
char *
rw_backup_get_folder (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);
  return g_build_filename (data_dir, "backups", NULL);
}

/* The day of a backup's file name, or 0 when it is not one. */
static guint32
day_of_name (const char *name)
{
  g_autofree char *date = NULL;
  gsize length = strlen (name);

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, SUFFIX) ||
      length != strlen (PREFIX) + 10 + strlen (SUFFIX))
    return 0;
  date = g_strndup (name + strlen (PREFIX), 10);
  return rw_date_from_iso (date);
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) b, *(const char * const *) a);
}

/**
 * rw_backup_rotate:
 * @folder: a backups folder
 *
 * Keeps the RW_BACKUP_DAILY_KEPT newest backups, then the newest of each
 * of the RW_BACKUP_WEEKLY_KEPT weeks (Monday to Sunday) before them, and
 * removes the others. Files that are not Rewire's backups are left alone.
 *
 * Returns: (transfer full): the names kept, newest first
 */
GPtrArray *
rw_backup_rotate (const char *folder)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint32 last_week = 0;
  guint weeks = 0;

  g_return_val_if_fail (folder != NULL, kept);

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (day_of_name (name) != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, newest_first);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      guint32 day = day_of_name (file);
      /* Julian day 1 was a Monday: weeks start on Mondays. */
      guint32 week = (day - 1) / 7;
      gboolean keep = FALSE;

      if (i < RW_BACKUP_DAILY_KEPT)
        {
          keep = TRUE;
          last_week = week;
        }
      else if (week != last_week && weeks < RW_BACKUP_WEEKLY_KEPT)
        {
          keep = TRUE;
          last_week = week;
          weeks++;
        }

      if (keep)
        g_ptr_array_add (kept, g_strdup (file));
      else
        {
          g_autofree char *path = g_build_filename (folder, file, NULL);

          g_unlink (path);
        }
    }
  return kept;
}

static gboolean
newer (const struct stat *a,
       const struct stat *b)
{
  return a->st_mtim.tv_sec > b->st_mtim.tv_sec ||
         (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec > b->st_mtim.tv_nsec);
}

/* Whether the journal was written after @backup was made. */
static gboolean
changed_since (RwDatabase *db,
               const char *backup)
{
  g_autofree char *wal = g_strconcat (rw_database_get_path (db), "-wal", NULL);
  struct stat backup_st, st;

  if (stat (backup, &backup_st) != 0)
    return TRUE;
  if (stat (rw_database_get_path (db), &st) == 0 && newer (&st, &backup_st))
    return TRUE;
  return stat (wal, &st) == 0 && st.st_size > 0 && newer (&st, &backup_st);
}

/**
 * rw_backup_daily:
 * @db: the journal
 * @today: the day, YYYY-MM-DD
 * @made: (out) (optional) (transfer full): the backup made, or %NULL
 *   when none was due
 * @error: return location for a #GError
 *
 * Makes today's backup unless there is one, or the journal has not
 * changed since the newest; then rotates the folder.
 *
 * Returns: %FALSE with @error set when a backup was due and failed
 */
gboolean
rw_backup_daily (RwDatabase  *db,
                 const char  *today,
                 char       **made,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (made != NULL)
    *made = NULL;
  folder = rw_backup_get_folder (rw_database_get_data_dir (db));
  name = g_strconcat (PREFIX, today, SUFFIX, NULL);
  path = g_build_filename (folder, name, NULL);

  existing = rw_backup_rotate (folder);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (existing->len > 0)
    {
      g_autofree char *newest = g_build_filename (folder, g_ptr_array_index (existing, 0), NULL);

      if (!changed_since (db, newest))
        return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                   _("Could not make the backups folder %s: %s."), folder, g_strerror (saved));
      return FALSE;
    }
  if (!rw_database_backup_to (db, path, error))
    return FALSE;
  g_ptr_array_unref (rw_backup_rotate (folder));
  if (made != NULL)
    *made = g_steal_pointer (&path);
  return TRUE;
}

/**
 * rw_backup_wipe:
 * @data_dir: the journal's folder
 * @dry_run: only list what would go
 * @error: return location for a #GError
 *
 * Deletes all of the person's data that Rewire keeps in @data_dir: the
 * journal (its drafts inside it), its write-ahead log and -shm, the copy
 * kept before an upgrade, the import marker, and every backup Rewire made
 * in backups/ (the folder too, once empty). Files Rewire did not make are
 * left alone.
 *
 * Returns: (transfer full): the files deleted (or that would be), or
 *   %NULL with @error set when one could not be deleted
 */
GPtrArray *
rw_backup_wipe (const char  *data_dir,
                gboolean     dry_run,
                GError     **error)
{
  static const char * const names[] = {
    RW_DATABASE_FILE_NAME, RW_DATABASE_FILE_NAME "-wal", RW_DATABASE_FILE_NAME "-shm",
    "journal-before-upgrade.db", "journal-before-upgrade.db.tmp", "import.pid",
    "journal-restoring.db",
  };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = rw_backup_get_folder (data_dir);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (data_dir != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *path = g_build_filename (data_dir, names[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, path);
      else
        g_free (path);
    }
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (day_of_name (name) != 0 ||
        (g_str_has_prefix (name, PREFIX) && g_str_has_suffix (name, SUFFIX ".tmp")) ||
        (g_str_has_prefix (name, PREFIX "before-restore-") && g_str_has_suffix (name, SUFFIX)) ||
        (g_str_has_prefix (name, PREFIX "set-aside-") &&
         (g_str_has_suffix (name, SUFFIX) || g_str_has_suffix (name, SUFFIX "-wal"))))
      g_ptr_array_add (files, g_build_filename (folder, name, NULL));

  if (dry_run)
    return g_steal_pointer (&files);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not delete %s: %s. Nothing after it was deleted; check the "
                         "folder's permissions and try again."),
                       path, g_strerror (saved));
          return NULL;
        }
    }
  g_rmdir (folder);
  return g_steal_pointer (&files);
}

/* backups/journal-KIND-STAMP.db, or with -2, -3… when taken: a copy
 * kept is never written over an earlier one (two in one second). */
static char *
unused_copy_path (const char *folder,
                  const char *kind,
                  const char *stamp)
{
  char *path = g_strdup_printf ("%s/" PREFIX "%s-%s" SUFFIX, folder, kind, stamp);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/" PREFIX "%s-%s-%u" SUFFIX, folder, kind, stamp, n);
    }
  return path;
}

/* What a journal file holds, read as it is (immutable: nothing written,
 * no -wal or -shm made or read). */
static gboolean
describe_database (const char      *path,
                   RwBackupSummary *summary,
                   GError         **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = 0, version = 0;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), "
                                 "(SELECT user_version FROM pragma_user_version), "
                                 "(SELECT quick_check FROM pragma_quick_check)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "ok") != 0)
        rc = SQLITE_CORRUPT;
    }
  else if (rc == SQLITE_OK)
    rc = sqlite3_errcode (db);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc != SQLITE_OK || application_id != RW_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE,
                   rc == SQLITE_OK
                   ? _("%s is not a Rewire journal or backup. Nothing was changed.")
                   : _("%s is damaged or not a journal. Nothing was changed; try an older backup."),
                   path);
      sqlite3_close (db);
      return FALSE;
    }
  if (version > RW_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_TOO_NEW,
                   _("%s was made by a newer version of Rewire. Update Rewire to restore it."),
                   path);
      sqlite3_close (db);
      return FALSE;
    }
  rc = sqlite3_prepare_v2 (db, "SELECT count(*), min (date), max (date) FROM check_ins "
                               "WHERE hidden = 0", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      summary->check_ins = sqlite3_column_int64 (stmt, 0);
      summary->first = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      summary->last = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  /* Sessions and assessments came with schema 6. */
  if (version >= 6 &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM sessions WHERE hidden = 0), "
                              "(SELECT count(*) FROM assessments WHERE hidden = 0)", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      summary->sessions = sqlite3_column_int64 (stmt, 0);
      summary->assessments = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return TRUE;
}

/**
 * rw_backup_describe:
 * @path: a backup (or journal) file, or a Rewire JSON export
 * @summary: (out caller-allocates): what it holds; clear with
 *   rw_backup_summary_clear()
 * @error: return location for a #GError
 *
 * Reads what a restore from @path would bring, without changing it.
 */
gboolean
rw_backup_describe (const char       *path,
                    RwBackupSummary  *summary,
                    GError          **error)
{
  char magic[16] = { 0 };
  FILE *file;
  gsize n;

  g_return_val_if_fail (path != NULL && summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not open %s: %s."), path, g_strerror (saved));
      return FALSE;
    }
  n = fread (magic, 1, sizeof magic, file);
  fclose (file);

  if (n == sizeof magic && memcmp (magic, "SQLite format 3", 16) == 0)
    {
      summary->is_export = FALSE;
      return describe_database (path, summary, error);
    }

  /* Else a Rewire JSON export, read as an import would read it. */
  {
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_autoptr(GPtrArray) check_ins = NULL;
    g_autoptr(RwJsonFull) full = NULL;

    if (!g_file_get_contents (path, &contents, &length, error) ||
        !rw_json_parse (contents, length, &check_ins, NULL, &full, error))
      return FALSE;
    summary->is_export = TRUE;
    summary->check_ins = check_ins->len;
    summary->sessions = rw_json_full_count (full, "sessions");
    summary->assessments = rw_json_full_count (full, "assessments");
    for (guint i = 0; i < check_ins->len; i++)
      {
        const char *date = rw_check_in_get_date (g_ptr_array_index (check_ins, i));

        if (summary->first == NULL || strcmp (date, summary->first) < 0)
          {
            g_free (summary->first);
            summary->first = g_strdup (date);
          }
        if (summary->last == NULL || strcmp (date, summary->last) > 0)
          {
            g_free (summary->last);
            summary->last = g_strdup (date);
          }
      }
  }
  return TRUE;
}

void
rw_backup_summary_clear (RwBackupSummary *summary)
{
  g_clear_pointer (&summary->first, g_free);
  g_clear_pointer (&summary->last, g_free);
}

static gboolean
copy_private (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (from, &contents, &length, error) &&
         g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * rw_backup_restore:
 * @db: the journal now, open; closed by this call
 * @path: a backup or a Rewire JSON export
 * @saved: (out) (optional) (transfer full): where the journal as it was
 *   has been kept
 * @error: return location for a #GError
 *
 * Replaces the journal with @path: first a backup of the journal as it
 * is (backups/journal-before-restore-….db), then the journal is closed,
 * its -wal and -shm are removed (a stale -wal would be taken as the
 * restored file's own), and the backup's copy (or a journal made from
 * the export) is renamed into place, whole or not at all.
 */
gboolean
rw_backup_restore (RwDatabase  *db,
                   const char  *path,
                   char       **saved,
                   GError     **error)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *incoming = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  RwBackupSummary summary;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rw_backup_describe (path, &summary, error))
    return FALSE;

  data_dir = g_strdup (rw_database_get_data_dir (db));
  journal = g_strdup (rw_database_get_path (db));
  folder = rw_backup_get_folder (data_dir);
  keep = unused_copy_path (folder, "before-restore", stamp);
  incoming = g_build_filename (data_dir, "journal-restoring.db", NULL);

  /* The journal as it is, kept first. */
  if (g_mkdir_with_parents (folder, 0700) != 0 || !rw_database_backup_to (db, keep, error))
    {
      rw_backup_summary_clear (&summary);
      if (error != NULL && *error == NULL)
        g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                     _("Could not make the backups folder %s. Nothing was changed."), folder);
      return FALSE;
    }

  /* What replaces it, made whole beside it. */
  g_unlink (incoming);
  if (summary.is_export)
    {
      g_autofree char *tmp_dir = g_build_filename (data_dir, "restoring", NULL);
      g_autofree char *made = g_build_filename (tmp_dir, RW_DATABASE_FILE_NAME, NULL);
      g_autoptr(GPtrArray) wiped = NULL;
      gboolean ok;

      /* What a failed restore may have left; the list of it is not needed. */
      wiped = rw_backup_wipe (tmp_dir, FALSE, NULL);
      {
        g_autoptr(RwDatabase) fresh = rw_database_open (tmp_dir, error);

        ok = fresh != NULL && rw_import_file (fresh, path, RW_FORMAT_JSON, NULL, error);
      }
      ok = ok && g_rename (made, incoming) == 0;
      g_clear_pointer (&wiped, g_ptr_array_unref);
      wiped = rw_backup_wipe (tmp_dir, FALSE, NULL);
      g_rmdir (tmp_dir);
      if (!ok)
        {
          rw_backup_summary_clear (&summary);
          if (error != NULL && *error == NULL)
            g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                         _("Could not make a journal from %s. Nothing was changed."), path);
          g_unlink (incoming);
          return FALSE;
        }
    }
  else if (!copy_private (path, incoming, error))
    {
      rw_backup_summary_clear (&summary);
      g_unlink (incoming);
      return FALSE;
    }
  rw_backup_summary_clear (&summary);

  /* Then the swap: closed, side files gone, renamed into place. */
  rw_database_close (db);
  {
    g_autofree char *wal = g_strconcat (journal, "-wal", NULL);
    g_autofree char *shm = g_strconcat (journal, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  if (g_rename (incoming, journal) != 0)
    {
      int saved_errno = errno;

      g_unlink (incoming);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not put the restored journal in place: %s. The journal as it "
                     "was is kept in %s."), g_strerror (saved_errno), keep);
      return FALSE;
    }
  if (saved != NULL)
    *saved = g_steal_pointer (&keep);
  return TRUE;
}

/**
 * rw_backup_list:
 * @data_dir: the journal's folder
 *
 * Returns: (transfer full): the paths of Rewire's backups in its
 *   backups folder (the daily ones and those kept before a restore),
 *   newest first by name
 */
GPtrArray *
rw_backup_list (const char *data_dir)
{
  g_autofree char *folder = rw_backup_get_folder (data_dir);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (day_of_name (name) != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, newest_first);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (folder, g_ptr_array_index (names, i), NULL));
  return paths;
}

/**
 * rw_backup_find_restorable:
 * @data_dir: the journal's folder
 * @summary: (out caller-allocates): what the backup found holds
 *
 * Checks Rewire's backups, newest first, until one is a whole journal
 * that this version can open: only that one is read to its end.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL when none is
 */
char *
rw_backup_find_restorable (const char      *data_dir,
                           RwBackupSummary *summary)
{
  g_autoptr(GPtrArray) backups = rw_backup_list (data_dir);

  g_return_val_if_fail (summary != NULL, NULL);

  memset (summary, 0, sizeof *summary);
  for (guint i = 0; i < backups->len; i++)
    if (rw_backup_describe (g_ptr_array_index (backups, i), summary, NULL))
      return g_strdup (g_ptr_array_index (backups, i));
  return NULL;
}

/**
 * rw_backup_restore_over:
 * @data_dir: the folder of a journal that cannot be opened
 * @path: a backup that rw_backup_describe() accepts
 * @kept: (out) (optional) (transfer full): where the journal that could
 *   not be opened was moved
 * @error: return location for a #GError
 *
 * For a journal that is damaged, not Rewire's or from a newer Rewire:
 * moves it (and its -wal) into backups/ as journal-set-aside-….db, never
 * deleting it, then puts a copy of @path in its place, whole or not at
 * all.
 */
gboolean
rw_backup_restore_over (const char  *data_dir,
                        const char  *path,
                        char       **kept,
                        GError     **error)
{
  g_autofree char *folder = rw_backup_get_folder (data_dir);
  g_autofree char *journal = g_build_filename (data_dir, RW_DATABASE_FILE_NAME, NULL);
  g_autofree char *incoming = g_build_filename (data_dir, "journal-restoring.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = NULL;
  RwBackupSummary summary;

  g_return_val_if_fail (data_dir != NULL && path != NULL, FALSE);

  if (!rw_backup_describe (path, &summary, error))
    return FALSE;
  rw_backup_summary_clear (&summary);

  if (g_mkdir_with_parents (folder, 0700) != 0 || !copy_private (path, incoming, error))
    {
      g_unlink (incoming);
      if (error != NULL && *error == NULL)
        g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                     _("Could not make the backups folder %s. Nothing was changed."), folder);
      return FALSE;
    }

  aside = unused_copy_path (folder, "set-aside", stamp);
  if (g_file_test (journal, G_FILE_TEST_EXISTS) && g_rename (journal, aside) != 0)
    {
      int saved = errno;

      g_unlink (incoming);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not move the journal aside: %s. Nothing was changed."),
                   g_strerror (saved));
      return FALSE;
    }
  {
    g_autofree char *wal = g_strconcat (journal, "-wal", NULL);
    g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);
    g_autofree char *shm = g_strconcat (journal, "-shm", NULL);

    /* Its log goes with it: it may hold what the damaged file lacks. */
    if (g_file_test (wal, G_FILE_TEST_EXISTS))
      g_rename (wal, wal_aside);
    g_unlink (shm);
  }
  if (g_rename (incoming, journal) != 0)
    {
      int saved = errno;

      g_unlink (incoming);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not put the backup in place: %s. The journal that could not be "
                     "opened is in %s."), g_strerror (saved), aside);
      return FALSE;
    }
  if (kept != NULL)
    *kept = g_steal_pointer (&aside);
  return TRUE;
}

/* The copies of the journal Rewire keeps in backups/: what
 * rw_backup_wipe() would delete there (not the journal beside it). */
static GPtrArray *
list_copies (const char *data_dir)
{
  g_autoptr(GPtrArray) all = rw_backup_wipe (data_dir, TRUE, NULL);
  g_autofree char *folder = rw_backup_get_folder (data_dir);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      g_autofree char *dir = g_path_get_dirname (g_ptr_array_index (all, i));

      if (g_strcmp0 (dir, folder) == 0)
        g_ptr_array_add (copies, g_strdup (g_ptr_array_index (all, i)));
    }
  return copies;
}

/**
 * rw_backup_renew:
 * @db: the journal
 * @today: the day, YYYY-MM-DD
 * @removed: (out) (optional): how many older backups were deleted
 * @error: return location for a #GError
 *
 * After a delete: makes today's backup from the journal as it is now,
 * then deletes every other backup Rewire made, so that what was deleted
 * is in none of them. The new backup is written first: the journal is
 * never left without one.
 */
gboolean
rw_backup_renew (RwDatabase  *db,
                 const char  *today,
                 guint       *removed,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint n = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  folder = rw_backup_get_folder (rw_database_get_data_dir (db));
  name = g_strconcat (PREFIX, today, SUFFIX, NULL);
  fresh = g_build_filename (folder, name, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                   _("Could not make the backups folder %s: %s."), folder, g_strerror (saved));
      return FALSE;
    }
  if (!rw_database_backup_to (db, fresh, error))
    return FALSE;

  all = list_copies (rw_database_get_data_dir (db));
  for (guint i = 0; i < all->len; i++)
    {
      const char *path = g_ptr_array_index (all, i);

      /* Every copy but today's new one. */
      if (g_strcmp0 (path, fresh) != 0 && g_unlink (path) == 0)
        n++;
    }
  if (removed != NULL)
    *removed = n;
  return TRUE;
}

/**
 * rw_backup_count:
 * @data_dir: the journal's folder
 *
 * Returns: how many copies Rewire keeps in backups/ (daily, before a
 *   restore, set aside)
 */
guint
rw_backup_count (const char *data_dir)
{
  g_autoptr(GPtrArray) copies = list_copies (data_dir);

  return copies->len;
}

/**
 * rw_backup_describe_journal:
 * @db: the journal
 * @summary: (out caller-allocates): what it holds now; clear with
 *   rw_backup_summary_clear()
 * @error: return location for a #GError
 *
 * The counts rw_backup_describe() gives for a file, for the journal a
 * restore would replace, to compare the two.
 */
gboolean
rw_backup_describe_journal (RwDatabase       *db,
                            RwBackupSummary  *summary,
                            GError          **error)
{
  g_autoptr(RwStmt) stmt = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  stmt = rw_database_prepare (db, "SELECT count(*), min (date), max (date), "
                                  "(SELECT count(*) FROM sessions WHERE hidden = 0), "
                                  "(SELECT count(*) FROM assessments WHERE hidden = 0) "
                                  "FROM check_ins WHERE hidden = 0", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                   _("Could not read the journal: %s"), sqlite3_errmsg (sqlite3_db_handle (stmt)));
      return FALSE;
    }
  summary->check_ins = sqlite3_column_int64 (stmt, 0);
  summary->first = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  summary->last = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  summary->sessions = sqlite3_column_int64 (stmt, 3);
  summary->assessments = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

/**
 * rw_backup_get_newest:
 * @data_dir: the journal's folder
 * @modified: (out) (optional): when it was written, in seconds since 1970
 *
 * Returns: (transfer full) (nullable): the newest daily backup in
 *   backups/, or %NULL when there is none
 */
char *
rw_backup_get_newest (const char *data_dir,
                      gint64     *modified)
{
  g_autoptr(GPtrArray) backups = NULL;
  struct stat st;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (modified != NULL)
    *modified = 0;
  backups = rw_backup_list (data_dir);
  if (backups->len == 0)
    return NULL;
  if (modified != NULL && stat (g_ptr_array_index (backups, 0), &st) == 0)
    *modified = st.st_mtim.tv_sec;
  return g_strdup (g_ptr_array_index (backups, 0));
}

/**
 * rw_backup_copy_to:
 * @data_dir: the journal's folder
 * @folder: a second folder the person chose for backups
 * @made: (out) (optional) (transfer full): the copy written, or %NULL
 *   when the folder already had it
 * @error: return location for a #GError
 *
 * Copies the newest daily backup of backups/ into @folder under the
 * same name (0600, through a temporary file, synced, then renamed), unless
 * @folder holds it already, then rotates @folder as backups/ is: only
 * Rewire's own journal-YYYY-MM-DD.db files there are ever removed. The
 * folder itself is neither made nor changed: it is the person's.
 */
gboolean
rw_backup_copy_to (const char  *data_dir,
                   const char  *folder,
                   char       **made,
                   GError     **error)
{
  g_autofree char *newest = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  struct stat source_st, target_st;

  g_return_val_if_fail (data_dir != NULL && folder != NULL, FALSE);

  if (made != NULL)
    *made = NULL;
  display = g_filename_display_name (folder);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The backup folder %s is not there (a disk not plugged in?). Your "
                     "backups in Rewire's own folder are made as usual."), display);
      return FALSE;
    }
  newest = rw_backup_get_newest (data_dir, NULL);
  if (newest == NULL)
    return TRUE;

  name = g_path_get_basename (newest);
  target = g_build_filename (folder, name, NULL);
  if (stat (target, &target_st) == 0 && stat (newest, &source_st) == 0 &&
      target_st.st_size == source_st.st_size && !newer (&source_st, &target_st))
    {
      g_ptr_array_unref (rw_backup_rotate (folder));
      return TRUE;
    }

  {
    g_autoptr(GError) local = NULL;

    if (!copy_private (newest, target, &local))
      {
        g_set_error (error, local->domain, local->code,
                     _("Could not copy today's backup to %s: %s. Your backups in Rewire's own "
                       "folder are made as usual."), display, local->message);
        return FALSE;
      }
  }
  g_ptr_array_unref (rw_backup_rotate (folder));
  if (made != NULL)
    *made = g_steal_pointer (&target);
  return TRUE;
}
