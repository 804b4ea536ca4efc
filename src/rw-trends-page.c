/* rw-trends-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Trends view: a range (7 days to all), the chart drawn by the core's
 * renderer with the colours of the current style, summary cards, and the
 * insights the data supports. The series are computed in the core and
 * kept until the journal or the range changes.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rw-trends-page.h"
#include "rw-wrap-box.h"

struct _RwTrendsPage
{
  GtkWidget parent_instance;

  RwCheckInStore *store;
  RwClock *clock;
  RwChart *chart;
  RwSeries *previous;        /* the range before, for changes; NULL for "all" */
  RwRange range;
  guint32 last;              /* last day shown (julian) */
  gboolean stale;            /* the journal changed: reload when shown */
  guint reload_id;
  char *font;

  GtkWidget *scrolled;
  GtkToggleButton *range_buttons[RW_RANGE_ALL + 1];
  GtkWidget *prev_button;
  GtkWidget *next_button;
  GtkLabel *range_label;
  GtkToggleButton *series_buttons[RW_N_SERIES];
  GtkWidget *drawing_area;
  GtkWidget *cards;
  GtkWidget *insights_box;
  GtkWidget *insights_title;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (RwTrendsPage, rw_trends_page, GTK_TYPE_WIDGET)

static const char * const range_labels[] = {
  N_("7 Days"), N_("30 Days"), N_("90 Days"), N_("Year"), N_("All"),
};

static void reload (RwTrendsPage *self);

static guint32
today (RwTrendsPage *self)
{
  if (self->clock != NULL)
    {
      g_autofree char *iso = rw_clock_dup_today (self->clock);
      return rw_julian_from_iso (iso);
    }
  return rw_julian_today ();
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
style_from_widget (RwTrendsPage *self,
                   RwChartStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  PangoFontDescription *font;
  GdkRGBA color;

  rw_chart_style_init (style, dark);

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkStyleContext *context = gtk_widget_get_style_context (widget);

    if (gtk_style_context_lookup_color (context, "view_bg_color", &color))
      style->background = (RwColor) { color.red, color.green, color.blue, 1 };
    if (gtk_style_context_lookup_color (context, "view_fg_color", &color))
      {
        style->foreground = (RwColor) { color.red, color.green, color.blue, 1 };
        style->dim = (RwColor) { color.red, color.green, color.blue, 0.62 };
        style->grid = (RwColor) { color.red, color.green, color.blue, 0.12 };
      }
  }
G_GNUC_END_IGNORE_DEPRECATIONS

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  g_free (self->font);
  self->font = font != NULL ? pango_font_description_to_string (font) : g_strdup ("Sans 10");
  style->font = self->font;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  RwTrendsPage *self = user_data;
  RwChartStyle style;

  style_from_widget (self, &style);
  rw_chart_draw (self->chart, cr, width, height, &style);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RwTrendsPage             *self)
{
  int day = rw_chart_day_at (self->chart, x, gtk_widget_get_width (self->drawing_area));

  if (day != rw_chart_get_highlight (self->chart))
    {
      rw_chart_set_highlight (self->chart, day);
      gtk_widget_queue_draw (self->drawing_area);
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          RwTrendsPage             *self)
{
  if (!gtk_widget_has_focus (self->drawing_area))
    {
      rw_chart_set_highlight (self->chart, -1);
      gtk_widget_queue_draw (self->drawing_area);
    }
}

/* Left and Right walk the days (Home and End jump), showing their values
 * the way hovering does. */
static gboolean
key_cb (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        RwTrendsPage          *self)
{
  RwSeries *series = rw_chart_get_series (self->chart);
  int n = series != NULL ? (int) rw_series_get_n_days (series) : 0;
  int day = rw_chart_get_highlight (self->chart);

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
      day = day < 0 ? n - 1 : MAX (0, day - 1);
      break;
    case GDK_KEY_Right:
      day = day < 0 ? n - 1 : MIN (n - 1, day + 1);
      break;
    case GDK_KEY_Home:
      day = 0;
      break;
    case GDK_KEY_End:
      day = n - 1;
      break;
    default:
      return FALSE;
    }
  rw_chart_set_highlight (self->chart, day);
  gtk_widget_queue_draw (self->drawing_area);
  return TRUE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                RwTrendsPage            *self)
{
  rw_chart_set_highlight (self->chart, -1);
  gtk_widget_queue_draw (self->drawing_area);
}

static GtkWidget *
make_card (const char *value,
           const char *title,
           const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *title_label = gtk_label_new (title);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "summary-card");
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_add_css_class (title_label, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_widget_add_css_class (detail_label, "caption");
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (detail_label), 18);
      gtk_box_append (GTK_BOX (box), detail_label);
    }
  return box;
}

static void
update_cards (RwTrendsPage *self)
{
  RwSeries *series = rw_chart_get_series (self->chart);
  guint best, hardest;

  rw_wrap_box_remove_all (RW_WRAP_BOX (self->cards));
  if (series == NULL || rw_series_is_empty (series))
    return;

  {
    g_autofree char *value = g_strdup_printf ("%u", rw_series_get_days_logged (series));
    g_autofree char *detail = g_strdup_printf (_("of %u"), rw_series_get_n_days (series));

    rw_wrap_box_append (RW_WRAP_BOX (self->cards), make_card (value, _("Days logged"), detail));
  }

  for (guint k = 0; k < RW_N_SERIES; k++)
    {
      guint n = 0, prev_n = 0;
      double mean, prev;
      g_autofree char *value = NULL;
      g_autofree char *detail = NULL;

      if (!gtk_toggle_button_get_active (self->series_buttons[k]))
        continue;
      mean = rw_series_get_mean (series, k, &n);
      if (n == 0)
        continue;
      value = k == RW_SERIES_SLEEP_HOURS ? g_strdup_printf (_("%.1f h"), mean)
                                         : g_strdup_printf ("%.1f", mean);
      if (self->previous != NULL)
        {
          prev = rw_series_get_mean (self->previous, k, &prev_n);
          if (prev_n > 0)
            {
              double change = mean - prev;

              if (fabs (change) < 0.05)
                detail = g_strdup (_("about the same as the period before"));
              else
                detail = g_strdup_printf (change > 0 ? _("up %.1f on the period before")
                                                     : _("down %.1f on the period before"),
                                          fabs (change));
            }
          else
            detail = g_strdup (_("nothing to compare with before"));
        }
      rw_wrap_box_append (RW_WRAP_BOX (self->cards),
                          make_card (value, rw_series_kind_get_label (k), detail));
    }

  if (rw_series_get_extremes (series, &best, &hardest))
    {
      g_autofree char *best_day = format_day (rw_series_get_first (series) + best, "%e %b");
      g_autofree char *hard_day = format_day (rw_series_get_first (series) + hardest, "%e %b");
      g_autofree char *best_detail = g_strdup_printf (_("mood %.1f"),
                                                      rw_series_get_value (series, RW_SERIES_MOOD, best));
      g_autofree char *hard_detail = g_strdup_printf (_("mood %.1f"),
                                                      rw_series_get_value (series, RW_SERIES_MOOD, hardest));

      rw_wrap_box_append (RW_WRAP_BOX (self->cards), make_card (best_day, _("Best day"), best_detail));
      rw_wrap_box_append (RW_WRAP_BOX (self->cards), make_card (hard_day, _("Hardest day"), hard_detail));
    }
}

static void
add_insight (RwTrendsPage *self,
             const char   *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "insight");
  gtk_box_append (GTK_BOX (self->insights_box), label);
}

static void
update_insights (RwTrendsPage *self)
{
  RwSeries *series = rw_chart_get_series (self->chart);
  g_autoptr(GPtrArray) tags = NULL;
  GtkWidget *child;
  double r;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->insights_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->insights_box), child);
  if (series == NULL)
    {
      gtk_widget_set_visible (self->insights_title, FALSE);
      return;
    }

  if (rw_series_sleep_mood_correlation (series, &r, &n))
    {
      g_autofree char *text = NULL;
      const char *strength = fabs (r) < 0.1 ? _("hardly any") : fabs (r) < 0.3 ? _("a weak")
                             : fabs (r) < 0.5 ? _("a moderate") : _("a strong");

      if (fabs (r) < 0.1)
        text = g_strdup_printf (_("Over %u days with both, there is hardly any link between how long "
                                  "you slept and your mood that day (r = %.2f)."), n, r);
      else
        text = g_strdup_printf (r > 0 ? _("Over %u days with both, longer sleep went with better mood "
                                          "that day: %s association (r = %.2f). An association, not "
                                          "proof of a cause.")
                                      : _("Over %u days with both, longer sleep went with lower mood "
                                          "that day: %s association (r = %.2f). An association, not "
                                          "proof of a cause."),
                                n, strength, r);
      add_insight (self, text);
    }

  tags = rw_series_tag_associations (series);
  for (guint i = 0; i < MIN (tags->len, 4u); i++)
    {
      RwTagAssociation *assoc = g_ptr_array_index (tags, i);
      g_autofree char *text =
        g_strdup_printf (_("On %u days with “%s” your mood averaged %.1f; on %u days without it, "
                           "%.1f."), assoc->with_days, assoc->tag, assoc->with_mean,
                         assoc->without_days, assoc->without_mean);
      add_insight (self, text);
    }

  gtk_widget_set_visible (self->insights_title, gtk_widget_get_first_child (self->insights_box) != NULL);
}

static void
update_range_label (RwTrendsPage *self)
{
  RwSeries *series = rw_chart_get_series (self->chart);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;

  if (series == NULL)
    return;
  from = format_day (rw_series_get_first (series), "%e %b %Y");
  to = format_day (rw_series_get_last (series), "%e %b %Y");
  text = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_label (self->range_label, text);
  gtk_widget_set_sensitive (self->next_button, self->range != RW_RANGE_ALL && self->last < today (self));
  gtk_widget_set_sensitive (self->prev_button, self->range != RW_RANGE_ALL);
}

static void
reload (RwTrendsPage *self)
{
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  RwDatabase *db;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;
  if (self->store == NULL)
    return;

  db = rw_check_in_store_get_database (self->store);
  series = rw_series_load_range (db, self->range, self->last, &error);
  g_clear_pointer (&self->previous, rw_series_unref);
  if (series == NULL)
    {
      g_warning ("Could not load the chart: %s", error->message);
      return;
    }
  if (self->range != RW_RANGE_ALL)
    {
      guint days = rw_range_get_days (self->range);
      self->previous = rw_series_load (db, rw_series_get_first (series) - days,
                                       rw_series_get_first (series) - 1, NULL);
    }

  rw_chart_set_series (self->chart, series);
  update_range_label (self);
  update_cards (self);
  update_insights (self);

  description = rw_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_tooltip_text (self->drawing_area, NULL);
  gtk_widget_queue_draw (self->drawing_area);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  RwTrendsPage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (RwTrendsPage *self)
{
  /* Several changes in a row (an import, an undo) make one reload. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
range_toggled_cb (GtkToggleButton *button,
                  RwTrendsPage    *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint r = 0; r <= RW_RANGE_ALL; r++)
    if (self->range_buttons[r] == button)
      rw_trends_page_set_range (self, r);
}

static void
series_toggled_cb (GtkToggleButton *button,
                   RwTrendsPage    *self)
{
  for (guint k = 0; k < RW_N_SERIES; k++)
    if (self->series_buttons[k] == button)
      rw_chart_set_visible (self->chart, k, gtk_toggle_button_get_active (button));
  update_cards (self);
  {
    g_autofree char *description = rw_chart_describe (self->chart);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
  gtk_widget_queue_draw (self->drawing_area);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    RwTrendsPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  RwChartStyle style;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".svg") &&
          !g_str_has_suffix (path, ".pdf"))
        {
          char *with_png = g_strconcat (path, ".png", NULL);
          g_free (path);
          path = with_png;
        }
      style_from_widget (self, &style);
      if (!rw_chart_export (self->chart, path, 1200, 640, &style, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("The Chart Was Not Saved"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_clear_object (&self->chooser);
}

static void
export_clicked_cb (RwTrendsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  RwSeries *series = rw_chart_get_series (self->chart);
  const char *patterns[][2] = {
    { N_("PNG image"), "*.png" }, { N_("SVG drawing"), "*.svg" }, { N_("PDF document"), "*.pdf" },
  };

  self->chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(patterns[i][0]));
      gtk_file_filter_add_pattern (filter, patterns[i][1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }
  if (series != NULL)
    {
      g_autofree char *to = rw_julian_to_iso (rw_series_get_last (series));
      name = g_strdup_printf ("rewire-%s-%s.png", rw_range_get_name (self->range), to);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
style_changed_cb (RwTrendsPage *self)
{
  gtk_widget_queue_draw (self->drawing_area);
}

static void
rw_trends_page_dispose (GObject *object)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->chooser);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rw_trends_page_parent_class)->dispose (object);
}

static void
rw_trends_page_finalize (GObject *object)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (object);

  g_clear_pointer (&self->chart, rw_chart_free);
  g_clear_pointer (&self->previous, rw_series_unref);
  g_free (self->font);
  G_OBJECT_CLASS (rw_trends_page_parent_class)->finalize (object);
}

static void
rw_trends_page_class_init (RwTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_trends_page_dispose;
  object_class->finalize = rw_trends_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trends");
}

static void
prev_clicked_cb (GtkButton    *button,
                 RwTrendsPage *self)
{
  rw_trends_page_shift (self, -1);
}

static void
next_clicked_cb (GtkButton    *button,
                 RwTrendsPage *self)
{
  rw_trends_page_shift (self, 1);
}

static void
rw_trends_page_init (RwTrendsPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *range_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *ranges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *series_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *toggles = rw_wrap_box_new (6);
  GtkWidget *export = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  /* Metrics in the order of the editor, sleep first among the rest. */
  static const RwSeriesKind order[] = { RW_SERIES_MOOD, RW_SERIES_SLEEP_HOURS,
                                        RW_SERIES_SLEEP_QUALITY, RW_SERIES_ANXIETY,
                                        RW_SERIES_FOCUS, RW_SERIES_HOPE, RW_SERIES_ENERGY };

  self->chart = rw_chart_new ();
  self->range = RW_RANGE_30D;
  self->last = rw_julian_today ();

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  /* The range: 7 days … all, then previous / next. */
  gtk_widget_add_css_class (ranges, "linked");
  for (guint r = 0; r <= RW_RANGE_ALL; r++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(range_labels[r]));

      self->range_buttons[r] = GTK_TOGGLE_BUTTON (button);
      if (r > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->range_buttons[0]);
      gtk_box_append (GTK_BOX (ranges), button);
    }
  gtk_toggle_button_set_active (self->range_buttons[RW_RANGE_30D], TRUE);
  for (guint r = 0; r <= RW_RANGE_ALL; r++)
    g_signal_connect (self->range_buttons[r], "toggled", G_CALLBACK (range_toggled_cb), self);

  self->prev_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->prev_button, _("Earlier"));
  gtk_widget_set_tooltip_text (self->next_button, _("Later"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prev_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the period before"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the period after"), -1);
  g_signal_connect (self->prev_button, "clicked", G_CALLBACK (prev_clicked_cb), self);
  g_signal_connect (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);

  self->range_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->range_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->range_label), "numeric");
  gtk_label_set_ellipsize (self->range_label, PANGO_ELLIPSIZE_END);
  /* The range buttons on one line; previous, the dates and next below, so
   * that both fit 360 px. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->range_label), TRUE);
  gtk_widget_add_css_class (ranges, "range-buttons");
  gtk_widget_set_halign (ranges, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), ranges);
  gtk_box_append (GTK_BOX (range_row), self->prev_button);
  gtk_box_append (GTK_BOX (range_row), GTK_WIDGET (self->range_label));
  gtk_box_append (GTK_BOX (range_row), self->next_button);
  gtk_box_append (GTK_BOX (box), range_row);

  /* Which series to draw. */
  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      RwSeriesKind k = order[o];
      GtkWidget *button = gtk_toggle_button_new_with_label (rw_series_kind_get_label (k));

      self->series_buttons[k] = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), rw_chart_get_visible (self->chart, k));
      gtk_widget_add_css_class (button, "series-toggle");
      g_signal_connect (button, "toggled", G_CALLBACK (series_toggled_cb), self);
      rw_wrap_box_append (RW_WRAP_BOX (toggles), button);
    }
  gtk_widget_set_hexpand (toggles, TRUE);
  gtk_widget_set_tooltip_text (export, _("Save the chart as PNG, SVG or PDF"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save the chart"), -1);
  gtk_widget_set_valign (export, GTK_ALIGN_START);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (series_row), toggles);
  gtk_box_append (GTK_BOX (series_row), export);
  gtk_box_append (GTK_BOX (box), series_row);

  /* The chart. */
  self->drawing_area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->drawing_area), 360);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing_area), draw_cb, self, NULL);
  gtk_widget_set_focusable (self->drawing_area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart; Left and Right show each day's values"), -1);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->drawing_area, motion);
  gtk_widget_add_controller (self->drawing_area, keys);
  gtk_widget_add_controller (self->drawing_area, focus);
  gtk_frame_set_child (GTK_FRAME (frame), self->drawing_area);
  gtk_widget_add_css_class (frame, "chart-frame");
  gtk_box_append (GTK_BOX (box), frame);

  /* Summary cards and insights. */
  self->cards = rw_wrap_box_new (8);
  gtk_box_append (GTK_BOX (box), self->cards);

  self->insights_title = gtk_label_new (_("What Goes With Your Mood"));
  gtk_widget_add_css_class (self->insights_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->insights_title), 0);
  gtk_widget_set_margin_top (self->insights_title, 6);
  gtk_box_append (GTK_BOX (box), self->insights_title);
  self->insights_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->insights_box);
  gtk_widget_set_visible (self->insights_title, FALSE);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (style_changed_cb), self);
}

RwTrendsPage *
rw_trends_page_new (RwContext *context)
{
  RwTrendsPage *self;

  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  self = g_object_new (RW_TYPE_TRENDS_PAGE, NULL);
  rw_trends_page_set_store (self, rw_context_get_store (context), rw_context_get_clock (context));
  return self;
}

void
rw_trends_page_set_store (RwTrendsPage   *self,
                          RwCheckInStore *store,
                          RwClock        *clock)
{
  g_return_if_fail (RW_IS_TRENDS_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_set_object (&self->clock, clock);
  self->last = today (self);
  if (store != NULL)
    g_signal_connect_swapped (store, "items-changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
}

void
rw_trends_page_set_range (RwTrendsPage *self,
                          RwRange       range)
{
  g_return_if_fail (RW_IS_TRENDS_PAGE (self));
  g_return_if_fail (range <= RW_RANGE_ALL);

  self->range = range;
  if (range == RW_RANGE_ALL)
    self->last = today (self);
  if (!gtk_toggle_button_get_active (self->range_buttons[range]))
    gtk_toggle_button_set_active (self->range_buttons[range], TRUE);
  reload (self);
}

void
rw_trends_page_shift (RwTrendsPage *self,
                      int           direction)
{
  guint days;

  g_return_if_fail (RW_IS_TRENDS_PAGE (self));
  if (self->range == RW_RANGE_ALL)
    return;
  days = rw_range_get_days (self->range);
  if (direction < 0)
    self->last = self->last > days + 1 ? self->last - days : self->last;
  else
    self->last = MIN (today (self), self->last + days);
  reload (self);
}

void
rw_trends_page_set_visible_series (RwTrendsPage *self,
                                   RwSeriesKind  kind,
                                   gboolean      visible)
{
  g_return_if_fail (RW_IS_TRENDS_PAGE (self));
  g_return_if_fail (kind < RW_N_SERIES);
  gtk_toggle_button_set_active (self->series_buttons[kind], visible);
}

RwChart *
rw_trends_page_get_chart (RwTrendsPage *self)
{
  return self->chart;
}

GtkWidget *
rw_trends_page_get_drawing_area (RwTrendsPage *self)
{
  return self->drawing_area;
}

static char *
collect_labels (GtkWidget *root)
{
  GString *out = g_string_new (NULL);
  GtkWidget *w = root;

  /* Depth-first over the labels under @root. */
  while (w != NULL)
    {
      GtkWidget *next;

      if (GTK_IS_LABEL (w))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
      next = gtk_widget_get_first_child (w);
      while (next == NULL && w != root)
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      if (next == NULL)
        break;
      w = next;
    }
  return g_string_free (out, FALSE);
}

char *
rw_trends_page_dup_summary_text (RwTrendsPage *self)
{
  return collect_labels (self->cards);
}

char *
rw_trends_page_dup_insights_text (RwTrendsPage *self)
{
  return collect_labels (self->insights_box);
}
