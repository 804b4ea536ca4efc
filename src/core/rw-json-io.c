/* rw-json-io.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rewire JSON, read with json-glib and written by hand (see
 * rw_json_append_check_in):
 *
 *   { "format": "rewire", "version": 2, "exported": "2026-11-22T10:00:00Z",
 *     "check_ins": [ { "id": "…", "date": "2026-11-21", "time": "08:30",
 *                      "mood": 6, "anxiety": null, …, "sleep_hours": 7.25,
 *                      "sleep_quality": 5, "tags": ["walk"], "note": "…",
 *                      "created": "…Z", "modified": "…Z" } ],
 *     "sessions": [ … ], "assessments": [ … ], … }
 *
 * Version 2 added the lists after "check_ins" (rw-json-full.c reads and
 * writes them; docs/FORMATS.md describes every member); version 1 files
 * hold check-ins only and still import.
 * A value not recorded is null (or left out). Times are ISO 8601 in UTC
 * with microseconds, so that a round trip keeps them exactly.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rw-import.h"
#include "rw-json-io.h"
#include "rw-validate.h"


/* The largest second g_date_time_format_iso8601() can write:
 * 9999-12-31T23:59:59Z. */
#define MAX_UNIX_SECONDS G_GINT64_CONSTANT (253402300799)

static void
append_2 (GString *out,
          int      value)
{
  g_string_append_c (out, '0' + value / 10);
  g_string_append_c (out, '0' + value % 10);
}

/* Appends @usec as g_date_time_format_iso8601() writes it in UTC
 * ("2026-11-22T09:30:00.123456Z", no fraction when it is 0). Returns
 * FALSE, appending nothing, when GDateTime could not hold it. */
gboolean
rw_json_append_time (GString *out,
                     gint64   usec)
{
  gint64 seconds, days, era, z;
  int second_of_day, year, month, day, doe, yoe, doy, mp, micro;

  if (usec < 0 || usec / G_USEC_PER_SEC > MAX_UNIX_SECONDS)
    return FALSE;

  seconds = usec / G_USEC_PER_SEC;
  micro = usec % G_USEC_PER_SEC;
  days = seconds / 86400;
  second_of_day = seconds % 86400;

  /* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
   * civil_from_days). */
  z = days + 719468;
  era = z / 146097;
  doe = (int) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = (int) (yoe + era * 400) + (month <= 2);

  g_string_append_c (out, '"');
  append_2 (out, year / 100);
  append_2 (out, year % 100);
  g_string_append_c (out, '-');
  append_2 (out, month);
  g_string_append_c (out, '-');
  append_2 (out, day);
  g_string_append_c (out, 'T');
  append_2 (out, second_of_day / 3600);
  g_string_append_c (out, ':');
  append_2 (out, second_of_day / 60 % 60);
  g_string_append_c (out, ':');
  append_2 (out, second_of_day % 60);
  if (micro != 0)
    {
      char fraction[8] = ".000000";

      for (int i = 6; i > 0; i--, micro /= 10)
        fraction[i] = '0' + micro % 10;
      g_string_append_len (out, fraction, 7);
    }
  g_string_append (out, "Z\"");
  return TRUE;
}

void
rw_json_append_string_len (GString    *out,
                           const char *text,
                           gsize       len)
{
  const char *run = text;
  const char *end = text + len;

  g_string_append_c (out, '"');
  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\'))
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c);
        }
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

static void
append_string (GString    *out,
               const char *text)
{
  rw_json_append_string_len (out, text, strlen (text));
}

static void
append_member (GString    *out,
               const char *name)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
}

static void
append_int_or_null (GString *out,
                    int      value)
{
  if (value == RW_METRIC_UNSET)
    g_string_append (out, "null");
  else if (value >= 0 && value < 10)
    g_string_append_c (out, '0' + value);
  else if (value >= 10 && value < 100)
    append_2 (out, value);
  else
    g_string_append_printf (out, "%d", value);
}

/**
 * rw_json_append_row:
 * @out: where to append
 * @row: a check-in as read from the journal
 *
 * Appends the check-in as one JSON object on one line. Written by hand
 * rather than through a JsonBuilder, and straight from the row: an export
 * of 100,000 check-ins takes a fraction of the time this way. json-glib
 * reads it back (see rw_json_parse_check_ins and the round-trip tests).
 */
void
rw_json_append_row (GString            *out,
                    const RwCheckInRow *row)
{
  gsize member_start;

  g_return_if_fail (out != NULL);
  g_return_if_fail (row != NULL);

  g_string_append (out, "{\"id\":");
  append_string (out, row->id);
  g_string_append (out, ",\"date\":");
  append_string (out, row->date);
  g_string_append (out, ",\"time\":");
  append_string (out, row->time);

  for (RwMetric m = 0; m < RW_N_METRICS; m++)
    {
      if (m == RW_METRIC_SLEEP_QUALITY)
        {
          g_string_append (out, ",\"sleep_hours\":");
          if (row->sleep_quarters < 0)
            g_string_append (out, "null");
          else
            rw_append_sleep_quarters (out, row->sleep_quarters);
        }
      append_member (out, rw_metric_get_column (m));
      append_int_or_null (out, row->metrics[m]);
    }

  g_string_append (out, ",\"tags\":[");
  for (const char *p = row->tags, *end = row->tags + row->tags_len; p < end; )
    {
      const char *next = memchr (p, RW_CHECK_IN_ROW_TAG_SEPARATOR[0], end - p);

      if (next == NULL)
        next = end;
      if (p != row->tags)
        g_string_append_c (out, ',');
      rw_json_append_string_len (out, p, next - p);
      p = next + 1;
    }
  g_string_append_c (out, ']');

  g_string_append (out, ",\"note\":");
  rw_json_append_string_len (out, row->note, row->note_len);

  member_start = out->len;
  g_string_append (out, ",\"created\":");
  if (!rw_json_append_time (out, row->created))
    g_string_truncate (out, member_start);
  member_start = out->len;
  g_string_append (out, ",\"modified\":");
  if (!rw_json_append_time (out, row->modified))
    g_string_truncate (out, member_start);
  g_string_append_c (out, '}');
}

/**
 * rw_json_append_check_in:
 * @out: where to append
 * @check_in: a check-in
 *
 * Appends @check_in as one JSON object on one line, as
 * rw_json_append_row() does.
 */
void
rw_json_append_check_in (GString   *out,
                         RwCheckIn *check_in)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  RwCheckInRow row;

  g_return_if_fail (out != NULL);
  g_return_if_fail (RW_IS_CHECK_IN (check_in));

  rw_check_in_row_init (&row, check_in, scratch);
  rw_json_append_row (out, &row);
}

static gboolean
entry_error (GError    **error,
             guint       index,
             const char *message)
{
  g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID,
               _("Check-in %u in the list: %s"), index, message);
  return FALSE;
}

static gboolean
member_is_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static const char *
get_string (JsonObject  *object,
            const char  *name,
            guint        index,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "";
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” must be text."), name);
      entry_error (error, index, message);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_time (JsonObject  *object,
          const char  *name,
          guint        index,
          gint64      *usec,
          GError     **error)
{
  const char *text = get_string (object, name, index, error);
  g_autoptr(GDateTime) dt = NULL;

  *usec = 0;
  if (text == NULL)
    return FALSE;
  if (*text == '\0')
    return TRUE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” must be a date and time such as 2026-11-22T09:30:00Z."), name);
      return entry_error (error, index, message);
    }
  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

static RwCheckIn *
check_in_from_object (JsonObject  *object,
                      guint        index,
                      GError     **error)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *text;
  gint64 created, modified;
  JsonNode *node;

  text = get_string (object, "id", index, error);
  if (text == NULL)
    return NULL;
  if (*text == '\0')
    g_object_set_data (G_OBJECT (check_in), RW_IMPORT_NO_ID, GINT_TO_POINTER (TRUE));
  else if (!rw_validate_id (text, &local))
    return entry_error (error, index, local->message), NULL;
  else
    rw_check_in_set_id (check_in, text);

  text = get_string (object, "date", index, error);
  if (text == NULL)
    return NULL;
  if (*text == '\0')
    return entry_error (error, index, _("the date is missing; every check-in needs one, "
                                        "as YYYY-MM-DD.")), NULL;
  if (!rw_parse_date (text, &date, &local))
    return entry_error (error, index, local->message), NULL;
  rw_check_in_set_date (check_in, date);

  text = get_string (object, "time", index, error);
  if (text == NULL)
    return NULL;
  if (*text == '\0')
    rw_check_in_set_time (check_in, "12:00");
  else if (!rw_parse_time (text, &time, &local))
    return entry_error (error, index, local->message), NULL;
  else
    rw_check_in_set_time (check_in, time);

  for (RwMetric m = 0; m < RW_N_METRICS; m++)
    {
      const char *column = rw_metric_get_column (m);
      gint64 value;

      if (member_is_null (object, column))
        continue;
      node = json_object_get_member (object, column);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (value = json_node_get_int (node)) < RW_METRIC_MIN || value > RW_METRIC_MAX)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s must be a whole number from %d to %d, or null."),
                             rw_metric_get_label (m), RW_METRIC_MIN, RW_METRIC_MAX);
          return entry_error (error, index, message), NULL;
        }
      rw_check_in_set_metric (check_in, m, (int) value);
    }

  if (!member_is_null (object, "sleep_hours"))
    {
      double hours;

      node = json_object_get_member (object, "sleep_hours");
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
           json_node_get_value_type (node) != G_TYPE_INT64))
        return entry_error (error, index, _("Sleep hours must be a number from 0 to 24, or "
                                            "null.")), NULL;
      hours = json_node_get_double (node);
      if (!rw_validate_sleep_hours (hours, &local))
        return entry_error (error, index, local->message), NULL;
      rw_check_in_set_sleep_hours (check_in, hours);
    }

  if (!member_is_null (object, "tags"))
    {
      JsonArray *array;

      node = json_object_get_member (object, "tags");
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return entry_error (error, index, _("“tags” must be a list of text.")), NULL;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *tag = json_array_get_element (array, i);
          char *normal;

          if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING)
            return entry_error (error, index, _("“tags” must be a list of text.")), NULL;
          normal = rw_normalize_tag (json_node_get_string (tag));
          if (normal == NULL || *normal == '\0')
            {
              g_free (normal);
              continue;
            }
          g_ptr_array_add (tags, normal);
        }
    }
  g_ptr_array_add (tags, NULL);
  rw_check_in_set_tags (check_in, (const char * const *) tags->pdata);

  text = get_string (object, "note", index, error);
  if (text == NULL)
    return NULL;
  rw_check_in_set_note (check_in, text);

  if (!get_time (object, "created", index, &created, error) ||
      !get_time (object, "modified", index, &modified, error))
    return NULL;
  rw_check_in_set_created (check_in, created);
  rw_check_in_set_modified (check_in, modified);

  if (!rw_validate_check_in (check_in, &local))
    return entry_error (error, index, local->message), NULL;

  return g_steal_pointer (&check_in);
}

/* Rewire JSON nests four deep (a session's checklist items); anything
 * near this is not an export. */
#define JSON_MAX_DEPTH 32

/* Checks the raw text before json-glib reads it: json-glib 1.6 recurses
 * once per level with no limit (100,000 levels overflow the stack), and
 * it cuts a string at an escaped NUL without a word. Strings are skipped
 * as JSON writes them, so brackets inside text do not count. */
static gboolean
check_raw_json (const char  *data,
                gsize        length,
                GError     **error)
{
  guint depth = 0;
  guint line = 1;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\0')
        {
          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                       _("Line %u of the file holds a NUL byte, which is not text. "
                         "Check that this is a Rewire JSON export."), line);
          return FALSE;
        }
      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (data[i + 1] == 'u' && i + 5 < length && memcmp (data + i + 2, "0000", 4) == 0)
                {
                  g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                               _("Line %u of the file holds text with a NUL character (\\u0000), "
                                 "which a note cannot keep. Remove it and import again."), line);
                  return FALSE;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > JSON_MAX_DEPTH)
            {
              g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                           _("Line %u of the file nests lists or objects more than %u deep, "
                             "far more than a Rewire export does. Check that this is a Rewire JSON export."),
                           line, JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * rw_json_parse_check_ins:
 * @data: the file's bytes
 * @length: their number
 * @check_ins: (out) (transfer full): the check-ins, in file order
 * @lines: (out) (transfer full) (optional): for each, its position in the
 *   list, counted from 1 (json-glib keeps no line numbers per object)
 * @error: return location for a #GError
 *
 * Reads Rewire JSON. A bare list of check-in objects is accepted too.
 * The rest of a full export (sessions, assessments …) is checked as
 * rw_json_parse() checks it, then left out.
 */
gboolean
rw_json_parse_check_ins (const char  *data,
                         gsize        length,
                         GPtrArray  **check_ins,
                         GArray     **lines,
                         GError     **error)
{
  return rw_json_parse (data, length, check_ins, lines, NULL, error);
}

/**
 * rw_json_parse:
 * @data: the file's bytes
 * @length: their number
 * @check_ins: (out) (transfer full): the check-ins, in file order
 * @lines: (out) (transfer full) (optional): see rw_json_parse_check_ins()
 * @full: (out) (transfer full) (optional): everything else the file holds
 *   (sessions, assessments, the safety plan, plan progress), for
 *   rw_json_full_import(); never %NULL on success
 * @error: return location for a #GError
 *
 * Reads a Rewire JSON file of any version up to this build's, checking
 * every part before anything is returned: a bad value anywhere refuses
 * the whole file, its message naming the list and the item.
 */
gboolean
rw_json_parse (const char  *data,
               gsize        length,
               GPtrArray  **check_ins,
               GArray     **lines,
               RwJsonFull **full,
               GError     **error)
{
  g_autoptr(RwJsonFull) extra = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) local = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (check_ins != NULL, FALSE);

  if (!check_raw_json (data, length, error))
    return FALSE;
  if (length > G_MAXSSIZE || !json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      /* json-glib's message quotes the text it stopped at, which may not
       * be UTF-8 (found by fuzz-json): made valid before it is shown. */
      g_autofree char *reason = g_utf8_make_valid (local != NULL ? local->message : _("too large"), -1);

      g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                   _("The file is not valid JSON (%s). Check that it is a Rewire JSON export."),
                   reason);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *format_node = json_object_get_member (object, "format");
      JsonNode *version_node = json_object_get_member (object, "version");
      /* Read only when they are plain values: json-glib's getters warn on
       * a list or an object (found by fuzz-json). */
      const char *format = format_node != NULL && JSON_NODE_HOLDS_VALUE (format_node) &&
                           json_node_get_value_type (format_node) == G_TYPE_STRING
                           ? json_node_get_string (format_node) : NULL;
      gint64 version = version_node != NULL && JSON_NODE_HOLDS_VALUE (version_node) &&
                       json_node_get_value_type (version_node) == G_TYPE_INT64
                       ? json_node_get_int (version_node) : 0;
      JsonNode *list = json_object_get_member (object, "check_ins");

      /* "format" may be there but not text: json-glib then gives NULL. */
      if (g_strcmp0 (format, "rewire") != 0 || list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        {
          g_set_error_literal (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                               _("This JSON file is not a Rewire export: it needs "
                                 "\"format\": \"rewire\" and a \"check_ins\" list."));
          return FALSE;
        }
      if (version > RW_JSON_FORMAT_VERSION)
        {
          /* No format macro inside a msgid: the number is formatted first. */
          g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, version);

          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                       _("This file was written by a newer Rewire (format version %s). "
                         "Update Rewire to import it."), found);
          return FALSE;
        }
      array = json_node_get_array (list);
      /* Check-ins first, so that their messages come as they always did. */
    }
  else if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    array = json_node_get_array (root);
  else
    {
      g_set_error_literal (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                           _("This JSON file is not a Rewire export."));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      RwCheckIn *check_in;
      guint position = i + 1;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return entry_error (error, position, _("each entry must be an object {…}."));
      check_in = check_in_from_object (json_node_get_object (node), position, error);
      if (check_in == NULL)
        return FALSE;
      g_ptr_array_add (result, check_in);
      g_array_append_val (positions, position);
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    extra = rw_json_full_parse (json_node_get_object (root), error);
  else
    extra = rw_json_full_parse (NULL, error);
  if (extra == NULL)
    return FALSE;

  *check_ins = g_steal_pointer (&result);
  if (lines != NULL)
    *lines = g_steal_pointer (&positions);
  if (full != NULL)
    *full = g_steal_pointer (&extra);
  return TRUE;
}
