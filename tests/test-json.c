/* test-json.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core-sql.h"

static void
test_round_trip_keeps_everything (void)
{
  g_autoptr(RwCheckIn) original = rw_check_in_new ();
  g_autoptr(GString) object = g_string_new (NULL);
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "breathwork", "家族", NULL };
  RwCheckIn *back;

  rw_check_in_set_date (original, "2024-02-29");
  rw_check_in_set_time (original, "06:05");
  rw_check_in_set_metric (original, RW_METRIC_MOOD, 10);
  rw_check_in_set_metric (original, RW_METRIC_SLEEP_QUALITY, 0);
  rw_check_in_set_sleep_hours (original, 0.25);
  rw_check_in_set_tags (original, tags);
  rw_check_in_set_note (original, "quote \" backslash \\ newline\n tab\t bell \a \x1f emoji 🙂 / </script>");
  rw_check_in_set_created (original, G_GINT64_CONSTANT (1700000000123456));
  rw_check_in_set_modified (original, G_GINT64_CONSTANT (1700000500000001));

  rw_json_append_check_in (object, original);
  g_assert_nonnull (strstr (object->str, "\"anxiety\":null"));
  file = g_strdup_printf ("{\"format\":\"rewire\",\"version\":1,\"check_ins\":[%s]}", object->str);

  g_assert_true (rw_json_parse_check_ins (file, strlen (file), &parsed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 1);
  back = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (rw_check_in_get_id (back), ==, rw_check_in_get_id (original));
  g_assert_true (rw_check_in_content_equal (back, original));
  g_assert_cmpint (rw_check_in_get_created (back), ==, rw_check_in_get_created (original));
  g_assert_cmpint (rw_check_in_get_modified (back), ==, rw_check_in_get_modified (original));
  g_assert_cmpint (rw_check_in_get_metric (back, RW_METRIC_ANXIETY), ==, RW_METRIC_UNSET);
}

static void
test_missing_members_are_not_recorded (void)
{
  const char *text = "[{\"date\":\"2026-01-05\",\"mood\":4}]";
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  RwCheckIn *check_in;

  g_assert_true (rw_json_parse_check_ins (text, strlen (text), &parsed, NULL, &error));
  g_assert_no_error (error);
  check_in = g_ptr_array_index (parsed, 0);
  g_assert_nonnull (g_object_get_data (G_OBJECT (check_in), RW_IMPORT_NO_ID));
  g_assert_cmpstr (rw_check_in_get_time (check_in), ==, "12:00");
  g_assert_cmpint (rw_check_in_get_metric (check_in, RW_METRIC_MOOD), ==, 4);
  g_assert_cmpint (rw_check_in_get_metric (check_in, RW_METRIC_HOPE), ==, RW_METRIC_UNSET);
  g_assert_cmpfloat (rw_check_in_get_sleep_hours (check_in), ==, RW_SLEEP_UNSET);
}

static void
test_bad_input (void)
{
  struct {
    const char *text;
    int code;
    const char *needle;
  } cases[] = {
    { "{\"format\":\"rewire\",\"check_ins\":[", RW_IMPORT_ERROR_PARSE, "not valid JSON" },
    { "{\"format\":\"other\",\"check_ins\":[]}", RW_IMPORT_ERROR_PARSE, "not a Rewire export" },
    { "{\"format\":\"rewire\",\"version\":9,\"check_ins\":[]}", RW_IMPORT_ERROR_PARSE, "newer Rewire" },
    { "\"just text\"", RW_IMPORT_ERROR_PARSE, "not a Rewire export" },
    { "[{\"date\":\"2026-01-05\"},{\"date\":\"2026-01-06\",\"mood\":11}]", RW_IMPORT_ERROR_INVALID, "Check-in 2" },
    { "[{\"date\":\"2026-01-05\",\"mood\":\"5\"}]", RW_IMPORT_ERROR_INVALID, "Mood" },
    { "[{\"date\":\"2026-01-05\",\"sleep_hours\":30}]", RW_IMPORT_ERROR_INVALID, "Sleep hours" },
    { "[{\"date\":\"2026-13-05\"}]", RW_IMPORT_ERROR_INVALID, "date" },
    { "[{\"mood\":3}]", RW_IMPORT_ERROR_INVALID, "date is missing" },
    { "[{\"date\":\"2026-01-05\",\"tags\":\"walk\"}]", RW_IMPORT_ERROR_INVALID, "tags" },
    { "[{\"date\":\"2026-01-05\",\"created\":\"yesterday\"}]", RW_IMPORT_ERROR_INVALID, "created" },
    { "[3]", RW_IMPORT_ERROR_INVALID, "object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) parsed = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_false (rw_json_parse_check_ins (cases[i].text, strlen (cases[i].text), &parsed,
                                               NULL, &error));
      g_assert_error (error, RW_IMPORT_ERROR, cases[i].code);
      g_test_message ("message: %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* Times are written by hand for speed; they must read exactly as GLib's
 * ISO 8601 (which the importer parses): leap days, century years, the
 * last second GDateTime holds, microseconds or none. */
static void
test_times_as_glib_writes_them (void)
{
  static const gint64 times[] = {
    0, 1, 999999, 1000000, G_GINT64_CONSTANT (951782400000000),
    G_GINT64_CONSTANT (951868799999999), G_GINT64_CONSTANT (1700000000123456),
    G_GINT64_CONSTANT (4102444800000000), G_GINT64_CONSTANT (4107542400500000),
    G_GINT64_CONSTANT (253402300799999999),
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
      g_autoptr(GString) object = g_string_new (NULL);
      g_autoptr(GDateTime) second = g_date_time_new_from_unix_utc (times[i] / G_USEC_PER_SEC);
      g_autoptr(GDateTime) exact = g_date_time_add (second, times[i] % G_USEC_PER_SEC);
      g_autofree char *glib = g_date_time_format_iso8601 (exact);
      g_autofree char *expected = g_strdup_printf ("\"created\":\"%s\"", glib);

      rw_check_in_set_created (check_in, times[i]);
      rw_json_append_check_in (object, check_in);
      g_test_message ("%" G_GINT64_FORMAT ": %s", times[i], glib);
      g_assert_nonnull (strstr (object->str, expected));
    }

  /* Past what GDateTime can hold, the member is left out, as before. */
  {
    g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
    g_autoptr(GString) object = g_string_new (NULL);

    rw_check_in_set_created (check_in, G_GINT64_CONSTANT (253402300800000000));
    rw_json_append_check_in (object, check_in);
    g_assert_null (strstr (object->str, "\"created\""));
    g_assert_true (g_str_has_suffix (object->str, "\"modified\":\"1970-01-01T00:00:00Z\"}"));
  }
}

static gboolean
parse (const char  *text,
       gsize        length,
       GError     **error)
{
  g_autoptr(GPtrArray) check_ins = NULL;

  return rw_json_parse_check_ins (text, length, &check_ins, NULL, error);
}

/* json-glib has no depth limit (100,000 levels crashed the import) and
 * cuts a string at \u0000: both are refused with the line, before
 * json-glib sees them. Brackets and escapes inside strings still read. */
static void
test_depth_and_nul (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\":\"rewire\",\"version\":1,\n\"check_ins\":");
  g_autoptr(GError) error = NULL;
  const char *nul_escape =
    "{\"format\":\"rewire\",\"version\":1,\"check_ins\":[\n"
    "{\"id\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"date\":\"2026-01-02\",\"time\":\"09:00\",\n"
    "\"mood\":5,\"note\":\"before\\u0000after\"}]}";
  const char raw_nul[] = "{\"format\":\"rewire\",\n\"version\":1,\"check_ins\":[\"a\0b\"]}";
  const char *brackets_in_text =
    "{\"format\":\"rewire\",\"version\":1,\"check_ins\":[\n"
    "{\"id\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"date\":\"2026-01-02\",\"time\":\"09:00\",\n"
    "\"mood\":5,\"note\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ {{{{ \\\" \\\\u0000 \\u00e9\"}]}";
  g_autoptr(GPtrArray) check_ins = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  g_assert_false (parse (deep->str, deep->len, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 2 "));
  g_assert_nonnull (strstr (error->message, "more than 32 deep"));
  g_clear_error (&error);

  g_assert_false (parse (nul_escape, strlen (nul_escape), &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_assert_nonnull (strstr (error->message, "\\u0000"));
  g_clear_error (&error);

  g_assert_false (parse (raw_nul, sizeof raw_nul - 1, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 2 "));
  g_assert_nonnull (strstr (error->message, "NUL byte"));
  g_clear_error (&error);

  /* json-glib quotes bytes that are not UTF-8 in its message (found by
   * fuzz-json): the message shown is valid text. */
  {
    const char bad[] = "{\"yy1r \017\\2027-11-21u1&\"02[{";

    g_assert_false (parse (bad, sizeof bad - 1, &error));
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
  }

  /* A tag that json-glib gives as bytes that are not UTF-8 (found by
   * fuzz-json: normalising it read past its end) is refused. */
  {
    const char tag[] = "{\"format\":\"rewire\",\"check_ins\":[{\"date\":\"2026-11-21\","
                       "\"tags\":[\"----05\\350-\"]}]}";
    g_autoptr(GPtrArray) refused = NULL;

    if (rw_json_parse_check_ins (tag, sizeof tag - 1, &refused, NULL, &error))
      g_assert_cmpuint (refused->len, ==, 0);
    else
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
  }

  /* A "format" or "version" that is a list or an object: refused, without
   * json-glib's warnings (which G_DEBUG=fatal-criticals makes fatal). */
  g_assert_false (parse ("{\"format\":{},\"check_ins\":[]}", strlen ("{\"format\":{},\"check_ins\":[]}"), &error));
  g_assert_nonnull (strstr (error->message, "not a Rewire export"));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
  g_clear_error (&error);
  {
    const char *odd = "{\"format\":\"rewire\",\"version\":[9],\"check_ins\":[]}";
    g_autoptr(GPtrArray) none = NULL;

    g_assert_true (rw_json_parse_check_ins (odd, strlen (odd), &none, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* A "format" that is not text (found by fuzz-json: it crashed). */
  g_assert_false (parse ("{\"format\":2,\"check_ins\":[]}", 27, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "not a Rewire export"));
  g_clear_error (&error);

  g_assert_true (rw_json_parse_check_ins (brackets_in_text, strlen (brackets_in_text),
                                          &check_ins, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_ins->len, ==, 1);
  g_assert_cmpstr (rw_check_in_get_note (g_ptr_array_index (check_ins, 0)), ==,
                   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ {{{{ \" \\u0000 é");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip", test_round_trip_keeps_everything);
  g_test_add_func ("/json/missing-members", test_missing_members_are_not_recorded);
  g_test_add_func ("/json/bad-input", test_bad_input);
  g_test_add_func ("/json/times", test_times_as_glib_writes_them);
  g_test_add_func ("/json/depth-and-nul", test_depth_and_nul);

  return g_test_run ();
}
