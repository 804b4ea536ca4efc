/* rw-json-io.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rewire JSON, read with json-glib and written by hand (see
 * rw_json_append_check_in):
 *
 *   { "format": "rewire", "version": 1, "exported": "2026-11-22T10:00:00Z",
 *     "check_ins": [ { "id": "…", "date": "2026-11-21", "time": "08:30",
 *                      "mood": 6, "anxiety": null, …, "sleep_hours": 7.25,
 *                      "sleep_quality": 5, "tags": ["walk"], "note": "…",
 *                      "created": "…Z", "modified": "…Z" } ] }
 *
 * A value not recorded is null (or left out). Times are ISO 8601 in UTC
 * with microseconds, so that a round trip keeps them exactly.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-import.h"
#include "rw-json-io.h"
#include "rw-validate.h"

#define RW_JSON_VERSION 1

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = NULL;

  if (dt == NULL)
    return NULL;
  exact = g_date_time_add (dt, usec % G_USEC_PER_SEC);
  return g_date_time_format_iso8601 (exact);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
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

/**
 * rw_json_append_check_in:
 * @out: where to append
 * @check_in: a check-in
 *
 * Appends @check_in as one JSON object on one line. Written by hand rather
 * than through a JsonBuilder: an export of 100,000 check-ins takes half the
 * time this way. json-glib reads it back (see rw_json_parse_check_ins and
 * the round-trip tests).
 */
void
rw_json_append_check_in (GString   *out,
                         RwCheckIn *check_in)
{
  const char * const *tags;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  double sleep;

  g_return_if_fail (out != NULL);
  g_return_if_fail (RW_IS_CHECK_IN (check_in));

  g_string_append_c (out, '{');
  append_member (out, "id");
  append_string (out, rw_check_in_get_id (check_in));
  append_member (out, "date");
  append_string (out, rw_check_in_get_date (check_in));
  append_member (out, "time");
  append_string (out, rw_check_in_get_time (check_in));

  for (RwMetric m = 0; m < RW_N_METRICS; m++)
    {
      int value = rw_check_in_get_metric (check_in, m);

      if (m == RW_METRIC_SLEEP_QUALITY)
        {
          append_member (out, "sleep_hours");
          sleep = rw_check_in_get_sleep_hours (check_in);
          if (sleep < 0)
            g_string_append (out, "null");
          else
            {
              char buffer[G_ASCII_DTOSTR_BUF_SIZE];
              g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%g", sleep));
            }
        }
      append_member (out, rw_metric_get_column (m));
      if (value == RW_METRIC_UNSET)
        g_string_append (out, "null");
      else
        g_string_append_printf (out, "%d", value);
    }

  append_member (out, "tags");
  g_string_append_c (out, '[');
  tags = rw_check_in_get_tags (check_in);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_string (out, tags[i]);
    }
  g_string_append_c (out, ']');

  append_member (out, "note");
  append_string (out, rw_check_in_get_note (check_in));

  created = format_time (rw_check_in_get_created (check_in));
  modified = format_time (rw_check_in_get_modified (check_in));
  if (created != NULL)
    {
      append_member (out, "created");
      append_string (out, created);
    }
  if (modified != NULL)
    {
      append_member (out, "modified");
      append_string (out, modified);
    }
  g_string_append_c (out, '}');
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
 */
gboolean
rw_json_parse_check_ins (const char  *data,
                         gsize        length,
                         GPtrArray  **check_ins,
                         GArray     **lines,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) local = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (check_ins != NULL, FALSE);

  if (length > G_MAXSSIZE || !json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                   _("The file is not valid JSON (%s). Check that it is a Rewire JSON export."),
                   local != NULL ? local->message : _("too large"));
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      const char *format = json_object_get_string_member_with_default (object, "format", "");
      gint64 version = json_object_get_int_member_with_default (object, "version", 0);
      JsonNode *list = json_object_get_member (object, "check_ins");

      if (!g_str_equal (format, "rewire") || list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        {
          g_set_error_literal (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                               _("This JSON file is not a Rewire export: it needs "
                                 "\"format\": \"rewire\" and a \"check_ins\" list."));
          return FALSE;
        }
      if (version > RW_JSON_VERSION)
        {
          /* No format macro inside a msgid: the number is formatted first. */
          g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, version);

          g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE,
                       _("This file was written by a newer Rewire (format version %s). "
                         "Update Rewire to import it."), found);
          return FALSE;
        }
      array = json_node_get_array (list);
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

  *check_ins = g_steal_pointer (&result);
  if (lines != NULL)
    *lines = g_steal_pointer (&positions);
  return TRUE;
}
