/* rw-date.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rw-date.h"

/**
 * rw_date_parse_iso:
 * @text: (nullable): a date as written in the journal
 * @year: (out): the year
 * @month: (out): the month, 1 to 12
 * @day: (out): the day of the month
 *
 * Reads exactly "YYYY-MM-DD", four digits, a dash, two, a dash, two,
 * naming a day that exists (29 February only in leap years).
 *
 * Returns: %TRUE if @text is such a date
 */
gboolean
rw_date_parse_iso (const char *text,
                   int        *year,
                   int        *month,
                   int        *day)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}

/**
 * rw_date_parse_typed:
 * @text: (nullable): a date a person typed
 *
 * Reads "YYYY-MM-DD", or a date as the person's locale writes it
 * (g_date_set_parse(): "25/09/2021", "25 September 2021", ...).
 *
 * Returns: the day, or 0 when @text is not a date
 */
guint32
rw_date_parse_typed (const char *text)
{
  g_autofree char *stripped = NULL;
  GDate date;

  if (text == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (text));
  if (rw_date_parse_iso (stripped, NULL, NULL, NULL))
    return rw_date_from_iso (stripped);
  /* A bare number is a day of this month to g_date_set_parse(), a guess
   * too far for a jump. */
  if (*stripped == '\0' || strspn (stripped, "0123456789") == strlen (stripped))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  if (!g_date_valid (&date))
    return 0;
  return g_date_get_julian (&date);
}

/**
 * rw_date_from_iso:
 * @text: (nullable): "YYYY-MM-DD"
 *
 * Returns: the day, or 0 when @text is not a date (see rw_date_parse_iso())
 */
guint32
rw_date_from_iso (const char *text)
{
  int y, m, d;
  GDate date;

  if (!rw_date_parse_iso (text, &y, &m, &d))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/**
 * rw_date_write_iso:
 * @day: a day
 * @out: where to write "YYYY-MM-DD"
 *
 * Like rw_date_to_iso(), without allocating: for code that binds many
 * dates to statements.
 */
void
rw_date_write_iso (guint32 day,
                   char    out[RW_DATE_ISO_SIZE])
{
  GDate date;

  out[0] = '\0';
  g_return_if_fail (g_date_valid_julian (day));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, RW_DATE_ISO_SIZE, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/**
 * rw_date_to_iso:
 * @day: a day
 *
 * Returns: (transfer full): @day as "YYYY-MM-DD"
 */
char *
rw_date_to_iso (guint32 day)
{
  char iso[RW_DATE_ISO_SIZE];

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  rw_date_write_iso (day, iso);
  return g_strdup (iso);
}

/**
 * rw_date_from_date_time:
 * @date_time: a time
 *
 * Returns: the day @date_time falls on, in its own time zone
 */
guint32
rw_date_from_date_time (GDateTime *date_time)
{
  GDate date;

  g_return_val_if_fail (date_time != NULL, 0);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time), g_date_time_get_year (date_time));
  return g_date_get_julian (&date);
}

/**
 * rw_date_to_date_time:
 * @day: a day
 * @hour: 0 to 23
 * @minute: 0 to 59
 *
 * Returns: (transfer full) (nullable): that time of @day in the local time
 *   zone, or %NULL when it does not exist
 */
GDateTime *
rw_date_to_date_time (guint32 day,
                      int     hour,
                      int     minute)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), hour, minute, 0);
}

/**
 * rw_date_today:
 *
 * Returns: the local date now, on the system clock (see also
 *   rw_clock_get_day(), which tests can drive)
 */
guint32
rw_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return rw_date_from_date_time (now);
}

/**
 * rw_date_format:
 * @day: a day
 * @format: a strftime() format; "%-d" for the day of the month, since
 *   %e pads it with a space ("Monday  3 June")
 *
 * Returns: (transfer full): @day for people, in their language
 */
char *
rw_date_format (guint32     day,
                const char *format)
{
  char buffer[256];
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    buffer[0] = '\0';
  return g_strdup (buffer);
}

/**
 * rw_date_format_span:
 * @first: (nullable): the first day, YYYY-MM-DD
 * @last: (nullable): the last day
 *
 * Returns: (transfer full): "18 May 2025 to 4 December 2026", one day
 *   when they are the same, or "None" when there are no days
 */
char *
rw_date_format_span (const char *first,
                     const char *last)
{
  guint32 from = first != NULL ? rw_date_from_iso (first) : 0;
  guint32 to = last != NULL ? rw_date_from_iso (last) : 0;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  if (from == 0 || to == 0)
    return g_strdup (_("None"));
  from_text = rw_date_format (from, "%-d %B %Y");
  if (from == to)
    return g_steal_pointer (&from_text);
  to_text = rw_date_format (to, "%-d %B %Y");
  /* Translators: a range of days, "18 May 2025 to 4 December 2026" */
  return g_strdup_printf (_("%s to %s"), from_text, to_text);
}

/* "Today", "Yesterday", or @day in @this_year's format when it falls in
 * the year of @today, else in @other_year's. */
static char *
format_relative (guint32     day,
                 guint32     today,
                 const char *this_year,
                 const char *other_year)
{
  GDate date, now;

  if (!g_date_valid_julian (day))
    return g_strdup ("");
  if (!g_date_valid_julian (today))
    return rw_date_format (day, other_year);

  if (day == today)
    return g_strdup (_("Today"));
  if (day + 1 == today)
    return g_strdup (_("Yesterday"));

  g_date_clear (&date, 1);
  g_date_clear (&now, 1);
  g_date_set_julian (&date, day);
  g_date_set_julian (&now, today);
  return rw_date_format (day, g_date_get_year (&date) == g_date_get_year (&now)
                              ? this_year : other_year);
}

/**
 * rw_date_format_friendly:
 * @day: a day
 * @today: today, or 0 when unknown
 *
 * Returns: (transfer full): "Today", "Yesterday", "Saturday 21 November",
 *   or "Saturday 21 November 2025" when it is not this year's
 */
char *
rw_date_format_friendly (guint32 day,
                         guint32 today)
{
  /* Translators: a day of this year, as a strftime() format; keep "%-d"
   * (the day of the month without padding). */
  return format_relative (day, today, _("%A %-d %B"),
                          /* Translators: a day of another year, as a strftime() format */
                          _("%A %-d %B %Y"));
}

/**
 * rw_date_format_compact:
 * @day: a day
 * @today: today, or 0 when unknown
 *
 * Returns: (transfer full): "Today", "Yesterday", "Sat 21 Nov", or
 *   "Sat 21 Nov 2025" when it is not this year's: rw_date_format_friendly()
 *   where it does not fit, the year kept
 */
char *
rw_date_format_compact (guint32 day,
                        guint32 today)
{
  /* Translators: a day of this year, short, as a strftime() format; keep
   * "%-d" (the day of the month without padding). */
  return format_relative (day, today, _("%a %-d %b"),
                          /* Translators: a day of another year, short, as a strftime() format */
                          _("%a %-d %b %Y"));
}

/**
 * rw_date_format_short:
 * @day: a day
 * @today: today, or 0 when unknown
 *
 * Returns: (transfer full): "Today", "Yesterday", or "Sat 21 Nov 2026",
 *   for a narrow button
 */
char *
rw_date_format_short (guint32 day,
                      guint32 today)
{
  return format_relative (day, today, "%a %-d %b %Y", "%a %-d %b %Y");
}

/**
 * rw_time_parse:
 * @text: (nullable): a time of day, "HH:MM" or "H:MM", on a 24-hour clock
 * @hour: (out): 0 to 23
 * @minute: (out): 0 to 59
 *
 * Returns: %TRUE if @text is such a time
 */
gboolean
rw_time_parse (const char *text,
               int        *hour,
               int        *minute)
{
  const char *colon;
  gsize hour_len;
  int h, m;

  if (text == NULL || (colon = strchr (text, ':')) == NULL)
    return FALSE;
  hour_len = colon - text;
  if (hour_len < 1 || hour_len > 2 || strlen (colon + 1) != 2)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (p != colon && !g_ascii_isdigit (*p))
      return FALSE;

  h = atoi (text);
  m = atoi (colon + 1);
  if (h > 23 || m > 59)
    return FALSE;

  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  return TRUE;
}
