/* test-cli-safety-plan.c: `rewire safety-plan show|edit|pdf`, run as the
 * built binary with no display: each way of giving a section's text, the
 * mistakes named, a terminal kept safe, and a one-page PDF.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  char *out;
  char *err;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = rw_test_make_dir ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

/* Runs `rewire safety-plan ARGS… --data-dir DIR` with @input on its
 * standard input, REWIRE_COUNTRY=GB and no display. */
static int
run_input (Fixture    *f,
           const char *input,
           const char *first,
           ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("REWIRE_BINARY"));
  g_ptr_array_add (args, "safety-plan");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, "--data-dir");
  g_ptr_array_add (args, f->dir);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "REWIRE_COUNTRY", "GB", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_assert_true (g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL,
                                                &f->out, &f->err, &error));
  g_assert_no_error (error);
  if (*f->err != '\0')
    g_test_message ("stderr: %s", f->err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

#define run(f, ...) run_input (f, NULL, __VA_ARGS__, NULL)

static RwSafetyPlan *
load_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
  RwSafetyPlan *plan;

  g_assert_no_error (error);
  plan = rw_safety_plan_load (db, &error);
  g_assert_no_error (error);
  return plan;
}

static void
test_edit_and_show (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "reasons.txt", NULL);
  g_autoptr(RwSafetyPlan) plan = NULL;
  const char *at;

  /* A new journal: every section shown, empty, with its key. */
  g_assert_cmpint (run (f, "show"), ==, 0);
  g_assert_nonnull (strstr (f->out, "1. Warning signs [warning-signs]"));
  g_assert_nonnull (strstr (f->out, "7. Reasons to live [reasons]"));
  g_assert_nonnull (strstr (f->out, "(nothing written yet)"));

  g_assert_cmpint (run (f, "edit", "--section", "warning-signs", "--text",
                        "Not sleeping\n\nSkipping meals\n"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Saved “Warning signs”: 2 items."));
  g_assert_cmpint (run_input (f, "Walk the dog\nHot shower\n", "edit", "--section", "coping", "-",
                              NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "2 items"));
  g_assert_true (g_file_set_contents (file, "My sister\nThe cat\nSpring\n", -1, NULL));
  g_assert_cmpint (run (f, "edit", "-s", "reasons", "--from-file", file), ==, 0);
  g_assert_cmpint (run (f, "edit", "--section", "people", "--text",
                        "Sam \x1b[2J 0123 456"), ==, 0);

  plan = load_plan (f);
  g_assert_cmpstr (rw_safety_plan_get_text (plan, RW_SAFETY_PLAN_WARNING_SIGNS), ==,
                   "Not sleeping\n\nSkipping meals\n");
  g_assert_cmpstr (rw_safety_plan_get_text (plan, RW_SAFETY_PLAN_COPING), ==,
                   "Walk the dog\nHot shower\n");
  g_assert_cmpstr (rw_safety_plan_get_text (plan, RW_SAFETY_PLAN_REASONS), ==,
                   "My sister\nThe cat\nSpring\n");

  g_assert_cmpint (run (f, "show"), ==, 0);
  g_test_message ("%s", f->out);
  /* In order, one item a line; the escape sequence never reaches the terminal. */
  at = strstr (f->out, "   • Not sleeping\n   • Skipping meals\n");
  g_assert_nonnull (at);
  g_assert_true (strstr (f->out, "   • Walk the dog\n   • Hot shower\n") > at);
  g_assert_true (strstr (f->out, "   • My sister\n   • The cat\n   • Spring\n") > at);
  g_assert_null (strchr (f->out, '\x1b'));
  g_assert_nonnull (strstr (f->out, "Sam \xef\xbf\xbd[2J 0123 456"));
  /* The crisis lines of the country at the end. */
  g_assert_nonnull (strstr (f->out, "Samaritans"));

  /* An empty text clears the section. */
  g_assert_cmpint (run (f, "edit", "--section", "coping", "--text", ""), ==, 0);
  g_assert_nonnull (strstr (f->out, "0 items"));
  g_clear_object (&plan);
  plan = load_plan (f);
  g_assert_cmpstr (rw_safety_plan_get_text (plan, RW_SAFETY_PLAN_COPING), ==, "");
}

static void
test_mistakes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RwSafetyPlan) plan = NULL;

  g_assert_cmpint (run (f, "edit", "--section", "reasons", "--text", "kept"), ==, 0);

  g_assert_cmpint (run (f, "edit", "--section", "hope", "--text", "x"), ==, 1);
  g_assert_nonnull (strstr (f->err, "Unknown section “hope”"));
  g_assert_nonnull (strstr (f->err, "warning-signs, coping, distractions, people, professionals, "
                                    "environment, reasons"));
  g_assert_cmpint (run (f, "edit", "--text", "x"), ==, 1);
  g_assert_nonnull (strstr (f->err, "--section KEY"));
  g_assert_cmpint (run (f, "edit", "--section", "reasons"), ==, 1);
  g_assert_nonnull (strstr (f->err, "Give the new text in one way"));
  g_assert_cmpint (run (f, "edit", "--section", "reasons", "--text", "a", "-"), ==, 1);
  g_assert_nonnull (strstr (f->err, "Give the new text in one way"));
  g_assert_cmpint (run (f, "edit", "--section", "reasons", "extra"), ==, 1);
  g_assert_nonnull (strstr (f->err, "Unexpected argument “extra”"));
  g_assert_cmpint (run (f, "edit", "--section", "reasons", "--from-file", "/nonexistent/file"),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "/nonexistent/file"));
  g_assert_cmpint (run_input (f, "bad \xff byte", "edit", "--section", "reasons", "-", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "not valid UTF-8"));
  g_assert_cmpint (run (f, "frob"), ==, 1);
  g_assert_nonnull (strstr (f->err, "use show, edit or pdf"));
  g_assert_cmpint (run (f, "pdf"), ==, 1);
  g_assert_nonnull (strstr (f->err, "--output FILE.pdf"));
  g_assert_cmpint (run (f, "pdf", "--output", "x.pdf", "--paper", "a5"), ==, 1);
  g_assert_nonnull (strstr (f->err, "Unknown paper “a5”"));

  /* None of it changed the plan. */
  plan = load_plan (f);
  g_assert_cmpstr (rw_safety_plan_get_text (plan, RW_SAFETY_PLAN_REASONS), ==, "kept");
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *info_path = g_find_program_in_path ("pdfinfo");
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  if (info_path == NULL)
    {
      g_test_skip ("needs pdfinfo and pdftotext (poppler-utils)");
      return;
    }
  g_assert_cmpint (run (f, "edit", "--section", "professionals", "--text",
                        "Dr Okafor 0123 4567"), ==, 0);
  g_assert_cmpint (run (f, "pdf", "--output", pdf, "--paper", "letter"), ==, 0);
  g_assert_nonnull (strstr (f->out, "plan.pdf"));
  info = run_tool (info_argv);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  text = run_tool (text_argv);
  g_assert_nonnull (strstr (text, "Dr Okafor 0123 4567"));
  g_assert_nonnull (strstr (text, "Samaritans"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/safety-plan/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("edit-and-show", test_edit_and_show);
  ADD ("mistakes", test_mistakes);
  ADD ("pdf", test_pdf);

#undef ADD

  return g_test_run ();
}
