/* rw-csv.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 reading and writing, and the Rewire CSV layout. The reader is
 * forgiving where a spreadsheet program may differ (LF or CRLF line ends, a
 * UTF-8 byte order mark, a missing final line end) and strict where data
 * could be lost (an unclosed quote, text after a closing quote, invalid
 * UTF-8): those stop the import with the line number.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rw-csv.h"
#include "rw-import.h"
#include "rw-validate.h"

struct _RwCsvReader
{
  const char *data;
  const char *end;
  const char *pos;
  guint       line;
};

RwCsvReader *
rw_csv_reader_new (const char *data,
                   gsize       length)
{
  RwCsvReader *reader = g_new0 (RwCsvReader, 1);

  reader->data = data;
  reader->end = data + length;
  reader->pos = data;
  reader->line = 1;

  /* A byte order mark, as some spreadsheet programs write. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos += 3;

  return reader;
}

void
rw_csv_reader_free (RwCsvReader *reader)
{
  g_free (reader);
}

static gboolean
parse_error (GError    **error,
             guint       line,
             const char *reason)
{
  g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
               _("Line %u: %s"), line, reason);
  return FALSE;
}

/* The bytes that end an unquoted field, or must not appear in one. */
static const gboolean special[256] = {
  [','] = TRUE, ['\n'] = TRUE, ['\r'] = TRUE, ['"'] = TRUE,
};

char **
rw_csv_reader_next (RwCsvReader  *reader,
                    guint        *line,
                    GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  guint start_line;

  g_return_val_if_fail (reader != NULL, NULL);

  /* Blank lines between records are skipped. */
  while (reader->pos < reader->end && (*reader->pos == '\n' || *reader->pos == '\r'))
    {
      if (*reader->pos == '\n')
        reader->line++;
      reader->pos++;
    }
  if (reader->pos >= reader->end)
    return NULL;

  start_line = reader->line;
  if (line != NULL)
    *line = start_line;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  for (;;)
    {
      gboolean quoted = FALSE;
      const char *text = NULL;
      gsize text_len = 0;

      g_string_truncate (field, 0);

      if (reader->pos < reader->end && *reader->pos == '"')
        {
          quoted = TRUE;
          reader->pos++;
          for (;;)
            {
              const char *quote;

              if (reader->pos >= reader->end)
                {
                  parse_error (error, start_line,
                               _("a quoted field is never closed; check that every \" inside "
                                 "a field is written twice (\"\")."));
                  return NULL;
                }
              quote = memchr (reader->pos, '"', reader->end - reader->pos);
              if (quote == NULL)
                quote = reader->end;
              for (const char *p = reader->pos; p < quote; p++)
                if (*p == '\n')
                  reader->line++;
              g_string_append_len (field, reader->pos, quote - reader->pos);
              reader->pos = quote;
              if (reader->pos >= reader->end)
                continue;
              /* At a quote: doubled means a literal quote, else the end. */
              if (reader->pos + 1 < reader->end && reader->pos[1] == '"')
                {
                  g_string_append_c (field, '"');
                  reader->pos += 2;
                  continue;
                }
              reader->pos++;
              break;
            }
        }
      else
        {
          const char *p = reader->pos;

          while (p < reader->end && !special[(guchar) *p])
            p++;
          if (p < reader->end && *p == '"')
            {
              parse_error (error, reader->line,
                           _("a \" appears inside a field that does not start with one; "
                             "put the whole field in quotes and double the \" inside."));
              return NULL;
            }
          /* Unquoted, the field is the text as it stands: no copy to make
           * but the one kept. */
          text = reader->pos;
          text_len = p - reader->pos;
          reader->pos = p;
        }

      if (quoted)
        {
          text = field->str;
          text_len = field->len;
        }
      if (!g_utf8_validate_len (text, text_len, NULL) || memchr (text, '\0', text_len))
        {
          parse_error (error, start_line,
                       _("the text is not valid UTF-8; save the file as UTF-8 and try again."));
          return NULL;
        }
      g_ptr_array_add (fields, g_strndup (text, text_len));

      if (reader->pos >= reader->end)
        break;
      if (*reader->pos == ',')
        {
          reader->pos++;
          continue;
        }
      if (*reader->pos == '\r' || *reader->pos == '\n')
        {
          if (*reader->pos == '\r')
            reader->pos++;
          if (reader->pos < reader->end && *reader->pos == '\n')
            reader->pos++;
          reader->line++;
          break;
        }
      g_assert (quoted);
      parse_error (error, reader->line,
                   _("text follows a closing quote; double the \" inside a quoted field."));
      return NULL;
    }

  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

static void
append_field_len (GString    *out,
                  const char *field,
                  gsize       len)
{
  /* Most fields need no quotes: one scan for the characters that do. */
  if (strcspn (field, ",\"\r\n") >= len &&
      (len == 0 || (field[0] != ' ' && field[len - 1] != ' ')))
    {
      g_string_append_len (out, field, len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field, *end = field + len; p < end; )
    {
      const char *quote = memchr (p, '"', end - p);

      if (quote == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, quote + 1 - p);
      g_string_append_c (out, '"');
      p = quote + 1;
    }
  g_string_append_c (out, '"');
}

/**
 * rw_csv_append_field:
 * @out: where to append
 * @field: the text of one field
 *
 * Appends @field, quoted when it holds a comma, a quote, a line end or
 * leading or trailing space (which some programs would strip).
 */
void
rw_csv_append_field (GString    *out,
                     const char *field)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (field != NULL);

  append_field_len (out, field, strlen (field));
}

static void
append_metric (GString *out,
               int      value)
{
  g_string_append_c (out, ',');
  if (value == RW_METRIC_UNSET)
    return;
  if (value >= 0 && value < 10)
    g_string_append_c (out, '0' + value);
  else if (value >= 10 && value < 100)
    {
      g_string_append_c (out, '0' + value / 10);
      g_string_append_c (out, '0' + value % 10);
    }
  else
    g_string_append_printf (out, "%d", value);
}

/**
 * rw_csv_append_row:
 * @out: where to append
 * @row: a check-in as read from the journal
 *
 * Appends one record of the Rewire layout, with CRLF.
 */
void
rw_csv_append_row (GString            *out,
                   const RwCheckInRow *row)
{
  static const RwMetric order[] = {
    RW_METRIC_MOOD, RW_METRIC_ANXIETY, RW_METRIC_FOCUS, RW_METRIC_HOPE, RW_METRIC_ENERGY,
  };

  g_return_if_fail (out != NULL);
  g_return_if_fail (row != NULL);

  append_field_len (out, row->id, strlen (row->id));
  g_string_append_c (out, ',');
  g_string_append (out, row->date);
  g_string_append_c (out, ',');
  g_string_append (out, row->time);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    append_metric (out, row->metrics[order[i]]);
  g_string_append_c (out, ',');
  if (row->sleep_quarters >= 0)
    rw_append_sleep_quarters (out, row->sleep_quarters);
  append_metric (out, row->metrics[RW_METRIC_SLEEP_QUALITY]);
  g_string_append_c (out, ',');

  /* Tags are joined with ";" in the file; none holds a ";" itself. */
  if (memchr (row->tags, RW_CHECK_IN_ROW_TAG_SEPARATOR[0], row->tags_len) == NULL)
    append_field_len (out, row->tags, row->tags_len);
  else
    {
      char stack[256];
      char *joined = row->tags_len < sizeof stack ? stack : g_malloc (row->tags_len + 1);

      for (gsize i = 0; i < row->tags_len; i++)
        joined[i] = row->tags[i] == RW_CHECK_IN_ROW_TAG_SEPARATOR[0] ? ';' : row->tags[i];
      joined[row->tags_len] = '\0';
      append_field_len (out, joined, row->tags_len);
      if (joined != stack)
        g_free (joined);
    }

  g_string_append_c (out, ',');
  append_field_len (out, row->note, row->note_len);
  g_string_append_len (out, "\r\n", 2);
}

char *
rw_csv_format_check_in (RwCheckIn *check_in)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  GString *out = g_string_sized_new (128);
  RwCheckInRow row;

  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), NULL);

  rw_check_in_row_init (&row, check_in, scratch);
  rw_csv_append_row (out, &row);
  return g_string_free (out, FALSE);
}

typedef enum
{
  COL_ID,
  COL_DATE,
  COL_TIME,
  COL_MOOD,
  COL_ANXIETY,
  COL_FOCUS,
  COL_HOPE,
  COL_ENERGY,
  COL_SLEEP_HOURS,
  COL_SLEEP_QUALITY,
  COL_TAGS,
  COL_NOTE,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "id", "date", "time", "mood", "anxiety", "focus", "hope", "energy",
  "sleep_hours", "sleep_quality", "tags", "note",
};

static gboolean
row_error (GError  **error,
           guint     line,
           GError   *cause)
{
  g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID,
               _("Line %u: %s"), line, cause->message);
  g_error_free (cause);
  return FALSE;
}

static RwCheckIn *
check_in_from_row (char        **row,
                   const int    *map,
                   guint         line,
                   GError      **error)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  GError *local = NULL;
  const char *cell[N_COLUMNS];
  guint n = g_strv_length (row);

  for (guint c = 0; c < N_COLUMNS; c++)
    cell[c] = (map[c] >= 0 && (guint) map[c] < n) ? row[map[c]] : "";

  {
    g_autofree char *id = g_strstrip (g_strdup (cell[COL_ID]));

    if (*id != '\0')
      {
        if (!rw_validate_id (id, &local))
          return row_error (error, line, local), NULL;
        rw_check_in_set_id (check_in, id);
      }
    else
      g_object_set_data (G_OBJECT (check_in), RW_IMPORT_NO_ID, GINT_TO_POINTER (TRUE));
  }

  {
    g_autofree char *date = NULL;
    g_autofree char *stripped = g_strstrip (g_strdup (cell[COL_DATE]));

    if (*stripped == '\0')
      {
        g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID,
                     _("Line %u: the date is empty; every check-in needs one, as YYYY-MM-DD."),
                     line);
        return NULL;
      }
    if (!rw_parse_date (cell[COL_DATE], &date, &local))
      return row_error (error, line, local), NULL;
    rw_check_in_set_date (check_in, date);
  }

  {
    g_autofree char *stripped = g_strstrip (g_strdup (cell[COL_TIME]));
    g_autofree char *time = NULL;

    /* A check-in written down without a time is placed at noon. */
    if (*stripped == '\0')
      rw_check_in_set_time (check_in, "12:00");
    else if (!rw_parse_time (stripped, &time, &local))
      return row_error (error, line, local), NULL;
    else
      rw_check_in_set_time (check_in, time);
  }

  for (RwMetric m = 0; m < RW_N_METRICS; m++)
    {
      static const Column columns[RW_N_METRICS] = {
        [RW_METRIC_MOOD] = COL_MOOD,
        [RW_METRIC_ANXIETY] = COL_ANXIETY,
        [RW_METRIC_FOCUS] = COL_FOCUS,
        [RW_METRIC_HOPE] = COL_HOPE,
        [RW_METRIC_ENERGY] = COL_ENERGY,
        [RW_METRIC_SLEEP_QUALITY] = COL_SLEEP_QUALITY,
      };
      int value;

      if (!rw_parse_metric (m, cell[columns[m]], &value, &local))
        return row_error (error, line, local), NULL;
      rw_check_in_set_metric (check_in, m, value);
    }

  {
    double hours;

    if (!rw_parse_sleep_hours (cell[COL_SLEEP_HOURS], &hours, &local))
      return row_error (error, line, local), NULL;
    rw_check_in_set_sleep_hours (check_in, hours);
  }

  {
    g_auto(GStrv) tags = rw_parse_tags (cell[COL_TAGS], ';', &local);

    if (tags == NULL)
      return row_error (error, line, local), NULL;
    rw_check_in_set_tags (check_in, (const char * const *) tags);
  }

  rw_check_in_set_note (check_in, cell[COL_NOTE]);
  if (!rw_validate_check_in (check_in, &local))
    return row_error (error, line, local), NULL;

  return g_steal_pointer (&check_in);
}

/**
 * rw_csv_parse_check_ins:
 * @data: the file's bytes
 * @length: their number
 * @check_ins: (out) (transfer full): the check-ins, in file order
 * @lines: (out) (transfer full) (optional): the line each starts on (guint)
 * @error: return location for a #GError naming the line and the reason
 *
 * Reads a Rewire CSV file. The header names the columns, in any order;
 * `date` is required, `id` and the others may be missing. An unknown
 * column is an error so that a mistyped name does not silently lose data.
 */
gboolean
rw_csv_parse_check_ins (const char  *data,
                        gsize        length,
                        GPtrArray  **check_ins,
                        GArray     **lines,
                        GError     **error)
{
  g_autoptr(RwCsvReader) reader = rw_csv_reader_new (data, length);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) result_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) header = NULL;
  GError *local = NULL;
  int map[N_COLUMNS];
  guint line = 0;
  guint header_fields;

  g_return_val_if_fail (check_ins != NULL, FALSE);

  header = rw_csv_reader_next (reader, &line, &local);
  if (header == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                     _("The file is empty. A Rewire CSV file starts with the line: %s"),
                     RW_CSV_HEADER);
      return FALSE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    map[c] = -1;
  header_fields = g_strv_length (header);
  for (guint i = 0; i < header_fields; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header[i]), -1);
      guint c;

      for (c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]))
          break;
      if (c == N_COLUMNS)
        {
          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                       _("Line %u: unknown column “%s”. The columns are: %s"),
                       line, header[i], RW_CSV_HEADER);
          return FALSE;
        }
      if (map[c] >= 0)
        {
          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                       _("Line %u: the column “%s” appears twice."), line, header[i]);
          return FALSE;
        }
      map[c] = i;
    }
  if (map[COL_DATE] < 0)
    {
      g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                   _("Line %u: there is no “date” column. A Rewire CSV file starts with "
                     "the line: %s"), line, RW_CSV_HEADER);
      return FALSE;
    }

  for (;;)
    {
      g_auto(GStrv) row = rw_csv_reader_next (reader, &line, &local);
      RwCheckIn *check_in;

      if (row == NULL)
        {
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          break;
        }
      if (g_strv_length (row) != header_fields)
        {
          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                       _("Line %u: %u fields where the header has %u; a note with a comma "
                         "or a line break must be in quotes."),
                       line, g_strv_length (row), header_fields);
          return FALSE;
        }

      check_in = check_in_from_row (row, map, line, error);
      if (check_in == NULL)
        return FALSE;
      g_ptr_array_add (result, check_in);
      g_array_append_val (result_lines, line);
    }

  *check_ins = g_steal_pointer (&result);
  if (lines != NULL)
    *lines = g_steal_pointer (&result_lines);
  return TRUE;
}
