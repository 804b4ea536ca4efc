/* rw-breathing-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-breathing-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-breathing-window.h"

/**
 * RwBreathingWindow:
 *
 * The breathing exercise: a shape drawn with cairo that grows as you
 * breathe in and shrinks as you breathe out, the phase in words, and a
 * countdown; start, pause, resume and stop (the `breathing` actions).
 * The focus follows the buttons (Start, then Pause, then Resume), so
 * Space or Enter starts, pauses and resumes. A finished session is
 * recorded in the journal, which completes the plan's breathing task.
 */
struct _RwBreathingWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkWidget *area;
  GtkLabel *phase_label;
  GtkLabel *time_label;
  GtkWidget *settings_list;
  AdwComboRow *pattern_row;
  GtkSpinButton *minutes_spin;
  GtkWidget *start_button;
  GtkWidget *pause_button;
  GtkWidget *resume_button;
  GtkWidget *stop_button;

  /* Owned */
  RwContext *context;
  RwBreathing *breathing;
  RwBreathingPattern pattern;
};

G_DEFINE_FINAL_TYPE (RwBreathingWindow, rw_breathing_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MINUTES,
  PROP_PATTERN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const RwBreathingPattern patterns[] = { RW_BREATHING_BOX, RW_BREATHING_4_7_8 };

static void
update (RwBreathingWindow *self)
{
  RwBreathing *b = self->breathing;
  gboolean running = rw_breathing_is_running (b);
  gboolean paused = rw_breathing_is_paused (b);
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
  gtk_widget_set_visible (self->pause_button, running && !paused);
  gtk_widget_set_visible (self->resume_button, running && paused);
  gtk_widget_set_visible (self->stop_button, running);
  gtk_widget_set_sensitive (self->settings_list, !running);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breathing.start", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breathing.pause", running && !paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breathing.resume", running && paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "breathing.stop", running);
  gtk_widget_queue_draw (self->area);
}

static void
rounded_square (cairo_t *cr,
                double   cx,
                double   cy,
                double   half)
{
  double r = half * 0.25;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx + half - r, cy - half + r, r, -G_PI / 2, 0);
  cairo_arc (cr, cx + half - r, cy + half - r, r, 0, G_PI / 2);
  cairo_arc (cr, cx - half + r, cy + half - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, cx - half + r, cy - half + r, r, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
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
  /* While it runs, the shape of the pattern breathed; before, the chosen one. */
  gboolean box = (rw_breathing_is_running (self->breathing)
                    ? rw_breathing_get_pattern (self->breathing) : self->pattern) == RW_BREATHING_BOX;
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
    rounded_square (cr, cx, cy, max);
  else
    cairo_arc (cr, cx, cy, max, 0, 2 * G_PI);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.35 + 0.5 * size);
  if (box)
    rounded_square (cr, cx, cy, radius);
  else
    cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
finished_cb (RwBreathingWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = rw_clock_dup_now_local (rw_context_get_clock (self->context));
  gint64 finished = g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
  const char *pattern = rw_breathing_pattern_get_id (rw_breathing_get_pattern (self->breathing));

  if (!rw_journal_record_breathing (rw_context_get_journal (self->context), pattern,
                                    rw_breathing_get_length (self->breathing), finished, &error))
    g_warning ("Could not record the breathing session: %s", error->message);
  update (self);
}

static void
pattern_selected_cb (RwBreathingWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->pattern_row);

  if (selected < G_N_ELEMENTS (patterns))
    rw_breathing_window_set_pattern (self, rw_breathing_pattern_get_id (patterns[selected]));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RwBreathingWindow *self = RW_BREATHING_WINDOW (widget);
  guint minutes = (guint) gtk_spin_button_get_value_as_int (self->minutes_spin);

  rw_breathing_start (self->breathing, self->pattern, minutes * 60);
  update (self);
  /* The focus goes with the buttons: Start is gone, Pause takes its place. */
  gtk_widget_grab_focus (self->pause_button);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RwBreathingWindow *self = RW_BREATHING_WINDOW (widget);

  if (g_str_equal (action_name, "breathing.pause"))
    {
      rw_breathing_pause (self->breathing);
      update (self);
      gtk_widget_grab_focus (self->resume_button);
    }
  else
    {
      rw_breathing_resume (self->breathing);
      update (self);
      gtk_widget_grab_focus (self->pause_button);
    }
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwBreathingWindow *self = RW_BREATHING_WINDOW (widget);

  rw_breathing_stop (self->breathing);
  update (self);
  gtk_widget_grab_focus (self->start_button);
}

/* The focus starts on Start (GTK would give it to the pattern). */
static void
rw_breathing_window_show (GtkWidget *widget)
{
  RwBreathingWindow *self = RW_BREATHING_WINDOW (widget);

  GTK_WIDGET_CLASS (rw_breathing_window_parent_class)->show (widget);
  if (!rw_breathing_is_running (self->breathing))
    gtk_widget_grab_focus (self->start_button);
}

static void
rw_breathing_window_constructed (GObject *object)
{
  RwBreathingWindow *self = (RwBreathingWindow *)object;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen = self->pattern == RW_BREATHING_4_7_8 ? 1 : 0;

  G_OBJECT_CLASS (rw_breathing_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->breathing = rw_breathing_new (rw_context_get_clock (self->context));
  g_signal_connect_object (self->breathing, "tick", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->breathing, "notify::phase", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->breathing, "finished", G_CALLBACK (finished_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_string_list_append (names, rw_breathing_pattern_get_label (patterns[i]));
  adw_combo_row_set_model (self->pattern_row, G_LIST_MODEL (names));
  /* A new model selects its first item: choose again what was asked for. */
  adw_combo_row_set_selected (self->pattern_row, chosen);

  update (self);
}

static void
rw_breathing_window_dispose (GObject *object)
{
  RwBreathingWindow *self = (RwBreathingWindow *)object;

  if (self->breathing != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->breathing, self);
      rw_breathing_stop (self->breathing);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_BREATHING_WINDOW);
  g_clear_object (&self->breathing);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_breathing_window_parent_class)->dispose (object);
}

static void
rw_breathing_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RwBreathingWindow *self = RW_BREATHING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_MINUTES:
      g_value_set_uint (value, (guint) gtk_spin_button_get_value_as_int (self->minutes_spin));
      break;
    case PROP_PATTERN:
      g_value_set_string (value, rw_breathing_window_get_pattern (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_breathing_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RwBreathingWindow *self = RW_BREATHING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_MINUTES:
      gtk_spin_button_set_value (self->minutes_spin, g_value_get_uint (value));
      break;
    case PROP_PATTERN:
      rw_breathing_window_set_pattern (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_breathing_window_class_init (RwBreathingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_breathing_window_constructed;
  object_class->dispose = rw_breathing_window_dispose;
  object_class->get_property = rw_breathing_window_get_property;
  object_class->set_property = rw_breathing_window_set_property;
  widget_class->show = rw_breathing_window_show;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 1, 60, 10,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATTERN] =
    g_param_spec_string ("pattern", NULL, NULL, "box",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-breathing-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, area);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, phase_label);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, time_label);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, settings_list);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, resume_button);
  gtk_widget_class_bind_template_child (widget_class, RwBreathingWindow, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, pattern_selected_cb);

  gtk_widget_class_install_action (widget_class, "breathing.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "breathing.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "breathing.resume", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "breathing.stop", NULL, stop_action);
  gtk_widget_class_install_property_action (widget_class, "breathing.pattern", "pattern");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_breathing_window_init (RwBreathingWindow *self)
{
  self->pattern = RW_BREATHING_BOX;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
}

/**
 * rw_breathing_window_new:
 * @context: where a finished session is recorded, and the clock it runs on
 * @parent: (nullable): the window it belongs to (it is modal to it)
 * @minutes: the length offered, 1–60
 *
 * Returns: (transfer full): the window; present it
 */
RwBreathingWindow *
rw_breathing_window_new (RwContext *context,
                         GtkWindow *parent,
                         guint      minutes)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RW_TYPE_BREATHING_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "minutes", CLAMP (minutes, 1u, 60u),
                       NULL);
}

RwBreathing *
rw_breathing_window_get_breathing (RwBreathingWindow *self)
{
  g_return_val_if_fail (RW_IS_BREATHING_WINDOW (self), NULL);
  return self->breathing;
}

/**
 * rw_breathing_window_get_pattern:
 * @self: a #RwBreathingWindow
 *
 * Returns: the chosen pattern's id ("box" or "4-7-8")
 */
const char *
rw_breathing_window_get_pattern (RwBreathingWindow *self)
{
  g_return_val_if_fail (RW_IS_BREATHING_WINDOW (self), NULL);
  return rw_breathing_pattern_get_id (self->pattern);
}

/**
 * rw_breathing_window_set_pattern:
 * @self: a #RwBreathingWindow
 * @id: a pattern's id ("box" or "4-7-8"); others are ignored
 *
 * Chooses the pattern of the next session (also the `breathing.pattern`
 * action).
 */
void
rw_breathing_window_set_pattern (RwBreathingWindow *self,
                                 const char        *id)
{
  g_return_if_fail (RW_IS_BREATHING_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      if (g_strcmp0 (id, rw_breathing_pattern_get_id (patterns[i])) != 0)
        continue;
      if (adw_combo_row_get_selected (self->pattern_row) != i &&
          adw_combo_row_get_model (self->pattern_row) != NULL)
        adw_combo_row_set_selected (self->pattern_row, i);
      if (self->pattern == patterns[i])
        return;
      self->pattern = patterns[i];
      gtk_widget_queue_draw (self->area);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
      return;
    }
}
