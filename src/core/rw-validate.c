/* rw-validate.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rw-date.h"
#include "rw-validate.h"

G_DEFINE_QUARK (rw-validation-error-quark, rw_validation_error)

#define MIN_YEAR 1900
#define MAX_YEAR 2999

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_vprintf (format, args);
      g_set_error_literal (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID, message);
    }
  va_end (args);
  return FALSE;
}

/* Shortens what a person typed for quoting it back in a message. */
static char *
quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);
      return g_strdup_printf ("%s…", head);
    }
  return g_steal_pointer (&valid);
}

/**
 * rw_validate_metric:
 * @metric: which scale
 * @value: 0–10 or %RW_METRIC_UNSET
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @value may be stored for @metric
 */
gboolean
rw_validate_metric (RwMetric  metric,
                    int       value,
                    GError  **error)
{
  g_return_val_if_fail (metric < RW_N_METRICS, FALSE);

  if (value == RW_METRIC_UNSET || (value >= RW_METRIC_MIN && value <= RW_METRIC_MAX))
    return TRUE;

  return invalid (error, _("%s must be a whole number from %d to %d, or left empty (got %d)."),
                  rw_metric_get_label (metric), RW_METRIC_MIN, RW_METRIC_MAX, value);
}

static gboolean
is_quarter (double hours)
{
  double quarters = hours * 4;
  return fabs (quarters - round (quarters)) < 1e-9;
}

gboolean
rw_validate_sleep_hours (double   hours,
                         GError **error)
{
  if (hours == RW_SLEEP_UNSET)
    return TRUE;

  if (isfinite (hours) && hours >= 0 && hours <= RW_SLEEP_MAX_HOURS && is_quarter (hours))
    return TRUE;

  return invalid (error,
                  _("Sleep hours must be from 0 to 24 in steps of a quarter hour, "
                    "such as 7.25, or left empty (got %g)."),
                  hours);
}

gboolean
rw_validate_date (const char  *date,
                  GError     **error)
{
  int year;

  if (rw_date_parse_iso (date, &year, NULL, NULL) && year >= MIN_YEAR && year <= MAX_YEAR)
    return TRUE;

  {
    g_autofree char *quoted = quote_input (date != NULL ? date : "");
    return invalid (error,
                    _("Date must be a real calendar date written YYYY-MM-DD, "
                      "such as 2026-11-22 (got “%s”)."),
                    quoted);
  }
}

gboolean
rw_validate_time (const char  *time,
                  GError     **error)
{
  if (time != NULL && strlen (time) == 5 && rw_time_parse (time, NULL, NULL))
    return TRUE;

  {
    g_autofree char *quoted = quote_input (time != NULL ? time : "");
    return invalid (error,
                    _("Time must be written HH:MM on a 24-hour clock, "
                      "such as 08:30 or 21:15 (got “%s”)."),
                    quoted);
  }
}

/**
 * rw_normalize_tag:
 * @tag: a tag as typed
 *
 * Strips the ends and folds every run of white space into one space.
 *
 * Returns: (transfer full): the tag as it is stored
 */
/* TRUE when @tag is ASCII and already as rw_normalize_tag() would make
 * it (most tags): no space at either end, no two in a row, no other white
 * space. */
static gboolean
is_plain_normal_tag (const char *tag)
{
  const guchar *p = (const guchar *) tag;

  if (*p == ' ')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p >= 0x80 || (*p >= '\t' && *p <= '\r'))
        return FALSE;
      if (*p == ' ' && (p[1] == ' ' || p[1] == '\0'))
        return FALSE;
    }
  return TRUE;
}

char *
rw_normalize_tag (const char *tag)
{
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (tag != NULL, NULL);

  if (is_plain_normal_tag (tag))
    return g_strdup (tag);
  /* Not text: left as it is for rw_validate_tag() to refuse (walking it
   * by characters would read past its end; fuzz-json found it). */
  if (!g_utf8_validate (tag, -1, NULL))
    return g_strdup (tag);

  out = g_string_new (NULL);

  for (const char *p = tag; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
rw_validate_tag (const char  *tag,
                 GError     **error)
{
  glong length;

  g_return_val_if_fail (tag != NULL, FALSE);

  if (!g_utf8_validate (tag, -1, NULL))
    return invalid (error, _("A tag must be valid UTF-8 text."));

  length = g_utf8_strlen (tag, -1);
  if (length < 1 || length > RW_TAG_MAX_CHARS)
    {
      g_autofree char *quoted = quote_input (tag);
      return invalid (error, _("A tag must have 1 to %d characters (got “%s”)."),
                      RW_TAG_MAX_CHARS, quoted);
    }

  for (const char *p = tag; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ';' || c == ',' || g_unichar_iscntrl (c))
        {
          g_autofree char *quoted = quote_input (tag);
          return invalid (error,
                          _("A tag cannot contain “;”, “,” or line breaks (got “%s”)."),
                          quoted);
        }
    }

  if (!is_plain_normal_tag (tag))
    {
      g_autofree char *normalized = rw_normalize_tag (tag);

      if (!g_str_equal (normalized, tag))
        {
          g_autofree char *quoted = quote_input (tag);
          return invalid (error,
                          _("A tag cannot start or end with a space or hold two spaces "
                            "in a row (got “%s”)."),
                          quoted);
        }
    }

  return TRUE;
}

gboolean
rw_validate_note (const char  *note,
                  GError     **error)
{
  g_return_val_if_fail (note != NULL, FALSE);

  if (!g_utf8_validate (note, -1, NULL))
    return invalid (error, _("The note is not valid UTF-8 text; save it again as UTF-8."));

  if (strlen (note) > RW_NOTE_MAX_BYTES)
    return invalid (error,
                    _("The note is longer than %d KiB; split it over two check-ins."),
                    RW_NOTE_MAX_BYTES / 1024);

  return TRUE;
}

gboolean
rw_validate_id (const char  *id,
                GError     **error)
{
  if (id != NULL && g_uuid_string_is_valid (id))
    return TRUE;

  {
    g_autofree char *quoted = quote_input (id != NULL ? id : "");
    return invalid (error,
                    _("An id must be a UUID such as 0e5b4a52-7d6c-4a57-9f0e-3c2d1b0a9f8e "
                      "(got “%s”)."),
                    quoted);
  }
}

/**
 * rw_validate_check_in:
 * @check_in: a #RwCheckIn
 * @error: return location for a #GError
 *
 * Checks every field; the first bad one is named in @error.
 *
 * Returns: %TRUE if @check_in may be stored
 */
gboolean
rw_validate_check_in (RwCheckIn  *check_in,
                      GError    **error)
{
  const char * const *tags;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  if (!rw_validate_id (rw_check_in_get_id (check_in), error) ||
      !rw_validate_date (rw_check_in_get_date (check_in), error) ||
      !rw_validate_time (rw_check_in_get_time (check_in), error))
    return FALSE;

  for (guint i = 0; i < RW_N_METRICS; i++)
    if (!rw_validate_metric (i, rw_check_in_get_metric (check_in, i), error))
      return FALSE;

  if (!rw_validate_sleep_hours (rw_check_in_get_sleep_hours (check_in), error))
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tags = rw_check_in_get_tags (check_in);
  if (g_strv_length ((char **) tags) > RW_TAGS_MAX)
    return invalid (error, _("A check-in can carry at most %d tags (this one has %u)."),
                    RW_TAGS_MAX, g_strv_length ((char **) tags));
  for (guint i = 0; tags[i] != NULL; i++)
    {
      char *folded;

      if (!rw_validate_tag (tags[i], error))
        return FALSE;
      folded = g_utf8_casefold (tags[i], -1);
      if (!g_hash_table_add (seen, folded))
        return invalid (error, _("The tag “%s” is given twice."), tags[i]);
    }

  return rw_validate_note (rw_check_in_get_note (check_in), error);
}

/**
 * rw_parse_metric:
 * @metric: which scale
 * @text: what a person typed; empty means not recorded
 * @value: (out): the value, or %RW_METRIC_UNSET
 * @error: return location for a #GError
 */
gboolean
rw_parse_metric (RwMetric     metric,
                 const char  *text,
                 int         *value,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  gint64 number;
  char *end = NULL;

  g_return_val_if_fail (metric < RW_N_METRICS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      *value = RW_METRIC_UNSET;
      return TRUE;
    }

  number = g_ascii_strtoll (stripped, &end, 10);
  if (end == stripped || *end != '\0' || number < RW_METRIC_MIN || number > RW_METRIC_MAX ||
      !(g_ascii_isdigit (stripped[0]) || stripped[0] == '+'))
    {
      g_autofree char *quoted = quote_input (stripped);
      return invalid (error, _("%s must be a whole number from %d to %d, or left empty (got “%s”)."),
                      rw_metric_get_label (metric), RW_METRIC_MIN, RW_METRIC_MAX, quoted);
    }

  *value = (int) number;
  return TRUE;
}

gboolean
rw_parse_sleep_hours (const char  *text,
                      double      *hours,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  char *end = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (hours != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      *hours = RW_SLEEP_UNSET;
      return TRUE;
    }

  /* People write 7,5 where the decimal separator is a comma. Only digits
   * and one separator are taken: no signs, exponents or "inf". */
  g_strdelimit (stripped, ",", '.');
  value = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !g_ascii_isdigit (stripped[0]) ||
      strspn (stripped, "0123456789.") != strlen (stripped) ||
      !isfinite (value) || value < 0 || value > RW_SLEEP_MAX_HOURS || !is_quarter (value))
    {
      g_autofree char *quoted = quote_input (text);
      g_strstrip (quoted);
      return invalid (error,
                      _("Sleep hours must be from 0 to 24 in steps of a quarter hour, "
                        "such as 7.25, or left empty (got “%s”)."),
                      quoted);
    }

  *hours = round (value * 4) / 4;
  return TRUE;
}

gboolean
rw_parse_date (const char  *text,
               char       **date,
               GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (!rw_validate_date (stripped, error))
    return FALSE;

  *date = g_steal_pointer (&stripped);
  return TRUE;
}

gboolean
rw_parse_time (const char  *text,
               char       **time,
               GError     **error)
{
  g_autofree char *stripped = NULL;
  int hour, minute;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  /* Accept 8:05 and 08:05:00 as well as 08:05. */
  if (strlen (stripped) == 8 && stripped[5] == ':' &&
      g_ascii_isdigit (stripped[6]) && g_ascii_isdigit (stripped[7]))
    stripped[5] = '\0';

  if (!rw_time_parse (stripped, &hour, &minute))
    return rw_validate_time (text, error);

  *time = g_malloc (6);
  (*time)[0] = '0' + hour / 10;
  (*time)[1] = '0' + hour % 10;
  (*time)[2] = ':';
  (*time)[3] = '0' + minute / 10;
  (*time)[4] = '0' + minute % 10;
  (*time)[5] = '\0';
  return TRUE;
}

/**
 * rw_parse_tags:
 * @text: tags as typed, joined by @separator
 * @separator: ',' on the command line, ';' in CSV
 * @error: return location for a #GError
 *
 * Splits, normalises and checks tags; empty pieces are dropped and a tag
 * given twice (in any case) is kept once.
 *
 * Returns: (transfer full) (nullable): the tags, or %NULL on error
 */
char **
rw_parse_tags (const char  *text,
               char         separator,
               GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) pieces = NULL;
  char separators[2] = { separator, '\0' };

  g_return_val_if_fail (text != NULL, NULL);

  pieces = g_strsplit (text, separators, -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *tag = rw_normalize_tag (pieces[i]);

      if (*tag == '\0')
        continue;
      if (!rw_validate_tag (tag, error))
        return NULL;
      if (g_hash_table_add (seen, g_utf8_casefold (tag, -1)))
        g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

/**
 * rw_format_sleep_hours:
 * @hours: hours, or %RW_SLEEP_UNSET
 *
 * Returns: (transfer full): "7.25", "7.5", "8", or "" when unset
 */
char *
rw_format_sleep_hours (double hours)
{
  GString *out;

  if (hours < 0)
    return g_strdup ("");

  out = g_string_sized_new (8);
  rw_append_sleep_quarters (out, (int) round (hours * 4));
  return g_string_free (out, FALSE);
}

/**
 * rw_append_sleep_quarters:
 * @out: where to append
 * @quarters: hours slept times four, at least 0
 *
 * Appends the hours as rw_format_sleep_hours() writes them: "7.25",
 * "7.5", "8".
 */
void
rw_append_sleep_quarters (GString *out,
                          int      quarters)
{
  static const char * const fractions[] = { "", ".25", ".5", ".75" };
  int hours = quarters / 4;

  g_return_if_fail (out != NULL);
  g_return_if_fail (quarters >= 0);

  if (hours < 10)
    g_string_append_c (out, '0' + hours);
  else if (hours < 100)
    {
      g_string_append_c (out, '0' + hours / 10);
      g_string_append_c (out, '0' + hours % 10);
    }
  else
    g_string_append_printf (out, "%d", hours);
  g_string_append (out, fractions[quarters % 4]);
}
