/* rw-plan-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-plan-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-breathing-window.h"
#include "rw-plan-page.h"
#include "rw-plan-task-row.h"

/**
 * RwPlanPage:
 *
 * The 7-Day Plan view: start the week on a chosen day, see where you are
 * with a progress ring, tick tasks (some tick themselves from the
 * journal), write a note per day, pause, shift, restart or end. Gentle by
 * design: no streaks, no red for a missed day.
 *
 * Every command is an action of the `plan` group; the page shows what
 * #RwPlanProgress holds and changes nothing itself. The days are made
 * once from the plan's data and updated in place.
 */
struct _RwPlanPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *scrolled;
  GtkWidget *start_box;
  GtkLabel *plan_title;
  GtkLabel *plan_summary;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkWidget *start_button;
  GtkLabel *history_label;
  GtkWidget *run_box;
  GtkWidget *ring;
  GtkLabel *ring_label;
  GtkLabel *heading_label;
  GtkLabel *dates_label;
  GtkWidget *pause_button;
  GtkRevealer *paused_revealer;
  GtkLabel *paused_label;
  GtkBox *days_box;
  GtkWidget *mood_drops_box;
  GtkLabel *mood_drops_label;
  GtkButton *mood_drops_button;
  AdwPreferencesGroup *checklist_group;

  /* Made from the plan's data */
  GtkWidget *day_cards[RW_PLAN_DAYS];
  AdwEntryRow *note_rows[RW_PLAN_DAYS];
  GHashTable *rows;            /* item id → RwPlanTaskRow */

  /* Owned */
  RwContext *context;
  RwPlanProgress *progress;
  guint32 chosen_start;        /* julian; 0: today */
  guint done;
  guint total;
};

G_DEFINE_FINAL_TYPE (RwPlanPage, rw_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
get_parent_window (RwPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (RwPlanPage   *self,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_parent_window (self),
                                              _("The Plan Could Not Be Saved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The ring: done tasks out of all. The count is a label over it. */
static void
ring_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  RwPlanPage *self = user_data;
  double cx = width / 2.0, cy = height / 2.0, r = MIN (width, height) / 2.0 - 6;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 }, fg = { 0, 0, 0, 1 };

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (area)),
                                  "accent_bg_color", &accent);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  cairo_set_line_width (cr, 8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.1);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_stroke (cr);
  if (self->done > 0)
    {
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
      cairo_arc (cr, cx, cy, r, -G_PI / 2, -G_PI / 2 + 2 * G_PI * self->done / MAX (self->total, 1));
      cairo_stroke (cr);
    }
}

static const char *
task_button_label (RwPlanTask *task)
{
  if (task->link != NULL)
    return _("Read");
  switch (task->kind)
    {
    case RW_TASK_CHECK_IN:
    case RW_TASK_TAG:
      return _("Check In");
    case RW_TASK_BREATHING:
      return _("Breathe");
    case RW_TASK_REFLECTION:
      return _("Write");
    case RW_TASK_MANUAL:
    default:
      return NULL;
    }
}

static char *
task_hint (RwPlanTask *task)
{
  g_autofree char *tags = NULL;

  switch (task->kind)
    {
    case RW_TASK_TAG:
      tags = g_strjoinv (_("” or “"), task->tags);
      return g_strdup_printf (_("Ticks itself when that day's check-in carries “%s”"), tags);
    case RW_TASK_CHECK_IN:
      return g_strdup (_("Ticks itself when you save a check-in"));
    case RW_TASK_BREATHING:
      return g_strdup (_("Ticks itself when a session of that length ends"));
    case RW_TASK_MANUAL:
    case RW_TASK_REFLECTION:
    default:
      return NULL;
    }
}

static void
save_note (RwPlanPage *self,
           guint       day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_rows[day - 1]));

  if (rw_plan_progress_get_run (self->progress) == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.save-note", "(us)", day, text);
}

static void
note_apply_cb (AdwEntryRow *row,
               RwPlanPage  *self)
{
  save_note (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "rw-day")));
}

/* Typing is kept when the focus moves on, not only on Enter. */
static void
note_leave_cb (GtkEventControllerFocus *controller,
               RwPlanPage              *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  save_note (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "rw-day")));
}

static GtkWidget *
make_task_row (RwPlanPage *self,
               const char *id,
               const char *text,
               const char *hint,
               const char *button_label)
{
  GtkWidget *row = rw_plan_task_row_new (id, text, hint, button_label);

  g_hash_table_insert (self->rows, g_strdup (id), row);
  return row;
}

static void
build_days (RwPlanPage *self)
{
  RwPlan *plan = rw_plan_progress_get_plan (self->progress);

  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    {
      RwPlanDay *day = &plan->days[d];
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *note_row = adw_entry_row_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autofree char *title = g_strdup_printf (_("Day %u · %s"), day->number, day->title);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      for (guint t = 0; t < day->tasks->len; t++)
        {
          RwPlanTask *task = g_ptr_array_index (day->tasks, t);
          g_autofree char *hint = task_hint (task);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     make_task_row (self, task->id, task->text, hint,
                                                    task_button_label (task)));
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("A note for this day"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note_row), TRUE);
      g_object_set_data (G_OBJECT (note_row), "rw-day", GUINT_TO_POINTER (day->number));
      g_signal_connect (note_row, "apply", G_CALLBACK (note_apply_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (note_leave_cb), self);
      gtk_widget_add_controller (note_row, focus);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note_row);

      gtk_box_append (self->days_box, group);
      self->day_cards[d] = group;
      self->note_rows[d] = ADW_ENTRY_ROW (note_row);
    }

  for (guint i = 0; i < plan->checklist->len; i++)
    {
      RwPlanItem *item = g_ptr_array_index (plan->checklist, i);

      adw_preferences_group_add (self->checklist_group,
                                 make_task_row (self, item->id, item->text, NULL, NULL));
    }
}

static void
update_start (RwPlanPage *self)
{
  g_autoptr(GPtrArray) runs = NULL;
  guint32 today = rw_plan_progress_get_today (self->progress);
  guint32 start = self->chosen_start != 0 ? self->chosen_start : today;
  g_autofree char *iso = rw_date_to_iso (start);

  if (start == today)
    gtk_menu_button_set_label (self->date_button, _("Today"));
  else
    {
      g_autofree char *label = rw_date_format (start, "%A %-d %B");
      gtk_menu_button_set_label (self->date_button, label);
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "s", iso);

  runs = rw_plan_progress_list_runs (self->progress, NULL);
  if (runs != NULL && runs->len > 0)
    {
      RwPlanRun *last = g_ptr_array_index (runs, 0);
      g_autofree char *when = rw_date_format (last->start, "%-d %B %Y");
      g_autofree char *text = NULL;

      /* "Once" in its own string: a plural form must use every argument. */
      if (runs->len == 1)
        text = g_strdup_printf (_("You have been through it once, last from %s. What you did "
                                  "then is kept."), when);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "You have been through it %u time, last from %s. "
                                             "What you did then is kept.",
                                             "You have been through it %u times, last from %s. "
                                             "What you did then is kept.",
                                             runs->len), runs->len, when);

      gtk_label_set_label (self->history_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_label), runs != NULL && runs->len > 0);
}

static void
update_header (RwPlanPage      *self,
               const RwPlanRun *run,
               guint            day)
{
  g_autofree char *heading = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *first = rw_date_format (run->start, "%-d %b");
  g_autofree char *last = rw_date_format (run->start + RW_PLAN_DAYS - 1, "%-d %b");
  g_autofree char *count = g_strdup_printf ("%u/%u", self->done, self->total);
  g_autofree char *count_a11y = g_strdup_printf (_("%u of %u tasks done"), self->done, self->total);
  gboolean paused = run->paused_on != 0;

  if (paused)
    heading = g_strdup_printf (_("Paused on day %u"), CLAMP (day, 1u, 7u));
  else if (day == 0)
    {
      g_autofree char *when = rw_date_format (run->start, "%A %-d %B");
      heading = g_strdup_printf (_("Starts %s"), when);
    }
  else if (day > RW_PLAN_DAYS)
    heading = g_strdup (_("Your week is complete"));
  else
    heading = g_strdup_printf (_("Day %u of 7"), day);
  gtk_label_set_label (self->heading_label, heading);

  dates = g_strdup_printf (_("%s – %s. A missed day simply waits for you."), first, last);
  gtk_label_set_label (self->dates_label, dates);

  gtk_label_set_label (self->ring_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ring_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  count_a11y, -1);
  gtk_widget_queue_draw (self->ring);

  gtk_widget_set_visible (self->pause_button, !paused);
  if (paused)
    {
      g_autofree char *text = g_strdup_printf (_("Paused on day %u. Nothing is lost while it "
                                                 "waits; resume when you are ready."),
                                               CLAMP (day, 1u, 7u));
      gtk_label_set_label (self->paused_label, text);
    }
  gtk_revealer_set_reveal_child (self->paused_revealer, paused);
}

static gboolean
contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
update_days (RwPlanPage      *self,
             const RwPlanRun *run,
             guint            current)
{
  RwPlan *plan = rw_plan_progress_get_plan (self->progress);
  GHashTableIter iter;
  gpointer row;

  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    {
      RwPlanDay *day = &plan->days[d];
      g_autofree char *description = NULL;
      AdwEntryRow *note_row = self->note_rows[d];

      /* The day's date, then why the step matters, under the title. */
      if (run != NULL)
        {
          g_autofree char *when = rw_date_format (rw_plan_run_get_date ((RwPlanRun *) run, day->number),
                                              "%A %-d %B");
          g_autofree char *date = day->number == current ? g_strdup_printf (_("Today, %s"), when)
                                                         : g_strdup (when);
          description = g_strdup_printf ("%s\n%s", date, day->why);
        }
      else
        description = g_strdup (day->why);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->day_cards[d]), description);
      if (day->number == current)
        gtk_widget_add_css_class (self->day_cards[d], "current-day");
      else
        gtk_widget_remove_css_class (self->day_cards[d], "current-day");

      gtk_widget_set_visible (GTK_WIDGET (note_row), run != NULL);
      /* What the person is typing is theirs until it is saved. */
      if (run != NULL && !contains_focus (GTK_WIDGET (note_row)))
        {
          g_autofree char *note = rw_plan_progress_dup_note (self->progress, day->number);

          gtk_editable_set_text (GTK_EDITABLE (note_row), note != NULL ? note : "");
        }
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    rw_plan_task_row_set_checked (row, rw_plan_progress_get_checked (self->progress,
                                                                     rw_plan_task_row_get_item_id (row),
                                                                     NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group), run != NULL);
}

static void
update_actions (RwPlanPage      *self,
                const RwPlanRun *run)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean paused = run != NULL && run->paused_on != 0;

  gtk_widget_action_set_enabled (widget, "plan.pause", run != NULL && !paused);
  gtk_widget_action_set_enabled (widget, "plan.resume", paused);
  gtk_widget_action_set_enabled (widget, "plan.shift", run != NULL);
  gtk_widget_action_set_enabled (widget, "plan.restart", run != NULL);
  gtk_widget_action_set_enabled (widget, "plan.end", run != NULL);
  gtk_widget_action_set_enabled (widget, "plan.tick", run != NULL);
  gtk_widget_action_set_enabled (widget, "plan.save-note", run != NULL);
  gtk_widget_action_set_enabled (widget, "plan.open-task", run != NULL);
  gtk_widget_action_set_enabled (widget, "plan.save-reflection", run != NULL);
}

static void
update (RwPlanPage *self)
{
  const RwPlanRun *run = rw_plan_progress_get_run (self->progress);
  guint day = rw_plan_progress_get_day (self->progress);

  rw_plan_progress_count_tasks (self->progress, &self->done, &self->total);
  gtk_widget_set_visible (self->start_box, run == NULL);
  gtk_widget_set_visible (self->run_box, run != NULL);
  if (run == NULL)
    {
      update_start (self);
      gtk_revealer_set_reveal_child (self->paused_revealer, FALSE);
    }
  else
    update_header (self, run, day);
  update_days (self, run, run != NULL && run->paused_on == 0 ? day : run != NULL ? CLAMP (day, 1u, 7u) : 0);
  update_actions (self, run);
}

static void
calendar_day_selected_cb (RwPlanPage *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);

  self->chosen_start = rw_date_from_date_time (dt);
  gtk_menu_button_popdown (self->date_button);
  update_start (self);
}

static void
open_breathing (RwPlanPage *self,
                guint       minutes)
{
  RwBreathingWindow *window = rw_breathing_window_new (self->context, get_parent_window (self), minutes);

  gtk_window_present (GTK_WINDOW (window));
}

static void
reflection_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RwPlanPage       *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "rw-buffer");
  const char *task = g_object_get_data (G_OBJECT (dialog), "rw-task");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "save"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.save-reflection", "(ss)", task, text);
}

static void
open_reflection (RwPlanPage *self,
                 RwPlanTask *task)
{
  AdwMessageDialog *dialog;
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self),
                                                       _("Look Back on the Week"), task->prompt));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your reflection"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save to Journal"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "rw-buffer", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_object_set_data_full (G_OBJECT (dialog), "rw-task", g_strdup (task->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reflection_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RwPlanPage *self = RW_PLAN_PAGE (widget);
  guint32 start = rw_date_from_iso (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (start == 0)
    start = rw_plan_progress_get_today (self->progress);
  if (!rw_plan_progress_start (self->progress, start, &error))
    show_error (self, error);
  self->chosen_start = 0;
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RwPlanPage *self = RW_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (action_name, "plan.pause"))
    ok = rw_plan_progress_pause (self->progress, &error);
  else if (g_str_equal (action_name, "plan.resume"))
    ok = rw_plan_progress_resume (self->progress, &error);
  else if (g_str_equal (action_name, "plan.shift"))
    ok = rw_plan_progress_shift (self->progress, g_variant_get_int32 (parameter), &error);
  else if (g_str_equal (action_name, "plan.restart"))
    ok = rw_plan_progress_restart (self->progress, &error);
  else if (g_str_equal (action_name, "plan.end"))
    ok = rw_plan_progress_end (self->progress, &error);
  else
    g_assert_not_reached ();
  if (!ok)
    show_error (self, error);
}

static void
tick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwPlanPage *self = RW_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rw_plan_progress_toggle (self->progress, g_variant_get_string (parameter, NULL), &error))
    show_error (self, error);
  /* A check button may have ticked itself before the action ran: show
   * what is stored, also when the write failed. */
  update (self);
}

static void
save_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RwPlanPage *self = RW_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *note;
  guint day;

  g_variant_get (parameter, "(u&s)", &day, &note);
  if (day < 1 || day > RW_PLAN_DAYS)
    return;
  if (!rw_plan_progress_set_note (self->progress, day, note, &error))
    show_error (self, error);
}

static void
save_reflection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RwPlanPage *self = RW_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *task, *text;

  g_variant_get (parameter, "(&s&s)", &task, &text);
  if (!rw_plan_progress_save_reflection (self->progress, task, text, &error) &&
      !g_error_matches (error, RW_PLAN_ERROR, RW_PLAN_ERROR_EMPTY))
    show_error (self, error);
}

static void
open_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RwPlanPage *self = RW_PLAN_PAGE (widget);
  RwPlanTask *task = rw_plan_find_task (rw_plan_progress_get_plan (self->progress),
                                        g_variant_get_string (parameter, NULL), NULL);

  if (task == NULL)
    return;
  if (task->link != NULL)
    gtk_widget_activate_action (widget, "win.open-link", "s", task->link);
  else if (task->kind == RW_TASK_CHECK_IN || task->kind == RW_TASK_TAG)
    gtk_widget_activate_action (widget, "win.new-check-in", NULL);
  else if (task->kind == RW_TASK_BREATHING)
    open_breathing (self, task->minutes);
  else if (task->kind == RW_TASK_REFLECTION)
    open_reflection (self, task);
}

static void
rw_plan_page_constructed (GObject *object)
{
  RwPlanPage *self = (RwPlanPage *)object;
  g_autoptr(GError) error = NULL;
  RwPlan *plan;

  G_OBJECT_CLASS (rw_plan_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  plan = rw_plan_load ("starter-week", &error);
  if (plan == NULL)
    g_error ("The plan data is missing from the build: %s", error->message);

  self->progress = rw_plan_progress_new (rw_context_get_journal (self->context), plan,
                                         rw_context_get_clock (self->context));
  g_signal_connect_object (self->progress, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->plan_title, plan->title);
  gtk_label_set_label (self->plan_summary, plan->summary);
  if (plan->mood_drops != NULL)
    {
      gtk_label_set_label (self->mood_drops_label, plan->mood_drops);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->mood_drops_button), "s",
                                        plan->mood_drops_link);
      gtk_widget_set_visible (self->mood_drops_box, TRUE);
    }
  build_days (self);
  update (self);
}

static void
rw_plan_page_dispose (GObject *object)
{
  RwPlanPage *self = (RwPlanPage *)object;

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);

  /* A note being typed when the window closes is kept. */
  if (self->progress != NULL && rw_plan_progress_get_run (self->progress) != NULL)
    for (guint d = 0; d < RW_PLAN_DAYS; d++)
      if (self->note_rows[d] != NULL)
        {
          g_autoptr(GError) error = NULL;
          const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_rows[d]));

          if (!rw_plan_progress_set_note (self->progress, d + 1, text, &error))
            g_warning ("Could not save the note of day %u: %s", d + 1, error->message);
        }

  memset (self->note_rows, 0, sizeof self->note_rows);
  memset (self->day_cards, 0, sizeof self->day_cards);
  g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_PLAN_PAGE);
  g_clear_object (&self->progress);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_plan_page_parent_class)->dispose (object);
}

static void
rw_plan_page_finalize (GObject *object)
{
  RwPlanPage *self = (RwPlanPage *)object;

  g_hash_table_unref (self->rows);

  G_OBJECT_CLASS (rw_plan_page_parent_class)->finalize (object);
}

static void
rw_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RwPlanPage *self = RW_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RwPlanPage *self = RW_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_plan_page_class_init (RwPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_plan_page_constructed;
  object_class->dispose = rw_plan_page_dispose;
  object_class->finalize = rw_plan_page_finalize;
  object_class->get_property = rw_plan_page_get_property;
  object_class->set_property = rw_plan_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, start_box);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, plan_title);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, plan_summary);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, history_label);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, run_box);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, ring);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, ring_label);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, dates_label);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, paused_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, paused_label);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, mood_drops_box);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, mood_drops_label);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, mood_drops_button);
  gtk_widget_class_bind_template_child (widget_class, RwPlanPage, checklist_group);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "plan.start", "s", start_action);
  gtk_widget_class_install_action (widget_class, "plan.pause", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "plan.resume", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "plan.shift", "i", run_action);
  gtk_widget_class_install_action (widget_class, "plan.restart", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "plan.end", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "plan.tick", "s", tick_action);
  gtk_widget_class_install_action (widget_class, "plan.save-note", "(us)", save_note_action);
  gtk_widget_class_install_action (widget_class, "plan.save-reflection", "(ss)", save_reflection_action);
  gtk_widget_class_install_action (widget_class, "plan.open-task", "s", open_task_action);

  g_type_ensure (RW_TYPE_PLAN_TASK_ROW);
}

static void
rw_plan_page_init (RwPlanPage *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->ring), ring_draw_cb, self, NULL);
}

/**
 * rw_plan_page_new:
 * @context: what the page shows
 *
 * Returns: (transfer floating): the 7-Day Plan view
 */
RwPlanPage *
rw_plan_page_new (RwContext *context)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_PLAN_PAGE, "context", context, NULL);
}

RwPlanProgress *
rw_plan_page_get_progress (RwPlanPage *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  return self->progress;
}

void
rw_plan_page_refresh (RwPlanPage *self)
{
  g_return_if_fail (RW_IS_PLAN_PAGE (self));
  rw_plan_progress_refresh (self->progress, NULL);
}

GtkWidget *
rw_plan_page_get_start_button (RwPlanPage *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  return self->start_button;
}

RwPlanTaskRow *
rw_plan_page_get_task_row (RwPlanPage *self,
                           const char *id)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  return g_hash_table_lookup (self->rows, id);
}

GtkWidget *
rw_plan_page_get_day_card (RwPlanPage *self,
                           guint       day)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  g_return_val_if_fail (day >= 1 && day <= RW_PLAN_DAYS, NULL);
  return self->day_cards[day - 1];
}

AdwEntryRow *
rw_plan_page_get_note_row (RwPlanPage *self,
                           guint       day)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  g_return_val_if_fail (day >= 1 && day <= RW_PLAN_DAYS, NULL);
  return self->note_rows[day - 1];
}

const char *
rw_plan_page_get_ring_text (RwPlanPage *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  return gtk_label_get_label (self->ring_label);
}

const char *
rw_plan_page_get_heading (RwPlanPage *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  return gtk_label_get_label (self->heading_label);
}

gboolean
rw_plan_page_get_paused_shown (RwPlanPage *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->paused_revealer);
}

/**
 * rw_plan_page_get_mood_drops_button:
 * @self: a #RwPlanPage
 *
 * Returns: (transfer none): the button of the plan's "if your mood
 *   drops" note; visible when the plan has one
 */
GtkButton *
rw_plan_page_get_mood_drops_button (RwPlanPage *self)
{
  g_return_val_if_fail (RW_IS_PLAN_PAGE (self), NULL);
  return self->mood_drops_button;
}
