/* test-safety.c: the one rule for offering crisis lines, every source
 * against every kind of value and an offer already made today; the day
 * kept in the journal; and the words of the offer.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

static const struct
{
  RwSafetySource source;
  const char *name;
  gboolean offers;  /* for a low check-in not yet offered today */
} sources[] = {
  { RW_SAFETY_SOURCE_EDITOR, "editor", TRUE },
  { RW_SAFETY_SOURCE_PLAN_REFLECTION, "plan reflection", TRUE },
  { RW_SAFETY_SOURCE_CLI_ADD, "rewire add", TRUE },
  { RW_SAFETY_SOURCE_CLI_EDIT, "rewire edit", TRUE },
  { RW_SAFETY_SOURCE_IMPORT, "import", FALSE },
};

static const struct
{
  int mood;
  int hope;
  int anxiety;
  gboolean low;
} values[] = {
  { 0, RW_METRIC_UNSET, RW_METRIC_UNSET, TRUE },
  { 1, RW_METRIC_UNSET, RW_METRIC_UNSET, TRUE },
  { 2, RW_METRIC_UNSET, RW_METRIC_UNSET, FALSE },
  { 10, RW_METRIC_UNSET, RW_METRIC_UNSET, FALSE },
  { RW_METRIC_UNSET, 0, RW_METRIC_UNSET, TRUE },
  { RW_METRIC_UNSET, 1, RW_METRIC_UNSET, TRUE },
  { RW_METRIC_UNSET, 2, RW_METRIC_UNSET, FALSE },
  { 7, 1, RW_METRIC_UNSET, TRUE },
  { 1, 7, RW_METRIC_UNSET, TRUE },
  { 2, 2, RW_METRIC_UNSET, FALSE },
  /* Only mood and hope count: high anxiety is 10, low anxiety is good. */
  { 5, 5, 0, FALSE },
  { 5, 5, 10, FALSE },
  /* Nothing recorded (a note only, as the plan's reflection is). */
  { RW_METRIC_UNSET, RW_METRIC_UNSET, RW_METRIC_UNSET, FALSE },
};

static RwCheckIn *
make (int mood,
      int hope,
      int anxiety)
{
  RwCheckIn *check_in = rw_test_check_in_new ("2026-11-22", "09:00", mood, "");

  rw_check_in_set_metric (check_in, RW_METRIC_HOPE, hope);
  rw_check_in_set_metric (check_in, RW_METRIC_ANXIETY, anxiety);
  return check_in;
}

static void
test_table (void)
{
  guint32 today = rw_date_from_iso ("2026-11-22");
  const struct
  {
    guint32 last;
    gboolean offered_today;
  } lasts[] = {
    { 0, FALSE },                                 /* never */
    { rw_date_from_iso ("2026-11-21"), FALSE },   /* yesterday */
    { rw_date_from_iso ("2026-11-23"), FALSE },   /* a clock set back */
    { today, TRUE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      for (guint l = 0; l < G_N_ELEMENTS (lasts); l++)
        {
          g_autoptr(RwCheckIn) check_in = make (values[v].mood, values[v].hope, values[v].anxiety);
          gboolean expected = sources[s].offers && values[v].low && !lasts[l].offered_today;
          gboolean got = rw_safety_should_offer (sources[s].source, check_in, lasts[l].last, today);

          if (got != expected)
            g_error ("%s, mood %d hope %d anxiety %d, last offer %u (today %u): %s, expected %s",
                     sources[s].name, values[v].mood, values[v].hope, values[v].anxiety,
                     lasts[l].last, today, got ? "offered" : "not offered",
                     expected ? "offered" : "not offered");
          g_assert_cmpint (rw_safety_is_low (check_in), ==, values[v].low);
        }
}

typedef struct
{
  char *dir;
  RwJournal *journal;
  guint offered;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->journal);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
offered_cb (RwJournal *journal,
            RwCheckIn *check_in,
            Fixture   *f)
{
  g_assert_true (RW_IS_CHECK_IN (check_in));
  f->offered++;
}

/* The day is kept in the journal, so a second journal object on the same
 * file (the command line, another window) knows it was offered today. */
static void
test_once_a_day_in_the_journal (Fixture       *f,
                                gconstpointer  data)
{
  guint32 day1 = rw_date_from_iso ("2026-11-22");
  guint32 day2 = day1 + 1;
  g_autoptr(RwCheckIn) low = make (1, RW_METRIC_UNSET, RW_METRIC_UNSET);
  g_autoptr(RwCheckIn) fine = make (6, 6, RW_METRIC_UNSET);
  g_autoptr(RwCheckIn) imported = make (0, 0, RW_METRIC_UNSET);
  RwDatabase *db = rw_journal_get_database (f->journal);

  g_signal_connect (f->journal, "help-offered", G_CALLBACK (offered_cb), f);
  g_assert_cmpuint (rw_safety_get_last_offer (db), ==, 0);

  g_assert_true (rw_journal_add (f->journal, fine, NULL));
  g_assert_false (rw_journal_offer_help (f->journal, RW_SAFETY_SOURCE_EDITOR, fine, day1));
  g_assert_true (rw_journal_add (f->journal, imported, NULL));
  g_assert_false (rw_journal_offer_help (f->journal, RW_SAFETY_SOURCE_IMPORT, imported, day1));
  g_assert_cmpuint (f->offered, ==, 0);
  g_assert_cmpuint (rw_safety_get_last_offer (db), ==, 0);

  g_assert_true (rw_journal_add (f->journal, low, NULL));
  g_assert_true (rw_journal_offer_help (f->journal, RW_SAFETY_SOURCE_EDITOR, low, day1));
  g_assert_cmpuint (f->offered, ==, 1);
  g_assert_cmpuint (rw_safety_get_last_offer (db), ==, day1);
  g_assert_false (rw_journal_offer_help (f->journal, RW_SAFETY_SOURCE_EDITOR, low, day1));
  g_assert_cmpuint (f->offered, ==, 1);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RwDatabase) other = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rw_safety_get_last_offer (other), ==, day1);
    g_assert_false (rw_safety_offer_after_save (other, RW_SAFETY_SOURCE_CLI_ADD, low, day1));
    g_assert_true (rw_safety_offer_after_save (other, RW_SAFETY_SOURCE_CLI_ADD, low, day2));
  }
  g_assert_cmpuint (rw_safety_get_last_offer (db), ==, day2);
  g_assert_false (rw_journal_offer_help (f->journal, RW_SAFETY_SOURCE_EDITOR, low, day2));
  g_assert_cmpuint (f->offered, ==, 1);
}

/* The check-in is saved whatever becomes of the offer. */
static void
test_offer_never_touches_the_save (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RwCheckIn) low = make (0, 0, RW_METRIC_UNSET);
  g_autoptr(RwCheckIn) stored = NULL;
  RwDatabase *db = rw_journal_get_database (f->journal);

  g_assert_true (rw_journal_add (f->journal, low, NULL));
  g_assert_true (rw_safety_offer_after_save (db, RW_SAFETY_SOURCE_EDITOR, low,
                                             rw_date_from_iso ("2026-11-22")));
  stored = rw_journal_lookup (f->journal, rw_check_in_get_id (low), NULL);
  g_assert_nonnull (stored);
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_MOOD), ==, 0);
  g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 1);
}

static void
test_words (void)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);
  const struct
  {
    const char *country;
    const char *call;
    const char *emergency;
  } cases[] = {
    { "US", "Call or text 988 (988 Suicide & Crisis Lifeline).", "If you are in danger now, call 911." },
    { "us", "Call or text 988 (988 Suicide & Crisis Lifeline).", "If you are in danger now, call 911." },
    { "GB", "Call 116 123 (Samaritans).", "If you are in danger now, call 999." },
    { "AU", "Call 13 11 14 or text 0477 13 11 14 (Lifeline).", "If you are in danger now, call 000." },
    { "EU", "Call 112 (European emergency number).", NULL },
    { "INTL", "Find a crisis line near you: https://findahelpline.com",
      "If you are in danger now, call your local emergency number." },
    { "XX", "Find a crisis line near you: https://findahelpline.com",
      "If you are in danger now, call your local emergency number." },
  };

  g_assert_nonnull (directory);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *call = rw_safety_dup_call_line (directory, cases[i].country);
      g_autofree char *emergency = rw_safety_dup_emergency_line (directory, cases[i].country);

      g_assert_cmpstr (call, ==, cases[i].call);
      g_assert_cmpstr (emergency, ==, cases[i].emergency);
    }
}

static void
test_resolve_country (void)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);
  g_autofree char *chosen = rw_safety_resolve_country (directory, "gb");
  g_autofree char *unknown = rw_safety_resolve_country (directory, "XX");
  g_autofree char *guess = rw_crisis_guess_country (NULL);
  g_autofree char *empty = rw_safety_resolve_country (directory, "");

  g_assert_cmpstr (chosen, ==, "GB");
  g_assert_cmpstr (unknown, ==, guess);
  g_assert_cmpstr (empty, ==, guess);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety/table", test_table);
  g_test_add ("/safety/once-a-day-in-the-journal", Fixture, NULL, fixture_setup,
              test_once_a_day_in_the_journal, fixture_teardown);
  g_test_add ("/safety/offer-never-touches-the-save", Fixture, NULL, fixture_setup,
              test_offer_never_touches_the_save, fixture_teardown);
  g_test_add_func ("/safety/words", test_words);
  g_test_add_func ("/safety/resolve-country", test_resolve_country);

  return g_test_run ();
}
