/* test-cli-session.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rewire session add|list|edit|done|delete`, run as the built binary
 * with no display, the way a script or a person at a terminal would.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

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

/* Runs rewire with no display and the arguments given (NULL-ended). */
static int
run_argv (Fixture    *f,
          const char *first,
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

#define run(f, ...) run_argv (f, "session", __VA_ARGS__, "--data-dir", (f)->dir, NULL)

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static RwSession *
load (Fixture    *f,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
  RwSession *session;

  g_assert_no_error (error);
  session = rw_session_sql_load (db, id, &error);
  g_assert_no_error (error);
  return session;
}

static char *
add (Fixture    *f,
     const char *date,
     const char *phase)
{
  g_assert_cmpint (run (f, "add", "--date", date, "--phase", phase), ==, 0);
  return g_strstrip (g_strdup (f->out));
}

/* Every option of add is kept as given; the checklist is prefilled. */
static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(RwSession) session = NULL;

  g_assert_cmpint (run (f, "add", "--date", "2026-11-20", "--time", "9:30", "--route", "iv",
                        "--phase", "induction", "--provider", "Riverside clinic",
                        "--dose", "0.5 mg/kg over 40 min", "--intention", "be kind to myself",
                        "--intensity", "7", "--detached", "0",
                        "--side-effects", "nausea,raised-bp,urinary",
                        "--bp-before", "122/78", "--bp-after", "138/88",
                        "--hr-before", "70", "--hr-after", "76", "--note", "a long quiet"), ==, 0);
  id = g_strstrip (g_strdup (f->out));
  g_assert_true (g_uuid_string_is_valid (id));

  session = load (f, id);
  g_assert_cmpstr (rw_session_get_date (session), ==, "2026-11-20");
  g_assert_cmpstr (rw_session_get_time (session), ==, "09:30");
  g_assert_cmpint (rw_session_get_route (session), ==, RW_SESSION_ROUTE_IV);
  g_assert_cmpint (rw_session_get_phase (session), ==, RW_SESSION_PHASE_INDUCTION);
  g_assert_cmpstr (rw_session_get_provider (session), ==, "Riverside clinic");
  g_assert_cmpstr (rw_session_get_dose (session), ==, "0.5 mg/kg over 40 min");
  g_assert_cmpstr (rw_session_get_intention (session), ==, "be kind to myself");
  g_assert_cmpint (rw_session_get_intensity (session), ==, 7);
  g_assert_cmpint (rw_session_get_detached (session), ==, 0);
  g_assert_cmpuint (rw_session_get_side_effects (session), ==,
                    RW_SIDE_EFFECT_NAUSEA | RW_SIDE_EFFECT_RAISED_BP | RW_SIDE_EFFECT_URINARY);
  g_assert_cmpint (rw_session_get_vital (session, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC), ==, 122);
  g_assert_cmpint (rw_session_get_vital (session, RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC), ==, 78);
  g_assert_cmpint (rw_session_get_vital (session, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC), ==, 138);
  g_assert_cmpint (rw_session_get_vital (session, RW_SESSION_VITAL_BP_AFTER_DIASTOLIC), ==, 88);
  g_assert_cmpint (rw_session_get_vital (session, RW_SESSION_VITAL_HR_BEFORE), ==, 70);
  g_assert_cmpint (rw_session_get_vital (session, RW_SESSION_VITAL_HR_AFTER), ==, 76);
  g_assert_cmpstr (rw_session_get_note (session), ==, "a long quiet");
  g_assert_false (rw_session_get_done (session));
  g_assert_cmpuint (rw_session_get_n_checklist (session), ==, 5);

  /* Without --date it is today, without --time it has none. */
  g_assert_cmpint (run (f, "add", "--done"), ==, 0);
  {
    g_autofree char *second = g_strstrip (g_strdup (f->out));
    g_autoptr(RwSession) today = load (f, second);
    g_autofree char *date = rw_date_to_iso (rw_date_today ());

    g_assert_cmpstr (rw_session_get_date (today), ==, date);
    g_assert_null (rw_session_get_time (today));
    g_assert_true (rw_session_get_done (today));
    g_assert_cmpint (rw_session_get_route (today), ==, RW_SESSION_ROUTE_OTHER);
  }
}

/* The table lists sessions by date, shows what a person needs, and never
 * passes a control character to the terminal; csv and json for scripts. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *late = add (f, "2026-12-01", "booster");
  g_autofree char *early = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  const char *first_row, *second_row;

  g_assert_cmpint (run (f, "add", "--date", "2026-11-20", "--time", "10:00", "--route", "nasal",
                        "--done", "--bp-before", "120/80", "--intensity", "6",
                        "--note", "rang \x1b[2Jthe bell\nsecond line"), ==, 0);
  early = g_strstrip (g_strdup (f->out));

  g_assert_cmpint (run (f, "list"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 3);
  first_row = strstr (f->out, "\n") + 1;
  second_row = strstr (first_row, "\n") + 1;
  g_assert_cmpint (strncmp (first_row, early, 8), ==, 0);
  g_assert_cmpint (strncmp (second_row, late, 8), ==, 0);
  g_assert_nonnull (strstr (first_row, "2026-11-20  10:00  yes   nasal"));
  g_assert_nonnull (strstr (first_row, "120/80"));
  g_assert_nonnull (strstr (second_row, "2026-12-01  -      no    other   booster"));
  g_assert_null (strchr (f->out, '\x1b'));
  g_assert_nonnull (strstr (f->out, "rang \xef\xbf\xbd[2Jthe bell"));
  g_assert_null (strstr (f->out, "second line"));

  g_assert_cmpint (run (f, "list", "--from", "2026-11-21"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_nonnull (strstr (f->out, "booster"));

  g_assert_cmpint (run (f, "list", "--format", "csv"), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "id,date,time,done,route,phase,"));
  g_assert_nonnull (strstr (f->out, ",2026-11-20,10:00,1,nasal,other,"));

  g_assert_cmpint (run (f, "list", "--format", "json"), ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0),
                                               "bp_before_systolic"), ==, 120);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (array, 1),
                                              "intensity"));

  g_assert_cmpint (run (f, "list", "--search", "bell"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);

  g_assert_cmpint (run (f, "list", "--format", "xml"), ==, 1);
  g_assert_nonnull (strstr (f->err, "“xml”"));
}

/* Listing an empty folder makes no journal. */
static void
test_list_makes_no_journal (Fixture       *f,
                            gconstpointer  data)
{
  g_assert_cmpint (run (f, "list"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 1);
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, "edit", "0123456789ab", "--note", "x"), ==, 1);
  g_assert_cmpint (run (f, "done", "0123456789ab"), ==, 1);
  g_assert_cmpint (run (f, "delete", "0123456789ab"), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no journal"));
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
}

/* edit changes only what is given and clears with an empty value; done
 * marks it done with the values of after. */
static void
test_edit_and_done (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *prefix = NULL;

  g_assert_cmpint (run (f, "add", "--date", "2026-11-20", "--time", "10:00",
                        "--provider", "Riverside", "--intention", "patience"), ==, 0);
  id = g_strstrip (g_strdup (f->out));
  prefix = g_strndup (id, 8);

  g_assert_cmpint (run (f, "edit", prefix, "--time", "", "--provider", "Hillside",
                        "--phase", "booster"), ==, 0);
  g_assert_cmpstr (g_strstrip (f->out), ==, id);
  {
    g_autoptr(RwSession) s = load (f, id);

    g_assert_null (rw_session_get_time (s));
    g_assert_cmpstr (rw_session_get_provider (s), ==, "Hillside");
    g_assert_cmpint (rw_session_get_phase (s), ==, RW_SESSION_PHASE_BOOSTER);
    g_assert_cmpstr (rw_session_get_intention (s), ==, "patience");
    g_assert_false (rw_session_get_done (s));
  }

  g_assert_cmpint (run (f, "done", prefix, "--intensity", "5", "--side-effects", "headache",
                        "--side-effects-other", "ringing ears", "--hr-after", "80"), ==, 0);
  {
    g_autoptr(RwSession) s = load (f, id);

    g_assert_true (rw_session_get_done (s));
    g_assert_cmpint (rw_session_get_intensity (s), ==, 5);
    g_assert_cmpuint (rw_session_get_side_effects (s), ==,
                      RW_SIDE_EFFECT_HEADACHE | RW_SIDE_EFFECT_OTHER);
    g_assert_cmpstr (rw_session_get_side_effects_other (s), ==, "ringing ears");
    g_assert_cmpint (rw_session_get_vital (s, RW_SESSION_VITAL_HR_AFTER), ==, 80);
  }

  g_assert_cmpint (run (f, "edit", prefix, "--intensity", "", "--side-effects", "",
                        "--not-done"), ==, 0);
  {
    g_autoptr(RwSession) s = load (f, id);

    g_assert_false (rw_session_get_done (s));
    g_assert_cmpint (rw_session_get_intensity (s), ==, RW_SESSION_UNSET);
    g_assert_cmpuint (rw_session_get_side_effects (s), ==, 0);
    g_assert_cmpstr (rw_session_get_side_effects_other (s), ==, "");
  }

  /* Integration answers, one day at a time; the search finds them. */
  g_assert_cmpint (run (f, "edit", prefix, "--day", "2", "--noticed", "the light on the river",
                        "--hard", "sleeping badly"), ==, 0);
  g_assert_cmpint (run (f, "edit", prefix, "--day", "2", "--carry-forward", "walks"), ==, 0);
  {
    g_autoptr(RwSession) s = load (f, id);

    g_assert_cmpstr (rw_session_get_integration (s, 2, RW_INTEGRATION_NOTICED), ==,
                     "the light on the river");
    g_assert_cmpstr (rw_session_get_integration (s, 2, RW_INTEGRATION_CARRY_FORWARD), ==, "walks");
    g_assert_cmpstr (rw_session_get_integration (s, 2, RW_INTEGRATION_HARD), ==, "sleeping badly");
  }
  g_assert_cmpint (run (f, "list", "--search", "river"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  g_assert_cmpint (run (f, "edit", prefix, "--noticed", "x"), ==, 1);
  g_assert_nonnull (strstr (f->err, "--day"));
  g_assert_cmpint (run (f, "edit", prefix, "--day", "4", "--noticed", "x"), ==, 1);
  g_assert_nonnull (strstr (f->err, "--day: integration answers are for day 1, 2 or 3"));

  /* show prints all of it, the checklist and the answers too. */
  g_assert_cmpint (run (f, "show", prefix), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, id));
  g_assert_nonnull (strstr (f->out, "  Provider: Hillside\n"));
  g_assert_nonnull (strstr (f->out, "  Phase: Booster\n"));
  g_assert_nonnull (strstr (f->out, "    2. [ ] A ride home, no driving until the next day\n"));
  g_assert_nonnull (strstr (f->out, "    What did you notice?\n      the light on the river\n"));
  g_assert_nonnull (strstr (f->out, "    What do you want to carry forward?\n      walks\n"));
  g_assert_cmpint (run (f, "show", "ffffffff"), ==, 1);

  /* The checklist: tick, untick, remove and add by the numbers show gives. */
  g_assert_cmpint (run (f, "edit", prefix, "--check", "2", "--check", "5", "--remove-item", "1",
                        "--remove-item", "4", "--add-item", " Blanket "), ==, 0);
  {
    g_autoptr(RwSession) s = load (f, id);

    g_assert_cmpuint (rw_session_get_n_checklist (s), ==, 4);
    g_assert_cmpstr (rw_session_get_checklist_label (s, 0), ==,
                     "A ride home, no driving until the next day");
    g_assert_true (rw_session_get_checklist_checked (s, 0));
    g_assert_cmpstr (rw_session_get_checklist_label (s, 1), ==, "Someone with you afterwards");
    g_assert_false (rw_session_get_checklist_checked (s, 1));
    g_assert_cmpstr (rw_session_get_checklist_label (s, 2), ==, "Music you like");
    g_assert_true (rw_session_get_checklist_checked (s, 2));
    g_assert_cmpstr (rw_session_get_checklist_label (s, 3), ==, "Blanket");
  }
  g_assert_cmpint (run (f, "edit", prefix, "--uncheck", "1"), ==, 0);
  {
    g_autoptr(RwSession) s = load (f, id);

    g_assert_false (rw_session_get_checklist_checked (s, 0));
  }
  g_assert_cmpint (run (f, "edit", prefix, "--check", "9"), ==, 1);
  g_assert_nonnull (strstr (f->err, "--check: “9” is not an item of the checklist, which has 4"));
  g_assert_cmpint (run (f, "edit", prefix, "--add-item", ""), ==, 1);
  g_assert_nonnull (strstr (f->err, "checklist item cannot be empty"));

  g_assert_cmpint (run (f, "edit", "ffffffff"), ==, 1);
  g_assert_nonnull (strstr (f->err, "No session has the id"));
}

/* delete removes it for good: gone from the list, its words from the
 * journal's file and log. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *keep = add (f, "2026-11-01", "induction");
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);

  g_assert_cmpint (run (f, "add", "--date", "2026-11-20", "--note", "zebrasessionword",
                        "--intention", "quokkaintention"), ==, 0);
  id = g_strstrip (g_strdup (f->out));

  g_assert_cmpint (run (f, "delete", id), ==, 0);
  g_assert_cmpint (run (f, "list"), ==, 0);
  g_assert_cmpuint (count_lines (f->out), ==, 2);
  {
    g_autofree char *short_keep = g_strndup (keep, 8);

    g_assert_nonnull (strstr (f->out, short_keep));
  }
  g_assert_false (rw_test_file_holds (f->db_path, "zebrasessionword"));
  g_assert_false (rw_test_file_holds (f->db_path, "quokkaintention"));
  g_assert_false (rw_test_file_holds (wal, "zebrasessionword"));

  g_assert_cmpint (run (f, "delete", id), ==, 1);
  g_assert_nonnull (strstr (f->err, "No session has the id"));
  g_assert_cmpint (run (f, "delete"), ==, 1);
}

/* A bad value is refused with a message naming its option; nothing is
 * written. */
static void
test_bad_values (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *option;
    const char *value;
    const char *words;
  } cases[] = {
    { "--route", "rectal", "--route: “rectal” is not a route; use iv, im, nasal, oral or other." },
    { "--phase", "loading", "--phase: “loading”" },
    { "--intensity", "11", "--intensity: Intensity must be a whole number from 0 to 10" },
    { "--detached", "-1", "--detached:" },
    { "--bp-before", "120-80", "--bp-before: Blood pressure must be written as two whole numbers "
                               "with a slash, such as 120/80 (got “120-80”)." },
    { "--bp-after", "80/120", "higher (systolic) number first" },
    { "--hr-before", "fast", "--hr-before: Heart rate" },
    { "--side-effects", "nausea,itching", "--side-effects: “itching”" },
    { "--date", "2026-13-01", "--date:" },
    { "--time", "25:61", "--time:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (run (f, "add", cases[i].option, cases[i].value), ==, 1);
      if (strstr (f->err, cases[i].words) == NULL)
        g_error ("%s %s: “%s” not in “%s”", cases[i].option, cases[i].value, cases[i].words,
                 f->err);
      g_assert_cmpstr (f->out, ==, "");
    }
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_argv (f, "session", "frob", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "“frob”"));
  g_assert_cmpint (run_argv (f, "session", NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "delete ID"));
  g_assert_cmpint (run_argv (f, "session", "--help", NULL), ==, 0);
  g_assert_cmpint (run_argv (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "session SUBCOMMAND"));
  /* --data-dir may come before the subcommand too. */
  g_assert_cmpint (run_argv (f, "session", "--data-dir", f->dir, "list", NULL), ==, 0);
  g_assert_cmpint (run_argv (f, "--data-dir", f->dir, "session", "list", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-session/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("add", test_add);
  ADD ("list", test_list);
  ADD ("list-makes-no-journal", test_list_makes_no_journal);
  ADD ("edit-and-done", test_edit_and_done);
  ADD ("delete", test_delete);
  ADD ("bad-values", test_bad_values);

#undef ADD

  return g_test_run ();
}
