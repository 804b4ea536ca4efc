/* rw-around-sessions.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A metric around treatment sessions. Each done session is a line of the
 * day means from 7 days before it to 14 after (days without a check-in
 * are gaps); the mean line is, for each day, the mean over the sessions
 * with a value that day, and says how many they are. The numbers before
 * and after a session are the plain means of the days with a value in
 * the 7 days before (the session day not among them) and in the 7 days
 * after; when the next session comes within those 7 days, the window
 * after ends the day before it, so that what follows one session is not
 * counted for the one before. Fewer than 3 days on a side and there are
 * no numbers.
 *
 * A week of days is far too few for the chance check of the insights
 * (14 days on each side, see rw-series.c), so a single session's numbers
 * are always an observation. Over all the sessions shown, the days in a
 * window after a session are compared with those in a window before one
 * (and after none) by that same check; only when it supports a
 * difference do the words say "higher" or "lower".
 */
#define G_LOG_DOMAIN "rw-around"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "rw-around-sessions-sql.h"
#include "rw-date.h"
#include "rw-session.h"
#include "rw-series-sql.h"

struct _RwAround
{
  gatomicrefcount ref_count;
  RwSeries     *series;
  RwSeriesKind  kind;
  RwAroundPhase phase;
  GArray       *sessions;                  /* RwAroundSession */
  double        mean[RW_AROUND_N_OFFSETS];
  guint         count[RW_AROUND_N_OFFSETS];
  gboolean      has_comparison;
  RwAssociation comparison;
};

static const char * const phase_names[] = { "all", "induction", "booster" };

RwSessionMark *
rw_session_mark_new (guint32     day,
                     const char *phase,
                     const char *route,
                     gboolean    done)
{
  RwSessionMark *mark = g_new0 (RwSessionMark, 1);

  mark->day = day;
  mark->phase = g_strdup (phase != NULL ? phase : "other");
  mark->route = g_strdup (route != NULL ? route : "other");
  mark->done = !!done;
  return mark;
}

void
rw_session_mark_free (RwSessionMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->time);
  g_free (mark->phase);
  g_free (mark->route);
  g_free (mark);
}

const char *
rw_session_phase_label (const char *phase)
{
  RwSessionPhase value = RW_SESSION_PHASE_OTHER;

  if (phase != NULL)
    rw_session_phase_from_string (phase, &value);
  return rw_session_phase_get_label (value);
}

const char *
rw_session_route_label (const char *route)
{
  RwSessionRoute value = RW_SESSION_ROUTE_OTHER;

  if (route != NULL)
    rw_session_route_from_string (route, &value);
  return rw_session_route_get_label (value);
}

char *
rw_session_mark_describe (const RwSessionMark *mark)
{
  g_return_val_if_fail (mark != NULL, NULL);

  if (mark->done)
    /* Translators: a treatment session on a chart: its phase and route */
    return g_strdup_printf (_("Session: %s, %s"), rw_session_phase_label (mark->phase),
                            rw_session_route_label (mark->route));
  return g_strdup_printf (_("Scheduled session: %s, %s"), rw_session_phase_label (mark->phase),
                          rw_session_route_label (mark->route));
}

void
rw_session_marks_add_to_chart (GPtrArray *marks,
                               RwChart   *chart)
{
  g_return_if_fail (chart != NULL);

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const RwSessionMark *mark = g_ptr_array_index (marks, i);
      g_autofree char *text = rw_session_mark_describe (mark);

      rw_chart_add_session_marker (chart, mark->day, text, !mark->done);
    }
}

const char *
rw_around_phase_get_name (RwAroundPhase phase)
{
  g_return_val_if_fail (phase <= RW_AROUND_PHASE_BOOSTER, NULL);
  return phase_names[phase];
}

gboolean
rw_around_phase_from_name (const char    *name,
                           RwAroundPhase *phase)
{
  for (guint i = 0; i < G_N_ELEMENTS (phase_names); i++)
    if (g_strcmp0 (name, phase_names[i]) == 0)
      {
        *phase = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
phase_matches (RwAroundPhase  phase,
               const char    *name)
{
  switch (phase)
    {
    case RW_AROUND_PHASE_INDUCTION:
      return g_strcmp0 (name, "induction") == 0;
    case RW_AROUND_PHASE_BOOSTER:
      return g_strcmp0 (name, "booster") == 0;
    case RW_AROUND_PHASE_ALL:
    default:
      return TRUE;
    }
}

static double
value_on (RwAround *self,
          gint64    day)
{
  guint32 first = rw_series_get_first (self->series);

  if (day < first || day > rw_series_get_last (self->series))
    return NAN;
  return rw_series_get_value (self->series, self->kind, (guint) (day - first));
}

/* The mean of the days with a value in [@from, @to]. */
static double
window_mean (RwAround *self,
             gint64    from,
             gint64    to,
             guint    *n)
{
  double sum = 0;

  *n = 0;
  for (gint64 d = from; d <= to; d++)
    {
      double v = value_on (self, d);

      if (!isnan (v))
        {
          sum += v;
          (*n)++;
        }
    }
  return *n > 0 ? sum / *n : NAN;
}

static void
clear_session (gpointer data)
{
  RwAroundSession *s = data;

  g_free (s->phase);
  g_free (s->route);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const RwSessionMark *x = *(RwSessionMark **) a;
  const RwSessionMark *y = *(RwSessionMark **) b;

  return (x->day > y->day) - (x->day < y->day);
}

/* Days in a window after a shown session are "with" (1), those in a
 * window before one and after none "without" (0); session days neither. */
static void
compare_windows (RwAround  *self,
                 GPtrArray *done)
{
  guint32 first = rw_series_get_first (self->series);
  guint n = rw_series_get_n_days (self->series);
  g_autofree gint8 *side = g_new (gint8, n);

  memset (side, -1, n);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->sessions->len; i++)
      {
        const RwAroundSession *s = &g_array_index (self->sessions, RwAroundSession, i);
        gint64 from = pass == 0 ? (gint64) s->day - RW_AROUND_WINDOW : (gint64) s->day + 1;
        gint64 to = pass == 0 ? (gint64) s->day - 1 : (gint64) s->day + s->after_window;

        for (gint64 d = from; d <= to; d++)
          if (d >= first && d - first < n)
            side[d - first] = pass;
      }
  for (guint i = 0; i < done->len; i++)
    {
      const RwSessionMark *mark = g_ptr_array_index (done, i);

      if (mark->day >= first && mark->day - first < n)
        side[mark->day - first] = -1;
    }
  self->has_comparison = rw_series_compare_days (self->series, self->kind, side,
                                                 &self->comparison);
}

/**
 * rw_around_new:
 * @series: day means covering the days around @marks
 * @marks: (element-type RwSessionMark): sessions; only the done ones count
 * @kind: the metric
 * @phase: which sessions are lines
 *
 * Returns: (transfer full): the metric around each done session of @phase
 */
RwAround *
rw_around_new (RwSeries      *series,
               GPtrArray     *marks,
               RwSeriesKind   kind,
               RwAroundPhase  phase)
{
  RwAround *self;
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  double sum[RW_AROUND_N_OFFSETS] = { 0 };

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (kind < RW_N_SERIES, NULL);

  self = g_new0 (RwAround, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->series = rw_series_ref (series);
  self->kind = kind;
  self->phase = phase;
  self->sessions = g_array_new (FALSE, TRUE, sizeof (RwAroundSession));
  g_array_set_clear_func (self->sessions, clear_session);

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    if (((RwSessionMark *) g_ptr_array_index (marks, i))->done)
      g_ptr_array_add (done, g_ptr_array_index (marks, i));
  g_ptr_array_sort (done, compare_marks);

  for (guint i = 0; i < done->len; i++)
    {
      const RwSessionMark *mark = g_ptr_array_index (done, i);
      RwAroundSession s = { 0 };

      if (!phase_matches (phase, mark->phase))
        continue;
      s.id = mark->id;
      s.day = mark->day;
      s.phase = g_strdup (mark->phase);
      s.route = g_strdup (mark->route);
      s.after_window = RW_AROUND_WINDOW;
      /* The next done session of any phase, on a later day. */
      for (guint j = i + 1; j < done->len; j++)
        {
          guint32 next = ((RwSessionMark *) g_ptr_array_index (done, j))->day;

          if (next > mark->day)
            {
              s.after_window = MIN (RW_AROUND_WINDOW, next - mark->day - 1);
              break;
            }
        }
      for (int o = 0; o < RW_AROUND_N_OFFSETS; o++)
        {
          s.values[o] = value_on (self, (gint64) mark->day + RW_AROUND_FIRST_OFFSET + o);
          if (!isnan (s.values[o]))
            {
              sum[o] += s.values[o];
              self->count[o]++;
            }
        }
      s.before_mean = window_mean (self, (gint64) mark->day - RW_AROUND_WINDOW,
                                   (gint64) mark->day - 1, &s.before_days);
      s.after_mean = window_mean (self, (gint64) mark->day + 1,
                                  (gint64) mark->day + s.after_window, &s.after_days);
      s.shown = s.before_days >= RW_AROUND_MIN_DAYS && s.after_days >= RW_AROUND_MIN_DAYS;
      g_array_append_val (self->sessions, s);
    }
  for (int o = 0; o < RW_AROUND_N_OFFSETS; o++)
    self->mean[o] = self->count[o] > 0 ? sum[o] / self->count[o] : NAN;

  compare_windows (self, done);
  return self;
}

RwAround *
rw_around_ref (RwAround *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rw_around_unref (RwAround *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->sessions);
  rw_series_unref (self->series);
  g_free (self);
}

RwSeriesKind
rw_around_get_kind (RwAround *self)
{
  g_return_val_if_fail (self != NULL, RW_SERIES_MOOD);
  return self->kind;
}

RwAroundPhase
rw_around_get_phase (RwAround *self)
{
  g_return_val_if_fail (self != NULL, RW_AROUND_PHASE_ALL);
  return self->phase;
}

guint
rw_around_get_n_sessions (RwAround *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sessions->len;
}

const RwAroundSession *
rw_around_get_session (RwAround *self,
                       guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sessions->len, NULL);
  return &g_array_index (self->sessions, RwAroundSession, index);
}

double
rw_around_get_mean (RwAround *self,
                    int       offset,
                    guint    *n_sessions)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (offset >= RW_AROUND_FIRST_OFFSET && offset <= RW_AROUND_LAST_OFFSET, NAN);

  if (n_sessions != NULL)
    *n_sessions = self->count[offset - RW_AROUND_FIRST_OFFSET];
  return self->mean[offset - RW_AROUND_FIRST_OFFSET];
}

const RwAssociation *
rw_around_get_comparison (RwAround *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->has_comparison ? &self->comparison : NULL;
}

static char *
days_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n), n);
}

/**
 * rw_around_describe_session:
 * @self: the series around sessions
 * @index: which session
 *
 * Returns: (transfer full): the session's numbers before and after, as an
 *   observation, or why there are none
 */
char *
rw_around_describe_session (RwAround *self,
                            guint     index)
{
  const RwAroundSession *s;
  g_autofree char *before_days = NULL;
  g_autofree char *after_days = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sessions->len, NULL);

  s = &g_array_index (self->sessions, RwAroundSession, index);
  if (!s->shown)
    return g_strdup_printf (_("Too few days with a check-in to compare: %u of the 7 days "
                              "before, %u of the %u days after (at least %u on each side)"),
                            s->before_days, s->after_days, s->after_window, RW_AROUND_MIN_DAYS);

  before_days = days_text (s->before_days);
  after_days = days_text (s->after_days);
  /* Translators: "7 days before: mean 4.2 (6 days)" */
  before = g_strdup_printf (_("7 days before: mean %.1f (%s)"), s->before_mean, before_days);
  if (s->after_window == RW_AROUND_WINDOW)
    after = g_strdup_printf (_("7 days after: mean %.1f (%s)"), s->after_mean, after_days);
  else
    after = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u day after, until the next session: mean %.1f (%s)",
                                          "%u days after, until the next session: mean %.1f (%s)",
                                          s->after_window),
                             s->after_window, s->after_mean, after_days);
  return g_strdup_printf ("%s; %s", before, after);
}

/**
 * rw_around_describe:
 * @self: the series around sessions
 *
 * Returns: (transfer full) (nullable): what the chart shows over all its
 *   sessions, in words
 */
char *
rw_around_describe (RwAround *self)
{
  const RwAssociation *c;
  const char *label;
  g_autofree char *sessions = NULL;
  g_autofree char *with_days = NULL;
  g_autofree char *without_days = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->sessions->len == 0)
    return NULL;
  label = rw_series_kind_get_label (self->kind);
  sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions",
                                           self->sessions->len),
                              self->sessions->len);
  c = rw_around_get_comparison (self);
  if (c == NULL)
    /* Translators: "Mood around 3 sessions: …" */
    return g_strdup_printf (_("%s around %s: each faint line is one session, the bold line their "
                              "mean. Once there are %u days with a check-in before and after "
                              "sessions, Rewire checks whether a difference stands out from chance."),
                            label, sessions, RW_INSIGHT_MIN_DAYS);

  with_days = days_text (c->with_days);
  without_days = days_text (c->without_days);
  if (c->supported && c->with_mean > c->without_mean)
    return g_strdup_printf (_("%s around %s: higher in the days after a session (mean %.1f, %s) "
                              "than in the days before (mean %.1f, %s), by more than chance "
                              "usually gives in your journal."),
                            label, sessions, c->with_mean, with_days, c->without_mean, without_days);
  if (c->supported)
    return g_strdup_printf (_("%s around %s: lower in the days after a session (mean %.1f, %s) "
                              "than in the days before (mean %.1f, %s), by more than chance "
                              "usually gives in your journal."),
                            label, sessions, c->with_mean, with_days, c->without_mean, without_days);
  return g_strdup_printf (_("%s around %s: days before a session: mean %.1f (%s); days after: "
                            "mean %.1f (%s). An observation: the difference is within what "
                            "chance gives in your journal."),
                          label, sessions, c->without_mean, without_days, c->with_mean, with_days);
}

GPtrArray *
rw_session_marks_load (RwDatabase  *db,
                       guint32      first,
                       guint32      last,
                       gboolean     done_only,
                       GError     **error)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_session_mark_free);
  g_autoptr(RwStmt) stmt = NULL;
  g_autofree char *from = rw_date_to_iso (first > 0 ? first : 1);
  g_autofree char *to = last > 0 ? rw_date_to_iso (last) : g_strdup ("9999-12-31");
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);

  stmt = rw_database_prepare (db, "SELECT id, date, time, phase, route, done FROM sessions "
                                  "WHERE hidden = 0 AND date BETWEEN ?1 AND ?2 "
                                  "AND (?3 = 0 OR done = 1) ORDER BY date, time, created, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, done_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 day = rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 1));
      RwSessionMark *mark;

      if (day == 0)
        continue;
      mark = rw_session_mark_new (day, (const char *) sqlite3_column_text (stmt, 3),
                                  (const char *) sqlite3_column_text (stmt, 4),
                                  sqlite3_column_int (stmt, 5) != 0);
      mark->id = sqlite3_column_int64 (stmt, 0);
      mark->time = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (marks, mark);
    }
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("read the sessions for the chart"), error);
      return NULL;
    }
  return g_steal_pointer (&marks);
}

RwAround *
rw_around_load (RwDatabase     *db,
                RwSeriesKind    kind,
                RwAroundPhase   phase,
                GError        **error)
{
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(RwSeries) series = NULL;
  guint32 first = 0, last = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);

  marks = rw_session_marks_load (db, 0, 0, TRUE, error);
  if (marks == NULL)
    return NULL;
  if (marks->len > 0)
    {
      first = ((RwSessionMark *) g_ptr_array_index (marks, 0))->day + RW_AROUND_FIRST_OFFSET;
      last = ((RwSessionMark *) g_ptr_array_index (marks, marks->len - 1))->day + RW_AROUND_LAST_OFFSET;
    }
  else
    first = last = rw_date_today ();
  series = rw_series_load (db, first, last, error);
  if (series == NULL)
    return NULL;
  return rw_around_new (series, marks, kind, phase);
}
