/* test-safety-plan.c: the safety plan's sections in order, saved and read
 * back through the journal (empty, long, every section), and the page it
 * prints: one page of A4 or Letter with the person's words and the
 * crisis line, however long the plan.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

static const char *const keys[RW_SAFETY_PLAN_N_SECTIONS] = {
  "warning-signs", "coping", "distractions", "people", "professionals", "environment", "reasons",
};

static void
test_sections_in_order (void)
{
  RwSafetyPlanSection section;

  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_assert_cmpstr (rw_safety_plan_section_get_key (s), ==, keys[s]);
      g_assert_true (rw_safety_plan_section_from_key (keys[s], &section));
      g_assert_cmpint (section, ==, s);
      g_assert_cmpstr (rw_safety_plan_section_get_heading (s), !=, "");
      g_assert_cmpstr (rw_safety_plan_section_get_hint (s), !=, "");
      g_assert_nonnull (strstr (rw_safety_plan_section_list_keys (), keys[s]));
    }
  g_assert_cmpstr (rw_safety_plan_section_get_heading (RW_SAFETY_PLAN_WARNING_SIGNS), ==,
                   "Warning signs");
  g_assert_cmpstr (rw_safety_plan_section_get_heading (RW_SAFETY_PLAN_REASONS), ==,
                   "Reasons to live");
  g_assert_nonnull (strstr (rw_safety_plan_section_get_hint (RW_SAFETY_PLAN_PROFESSIONALS),
                            "prescriber"));
  g_assert_false (rw_safety_plan_section_from_key ("Warning-Signs", NULL));
  g_assert_false (rw_safety_plan_section_from_key ("", NULL));
  g_assert_nonnull (strstr (rw_safety_plan_get_source (), "10.1016/j.cbpra.2011.01.001"));
}

static void
test_items (void)
{
  g_autoptr(RwSafetyPlan) plan = rw_safety_plan_new ();
  g_auto(GStrv) items = NULL;

  g_assert_true (rw_safety_plan_is_empty (plan));
  g_assert_cmpstr (rw_safety_plan_get_text (plan, RW_SAFETY_PLAN_COPING), ==, "");
  rw_safety_plan_set_text (plan, RW_SAFETY_PLAN_COPING, "  walk the dog \n\n\t\nhot shower\n");
  g_assert_false (rw_safety_plan_is_empty (plan));
  items = rw_safety_plan_dup_items (plan, RW_SAFETY_PLAN_COPING);
  g_assert_cmpuint (g_strv_length (items), ==, 2);
  g_assert_cmpstr (items[0], ==, "walk the dog");
  g_assert_cmpstr (items[1], ==, "hot shower");
  /* The text stays as typed. */
  g_assert_cmpstr (rw_safety_plan_get_text (plan, RW_SAFETY_PLAN_COPING), ==,
                   "  walk the dog \n\n\t\nhot shower\n");
}

static void
test_round_trip (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  gint64 before = g_get_real_time ();

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (long_text, "Line %u of a long list, with “quotes” and ünïcode\n", i);

  {
    g_autoptr(RwJournal) journal = rw_journal_open (dir, &error);
    g_autoptr(RwSafetyPlan) plan = NULL;

    g_assert_no_error (error);
    /* A new journal: every section empty. */
    plan = rw_journal_load_safety_plan (journal, &error);
    g_assert_no_error (error);
    g_assert_true (rw_safety_plan_is_empty (plan));
    for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
      g_assert_cmpint (rw_safety_plan_get_modified (plan, s), ==, 0);

    for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
      {
        g_autofree char *text = g_strdup_printf ("first of %s\nsecond of %s", keys[s], keys[s]);

        g_assert_true (rw_journal_save_safety_plan_section (journal, s, text, &error));
        g_assert_no_error (error);
      }
    /* Saving again replaces; saving empty empties. */
    g_assert_true (rw_journal_save_safety_plan_section (journal, RW_SAFETY_PLAN_PEOPLE,
                                                        "Sam 0123 456", &error));
    g_assert_true (rw_journal_save_safety_plan_section (journal, RW_SAFETY_PLAN_ENVIRONMENT, "",
                                                        &error));
    g_assert_true (rw_journal_save_safety_plan_section (journal, RW_SAFETY_PLAN_REASONS,
                                                        long_text->str, &error));
    g_assert_no_error (error);
    /* Not UTF-8: refused, and what was saved stays. */
    g_assert_false (rw_journal_save_safety_plan_section (journal, RW_SAFETY_PLAN_COPING,
                                                         "bad \xff byte", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    rw_journal_close (journal);
  }

  {
    g_autoptr(RwJournal) journal = rw_journal_open (dir, &error);
    g_autoptr(RwSafetyPlan) plan = NULL;
    g_auto(GStrv) items = NULL;

    g_assert_no_error (error);
    plan = rw_journal_load_safety_plan (journal, &error);
    g_assert_no_error (error);
    for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
      {
        g_autofree char *text = g_strdup_printf ("first of %s\nsecond of %s", keys[s], keys[s]);

        if (s == RW_SAFETY_PLAN_PEOPLE)
          g_assert_cmpstr (rw_safety_plan_get_text (plan, s), ==, "Sam 0123 456");
        else if (s == RW_SAFETY_PLAN_ENVIRONMENT)
          g_assert_cmpstr (rw_safety_plan_get_text (plan, s), ==, "");
        else if (s == RW_SAFETY_PLAN_REASONS)
          g_assert_cmpstr (rw_safety_plan_get_text (plan, s), ==, long_text->str);
        else
          g_assert_cmpstr (rw_safety_plan_get_text (plan, s), ==, text);
        g_assert_cmpint (rw_safety_plan_get_modified (plan, s), >=, before);
      }
    items = rw_safety_plan_dup_items (plan, RW_SAFETY_PLAN_REASONS);
    g_assert_cmpuint (g_strv_length (items), ==, 2000);
    g_assert_cmpstr (items[1999], ==, "Line 1999 of a long list, with “quotes” and ünïcode");
    rw_journal_close (journal);
  }
  rw_test_remove_dir (dir);
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

/* pdftotext's words with every run of white space made one space, so that
 * a check does not depend on where a line wrapped. */
static char *
pdf_words (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  if (info == NULL || text == NULL)
    {
      g_test_skip ("needs pdfinfo and pdftotext (poppler-utils)");
      return FALSE;
    }
  return TRUE;
}

static void
test_pdf (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(RwSafetyPlan) plan = rw_safety_plan_new ();
  g_autoptr(GError) error = NULL;
  const char *help[] = { "Call or text 988 (988 Suicide & Crisis Lifeline).",
                         "In an emergency, call 911.", NULL };
  const struct {
    RwPaper paper;
    const char *size;
  } papers[] = {
    { RW_PAPER_A4, "Page size:       595.28 x 841.89 pts (A4)" },
    { RW_PAPER_LETTER, "Page size:       612 x 792 pts (letter)" },
  };
  const char *order[] = { "Warning signs", "Things I can do on my own",
                          "People and places that take my mind off things",
                          "People I can ask for help", "Professionals and services",
                          "Making my surroundings safer", "Reasons to live" };
  struct stat st;

  if (!have_poppler ())
    {
      rw_test_remove_dir (dir);
      return;
    }

  rw_safety_plan_set_text (plan, RW_SAFETY_PLAN_WARNING_SIGNS, "Not sleeping\nSkipping meals");
  rw_safety_plan_set_text (plan, RW_SAFETY_PLAN_PROFESSIONALS,
                           "Dr Okafor, prescriber: 0123 4567\nThe clinic front desk");
  rw_safety_plan_set_text (plan, RW_SAFETY_PLAN_REASONS, "My sister <b>Ana</b> & the cat");
  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      const char *info_argv[] = { "pdfinfo", pdf, NULL };
      g_autofree char *info = NULL;
      g_autofree char *words = NULL;
      gboolean complete = FALSE;
      const char *at = NULL;

      g_assert_true (rw_safety_plan_export_pdf (plan, pdf, papers[p].paper, help, &complete,
                                                &error));
      g_assert_no_error (error);
      g_assert_true (complete);
      info = run_tool (info_argv);
      g_test_message ("%s", info);
      g_assert_nonnull (strstr (info, "Pages:           1\n"));
      g_assert_nonnull (strstr (info, papers[p].size));
      words = pdf_words (pdf);
      g_test_message ("%s", words);
      g_assert_nonnull (strstr (words, "My Safety Plan"));
      g_assert_nonnull (strstr (words, "Not sleeping"));
      g_assert_nonnull (strstr (words, "Dr Okafor, prescriber: 0123 4567"));
      /* The person's words as typed, not read as markup. */
      g_assert_nonnull (strstr (words, "My sister <b>Ana</b> & the cat"));
      g_assert_nonnull (strstr (words, "Call or text 988 (988 Suicide & Crisis Lifeline)."));
      g_assert_nonnull (strstr (words, "In an emergency, call 911."));
      g_assert_nonnull (strstr (words, "Stanley B, Brown GK (2012)"));
      g_assert_null (strstr (words, "Not all of the plan fits"));
      /* The sections in order, the crisis lines after them. */
      for (guint s = 0; s < G_N_ELEMENTS (order); s++)
        {
          const char *found = strstr (words, order[s]);

          g_assert_nonnull (found);
          g_assert_true (found > at);
          at = found;
        }
      g_assert_true (strstr (words, "Call or text 988") > at);
    }
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  rw_test_remove_dir (dir);
}

static void
test_pdf_too_long (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(RwSafetyPlan) plan = rw_safety_plan_new ();
  g_autoptr(GError) error = NULL;
  const char *help[] = { "Call 116 123 (Samaritans).", NULL };
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  gboolean complete = TRUE;

  if (!have_poppler ())
    {
      rw_test_remove_dir (dir);
      return;
    }

  /* A little more than fits at the usual size: set smaller, all of it there. */
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < 7; i++)
        g_string_append_printf (text, "item %u of section %u, a few words long\n", i, s);
      rw_safety_plan_set_text (plan, s, text->str);
    }
  g_assert_true (rw_safety_plan_export_pdf (plan, pdf, RW_PAPER_LETTER, help, &complete, &error));
  g_assert_no_error (error);
  g_assert_true (complete);
  {
    g_autofree char *info = run_tool (info_argv);
    g_autofree char *words = pdf_words (pdf);

    g_assert_nonnull (strstr (info, "Pages:           1\n"));
    g_assert_nonnull (strstr (words, "item 6 of section 0"));
    g_assert_nonnull (strstr (words, "item 6 of section 6"));
    g_assert_nonnull (strstr (words, "Call 116 123 (Samaritans)."));
  }

  /* Far more than fits: still one page, cut, and the page says so; the
   * short sections and the crisis line are whole. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; i < 400; i++)
      g_string_append_printf (text, "reason number %u to keep going\n", i);
    rw_safety_plan_set_text (plan, RW_SAFETY_PLAN_REASONS, text->str);
    rw_safety_plan_set_text (plan, RW_SAFETY_PLAN_PEOPLE, "Sam 0123 456");
  }
  g_assert_true (rw_safety_plan_export_pdf (plan, pdf, RW_PAPER_A4, help, &complete, &error));
  g_assert_no_error (error);
  g_assert_false (complete);
  {
    g_autofree char *info = run_tool (info_argv);
    g_autofree char *words = pdf_words (pdf);

    g_test_message ("%s", words);
    g_assert_nonnull (strstr (info, "Pages:           1\n"));
    g_assert_nonnull (strstr (words, "Not all of the plan fits on one page"));
    g_assert_nonnull (strstr (words, "Sam 0123 456"));
    g_assert_nonnull (strstr (words, "reason number 0 to keep going"));
    g_assert_null (strstr (words, "reason number 399 to keep going"));
    /* The cut section says how many of its items are not on the page. */
    g_assert_nonnull (strstr (words, "more, in Rewire"));
    g_assert_nonnull (strstr (words, "Call 116 123 (Samaritans)."));
  }
  rw_test_remove_dir (dir);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(RwSafetyPlan) plan = rw_safety_plan_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rw_safety_plan_export_pdf (plan, "/nonexistent-folder/plan.pdf", RW_PAPER_A4,
                                             NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not write the safety plan"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety-plan/sections-in-order", test_sections_in_order);
  g_test_add_func ("/safety-plan/items", test_items);
  g_test_add_func ("/safety-plan/round-trip", test_round_trip);
  g_test_add_func ("/safety-plan/pdf", test_pdf);
  g_test_add_func ("/safety-plan/pdf-too-long", test_pdf_too_long);
  g_test_add_func ("/safety-plan/pdf-unwritable", test_pdf_unwritable);

  return g_test_run ();
}
