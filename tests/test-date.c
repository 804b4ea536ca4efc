/* test-date.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rw-date.h"

/* Julian day numbers as GDate counts them. */
#define DAY_2024_02_29 738945
#define DAY_2026_11_21 739941

static void
test_iso_round_trip (void)
{
  static const struct { const char *iso; int year, month, day; } cases[] = {
    { "0001-01-01", 1, 1, 1 },
    { "1999-12-31", 1999, 12, 31 },
    { "2000-01-01", 2000, 1, 1 },
    { "2000-02-29", 2000, 2, 29 },      /* divisible by 400: a leap year */
    { "2024-02-29", 2024, 2, 29 },
    { "2024-12-31", 2024, 12, 31 },
    { "2025-01-01", 2025, 1, 1 },
    { "2026-11-21", 2026, 11, 21 },
    { "9999-12-31", 9999, 12, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 day = rw_date_from_iso (cases[i].iso);
      g_autofree char *back = NULL;
      char written[RW_DATE_ISO_SIZE];
      int y = 0, m = 0, d = 0;
      GDate date;

      g_test_message ("%s", cases[i].iso);
      g_assert_true (rw_date_parse_iso (cases[i].iso, &y, &m, &d));
      g_assert_cmpint (y, ==, cases[i].year);
      g_assert_cmpint (m, ==, cases[i].month);
      g_assert_cmpint (d, ==, cases[i].day);

      g_assert_cmpuint (day, !=, 0);
      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);

      back = rw_date_to_iso (day);
      g_assert_cmpstr (back, ==, cases[i].iso);
      rw_date_write_iso (day, written);
      g_assert_cmpstr (written, ==, cases[i].iso);
    }

  g_assert_cmpuint (rw_date_from_iso ("2024-02-29"), ==, DAY_2024_02_29);
  g_assert_cmpuint (rw_date_from_iso ("2026-11-21"), ==, DAY_2026_11_21);
  /* Days count on across month and year boundaries. */
  g_assert_cmpuint (rw_date_from_iso ("2024-03-01") - rw_date_from_iso ("2024-02-28"), ==, 2);
  g_assert_cmpuint (rw_date_from_iso ("2025-03-01") - rw_date_from_iso ("2025-02-28"), ==, 1);
  g_assert_cmpuint (rw_date_from_iso ("2025-01-01") - rw_date_from_iso ("2024-12-31"), ==, 1);
  g_assert_cmpuint (rw_date_from_iso ("2025-01-01") - rw_date_from_iso ("2024-01-01"), ==, 366);
}

static void
test_iso_invalid (void)
{
  static const char *cases[] = {
    "", "2026", "2026-11", "2026-11-2", "2026-11-211", " 2026-11-21", "2026-11-21 ",
    "2026/11/21", "21-11-2026", "2026-1x-21", "+026-11-21", "2026-11-+1", "２０２６-11-21",
    "2026-00-10", "2026-13-10", "2026-11-00", "2026-11-31", "2026-04-31",
    "2025-02-29",  /* not a leap year */
    "1900-02-29",  /* divisible by 100 but not 400 */
    "0000-01-01",
  };

  g_assert_false (rw_date_parse_iso (NULL, NULL, NULL, NULL));
  g_assert_cmpuint (rw_date_from_iso (NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i]);
      g_assert_false (rw_date_parse_iso (cases[i], NULL, NULL, NULL));
      g_assert_cmpuint (rw_date_from_iso (cases[i]), ==, 0);
    }
}

static void
test_date_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) late = g_date_time_new (utc, 2024, 12, 31, 23, 59, 59);
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_cmpuint (rw_date_from_date_time (late), ==, rw_date_from_iso ("2024-12-31"));

  noon = rw_date_to_date_time (DAY_2024_02_29, 12, 30);
  g_assert_nonnull (noon);
  g_assert_cmpint (g_date_time_get_year (noon), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (noon), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (noon), ==, 29);
  g_assert_cmpint (g_date_time_get_hour (noon), ==, 12);
  g_assert_cmpint (g_date_time_get_minute (noon), ==, 30);
  g_assert_cmpuint (rw_date_from_date_time (noon), ==, DAY_2024_02_29);

  g_assert_cmpuint (rw_date_today (), ==, rw_date_from_date_time (now));
}

typedef struct
{
  const char *day;
  const char *format;
  const char *expected;
} FormatCase;

static void
test_format (void)
{
  static const FormatCase cases[] = {
    { "2024-06-03", "%A %-d %B", "Monday 3 June" },
    { "2024-06-03", "%a %-d", "Mon 3" },
    { "2024-06-03", "%-d %b %Y", "3 Jun 2024" },
    { "2026-11-21", "%A %-d %B %Y", "Saturday 21 November 2026" },
    { "2024-02-29", "%-d %B", "29 February" },
    { "2025-01-01", "%B %Y", "January 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rw_date_format (rw_date_from_iso (cases[i].day), cases[i].format);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_null (strstr (text, "  "));
    }
}

typedef struct
{
  const char *day;
  const char *today;
  const char *friendly;
  const char *shortened;
} FriendlyCase;

static void
test_friendly (void)
{
  static const FriendlyCase cases[] = {
    { "2026-11-22", "2026-11-22", "Today", "Today" },
    { "2026-11-21", "2026-11-22", "Yesterday", "Yesterday" },
    { "2026-11-20", "2026-11-22", "Friday 20 November", "Fri 20 Nov 2026" },
    { "2026-11-03", "2026-11-22", "Tuesday 3 November", "Tue 3 Nov 2026" },
    /* Tomorrow is not "Today" nor "Yesterday". */
    { "2026-11-23", "2026-11-22", "Monday 23 November", "Mon 23 Nov 2026" },
    /* Across the new year: yesterday is still "Yesterday"; the rest carry their year. */
    { "2025-12-31", "2026-01-01", "Yesterday", "Yesterday" },
    { "2025-12-30", "2026-01-01", "Tuesday 30 December 2025", "Tue 30 Dec 2025" },
    { "2024-02-29", "2026-11-22", "Thursday 29 February 2024", "Thu 29 Feb 2024" },
    { "2024-03-01", "2024-02-29", "Friday 1 March", "Fri 1 Mar 2024" },
    { "2024-03-01", "2024-03-02", "Yesterday", "Yesterday" },
    /* Without today, the year is always there. */
    { "2026-11-22", NULL, "Sunday 22 November 2026", "Sun 22 Nov 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 day = rw_date_from_iso (cases[i].day);
      guint32 today = rw_date_from_iso (cases[i].today);
      g_autofree char *friendly = rw_date_format_friendly (day, today);
      g_autofree char *shortened = rw_date_format_short (day, today);

      g_test_message ("%s, today %s", cases[i].day, cases[i].today);
      g_assert_cmpstr (friendly, ==, cases[i].friendly);
      g_assert_cmpstr (shortened, ==, cases[i].shortened);
      g_assert_null (strstr (friendly, "  "));
      g_assert_null (strstr (shortened, "  "));
    }

  {
    g_autofree char *none = rw_date_format_friendly (0, DAY_2026_11_21);
    g_assert_cmpstr (none, ==, "");
  }
}

/* The header's form where the full date does not fit: the year kept for
 * days of other years. */
static void
test_compact (void)
{
  static const struct { const char *day, *today, *compact; } cases[] = {
    { "2026-11-22", "2026-11-22", "Today" },
    { "2026-11-21", "2026-11-22", "Yesterday" },
    { "2026-11-03", "2026-11-22", "Tue 3 Nov" },
    { "2021-09-25", "2026-11-22", "Sat 25 Sep 2021" },
    { "2025-12-30", "2026-01-01", "Tue 30 Dec 2025" },
    { "2026-11-22", NULL, "Sun 22 Nov 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *compact = rw_date_format_compact (rw_date_from_iso (cases[i].day),
                                                         rw_date_from_iso (cases[i].today));

      g_assert_cmpstr (compact, ==, cases[i].compact);
    }
}

static void
test_time (void)
{
  static const struct { const char *text; int hour, minute; } good[] = {
    { "00:00", 0, 0 }, { "08:30", 8, 30 }, { "8:30", 8, 30 }, { "23:59", 23, 59 },
    { "12:05", 12, 5 },
  };
  static const char *bad[] = {
    "", ":", "24:00", "23:60", "8:5", "08:5", "008:30", "08:300", "08-30", "08:3a",
    "-1:30", " 8:30", "08:30 ", "0830", "08:30:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      int hour = -1, minute = -1;

      g_assert_true (rw_time_parse (good[i].text, &hour, &minute));
      g_assert_cmpint (hour, ==, good[i].hour);
      g_assert_cmpint (minute, ==, good[i].minute);
    }

  g_assert_false (rw_time_parse (NULL, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_assert_false (rw_time_parse (bad[i], NULL, NULL));
    }
}

/* What a person types into the jump to a date. */
static void
test_parse_typed (void)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "2021-09-25", "2021-09-25" },
    { " 2021-09-25 ", "2021-09-25" },
    { "25 September 2021", "2021-09-25" },
    { "September 25, 2021", "2021-09-25" },
    { "", NULL },
    { "42", NULL },
    { "someday", NULL },
    { "2021-02-30", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 day = rw_date_parse_typed (cases[i].text);
      g_autofree char *iso = day != 0 ? rw_date_to_iso (day) : NULL;

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The tests read English names of days and months. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/date/iso-invalid", test_iso_invalid);
  g_test_add_func ("/date/date-time", test_date_time);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/friendly", test_friendly);
  g_test_add_func ("/date/compact", test_compact);
  g_test_add_func ("/date/time", test_time);
  g_test_add_func ("/date/parse-typed", test_parse_typed);

  return g_test_run ();
}
