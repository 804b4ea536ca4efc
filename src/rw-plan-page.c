/* rw-plan-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 7-Day Plan view: start the week on a chosen day, see where you are
 * with a progress ring, tick tasks (some tick themselves from the
 * journal), write a note per day, pause, shift or restart. Gentle by
 * design: no streaks, no red for a missed day.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rw-breathing-window.h"
#include "rw-plan-page.h"

struct _RwPlanPage
{
  GtkWidget parent_instance;

  RwCheckInStore *store;
  RwClock *clock;
  RwPlan *plan;
  RwPlanRun *run;
  guint32 chosen_start;
  gboolean updating;
  guint refresh_id;

  GtkWidget *scrolled;
  GtkWidget *content;          /* rebuilt when the state changes */
  GtkWidget *start_button;
  GtkWidget *ring;
  GHashTable *checks;          /* item id → GtkCheckButton */
  GHashTable *buttons;         /* task id → GtkButton */
  GtkWidget *day_cards[RW_PLAN_DAYS];
};

G_DEFINE_FINAL_TYPE (RwPlanPage, rw_plan_page, GTK_TYPE_WIDGET)

static void rebuild (RwPlanPage *self);

static RwDatabase *
get_db (RwPlanPage *self)
{
  return rw_check_in_store_get_database (self->store);
}

static guint32
today (RwPlanPage *self)
{
  g_autofree char *iso = rw_clock_dup_today (self->clock);
  return rw_julian_from_iso (iso);
}

static char *
format_day (guint32     julian,
            const char *format)
{
  char buffer[64];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (buffer, sizeof buffer, format, &date);
  return g_strstrip (g_strdup (buffer));
}

static void
show_error (RwPlanPage   *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The Plan Could Not Be Saved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_run (RwPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->run, rw_plan_run_free);
  if (self->plan == NULL || self->store == NULL)
    return;
  self->run = rw_plan_get_active (get_db (self), self->plan, &error);
  if (error != NULL)
    g_warning ("Could not read the plan: %s", error->message);
  if (self->run != NULL)
    rw_plan_refresh (get_db (self), self->plan, self->run, NULL);
}

void
rw_plan_page_refresh (RwPlanPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  reload_run (self);
  rebuild (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RwPlanPage *self = user_data;

  self->refresh_id = 0;
  rw_plan_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
journal_changed_cb (RwPlanPage *self)
{
  if (self->updating)
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* The ring: done tasks out of all, drawn with cairo. */
static void
ring_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  RwPlanPage *self = user_data;
  guint done = 0, total = 1;
  double cx = width / 2.0, cy = height / 2.0, r = MIN (width, height) / 2.0 - 6;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 }, fg = { 0, 0, 0, 1 };
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  int tw, th;

  if (self->run != NULL)
    rw_plan_count_tasks (get_db (self), self->plan, self->run, &done, &total);

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
  if (done > 0)
    {
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
      cairo_arc (cr, cx, cy, r, -G_PI / 2, -G_PI / 2 + 2 * G_PI * done / MAX (total, 1));
      cairo_stroke (cr);
    }

  text = g_strdup_printf ("%u/%u", done, total);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 1);
  cairo_move_to (cr, cx - tw / 2.0, cy - th / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
check_toggled_cb (GtkCheckButton *button,
                  RwPlanPage     *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), "rw-item");
  g_autoptr(GError) error = NULL;

  if (self->updating || self->run == NULL)
    return;
  self->updating = TRUE;
  if (!rw_plan_set_checked (get_db (self), self->run, item, gtk_check_button_get_active (button),
                            "manual", &error))
    show_error (self, error);
  self->updating = FALSE;
  gtk_widget_queue_draw (self->ring);
}

static void
open_breathing (RwPlanPage *self,
                guint       minutes)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RwBreathingWindow *window = rw_breathing_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       get_db (self), self->clock, minutes);
  gtk_window_present (GTK_WINDOW (window));
}

static void
reflection_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RwPlanPage       *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "rw-buffer");
  g_autoptr(RwCheckIn) check_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "save") || self->run == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    return;

  /* Saved as a check-in note, so it lives in the journal with the rest. */
  now = rw_clock_dup_now_local (self->clock);
  date = g_date_time_format (now, "%Y-%m-%d");
  time = g_date_time_format (now, "%H:%M");
  note = g_strdup_printf (_("Reflection after the first week: %s"), text);
  check_in = rw_check_in_new ();
  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, time);
  rw_check_in_set_note (check_in, note);
  if (!rw_check_in_store_add (self->store, check_in, &error) ||
      !rw_plan_set_checked (get_db (self), self->run,
                            g_object_get_data (G_OBJECT (dialog), "rw-task"), TRUE, "reflection", &error))
    show_error (self, error);
  rw_plan_page_refresh (self);
}

static void
open_reflection (RwPlanPage *self,
                 RwPlanTask *task)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Look Back on the Week"), task->prompt));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
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
  g_signal_connect (dialog, "response", G_CALLBACK (reflection_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
task_button_clicked_cb (GtkButton  *button,
                        RwPlanPage *self)
{
  RwPlanTask *task = rw_plan_find_task (self->plan, g_object_get_data (G_OBJECT (button), "rw-task"),
                                        NULL);

  if (task == NULL)
    return;
  if (task->link != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", task->link);
  else if (task->kind == RW_TASK_CHECK_IN || task->kind == RW_TASK_TAG)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-check-in", NULL);
  else if (task->kind == RW_TASK_BREATHING)
    open_breathing (self, task->minutes);
  else if (task->kind == RW_TASK_REFLECTION)
    open_reflection (self, task);
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

static GtkWidget *
make_check_row (RwPlanPage *self,
                const char *id,
                const char *text,
                const char *hint)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gint64 when = self->run != NULL ? rw_plan_get_checked (get_db (self), self->run, id, NULL) : 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (hint != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), when > 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (check), "rw-item", g_strdup (id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_hash_table_insert (self->checks, g_strdup (id), check);
  return row;
}

static void
note_changed_cb (GtkEditable *entry,
                 RwPlanPage  *self)
{
  guint day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "rw-day"));
  g_autoptr(GError) error = NULL;

  if (self->updating || self->run == NULL)
    return;
  self->updating = TRUE;
  if (!rw_plan_set_note (get_db (self), self->run, day, gtk_editable_get_text (entry), &error))
    show_error (self, error);
  self->updating = FALSE;
}

static GtkWidget *
make_day_card (RwPlanPage *self,
               RwPlanDay  *day,
               guint       current)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf (_("Day %u · %s"), day->number, day->title);
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  /* The day's date, then why the step matters, under the title. */
  if (self->run != NULL)
    {
      g_autofree char *when = format_day (rw_plan_run_get_date (self->run, day->number), "%A %e %B");
      date = day->number == current ? g_strdup_printf (_("Today, %s"), when) : g_strdup (when);
      description = g_strdup_printf ("%s\n%s", date, day->why);
    }
  else
    description = g_strdup (day->why);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (day->number == current)
    gtk_widget_add_css_class (group, "current-day");

  for (guint t = 0; t < day->tasks->len; t++)
    {
      RwPlanTask *task = g_ptr_array_index (day->tasks, t);
      const char *label = task_button_label (task);
      const char *hint = NULL;
      g_autofree char *tag_hint = NULL;
      GtkWidget *row;

      if (task->kind == RW_TASK_TAG)
        {
          g_autofree char *tags = g_strjoinv (_("” or “"), task->tags);
          tag_hint = g_strdup_printf (_("Ticks itself when that day's check-in carries “%s”"), tags);
          hint = tag_hint;
        }
      else if (task->kind == RW_TASK_CHECK_IN)
        hint = _("Ticks itself when you save a check-in");
      else if (task->kind == RW_TASK_BREATHING)
        hint = _("Ticks itself when a session of that length ends");
      row = make_check_row (self, task->id, task->text, hint);
      if (label != NULL)
        {
          GtkWidget *button = gtk_button_new_with_label (label);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "rw-task", g_strdup (task->id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (task_button_clicked_cb), self);
          gtk_widget_set_sensitive (button, self->run != NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          g_hash_table_insert (self->buttons, g_strdup (task->id), button);
        }
      gtk_widget_set_sensitive (g_hash_table_lookup (self->checks, task->id), self->run != NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (self->run != NULL)
    {
      GtkWidget *note_row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("A note for this day"));
      note = rw_plan_get_note (get_db (self), self->run, day->number);
      if (note != NULL)
        gtk_editable_set_text (GTK_EDITABLE (note_row), note);
      g_object_set_data (G_OBJECT (note_row), "rw-day", GUINT_TO_POINTER (day->number));
      g_signal_connect (note_row, "changed", G_CALLBACK (note_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note_row);
    }

  self->day_cards[day->number - 1] = group;
  return group;
}

static void
start_clicked_cb (RwPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  self->updating = TRUE;
  g_clear_pointer (&self->run, rw_plan_run_free);
  self->run = rw_plan_start (get_db (self), self->plan, self->chosen_start, &error);
  self->updating = FALSE;
  if (self->run == NULL)
    show_error (self, error);
  rw_plan_page_refresh (self);
}

static void
calendar_day_cb (GtkCalendar *calendar,
                 RwPlanPage  *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");
  g_autofree char *label = NULL;
  GtkMenuButton *button = g_object_get_data (G_OBJECT (calendar), "rw-button");

  self->chosen_start = rw_julian_from_iso (iso);
  label = format_day (self->chosen_start, "%A %e %B");
  gtk_menu_button_set_label (button, self->chosen_start == today (self) ? _("Today") : label);
  gtk_popover_popdown (GTK_POPOVER (gtk_menu_button_get_popover (button)));
}

static void
pause_clicked_cb (RwPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->updating = TRUE;
  if (self->run->paused_on != 0)
    ok = rw_plan_resume (get_db (self), self->run, today (self), &error);
  else
    ok = rw_plan_pause (get_db (self), self->run, today (self), &error);
  self->updating = FALSE;
  if (!ok)
    show_error (self, error);
  rw_plan_page_refresh (self);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwPlanPage *self = RW_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->run == NULL)
    return;
  self->updating = TRUE;
  if (g_str_equal (action_name, "plan.later"))
    ok = rw_plan_shift (get_db (self), self->run, 1, &error);
  else if (g_str_equal (action_name, "plan.earlier"))
    ok = rw_plan_shift (get_db (self), self->run, -1, &error);
  else if (g_str_equal (action_name, "plan.restart"))
    {
      RwPlanRun *run = rw_plan_start (get_db (self), self->plan, today (self), &error);
      ok = run != NULL;
      g_clear_pointer (&run, rw_plan_run_free);
    }
  else if (g_str_equal (action_name, "plan.end"))
    ok = rw_plan_end (get_db (self), self->run, &error);
  self->updating = FALSE;
  if (!ok)
    show_error (self, error);
  rw_plan_page_refresh (self);
}

static GtkWidget *
build_start (RwPlanPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("rw-plan-symbolic");
  GtkWidget *title = gtk_label_new (self->plan->title);
  GtkWidget *summary = gtk_label_new (self->plan->summary);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Start on"));
  GtkWidget *date_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autoptr(GPtrArray) runs = NULL;

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_justify (GTK_LABEL (summary), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);

  self->chosen_start = today (self);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (date_button), _("Today"));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (date_button), popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (date_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The first day of the plan"), -1);
  g_object_set_data (G_OBJECT (calendar), "rw-button", date_button);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_cb), self);
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), date_button);
  gtk_box_append (GTK_BOX (box), row);

  self->start_button = gtk_button_new_with_mnemonic (_("_Start the Plan"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  gtk_widget_add_css_class (self->start_button, "pill");
  gtk_widget_set_halign (self->start_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->start_button);

  runs = rw_plan_list_runs (get_db (self), self->plan, NULL);
  if (runs != NULL && runs->len > 0)
    {
      RwPlanRun *last = g_ptr_array_index (runs, 0);
      g_autofree char *when = format_day (last->start, "%e %B %Y");
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "You have been through it once, last from %2$s. What you did then is kept.",
                                                            "You have been through it %1$u times, last from %2$s. What you did then is kept.",
                                                            runs->len), runs->len, when);
      GtkWidget *history = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (history), TRUE);
      gtk_label_set_justify (GTK_LABEL (history), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (history, "dim-label");
      gtk_box_append (GTK_BOX (box), history);
    }

  return box;
}

static GtkWidget *
build_header (RwPlanPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *subtitle, *pause, *more;
  GMenu *menu = g_menu_new ();
  guint32 now = today (self);
  guint day = rw_plan_run_get_day (self->run, now);
  g_autofree char *heading = NULL;
  g_autofree char *first = format_day (self->run->start, "%e %b");
  g_autofree char *last = format_day (self->run->start + RW_PLAN_DAYS - 1, "%e %b");
  g_autofree char *dates = NULL;

  self->ring = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->ring), 88);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->ring), 88);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->ring), ring_draw_cb, self, NULL);
  gtk_widget_set_valign (self->ring, GTK_ALIGN_CENTER);
  {
    guint done = 0, total = 0;
    g_autofree char *a11y = NULL;

    rw_plan_count_tasks (get_db (self), self->plan, self->run, &done, &total);
    a11y = g_strdup_printf (_("%u of %u tasks done"), done, total);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->ring), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  }

  if (self->run->paused_on != 0)
    heading = g_strdup_printf (_("Paused on day %u"), MAX (1u, MIN (day, 7u)));
  else if (day == 0)
    {
      g_autofree char *when = format_day (self->run->start, "%A %e %B");
      heading = g_strdup_printf (_("Starts %s"), when);
    }
  else if (day > RW_PLAN_DAYS)
    heading = g_strdup (_("Your week is complete"));
  else
    heading = g_strdup_printf (_("Day %u of 7"), day);
  title = gtk_label_new (heading);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  dates = self->run->paused_on != 0
            ? g_strdup (_("Nothing is lost while it waits. Resume when you are ready."))
            : g_strdup_printf (_("%s – %s. A missed day simply waits for you."), first, last);
  subtitle = gtk_label_new (dates);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");

  pause = gtk_button_new_with_mnemonic (self->run->paused_on != 0 ? _("_Resume") : _("_Pause"));
  g_signal_connect_swapped (pause, "clicked", G_CALLBACK (pause_clicked_cb), self);
  g_menu_append (menu, _("Move a Day _Later"), "plan.later");
  g_menu_append (menu, _("Move a Day _Earlier"), "plan.earlier");
  g_menu_append (menu, _("_Restart from Today"), "plan.restart");
  g_menu_append (menu, _("_End the Plan"), "plan.end");
  more = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move, restart or end the plan"), -1);
  g_object_unref (menu);
  gtk_box_append (GTK_BOX (buttons), pause);
  gtk_box_append (GTK_BOX (buttons), more);

  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (texts), buttons);
  gtk_box_append (GTK_BOX (box), self->ring);
  gtk_box_append (GTK_BOX (box), texts);
  return box;
}

static void
rebuild (RwPlanPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  guint current;

  self->updating = TRUE;
  g_hash_table_remove_all (self->checks);
  g_hash_table_remove_all (self->buttons);
  memset (self->day_cards, 0, sizeof self->day_cards);
  self->start_button = NULL;
  self->ring = NULL;

  if (self->plan == NULL || self->store == NULL)
    {
      self->updating = FALSE;
      return;
    }

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  if (self->run == NULL)
    gtk_box_append (GTK_BOX (box), build_start (self));
  else
    gtk_box_append (GTK_BOX (box), build_header (self));

  current = self->run != NULL ? rw_plan_run_get_day (self->run, today (self)) : 0;
  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    gtk_box_append (GTK_BOX (box), make_day_card (self, &self->plan->days[d], current));

  if (self->run != NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Checklist"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("For the week and beyond, at your own pace."));
      for (guint i = 0; i < self->plan->checklist->len; i++)
        {
          RwPlanItem *item = g_ptr_array_index (self->plan->checklist, i);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     make_check_row (self, item->id, item->text, NULL));
        }
      gtk_box_append (GTK_BOX (box), group);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  self->content = clamp;
  self->updating = FALSE;
}

static void
rw_plan_page_dispose (GObject *object)
{
  RwPlanPage *self = RW_PLAN_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (get_db (self), self);
    }
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (rw_plan_page_parent_class)->dispose (object);
}

static void
rw_plan_page_finalize (GObject *object)
{
  RwPlanPage *self = RW_PLAN_PAGE (object);

  g_clear_pointer (&self->plan, rw_plan_free);
  g_clear_pointer (&self->run, rw_plan_run_free);
  g_hash_table_unref (self->checks);
  g_hash_table_unref (self->buttons);
  G_OBJECT_CLASS (rw_plan_page_parent_class)->finalize (object);
}

static void
rw_plan_page_class_init (RwPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_plan_page_dispose;
  object_class->finalize = rw_plan_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "plan.later", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "plan.earlier", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "plan.restart", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "plan.end", NULL, plan_action);
}

static void
rw_plan_page_init (RwPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->plan = rw_plan_load ("starter-week", &error);
  if (self->plan == NULL)
    g_critical ("The plan data is broken: %s", error->message);
}

RwPlanPage *
rw_plan_page_new (RwContext *context)
{
  RwPlanPage *self;

  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  self = g_object_new (RW_TYPE_PLAN_PAGE, NULL);
  rw_plan_page_set_context (self, rw_context_get_store (context), rw_context_get_clock (context));
  return self;
}

void
rw_plan_page_set_context (RwPlanPage     *self,
                          RwCheckInStore *store,
                          RwClock        *clock)
{
  g_return_if_fail (RW_IS_PLAN_PAGE (self));

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (get_db (self), self);
    }
  g_set_object (&self->store, store);
  g_set_object (&self->clock, clock);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "items-changed", G_CALLBACK (journal_changed_cb), self);
      g_signal_connect_swapped (get_db (self), "changed", G_CALLBACK (journal_changed_cb), self);
    }
  rw_plan_page_refresh (self);
}

RwPlanRun *
rw_plan_page_get_run (RwPlanPage *self)
{
  return self->run;
}

RwPlan *
rw_plan_page_get_plan (RwPlanPage *self)
{
  return self->plan;
}

GtkWidget *
rw_plan_page_get_start_button (RwPlanPage *self)
{
  return self->start_button;
}

GtkCheckButton *
rw_plan_page_get_task_check (RwPlanPage *self,
                             const char *id)
{
  return g_hash_table_lookup (self->checks, id);
}

GtkButton *
rw_plan_page_get_task_button (RwPlanPage *self,
                              const char *id)
{
  return g_hash_table_lookup (self->buttons, id);
}

GtkWidget *
rw_plan_page_get_day_card (RwPlanPage *self,
                           guint       day)
{
  g_return_val_if_fail (day >= 1 && day <= RW_PLAN_DAYS, NULL);
  return self->day_cards[day - 1];
}
