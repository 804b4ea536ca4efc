/* rw-breathing-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The breathing exercise: a shape drawn with cairo that grows as you
 * breathe in and shrinks as you breathe out, the phase in words, and a
 * countdown; pause, resume and stop. A finished session is recorded, which
 * completes the plan's breathing task.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rw-breathing-window.h"

struct _RwBreathingWindow
{
  AdwWindow parent_instance;

  RwDatabase *db;
  RwClock *clock;
  RwBreathing *breathing;
  guint tick_id;

  GtkWidget *pattern_row;
  GtkWidget *minutes_row;
  GtkWidget *settings_group;
  GtkWidget *area;
  GtkLabel *phase_label;
  GtkLabel *time_label;
  GtkWidget *start_button;
  GtkWidget *pause_button;
  GtkWidget *stop_button;
};

G_DEFINE_FINAL_TYPE (RwBreathingWindow, rw_breathing_window, ADW_TYPE_WINDOW)

static void
update (RwBreathingWindow *self)
{
  RwBreathing *b = self->breathing;
  gboolean running = rw_breathing_is_running (b);
  RwBreathingPhase phase = rw_breathing_get_phase (b);
  guint left = rw_breathing_get_seconds_left (b);
  g_autofree char *time = NULL;
  g_autofree char *phase_text = NULL;

  if (running)
    phase_text = g_strdup_printf ("%s · %u", rw_breathing_phase_get_label (phase),
                                  rw_breathing_get_phase_seconds_left (b));
  else
    phase_text = g_strdup (rw_breathing_phase_get_label (phase));
  gtk_label_set_label (self->phase_label, phase_text);
  if (phase == RW_PHASE_DONE)
    time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute breathed", "%u minutes breathed",
                                         rw_breathing_get_length (b) / 60),
                            rw_breathing_get_length (b) / 60);
  else if (running)
    time = g_strdup_printf (_("%u:%02u left"), left / 60, left % 60);
  else
    time = g_strdup ("");
  gtk_label_set_label (self->time_label, time);

  gtk_widget_set_visible (self->start_button, !running);
  gtk_widget_set_visible (self->pause_button, running);
  gtk_widget_set_visible (self->stop_button, running);
  gtk_widget_set_sensitive (self->settings_group, !running);
  gtk_button_set_label (GTK_BUTTON (self->pause_button),
                        rw_breathing_is_paused (b) ? _("_Resume") : _("_Pause"));
  gtk_widget_queue_draw (self->area);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  RwBreathingWindow *self = user_data;
  double size = rw_breathing_get_size (self->breathing);
  double max = MIN (width, height) / 2.0 - 6;
  double radius = max * (0.35 + 0.65 * size);
  gboolean box = rw_breathing_get_pattern (self->breathing) == RW_BREATHING_BOX;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
  double cx = width / 2.0, cy = height / 2.0;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (area)),
                                  "accent_bg_color", &accent);
G_GNUC_END_IGNORE_DEPRECATIONS

  /* The outline of full lungs, then the breath itself. */
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.25);
  if (box)
    {
      double r = max * 0.25;
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx + max - r, cy - max + r, r, -G_PI / 2, 0);
      cairo_arc (cr, cx + max - r, cy + max - r, r, 0, G_PI / 2);
      cairo_arc (cr, cx - max + r, cy + max - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, cx - max + r, cy - max + r, r, G_PI, 1.5 * G_PI);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, cx, cy, max, 0, 2 * G_PI);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.35 + 0.5 * size);
  if (box)
    {
      double r = radius * 0.25;
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx + radius - r, cy - radius + r, r, -G_PI / 2, 0);
      cairo_arc (cr, cx + radius - r, cy + radius - r, r, 0, G_PI / 2);
      cairo_arc (cr, cx - radius + r, cy + radius - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, cx - radius + r, cy - radius + r, r, G_PI, 1.5 * G_PI);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
finished_cb (RwBreathingWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = rw_clock_dup_now_local (self->clock);
  gint64 finished = g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);

  if (self->db != NULL &&
      !rw_breathing_record (self->db, rw_breathing_pattern_get_id (rw_breathing_get_pattern (self->breathing)),
                            rw_breathing_get_length (self->breathing), finished, &error))
    g_warning ("Could not record the breathing session: %s", error->message);
  update (self);
}

void
rw_breathing_window_start (RwBreathingWindow *self)
{
  guint pattern = adw_combo_row_get_selected (ADW_COMBO_ROW (self->pattern_row));
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (self->minutes_row), "rw-spin");
  guint minutes = (guint) gtk_spin_button_get_value_as_int (spin);

  rw_breathing_start (self->breathing, pattern == 1 ? RW_BREATHING_4_7_8 : RW_BREATHING_BOX,
                      minutes * 60);
  update (self);
}

static void
pause_clicked_cb (RwBreathingWindow *self)
{
  if (rw_breathing_is_paused (self->breathing))
    rw_breathing_resume (self->breathing);
  else
    rw_breathing_pause (self->breathing);
  update (self);
}

static void
stop_clicked_cb (RwBreathingWindow *self)
{
  rw_breathing_stop (self->breathing);
  update (self);
}

static void
rw_breathing_window_dispose (GObject *object)
{
  RwBreathingWindow *self = RW_BREATHING_WINDOW (object);

  if (self->breathing != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->breathing, self);
      rw_breathing_stop (self->breathing);
    }
  g_clear_object (&self->breathing);
  g_clear_object (&self->clock);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rw_breathing_window_parent_class)->dispose (object);
}

static void
rw_breathing_window_class_init (RwBreathingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_breathing_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_breathing_window_init (RwBreathingWindow *self)
{
}

/* AdwSpinRow arrived in libadwaita 1.4: a small stand-in. */
static GtkWidget *
minutes_row_new (guint minutes)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 60, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), minutes);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Minutes"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (row), "rw-spin", spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes"), -1);
  return row;
}

RwBreathingWindow *
rw_breathing_window_new (GtkWindow  *parent,
                         RwDatabase *db,
                         RwClock    *clock,
                         guint       minutes)
{
  RwBreathingWindow *self = g_object_new (RW_TYPE_BREATHING_WINDOW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkStringList *patterns = gtk_string_list_new (NULL);
  GtkWidget *list = gtk_list_box_new ();

  self->db = db != NULL ? g_object_ref (db) : NULL;
  self->clock = g_object_ref (clock);
  self->breathing = rw_breathing_new (clock);
  g_signal_connect_swapped (self->breathing, "tick", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->breathing, "notify::phase", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->breathing, "finished", G_CALLBACK (finished_cb), self);

  gtk_window_set_title (GTK_WINDOW (self), _("Breathe"));
  gtk_window_set_default_size (GTK_WINDOW (self), 420, 640);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_modal (GTK_WINDOW (self), TRUE);
    }

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_vexpand (clamp, TRUE);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_box_append (GTK_BOX (box), clamp);

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), 240);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A shape that grows as you breathe in and shrinks as you breathe out"),
                                  -1);
  gtk_box_append (GTK_BOX (content), self->area);

  self->phase_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->phase_label), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->phase_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Breathing phase"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->phase_label));
  self->time_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->time_label));

  gtk_string_list_append (patterns, rw_breathing_pattern_get_label (RW_BREATHING_BOX));
  gtk_string_list_append (patterns, rw_breathing_pattern_get_label (RW_BREATHING_4_7_8));
  self->pattern_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pattern_row), _("Pattern"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->pattern_row), G_LIST_MODEL (patterns));
  g_signal_connect_swapped (self->pattern_row, "notify::selected", G_CALLBACK (gtk_widget_queue_draw),
                            self->area);
  self->minutes_row = minutes_row_new (minutes > 0 ? minutes : 10);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), self->pattern_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->minutes_row);
  self->settings_group = list;
  gtk_box_append (GTK_BOX (content), list);

  self->start_button = gtk_button_new_with_mnemonic (_("_Start"));
  self->pause_button = gtk_button_new_with_mnemonic (_("_Pause"));
  self->stop_button = gtk_button_new_with_mnemonic (_("S_top"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  gtk_widget_add_css_class (self->start_button, "pill");
  gtk_widget_add_css_class (self->pause_button, "pill");
  gtk_widget_add_css_class (self->stop_button, "pill");
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (rw_breathing_window_start), self);
  g_signal_connect_swapped (self->pause_button, "clicked", G_CALLBACK (pause_clicked_cb), self);
  g_signal_connect_swapped (self->stop_button, "clicked", G_CALLBACK (stop_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), self->start_button);
  gtk_box_append (GTK_BOX (buttons), self->pause_button);
  gtk_box_append (GTK_BOX (buttons), self->stop_button);
  gtk_box_append (GTK_BOX (content), buttons);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->start_button);
  update (self);
  return self;
}

RwBreathing *
rw_breathing_window_get_breathing (RwBreathingWindow *self)
{
  return self->breathing;
}
