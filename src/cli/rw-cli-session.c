/* rw-cli-session.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rewire session add|list|edit|done|delete`: treatment sessions from
 * the command line. Each subcommand parses its options, opens the
 * journal only when they are good, and writes in one transaction.
 * Rewire never suggests or checks a dose: --dose is kept as typed.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "rw-cli-private.h"

/* The values add, edit and done take, as typed; NULL when not given. */
typedef struct
{
  char *date;
  char *time;
  char *route;
  char *phase;
  char *provider;
  char *dose;
  char *intention;
  char *intensity;
  char *detached;
  char *side_effects;
  char *side_effects_other;
  char *bp_before;
  char *bp_after;
  char *hr_before;
  char *hr_after;
  char *note;
} SessionValues;

static GOptionEntry *
values_entries (SessionValues *v,
                gboolean       for_add)
{
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &v->date, for_add ? N_("The day, YYYY-MM-DD (default: today)") : N_("The day, YYYY-MM-DD"), N_("DATE") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &v->time, N_("The time, HH:MM (default: none)"), N_("TIME") },
    { "route", 0, 0, G_OPTION_ARG_STRING, &v->route, N_("iv, im, nasal, oral (lozenge or tablet) or other"), N_("ROUTE") },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &v->phase, N_("induction, booster, maintenance or other"), N_("PHASE") },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &v->provider, N_("The clinic or prescriber"), N_("TEXT") },
    { "dose", 0, 0, G_OPTION_ARG_STRING, &v->dose, N_("The dose as your clinic wrote it (kept as typed, never checked)"), N_("TEXT") },
    { "intention", 0, 0, G_OPTION_ARG_STRING, &v->intention, N_("Your intention, in your own words"), N_("TEXT") },
    { "intensity", 0, 0, G_OPTION_ARG_STRING, &v->intensity, N_("How intense it was, 0 to 10"), "N" },
    { "detached", 0, 0, G_OPTION_ARG_STRING, &v->detached, N_("How detached or dreamlike it felt, 0 to 10"), "N" },
    { "side-effects", 0, 0, G_OPTION_ARG_STRING, &v->side_effects, N_("Side effects, separated by commas: nausea, vomiting, headache, dizziness, drowsiness, raised-bp, urinary, other"), N_("A,B") },
    { "side-effects-other", 0, 0, G_OPTION_ARG_STRING, &v->side_effects_other, N_("Other side effects, in your words (adds “other”)"), N_("TEXT") },
    { "bp-before", 0, 0, G_OPTION_ARG_STRING, &v->bp_before, N_("Blood pressure before, such as 120/80"), N_("SYS/DIA") },
    { "bp-after", 0, 0, G_OPTION_ARG_STRING, &v->bp_after, N_("Blood pressure after, such as 130/85"), N_("SYS/DIA") },
    { "hr-before", 0, 0, G_OPTION_ARG_STRING, &v->hr_before, N_("Heart rate before, beats a minute"), "N" },
    { "hr-after", 0, 0, G_OPTION_ARG_STRING, &v->hr_after, N_("Heart rate after, beats a minute"), "N" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &v->note, N_("A note"), N_("TEXT") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

static void
values_clear (SessionValues *v)
{
  char **fields = (char **) v;

  for (guint i = 0; i < sizeof *v / sizeof (char *); i++)
    g_clear_pointer (&fields[i], g_free);
}

/* A message that names the option whose value is wrong. */
static gboolean
bad_option (GError     **error,
            const char  *option,
            GError      *cause)
{
  g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID, "%s: %s", option,
               cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
apply_rating (const char  *text,
              const char  *option,
              const char  *name,
              RwSession   *session,
              void       (*set) (RwSession *, int),
              GError     **error)
{
  GError *cause = NULL;
  int value;

  if (text == NULL)
    return TRUE;
  if (!rw_session_parse_rating (name, text, &value, &cause))
    return bad_option (error, option, cause);
  set (session, value);
  return TRUE;
}

static gboolean
apply_bp (const char      *text,
          const char      *option,
          RwSession       *session,
          RwSessionVital   systolic,
          RwSessionVital   diastolic,
          GError         **error)
{
  GError *cause = NULL;
  int sys, dia;

  if (text == NULL)
    return TRUE;
  if (!rw_session_parse_blood_pressure (text, &sys, &dia, &cause))
    return bad_option (error, option, cause);
  rw_session_set_vital (session, systolic, sys);
  rw_session_set_vital (session, diastolic, dia);
  return TRUE;
}

static gboolean
apply_hr (const char      *text,
          const char      *option,
          RwSession       *session,
          RwSessionVital   vital,
          GError         **error)
{
  GError *cause = NULL;
  int value;

  if (text == NULL)
    return TRUE;
  if (!rw_session_parse_heart_rate (text, &value, &cause))
    return bad_option (error, option, cause);
  rw_session_set_vital (session, vital, value);
  return TRUE;
}

/* Sets what was given (an empty value clears a field), then validates. */
static gboolean
values_apply (const SessionValues  *v,
              RwSession            *session,
              GError              **error)
{
  GError *cause = NULL;

  if (v->date != NULL)
    {
      g_autofree char *date = NULL;

      if (!rw_parse_date (v->date, &date, &cause))
        return bad_option (error, "--date", cause);
      rw_session_set_date (session, date);
    }
  if (v->time != NULL)
    {
      g_autofree char *time = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (v->time));

      if (*stripped != '\0' && !rw_parse_time (stripped, &time, &cause))
        return bad_option (error, "--time", cause);
      rw_session_set_time (session, time);
    }
  if (v->route != NULL)
    {
      RwSessionRoute route;
      g_autofree char *stripped = g_strstrip (g_strdup (v->route));

      if (!rw_session_route_from_string (stripped, &route))
        {
          g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                       _("--route: “%s” is not a route; use iv, im, nasal, oral or other."),
                       stripped);
          return FALSE;
        }
      rw_session_set_route (session, route);
    }
  if (v->phase != NULL)
    {
      RwSessionPhase phase;
      g_autofree char *stripped = g_strstrip (g_strdup (v->phase));

      if (!rw_session_phase_from_string (stripped, &phase))
        {
          g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                       _("--phase: “%s” is not a phase; use induction, booster, maintenance "
                         "or other."),
                       stripped);
          return FALSE;
        }
      rw_session_set_phase (session, phase);
    }
  if (v->provider != NULL)
    rw_session_set_provider (session, v->provider);
  if (v->dose != NULL)
    rw_session_set_dose (session, v->dose);
  if (v->intention != NULL)
    rw_session_set_intention (session, v->intention);
  if (v->note != NULL)
    rw_session_set_note (session, v->note);

  if (!apply_rating (v->intensity, "--intensity", _("Intensity"), session,
                     rw_session_set_intensity, error) ||
      !apply_rating (v->detached, "--detached", _("How detached it felt"), session,
                     rw_session_set_detached, error) ||
      !apply_bp (v->bp_before, "--bp-before", session, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC,
                 RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC, error) ||
      !apply_bp (v->bp_after, "--bp-after", session, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC,
                 RW_SESSION_VITAL_BP_AFTER_DIASTOLIC, error) ||
      !apply_hr (v->hr_before, "--hr-before", session, RW_SESSION_VITAL_HR_BEFORE, error) ||
      !apply_hr (v->hr_after, "--hr-after", session, RW_SESSION_VITAL_HR_AFTER, error))
    return FALSE;

  if (v->side_effects != NULL)
    {
      RwSideEffects effects = 0;

      if (!rw_side_effects_from_string (v->side_effects, &effects, &cause))
        return bad_option (error, "--side-effects", cause);
      rw_session_set_side_effects (session, effects);
      if (!(effects & RW_SIDE_EFFECT_OTHER))
        rw_session_set_side_effects_other (session, "");
    }
  if (v->side_effects_other != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (v->side_effects_other));
      RwSideEffects effects = rw_session_get_side_effects (session);

      rw_session_set_side_effects_other (session, stripped);
      if (*stripped != '\0')
        effects |= RW_SIDE_EFFECT_OTHER;
      rw_session_set_side_effects (session, effects);
    }

  return rw_session_validate (session, error);
}

/* Text as a terminal may show it: a control character becomes U+FFFD
 * (as rewire list does). */
static void
append_printable (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  if (length > (glong) width)
    {
      g_autofree char *head = g_utf8_substring (text, 0, width - 1);

      append_printable (out, head);
      g_string_append (out, "…");
      return;
    }
  append_printable (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static char *
format_bp (RwSession      *session,
           RwSessionVital  systolic)
{
  int sys = rw_session_get_vital (session, systolic);
  int dia = rw_session_get_vital (session, systolic + 1);

  if (sys == RW_SESSION_UNSET || dia == RW_SESSION_UNSET)
    return g_strdup ("-");
  return g_strdup_printf ("%d/%d", sys, dia);
}

static char *
format_number (int value)
{
  return value == RW_SESSION_UNSET ? g_strdup ("-") : g_strdup_printf ("%d", value);
}

/* The first non-empty line of @text. */
static char *
first_line (const char *text)
{
  for (const char *p = text; *p != '\0'; )
    {
      const char *end = p + strcspn (p, "\r\n");
      g_autofree char *line = g_strstrip (g_strndup (p, end - p));

      if (*line != '\0')
        return g_steal_pointer (&line);
      p = end + strspn (end, "\r\n");
    }
  return g_strdup ("");
}

static void
print_table (GPtrArray *sessions)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Short labels so that a row fits a terminal: intensity (IN),
   * detached (DE), blood pressure and heart rate before and after. */
  g_string_append_printf (out, "%-8s  %-10s  %-5s  %-4s  %-6s  %-11s  %2s  %2s  %-7s  %-7s  "
                               "%-6s  %-7s  %-20s  %s\n",
                          _("ID"), _("DATE"), _("TIME"), _("DONE"), _("ROUTE"), _("PHASE"),
                          _("IN"), _("DE"), _("BP-PRE"), _("BP-POST"), _("HR-PRE"), _("HR-POST"),
                          _("SIDE EFFECTS"), _("NOTE"));
  for (guint i = 0; i < sessions->len; i++)
    {
      RwSession *s = sessions->pdata[i];
      const char *time = rw_session_get_time (s);
      g_autofree char *in = format_number (rw_session_get_intensity (s));
      g_autofree char *de = format_number (rw_session_get_detached (s));
      g_autofree char *bp_pre = format_bp (s, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC);
      g_autofree char *bp_post = format_bp (s, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC);
      g_autofree char *hr_pre = format_number (rw_session_get_vital (s, RW_SESSION_VITAL_HR_BEFORE));
      g_autofree char *hr_post = format_number (rw_session_get_vital (s, RW_SESSION_VITAL_HR_AFTER));
      g_autofree char *effects = rw_side_effects_to_string (rw_session_get_side_effects (s));
      g_autofree char *note = first_line (*rw_session_get_note (s) != '\0'
                                          ? rw_session_get_note (s)
                                          : rw_session_get_intention (s));

      g_string_append_len (out, rw_session_get_id (s), 8);
      g_string_append_printf (out, "  %s  %-5s  ", rw_session_get_date (s),
                              time != NULL ? time : "-");
      append_padded (out, rw_session_get_done (s) ? _("yes") : _("no"), 4);
      g_string_append (out, "  ");
      append_padded (out, rw_session_route_to_string (rw_session_get_route (s)), 6);
      g_string_append (out, "  ");
      append_padded (out, rw_session_phase_to_string (rw_session_get_phase (s)), 11);
      g_string_append_printf (out, "  %2s  %2s  %-7s  %-7s  %6s  %7s  ", in, de,
                              bp_pre, bp_post, hr_pre, hr_post);
      append_padded (out, *effects != '\0' ? effects : "-", 20);
      g_string_append (out, "  ");
      append_printable (out, note);
      g_string_append_c (out, '\n');
    }
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
}

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append_c (out, last ? '\n' : ',');
}

static void
csv_number (GString *out,
            int      value)
{
  if (value != RW_SESSION_UNSET)
    g_string_append_printf (out, "%d", value);
  g_string_append_c (out, ',');
}

static const char * const csv_columns[] = {
  "id", "date", "time", "done", "route", "phase", "provider", "dose", "intention",
  "bp_before_systolic", "bp_before_diastolic", "hr_before",
  "bp_after_systolic", "bp_after_diastolic", "hr_after",
  "intensity", "detached", "side_effects", "side_effects_other", "note",
};

static void
print_csv (GPtrArray *sessions)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (csv_columns); c++)
    csv_field (out, csv_columns[c], c + 1 == G_N_ELEMENTS (csv_columns));
  for (guint i = 0; i < sessions->len; i++)
    {
      RwSession *s = sessions->pdata[i];
      g_autofree char *effects = rw_side_effects_to_string (rw_session_get_side_effects (s));
      const char *time = rw_session_get_time (s);

      csv_field (out, rw_session_get_id (s), FALSE);
      csv_field (out, rw_session_get_date (s), FALSE);
      csv_field (out, time != NULL ? time : "", FALSE);
      csv_field (out, rw_session_get_done (s) ? "1" : "0", FALSE);
      csv_field (out, rw_session_route_to_string (rw_session_get_route (s)), FALSE);
      csv_field (out, rw_session_phase_to_string (rw_session_get_phase (s)), FALSE);
      csv_field (out, rw_session_get_provider (s), FALSE);
      csv_field (out, rw_session_get_dose (s), FALSE);
      csv_field (out, rw_session_get_intention (s), FALSE);
      for (guint v = 0; v < RW_N_SESSION_VITALS; v++)
        csv_number (out, rw_session_get_vital (s, v));
      csv_number (out, rw_session_get_intensity (s));
      csv_number (out, rw_session_get_detached (s));
      csv_field (out, effects, FALSE);
      csv_field (out, rw_session_get_side_effects_other (s), FALSE);
      csv_field (out, rw_session_get_note (s), TRUE);
    }
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
}

static void
json_number (JsonBuilder *b,
             const char  *name,
             int          value)
{
  json_builder_set_member_name (b, name);
  if (value == RW_SESSION_UNSET)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, value);
}

static void
json_string (JsonBuilder *b,
             const char  *name,
             const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
print_json (GPtrArray *sessions)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < sessions->len; i++)
    {
      RwSession *s = sessions->pdata[i];
      g_autofree char *effects = rw_side_effects_to_string (rw_session_get_side_effects (s));
      g_auto(GStrv) keys = g_strsplit (effects, ",", -1);

      json_builder_begin_object (b);
      json_string (b, "id", rw_session_get_id (s));
      json_string (b, "date", rw_session_get_date (s));
      json_string (b, "time", rw_session_get_time (s));
      json_builder_set_member_name (b, "done");
      json_builder_add_boolean_value (b, rw_session_get_done (s));
      json_string (b, "route", rw_session_route_to_string (rw_session_get_route (s)));
      json_string (b, "phase", rw_session_phase_to_string (rw_session_get_phase (s)));
      json_string (b, "provider", rw_session_get_provider (s));
      json_string (b, "dose", rw_session_get_dose (s));
      json_string (b, "intention", rw_session_get_intention (s));
      for (guint v = 0; v < RW_N_SESSION_VITALS; v++)
        json_number (b, csv_columns[9 + v], rw_session_get_vital (s, v));
      json_number (b, "intensity", rw_session_get_intensity (s));
      json_number (b, "detached", rw_session_get_detached (s));
      json_builder_set_member_name (b, "side_effects");
      json_builder_begin_array (b);
      for (guint k = 0; keys[k] != NULL; k++)
        if (*keys[k] != '\0')
          json_builder_add_string_value (b, keys[k]);
      json_builder_end_array (b);
      json_string (b, "side_effects_other", rw_session_get_side_effects_other (s));
      json_string (b, "note", rw_session_get_note (s));
      json_builder_set_member_name (b, "checklist");
      json_builder_begin_array (b);
      for (guint c = 0; c < rw_session_get_n_checklist (s); c++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "position");
          json_builder_add_int_value (b, c);
          json_string (b, "label", rw_session_get_checklist_label (s, c));
          json_builder_set_member_name (b, "checked");
          json_builder_add_boolean_value (b, rw_session_get_checklist_checked (s, c));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "integration");
      json_builder_begin_array (b);
      for (guint d = 1; d <= RW_SESSION_INTEGRATION_DAYS; d++)
        {
          if (!rw_session_has_integration (s, d))
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "day");
          json_builder_add_int_value (b, d);
          json_string (b, "noticed", rw_session_get_integration (s, d, RW_INTEGRATION_NOTICED));
          json_string (b, "carry_forward",
                       rw_session_get_integration (s, d, RW_INTEGRATION_CARRY_FORWARD));
          json_string (b, "hard", rw_session_get_integration (s, d, RW_INTEGRATION_HARD));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static gboolean
insert_cb (RwDatabase  *db,
           gpointer     session,
           GError     **error)
{
  return rw_session_sql_insert (db, session, error);
}

static gboolean
update_cb (RwDatabase  *db,
           gpointer     session,
           GError     **error)
{
  return rw_session_sql_update (db, session, error);
}

/* Hidden and purged at once: the same path as the window's Undo ending. */
static gboolean
delete_cb (RwDatabase  *db,
           gpointer     id,
           GError     **error)
{
  return rw_session_sql_set_hidden (db, id, TRUE, error) &&
         rw_session_sql_purge_one (db, id, error);
}

static int
session_add (RwCli  *cli,
             int     argc,
             char  **argv)
{
  SessionValues values = { 0 };
  g_autofree GOptionEntry *entries = values_entries (&values, TRUE);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwSession) session = rw_session_new ();
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *today = rw_date_to_iso (rw_date_today ());
  gboolean done = FALSE;
  GOptionEntry done_entry[] = {
    { "done", 0, 0, G_OPTION_ARG_NONE, &done, N_("It took place (default: scheduled)"), NULL },
    { NULL }
  };
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Adds a treatment session, scheduled or (with --done) "
                                         "one that took place, and prints its id. Its checklist "
                                         "starts with things to prepare, such as a ride home; "
                                         "your clinic's own instructions come first."),
                                       entries);
  g_option_context_add_main_entries (context, done_entry, GETTEXT_PACKAGE);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    goto out;

  rw_session_set_date (session, today);
  rw_session_add_default_checklist (session);
  rw_session_set_done (session, done);
  if (!values_apply (&values, session, &error))
    {
      status = rw_cli_fail_with (error);
      goto out;
    }

  db = rw_cli_open_database (cli, &error);
  if (db == NULL || !rw_database_write (db, insert_cb, session, &error))
    {
      status = rw_cli_fail_with (error);
      goto out;
    }
  g_print ("%s\n", rw_session_get_id (session));
  status = RW_EXIT_OK;

out:
  values_clear (&values);
  return status;
}

/* Reads "N" (1-based) as a checklist position of @session. */
static gboolean
parse_item (RwSession   *session,
            const char  *option,
            const char  *text,
            guint       *position,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint n = rw_session_get_n_checklist (session);
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (stripped, 10, 1, MAX (n, 1), &value, NULL) || n == 0)
    {
      g_autofree char *valid = g_utf8_make_valid (stripped, -1);
      g_autofree char *count = g_strdup_printf ("%u", n);

      g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                   _("%s: “%s” is not an item of the checklist, which has %s; "
                     "“rewire session show” numbers them."),
                   option, valid, count);
      return FALSE;
    }
  *position = value - 1;
  return TRUE;
}

/* Ticks, unticks, adds and removes, in that order, with the numbers as
 * they were before any of them. */
static gboolean
apply_checklist (RwSession   *session,
                 char       **check,
                 char       **uncheck,
                 char       **add_item,
                 char       **remove_item,
                 GError     **error)
{
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (guint));
  guint position;

  for (guint i = 0; check != NULL && check[i] != NULL; i++)
    {
      if (!parse_item (session, "--check", check[i], &position, error))
        return FALSE;
      rw_session_set_checklist_checked (session, position, TRUE);
    }
  for (guint i = 0; uncheck != NULL && uncheck[i] != NULL; i++)
    {
      if (!parse_item (session, "--uncheck", uncheck[i], &position, error))
        return FALSE;
      rw_session_set_checklist_checked (session, position, FALSE);
    }
  for (guint i = 0; remove_item != NULL && remove_item[i] != NULL; i++)
    {
      if (!parse_item (session, "--remove-item", remove_item[i], &position, error))
        return FALSE;
      g_array_append_val (removed, position);
    }
  /* From the last, so that the numbers given still hold. */
  for (guint p = rw_session_get_n_checklist (session); p > 0; p--)
    for (guint i = 0; i < removed->len; i++)
      if (g_array_index (removed, guint, i) == p - 1)
        {
          rw_session_remove_checklist (session, p - 1);
          break;
        }
  for (guint i = 0; add_item != NULL && add_item[i] != NULL; i++)
    {
      g_autofree char *label = g_strstrip (g_strdup (add_item[i]));

      rw_session_append_checklist (session, label, FALSE);
    }
  return TRUE;
}

/* edit and done: change the session ID with the values given. */
static int
session_change (RwCli    *cli,
               int       argc,
               char    **argv,
               gboolean  mark_done)
{
  SessionValues values = { 0 };
  g_autofree GOptionEntry *entries = values_entries (&values, FALSE);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwSession) session = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *id = NULL;
  gboolean not_done = FALSE;
  GOptionEntry done_entry[] = {
    { "not-done", 0, 0, G_OPTION_ARG_NONE, &not_done, N_("Mark it as not taken place (scheduled)"), NULL },
    { NULL }
  };
  g_autofree char *day_text = NULL;
  char *answers[RW_N_INTEGRATION_PROMPTS] = { NULL };
  GOptionEntry integration_entries[] = {
    { "day", 0, 0, G_OPTION_ARG_STRING, &day_text, N_("Which day after the session the answers below are for, 1 to 3"), "N" },
    { "noticed", 0, 0, G_OPTION_ARG_STRING, &answers[RW_INTEGRATION_NOTICED], N_("What did you notice? (with --day)"), N_("TEXT") },
    { "carry-forward", 0, 0, G_OPTION_ARG_STRING, &answers[RW_INTEGRATION_CARRY_FORWARD], N_("What do you want to carry forward? (with --day)"), N_("TEXT") },
    { "hard", 0, 0, G_OPTION_ARG_STRING, &answers[RW_INTEGRATION_HARD], N_("What was hard? (with --day)"), N_("TEXT") },
    { NULL }
  };
  guint day = 0;
  g_auto(GStrv) check = NULL;
  g_auto(GStrv) uncheck = NULL;
  g_auto(GStrv) add_item = NULL;
  g_auto(GStrv) remove_item = NULL;
  GOptionEntry checklist_entries[] = {
    { "check", 0, 0, G_OPTION_ARG_STRING_ARRAY, &check, N_("Tick checklist item N (as “rewire session show” numbers them; may be repeated)"), "N" },
    { "uncheck", 0, 0, G_OPTION_ARG_STRING_ARRAY, &uncheck, N_("Untick checklist item N"), "N" },
    { "add-item", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_item, N_("Add an item to the checklist"), N_("TEXT") },
    { "remove-item", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_item, N_("Remove checklist item N"), "N" },
    { NULL }
  };
  int status;

  context = rw_cli_option_context_new (cli, _("ID"),
                                       mark_done
                                       ? _("Marks a session as done, with any values given "
                                           "(such as --intensity and --side-effects). ID may be "
                                           "the first 8 characters of the id.")
                                       : _("Changes only the values given; an empty value "
                                           "(--note \"\") clears a field. ID may be the first 8 "
                                           "characters of the id."),
                                       entries);
  if (!mark_done)
    g_option_context_add_main_entries (context, done_entry, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, integration_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, checklist_entries, GETTEXT_PACKAGE);
  if (!rw_cli_parse (context, &argc, &argv, 1, _("Give the id of one session."), &status))
    goto out;

  if (day_text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (day_text));

      if (g_strcmp0 (stripped, "1") != 0 && g_strcmp0 (stripped, "2") != 0 &&
          g_strcmp0 (stripped, "3") != 0)
        {
          g_autofree char *valid = g_utf8_make_valid (stripped, -1);

          status = rw_cli_usage_error (_("--day: integration answers are for day 1, 2 or 3 "
                                         "after the session (got “%s”)."), valid);
          goto out;
        }
      day = stripped[0] - '0';
    }
  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    if (answers[p] != NULL && day == 0)
      {
        status = rw_cli_usage_error (_("Say which day after the session the answers are for "
                                       "with --day 1, 2 or 3."));
        goto out;
      }

  db = rw_cli_open_existing_database (cli, &error);
  if (db == NULL ||
      (id = rw_session_sql_resolve_id (db, argv[1], &error)) == NULL ||
      (session = rw_session_sql_load (db, id, &error)) == NULL)
    {
      status = rw_cli_fail_with (error);
      goto out;
    }
  if (mark_done)
    rw_session_set_done (session, TRUE);
  else if (not_done)
    rw_session_set_done (session, FALSE);
  if (!apply_checklist (session, check, uncheck, add_item, remove_item, &error))
    {
      status = rw_cli_fail_with (error);
      goto out;
    }
  /* Only the answers given change; an empty one clears it. */
  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    if (answers[p] != NULL)
      rw_session_set_integration (session, day, p, answers[p]);
  if (!values_apply (&values, session, &error) ||
      !rw_database_write (db, update_cb, session, &error))
    {
      status = rw_cli_fail_with (error);
      goto out;
    }
  g_print ("%s\n", id);
  status = RW_EXIT_OK;

out:
  values_clear (&values);
  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    g_free (answers[p]);
  return status;
}

static int
session_delete (RwCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *id = NULL;
  int status;

  context = rw_cli_option_context_new (cli, _("ID"),
                                       _("Deletes a session for good, with its checklist and "
                                         "integration answers. ID may be the first 8 characters "
                                         "of the id."),
                                       NULL);
  if (!rw_cli_parse (context, &argc, &argv, 1, _("Give the id of one session."), &status))
    return status;

  db = rw_cli_open_existing_database (cli, &error);
  if (db == NULL ||
      (id = rw_session_sql_resolve_id (db, argv[1], &error)) == NULL ||
      !rw_database_write (db, delete_cb, id, &error) ||
      /* Deleted for good: nothing of it left in the index or the log. */
      !rw_check_in_sql_scrub (db, &error))
    return rw_cli_fail_with (error);

  if (rw_backup_count (rw_database_get_data_dir (db)) > 0)
    rw_cli_print_error (_("Rewire's earlier backups still hold this session until they are "
                          "replaced. To remove it from them now, run “rewire backup --renew”."));
  return RW_EXIT_OK;
}

static int
session_list (RwCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *search = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day, YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day, YYYY-MM-DD"), N_("DATE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only sessions whose note, intention or integration answers hold these words"), N_("WORDS") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table (default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *from_date = NULL;
  g_autofree char *to_date = NULL;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Lists sessions, oldest first (scheduled ones last)."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    return rw_cli_usage_error (_("Unknown format “%s”: use table, csv or json."), format);
  if ((from != NULL && !rw_parse_date (from, &from_date, &error)) ||
      (to != NULL && !rw_parse_date (to, &to_date, &error)))
    return rw_cli_fail_with (error);

  /* Listing makes no journal: with none there are no sessions. */
  {
    g_autofree char *dir = rw_cli_resolve_data_dir (cli, &error);
    g_autofree char *path = NULL;

    if (dir == NULL)
      return rw_cli_fail_with (error);
    path = g_build_filename (dir, "journal.db", NULL);
    if (!g_file_test (path, G_FILE_TEST_EXISTS))
      sessions = g_ptr_array_new_with_free_func (g_object_unref);
  }
  if (sessions != NULL)
    ;
  else if ((db = rw_cli_open_readable (cli, TRUE, &error)) == NULL)
    return rw_cli_fail_with (error);
  else if (search != NULL)
    {
      g_autoptr(GPtrArray) found = rw_session_sql_search (db, search, &error);

      if (found == NULL)
        return rw_cli_fail_with (error);
      sessions = g_ptr_array_new_with_free_func (g_object_unref);
      /* Oldest first, as without --search, within --from and --to. */
      for (guint i = found->len; i > 0; i--)
        {
          RwSession *s = found->pdata[i - 1];

          if ((from_date != NULL && strcmp (rw_session_get_date (s), from_date) < 0) ||
              (to_date != NULL && strcmp (rw_session_get_date (s), to_date) > 0))
            continue;
          g_ptr_array_add (sessions, g_object_ref (s));
        }
    }
  else if ((sessions = rw_session_sql_list (db, from_date, to_date, &error)) == NULL)
    return rw_cli_fail_with (error);

  if (format == NULL || g_str_equal (format, "table"))
    print_table (sessions);
  else if (g_str_equal (format, "csv"))
    print_csv (sessions);
  else
    print_json (sessions);
  return RW_EXIT_OK;
}

/* Multi-line text for the terminal: each line indented, every other
 * control character shown as U+FFFD. */
static void
append_block (GString    *out,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      g_string_append (out, "    ");
      append_printable (out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "  %s\n", label);
  append_block (out, value);
}

static int
session_show (RwCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(RwSession) s = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *id = NULL;
  const char *time;
  int status;

  context = rw_cli_option_context_new (cli, _("ID"),
                                       _("Shows everything of one session: its checklist and "
                                         "integration answers too. ID may be the first 8 "
                                         "characters of the id."),
                                       NULL);
  if (!rw_cli_parse (context, &argc, &argv, 1, _("Give the id of one session."), &status))
    return status;

  db = rw_cli_open_readable (cli, TRUE, &error);
  if (db == NULL ||
      (id = rw_session_sql_resolve_id (db, argv[1], &error)) == NULL ||
      (s = rw_session_sql_load (db, id, &error)) == NULL)
    return rw_cli_fail_with (error);

  time = rw_session_get_time (s);
  g_string_append_printf (out, "%s  %s%s%s  %s\n", rw_session_get_id (s), rw_session_get_date (s),
                          time != NULL ? " " : "", time != NULL ? time : "",
                          rw_session_get_done (s) ? _("done") : _("scheduled"));
  g_string_append_printf (out, "  %s: %s\n", _("Route"),
                          rw_session_route_get_label (rw_session_get_route (s)));
  g_string_append_printf (out, "  %s: %s\n", _("Phase"),
                          rw_session_phase_get_label (rw_session_get_phase (s)));
  if (*rw_session_get_provider (s) != '\0')
    {
      g_string_append_printf (out, "  %s: ", _("Provider"));
      append_printable (out, rw_session_get_provider (s));
      g_string_append_c (out, '\n');
    }
  if (*rw_session_get_dose (s) != '\0')
    {
      g_string_append_printf (out, "  %s: ", _("Dose"));
      append_printable (out, rw_session_get_dose (s));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < RW_N_SESSION_VITALS; i++)
    {
      int value = rw_session_get_vital (s, i);

      /* Diastolic goes with its systolic. */
      if (value == RW_SESSION_UNSET || i == RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC ||
          i == RW_SESSION_VITAL_BP_AFTER_DIASTOLIC)
        continue;
      if (i == RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC || i == RW_SESSION_VITAL_BP_AFTER_SYSTOLIC)
        g_string_append_printf (out, "  %s: %d/%d\n",
                                i == RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC
                                ? _("Blood pressure before") : _("Blood pressure after"),
                                value, rw_session_get_vital (s, i + 1));
      else
        g_string_append_printf (out, "  %s: %d\n", rw_session_vital_get_label (i), value);
    }
  if (rw_session_get_intensity (s) != RW_SESSION_UNSET)
    g_string_append_printf (out, "  %s: %d/10\n", _("Intensity"), rw_session_get_intensity (s));
  if (rw_session_get_detached (s) != RW_SESSION_UNSET)
    g_string_append_printf (out, "  %s: %d/10\n", _("How detached it felt"),
                            rw_session_get_detached (s));
  if (rw_session_get_side_effects (s) != 0)
    {
      g_string_append_printf (out, "  %s: ", _("Side effects"));
      for (guint i = 0, n = 0; i < RW_N_SIDE_EFFECTS; i++)
        {
          RwSideEffects one = 1 << i;

          if (!(rw_session_get_side_effects (s) & one))
            continue;
          if (n++ > 0)
            g_string_append (out, ", ");
          g_string_append (out, rw_side_effect_get_label (one));
          if (one == RW_SIDE_EFFECT_OTHER && *rw_session_get_side_effects_other (s) != '\0')
            {
              g_string_append (out, " (");
              append_printable (out, rw_session_get_side_effects_other (s));
              g_string_append (out, ")");
            }
        }
      g_string_append_c (out, '\n');
    }
  append_field (out, _("Intention:"), rw_session_get_intention (s));
  append_field (out, _("Note:"), rw_session_get_note (s));

  if (rw_session_get_n_checklist (s) > 0)
    {
      g_string_append_printf (out, "  %s\n", _("Checklist:"));
      for (guint i = 0; i < rw_session_get_n_checklist (s); i++)
        {
          g_string_append_printf (out, "    %u. %s ", i + 1,
                                  rw_session_get_checklist_checked (s, i) ? "[x]" : "[ ]");
          append_printable (out, rw_session_get_checklist_label (s, i));
          g_string_append_c (out, '\n');
        }
    }
  for (guint day = 1; day <= RW_SESSION_INTEGRATION_DAYS; day++)
    {
      if (!rw_session_has_integration (s, day))
        continue;
      g_string_append_printf (out, "  %s\n", day == 1 ? _("Integration, day 1:")
                                             : day == 2 ? _("Integration, day 2:")
                                             : _("Integration, day 3:"));
      for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
        {
          const char *answer = rw_session_get_integration (s, day, p);

          if (*answer == '\0')
            continue;
          g_string_append_printf (out, "    %s\n", rw_integration_prompt_get_label (p));
          g_string_append (out, "  ");
          append_block (out, answer);
        }
    }

  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  return RW_EXIT_OK;
}

static const struct {
  const char *name;
  const char *parameters;
  const char *summary;
  int (*run) (RwCli *cli, int argc, char **argv);
} subcommands[] = {
  { "add", NULL, N_("Add a session, scheduled or done"), session_add },
  { "list", NULL, N_("List sessions"), session_list },
  { "show", N_("ID"), N_("Show everything of one session"), session_show },
  { "edit", N_("ID"), N_("Change a session"), NULL },
  { "done", N_("ID"), N_("Mark a session as done"), NULL },
  { "delete", N_("ID"), N_("Delete a session"), session_delete },
};

static void
print_session_help (void)
{
  g_print ("%s\n", _("Usage:\n  rewire session SUBCOMMAND [OPTION…]\n\nSubcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", subcommands[i].name,
                                               subcommands[i].parameters != NULL
                                               ? g_dgettext (GETTEXT_PACKAGE, subcommands[i].parameters)
                                               : "");
      g_print ("  %-16s  %s\n", name, g_dgettext (GETTEXT_PACKAGE, subcommands[i].summary));
    }
  g_print ("%s\n", _("\nRun “rewire session SUBCOMMAND --help” for its options."));
}

/**
 * rw_cli_cmd_session:
 *
 * `rewire session SUBCOMMAND …`; argv[0] is "session".
 */
int
rw_cli_cmd_session (RwCli  *cli,
                    int     argc,
                    char  **argv)
{
  /* `rewire session --data-dir DIR list` as well as `rewire session list --data-dir DIR`. */
  while (argc >= 2 && g_str_has_prefix (argv[1], "--data-dir"))
    {
      if (g_str_has_prefix (argv[1], "--data-dir="))
        {
          g_free (cli->data_dir);
          cli->data_dir = g_strdup (argv[1] + strlen ("--data-dir="));
          argv[1] = argv[0];
          argc--;
          argv++;
        }
      else if (g_str_equal (argv[1], "--data-dir") && argc >= 3)
        {
          g_free (cli->data_dir);
          cli->data_dir = g_strdup (argv[2]);
          argv[2] = argv[0];
          argc -= 2;
          argv += 2;
        }
      else
        break;
    }

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      if (argc < 2)
        {
          print_session_help ();
          return RW_EXIT_USAGE;
        }
      print_session_help ();
      return RW_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *prgname = NULL;

      if (!g_str_equal (argv[1], subcommands[i].name))
        continue;
      prgname = g_strdup_printf ("rewire session %s", subcommands[i].name);
      g_set_prgname (prgname);
      if (g_str_equal (subcommands[i].name, "edit"))
        return session_change (cli, argc - 1, argv + 1, FALSE);
      if (g_str_equal (subcommands[i].name, "done"))
        return session_change (cli, argc - 1, argv + 1, TRUE);
      return subcommands[i].run (cli, argc - 1, argv + 1);
    }

  {
    g_autofree char *valid = g_utf8_make_valid (argv[1], -1);

    return rw_cli_usage_error (_("Unknown subcommand “%s”: use add, list, show, edit, done or delete."),
                               valid);
  }
}
