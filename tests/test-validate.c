/* test-validate.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core.h"

typedef struct
{
  const char *text;
  gboolean valid;
  int value;
} MetricCase;

static const MetricCase metric_cases[] = {
  { "0", TRUE, 0 },
  { "10", TRUE, 10 },
  { " 7 ", TRUE, 7 },
  { "", TRUE, RW_METRIC_UNSET },
  { "   ", TRUE, RW_METRIC_UNSET },
  { "11", FALSE, 0 },
  { "-1", FALSE, 0 },
  { "5.5", FALSE, 0 },
  { "five", FALSE, 0 },
  { "7a", FALSE, 0 },
  { "99999999999999999999", FALSE, 0 },
};

static void
test_parse_metric_bounds (void)
{
  for (RwMetric m = 0; m < RW_N_METRICS; m++)
    for (guint i = 0; i < G_N_ELEMENTS (metric_cases); i++)
      {
        g_autoptr(GError) error = NULL;
        int value = -42;
        gboolean ok = rw_parse_metric (m, metric_cases[i].text, &value, &error);

        g_test_message ("%s “%s”", rw_metric_get_name (m), metric_cases[i].text);
        g_assert_cmpint (ok, ==, metric_cases[i].valid);
        if (ok)
          {
            g_assert_no_error (error);
            g_assert_cmpint (value, ==, metric_cases[i].value);
          }
        else
          {
            g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
            /* The message names the field and the allowed range. */
            g_assert_nonnull (strstr (error->message, rw_metric_get_label (m)));
            g_assert_nonnull (strstr (error->message, "0 to 10"));
          }
      }
}

static void
test_validate_metric_bounds (void)
{
  for (RwMetric m = 0; m < RW_N_METRICS; m++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rw_validate_metric (m, RW_METRIC_UNSET, NULL));
      g_assert_true (rw_validate_metric (m, 0, NULL));
      g_assert_true (rw_validate_metric (m, 10, NULL));
      g_assert_false (rw_validate_metric (m, 11, &error));
      g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, rw_metric_get_label (m)));
      g_clear_error (&error);
      g_assert_false (rw_validate_metric (m, -2, &error));
      g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
    }
}

typedef struct
{
  const char *text;
  gboolean valid;
  double hours;
} SleepCase;

static const SleepCase sleep_cases[] = {
  { "0", TRUE, 0 },
  { "24", TRUE, 24 },
  { "7.25", TRUE, 7.25 },
  { "7.5", TRUE, 7.5 },
  { "7,75", TRUE, 7.75 },
  { " 8 ", TRUE, 8 },
  { "", TRUE, RW_SLEEP_UNSET },
  { "24.25", FALSE, 0 },
  { "-0.25", FALSE, 0 },
  { "7.3", FALSE, 0 },
  { "nan", FALSE, 0 },
  { "inf", FALSE, 0 },
  { "1e1", FALSE, 0 },
  { "seven", FALSE, 0 },
  { "7h", FALSE, 0 },
};

static void
test_parse_sleep_bounds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sleep_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double hours = -42;
      gboolean ok = rw_parse_sleep_hours (sleep_cases[i].text, &hours, &error);

      g_test_message ("sleep “%s”", sleep_cases[i].text);
      g_assert_cmpint (ok, ==, sleep_cases[i].valid);
      if (ok)
        g_assert_cmpfloat (hours, ==, sleep_cases[i].hours);
      else
        {
          g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "Sleep hours"));
          g_assert_nonnull (strstr (error->message, "0 to 24"));
        }
    }

  g_assert_true (rw_validate_sleep_hours (RW_SLEEP_UNSET, NULL));
  g_assert_true (rw_validate_sleep_hours (0, NULL));
  g_assert_true (rw_validate_sleep_hours (24, NULL));
  g_assert_false (rw_validate_sleep_hours (24.25, NULL));
  g_assert_false (rw_validate_sleep_hours (6.1, NULL));
}

static void
test_dates_and_times (void)
{
  const char *good_dates[] = { "2026-11-22", "2024-02-29", "1900-01-01", "2999-12-31" };
  const char *bad_dates[] = { "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01",
                              "22/11/2026", "", "2026-11-22x", "1899-12-31" };
  g_autoptr(GError) error = NULL;
  g_autofree char *time = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good_dates); i++)
    g_assert_true (rw_validate_date (good_dates[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_assert_false (rw_validate_date (bad_dates[i], &error));
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
      g_clear_error (&error);
    }

  g_assert_true (rw_validate_time ("00:00", NULL));
  g_assert_true (rw_validate_time ("23:59", NULL));
  g_assert_false (rw_validate_time ("24:00", NULL));
  g_assert_false (rw_validate_time ("12:60", NULL));
  g_assert_false (rw_validate_time ("8:05", NULL));
  g_assert_false (rw_validate_time ("noon", &error));
  g_assert_nonnull (strstr (error->message, "HH:MM"));
  g_clear_error (&error);

  g_assert_true (rw_parse_time ("8:05", &time, NULL));
  g_assert_cmpstr (time, ==, "08:05");
  g_clear_pointer (&time, g_free);
  g_assert_true (rw_parse_time ("21:15:00", &time, NULL));
  g_assert_cmpstr (time, ==, "21:15");
  g_clear_pointer (&time, g_free);
  g_assert_false (rw_parse_time ("25:00", &time, &error));
  g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
  g_assert_null (time);
}

static void
test_tags (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *long_tag = g_strnfill (RW_TAG_MAX_CHARS + 1, 'x');

  tags = rw_parse_tags (" walk ,  good   sleep routine,Walk,,therapy ", ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "walk");
  g_assert_cmpstr (tags[1], ==, "good sleep routine");
  g_assert_cmpstr (tags[2], ==, "therapy");
  g_clear_pointer (&tags, g_strfreev);

  tags = rw_parse_tags ("散歩;瞑想", ';', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_clear_pointer (&tags, g_strfreev);

  tags = rw_parse_tags ("", ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 0);
  g_clear_pointer (&tags, g_strfreev);

  tags = rw_parse_tags (long_tag, ',', &error);
  g_assert_null (tags);
  g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "40"));
  g_clear_error (&error);

  g_assert_false (rw_validate_tag ("a;b", NULL));
  g_assert_false (rw_validate_tag ("a\nb", NULL));
  g_assert_false (rw_validate_tag (" a", NULL));
  g_assert_false (rw_validate_tag ("", NULL));
  g_assert_true (rw_validate_tag ("time with loved ones", NULL));
}

static void
test_check_in (void)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (RW_NOTE_MAX_BYTES + 1, 'a');
  const char *dup_tags[] = { "walk", "WALK", NULL };

  rw_check_in_set_date (check_in, "2026-11-22");
  rw_check_in_set_time (check_in, "08:30");
  g_assert_true (rw_validate_check_in (check_in, &error));
  g_assert_no_error (error);

  rw_check_in_set_metric (check_in, RW_METRIC_HOPE, 12);
  g_assert_false (rw_validate_check_in (check_in, &error));
  g_assert_nonnull (strstr (error->message, "Hope"));
  g_clear_error (&error);
  rw_check_in_set_metric (check_in, RW_METRIC_HOPE, 4);

  rw_check_in_set_tags (check_in, dup_tags);
  g_assert_false (rw_validate_check_in (check_in, &error));
  g_assert_nonnull (strstr (error->message, "twice"));
  g_clear_error (&error);
  rw_check_in_set_tags (check_in, NULL);

  /* 50 tags are kept; a 51st is refused, saying how many are allowed. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < RW_TAGS_MAX; i++)
      g_ptr_array_add (many, g_strdup_printf ("tag %u", i));
    g_ptr_array_add (many, NULL);
    rw_check_in_set_tags (check_in, (const char * const *) many->pdata);
    g_assert_true (rw_validate_check_in (check_in, &error));
    g_assert_no_error (error);
    many->pdata[RW_TAGS_MAX] = g_strdup ("one more");
    g_ptr_array_add (many, NULL);
    rw_check_in_set_tags (check_in, (const char * const *) many->pdata);
    g_assert_false (rw_validate_check_in (check_in, &error));
    g_assert_nonnull (strstr (error->message, "at most 50 tags"));
    g_clear_error (&error);
    rw_check_in_set_tags (check_in, NULL);
  }

  rw_check_in_set_note (check_in, "bad \xff utf-8");
  g_assert_false (rw_validate_check_in (check_in, &error));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  rw_check_in_set_note (check_in, big);
  g_assert_false (rw_validate_check_in (check_in, &error));
  g_assert_nonnull (strstr (error->message, "64 KiB"));
  g_clear_error (&error);

  rw_check_in_set_note (check_in, "fine");
  rw_check_in_set_id (check_in, "not-a-uuid");
  g_assert_false (rw_validate_check_in (check_in, &error));
  g_assert_nonnull (strstr (error->message, "UUID"));
}

static void
test_format_and_keys (void)
{
  g_autoptr(RwCheckIn) a = rw_check_in_new ();
  g_autoptr(RwCheckIn) b = NULL;
  const char *tags_a[] = { "Walk", "therapy", NULL };
  const char *tags_b[] = { "therapy", "walk", NULL };
  char *s;

  s = rw_format_sleep_hours (7.25); g_assert_cmpstr (s, ==, "7.25"); g_free (s);
  s = rw_format_sleep_hours (7.5); g_assert_cmpstr (s, ==, "7.5"); g_free (s);
  s = rw_format_sleep_hours (0.75); g_assert_cmpstr (s, ==, "0.75"); g_free (s);
  s = rw_format_sleep_hours (24); g_assert_cmpstr (s, ==, "24"); g_free (s);
  s = rw_format_sleep_hours (RW_SLEEP_UNSET); g_assert_cmpstr (s, ==, ""); g_free (s);

  rw_check_in_set_note (a, "\n  \nFirst line  \nsecond");
  s = rw_check_in_dup_note_summary (a);
  g_assert_cmpstr (s, ==, "First line");
  g_free (s);

  rw_check_in_set_tags (a, tags_a);
  b = rw_check_in_copy (a);
  g_assert_cmpstr (rw_check_in_get_id (a), ==, rw_check_in_get_id (b));
  rw_check_in_set_id (b, "0e5b4a52-7d6c-4a57-9f0e-3c2d1b0a9f8e");
  rw_check_in_set_tags (b, tags_b);
  /* Ids and tag order do not matter for content; values do. */
  g_assert_true (rw_check_in_content_equal (a, b));
  rw_check_in_set_sleep_hours (b, 7);
  g_assert_false (rw_check_in_content_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/metric/parse-bounds", test_parse_metric_bounds);
  g_test_add_func ("/validate/metric/bounds", test_validate_metric_bounds);
  g_test_add_func ("/validate/sleep/bounds", test_parse_sleep_bounds);
  g_test_add_func ("/validate/date-time", test_dates_and_times);
  g_test_add_func ("/validate/tags", test_tags);
  g_test_add_func ("/validate/check-in", test_check_in);
  g_test_add_func ("/validate/format-and-keys", test_format_and_keys);

  return g_test_run ();
}
