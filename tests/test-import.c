/* test-import.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import and export against a real journal: round trips, re-imports that
 * add nothing, all-or-nothing failures, private and atomic export files.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rw-core-sql.h"
#include "rw-daylio.h"
#include "rw-test-util.h"
#include "rw-test-vfs.h"

typedef struct
{
  char *dir;
  char *other_dir;
  RwDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  f->dir = rw_test_make_dir ();
  f->other_dir = rw_test_make_dir ();
  f->db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  g_clear_object (&f->db);
  rw_test_remove_dir (f->dir);
  rw_test_remove_dir (f->other_dir);
  g_free (f->dir);
  g_free (f->other_dir);
}

static const char *hostile_notes[] = {
  "plain",
  "comma, \"double quotes\", 'single' and ; semicolons",
  "line one\nline two\r\nline three",
  "🙂🌧️👩‍👩‍👧 emoji with joiners",
  "中文 日本語のメモ 한국어 ไทย עברית العربية Ελληνικά",
  "   spaces around   ",
  "=cmd|' /C calc'!A0",
  "",
};

static void
add (RwDatabase *db,
     const char *date,
     const char *time,
     int         mood,
     const char *tags_text,
     const char *note)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_auto(GStrv) tags = rw_parse_tags (tags_text, ',', NULL);

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, time);
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  rw_check_in_set_metric (check_in, RW_METRIC_ENERGY, 10 - mood);
  rw_check_in_set_sleep_hours (check_in, mood % 2 ? 6.75 : RW_SLEEP_UNSET);
  rw_check_in_set_tags (check_in, (const char * const *) tags);
  rw_check_in_set_note (check_in, note);

  rw_test_insert (db, check_in);
}

static gboolean
collect_cb (RwCheckIn *check_in,
            gpointer   user_data)
{
  g_ptr_array_add (user_data, g_object_ref (check_in));
  return TRUE;
}

static GPtrArray *
all_check_ins (RwDatabase *db)
{
  RwCheckInQuery query = { NULL, NULL, NULL, TRUE, NULL };
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_check_in_sql_foreach (db, &query, collect_cb, list, &error));
  g_assert_no_error (error);
  return list;
}

static guint
count (RwDatabase *db)
{
  g_autoptr(GPtrArray) list = all_check_ins (db);
  return list->len;
}

static void
fill_hostile (RwDatabase *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_notes); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i);
      add (db, date, "21:30", (int) i, i % 2 ? "walk,time with loved ones" : "日記", hostile_notes[i]);
    }
  /* Two check-ins on one day. */
  add (db, "2026-10-01", "07:15", 9, "", "morning");
}

static void
assert_same_journals (RwDatabase *a,
                      RwDatabase *b,
                      gboolean    same_times)
{
  g_autoptr(GPtrArray) la = all_check_ins (a);
  g_autoptr(GPtrArray) lb = all_check_ins (b);

  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      RwCheckIn *x = g_ptr_array_index (la, i);
      RwCheckIn *y = NULL;

      for (guint j = 0; j < lb->len && y == NULL; j++)
        if (g_str_equal (rw_check_in_get_id (x), rw_check_in_get_id (g_ptr_array_index (lb, j))))
          y = g_ptr_array_index (lb, j);
      g_assert_nonnull (y);
      g_assert_cmpstr (rw_check_in_get_note (x), ==, rw_check_in_get_note (y));
      g_assert_true (rw_check_in_content_equal (x, y));
      if (same_times)
        {
          g_assert_cmpint (rw_check_in_get_created (x), ==, rw_check_in_get_created (y));
          g_assert_cmpint (rw_check_in_get_modified (x), ==, rw_check_in_get_modified (y));
        }
    }
}

static void
round_trip (Fixture  *f,
            RwFormat  format)
{
  g_autofree char *path = g_build_filename (f->dir, format == RW_FORMAT_CSV ? "out.csv" : "out.json", NULL);
  g_autoptr(RwDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };
  struct stat st;

  fill_hostile (f->db);
  g_assert_true (rw_export_to_file (f->db, NULL, format, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  other = rw_database_open (f->other_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rw_import_file (other, path, RW_FORMAT_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows, ==, G_N_ELEMENTS (hostile_notes) + 1);
  g_assert_cmpuint (result.added, ==, result.rows);
  g_assert_cmpuint (result.skipped, ==, 0);
  assert_same_journals (f->db, other, format == RW_FORMAT_JSON);

  /* Importing the same file again adds nothing. */
  g_assert_true (rw_import_file (other, path, RW_FORMAT_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.skipped, ==, result.rows);
  g_assert_cmpuint (count (other), ==, G_N_ELEMENTS (hostile_notes) + 1);

  /* And a search over the imported notes works in any script. */
  {
    RwCheckInQuery query = { .search = "日本語" };

    g_assert_cmpuint (rw_test_count_check_ins (other, &query), ==, 1);
  }
}

static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  round_trip (f, RW_FORMAT_CSV);
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  round_trip (f, RW_FORMAT_JSON);
}

static void
test_id_less_rows_are_a_multiset (Fixture       *f,
                                  gconstpointer  data)
{
  const char *text =
    "date,time,mood,note\n"
    "2026-09-01,08:00,5,same\n"
    "2026-09-01,08:00,5,same\n"
    "2026-09-02,,3,other\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };

  /* Two identical rows in one file both arrive. */
  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (count (f->db), ==, 3);

  /* The same file again adds nothing. */
  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, &result, &error));
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.skipped, ==, 3);
  g_assert_cmpuint (count (f->db), ==, 3);

  /* A file with three of them adds exactly the one that is missing. */
  {
    const char *more =
      "date,time,mood,note\n"
      "2026-09-01,08:00,5,same\n"
      "2026-09-01,08:00,5,same\n"
      "2026-09-01,08:00,5,same\n";
    g_autoptr(GBytes) more_bytes = g_bytes_new_static (more, strlen (more));

    g_assert_true (rw_import_bytes (f->db, more_bytes, RW_FORMAT_AUTO, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.added, ==, 1);
    g_assert_cmpuint (result.skipped, ==, 2);
    g_assert_cmpuint (count (f->db), ==, 4);
  }
}

static void
test_bad_row_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  const char *text =
    RW_CSV_HEADER "\n"
    ",2026-09-01,08:00,5,,,,,,,,fine\n"
    ",2026-09-02,08:00,5,,,,,,,,fine too\n"
    ",2026-09-03,08:00,12,,,,,,,,mood too high\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "journal.db", NULL);
  RwImportResult result = { 0 };

  fill_hostile (f->db);
  g_assert_false (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, &result, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 4:"));
  g_assert_nonnull (strstr (error->message, "Mood"));
  g_assert_nonnull (strstr (error->message, "0 to 10"));
  g_assert_cmpuint (count (f->db), ==, G_N_ELEMENTS (hostile_notes) + 1);
}

static void
test_disk_full_import_changes_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (RW_CSV_HEADER "\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  fill_hostile (f->db);
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, ",2025-%02u-%02u,10:00,%u,,,,,,,,row %u with a longer note to fill "
                                  "several database pages\n", 1 + i % 12, 1 + i % 28, i % 11, i);
  bytes = g_bytes_new (text->str, text->len);

  rw_test_vfs_set_mode (RW_TEST_VFS_DISK_FULL);
  g_assert_false (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, NULL, &error));
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_DISK_FULL);
  g_assert_cmpuint (count (f->db), ==, G_N_ELEMENTS (hostile_notes) + 1);

  /* Once there is room again the same import goes through. */
  g_clear_error (&error);
  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f->db), ==, G_N_ELEMENTS (hostile_notes) + 1 + 500);
}

static void
test_existing_ids_are_skipped (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) text = g_string_new (RW_CSV_HEADER "\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };
  RwCheckIn *first;

  fill_hostile (f->db);
  list = all_check_ins (f->db);
  first = g_ptr_array_index (list, 0);
  /* Same id, different content: the journal's version is kept. */
  g_string_append_printf (text, "%s,2020-01-01,01:00,1,,,,,,,,changed\n", rw_check_in_get_id (first));
  g_string_append (text, "7f7c9c1e-2b7a-4c55-9a43-0c1f2b3d4e5f,2020-01-02,01:00,2,,,,,,,,new\n");
  bytes = g_bytes_new (text->str, text->len);

  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 1);
  {
    g_autoptr(RwCheckIn) kept = rw_check_in_sql_load (f->db, rw_check_in_get_id (first), &error);
    g_assert_cmpstr (rw_check_in_get_note (kept), ==, rw_check_in_get_note (first));
  }
}

/* Ids are matched whatever their case: an upper-case copy of an id in
 * the journal is skipped, not added a second time, and a check-in
 * imported with an upper-case id is found by it, in either case. */
static void
test_ids_ignore_case (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) text = g_string_new (RW_CSV_HEADER "\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upper = NULL;
  RwImportResult result = { 0 };
  guint before;

  fill_hostile (f->db);
  before = count (f->db);
  list = all_check_ins (f->db);
  upper = g_ascii_strup (rw_check_in_get_id (g_ptr_array_index (list, 0)), -1);
  g_string_append_printf (text, "%s,2020-01-01,01:00,1,,,,,,,,copy\n", upper);
  g_string_append (text, "7F7C9C1E-2B7A-4C55-9A43-0C1F2B3D4E5F,2020-01-02,01:00,2,,,,,,,,new\n");
  bytes = g_bytes_new (text->str, text->len);

  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpuint (count (f->db), ==, before + 1);
  {
    g_autoptr(RwCheckIn) by_upper = rw_check_in_sql_load (f->db, "7F7C9C1E-2B7A-4C55-9A43-0C1F2B3D4E5F", &error);
    g_autoptr(RwCheckIn) by_lower = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (rw_check_in_get_note (by_upper), ==, "new");
    g_assert_cmpstr (rw_check_in_get_id (by_upper), ==, "7f7c9c1e-2b7a-4c55-9a43-0c1f2b3d4e5f");
    by_lower = rw_check_in_sql_load (f->db, "7f7c9c1e-2b7a-4c55-9a43-0c1f2b3d4e5f", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rw_check_in_get_note (by_lower), ==, "new");
  }
}

static void
test_failed_export_keeps_old_file (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->other_dir, "export.csv", NULL);
  g_autofree char *missing = g_build_filename (f->other_dir, "no", "such", "folder.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GDir) dir = NULL;
  guint files = 0;

  g_assert_true (g_file_set_contents (path, "precious old export\n", -1, NULL));
  before = rw_test_file_checksum (path);
  fill_hostile (f->db);

  g_cancellable_cancel (cancelled);
  g_assert_false (rw_export_to_file (f->db, NULL, RW_FORMAT_CSV, path, cancelled, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = rw_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* No temporary file is left behind. */
  dir = g_dir_open (f->other_dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 1);

  g_assert_false (rw_export_to_file (f->db, NULL, RW_FORMAT_CSV, missing, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Choose a folder"));
}

/* A rename that fails (the name is taken by a folder): the whole export
 * was written, synced and then dropped, and nothing is left behind. */
static void
test_failed_rename_leaves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *taken = g_build_filename (f->other_dir, "export.csv", NULL);
  g_autofree char *inside = g_build_filename (taken, "kept.txt", NULL);
  g_autoptr(GError) error = NULL;

  fill_hostile (f->db);
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));

  g_assert_false (rw_export_to_file (f->db, NULL, RW_FORMAT_CSV, taken, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, taken));
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  /* Only the folder that was there: no temporary file. */
  g_assert_cmpuint (rw_test_count_entries (f->other_dir), ==, 1);
}

/* Writing fails half-way (a full disk): the error says so. */
static void
test_full_disk_export (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int fd = g_open ("/dev/full", O_WRONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      g_test_skip ("no /dev/full");
      return;
    }
  fill_hostile (f->db);
  g_assert_false (rw_export_to_fd (f->db, NULL, RW_FORMAT_JSON, fd, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  close (fd);
}

/* The exact bytes of an export, so that a faster writer cannot change
 * the format: CSV quoting, unset values, sleep hours, tags, CRLF; JSON
 * escapes, nulls and times with and without microseconds. */
static void
test_export_bytes (Fixture       *f,
                   gconstpointer  data)
{
  const char *first_tags[] = { "say \"hi\"", "walk", NULL };
  g_autoptr(RwCheckIn) first = rw_check_in_new ();
  g_autoptr(RwCheckIn) second = rw_check_in_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->other_dir, "e.csv", NULL);
  g_autofree char *json_path = g_build_filename (f->other_dir, "e.json", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  const char *body;

  rw_check_in_set_id (first, "0e5b4a52-7d6c-4a57-9f0e-3c2d1b0a9f8e");
  rw_check_in_set_date (first, "2026-11-20");
  rw_check_in_set_time (first, "08:05");
  rw_check_in_set_metric (first, RW_METRIC_MOOD, 10);
  rw_check_in_set_metric (first, RW_METRIC_FOCUS, 0);
  rw_check_in_set_sleep_hours (first, 7.25);
  rw_check_in_set_metric (first, RW_METRIC_SLEEP_QUALITY, 3);
  rw_check_in_set_tags (first, first_tags);
  rw_check_in_set_note (first, " lead, \"quoted\"\nline\ttab\x01 雨 ");
  rw_check_in_set_created (first, G_GINT64_CONSTANT (1700000000123456));
  rw_check_in_set_modified (first, G_GINT64_CONSTANT (1700000001000000));

  rw_check_in_set_id (second, "1f6c5b63-8e7d-4b68-a01f-4d3e2c1b0a9f");
  rw_check_in_set_date (second, "2026-11-21");
  rw_check_in_set_time (second, "23:59");
  rw_check_in_set_sleep_hours (second, 24);
  rw_check_in_set_note (second, "plain");
  rw_check_in_set_created (second, G_GINT64_CONSTANT (951782400000001));
  rw_check_in_set_modified (second, G_GINT64_CONSTANT (951782400000001));

  rw_test_insert (f->db, first);
  rw_test_insert (f->db, second);

  g_assert_true (rw_export_to_file (f->db, NULL, RW_FORMAT_CSV, csv_path, NULL, &error));
  g_assert_true (rw_export_to_file (f->db, NULL, RW_FORMAT_JSON, json_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));

  g_assert_cmpstr (csv, ==,
                   RW_CSV_HEADER "\r\n"
                   "0e5b4a52-7d6c-4a57-9f0e-3c2d1b0a9f8e,2026-11-20,08:05,10,,0,,,7.25,3,"
                   "\"say \"\"hi\"\";walk\",\" lead, \"\"quoted\"\"\nline\ttab\x01 雨 \"\r\n"
                   "1f6c5b63-8e7d-4b68-a01f-4d3e2c1b0a9f,2026-11-21,23:59,,,,,,24,,,plain\r\n");

  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"rewire\",\n  \"version\": 2,\n"
                                         "  \"exported\": \""));
  body = strstr (json, "\",\n  \"check_ins\": [");
  g_assert_nonnull (body);
  g_assert_cmpstr (body, ==,
                   "\",\n  \"check_ins\": [\n"
                   "    {\"id\":\"0e5b4a52-7d6c-4a57-9f0e-3c2d1b0a9f8e\",\"date\":\"2026-11-20\","
                   "\"time\":\"08:05\",\"mood\":10,\"anxiety\":null,\"focus\":0,\"hope\":null,"
                   "\"energy\":null,\"sleep_hours\":7.25,\"sleep_quality\":3,"
                   "\"tags\":[\"say \\\"hi\\\"\",\"walk\"],"
                   "\"note\":\" lead, \\\"quoted\\\"\\nline\\ttab\\u0001 雨 \","
                   "\"created\":\"2023-11-14T22:13:20.123456Z\","
                   "\"modified\":\"2023-11-14T22:13:21Z\"},\n"
                   "    {\"id\":\"1f6c5b63-8e7d-4b68-a01f-4d3e2c1b0a9f\",\"date\":\"2026-11-21\","
                   "\"time\":\"23:59\",\"mood\":null,\"anxiety\":null,\"focus\":null,"
                   "\"hope\":null,\"energy\":null,\"sleep_hours\":24,\"sleep_quality\":null,"
                   "\"tags\":[],\"note\":\"plain\","
                   "\"created\":\"2000-02-29T00:00:00.000001Z\","
                   "\"modified\":\"2000-02-29T00:00:00.000001Z\"}\n"
                   "  ],\n  \"sessions\": [],\n  \"assessments\": [],\n"
                   "  \"safety_plan\": [],\n  \"plan_runs\": [],\n"
                   "  \"breathing_sessions\": []\n}\n");
}

/* One import meets the same tag in several cases and new tags on the
 * way (the writer keeps their ids), and notes in scripts written without
 * spaces next to plain ones (the index text): each is found. */
static void
test_import_tags_and_index (Fixture       *f,
                            gconstpointer  data)
{
  const char *text =
    "date,tags,note\n"
    "2026-01-01,Walk;rain,walked by the river\n"
    "2026-01-02,walk,東京で散歩した\n"
    "2026-01-03,WALK;new one,ฝนตก แต่ก็เดิน\n"
    "2026-01-04,new one,café au lait\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };
  static const struct { const char *search; const char *tag; guint n; } queries[] = {
    { "river", NULL, 1 },
    { "散歩", NULL, 1 },
    { "東京", NULL, 1 },
    { "ฝน", NULL, 1 },
    { "cafe", NULL, 1 },
    { "walk", NULL, 3 },
    { NULL, "walk", 3 },
    { NULL, "new one", 2 },
    { "new", NULL, 2 },
  };

  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      RwCheckInQuery query = { NULL, NULL, queries[i].search, FALSE, queries[i].tag };
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

      g_assert_true (rw_check_in_sql_foreach (f->db, &query, collect_cb, found, &error));
      g_test_message ("search “%s”, tag “%s”", queries[i].search, queries[i].tag);
      g_assert_cmpuint (found->len, ==, queries[i].n);
    }

  /* One tag, the journal's own "walk", used three times whatever the case. */
  tags = rw_check_in_sql_list_tags (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tags->len; i++)
    {
      RwTagInfo *info = g_ptr_array_index (tags, i);

      if (g_ascii_strcasecmp (info->name, "walk") == 0)
        {
          g_assert_cmpstr (info->name, ==, "walk");
          g_assert_cmpuint (info->uses, ==, 3);
        }
      if (g_str_equal (info->name, "new one"))
        g_assert_cmpuint (info->uses, ==, 2);
    }
}

/* A large import (its search index merged at the end, in the same
 * transaction) finds every row, and a save after it is found too. */
static void
test_large_import_searchable (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("date,time,tags,note\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };
  static const struct { const char *search; guint n; } queries[] = {
    { "common", 1500 }, { "word77x", 1 }, { "word1499x", 1 }, { "later", 1 }, { "walk", 750 },
  };

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "2025-%02u-%02u,%02u:%02u,%s,a common note word%ux\n",
                            1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 2 ? "walk" : "", i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_CSV, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1500);
  add (f->db, "2026-01-01", "09:00", 5, "", "a common note written later");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      RwCheckInQuery query = { NULL, NULL, queries[i].search, FALSE, NULL };
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

      g_assert_true (rw_check_in_sql_foreach (f->db, &query, collect_cb, found, &error));
      g_test_message ("search “%s”", queries[i].search);
      g_assert_cmpuint (found->len, ==, queries[i].n + (g_str_equal (queries[i].search, "common") ? 1 : 0));
    }
}

static void
test_unreadable_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rw_import_file (f->db, path, RW_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "missing.csv"));
}

/* A folder, a FIFO with no writer, a device and an empty file are each
 * refused at once, by name and with what to do, and nothing is added.
 * A FIFO used to hang the import and a folder gave a garbled message. */
static void
test_not_a_regular_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.csv", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rw_import_file (f->db, f->other_dir, RW_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_assert_nonnull (strstr (error->message, "Choose a CSV or JSON file"));
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (rw_import_file (f->db, fifo, RW_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "pipe.csv"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  g_assert_false (rw_import_file (f->db, "/dev/null", RW_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "/dev/null"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_false (rw_import_file (f->db, empty, RW_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
  g_assert_nonnull (strstr (error->message, "is empty"));

  g_assert_cmpuint (count (f->db), ==, 0);
}

static GPtrArray *
daylio (const char  *text,
        const char  *mood_map,
        GError     **error)
{
  GPtrArray *check_ins = NULL;

  if (!rw_daylio_parse_check_ins (text, strlen (text), mood_map, &check_ins, NULL, error))
    return NULL;
  return check_ins;
}

#define DAYLIO_AT(list, i) ((RwCheckIn *) g_ptr_array_index ((list), (i)))

/* Daylio's current layout as it writes it: a byte-order mark, newest
 * first, several a day, 12-hour and 24-hour times, activities as tags
 * (" | ", any case once), the note title and the note joined, simple
 * HTML reduced to text, quoted commas, quotes and line breaks; moods by
 * label, trimmed and in any case. */
static void
test_daylio_current_layout (Fixture       *f,
                            gconstpointer  data)
{
  const char *text =
    "\xef\xbb\xbf" "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-21,November 21,Saturday,9:05 pm,rad,friends | walk | Walk,A good day,"
    "\"Saw Anna, we laughed.<br>Then \"\"home\"\" &amp; bed.\"\n"
    "2026-11-21,November 21,Saturday,12:10 am,meh,,,\n"
    "2026-11-20,November 20,Friday,21:05,  Awful ,work,,\"line one\nline two\"\n"
    "2026-11-19,November 19,Thursday,12:30 pm,GOOD,,,<p>first</p><p>second</p>\n"
    "2026-11-18,November 18,Wednesday,7:00,bad,,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = daylio (text, NULL, &error);
  const char * const *tags;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpstr (rw_check_in_get_date (DAYLIO_AT (list, 0)), ==, "2026-11-21");
  g_assert_cmpstr (rw_check_in_get_time (DAYLIO_AT (list, 0)), ==, "21:05");
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 0), RW_METRIC_MOOD), ==, 9);
  tags = rw_check_in_get_tags (DAYLIO_AT (list, 0));
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "friends");
  g_assert_cmpstr (tags[1], ==, "walk");
  g_assert_cmpstr (rw_check_in_get_note (DAYLIO_AT (list, 0)), ==,
                   "A good day\nSaw Anna, we laughed.\nThen \"home\" & bed.");
  g_assert_cmpstr (rw_check_in_get_time (DAYLIO_AT (list, 1)), ==, "00:10");
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 1), RW_METRIC_MOOD), ==, 5);
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 2), RW_METRIC_MOOD), ==, 1);
  g_assert_cmpstr (rw_check_in_get_note (DAYLIO_AT (list, 2)), ==, "line one\nline two");
  g_assert_cmpstr (rw_check_in_get_time (DAYLIO_AT (list, 3)), ==, "12:30");
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 3), RW_METRIC_MOOD), ==, 7);
  g_assert_cmpstr (rw_check_in_get_note (DAYLIO_AT (list, 3)), ==, "first\nsecond");
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 4), RW_METRIC_MOOD), ==, 3);
  g_assert_cmpstr (rw_check_in_get_time (DAYLIO_AT (list, 4)), ==, "07:00");
}

/* The older layout: a year column and a day and month ("18 May",
 * "May 18"); two identical rows are two check-ins. */
static void
test_daylio_older_layout (Fixture       *f,
                          gconstpointer  data)
{
  const char *text =
    "year,date,weekday,time,mood,activities,note\n"
    "2019,18 May,Saturday,10:00,good,reading,same\n"
    "2019,18 May,Saturday,10:00,good,reading,same\n"
    "2020,Feb 29,Saturday,8:15 am,meh,,leap day\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = daylio (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (rw_check_in_get_date (DAYLIO_AT (list, 0)), ==, "2019-05-18");
  g_assert_cmpstr (rw_check_in_get_date (DAYLIO_AT (list, 2)), ==, "2020-02-29");
  g_assert_cmpstr (rw_check_in_get_time (DAYLIO_AT (list, 2)), ==, "08:15");
  g_assert_cmpstr (rw_check_in_get_id (DAYLIO_AT (list, 0)), !=, rw_check_in_get_id (DAYLIO_AT (list, 1)));
}

/* A mood of the person's own stops the import with every such label and
 * how to map it; --mood-map gives them numbers (and may change Daylio's).
 * A bad row or a bad map is named. Nothing is added by a refusal. */
static void
test_daylio_moods_and_mistakes (Fixture       *f,
                                gconstpointer  data)
{
  const char *text =
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-21,November 21,Saturday,9:05 pm,super,,,\n"
    "2026-11-20,November 20,Friday,9:05 pm,Tired,,,\n"
    "2026-11-19,November 19,Thursday,9:05 pm,super,,,\n"
    "2026-11-18,November 18,Wednesday,9:05 pm,rad,,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  RwImportResult result = { 0 };

  g_assert_false (rw_import_bytes_full (f->db, bytes, RW_FORMAT_AUTO, NULL, &result, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_UNKNOWN_MOOD);
  g_assert_nonnull (strstr (error->message, "“super”, “tired”"));
  g_assert_nonnull (strstr (error->message, "--mood-map super=N,tired=N"));
  g_assert_cmpuint (count (f->db), ==, 0);
  g_clear_error (&error);

  list = daylio (text, "super=10, tired = 4,rad=8", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 0), RW_METRIC_MOOD), ==, 10);
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 1), RW_METRIC_MOOD), ==, 4);
  g_assert_cmpint (rw_check_in_get_metric (DAYLIO_AT (list, 3), RW_METRIC_MOOD), ==, 8);

  g_assert_null (daylio (text, "super=11", &error));
  g_assert_nonnull (strstr (error->message, "“super=11”"));
  g_clear_error (&error);

  g_assert_null (daylio ("full_date,date,weekday,time,mood,activities,note_title,note\n"
                         "2026-11-21,November 21,Saturday,9:05 pm,rad,,,\n"
                         "2026-13-40,x,Saturday,9:05 pm,rad,,,\n", NULL, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  g_clear_error (&error);

  g_assert_null (daylio ("full_date,date,weekday,time,mood,activities,note_title,note\n"
                         "2026-11-21,November 21,Saturday,25:05,rad,,,\n", NULL, &error));
  g_assert_nonnull (strstr (error->message, "Line 2: “25:05” is not a time"));
  g_clear_error (&error);

  g_assert_null (daylio ("date,mood,note\n2026-11-21,5,x\n", NULL, &error));
  g_assert_nonnull (strstr (error->message, "not a Daylio export"));
}

/* Imported into a journal: one transaction, and the same file again
 * adds nothing (ids made from what each row holds). */
static void
test_daylio_import_twice (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "daylio_export.csv", NULL);
  const char *text =
    "\xef\xbb\xbf" "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-21,November 21,Saturday,9:05 pm,rad,walk,,kept\n"
    "2026-11-20,November 20,Friday,9:05 pm,bad,,,\n";
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (rw_import_file_full (f->db, path, RW_FORMAT_AUTO, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_true (rw_import_file_full (f->db, path, RW_FORMAT_DAYLIO, NULL, &result, &error));
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.skipped, ==, 2);
  g_assert_cmpuint (count (f->db), ==, 2);
}

static void
test_format_names (void)
{
  RwFormat format = RW_FORMAT_AUTO;

  g_assert_true (rw_format_from_string ("CSV", &format));
  g_assert_cmpint (format, ==, RW_FORMAT_CSV);
  g_assert_true (rw_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, RW_FORMAT_JSON);
  g_assert_false (rw_format_from_string ("xlsx", &format));
  g_assert_cmpint (rw_format_from_path ("/tmp/a.Csv"), ==, RW_FORMAT_CSV);
  g_assert_cmpint (rw_format_from_path ("b.json"), ==, RW_FORMAT_JSON);
  g_assert_cmpint (rw_format_from_path ("c.txt"), ==, RW_FORMAT_AUTO);
  g_assert_cmpint (rw_format_from_path ("dir.csv/noext"), ==, RW_FORMAT_AUTO);
}


static void
cancel_at_progress_cb (guint    done,
                       guint    total,
                       gpointer user_data)
{
  /* Half-way: the rows before are written, in the open transaction. */
  if (done >= total / 2)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_rolls_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (RW_CSV_HEADER "\n");
  g_autofree char *path = g_build_filename (f->other_dir, "long.csv", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };

  fill_hostile (f->db);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, ",2025-%02u-%02u,10:00,%u,,,,,,,,row %u\n",
                            1 + i % 12, 1 + i % 28, i % 11, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  g_assert_false (rw_import_file_cancellable (f->db, path, RW_FORMAT_AUTO, NULL, cancellable,
                                              cancel_at_progress_cb, cancellable, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count (f->db), ==, G_N_ELEMENTS (hostile_notes) + 1);

  /* And without a cancel, the same file arrives whole. */
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_true (rw_import_file_cancellable (f->db, path, RW_FORMAT_AUTO, NULL, NULL, NULL, NULL,
                                             &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3000);
}

static void
test_preview_lists_unknown_moods (Fixture       *f,
                                  gconstpointer  data)
{
  const char *text =
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-05-19,19 May,Tuesday,21:05,Super,work,,\n"
    "2026-05-18,18 May,Monday,9:05 pm,good,,,\n"
    "2026-05-17,17 May,Sunday,08:00,so-so,,,\n"
    "2026-05-16,16 May,Saturday,08:00,super,,,\n";
  g_autofree char *path = g_build_filename (f->other_dir, "daylio.csv", NULL);
  g_autoptr(GError) error = NULL;
  RwImportPreview preview;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (rw_import_preview_file (path, RW_FORMAT_AUTO, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (preview.format, ==, RW_FORMAT_DAYLIO);
  g_assert_cmpuint (preview.rows, ==, 4);
  g_assert_cmpstr (preview.first, ==, "2026-05-16");
  g_assert_cmpstr (preview.last, ==, "2026-05-19");
  g_assert_nonnull (preview.unknown_moods);
  g_assert_cmpuint (g_strv_length (preview.unknown_moods), ==, 2);
  g_assert_cmpstr (preview.unknown_moods[0], ==, "Super");
  g_assert_cmpstr (preview.unknown_moods[1], ==, "so-so");
  rw_import_preview_clear (&preview);
  /* Nothing written. */
  g_assert_cmpuint (count (f->db), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rw_test_vfs_install ();

#define ADD(name, func) \
  g_test_add ("/import/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("csv-round-trip", test_csv_round_trip);
  ADD ("json-round-trip", test_json_round_trip);
  ADD ("id-less-multiset", test_id_less_rows_are_a_multiset);
  ADD ("bad-row-changes-nothing", test_bad_row_changes_nothing);
  ADD ("cancel-rolls-back", test_cancel_rolls_back);
  ADD ("preview-lists-unknown-moods", test_preview_lists_unknown_moods);
  ADD ("disk-full-changes-nothing", test_disk_full_import_changes_nothing);
  ADD ("existing-ids-skipped", test_existing_ids_are_skipped);
  ADD ("ids-ignore-case", test_ids_ignore_case);
  ADD ("failed-export-keeps-old-file", test_failed_export_keeps_old_file);
  ADD ("failed-rename-leaves-nothing", test_failed_rename_leaves_nothing);
  ADD ("full-disk-export", test_full_disk_export);
  ADD ("export-bytes", test_export_bytes);
  ADD ("import-tags-and-index", test_import_tags_and_index);
  ADD ("large-import-searchable", test_large_import_searchable);
  ADD ("unreadable-file", test_unreadable_file);
  ADD ("not-a-regular-file", test_not_a_regular_file);
  ADD ("daylio/current-layout", test_daylio_current_layout);
  ADD ("daylio/older-layout", test_daylio_older_layout);
  ADD ("daylio/moods-and-mistakes", test_daylio_moods_and_mistakes);
  ADD ("daylio/import-twice", test_daylio_import_twice);
  g_test_add_func ("/import/format-names", test_format_names);

#undef ADD

  return g_test_run ();
}
