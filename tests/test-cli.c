/* test-cli.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line, run as the built binary with no display, the way a
 * script or a person at a terminal would.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  char *db_path;
  char *out;   /* stdout of the last run */
  char *err;   /* stderr of the last run */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = rw_test_make_dir ();
  f->db_path = g_build_filename (f->dir, "journal.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->out);
  g_free (f->err);
}

/* Runs rewire with no display at all (no DISPLAY, no WAYLAND_DISPLAY), with
 * --data-dir pointing at the fixture unless the arguments say otherwise. */
static int
run_env (Fixture             *f,
         const char * const  *extra_env,
         const char          *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, g_strdup (g_getenv ("REWIRE_BINARY")));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "REWIRE_DATA_DIR");
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &status, &error);
  g_assert_no_error (error);
  if (*f->err != '\0')
    g_test_message ("stderr: %s", f->err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

#define run(f, ...) run_env (f, NULL, __VA_ARGS__, NULL)

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_add_list_edit_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *short_id = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-11-20", "--time", "8:05",
                        "--mood", "6", "--anxiety", "3", "--sleep", "7.5", "--sleep-quality", "7",
                        "--tags", "walk, Therapy", "--note", "Slept well, walked \"far\""), ==, 0);
  id = g_strstrip (g_strdup (f->out));
  g_assert_true (g_uuid_string_is_valid (id));
  short_id = g_strndup (id, 8);

  /* --data-dir may come before the command too. */
  g_assert_cmpint (run (f, "--data-dir", f->dir, "list"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_nonnull (strstr (f->out, short_id));
  g_assert_nonnull (strstr (f->out, "2026-11-20  08:05"));
  g_assert_nonnull (strstr (f->out, "walk,therapy"));
  g_assert_nonnull (strstr (f->out, "Slept well"));

  /* Edit by a unique prefix: only what is given changes. */
  g_assert_cmpint (run (f, "edit", short_id, "--data-dir", f->dir, "--mood", "8",
                        "--note", ""), ==, 0);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "json"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, NULL));
  object = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "check_ins"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (object, "mood"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (object, "anxiety"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (object, "sleep_hours"), ==, 7.5);
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, "");

  g_assert_cmpint (run (f, "delete", id, "--data-dir", f->dir), ==, 0);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  g_assert_cmpstr (f->out, ==, RW_CSV_HEADER "\r\n");

  /* Deleting it again names the problem. */
  g_assert_cmpint (run (f, "delete", id, "--data-dir", f->dir), ==, 1);
  g_assert_nonnull (strstr (f->err, short_id));
}

static void
test_defaults_to_now (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "4"), ==, 0);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  g_assert_nonnull (strstr (f->out, today));
}

static void
test_env_data_dir (Fixture       *f,
                   gconstpointer  data)
{
  const char *env[] = { "REWIRE_DATA_DIR", f->dir, NULL };

  g_assert_cmpint (run_env (f, env, "add", "--mood", "5", "--note", "from the environment", NULL), ==, 0);
  g_assert_true (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "from the environment"));
}

static void
test_bad_values_exit_1_and_name_the_field (Fixture       *f,
                                           gconstpointer  data)
{
  struct {
    const char *option;
    const char *value;
    const char *words;
  } cases[] = {
    { "--mood", "11", "Mood" },
    { "--mood", "-1", "Mood" },
    { "--anxiety", "x", "Anxiety" },
    { "--focus", "10.5", "Focus" },
    { "--hope", "99", "Hope" },
    { "--energy", "-3", "Energy" },
    { "--sleep-quality", "11", "Sleep quality" },
    { "--sleep", "24.25", "Sleep hours" },
    { "--sleep", "7.1", "quarter" },
    { "--date", "2026-02-29", "Date" },
    { "--time", "24:00", "Time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (run (f, "add", "--data-dir", f->dir, cases[i].option, cases[i].value), ==, 1);
      g_assert_nonnull (strstr (f->err, cases[i].words));
      g_assert_cmpstr (f->out, ==, "");
    }
  /* Nothing was written by any of them. */
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  g_assert_cmpstr (f->out, ==, RW_CSV_HEADER "\r\n");

  g_assert_cmpint (run (f, "frobnicate"), ==, 1);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--colour", "red"), ==, 1);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "xml"), ==, 1);
  g_assert_nonnull (strstr (f->err, "xml"));
  g_assert_cmpint (run (f, "export", "--data-dir", f->dir), ==, 1);
  g_assert_nonnull (strstr (f->err, "--output"));
}

static void
test_help_and_version (Fixture       *f,
                       gconstpointer  data)
{
  const char *commands[] = { "add", "edit", "delete", "list", "export", "import", "chart", "report",
                             "check" };
  g_autofree char *help = NULL;

  g_assert_cmpint (run (f, "--version"), ==, 0);
  g_assert_nonnull (strstr (f->out, PACKAGE_VERSION));

  g_assert_cmpint (run (f, "--help"), ==, 0);
  help = g_strdup (f->out);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_nonnull (strstr (help, commands[i]));
      g_assert_cmpint (run (f, commands[i], "--help"), ==, 0);
      g_assert_nonnull (strstr (f->out, "--data-dir"));
    }
  /* --help never creates a journal. */
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-01-01", "--note", "new year walk"), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-02-01", "--tags", "therapy"), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-03-01", "--note", "東京で散歩"), ==, 0);

  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--from", "2026-01-15", "--to", "2026-03-01", "--format", "csv"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 3);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--search", "wal", "--format", "csv"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--search", "東京", "--format", "csv"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--search", "\"unbalanced AND (", "--format", "csv"), ==, 0);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--tag", "therapy", "--format", "csv"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
}

static void
test_export_import_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  const char *formats[] = { "csv", "json" };
  g_autofree char *first_list = NULL;

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-05-01", "--mood", "3",
                        "--note", "comma, \"quote\"\nnew line 🙂 中文"), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-05-02", "--sleep", "6.25",
                        "--tags", "walk,time with loved ones"), ==, 0);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  first_list = g_strdup (f->out);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/export.%s", f->dir, formats[i]);
      g_autofree char *other = g_strdup_printf ("%s/other-%s", f->dir, formats[i]);
      struct stat st;

      g_assert_cmpint (run (f, "export", "--data-dir", f->dir, "--output", file), ==, 0);
      g_assert_cmpint (g_stat (file, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);

      g_assert_cmpint (run (f, "import", "--data-dir", other, file), ==, 0);
      g_assert_nonnull (strstr (f->out, "Imported 2 check-ins"));
      g_assert_cmpint (run (f, "list", "--data-dir", other, "--format", "csv"), ==, 0);
      g_assert_cmpstr (f->out, ==, first_list);

      g_assert_cmpint (run (f, "import", "--data-dir", other, file), ==, 0);
      g_assert_nonnull (strstr (f->out, "Imported 0 check-ins (2 already"));
    }
}

static void
test_bad_import_changes_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (file, "date,mood,note\n2026-01-01,5,ok\n2026-01-02,eleven,bad\n", -1, NULL));
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "5"), ==, 0);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  before = g_strdup (f->out);

  g_assert_cmpint (run (f, "import", "--data-dir", f->dir, file), ==, 1);
  g_assert_nonnull (strstr (f->err, "Line 3"));
  g_assert_nonnull (strstr (f->err, "Mood"));
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  after = g_strdup (f->out);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (run (f, "import", "--data-dir", f->dir, "/nonexistent/file.csv"), ==, 1);
  g_assert_nonnull (strstr (f->err, "file.csv"));
}

/* A journal file that must not be touched: every command exits 2, says
 * what is wrong and what to do, and the file stays byte for byte. */
static void
assert_refused_untouched (Fixture    *f,
                          const char *words)
{
  g_autofree char *before = rw_test_file_checksum (f->db_path);
  g_autofree char *export = g_build_filename (f->dir, "e.csv", NULL);
  g_autofree char *after = NULL;

  g_assert_nonnull (before);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "5"), ==, 2);
  g_assert_nonnull (strstr (f->err, words));
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir), ==, 2);
  g_assert_cmpint (run (f, "export", "--data-dir", f->dir, "--output", export), ==, 2);
  g_assert_false (g_file_test (export, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (f, "check", "--data-dir", f->dir), ==, 2);

  after = rw_test_file_checksum (f->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_random_bytes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->db_path, (char *) bytes, sizeof bytes, NULL));
  assert_refused_untouched (f, "not a Rewire journal");
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 200; i++)
    g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2025-06-01",
                          "--note", "a long enough note to take some room in the pages of the file"), ==, 0);
  g_assert_cmpint (run (f, "check", "--data-dir", f->dir), ==, 0);
  g_assert_true (g_file_get_contents (f->db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (f->db_path, contents, length / 2 + 100, NULL));
  assert_refused_untouched (f, "damaged");
}

static void
test_future_version (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 99; "
                                          "CREATE TABLE future (x);", RW_DATABASE_APPLICATION_ID);

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (f, "newer");
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "5", "--note", "kept"), ==, 0);
  g_assert_cmpint (sqlite3_open (f->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "6"), ==, 2);
  g_assert_nonnull (strstr (f->err, "in use"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_nonnull (strstr (f->out, "kept"));
}

static void
test_files_are_private (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "fresh", NULL);
  g_autofree char *db = g_build_filename (sub, "journal.db", NULL);
  struct stat st;

  g_assert_cmpint (run (f, "add", "--data-dir", sub, "--mood", "5"), ==, 0);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-01-01", "--tags", "walk"), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-01-01"), ==, 0);
  g_assert_cmpint (run (f, "check", "--data-dir", f->dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "Check-ins:  2"));
  g_assert_nonnull (strstr (f->out, "Days:       1"));
  g_assert_nonnull (strstr (f->out, "Integrity:  ok"));
  g_assert_nonnull (strstr (f->out, "Schema:     6"));
}

/* A failing export names the problem and leaves no file, no 0-byte file
 * and no temporary behind; what was at the name stays. */
static void
test_export_failures (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *taken = g_build_filename (out_dir, "taken.csv", NULL);
  g_autofree char *missing = g_build_filename (out_dir, "no", "such.csv", NULL);
  g_autofree char *good = g_build_filename (out_dir, "good.json", NULL);

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "5", "--note", "kept"), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);

  /* The name is a folder: the export is written, then cannot take it. */
  g_assert_cmpint (run (f, "export", "--data-dir", f->dir, "--output", taken), ==, 2);
  g_assert_nonnull (strstr (f->err, "taken.csv"));
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (rw_test_count_entries (out_dir), ==, 1);

  /* No such folder: bad input, nothing made. */
  g_assert_cmpint (run (f, "export", "--data-dir", f->dir, "--output", missing), ==, 1);
  g_assert_nonnull (strstr (f->err, "such.csv"));
  g_assert_cmpuint (rw_test_count_entries (out_dir), ==, 1);

  /* And a good one is complete, with nothing else beside it. */
  g_assert_cmpint (run (f, "export", "--data-dir", f->dir, "--output", good), ==, 0);
  g_assert_cmpuint (rw_test_count_entries (out_dir), ==, 2);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (good, &contents, NULL, NULL));
    g_assert_true (g_str_has_suffix (contents, "\n  \"breathing_sessions\": []\n}\n"));
    g_assert_nonnull (strstr (contents, "\"note\":\"kept\""));
  }
}

/* An export killed at any moment leaves nothing in the folder but a
 * complete file: no hidden temporary holding journal data, no empty or
 * cut file. The file has no name until it is whole (O_TMPFILE). */
static void
test_killed_export_leaves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "in.csv", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "all.csv", NULL);
  g_autoptr(GString) csv = g_string_new (RW_CSV_HEADER "\n");
  const guint rows = 40000;
  guint killed = 0, complete = 0;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, ",%04u-%02u-%02u,09:00,%u,,,,,,,,a note long enough to take "
                            "some time to write out\n", 1990 + i / 336, 1 + i / 28 % 12, 1 + i % 28, i % 11);
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  g_assert_cmpint (run (f, "import", "--data-dir", f->dir, csv_path), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  for (guint round = 0; round < 12; round++)
    {
      const char *argv[] = { g_getenv ("REWIRE_BINARY"), "export", "--data-dir", f->dir,
                             "--output", out, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *name;

      g_unlink (out);
      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                 G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      g_usleep (g_random_int_range (20, 400) * 1000);
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, NULL);
      if (g_subprocess_get_if_signaled (child))
        killed++;

      listing = g_dir_open (out_dir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_cmpstr (name, ==, "all.csv");
      if (g_file_test (out, G_FILE_TEST_EXISTS))
        {
          g_autofree char *contents = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
          g_assert_cmpuint (count_lines (contents), ==, rows + 1);
          complete++;
        }
    }
  g_test_message ("%u of 12 exports killed, %u complete", killed, complete);
  g_assert_cmpuint (killed, >, 0);
}

/* Pixels of the light style's session marker in @path. */
static guint
count_marker_pixels (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = *(const guint32 *) (pixels + y * stride + x * 4);
        /* #c01c28 at 0.9 over white */
        n += ABS ((int) ((p >> 16) & 0xff) - 198) < 12 && ABS ((int) ((p >> 8) & 0xff) - 51) < 12 &&
             ABS ((int) (p & 0xff) - 62) < 12;
      }
  cairo_surface_destroy (surface);
  return n;
}

/* rewire chart draws the sessions of its range as markers. */
static void
test_chart_session_markers (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "s.png", NULL);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i);

      g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", date, "--mood", "5"), ==, 0);
    }
  g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--end", "2026-10-30", "--output", path), ==, 0);
  g_assert_cmpuint (count_marker_pixels (path), ==, 0);

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);

    g_assert_true (rw_database_exec (db, "INSERT INTO sessions (uuid, date, route, phase, done, "
                                         "created, modified) VALUES ('a', '2026-10-12', 'iv', "
                                         "'induction', 1, 1, 1)", NULL));
  }
  g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--end", "2026-10-30", "--output", path), ==, 0);
  g_assert_cmpuint (count_marker_pixels (path), >, 100);
}

/* rewire report: a PDF of the range, 0600, its pages counted; notes only
 * with --include-notes; the paper; and mistakes named with nothing
 * written. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  struct stat st;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    rw_test_fill_treatment_year (db, rw_date_from_iso ("2025-12-01"));
  }

  g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--from", "2025-12-01", "--to",
                        "2026-11-30", "--paper", "letter", "--output", pdf), ==, 0);
  g_assert_nonnull (strstr (f->out, "pages, 2025-12-01 to 2026-11-30, without notes"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  if (pdftotext != NULL && pdfinfo != NULL)
    {
      const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
      const char *info_argv[] = { "pdfinfo", pdf, NULL };
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                   NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "not a medical record"));
      g_assert_null (strstr (text, "kingfisher"));
      g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                   NULL, &info, NULL, NULL, NULL));
      g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));

      g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--from", "2025-12-01", "--to",
                            "2026-11-30", "--include-notes", "--output", pdf), ==, 0);
      g_assert_nonnull (strstr (f->out, "with notes"));
      g_clear_pointer (&text, g_free);
      g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                   NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "kingfisher"));
    }
  g_unlink (pdf);

  /* Mistakes: each named, exit 1 (2 for a file that cannot be written), no file. */
  g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--from", "2026-11-30", "--to",
                        "2026-01-01", "--output", pdf), ==, 1);
  g_assert_nonnull (strstr (f->err, "--from 2026-11-30 is after --to 2026-01-01"));
  g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--from", "2026-02-30",
                        "--output", pdf), ==, 1);
  g_assert_nonnull (strstr (f->err, "2026-02-30"));
  g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--to", "yesterday-ish",
                        "--output", pdf), ==, 1);
  g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--paper", "legal",
                        "--output", pdf), ==, 1);
  g_assert_nonnull (strstr (f->err, "legal"));
  g_assert_cmpint (run (f, "report", "--data-dir", f->dir), ==, 1);
  g_assert_nonnull (strstr (f->err, "--output"));
  g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--output", "report.png"), ==, 1);
  g_assert_nonnull (strstr (f->err, ".pdf"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  {
    g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
    g_autofree char *inside = g_build_filename (locked, "report.pdf", NULL);

    g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
    if (access (locked, W_OK) != 0)
      {
        g_assert_cmpint (run (f, "report", "--data-dir", f->dir, "--output", inside), ==, 2);
        g_assert_nonnull (strstr (f->err, "report.pdf"));
        g_assert_cmpuint (rw_test_count_entries (locked), ==, 0);
      }
    g_chmod (locked, 0700);
  }
}

static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdfinfo = NULL;
  const char *files[] = { "c.png", "c.svg", "c.pdf" };
  g_autofree char *pdftotext = NULL;
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i);
      g_autofree char *mood = g_strdup_printf ("%u", i % 5);

      g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", date, "--mood", mood,
                            "--sleep", "7.5"), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i], NULL);
      g_autofree char *contents = NULL;
      struct stat st;

      g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--metric", "mood,sleep,anxiety",
                            "--range", "30d", "--end", "2026-10-30", "--output", path,
                            "--width", "640", "--height", "360"), ==, 0);
      g_assert_nonnull (strstr (f->out, "20 days with a check-in"));
      /* 30 days ending on the 30th: 1–30 October, moods 0–4 four times over. */
      g_assert_nonnull (strstr (f->out, "Mood: mean 2.0 over 20 days"));
      g_assert_nonnull (strstr (f->out, "Anxiety: not recorded"));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
    }

  /* The PDF carries real text: the legend and the dates. */
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      g_autofree char *pdf = g_build_filename (f->dir, "c.pdf", NULL);
      const char *argv[] = { "pdftotext", pdf, "-", NULL };
      g_autofree char *text = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "Mood, day mean"));
      g_assert_nonnull (strstr (text, "Sleep hours"));
      /* Its heading: the metrics and the range with its years. */
      g_assert_nonnull (strstr (text, "Rewire: Mood, Anxiety, Sleep hours"));
      g_assert_nonnull (strstr (text, "1 October 2026 to 30 October 2026 · 20 of 30 days logged"));
      g_assert_nonnull (strstr (text, "Oct"));
    }

  /* --paper: the PDF's page, A4 or Letter, landscape; by default the
   * locale's; another paper is a usage error. */
  if ((pdfinfo = g_find_program_in_path ("pdfinfo")) != NULL)
    {
      const char *papers[][2] = {
        { "a4", "Page size:       841.89 x 595.28 pts (A4)" },
        { "letter", "Page size:       792 x 612 pts (letter)" },
        /* By default, C's paper. */
        { NULL, "841.89 x 595.28" },
      };
      const char *c_locale[] = { "LC_ALL", "C.UTF-8", NULL };
      g_autofree char *pdf = g_build_filename (f->dir, "paper.pdf", NULL);

      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          const char *argv[] = { "pdfinfo", pdf, NULL };
          g_autofree char *info = NULL;

          if (papers[p][0] != NULL)
            g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--end", "2026-10-30",
                                  "--paper", papers[p][0], "--output", pdf), ==, 0);
          else
            g_assert_cmpint (run_env (f, c_locale, "chart", "--data-dir", f->dir, "--end",
                                      "2026-10-30", "--output", pdf, NULL), ==, 0);
          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                       &info, NULL, NULL, NULL));
          g_test_message ("%s", info);
          g_assert_nonnull (strstr (info, papers[p][1]));
        }
      g_unlink (pdf);
      g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--paper", "legal", "--output", pdf), ==, 1);
      g_assert_nonnull (strstr (f->err, "legal"));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  /* An empty range still draws, and says so. */
  {
    g_autofree char *path = g_build_filename (f->dir, "empty.png", NULL);

    g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--range", "7d", "--end", "2025-01-07",
                          "--output", path), ==, 0);
    g_assert_nonnull (strstr (f->out, "No check-ins from"));
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* Unknown metric, range or file type: exit 1, nothing written. */
  {
    g_autofree char *path = g_build_filename (f->dir, "bad.png", NULL);
    g_autofree char *gif = g_build_filename (f->dir, "bad.gif", NULL);

    g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--metric", "happiness", "--output", path), ==, 1);
    g_assert_nonnull (strstr (f->err, "happiness"));
    g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--range", "2w", "--output", path), ==, 1);
    g_assert_nonnull (strstr (f->err, "2w"));
    g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--output", gif), ==, 1);
    g_assert_cmpint (run (f, "chart", "--data-dir", f->dir, "--output", path, "--width", "5"), ==, 1);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  }
}

/* A link among the folders above the journal is ordinary (a home reached
 * through /home -> /var/home): add and list work through it. */
static void
test_symlinked_parent (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *real = g_build_filename (f->dir, "var-home", NULL);
  g_autofree char *link = g_build_filename (f->dir, "home", NULL);
  g_autofree char *data_dir = g_build_filename (link, "me", "rewire", NULL);
  g_autofree char *db = g_build_filename (real, "me", "rewire", "journal.db", NULL);
  struct stat st;

  g_assert_cmpint (g_mkdir (real, 0700), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);

  g_assert_cmpint (run (f, "add", "--data-dir", data_dir, "--date", "2026-11-20",
                        "--mood", "6", "--note", "through a link"), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpint (run (f, "list", "--data-dir", data_dir, "--format", "csv"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_nonnull (strstr (f->out, "through a link"));
  g_assert_cmpint (g_lstat (db, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* journal.db itself as a link: refused with what to do, nothing written
 * through it. */
static void
test_refuse_linked_journal (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *target = g_build_filename (elsewhere, "journal.db", NULL);
  g_autofree char *linked = g_build_filename (f->dir, "linked", NULL);
  g_autofree char *link = g_build_filename (linked, "journal.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (run (f, "add", "--data-dir", elsewhere, "--mood", "5", "--note", "kept"), ==, 0);
  before = rw_test_journal_checksum (target);
  g_assert_cmpint (g_mkdir (linked, 0700), ==, 0);
  g_assert_cmpint (symlink (target, link), ==, 0);

  g_assert_cmpint (run (f, "add", "--data-dir", linked, "--mood", "6", "--note", "through"), ==, 2);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_nonnull (strstr (f->err, link));
  g_assert_nonnull (strstr (f->err, "is a symbolic link"));
  g_assert_nonnull (strstr (f->err, "--data-dir"));

  g_assert_cmpint (run (f, "list", "--data-dir", linked), ==, 2);
  after = rw_test_journal_checksum (target);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (rw_test_count_entries (linked), ==, 1);

  g_assert_cmpint (run (f, "list", "--data-dir", elsewhere, "--format", "csv"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_null (strstr (f->out, "through"));
}

/* After a low check-in the person saved, the country's lines go to
 * stderr; stdout holds the id as always, the status is 0, and it happens
 * at most once a day and never for an import. */
static void
test_low_mood_offer (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const us[] = { "REWIRE_COUNTRY", "US", NULL };
  static const char * const gb[] = { "REWIRE_COUNTRY", "GB", NULL };
  g_autofree char *fresh = g_build_filename (f->dir, "fresh", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "old.csv", NULL);
  g_autofree char *id = NULL;

  /* Not low: nothing on stderr. */
  g_assert_cmpint (run_env (f, us, "add", "--data-dir", f->dir, "--mood", "2", "--hope", "2", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");

  /* Imported history with mood 0: never. */
  g_assert_true (g_file_set_contents (csv, RW_CSV_HEADER "\n,2026-11-01,09:00,0,,,0,,,,,old\n", -1, NULL));
  g_assert_cmpint (run_env (f, us, "import", "--data-dir", f->dir, csv, NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");

  /* Mood 1: the id alone on stdout, the lines on stderr, status 0. */
  g_assert_cmpint (run_env (f, us, "add", "--data-dir", f->dir, "--mood", "1", NULL), ==, 0);
  id = g_strstrip (g_strdup (f->out));
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_nonnull (strstr (f->err, "Call or text 988 (988 Suicide & Crisis Lifeline)."));
  g_assert_nonnull (strstr (f->err, "call 911"));
  g_assert_nonnull (strstr (f->err, "Get Help Now"));

  /* Once a day: not again for add, nor for edit. */
  g_assert_cmpint (run_env (f, us, "add", "--data-dir", f->dir, "--hope", "0", NULL), ==, 0);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (f->out)));
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpint (run_env (f, us, "edit", id, "--data-dir", f->dir, "--mood", "0", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (f->out), ==, id);
  g_assert_cmpstr (f->err, ==, "");

  /* Another journal has its own day; edit offers too, hope counts, and
   * the country is the person's. */
  g_assert_cmpint (run_env (f, gb, "add", "--data-dir", other, "--mood", "6", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_free (id);
  id = g_strstrip (g_strdup (f->out));
  g_assert_cmpint (run_env (f, gb, "edit", id, "--data-dir", other, "--hope", "1", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (f->out), ==, id);
  g_assert_nonnull (strstr (f->err, "Call 116 123 (Samaritans)."));
  g_assert_null (strstr (f->err, "988"));

  /* No country known: where to find a line, and the local emergency number. */
  g_assert_cmpint (run_env (f, (const char * const[]) { "REWIRE_COUNTRY", "", "LANGUAGE", "", "LC_ALL", "C.UTF-8", NULL },
                            "add", "--data-dir", fresh, "--mood", "0", NULL), ==, 0);
  g_assert_nonnull (strstr (f->err, "https://findahelpline.com"));
  g_assert_nonnull (strstr (f->err, "local emergency number"));
}

/* rewire assess: the score and band on stdout, saved unless --dry-run,
 * wrong answers named and nothing saved; PHQ-9's item 9 above 0 puts the
 * person's lines on stderr every time (no once-a-day limit), after the
 * save; assess list shows the history. */
static void
test_assess (Fixture       *f,
             gconstpointer  data)
{
  static const char * const us[] = { "REWIRE_COUNTRY", "US", NULL };

  /* A score only: nothing saved, no journal made. */
  g_assert_cmpint (run_env (f, us, "assess", "gad7", "--data-dir", f->dir, "--answers",
                            "3,3,3,3,3,2,0", "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "GAD-7 score 17 of 21: in the severe range"));
  g_assert_nonnull (strstr (f->out, "not a diagnosis"));
  g_assert_nonnull (strstr (f->out, "Not saved"));
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpuint (rw_test_count_entries (f->dir), ==, 0);

  /* Wrong counts and values: named, status 1, nothing saved. */
  g_assert_cmpint (run_env (f, us, "assess", "phq9", "--data-dir", f->dir, "--answers", "0,1,2", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "The PHQ-9 has 9 items: give 9 answers, not 3."));
  g_assert_cmpint (run_env (f, us, "assess", "phq9", "--data-dir", f->dir, "--answers",
                            "0,1,2,3,4,0,0,0,0", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "Answer 5 must be 0, 1, 2 or 3, not “4”."));
  g_assert_cmpint (run_env (f, us, "assess", "phq9", "--data-dir", f->dir, "--answers",
                            "0,0,0,0,0,0,0,0,0", "--difficulty", "5", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "--difficulty must be 0, 1, 2 or 3"));
  g_assert_cmpint (run_env (f, us, "assess", "phq10", "--data-dir", f->dir, "--answers", "0", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "use phq9 or gad7"));
  g_assert_cmpint (run_env (f, us, "assess", "phq9", "--data-dir", f->dir, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "--answers"));
  g_assert_cmpuint (rw_test_count_entries (f->dir), ==, 0);

  /* Saved; item 9 at 0 offers nothing. */
  g_assert_cmpint (run_env (f, us, "assess", "phq9", "--data-dir", f->dir, "--answers",
                            "1,1,1,1,1,0,0,0,0", "--difficulty", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "PHQ-9 score 5 of 27: in the mild range"));
  g_assert_cmpstr (f->err, ==, "");

  /* Item 9 above 0: saved first, then the lines, twice the same day. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (run_env (f, us, "assess", "phq9", "--data-dir", f->dir, "--answers",
                                "2,2,2,2,2,2,2,2,1", NULL), ==, 0);
      g_assert_nonnull (strstr (f->out, "PHQ-9 score 17 of 27: in the moderately severe range"));
      g_assert_nonnull (strstr (f->err, "Your answers are saved."));
      g_assert_nonnull (strstr (f->err, "Nobody reads this journal"));
      g_assert_nonnull (strstr (f->err, "Call or text 988 (988 Suicide & Crisis Lifeline)."));
      g_assert_nonnull (strstr (f->err, "prescriber"));
    }

  g_assert_cmpint (run_env (f, us, "assess", "list", "--data-dir", f->dir, NULL), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 3);
  g_assert_nonnull (strstr (f->out, " 5/27  mild"));
  g_assert_cmpint (run_env (f, us, "assess", "list", "gad7", "--data-dir", f->dir, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (run_env (f, us, "assess", "list", "phq9", "--data-dir", f->dir, NULL), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 3);
  g_assert_nonnull (strstr (f->out, "17/27  moderately severe"));
}

/* The mistakes a script or a tired person makes are named, and none
 * writes a journal: an empty --data-dir (an unset variable) is not the
 * default journal; check, export, edit and delete of a folder with no
 * journal say so and create nothing; a value that is not UTF-8 names its
 * option (GOption said only "Invalid byte sequence in conversion input"). */
static void
test_mistakes_are_named (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "not-yet", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  const char *home[] = { "XDG_DATA_HOME", f->dir, NULL };

  g_assert_cmpint (run_env (f, home, "add", "--data-dir", "", "--mood", "5", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "--data-dir needs a folder, and none was given."));
  g_assert_cmpint (run_env (f, home, "--data-dir", "", "list", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "--data-dir needs a folder"));
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *standard = g_build_filename (f->dir, "rewire", NULL);
    g_assert_false (g_file_test (standard, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (run (f, "check", "--data-dir", missing), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no journal in"));
  g_assert_nonnull (strstr (f->err, "not-yet"));
  g_assert_cmpint (run (f, "export", "--data-dir", missing, "--output", out), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no journal in"));
  g_assert_cmpint (run (f, "delete", "--data-dir", missing, "0e5b4a52"), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no journal in"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "5", "--note", "caf\xe9"), ==, 1);
  g_assert_nonnull (strstr (f->err, "The value of --note is not valid text (UTF-8)"));
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "5", "--tags=\xff"), ==, 1);
  g_assert_nonnull (strstr (f->err, "The value of --tags is not valid text (UTF-8)"));
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
}

/* A note's control characters (an escape sequence could recolour or
 * clear the terminal) are shown as U+FFFD in the table; the machine
 * formats keep them exactly. */
static void
test_list_shows_no_control_characters (Fixture       *f,
                                       gconstpointer  data)
{
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "5", "--note",
                        "bell\a and \033[2Jclear"), ==, 0);
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir), ==, 0);
  g_assert_null (strchr (f->out, '\033'));
  g_assert_null (strchr (f->out, '\a'));
  g_assert_nonnull (strstr (f->out, "bell\xef\xbf\xbd and \xef\xbf\xbd[2Jclear"));
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "json"), ==, 0);
  g_assert_nonnull (strstr (f->out, "bell\\u0007 and \\u001b[2Jclear"));
}

/* rewire delete leaves no trace of the note in the journal's files. */
static void
test_delete_leaves_no_trace (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = NULL;

  for (guint i = 0; i < 20; i++)
    g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "6", "--note",
                          "an ordinary day of walking"), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "3", "--note",
                        "zebrasentinel quokkaword"), ==, 0);
  id = g_strstrip (g_strdup (f->out));
  g_assert_cmpint (run (f, "delete", "--data-dir", f->dir, id), ==, 0);

  g_assert_true (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
  g_assert_false (rw_test_file_holds (f->db_path, "zebrasentinel"));
  g_assert_false (rw_test_file_holds (f->db_path, "quokkaword"));
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--search", "walking"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 21);
}

static gboolean
set_immutable (const char *dir,
               gboolean    on)
{
  const char *argv[] = { "chattr", on ? "+i" : "-i", dir, NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* A journal in a folder that cannot be written (read-only media; here an
 * immutable folder, which stops root too) can still be listed, exported
 * and checked; a save says why it cannot be made, and nothing changes. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "rewire-test-ro-export.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "7", "--note", "kept safe"), ==, 0);
  if (!set_immutable (f->dir, TRUE))
    {
      g_test_skip ("chattr +i is not allowed here");
      return;
    }
  before = rw_test_file_checksum (f->db_path);

  g_assert_cmpint (run (f, "list", "--data-dir", f->dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "kept safe"));
  g_assert_cmpint (run (f, "check", "--data-dir", f->dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "Check-ins:  1"));
  g_assert_cmpint (run (f, "export", "--data-dir", f->dir, "--output", out), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "3"), ==, 2);
  g_assert_nonnull (strstr (f->err, "cannot be written"));
  g_assert_nonnull (strstr (f->err, "read-only disk"));

  g_assert_true (set_immutable (f->dir, FALSE));
  after = rw_test_file_checksum (f->db_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "kept safe"));
  g_unlink (out);
}

/* rewire import of a Daylio export: found by its first line, moods of
 * the person's own refused with what to type, then mapped. */
static void
test_import_daylio (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "daylio_export_2026_11_22.csv", NULL);
  const char *text =
    "\xef\xbb\xbf" "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-21,November 21,Saturday,9:05 pm,super,walk | friends,Title,Body\n"
    "2026-11-20,November 20,Friday,8:00 am,meh,,,\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (run (f, "import", "--data-dir", f->dir, path), ==, 1);
  g_assert_nonnull (strstr (f->err, "“super”"));
  g_assert_nonnull (strstr (f->err, "--mood-map super=N"));
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS) &&
                  run (f, "list", "--data-dir", f->dir) == 0 && count_lines (f->out) > 1);

  g_assert_cmpint (run (f, "import", "--data-dir", f->dir, "--mood-map", "super=10", path), ==, 0);
  g_assert_nonnull (strstr (f->out, "Imported 2 check-ins"));
  g_assert_cmpint (run (f, "import", "--data-dir", f->dir, "--format", "daylio",
                        "--mood-map", "super=10", path), ==, 0);
  g_assert_nonnull (strstr (f->out, "Imported 0 check-ins (2 already in the journal)"));
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir, "--format", "csv"), ==, 0);
  g_assert_nonnull (strstr (f->out, "2026-11-21,21:05,10,"));
  g_assert_nonnull (strstr (f->out, "walk;friends"));
  g_assert_nonnull (strstr (f->out, "2026-11-20,08:00,5,"));
}

/* rewire backup --output FILE: a whole, private copy that opens as a
 * journal; a missing journal or no --output is said. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *copy_dir = g_build_filename (f->dir, "copy", NULL);
  g_autofree char *copy = g_build_filename (copy_dir, "journal.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "none", NULL);
  struct stat st;

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "6", "--note", "in the copy"), ==, 0);
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  g_assert_cmpint (run (f, "backup", "--data-dir", f->dir), ==, 1);
  g_assert_nonnull (strstr (f->err, "--output"));
  g_assert_cmpint (run (f, "backup", "--data-dir", missing, "--output", copy), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no journal"));
  g_assert_cmpint (run (f, "backup", "--data-dir", f->dir, "--output", copy), ==, 0);
  g_assert_nonnull (strstr (f->out, "Backed up the journal to"));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (run (f, "list", "--data-dir", copy_dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "in the copy"));
}

/* rewire wipe lists what would go and deletes nothing; with --yes the
 * journal, its side files and Rewire's backups are gone, and files of
 * the person's own beside them stay. */
static void
test_wipe (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "journal-2026-11-20.db", NULL);
  g_autofree char *mine = g_build_filename (f->dir, "my-letter.txt", NULL);
  g_autofree char *theirs = g_build_filename (backups, "keep-me.txt", NULL);

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "6", "--note", "secret"), ==, 0);
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  g_assert_cmpint (run (f, "backup", "--data-dir", f->dir, "--output", backup), ==, 0);
  g_assert_true (g_file_set_contents (mine, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (theirs, "mine too", -1, NULL));

  g_assert_cmpint (run (f, "wipe", "--data-dir", f->dir), ==, 1);
  g_assert_nonnull (strstr (f->out, "journal.db"));
  g_assert_nonnull (strstr (f->out, "journal-2026-11-20.db"));
  g_assert_nonnull (strstr (f->err, "Nothing was deleted"));
  g_assert_true (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, "wipe", "--data-dir", f->dir, "--yes"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Deleted:"));
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, "wipe", "--data-dir", f->dir, "--yes"), ==, 0);
  g_assert_nonnull (strstr (f->out, "nothing of Rewire's to delete"));
}

/* rewire restore compares and changes nothing without --yes; with it the
 * journal becomes the backup's (a stale -wal beside it is not mixed in),
 * and the journal as it was is kept, never over an earlier such copy; a
 * JSON export restores too. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "..", "restore-test-backup.db", NULL);
  g_autofree char *export = g_build_filename (f->dir, "..", "restore-test-export.json", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-0%u", i);
      g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", date, "--mood", "5"), ==, 0);
    }
  g_assert_cmpint (run (f, "backup", "--data-dir", f->dir, "--output", backup), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-11-09", "--mood", "7"), ==, 0);

  g_assert_cmpint (run (f, "restore", "--data-dir", f->dir, backup), ==, 1);
  g_assert_nonnull (strstr (f->out, "In the backup:  3 check-ins, 2026-11-01 to 2026-11-03"));
  g_assert_nonnull (strstr (f->out, "In the journal: 4 check-ins, 2026-11-01 to 2026-11-09"));
  g_assert_nonnull (strstr (f->err, "Nothing was changed"));
  g_assert_cmpint (run (f, "list", "--data-dir", f->dir), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 5);

  /* A -wal left by some other copy: removed, not read into the restore. */
  g_assert_true (g_file_set_contents (wal, "stale bytes of another journal", -1, NULL));
  g_assert_cmpint (run (f, "restore", "--data-dir", f->dir, backup, "--yes"), ==, 0);
  g_assert_nonnull (strstr (f->out, "The journal as it was is kept in"));
  g_assert_cmpint (run (f, "check", "--data-dir", f->dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "Check-ins:  3"));
  g_assert_nonnull (strstr (f->out, "Integrity:  ok"));

  g_assert_cmpint (run (f, "export", "--data-dir", f->dir, "--format", "json", "--output", export), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--date", "2026-11-10", "--mood", "2"), ==, 0);
  g_assert_cmpint (run (f, "restore", "--data-dir", f->dir, export, "--yes"), ==, 0);
  g_assert_cmpint (run (f, "check", "--data-dir", f->dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "Check-ins:  3"));
  /* Both journals as they were are kept, the 4 and the 4 again. */
  g_assert_cmpuint (rw_test_count_entries (backups), ==, 2);

  g_unlink (backup);
  g_unlink (export);
}

/* After a delete, the person is told that older backups still hold the
 * check-in, and rewire backup --renew replaces them with one made now,
 * which does not. */
static void
test_delete_then_renew_backups (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *old1 = g_build_filename (backups, "journal-2026-11-20.db", NULL);
  g_autofree char *old2 = g_build_filename (backups, "journal-2026-11-21.db", NULL);
  g_autofree char *id = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint left = 0;

  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "6", "--note", "kept"), ==, 0);
  g_assert_cmpint (run (f, "add", "--data-dir", f->dir, "--mood", "3", "--note", "zebrasentinel"), ==, 0);
  id = g_strstrip (g_strdup (f->out));
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  g_assert_cmpint (run (f, "backup", "--data-dir", f->dir, "--output", old1), ==, 0);
  g_assert_cmpint (run (f, "backup", "--data-dir", f->dir, "--output", old2), ==, 0);

  g_assert_cmpint (run (f, "delete", "--data-dir", f->dir, id), ==, 0);
  g_assert_nonnull (strstr (f->err, "The 2 backups Rewire made before now still hold this check-in"));
  g_assert_nonnull (strstr (f->err, "rewire backup --renew"));
  g_assert_true (rw_test_file_holds (old1, "zebrasentinel"));

  g_assert_cmpint (run (f, "backup", "--data-dir", f->dir, "--renew"), ==, 0);
  g_assert_nonnull (strstr (f->out, "deleted 2 older ones"));
  g_assert_false (g_file_test (old1, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old2, G_FILE_TEST_EXISTS));
  dir = g_dir_open (backups, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (backups, name, NULL);

      g_assert_false (rw_test_file_holds (path, "zebrasentinel"));
      g_assert_true (rw_test_file_holds (path, "kept"));
      left++;
    }
  g_assert_cmpuint (left, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("add-list-edit-delete", test_add_list_edit_delete);
  ADD ("defaults-to-now", test_defaults_to_now);
  ADD ("env-data-dir", test_env_data_dir);
  ADD ("bad-values", test_bad_values_exit_1_and_name_the_field);
  ADD ("help-and-version", test_help_and_version);
  ADD ("list-filters", test_list_filters);
  ADD ("export-import-round-trip", test_export_import_round_trip);
  ADD ("bad-import-changes-nothing", test_bad_import_changes_nothing);
  ADD ("refuse/random-bytes", test_random_bytes);
  ADD ("refuse/truncated", test_truncated);
  ADD ("refuse/future-version", test_future_version);
  ADD ("locked", test_locked);
  ADD ("files-are-private", test_files_are_private);
  ADD ("symlinked-parent", test_symlinked_parent);
  ADD ("refuse/linked-journal", test_refuse_linked_journal);
  ADD ("low-mood-offer", test_low_mood_offer);
  ADD ("assess", test_assess);
  ADD ("check", test_check);
  ADD ("export-failures", test_export_failures);
  ADD ("chart", test_chart);
  ADD ("chart-session-markers", test_chart_session_markers);
  ADD ("report", test_report);
  ADD ("killed-export-leaves-nothing", test_killed_export_leaves_nothing);
  ADD ("mistakes-are-named", test_mistakes_are_named);
  ADD ("delete-leaves-no-trace", test_delete_leaves_no_trace);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("import-daylio", test_import_daylio);
  ADD ("backup", test_backup);
  ADD ("wipe", test_wipe);
  ADD ("restore", test_restore);
  ADD ("delete-then-renew-backups", test_delete_then_renew_backups);
  ADD ("list-shows-no-control-characters", test_list_shows_no_control_characters);

#undef ADD

  return g_test_run ();
}
