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
        (g_str_has_prefix (name, PREFIX) && g_str_has_suffix (name, SUFFIX ".tmp")))
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
