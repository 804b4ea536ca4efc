/* rw-plan-progress.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-plan-progress"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-date.h"
#include "rw-journal-private.h"
#include "rw-plan-progress.h"
#include "rw-plan-sql.h"
#include "rw-series.h"

/**
 * RwPlanProgress:
 *
 * Where a person is in a plan, as the 7-Day Plan view shows it: the
 * active run (if any), what is ticked, the notes, and every command that
 * changes them. It follows the journal: when a check-in, a tag or a
 * breathing session completes a task, the task is ticked and
 * #RwPlanProgress::changed is emitted.
 *
 * Making one reads nothing; the run is read when first asked for.
 */
struct _RwPlanProgress
{
  GObject parent_instance;

  /* Owned */
  RwJournal *journal;
  RwClock *clock;
  RwPlan *plan;
  RwPlanRun *run;          /* the active run, or NULL */
  GHashTable *checks;      /* item id → RwPlanCheck, of @run */

  guint writing;           /* our own writes under way */
  guint tick_id;           /* the first automatic ticks, after the first frame */
  guint loaded : 1;
};

G_DEFINE_FINAL_TYPE (RwPlanProgress, rw_plan_progress, G_TYPE_OBJECT)

G_DEFINE_QUARK (rw-plan-error-quark, rw_plan_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RwDatabase *
get_db (RwPlanProgress *self)
{
  return rw_journal_get_database (self->journal);
}

static void
load (RwPlanProgress *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->run, rw_plan_run_free);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  self->loaded = TRUE;

  self->run = rw_plan_get_active (get_db (self), self->plan, &error);
  if (error != NULL)
    g_warning ("Could not read the plan: %s", error->message);
  if (self->run != NULL)
    self->checks = rw_plan_list_checks (get_db (self), self->run, &error);
  if (error != NULL)
    g_warning ("Could not read the plan's checks: %s", error->message);
  if (self->checks == NULL)
    self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) rw_plan_check_free);
}

/* Ticks what the journal shows done; returns how many it ticked. */
static guint
auto_tick (RwPlanProgress  *self,
           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint ticked;

  if (self->run == NULL)
    return 0;

  self->writing++;
  ticked = rw_plan_refresh (get_db (self), self->plan, self->run, &local_error);
  self->writing--;
  if (local_error != NULL && error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (local_error != NULL)
    g_warning ("Could not tick the plan's tasks: %s", local_error->message);
  if (ticked > 0)
    {
      g_autoptr(GHashTable) checks = rw_plan_list_checks (get_db (self), self->run, NULL);

      if (checks != NULL)
        {
          g_hash_table_unref (self->checks);
          self->checks = g_steal_pointer (&checks);
        }
    }
  return ticked;
}

static guint resync (RwPlanProgress *self, GError **error);

static gboolean
first_tick_cb (gpointer data)
{
  RwPlanProgress *self = data;

  self->tick_id = 0;
  if (self->run != NULL)
    resync (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
ensure_loaded (RwPlanProgress *self)
{
  if (self->loaded)
    return;
  load (self);
  /* What was done while nobody looked is ticked a moment later, when the
   * main loop is idle: reading the plan writes nothing, so the window
   * opening on the plan writes nothing before its first frame. */
  if (self->run != NULL && self->tick_id == 0)
    self->tick_id = g_idle_add_full (G_PRIORITY_LOW, first_tick_cb, self, NULL);
}

/* Reads everything again, ticks what is done, tells the views. */
static guint
resync (RwPlanProgress  *self,
      GError         **error)
{
  guint ticked;

  load (self);
  ticked = auto_tick (self, error);
  g_signal_emit (self, signals[CHANGED], 0);
  return ticked;
}

static void
journal_changed_cb (RwPlanProgress *self,
                    RwJournal      *journal)
{
  /* Our own writes sync once they are all done. */
  if (self->writing > 0 || !self->loaded)
    return;
  resync (self, NULL);
}

static gboolean
require_run (RwPlanProgress  *self,
             GError         **error)
{
  ensure_loaded (self);
  if (self->run != NULL)
    return TRUE;
  g_set_error_literal (error, RW_PLAN_ERROR, RW_PLAN_ERROR_NOT_STARTED,
                       _("The plan has not been started. Start it first."));
  return FALSE;
}

/* Our writes: the journal's changed signals they cause are ignored, and
 * one sync follows when they succeeded. */
static void
begin_write (RwPlanProgress *self)
{
  self->writing++;
}

static gboolean
end_write (RwPlanProgress *self,
           gboolean        ok)
{
  g_assert (self->writing > 0);
  self->writing--;
  if (ok)
    resync (self, NULL);
  return ok;
}

static void
rw_plan_progress_dispose (GObject *object)
{
  RwPlanProgress *self = (RwPlanProgress *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (rw_plan_progress_parent_class)->dispose (object);
}

static void
rw_plan_progress_finalize (GObject *object)
{
  RwPlanProgress *self = (RwPlanProgress *)object;

  g_clear_pointer (&self->run, rw_plan_run_free);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->plan, rw_plan_free);

  G_OBJECT_CLASS (rw_plan_progress_parent_class)->finalize (object);
}

static void
rw_plan_progress_class_init (RwPlanProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rw_plan_progress_dispose;
  object_class->finalize = rw_plan_progress_finalize;

  /**
   * RwPlanProgress::changed:
   *
   * Emitted after the run, its checks or its notes changed, here, in
   * the journal (a task ticked itself) or in another process.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rw_plan_progress_init (RwPlanProgress *self)
{
}

/**
 * rw_plan_progress_new:
 * @journal: the journal the runs are kept in
 * @plan: (transfer full): the plan
 * @clock: what "today" is
 *
 * Returns: (transfer full): the progress through @plan
 */
RwPlanProgress *
rw_plan_progress_new (RwJournal *journal,
                      RwPlan    *plan,
                      RwClock   *clock)
{
  RwPlanProgress *self;

  g_return_val_if_fail (RW_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (RW_IS_CLOCK (clock), NULL);

  self = g_object_new (RW_TYPE_PLAN_PROGRESS, NULL);
  self->journal = g_object_ref (journal);
  self->clock = g_object_ref (clock);
  self->plan = plan;
  g_signal_connect_object (journal, "changed", G_CALLBACK (journal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * rw_plan_progress_get_plan:
 * @self: a #RwPlanProgress
 *
 * Returns: (transfer none): the plan
 */
RwPlan *
rw_plan_progress_get_plan (RwPlanProgress *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), NULL);
  return self->plan;
}

/**
 * rw_plan_progress_get_run:
 * @self: a #RwPlanProgress
 *
 * Returns: (transfer none) (nullable): the active run, or %NULL before the
 *   plan is started and after it is ended
 */
const RwPlanRun *
rw_plan_progress_get_run (RwPlanProgress *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), NULL);
  ensure_loaded (self);
  return self->run;
}

/**
 * rw_plan_progress_get_today:
 * @self: a #RwPlanProgress
 *
 * Returns: today on the progress's clock, as a julian day
 */
guint32
rw_plan_progress_get_today (RwPlanProgress *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), 0);
  return rw_clock_get_day (self->clock);
}

/**
 * rw_plan_progress_get_day:
 * @self: a #RwPlanProgress
 *
 * Returns: the plan's day today: 1–7 while it runs (frozen while paused),
 *   0 with no run or before its first day, 8 once the week is over
 */
guint
rw_plan_progress_get_day (RwPlanProgress *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), 0);
  ensure_loaded (self);
  if (self->run == NULL)
    return 0;
  return rw_plan_run_get_day (self->run, rw_plan_progress_get_today (self));
}

gboolean
rw_plan_progress_get_paused (RwPlanProgress *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  ensure_loaded (self);
  return self->run != NULL && self->run->paused_on != 0;
}

/**
 * rw_plan_progress_start:
 * @self: a #RwPlanProgress
 * @start: the first day (julian)
 * @error: return location for a #GError
 *
 * Starts a new run on @start; an active run is ended first (what was done
 * in it is kept, see rw_plan_progress_list_runs()).
 */
gboolean
rw_plan_progress_start (RwPlanProgress  *self,
                        guint32          start,
                        GError         **error)
{
  g_autoptr(RwPlanRun) run = NULL;

  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  g_return_val_if_fail (start > 0, FALSE);

  begin_write (self);
  run = rw_plan_start (get_db (self), self->plan, start, error);
  return end_write (self, run != NULL);
}

/**
 * rw_plan_progress_restart:
 * @self: a #RwPlanProgress
 * @error: return location for a #GError
 *
 * Starts the plan again from today.
 */
gboolean
rw_plan_progress_restart (RwPlanProgress  *self,
                          GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  return rw_plan_progress_start (self, rw_plan_progress_get_today (self), error);
}

/**
 * rw_plan_progress_pause:
 * @self: a #RwPlanProgress
 * @error: return location for a #GError
 *
 * Freezes the plan on today's day until rw_plan_progress_resume().
 */
gboolean
rw_plan_progress_pause (RwPlanProgress  *self,
                        GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);

  if (!require_run (self, error))
    return FALSE;
  begin_write (self);
  return end_write (self, rw_plan_pause (get_db (self), self->run,
                                         rw_plan_progress_get_today (self), error));
}

/**
 * rw_plan_progress_resume:
 * @self: a #RwPlanProgress
 * @error: return location for a #GError
 *
 * Goes on from the day it was paused on: every later day moves on by the
 * days it waited.
 */
gboolean
rw_plan_progress_resume (RwPlanProgress  *self,
                         GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);

  if (!require_run (self, error))
    return FALSE;
  begin_write (self);
  return end_write (self, rw_plan_resume (get_db (self), self->run,
                                          rw_plan_progress_get_today (self), error));
}

/**
 * rw_plan_progress_shift:
 * @self: a #RwPlanProgress
 * @days: how many days later (negative: earlier)
 * @error: return location for a #GError
 */
gboolean
rw_plan_progress_shift (RwPlanProgress  *self,
                        int              days,
                        GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);

  if (!require_run (self, error))
    return FALSE;
  if (days == 0)
    return TRUE;
  begin_write (self);
  return end_write (self, rw_plan_shift (get_db (self), self->run, days, error));
}

/**
 * rw_plan_progress_end:
 * @self: a #RwPlanProgress
 * @error: return location for a #GError
 *
 * Ends the active run; it stays in the history.
 */
gboolean
rw_plan_progress_end (RwPlanProgress  *self,
                      GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);

  if (!require_run (self, error))
    return FALSE;
  begin_write (self);
  return end_write (self, rw_plan_end (get_db (self), self->run, error));
}

static gboolean
plan_has_item (RwPlan     *plan,
               const char *item)
{
  if (rw_plan_find_task (plan, item, NULL) != NULL)
    return TRUE;
  for (guint i = 0; i < plan->checklist->len; i++)
    if (g_str_equal (((RwPlanItem *) g_ptr_array_index (plan->checklist, i))->id, item))
      return TRUE;
  return FALSE;
}

/**
 * rw_plan_progress_get_checked:
 * @self: a #RwPlanProgress
 * @item: a task's or checklist item's id
 * @source: (out) (optional) (transfer none): what ticked it
 *
 * Returns: whether @item is ticked in the active run
 */
gboolean
rw_plan_progress_get_checked (RwPlanProgress  *self,
                              const char      *item,
                              const char     **source)
{
  RwPlanCheck *check;

  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  ensure_loaded (self);
  check = g_hash_table_lookup (self->checks, item);
  if (source != NULL)
    *source = check != NULL && check->checked > 0 ? check->source : NULL;
  return check != NULL && check->checked > 0;
}

/**
 * rw_plan_progress_set_checked:
 * @self: a #RwPlanProgress
 * @item: a task's or checklist item's id
 * @checked: ticked or not
 * @error: return location for a #GError
 *
 * Ticks or unticks @item by hand. Unticking is remembered: a task the
 * journal shows done is not ticked again by itself.
 */
gboolean
rw_plan_progress_set_checked (RwPlanProgress  *self,
                              const char      *item,
                              gboolean         checked,
                              GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!require_run (self, error))
    return FALSE;
  if (!plan_has_item (self->plan, item))
    {
      g_set_error (error, RW_PLAN_ERROR, RW_PLAN_ERROR_NO_SUCH_ITEM,
                   _("The plan has no step “%s”."), item);
      return FALSE;
    }
  begin_write (self);
  return end_write (self, rw_plan_set_checked (get_db (self), self->run, item, checked,
                                               "manual", error));
}

/**
 * rw_plan_progress_toggle:
 * @self: a #RwPlanProgress
 * @item: a task's or checklist item's id
 * @error: return location for a #GError
 *
 * Ticks @item if it is not ticked, unticks it if it is.
 */
gboolean
rw_plan_progress_toggle (RwPlanProgress  *self,
                         const char      *item,
                         GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  return rw_plan_progress_set_checked (self, item,
                                       !rw_plan_progress_get_checked (self, item, NULL), error);
}

/**
 * rw_plan_progress_dup_note:
 * @self: a #RwPlanProgress
 * @day: 1–7
 *
 * Returns: (transfer full) (nullable): the note of @day in the active run
 */
char *
rw_plan_progress_dup_note (RwPlanProgress *self,
                           guint           day)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), NULL);
  g_return_val_if_fail (day >= 1 && day <= RW_PLAN_DAYS, NULL);

  ensure_loaded (self);
  if (self->run == NULL)
    return NULL;
  return rw_plan_get_note (get_db (self), self->run, day);
}

/**
 * rw_plan_progress_set_note:
 * @self: a #RwPlanProgress
 * @day: 1–7
 * @note: (nullable): the note; empty or %NULL removes it
 * @error: return location for a #GError
 *
 * Nothing is written when the note is what is stored already.
 */
gboolean
rw_plan_progress_set_note (RwPlanProgress  *self,
                           guint            day,
                           const char      *note,
                           GError         **error)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  g_return_val_if_fail (day >= 1 && day <= RW_PLAN_DAYS, FALSE);

  if (!require_run (self, error))
    return FALSE;
  old = rw_plan_get_note (get_db (self), self->run, day);
  if (g_strcmp0 (old != NULL ? old : "", note != NULL ? note : "") == 0)
    return TRUE;
  begin_write (self);
  return end_write (self, rw_plan_set_note (get_db (self), self->run, day, note, error));
}

/**
 * rw_plan_progress_save_reflection:
 * @self: a #RwPlanProgress
 * @task_id: a reflection task
 * @text: what the person wrote
 * @error: return location for a #GError
 *
 * Saves @text as a check-in note now (so that it lives in the journal
 * with the rest) and ticks the task.
 */
gboolean
rw_plan_progress_save_reflection (RwPlanProgress  *self,
                                  const char      *task_id,
                                  const char      *text,
                                  GError         **error)
{
  g_autoptr(RwCheckIn) check_in = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *note = NULL;
  RwPlanTask *task;
  gboolean ok;

  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), FALSE);
  g_return_val_if_fail (task_id != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!require_run (self, error))
    return FALSE;
  task = rw_plan_find_task (self->plan, task_id, NULL);
  if (task == NULL || task->kind != RW_TASK_REFLECTION)
    {
      g_set_error (error, RW_PLAN_ERROR, RW_PLAN_ERROR_NO_SUCH_ITEM,
                   _("The plan has no reflection “%s”."), task_id);
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RW_PLAN_ERROR, RW_PLAN_ERROR_EMPTY,
                           _("The reflection is empty. Write a few words first."));
      return FALSE;
    }

  now = rw_clock_dup_now_local (self->clock);
  note = g_strdup_printf (_("Reflection after the first week: %s"), stripped);
  check_in = rw_check_in_new ();
  rw_check_in_set_date_time (check_in, now);
  rw_check_in_set_note (check_in, note);

  begin_write (self);
  ok = rw_journal_add (self->journal, check_in, error) &&
       rw_plan_set_checked (get_db (self), self->run, task_id, TRUE, "reflection", error);
  ok = end_write (self, ok);
  /* The reflection is a note, with no mood or hope of its own today, but
   * it follows the same rule as every other saved check-in. */
  if (ok)
    rw_journal_offer_help (self->journal, RW_SAFETY_SOURCE_PLAN_REFLECTION, check_in,
                           rw_clock_get_day (self->clock));
  return ok;
}

/**
 * rw_plan_progress_refresh:
 * @self: a #RwPlanProgress
 * @error: return location for a #GError
 *
 * Reads the run again and ticks the tasks the journal shows done (a
 * check-in, a tag on the day, a breathing session long enough). Done on
 * every change of the journal; call it when the day changes.
 *
 * Returns: how many tasks it ticked
 */
guint
rw_plan_progress_refresh (RwPlanProgress  *self,
                          GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), 0);
  return resync (self, error);
}

/**
 * rw_plan_progress_count_tasks:
 * @self: a #RwPlanProgress
 * @done: (out) (optional): ticked tasks of the active run
 * @total: (out) (optional): every task of the plan (not the checklist)
 */
void
rw_plan_progress_count_tasks (RwPlanProgress *self,
                              guint          *done,
                              guint          *total)
{
  guint n_done = 0, n_total = 0;

  g_return_if_fail (RW_IS_PLAN_PROGRESS (self));

  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    for (guint t = 0; t < self->plan->days[d].tasks->len; t++)
      {
        RwPlanTask *task = g_ptr_array_index (self->plan->days[d].tasks, t);

        n_total++;
        if (rw_plan_progress_get_checked (self, task->id, NULL))
          n_done++;
      }
  if (done != NULL)
    *done = n_done;
  if (total != NULL)
    *total = n_total;
}

/**
 * rw_plan_progress_list_runs:
 * @self: a #RwPlanProgress
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RwPlanRun): every run of the
 *   plan, ended ones too, newest first
 */
GPtrArray *
rw_plan_progress_list_runs (RwPlanProgress  *self,
                            GError         **error)
{
  g_return_val_if_fail (RW_IS_PLAN_PROGRESS (self), NULL);
  return rw_plan_list_runs (get_db (self), self->plan, error);
}
