/* rw-export.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports stream: rows are read one at a time, turned into text straight
 * from SQLite's memory (no object per check-in) and written in large
 * chunks, so 100,000 of them never sit in memory at once. A file is
 * written beside its destination under a temporary name, created 0600,
 * synced to disk and only then renamed over the destination: a failed
 * export leaves neither a partial file nor the temporary one.
 *
 * A JSON export of the whole journal (no query) is full: after the
 * check-ins, the sessions, assessments, safety plan and plan progress
 * (rw-json-full.c), which are few enough to be written from memory.
 */
#define G_LOG_DOMAIN "rw-export"

/* O_TMPFILE and linkat(). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rw-csv.h"
#include "rw-export.h"
#include "rw-json-io.h"

/* Big enough that writing costs a few hundred system calls for 100,000
 * check-ins, small enough to stay in the cache. */
#define CHUNK_SIZE (256 * 1024)

typedef struct _Export Export;

struct _Export
{
  RwFormat       format;
  GString       *buffer;
  guint          count;
  GCancellable  *cancellable;
  /* Where the text goes: a file descriptor, or a stream when fd is -1. */
  int            fd;
  GOutputStream *stream;
  GError        *error;
};

/**
 * rw_export_write_all:
 * @fd: a file descriptor open for writing
 * @data: the bytes
 * @length: how many
 * @error: return location for a #GError
 *
 * Writes all of @data, going on after a signal.
 *
 * Returns: whether it was all written
 */
gboolean
rw_export_write_all (int          fd,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
flush_buffer (Export *export)
{
  gboolean ok;

  if (export->buffer->len == 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (export->cancellable, &export->error))
    return FALSE;

  if (export->fd >= 0)
    ok = rw_export_write_all (export->fd, export->buffer->str, export->buffer->len, &export->error);
  else
    ok = g_output_stream_write_all (export->stream, export->buffer->str, export->buffer->len,
                                    NULL, export->cancellable, &export->error);
  if (!ok)
    return FALSE;
  g_string_truncate (export->buffer, 0);
  return TRUE;
}

static gboolean
write_row_cb (const RwCheckInRow *row,
              gpointer            user_data)
{
  Export *export = user_data;

  if (export->format == RW_FORMAT_CSV)
    rw_csv_append_row (export->buffer, row);
  else
    {
      g_string_append (export->buffer, export->count == 0 ? "\n    " : ",\n    ");
      rw_json_append_row (export->buffer, row);
    }
  export->count++;

  if (export->buffer->len >= CHUNK_SIZE)
    return flush_buffer (export);
  return TRUE;
}

static gboolean
export_rows_inner (Export                *export,
                   RwDatabase            *db,
                   const RwCheckInQuery  *query,
                   GError               **error)
{
  RwCheckInQuery all = { NULL, NULL, NULL, TRUE, NULL };
  g_autoptr(GString) buffer = g_string_sized_new (CHUNK_SIZE + 64 * 1024);

  export->buffer = buffer;

  if (g_cancellable_set_error_if_cancelled (export->cancellable, error))
    return FALSE;

  if (export->format == RW_FORMAT_CSV)
    g_string_append (buffer, RW_CSV_HEADER "\r\n");
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *exported = g_date_time_format_iso8601 (now);

      g_string_append_printf (buffer, "{\n  \"format\": \"rewire\",\n  \"version\": %d,\n"
                                      "  \"exported\": \"%s\",\n  \"check_ins\": [",
                              RW_JSON_FORMAT_VERSION, exported);
    }

  if (!rw_check_in_sql_foreach_row (db, query != NULL ? query : &all, write_row_cb, export,
                                    error))
    {
      g_clear_error (&export->error);
      return FALSE;
    }
  if (export->error == NULL && export->format == RW_FORMAT_JSON)
    {
      g_string_append (buffer, export->count > 0 ? "\n  ]" : "]");
      /* An export of the whole journal carries everything else too; a
       * list of some check-ins (rewire list --format json) only them. */
      if (query == NULL && !rw_json_full_append (db, buffer, error))
        return FALSE;
      g_string_append (buffer, "\n}\n");
    }
  if (export->error != NULL || !flush_buffer (export))
    {
      if (g_error_matches (export->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&export->error));
      else if (g_error_matches (export->error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("The disk is full, so the export was not written (%s). Free some "
                         "space and try again."), export->error->message);
          g_clear_error (&export->error);
        }
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&export->error),
                                    _("Could not write the export: "));
      return FALSE;
    }
  return TRUE;
}

/* A full export reads all its tables in one read transaction, so that a
 * session saved meanwhile cannot come without the check-ins beside it. */
static gboolean
export_rows (Export                *export,
             RwDatabase            *db,
             const RwCheckInQuery  *query,
             GError               **error)
{
  gboolean snapshot = export->format == RW_FORMAT_JSON && query == NULL &&
                      !rw_database_in_transaction (db) &&
                      sqlite3_get_autocommit (rw_database_get_handle (db));
  gboolean ok;

  if (snapshot && !rw_database_exec (db, "BEGIN", error))
    return FALSE;
  ok = export_rows_inner (export, db, query, error);
  if (snapshot)
    rw_database_exec (db, "COMMIT", NULL);
  return ok;
}

/**
 * rw_export_to_stream:
 * @db: a #RwDatabase
 * @query: (nullable): which check-ins; %NULL for all, oldest first
 * @format: %RW_FORMAT_CSV or %RW_FORMAT_JSON
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every check-in matching @query to @stream in @format.
 */
gboolean
rw_export_to_stream (RwDatabase            *db,
                     const RwCheckInQuery  *query,
                     RwFormat               format,
                     GOutputStream         *stream,
                     GCancellable          *cancellable,
                     GError               **error)
{
  Export export = { format, NULL, 0, cancellable, -1, stream, NULL };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (format == RW_FORMAT_CSV || format == RW_FORMAT_JSON, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return export_rows (&export, db, query, error);
}

/**
 * rw_export_to_fd:
 * @db: a #RwDatabase
 * @query: (nullable): which check-ins; %NULL for all, oldest first
 * @format: %RW_FORMAT_CSV or %RW_FORMAT_JSON
 * @fd: an open file descriptor, such as standard output; not closed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like rw_export_to_stream(), writing straight to @fd.
 */
gboolean
rw_export_to_fd (RwDatabase            *db,
                 const RwCheckInQuery  *query,
                 RwFormat               format,
                 int                    fd,
                 GCancellable          *cancellable,
                 GError               **error)
{
  Export export = { format, NULL, 0, cancellable, fd, NULL, NULL };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (format == RW_FORMAT_CSV || format == RW_FORMAT_JSON, FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);

  return export_rows (&export, db, query, error);
}

static void
set_file_error (GError     **error,
                int          saved_errno,
                const char  *format,
                const char  *path)
{
  g_autofree char *detail = g_strdup_printf ("%s: %s", path, g_strerror (saved_errno));

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format, detail);
}

/* Makes the rename itself durable; a folder that cannot be opened or
 * synced (some network file systems) leaves the export written anyway. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/**
 * rw_export_write_file:
 * @path: the file to write
 * @write: writes the file's contents into the descriptor it is given
 * @data: for @write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a file safely, whatever it holds (an export, a report): into a
 * temporary file beside @path, created 0600, synced to disk, then
 * renamed to @path. Whatever was at @path stays whole until the new file
 * is complete, and a failure (@write's, or a cancellation) leaves no file
 * and no temporary behind.
 *
 * Returns: whether @path was written
 */
gboolean
rw_export_write_file (const char       *path,
                      RwExportWriteFunc write,
                      gpointer          data,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) local = NULL;
  gboolean anonymous = FALSE;
  int sync_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
#ifdef O_TMPFILE
  /* A file with no name until it is complete: a kill while writing
   * leaves nothing behind, neither a part of the journal under a hidden
   * name nor an empty file. Where the file system has no O_TMPFILE, a
   * named temporary, removed on any failure. */
  fd = g_open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0)
    anonymous = TRUE;
  else
#endif
    fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      set_file_error (error, saved, _("Could not create the file %s. Choose a folder you can "
                                      "write to."), path);
      return FALSE;
    }

  if (!write (fd, data, cancellable, &local))
    goto fail;
  if (g_cancellable_set_error_if_cancelled (cancellable, &local))
    goto fail;

  /* The data must be on the disk before the name points at it. */
  sync_errno = fsync (fd) != 0 ? errno : 0;
  if (anonymous && sync_errno == 0)
    {
      /* Named only now, whole and synced; then renamed over @path, as
       * linkat() cannot replace a file. */
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

      g_clear_pointer (&tmp_path, g_free);
      for (guint attempt = 0; attempt < 100 && tmp_path == NULL; attempt++)
        {
          g_autofree char *name = g_strdup_printf ("%s%c.%s.%08x", dir, G_DIR_SEPARATOR, base,
                                                   g_random_int ());

          if (linkat (AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
            tmp_path = g_steal_pointer (&name);
          else if (errno != EEXIST)
            break;
        }
      if (tmp_path == NULL)
        sync_errno = errno != 0 ? errno : EEXIST;
    }
  if (close (fd) != 0 && sync_errno == 0)
    sync_errno = errno;
  fd = -1;
  if (sync_errno != 0)
    {
      if (sync_errno == ENOSPC || sync_errno == EDQUOT)
        g_set_error (&local, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("The disk is full, so the file was not written (%s). Free some "
                       "space and try again."), g_strerror (sync_errno));
      else
        set_file_error (&local, sync_errno, _("Could not write the file %s. Nothing was "
                                              "saved; check the disk, then try again."),
                        path);
      goto fail;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      set_file_error (&local, saved, _("Could not save the file as %s. Choose another file "
                                       "name or folder."), path);
      goto fail;
    }

  sync_folder (dir);
  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  if (tmp_path != NULL && !(anonymous && fd >= 0))
    g_unlink (tmp_path);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

typedef struct
{
  RwDatabase           *db;
  const RwCheckInQuery *query;
  RwFormat              format;
} ExportJob;

static gboolean
write_export_cb (int            fd,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  ExportJob *job = data;

  return rw_export_to_fd (job->db, job->query, job->format, fd, cancellable, error);
}

/**
 * rw_export_to_file:
 * @db: a #RwDatabase
 * @query: (nullable): which check-ins; %NULL for all, oldest first
 * @format: %RW_FORMAT_CSV or %RW_FORMAT_JSON
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the export safely through rw_export_write_file(): created 0600,
 * synced, renamed into place, nothing left behind on failure.
 */
gboolean
rw_export_to_file (RwDatabase            *db,
                   const RwCheckInQuery  *query,
                   RwFormat               format,
                   const char            *path,
                   GCancellable          *cancellable,
                   GError               **error)
{
  ExportJob job = { db, query, format };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (format == RW_FORMAT_CSV || format == RW_FORMAT_JSON, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return rw_export_write_file (path, write_export_cb, &job, cancellable, error);
}
