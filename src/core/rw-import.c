/* rw-import.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing is all or nothing: the file is parsed and checked in full
 * before the first write, and the writes are one transaction; a full
 * JSON export's sessions, assessments, safety plan and plan progress
 * (rw-json-full.c) go in the same transaction as its check-ins.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rw-check-in-sql.h"
#include "rw-csv.h"
#include "rw-daylio.h"
#include "rw-import.h"
#include "rw-json-io.h"

G_DEFINE_QUARK (rw-import-error-quark, rw_import_error)

/* Below this, an import adds about as much to the index as FTS5 keeps in
 * memory before writing a piece of it (and merging costs more than it
 * saves). */
#define OPTIMIZE_INDEX_AFTER 1000

/* No journal export comes near this; a bigger file is someone's mistake. */
#define IMPORT_MAX_BYTES (G_GINT64_CONSTANT (1) << 30)

gboolean
rw_format_from_string (const char *text,
                       RwFormat   *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "csv") == 0)
    *format = RW_FORMAT_CSV;
  else if (g_ascii_strcasecmp (text, "json") == 0)
    *format = RW_FORMAT_JSON;
  else if (g_ascii_strcasecmp (text, "daylio") == 0)
    *format = RW_FORMAT_DAYLIO;
  else
    return FALSE;
  return TRUE;
}

RwFormat
rw_format_from_path (const char *path)
{
  const char *dot;
  RwFormat format = RW_FORMAT_AUTO;

  g_return_val_if_fail (path != NULL, RW_FORMAT_AUTO);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return RW_FORMAT_AUTO;
  if (!rw_format_from_string (dot + 1, &format))
    return RW_FORMAT_AUTO;
  return format;
}

static void
append_counts (GString              *out,
               const RwImportResult *result,
               gboolean              skipped)
{
  const RwImportCount *counts[] = {
    &result->sessions, &result->assessments, &result->safety_plan, &result->plan_runs,
    &result->breathing_sessions,
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      guint n = skipped ? counts[i]->skipped : counts[i]->added;
      const char *text;

      if (n == 0)
        continue;
      switch (i)
        {
        case 0: text = g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", n); break;
        case 1: text = g_dngettext (GETTEXT_PACKAGE, "%u assessment", "%u assessments", n); break;
        case 2: text = g_dngettext (GETTEXT_PACKAGE, "%u safety-plan section",
                                    "%u safety-plan sections", n); break;
        case 3: text = g_dngettext (GETTEXT_PACKAGE, "%u plan run", "%u plan runs", n); break;
        default: text = g_dngettext (GETTEXT_PACKAGE, "%u breathing session",
                                     "%u breathing sessions", n); break;
        }
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, text, n);
    }
}

/**
 * rw_import_result_describe_more:
 * @result: what an import did
 *
 * Says what an import of a full JSON export did beyond the check-ins,
 * such as "Added 3 sessions, 2 assessments; skipped 1 session already in
 * the journal."
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when the
 *   file held nothing but check-ins
 */
char *
rw_import_result_describe_more (const RwImportResult *result)
{
  g_autoptr(GString) added = g_string_new (NULL);
  g_autoptr(GString) skipped = g_string_new (NULL);
  char *text;

  g_return_val_if_fail (result != NULL, NULL);

  append_counts (added, result, FALSE);
  append_counts (skipped, result, TRUE);
  if (added->len == 0 && skipped->len == 0)
    return NULL;
  if (skipped->len == 0)
    text = g_strdup_printf (_("Added %s."), added->str);
  else if (added->len == 0)
    text = g_strdup_printf (_("Added nothing else; skipped %s already in the journal."),
                            skipped->str);
  else
    text = g_strdup_printf (_("Added %s; skipped %s already in the journal."), added->str,
                            skipped->str);

  if (result->safety_plan.merged > 0)
    {
      char *more = g_strdup_printf ("%s %s", text,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "A safety-plan section had other text in the "
                                                 "journal: it is kept, and the file's follows it "
                                                 "under “From the import of …”.",
                                                 "Some safety-plan sections had other text in "
                                                 "the journal: it is kept, and the file's follows "
                                                 "it under “From the import of …”.",
                                                 result->safety_plan.merged));
      g_free (text);
      text = more;
    }
  return text;
}

static RwFormat
sniff_format (const char *data,
              gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && (data[i] == '{' || data[i] == '['))
    return RW_FORMAT_JSON;
  /* Daylio's two first lines. */
  if ((length - i >= 10 && g_ascii_strncasecmp (data + i, "full_date,", 10) == 0) ||
      (length - i >= 22 && g_ascii_strncasecmp (data + i, "year,date,weekday,time", 22) == 0))
    return RW_FORMAT_DAYLIO;
  return RW_FORMAT_CSV;
}

/* How many visible check-ins in the journal have each content key, for the
 * dates that id-less rows name. */
static GHashTable *
count_existing (RwDatabase  *db,
                GPtrArray   *check_ins,
                GError     **error)
{
  g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer date;

  for (guint i = 0; i < check_ins->len; i++)
    {
      RwCheckIn *check_in = g_ptr_array_index (check_ins, i);

      if (g_object_get_data (G_OBJECT (check_in), RW_IMPORT_NO_ID) != NULL)
        g_hash_table_add (dates, (gpointer) rw_check_in_get_date (check_in));
    }

  g_hash_table_iter_init (&iter, dates);
  while (g_hash_table_iter_next (&iter, &date, NULL))
    {
      g_autoptr(GPtrArray) existing = rw_check_in_sql_list_date (db, date, error);

      if (existing == NULL)
        return NULL;
      for (guint i = 0; i < existing->len; i++)
        {
          char *key = rw_check_in_dup_content_key (g_ptr_array_index (existing, i));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

          g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
        }
    }

  return g_steal_pointer (&counts);
}

/* How often a long import looks at its GCancellable and reports. */
#define PROGRESS_EVERY 500

typedef struct
{
  GPtrArray *check_ins;
  GArray *lines;
  RwJsonFull *full;
  RwImportResult result;
  GCancellable *cancellable;
  RwImportProgressFunc progress;
  gpointer progress_data;
} ImportJob;

static gboolean
import_func (RwDatabase  *db,
             ImportJob   *job,
             GError     **error)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(RwCheckInWriter) writer = NULL;
  RwImportResult *r = &job->result;

  /* One writer for the whole file: statements looked up once, tag ids
   * kept from row to row. */
  writer = rw_check_in_writer_new (db, error);
  if (writer == NULL)
    return FALSE;

  counts = count_existing (db, job->check_ins, error);
  if (counts == NULL)
    return FALSE;

  for (guint i = 0; i < job->check_ins->len; i++)
    {
      RwCheckIn *check_in = g_ptr_array_index (job->check_ins, i);
      g_autoptr(GError) local = NULL;
      gboolean exists = FALSE;

      /* Returning FALSE rolls the transaction back: a cancelled import
       * changes nothing. */
      if (i % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
            return FALSE;
          if (job->progress != NULL)
            job->progress (i, job->check_ins->len, job->progress_data);
        }

      if (g_object_get_data (G_OBJECT (check_in), RW_IMPORT_NO_ID) != NULL)
        {
          g_autofree char *key = rw_check_in_dup_content_key (check_in);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

          /* Matched as a multiset: each check-in already there absorbs one
           * equal row, so a second import adds nothing while two equal
           * rows in one file both arrive. */
          if (n > 0)
            {
              g_hash_table_replace (counts, g_steal_pointer (&key), GUINT_TO_POINTER (n - 1));
              r->skipped++;
              continue;
            }
        }
      else
        {
          if (!rw_check_in_sql_exists (db, rw_check_in_get_id (check_in), &exists, error))
            return FALSE;
          if (exists)
            {
              r->skipped++;
              continue;
            }
        }

      if (!rw_check_in_writer_insert (writer, check_in, &local))
        {
          if (job->lines != NULL && i < job->lines->len)
            g_prefix_error (&local, _("Line %u: "), g_array_index (job->lines, guint, i));
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      r->added++;
    }

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  if (job->progress != NULL)
    job->progress (job->check_ins->len, job->check_ins->len, job->progress_data);

  /* Many rows at once leave the search index in many pieces; merged in
   * the same transaction, the saves and searches that follow stay as fast
   * as in a journal written one check-in at a time. */
  if (r->added >= OPTIMIZE_INDEX_AFTER && !rw_check_in_sql_optimize_index (db, error))
    return FALSE;

  /* The rest of a full JSON export, in the same transaction. */
  if (job->full != NULL && !rw_json_full_import (db, job->full, r, error))
    return FALSE;
  return !g_cancellable_set_error_if_cancelled (job->cancellable, error);
}

static gboolean
import_parsed (RwDatabase            *db,
               GPtrArray             *check_ins,
               GArray                *lines,
               RwJsonFull            *full,
               GCancellable          *cancellable,
               RwImportProgressFunc   progress,
               gpointer               progress_data,
               RwImportResult        *result,
               GError               **error)
{
  ImportJob job = { check_ins, lines, full, { 0, 0, 0 }, cancellable, progress, progress_data };
  gboolean ok;

  job.result.rows = check_ins->len;
  /* One transaction: all or nothing. It emits RwDatabase::changed only
   * when something was added. */
  rw_database_mark_import (db, TRUE);
  ok = rw_database_write (db, (RwWriteFunc) import_func, &job, error);
  rw_database_mark_import (db, FALSE);
  if (!ok)
    return FALSE;

  if (result != NULL)
    *result = job.result;
  return TRUE;
}

gboolean
rw_import_check_ins (RwDatabase      *db,
                     GPtrArray       *check_ins,
                     GArray          *lines,
                     RwImportResult  *result,
                     GError         **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (check_ins != NULL, FALSE);

  return import_parsed (db, check_ins, lines, NULL, NULL, NULL, NULL, result, error);
}

/**
 * rw_import_check_ins_full:
 * @cancellable: (nullable): cancelling it before the commit rolls the
 *   whole import back (a #G_IO_ERROR_CANCELLED error)
 * @progress: (nullable): called every few hundred rows, in the calling
 *   thread, with how many rows were done of how many
 *
 * Like rw_import_check_ins(), for a long import in a worker.
 */
gboolean
rw_import_check_ins_full (RwDatabase            *db,
                          GPtrArray             *check_ins,
                          GArray                *lines,
                          GCancellable          *cancellable,
                          RwImportProgressFunc   progress,
                          gpointer               progress_data,
                          RwImportResult        *result,
                          GError               **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (check_ins != NULL, FALSE);

  return import_parsed (db, check_ins, lines, NULL, cancellable, progress, progress_data,
                        result, error);
}

gboolean
rw_import_bytes (RwDatabase      *db,
                 GBytes          *bytes,
                 RwFormat         format,
                 RwImportResult  *result,
                 GError         **error)
{
  return rw_import_bytes_full (db, bytes, format, NULL, result, error);
}

/* Reads @bytes as @format (told from the contents for RW_FORMAT_AUTO,
 * and a .csv from Daylio is Daylio's layout); sets *format to what it
 * was read as. @full and @unknown_moods may be %NULL. */
static gboolean
parse_bytes (GBytes      *bytes,
             RwFormat    *format,
             const char  *mood_map,
             GPtrArray  **check_ins,
             GArray     **lines,
             RwJsonFull **full,
             GStrv       *unknown_moods,
             GError     **error)
{
  g_autoptr(RwJsonFull) parsed_full = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  if (*format == RW_FORMAT_AUTO || *format == RW_FORMAT_CSV)
    {
      RwFormat sniffed = sniff_format (data, length);

      if (*format == RW_FORMAT_AUTO || sniffed == RW_FORMAT_DAYLIO)
        *format = sniffed;
    }

  if (*format == RW_FORMAT_JSON)
    {
      if (!rw_json_parse (data, length, check_ins, lines, &parsed_full, error))
        return FALSE;
      if (full != NULL)
        *full = g_steal_pointer (&parsed_full);
      return TRUE;
    }
  if (*format == RW_FORMAT_DAYLIO)
    return rw_daylio_parse_check_ins_full (data, length, mood_map, check_ins, lines,
                                           unknown_moods, error);
  return rw_csv_parse_check_ins (data, length, check_ins, lines, error);
}

static gboolean
import_bytes (RwDatabase            *db,
              GBytes                *bytes,
              RwFormat               format,
              const char            *mood_map,
              GCancellable          *cancellable,
              RwImportProgressFunc   progress,
              gpointer               progress_data,
              RwImportResult        *result,
              GError               **error)
{
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(RwJsonFull) full = NULL;

  if (!parse_bytes (bytes, &format, mood_map, &check_ins, &lines, &full, NULL, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return import_parsed (db, check_ins, format != RW_FORMAT_JSON ? lines : NULL, full,
                        cancellable, progress, progress_data, result, error);
}

/**
 * rw_import_bytes_full:
 * @mood_map: (nullable): for Daylio, "label=N,…" for moods other than
 *   its five (see rw_daylio_parse_check_ins())
 *
 * Like rw_import_bytes(), for every format.
 */
gboolean
rw_import_bytes_full (RwDatabase      *db,
                      GBytes          *bytes,
                      RwFormat         format,
                      const char      *mood_map,
                      RwImportResult  *result,
                      GError         **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return import_bytes (db, bytes, format, mood_map, NULL, NULL, NULL, result, error);
}

static GBytes *
read_import_file (const char  *path,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *data = NULL;
  struct stat st;
  gsize length = 0;
  int saved_errno;
  int fd;

  /* Read into memory, never mapped: a file cut short while it is read
   * must give an error, not a SIGBUS. O_NONBLOCK so that a FIFO cannot
   * hang the open; it is refused below. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s. Check the file name and that you may read it."),
                   name, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s."), name, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   S_ISDIR (st.st_mode)
                   ? _("“%s” is a folder. Choose a CSV or JSON file to import.")
                   : _("“%s” is not a regular file. Choose a CSV or JSON file to import."),
                   name);
      return NULL;
    }
  if (st.st_size == 0)
    {
      close (fd);
      g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                   _("“%s” is empty. Nothing was imported."), name);
      return NULL;
    }
  if (st.st_size > IMPORT_MAX_BYTES)
    {
      close (fd);
      g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                   _("“%s” is larger than 1 GB, far more than any journal. Check that this is the file you meant."),
                   name);
      return NULL;
    }

  /* Back to blocking reads; read until the end, however long the file
   * has become or however short. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  data = g_malloc ((gsize) st.st_size + 1);
  for (;;)
    {
      gsize capacity = (gsize) st.st_size;
      gssize n;

      if (length == capacity)
        {
          char probe;

          /* The file grew while it was read: no more than a byte past
           * what stat said, or it is not a file at rest. */
          n = read (fd, &probe, 1);
          if (n == 0)
            break;
          if (n > 0)
            {
              close (fd);
              g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                           _("“%s” changed while it was read. Try again once it is complete."),
                           name);
              return NULL;
            }
        }
      else
        n = read (fd, data + length, capacity - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not read “%s”: %s."), name, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);
  data[length] = '\0';
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

gboolean
rw_import_file (RwDatabase      *db,
                const char      *path,
                RwFormat         format,
                RwImportResult  *result,
                GError         **error)
{
  return rw_import_file_full (db, path, format, NULL, result, error);
}

/**
 * rw_import_file_full:
 * @mood_map: (nullable): for Daylio, see rw_import_bytes_full()
 *
 * Like rw_import_file(), for every format.
 */
gboolean
rw_import_file_full (RwDatabase      *db,
                     const char      *path,
                     RwFormat         format,
                     const char      *mood_map,
                     RwImportResult  *result,
                     GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = read_import_file (path, error);
  if (bytes == NULL)
    return FALSE;

  if (format == RW_FORMAT_AUTO)
    format = rw_format_from_path (path);
  return rw_import_bytes_full (db, bytes, format, mood_map, result, error);
}

/**
 * rw_import_file_cancellable:
 * @cancellable: (nullable): see rw_import_check_ins_full()
 * @progress: (nullable): see rw_import_check_ins_full()
 *
 * Like rw_import_file_full(), for a long import in a worker: one
 * transaction, rolled back when @cancellable is cancelled before it
 * commits.
 */
gboolean
rw_import_file_cancellable (RwDatabase            *db,
                            const char            *path,
                            RwFormat               format,
                            const char            *mood_map,
                            GCancellable          *cancellable,
                            RwImportProgressFunc   progress,
                            gpointer               progress_data,
                            RwImportResult        *result,
                            GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = read_import_file (path, error);
  if (bytes == NULL)
    return FALSE;

  if (format == RW_FORMAT_AUTO)
    format = rw_format_from_path (path);
  return import_bytes (db, bytes, format, mood_map, cancellable, progress, progress_data,
                       result, error);
}

/**
 * rw_import_preview_file:
 * @path: a file to import
 * @format: its format, or RW_FORMAT_AUTO
 * @preview: (out caller-allocates): what it holds; clear with
 *   rw_import_preview_clear()
 * @error: return location for a #GError
 *
 * Reads @path as an import would, without writing anything: the format
 * it was read as, how many check-ins, their first and last days, and
 * for Daylio the mood labels that need a number (see the mood map).
 */
gboolean
rw_import_preview_file (const char       *path,
                        RwFormat          format,
                        RwImportPreview  *preview,
                        GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  memset (preview, 0, sizeof *preview);
  bytes = read_import_file (path, error);
  if (bytes == NULL)
    return FALSE;
  if (format == RW_FORMAT_AUTO)
    format = rw_format_from_path (path);
  if (!parse_bytes (bytes, &format, NULL, &check_ins, NULL, NULL, &preview->unknown_moods, error))
    return FALSE;

  preview->format = format;
  preview->rows = check_ins->len;
  for (guint i = 0; i < check_ins->len; i++)
    {
      const char *date = rw_check_in_get_date (g_ptr_array_index (check_ins, i));

      if (preview->first == NULL || strcmp (date, preview->first) < 0)
        {
          g_free (preview->first);
          preview->first = g_strdup (date);
        }
      if (preview->last == NULL || strcmp (date, preview->last) > 0)
        {
          g_free (preview->last);
          preview->last = g_strdup (date);
        }
    }
  return TRUE;
}

void
rw_import_preview_clear (RwImportPreview *preview)
{
  g_clear_pointer (&preview->first, g_free);
  g_clear_pointer (&preview->last, g_free);
  g_clear_pointer (&preview->unknown_moods, g_strfreev);
}
