/* rw-export.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports stream: check-ins are read one at a time and written in chunks,
 * so 100,000 of them never sit in memory at once. A file is written beside
 * its destination and renamed over it only when complete, created 0600.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-csv.h"
#include "rw-export.h"
#include "rw-json-io.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  RwFormat       format;
  guint          count;
  GError        *error;
} Export;

static gboolean
flush_buffer (Export *export)
{
  if (export->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (export->stream, export->buffer->str, export->buffer->len,
                                  NULL, export->cancellable, &export->error))
    return FALSE;
  g_string_truncate (export->buffer, 0);
  return TRUE;
}

static gboolean
write_check_in_cb (RwCheckIn *check_in,
                   gpointer   user_data)
{
  Export *export = user_data;

  if (export->format == RW_FORMAT_CSV)
    {
      g_autofree char *record = rw_csv_format_check_in (check_in);
      g_string_append (export->buffer, record);
    }
  else
    {
      g_string_append (export->buffer, export->count == 0 ? "\n    " : ",\n    ");
      rw_json_append_check_in (export->buffer, check_in);
    }
  export->count++;

  if (export->buffer->len >= CHUNK_SIZE)
    return flush_buffer (export);
  return TRUE;
}

gboolean
rw_export_to_stream (RwDatabase            *db,
                     const RwCheckInQuery  *query,
                     RwFormat               format,
                     GOutputStream         *stream,
                     GCancellable          *cancellable,
                     GError               **error)
{
  RwCheckInQuery all = { NULL, NULL, NULL, TRUE, NULL };
  g_autoptr(GString) buffer = g_string_sized_new (CHUNK_SIZE + 4096);
  Export export = { stream, cancellable, buffer, format, 0, NULL };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (format == RW_FORMAT_CSV || format == RW_FORMAT_JSON, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (format == RW_FORMAT_CSV)
    g_string_append (buffer, RW_CSV_HEADER "\r\n");
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *exported = g_date_time_format_iso8601 (now);

      g_string_append_printf (buffer, "{\n  \"format\": \"rewire\",\n  \"version\": 1,\n"
                                      "  \"exported\": \"%s\",\n  \"check_ins\": [", exported);
    }

  if (!rw_check_in_sql_foreach (db, query != NULL ? query : &all, write_check_in_cb, &export,
                                error))
    {
      g_clear_error (&export.error);
      return FALSE;
    }
  if (export.error != NULL)
    {
      g_propagate_prefixed_error (error, export.error, _("Could not write the export: "));
      return FALSE;
    }

  if (format == RW_FORMAT_JSON)
    g_string_append (buffer, export.count > 0 ? "\n  ]\n}\n" : "]\n}\n");
  if (!flush_buffer (&export))
    {
      g_propagate_prefixed_error (error, export.error, _("Could not write the export: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
rw_export_to_file (RwDatabase            *db,
                   const RwCheckInQuery  *query,
                   RwFormat               format,
                   const char            *path,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local);
  if (stream == NULL)
    {
      g_set_error (error, local->domain, local->code,
                   _("Could not create the export file: %s. Choose a folder you can write to."),
                   local->message);
      return FALSE;
    }

  if (!rw_export_to_stream (db, query, format, G_OUTPUT_STREAM (stream), cancellable, &local) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves whatever was at @path before untouched. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);

      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, local->domain, local->code,
                     _("The disk is full, so the export was not written (%s). Free some "
                       "space and try again."), local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  return TRUE;
}
