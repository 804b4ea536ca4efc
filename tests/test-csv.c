/* test-csv.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RFC 4180 reader and writer, and the Rewire CSV layout.
 */
#include "config.h"

#include <string.h>

#include "rw-core.h"
#include "rw-csv.h"
#include "rw-import.h"

static char **
read_one (const char *text,
          guint      *line)
{
  g_autoptr(RwCsvReader) reader = rw_csv_reader_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  char **fields = rw_csv_reader_next (reader, line, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fields);
  return fields;
}

static void
test_reader_quoting (void)
{
  g_auto(GStrv) fields = NULL;
  g_autoptr(RwCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "a,\"b,c\",\"say \"\"hi\"\"\",\"two\r\nlines\",\r\nnext,\"\"\n";
  char **next;
  guint line = 0;

  fields = read_one (text, &line);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpstr (fields[0], ==, "a");
  g_assert_cmpstr (fields[1], ==, "b,c");
  g_assert_cmpstr (fields[2], ==, "say \"hi\"");
  g_assert_cmpstr (fields[3], ==, "two\r\nlines");
  g_assert_cmpstr (fields[4], ==, "");

  reader = rw_csv_reader_new (text, strlen (text));
  g_strfreev (rw_csv_reader_next (reader, &line, &error));
  next = rw_csv_reader_next (reader, &line, &error);
  g_assert_no_error (error);
  /* The second record starts on line 3: the quoted line break counts. */
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (g_strv_length (next), ==, 2);
  g_assert_cmpstr (next[0], ==, "next");
  g_assert_cmpstr (next[1], ==, "");
  g_strfreev (next);
  g_assert_null (rw_csv_reader_next (reader, &line, &error));
  g_assert_no_error (error);
}

static void
test_reader_bom_and_no_final_newline (void)
{
  g_auto(GStrv) fields = read_one ("\xEF\xBB\xBFid,date", NULL);

  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpstr (fields[0], ==, "id");
  g_assert_cmpstr (fields[1], ==, "date");
}

static void
test_reader_errors (void)
{
  struct {
    const char *text;
    guint line;
  } cases[] = {
    { "a,b\n\"never closed,c\n", 2 },
    { "a,b\nx\"y,c\n", 2 },
    { "a,b\n\n\"q\"x,c\n", 3 },
    { "a,b\n\xff\xfe,c\n", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwCsvReader) reader = rw_csv_reader_new (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("Line %u:", cases[i].line);
      char **fields;

      g_strfreev (rw_csv_reader_next (reader, NULL, &error));
      g_assert_no_error (error);
      fields = rw_csv_reader_next (reader, NULL, &error);
      g_assert_null (fields);
      g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
}

static void
test_append_field (void)
{
  const char *fields[] = { "plain", "", "a,b", "q\"q", "line\nbreak", " padded ", "日本語" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) back = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rw_csv_append_field (out, fields[i]);
    }
  g_assert_cmpstr (out->str, ==, "plain,,\"a,b\",\"q\"\"q\",\"line\nbreak\",\" padded \",日本語");

  back = read_one (out->str, NULL);
  g_assert_cmpuint (g_strv_length (back), ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (back[i], ==, fields[i]);
}

static RwCheckIn *
hostile_check_in (const char *note)
{
  RwCheckIn *check_in = rw_check_in_new ();
  const char *tags[] = { "walk", "time with loved ones", "日記", NULL };

  rw_check_in_set_date (check_in, "2026-02-28");
  rw_check_in_set_time (check_in, "23:59");
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, 0);
  rw_check_in_set_metric (check_in, RW_METRIC_ANXIETY, 10);
  rw_check_in_set_metric (check_in, RW_METRIC_HOPE, 3);
  rw_check_in_set_sleep_hours (check_in, 7.25);
  rw_check_in_set_tags (check_in, tags);
  rw_check_in_set_note (check_in, note);
  return check_in;
}

static void
test_format_and_parse_round_trip (void)
{
  const char *notes[] = {
    "",
    "comma, \"quotes\" and a ; semicolon",
    "first line\nsecond line\r\nthird\rline",
    "emoji 🙂🌧️ and RTL שלום and Arabic مرحبا",
    "  leading and trailing spaces  ",
    "\"",
    ",,,",
    "中文日本語 한국어 ไทย",
  };
  g_autoptr(GString) file = g_string_new (RW_CSV_HEADER "\r\n");
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      RwCheckIn *check_in = hostile_check_in (notes[i]);
      g_autofree char *record = rw_csv_format_check_in (check_in);

      g_assert_true (g_str_has_suffix (record, "\r\n"));
      g_string_append (file, record);
      g_ptr_array_add (originals, check_in);
    }

  g_assert_true (rw_csv_parse_check_ins (file->str, file->len, &parsed, &lines, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, originals->len);
  for (guint i = 0; i < parsed->len; i++)
    {
      RwCheckIn *a = g_ptr_array_index (originals, i);
      RwCheckIn *b = g_ptr_array_index (parsed, i);

      g_assert_cmpstr (rw_check_in_get_id (a), ==, rw_check_in_get_id (b));
      g_assert_cmpstr (rw_check_in_get_note (a), ==, rw_check_in_get_note (b));
      g_assert_true (rw_check_in_content_equal (a, b));
      g_assert_null (g_object_get_data (G_OBJECT (b), RW_IMPORT_NO_ID));
    }
  /* Header on line 1; the third record spans lines 4 to 6 (two line feeds). */
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 7);
}

static void
test_hand_made_file (void)
{
  /* A file a person typed: no id column, columns reordered, empty cells,
   * tags with stray spaces, no time (placed at noon), LF line ends. */
  const char *text =
    "date,mood,note,tags,sleep_hours\n"
    "2026-11-01,7,\"Good day, mostly\", walk ; Therapy ;,7.5\n"
    "2026-11-02,,,,\n";
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  RwCheckIn *first, *second;

  g_assert_true (rw_csv_parse_check_ins (text, strlen (text), &parsed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 2);

  first = g_ptr_array_index (parsed, 0);
  g_assert_nonnull (g_object_get_data (G_OBJECT (first), RW_IMPORT_NO_ID));
  g_assert_cmpstr (rw_check_in_get_date (first), ==, "2026-11-01");
  g_assert_cmpstr (rw_check_in_get_time (first), ==, "12:00");
  g_assert_cmpint (rw_check_in_get_metric (first, RW_METRIC_MOOD), ==, 7);
  g_assert_cmpint (rw_check_in_get_metric (first, RW_METRIC_ANXIETY), ==, RW_METRIC_UNSET);
  g_assert_cmpfloat (rw_check_in_get_sleep_hours (first), ==, 7.5);
  g_assert_cmpstr (rw_check_in_get_note (first), ==, "Good day, mostly");
  g_assert_cmpuint (g_strv_length ((char **) rw_check_in_get_tags (first)), ==, 2);
  g_assert_cmpstr (rw_check_in_get_tags (first)[0], ==, "walk");

  second = g_ptr_array_index (parsed, 1);
  g_assert_cmpint (rw_check_in_get_metric (second, RW_METRIC_MOOD), ==, RW_METRIC_UNSET);
  g_assert_cmpfloat (rw_check_in_get_sleep_hours (second), ==, RW_SLEEP_UNSET);
}

static void
test_bad_rows_name_line_and_field (void)
{
  struct {
    const char *text;
    int code;
    const char *line;
    const char *field;
  } cases[] = {
    { RW_CSV_HEADER "\n,2026-11-01,08:00,11,,,,,,,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "Mood" },
    { RW_CSV_HEADER "\n,2026-11-01,08:00,,-1,,,,,,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "Anxiety" },
    { RW_CSV_HEADER "\n,2026-11-01,08:00,,,,,,,11,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "Sleep quality" },
    { RW_CSV_HEADER "\n,2026-11-01,08:00,,,,,,7.3,,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "Sleep hours" },
    { RW_CSV_HEADER "\n,2026-11-01,08:00,,,,,,25,,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "Sleep hours" },
    { RW_CSV_HEADER "\n,2026-11-01,08:00,5,,,,,,,,\n,2026-02-30,08:00,,,,,,,,,\n",
      RW_IMPORT_ERROR_INVALID, "Line 3:", "date" },
    { RW_CSV_HEADER "\n,,08:00,,,,,,,,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "date" },
    { RW_CSV_HEADER "\n,2026-11-01,25:00,,,,,,,,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "Time" },
    { RW_CSV_HEADER "\nnot-a-uuid,2026-11-01,08:00,,,,,,,,,\n", RW_IMPORT_ERROR_INVALID, "Line 2:", "UUID" },
    { RW_CSV_HEADER "\n,2026-11-01,08:00,5,,,\n", RW_IMPORT_ERROR_PARSE, "Line 2:", "fields" },
    { "date,mood,colour\n2026-11-01,5,red\n", RW_IMPORT_ERROR_PARSE, "Line 1:", "colour" },
    { "mood,note\n5,x\n", RW_IMPORT_ERROR_PARSE, "Line 1:", "date" },
    { "", RW_IMPORT_ERROR_PARSE, "The file is empty", RW_CSV_HEADER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) parsed = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_false (rw_csv_parse_check_ins (cases[i].text, strlen (cases[i].text), &parsed,
                                              NULL, &error));
      g_assert_error (error, RW_IMPORT_ERROR, cases[i].code);
      g_assert_null (parsed);
      g_test_message ("message: %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
      g_assert_nonnull (strstr (error->message, cases[i].field));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/quoting", test_reader_quoting);
  g_test_add_func ("/csv/reader/bom-and-no-final-newline", test_reader_bom_and_no_final_newline);
  g_test_add_func ("/csv/reader/errors", test_reader_errors);
  g_test_add_func ("/csv/append-field", test_append_field);
  g_test_add_func ("/csv/round-trip", test_format_and_parse_round_trip);
  g_test_add_func ("/csv/hand-made", test_hand_made_file);
  g_test_add_func ("/csv/bad-rows", test_bad_rows_name_line_and_field);

  return g_test_run ();
}
