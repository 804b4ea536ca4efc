/* test-report.c: the clinician report of a year of a person in treatment,
 * looked at as a reader would: how many pages pdfinfo counts, every page
 * rendered by pdftoppm and not blank, the words pdftotext finds (notes
 * only when asked for), the paper, the file's mode, nothing left after a
 * cancellation or a bad range, and progress told in the caller's thread.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  char *out_dir;
  RwDatabase *db;
  RwReportOptions options;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->out_dir = rw_test_make_dir ();
  f->db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  rw_test_fill_treatment_year (f->db, rw_date_from_iso ("2025-12-01"));
  rw_report_options_init (&f->options);
  f->options.first = rw_date_from_iso ("2025-12-01");
  f->options.last = rw_date_from_iso ("2026-11-30");
  f->options.made = rw_date_from_iso ("2026-12-04");
  f->options.paper = RW_PAPER_A4;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  rw_test_remove_dir (f->dir);
  rw_test_remove_dir (f->out_dir);
  g_free (f->dir);
  g_free (f->out_dir);
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *toppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *totext = g_find_program_in_path ("pdftotext");

  if (info == NULL || toppm == NULL || totext == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftoppm, pdftotext) is not installed");
      return FALSE;
    }
  return TRUE;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The text, every run of white space made one space, so that a cell's
 * lines read as one. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  GString *joined = g_string_new (NULL);

  for (guint w = 0; words[w] != NULL; w++)
    if (*words[w] != '\0')
      {
        if (joined->len > 0)
          g_string_append_c (joined, ' ');
        g_string_append (joined, words[w]);
      }
  return g_string_free (joined, FALSE);
}

/* Renders every page with pdftoppm; each must be a PNG with ink on it. */
static void
assert_pages_render (const char *path,
                     const char *dir,
                     guint       n_pages)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  const char *argv[] = { "pdftoppm", "-r", "40", "-png", path, prefix, NULL };
  g_autoptr(GDir) handle = NULL;
  g_autofree char *out = run_tool (argv);
  const char *name;
  guint rendered = 0;

  handle = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *png = NULL;
      cairo_surface_t *surface;
      guint dark = 0;
      int w, h, stride;
      const guchar *pixels;

      if (!g_str_has_prefix (name, "page-") || !g_str_has_suffix (name, ".png"))
        continue;
      png = g_build_filename (dir, name, NULL);
      surface = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      w = cairo_image_surface_get_width (surface);
      h = cairo_image_surface_get_height (surface);
      stride = cairo_image_surface_get_stride (surface);
      pixels = cairo_image_surface_get_data (surface);
      /* Above the footer, which every page has. */
      for (int y = 0; y < h * 0.93; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);

            if ((pixel & 0xff) < 0x80)
              dark++;
          }
      cairo_surface_destroy (surface);
      g_test_message ("%s: %u dark pixels", name, dark);
      g_assert_cmpuint (dark, >, 40);
      g_unlink (png);
      rendered++;
    }
  g_assert_cmpuint (rendered, ==, n_pages);
}

static void
test_year (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "report.pdf", NULL);
  g_autofree char *with_notes = g_build_filename (f->out_dir, "notes.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0, n_with_notes = 0;
  struct stat st;

  if (!have_poppler ())
    return;

  g_assert_true (rw_report_write (f->db, &f->options, path, NULL, NULL, &n_pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A title page with the charts, then the tables: several pages, as
   * many as pdfinfo counts and as the footers say. */
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  assert_pages_render (path, f->out_dir, n_pages);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "1 December 2025 to 30 November 2026"));
  g_assert_nonnull (strstr (text, "Made on 4 December 2026"));
  g_assert_nonnull (strstr (text, "Made with Rewire, a personal journal; not a medical record."));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last_page));
  g_assert_nonnull (strstr (text, "Mood around sessions"));
  g_assert_nonnull (strstr (text, "Weekly means"));
  /* The first week (Monday 1 December) and the questionnaires with their bands. */
  g_assert_nonnull (strstr (text, "1 Dec 2025"));
  g_assert_nonnull (strstr (text, "PHQ-9"));
  g_assert_nonnull (strstr (text, "GAD-7"));
  g_assert_nonnull (strstr (text, "20 / 27"));
  g_assert_nonnull (strstr (text, "moderately severe"));
  g_assert_nonnull (strstr (text, "Screening score"));
  /* The session log: side effects, blood pressure, heart rate. */
  g_assert_nonnull (strstr (text, "Nausea, Headache"));
  g_assert_nonnull (strstr (text, "122/78"));
  g_assert_nonnull (strstr (text, "70 bpm"));
  g_assert_nonnull (strstr (text, "Most used tags"));
  g_assert_nonnull (strstr (text, "therapy"));
  /* No note, session note or integration answer without asking. */
  g_assert_null (strstr (text, "kingfisher"));
  g_assert_null (strstr (text, "heronry"));
  g_assert_nonnull (strstr (text, "Notes and integration answers are left out"));

  f->options.include_notes = TRUE;
  g_assert_true (rw_report_write (f->db, &f->options, with_notes, NULL, NULL, &n_with_notes,
                                  NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_with_notes, >, n_pages);
  g_assert_cmpuint (pdf_pages (with_notes), ==, n_with_notes);
  assert_pages_render (with_notes, f->out_dir, n_with_notes);
  g_clear_pointer (&text, g_free);
  text = pdf_text (with_notes);
  g_assert_nonnull (strstr (text, "kingfisher"));
  g_assert_nonnull (strstr (text, "heronry"));
  g_assert_nonnull (strstr (text, "What did you notice?"));
  g_assert_null (strstr (text, "Notes and integration answers are left out"));
}

static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
  const struct { RwPaper paper; const char *size; } cases[] = {
    { RW_PAPER_A4, "595.28 x 841.89 pts (A4)" },
    { RW_PAPER_LETTER, "612 x 792 pts (letter)" },
  };
  g_autofree char *path = g_build_filename (f->out_dir, "paper.pdf", NULL);

  if (!have_poppler ())
    return;
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *argv[] = { "pdfinfo", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *info = NULL;

      f->options.paper = cases[c].paper;
      f->options.first = rw_date_from_iso ("2026-09-01");
      g_assert_true (rw_report_write (f->db, &f->options, path, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      info = run_tool (argv);
      g_assert_nonnull (strstr (info, cases[c].size));
    }
}

/* A range the wrong way round, and a cancelled report, leave no file and
 * no temporary beside it; an earlier report stays as it was. */
static void
test_nothing_left (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "report.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RwReportOptions backwards = f->options;

  backwards.first = f->options.last + 1;
  g_assert_false (rw_report_write (f->db, &backwards, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (rw_test_count_entries (f->out_dir), ==, 0);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (rw_report_write (f->db, &f->options, path, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (rw_test_count_entries (f->out_dir), ==, 0);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "earlier", -1, NULL));
  g_assert_false (rw_report_write (f->db, &f->options, path, NULL, NULL, NULL, cancellable, &error));
  g_assert_cmpuint (rw_test_count_entries (f->out_dir), ==, 1);
  g_assert_true (rw_test_file_holds (path, "earlier"));

  /* A folder that is not there: a message that names the file. */
  g_clear_error (&error);
  {
    g_autofree char *nowhere = g_build_filename (f->out_dir, "missing", "report.pdf", NULL);

    g_assert_false (rw_report_write (f->db, &f->options, nowhere, NULL, NULL, NULL, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "report.pdf"));
  }
}

typedef struct
{
  GThread *thread;
  GArray *fractions;
  gboolean done;
  gboolean ok;
  guint n_pages;
  GError *error;
} AsyncState;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->thread);
  g_array_append_val (state->fractions, fraction);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = rw_report_write_finish (result, &state->n_pages, &state->error);
  state->done = TRUE;
}

/* Off the caller's thread: progress comes back to the caller's main
 * context, growing from 0 to 1, and the result says how many pages. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "report.pdf", NULL);
  AsyncState state = { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (double)) };

  g_clear_object (&f->db);
  rw_report_write_async (f->dir, &f->options, path, progress_cb, &state, NULL, NULL, written_cb,
                         &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_pages, >=, 5);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Drain progress still queued behind the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.fractions->len, >=, 5);
  for (guint i = 1; i < state.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (state.fractions, double, i), >=,
                       g_array_index (state.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (state.fractions, double, state.fractions->len - 1), ==, 1.0);
  g_array_unref (state.fractions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/report/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("year", test_year);
  ADD ("paper", test_paper);
  ADD ("nothing-left", test_nothing_left);
  ADD ("async", test_async);
#undef ADD

  return g_test_run ();
}
