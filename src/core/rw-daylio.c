/* rw-daylio.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the CSV that Daylio exports, in its two layouts:
 *
 *   full_date,date,weekday,time,mood,activities,note_title,note
 *   year,date,weekday,time,mood,activities,note
 *
 * A row is a check-in: its day (the ISO full_date, or the year and a
 * day and month such as "18 May", in English or the locale's month
 * names), its time ("21:05" or "9:05 pm"), its mood as a label mapped to
 * Rewire's 0-10 scale, its activities (separated by " | ") as tags, and
 * its note title and note as one note, simple HTML reduced to text.
 * Each check-in gets an id made from what it holds, so that importing
 * the same file again adds nothing.
 */
#define G_LOG_DOMAIN "rw-daylio"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rw-check-in.h"
#include "rw-csv.h"
#include "rw-daylio.h"
#include "rw-import.h"
#include "rw-validate.h"

/* Daylio's five default moods, spread over Rewire's scale. */
static const struct {
  const char *label;
  int mood;
} default_moods[] = {
  { "awful", 1 }, { "bad", 3 }, { "meh", 5 }, { "good", 7 }, { "rad", 9 },
};

enum { COL_FULL_DATE, COL_YEAR, COL_DATE, COL_TIME, COL_MOOD, COL_ACTIVITIES, COL_NOTE_TITLE,
       COL_NOTE, N_COLUMNS };

static const char * const column_names[N_COLUMNS] = {
  "full_date", "year", "date", "time", "mood", "activities", "note_title", "note",
};

static gboolean
line_error (GError     **error,
            guint        line,
            const char  *message)
{
  g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID, _("Line %u: %s"), line, message);
  return FALSE;
}

/* label=N,label=N: the person's own moods, or other numbers for
 * Daylio's. */
static GHashTable *
make_mood_map (const char  *extra,
               GError     **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) pairs = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (default_moods); i++)
    g_hash_table_insert (map, g_strdup (default_moods[i].label), GINT_TO_POINTER (default_moods[i].mood));
  if (extra == NULL)
    return g_steal_pointer (&map);

  pairs = g_strsplit (extra, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals;
      g_autofree char *label = NULL;
      g_autofree char *number = NULL;
      guint64 mood = 0;

      if (*g_strstrip (pairs[i]) == '\0')
        continue;
      equals = strrchr (pairs[i], '=');
      if (equals != NULL)
        {
          g_autofree char *typed = g_strndup (pairs[i], equals - pairs[i]);

          label = g_utf8_casefold (g_strstrip (typed), -1);
          number = g_strstrip (g_strdup (equals + 1));
        }
      if (label == NULL || *label == '\0' ||
          !g_ascii_string_to_unsigned (number, 10, 0, 10, &mood, NULL))
        {
          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID,
                       _("“%s” in the mood map is not label=N with N from 0 to 10, such as "
                         "“super=10”."), pairs[i]);
          return NULL;
        }
      g_hash_table_insert (map, g_steal_pointer (&label), GINT_TO_POINTER ((int) mood));
    }
  return g_steal_pointer (&map);
}

/* 1-12 for an English or local month name, full or short; else 0. */
static int
month_from_name (const char *name)
{
  static const char * const english[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
  };
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gsize length = strlen (folded);

  while (length > 0 && folded[length - 1] == '.')
    folded[--length] = '\0';
  if (length == 0)
    return 0;
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      g_autofree char *full = g_date_time_format (day, "%B");
      g_autofree char *shortened = g_date_time_format (day, "%b");
      g_autofree char *full_folded = full != NULL ? g_utf8_casefold (full, -1) : NULL;
      g_autofree char *short_folded = shortened != NULL ? g_utf8_casefold (shortened, -1) : NULL;

      if (short_folded != NULL)
        {
          gsize n = strlen (short_folded);

          while (n > 0 && short_folded[n - 1] == '.')
            short_folded[--n] = '\0';
        }
      if (g_str_equal (folded, english[m - 1]) ||
          (length >= 3 && strncmp (folded, english[m - 1], 3) == 0 && length <= strlen (english[m - 1]) &&
           strncmp (folded, english[m - 1], length) == 0) ||
          g_strcmp0 (folded, full_folded) == 0 || g_strcmp0 (folded, short_folded) == 0)
        return m;
    }
  return 0;
}

/* "18 May", "May 18", "18. Mai": a day and a month name, any order. */
static gboolean
parse_day_and_month (const char *text,
                     int        *day,
                     int        *month)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,.", -1);

  *day = 0;
  *month = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint64 n;

      if (*words[i] == '\0')
        continue;
      if (g_ascii_string_to_unsigned (words[i], 10, 1, 31, &n, NULL))
        *day = (int) n;
      else if ((*month = month_from_name (words[i])) == 0)
        return FALSE;
    }
  return *day > 0 && *month > 0;
}

static char *
parse_date (char       **row,
            const int   *map)
{
  const char *full = map[COL_FULL_DATE] >= 0 ? g_strstrip (row[map[COL_FULL_DATE]]) : "";
  g_autofree char *date = NULL;
  guint64 year;
  int day, month;

  if (*full != '\0')
    return rw_parse_date (full, &date, NULL) ? g_steal_pointer (&date) : NULL;
  if (map[COL_YEAR] < 0 || map[COL_DATE] < 0 ||
      !g_ascii_string_to_unsigned (g_strstrip (row[map[COL_YEAR]]), 10, 1900, 9999, &year, NULL) ||
      !parse_day_and_month (g_strstrip (row[map[COL_DATE]]), &day, &month) ||
      !g_date_valid_dmy (day, month, (GDateYear) year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", (int) year, month, day);
}

/* "21:05", "9:05 pm", "9:05 PM", "12:30 a.m.": HH:MM, or NULL. */
static char *
parse_time (const char *text)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);
  const char *p = g_strstrip (folded);
  char *end = NULL;
  guint64 hour, minute;
  gboolean pm = FALSE, am = FALSE;

  hour = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return NULL;
  p = end + 1;
  minute = g_ascii_strtoull (p, &end, 10);
  if (end != p + 2)
    return NULL;
  while (*end == ' ')
    end++;
  if (g_str_equal (end, "pm") || g_str_equal (end, "p.m."))
    pm = TRUE;
  else if (g_str_equal (end, "am") || g_str_equal (end, "a.m."))
    am = TRUE;
  else if (*end != '\0')
    return NULL;
  if (minute > 59 || ((am || pm) ? (hour < 1 || hour > 12) : hour > 23))
    return NULL;
  if (am && hour == 12)
    hour = 0;
  else if (pm && hour != 12)
    hour += 12;
  return g_strdup_printf ("%02u:%02u", (guint) hour, (guint) minute);
}

/* Daylio's notes may hold simple HTML: line breaks and paragraphs
 * become new lines, other tags go, the common entities are decoded. */
static char *
html_to_text (const char *html)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " },
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = html; *p != '\0'; )
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          g_autofree char *tag = NULL;

          if (close == NULL)
            {
              g_string_append (out, p);
              break;
            }
          tag = g_ascii_strdown (p + 1, close - p - 1);
          g_strstrip (tag);
          if (g_str_has_prefix (tag, "br") || g_str_equal (tag, "/p") || g_str_equal (tag, "/div") ||
              g_str_equal (tag, "/li"))
            g_string_append_c (out, '\n');
          p = close + 1;
          continue;
        }
      if (*p == '&')
        {
          guint i;

          for (i = 0; i < G_N_ELEMENTS (entities); i++)
            if (g_str_has_prefix (p, entities[i].entity))
              break;
          if (i < G_N_ELEMENTS (entities))
            {
              g_string_append (out, entities[i].text);
              p += strlen (entities[i].entity);
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* A version 5 style UUID of what the check-in holds, and which of its
 * kind in the file it is: the same file gives the same ids again. */
static char *
content_id (RwCheckIn *check_in,
            guint      occurrence)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *tags = g_strjoinv ("\x1f", (char **) rw_check_in_get_tags (check_in));
  g_autofree char *text = g_strdup_printf ("daylio\x1f%s\x1f%s\x1f%d\x1f%s\x1f%s\x1f%u",
                                           rw_check_in_get_date (check_in),
                                           rw_check_in_get_time (check_in),
                                           rw_check_in_get_metric (check_in, RW_METRIC_MOOD),
                                           tags, rw_check_in_get_note (check_in), occurrence);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sum, (const guchar *) text, -1);
  g_checksum_get_digest (sum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static RwCheckIn *
check_in_from_row (char       **row,
                   const int   *map,
                   GHashTable  *moods,
                   GPtrArray   *unknown,
                   GPtrArray   *shown,
                   guint        line,
                   GError     **error)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *date = parse_date (row, map);
  g_autofree char *time = parse_time (row[map[COL_TIME]]);
  g_autofree char *label = g_utf8_casefold (g_strstrip (row[map[COL_MOOD]]), -1);
  g_autofree char *title = map[COL_NOTE_TITLE] >= 0 ? html_to_text (row[map[COL_NOTE_TITLE]]) : g_strdup ("");
  g_autofree char *note = map[COL_NOTE] >= 0 ? html_to_text (row[map[COL_NOTE]]) : g_strdup ("");
  g_autoptr(GError) invalid = NULL;
  gpointer mood;

  if (date == NULL)
    {
      line_error (error, line, _("the date is not one Daylio writes (such as 2026-05-18, or "
                                 "a year and “18 May”)."));
      return NULL;
    }
  if (time == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time such as 21:05 or 9:05 pm."),
                                                  row[map[COL_TIME]]);
      line_error (error, line, message);
      return NULL;
    }
  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, time);

  if (g_hash_table_lookup_extended (moods, label, NULL, &mood))
    rw_check_in_set_metric (check_in, RW_METRIC_MOOD, GPOINTER_TO_INT (mood));
  else if (*label != '\0')
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < unknown->len && !listed; i++)
        listed = g_str_equal (g_ptr_array_index (unknown, i), label);
      if (!listed)
        {
          g_ptr_array_add (unknown, g_strdup (label));
          /* As the person wrote it, for the window's mapping step. */
          g_ptr_array_add (shown, g_strdup (row[map[COL_MOOD]]));
        }
    }

  if (map[COL_ACTIVITIES] >= 0)
    {
      g_auto(GStrv) activities = g_strsplit (row[map[COL_ACTIVITIES]], " | ", -1);

      for (guint i = 0; activities[i] != NULL; i++)
        {
          g_autofree char *tag = rw_normalize_tag (g_strstrip (activities[i]));

          if (*tag != '\0' && g_hash_table_add (seen, g_utf8_casefold (tag, -1)))
            g_ptr_array_add (tags, g_steal_pointer (&tag));
        }
    }
  g_ptr_array_add (tags, NULL);
  rw_check_in_set_tags (check_in, (const char * const *) tags->pdata);

  if (*title != '\0' && *note != '\0')
    {
      g_autofree char *joined = g_strconcat (title, "\n", note, NULL);
      rw_check_in_set_note (check_in, joined);
    }
  else
    rw_check_in_set_note (check_in, *title != '\0' ? title : note);

  if (!rw_validate_check_in (check_in, &invalid))
    {
      line_error (error, line, invalid->message);
      return NULL;
    }
  return g_steal_pointer (&check_in);
}

/**
 * rw_daylio_parse_check_ins:
 * @data: the file's bytes
 * @length: their number
 * @mood_map: (nullable): "label=N,…" for moods other than Daylio's five
 *   (awful 1, bad 3, meh 5, good 7, rad 9), or other numbers for them
 * @check_ins: (out) (transfer full): the check-ins, in file order
 * @lines: (out) (transfer full) (optional): the line each starts on
 * @error: return location for a #GError
 *
 * Reads a Daylio CSV export. A mood label with no number stops it, with
 * the list of such labels and how to map them; so does a malformed row,
 * with its line.
 */
gboolean
rw_daylio_parse_check_ins (const char  *data,
                           gsize        length,
                           const char  *mood_map,
                           GPtrArray  **check_ins,
                           GArray     **lines,
                           GError     **error)
{
  return rw_daylio_parse_check_ins_full (data, length, mood_map, check_ins, lines, NULL, error);
}

/**
 * rw_daylio_parse_check_ins_full:
 * @unknown_moods: (out) (optional) (transfer full): when given, mood
 *   labels without a number do not stop the parse: they are listed here
 *   (each once, as first written, in the order met; %NULL when there are none) and their
 *   check-ins have no mood
 *
 * Like rw_daylio_parse_check_ins(), for the window's mapping step.
 */
gboolean
rw_daylio_parse_check_ins_full (const char  *data,
                                gsize        length,
                                const char  *mood_map,
                                GPtrArray  **check_ins,
                                GArray     **lines,
                                GStrv       *unknown_moods,
                                GError     **error)
{
  g_autoptr(GHashTable) moods = NULL;
  g_autoptr(RwCsvReader) reader = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) result_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) header = NULL;
  GError *local = NULL;
  int map[N_COLUMNS];
  guint line = 0;
  guint fields;

  g_return_val_if_fail (check_ins != NULL, FALSE);

  moods = make_mood_map (mood_map, error);
  if (moods == NULL)
    return FALSE;

  /* Daylio writes a byte-order mark first. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  reader = rw_csv_reader_new (data, length);
  header = rw_csv_reader_next (reader, &line, &local);
  if (header == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error_literal (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                             _("The file is empty. A Daylio export starts with a line such as "
                               "full_date,date,weekday,time,mood,activities,note_title,note"));
      return FALSE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    map[c] = -1;
  fields = g_strv_length (header);
  for (guint i = 0; i < fields; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header[i]), -1);

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]) && map[c] < 0)
          map[c] = i;
    }
  if (map[COL_TIME] < 0 || map[COL_MOOD] < 0 ||
      (map[COL_FULL_DATE] < 0 && (map[COL_YEAR] < 0 || map[COL_DATE] < 0)))
    {
      g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                   _("Line %u: this is not a Daylio export. Its first line should be "
                     "full_date,date,weekday,time,mood,activities,note_title,note or "
                     "year,date,weekday,time,mood,activities,note."), line);
      return FALSE;
    }

  for (;;)
    {
      g_auto(GStrv) row = rw_csv_reader_next (reader, &line, &local);
      g_autofree char *id = NULL;
      RwCheckIn *check_in;
      guint occurrence;

      if (row == NULL)
        {
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          break;
        }
      if (g_strv_length (row) == 1 && *g_strstrip (row[0]) == '\0')
        continue;
      if (g_strv_length (row) != fields)
        {
          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                       _("Line %u: %u fields where the first line has %u."),
                       line, g_strv_length (row), fields);
          return FALSE;
        }

      check_in = check_in_from_row (row, map, moods, unknown, shown, line, error);
      if (check_in == NULL)
        return FALSE;
      g_ptr_array_add (result, check_in);
      g_array_append_val (result_lines, line);

      /* Identical rows are each kept: which one it is is part of its id. */
      id = content_id (check_in, 0);
      occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (occurrences, id));
      g_hash_table_replace (occurrences, g_strdup (id), GUINT_TO_POINTER (occurrence + 1));
      if (occurrence > 0)
        {
          g_free (id);
          id = content_id (check_in, occurrence);
        }
      rw_check_in_set_id (check_in, id);
    }

  if (unknown_moods != NULL)
    {
      *unknown_moods = NULL;
      if (unknown->len > 0)
        {
          g_ptr_array_add (shown, NULL);
          *unknown_moods = (GStrv) g_ptr_array_free (g_steal_pointer (&shown), FALSE);
        }
    }
  else if (unknown->len > 0)
    {
      g_autoptr(GString) labels = g_string_new (NULL);
      g_autoptr(GString) example = g_string_new (NULL);

      for (guint i = 0; i < unknown->len; i++)
        {
          g_string_append_printf (labels, "%s“%s”", i > 0 ? ", " : "",
                                  (char *) g_ptr_array_index (unknown, i));
          g_string_append_printf (example, "%s%s=N", i > 0 ? "," : "",
                                  (char *) g_ptr_array_index (unknown, i));
        }
      g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_UNKNOWN_MOOD,
                   _("Nothing was imported: these moods have no number on Rewire's 0 to 10 "
                     "scale: %s. Give each one with --mood-map %s (N from 0 to 10; Daylio's "
                     "own are awful=1, bad=3, meh=5, good=7, rad=9)."),
                   labels->str, example->str);
      return FALSE;
    }

  *check_ins = g_steal_pointer (&result);
  if (lines != NULL)
    *lines = g_steal_pointer (&result_lines);
  return TRUE;
}
