/* rw-chart-view.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Trends chart on screen, drawn by the core's renderer with the
 * colours and font of the current style: its background a colour node, and
 * each part of the chart (rw_chart_draw_part()) a cairo node only as large
 * as the part, kept together as one render node. The highlight (the line
 * and the box with a day's values) is a small node of its own over them.
 * Hovering, or moving the highlight with the keyboard, rebuilds only the
 * highlight's node: the chart's is appended as it was, and GTK repaints
 * just the area the highlight left and entered. The chart's node is built
 * anew when its data, its series, its size or the style change.
 *
 * Why parts: the cairo renderer replays each cairo node into a scratch
 * surface of its size (clipped to what is repainted); one node for the
 * whole chart, background included, made every frame pay for the whole
 * area, and every hover for every shape under it.
 */
#define G_LOG_DOMAIN "rw-chart-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rw-chart-view.h"

struct _RwChartView
{
  GtkWidget parent_instance;

  RwChart *chart;
  RwChartStyle style;         /* style.font points at font */
  char *font;
  gboolean style_read;
  GskRenderNode *chart_node;      /* kept until the chart changes */
  int content_height;
  GskRenderNode *highlight_node;  /* kept until the highlight moves */
};

G_DEFINE_FINAL_TYPE (RwChartView, rw_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHT,
  PROP_CONTENT_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The libadwaita palette colours of each series, on light and on dark. */
static const struct
{
  const char *light, *dark;
} series_colors[RW_N_SERIES] = {
  [RW_SERIES_MOOD] = { "blue_2", "blue_3" },
  [RW_SERIES_ANXIETY] = { "orange_5", "orange_2" },
  [RW_SERIES_FOCUS] = { "purple_4", "purple_2" },
  [RW_SERIES_HOPE] = { "green_5", "green_1" },
  [RW_SERIES_ENERGY] = { "yellow_5", "yellow_1" },
  [RW_SERIES_SLEEP_QUALITY] = { "dark_2", "light_4" },
  [RW_SERIES_SLEEP_HOURS] = { "blue_2", "blue_2" },
};

static gboolean
lookup (GtkWidget  *widget,
        const char *name,
        double      alpha,
        RwColor    *color)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &rgba))
    return FALSE;
  *color = (RwColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha * alpha };
  return TRUE;
}

/**
 * rw_chart_view_style_for_widget:
 * @widget: a widget in the window
 * @style: (out caller-allocates): the chart colours of its style
 *
 * The colours of @widget's style and its font, light or dark by its view
 * background, for any chart drawn in the window (the around-sessions
 * chart too). @style->font is owned by the caller (g_free).
 */
void
rw_chart_view_style_for_widget (GtkWidget    *widget,
                                RwChartStyle *style_out)
{
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *description = pango_context_get_font_description (pango);
  char *font = description != NULL ? pango_font_description_to_string (description)
                                   : g_strdup ("Sans 10");
  RwChartStyle style;
  RwColor view_fg;
  gboolean dark;
  double resolution = pango_cairo_context_get_resolution (pango);

  /* Light or dark by the view's own background, whatever asked for it. */
  rw_chart_style_init (&style, FALSE);
  lookup (widget, "view_bg_color", 1, &style.background);
  dark = 0.2126 * style.background.red + 0.7152 * style.background.green +
         0.0722 * style.background.blue < 0.5;
  rw_chart_style_init (&style, dark);
  lookup (widget, "view_bg_color", 1, &style.background);
  if (lookup (widget, "view_fg_color", 1, &view_fg))
    {
      style.foreground = view_fg;
      style.dim = (RwColor) { view_fg.red, view_fg.green, view_fg.blue, 0.62 };
      style.grid = (RwColor) { view_fg.red, view_fg.green, view_fg.blue, 0.12 };
    }
  for (guint k = 0; k < RW_N_SERIES; k++)
    lookup (widget, dark ? series_colors[k].dark : series_colors[k].light,
            k == RW_SERIES_SLEEP_HOURS ? 0.55 : 1, &style.series[k]);
  lookup (widget, dark ? "blue_1" : "blue_5", 1, &style.rolling);
  lookup (widget, dark ? "red_1" : "red_4", 0.9, &style.marker);
  style.font = font;
  style.resolution = resolution > 0 ? resolution : 96;
  *style_out = style;
}

/* Reads colours and font from the style; returns whether they changed. */
static gboolean
read_style (RwChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *font = NULL;
  RwChartStyle style;
  gboolean changed;

  rw_chart_view_style_for_widget (widget, &style);
  font = (char *) style.font;

  changed = !self->style_read || g_strcmp0 (font, self->font) != 0 ||
            memcmp (&style.background, &self->style.background,
                    G_STRUCT_OFFSET (RwChartStyle, font) - G_STRUCT_OFFSET (RwChartStyle, background)) != 0 ||
            style.resolution != self->style.resolution;
  if (!changed)
    return FALSE;
  g_free (self->font);
  self->font = g_steal_pointer (&font);
  self->style = style;
  self->style.font = self->font;
  self->style_read = TRUE;
  rw_chart_set_style (self->chart, &self->style);
  return TRUE;
}

static void
ensure_style (RwChartView *self)
{
  if (!self->style_read)
    read_style (self);
}

static void
highlight_changed (RwChartView *self)
{
  g_clear_pointer (&self->highlight_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Everything drawn anew: the chart and the highlight. */
static void
chart_changed (RwChartView *self)
{
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  g_clear_pointer (&self->highlight_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
build_chart_node (RwChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  const RwColor *bg = &self->style.background;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  rw_chart_set_size (self->chart, width, height);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { bg->red, bg->green, bg->blue, bg->alpha },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint p = 0; p < RW_N_CHART_PARTS; p++)
    {
      cairo_rectangle_t area;
      cairo_t *cr;

      if (!rw_chart_get_part_area (self->chart, p, &area))
        continue;
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (area.x, area.y, area.width,
                                                                     area.height));
      rw_chart_draw_part (self->chart, cr, p, &self->style);
      cairo_destroy (cr);
    }
  self->chart_node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RwChartView              *self)
{
  rw_chart_view_set_highlight (self, rw_chart_day_at (self->chart, x));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          RwChartView              *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    rw_chart_view_set_highlight (self, -1);
}

/* Left and Right walk the days (weeks or months on long ranges), Home and
 * End jump, showing their values the way hovering does. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RwChartView           *self)
{
  RwSeries *series = rw_chart_get_series (self->chart);
  RwChartMove move;
  int before;

  if (series == NULL || rw_series_is_empty (series) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move = RW_CHART_MOVE_PREVIOUS;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move = RW_CHART_MOVE_NEXT;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move = RW_CHART_MOVE_FIRST;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move = RW_CHART_MOVE_LAST;
      break;
    default:
      return FALSE;
    }
  ensure_style (self);
  before = rw_chart_get_highlight (self->chart);
  rw_chart_move_highlight (self->chart, move);
  if (rw_chart_get_highlight (self->chart) != before)
    {
      highlight_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
    }
  return TRUE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                RwChartView             *self)
{
  rw_chart_view_set_highlight (self, -1);
}

static void
build_highlight_node (RwChartView *self)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  const RwChartStyle *style = &self->style;
  cairo_rectangle_t box;
  double x, top, bottom;
  GskRoundedRect outline;
  GdkRGBA border;

  if (!rw_chart_get_highlight_area (self->chart, &x, &top, &bottom, &box))
    return;

  /* Colour, border and text nodes, drawn straight onto the window: only
   * what they cover is repainted when they move, and nothing is replayed
   * through a scratch surface, as a cairo node would be. The same box as
   * rw_chart_draw_highlight_box() draws. */
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { style->dim.red, style->dim.green, style->dim.blue,
                                                    style->dim.alpha },
                             &GRAPHENE_RECT_INIT (floor (x), top, 1, bottom - top));
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { style->background.red, style->background.green,
                                                    style->background.blue, 1 },
                             &GRAPHENE_RECT_INIT (box.x, box.y, box.width, box.height));
  border = (GdkRGBA) { style->grid.red, style->grid.green, style->grid.blue, MAX (style->grid.alpha, 0.2) };
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (box.x, box.y, box.width, box.height), 0);
  gtk_snapshot_append_border (snapshot, &outline, (const float[4]) { 1, 1, 1, 1 },
                              (const GdkRGBA[4]) { border, border, border, border });
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.x + RW_CHART_BOX_PADDING_X,
                                                          box.y + RW_CHART_BOX_PADDING_Y));
  gtk_snapshot_append_layout (snapshot, rw_chart_get_highlight_layout (self->chart),
                              &(GdkRGBA) { style->foreground.red, style->foreground.green,
                                           style->foreground.blue, style->foreground.alpha });
  gtk_snapshot_restore (snapshot);
  self->highlight_node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
rw_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RwChartView *self = RW_CHART_VIEW (widget);

  ensure_style (self);
  if (self->chart_node == NULL)
    build_chart_node (self);
  if (self->chart_node != NULL)
    gtk_snapshot_append_node (snapshot, self->chart_node);
  if (rw_chart_get_highlight (self->chart) < 0)
    return;
  if (self->highlight_node == NULL)
    build_highlight_node (self);
  if (self->highlight_node != NULL)
    gtk_snapshot_append_node (snapshot, self->highlight_node);
}

static void
rw_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else if (RW_CHART_VIEW (widget)->content_height > 0)
    *minimum = *natural = RW_CHART_VIEW (widget)->content_height;
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
      int line;

      /* Taller with large text, so that the panels keep their room. */
      pango_layout_get_pixel_size (layout, NULL, &line);
      *minimum = *natural = MAX (420, 24 * line);
    }
}

static void
rw_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RwChartView *self = RW_CHART_VIEW (widget);
  guint layouts = rw_chart_get_layout_count (self->chart);

  ensure_style (self);
  rw_chart_set_size (self->chart, width, height);
  rw_chart_get_step (self->chart);
  /* A new layout puts everything elsewhere. */
  if (rw_chart_get_layout_count (self->chart) != layouts)
    {
      g_clear_pointer (&self->chart_node, gsk_render_node_unref);
      g_clear_pointer (&self->highlight_node, gsk_render_node_unref);
    }
}

static void
rw_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  RwChartView *self = RW_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (rw_chart_view_parent_class)->css_changed (widget, change);

  /* Most changes are of state (hover, focus) and leave the chart as it is. */
  if (read_style (self))
    {
      gtk_widget_queue_resize (widget);
      chart_changed (self);
    }
}

static void
rw_chart_view_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  RwChartView *self = RW_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (rw_chart_view_parent_class)->system_setting_changed (widget, setting);

  if (read_style (self))
    {
      gtk_widget_queue_resize (widget);
      chart_changed (self);
    }
}

static void
rw_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RwChartView *self = RW_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      g_value_set_int (value, rw_chart_view_get_highlight (self));
      break;
    case PROP_CONTENT_HEIGHT:
      g_value_set_int (value, rw_chart_view_get_content_height (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RwChartView *self = RW_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      rw_chart_view_set_highlight (self, g_value_get_int (value));
      break;
    case PROP_CONTENT_HEIGHT:
      rw_chart_view_set_content_height (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_chart_view_dispose (GObject *object)
{
  RwChartView *self = RW_CHART_VIEW (object);

  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  g_clear_pointer (&self->highlight_node, gsk_render_node_unref);

  G_OBJECT_CLASS (rw_chart_view_parent_class)->dispose (object);
}

static void
rw_chart_view_finalize (GObject *object)
{
  RwChartView *self = RW_CHART_VIEW (object);

  g_clear_pointer (&self->chart, rw_chart_free);
  g_free (self->font);

  G_OBJECT_CLASS (rw_chart_view_parent_class)->finalize (object);
}

static void
rw_chart_view_class_init (RwChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rw_chart_view_get_property;
  object_class->set_property = rw_chart_view_set_property;
  object_class->dispose = rw_chart_view_dispose;
  object_class->finalize = rw_chart_view_finalize;
  widget_class->snapshot = rw_chart_view_snapshot;
  widget_class->measure = rw_chart_view_measure;
  widget_class->size_allocate = rw_chart_view_size_allocate;
  widget_class->css_changed = rw_chart_view_css_changed;
  widget_class->system_setting_changed = rw_chart_view_system_setting_changed;

  /**
   * RwChartView:highlight:
   *
   * The day (index into the series) whose values are shown, or -1.
   */
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RwChartView:content-height:
   *
   * The height the chart asks for, or 0 for one that fits its text: at
   * least 420 pixels, more with large text.
   */
  properties[PROP_CONTENT_HEIGHT] =
    g_param_spec_int ("content-height", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rw_chart_view_init (RwChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->chart = rw_chart_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * rw_chart_view_new:
 *
 * Returns: (transfer floating): a chart of nothing yet
 */
GtkWidget *
rw_chart_view_new (void)
{
  return g_object_new (RW_TYPE_CHART_VIEW, NULL);
}

/**
 * rw_chart_view_get_chart:
 * @self: a #RwChartView
 *
 * The chart it shows, to read (its layout, counters, highlight); change
 * it through the view so that the view redraws.
 *
 * Returns: (transfer none): the chart
 */
RwChart *
rw_chart_view_get_chart (RwChartView *self)
{
  g_return_val_if_fail (RW_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

/**
 * rw_chart_view_set_series:
 * @self: a #RwChartView
 * @series: (nullable): the days to show
 */
void
rw_chart_view_set_series (RwChartView *self,
                          RwSeries    *series)
{
  gboolean had_highlight;

  g_return_if_fail (RW_IS_CHART_VIEW (self));

  had_highlight = rw_chart_get_highlight (self->chart) >= 0;
  rw_chart_set_series (self->chart, series);
  chart_changed (self);
  if (had_highlight)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

void
rw_chart_view_set_visible (RwChartView  *self,
                           RwSeriesKind  kind,
                           gboolean      visible)
{
  g_return_if_fail (RW_IS_CHART_VIEW (self));
  g_return_if_fail (kind < RW_N_SERIES);

  if (rw_chart_get_visible (self->chart, kind) == !!visible)
    return;
  rw_chart_set_visible (self->chart, kind, visible);
  chart_changed (self);
}

int
rw_chart_view_get_highlight (RwChartView *self)
{
  g_return_val_if_fail (RW_IS_CHART_VIEW (self), -1);
  return rw_chart_get_highlight (self->chart);
}

/**
 * rw_chart_view_set_highlight:
 * @self: a #RwChartView
 * @highlight: a day of the series, or -1
 *
 * Shows the values of that day (or of its week or month), redrawing only
 * the highlight.
 */
void
rw_chart_view_set_highlight (RwChartView *self,
                             int          highlight)
{
  int before;

  g_return_if_fail (RW_IS_CHART_VIEW (self));

  before = rw_chart_get_highlight (self->chart);
  rw_chart_set_highlight (self->chart, highlight);
  if (rw_chart_get_highlight (self->chart) == before)
    return;
  highlight_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

int
rw_chart_view_get_content_height (RwChartView *self)
{
  g_return_val_if_fail (RW_IS_CHART_VIEW (self), 0);
  return self->content_height;
}

void
rw_chart_view_set_content_height (RwChartView *self,
                                  int          height)
{
  g_return_if_fail (RW_IS_CHART_VIEW (self));
  g_return_if_fail (height >= 0);

  if (self->content_height == height)
    return;
  self->content_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_HEIGHT]);
}

/**
 * rw_chart_view_queue_chart_draw:
 * @self: a #RwChartView
 *
 * Draws the chart anew at the next frame, as a change of style does (its
 * layout is kept).
 */
void
rw_chart_view_queue_chart_draw (RwChartView *self)
{
  g_return_if_fail (RW_IS_CHART_VIEW (self));
  chart_changed (self);
}

/**
 * rw_chart_view_get_style:
 * @self: a #RwChartView
 *
 * Returns: the colours and font the chart is drawn with, from the style
 */
const RwChartStyle *
rw_chart_view_get_style (RwChartView *self)
{
  g_return_val_if_fail (RW_IS_CHART_VIEW (self), NULL);

  ensure_style (self);
  return &self->style;
}

/**
 * rw_chart_view_export_as:
 * @self: a #RwChartView
 * @path: the file to write
 * @format: what to write into it, whatever its name says
 * @error: return location for a #GError
 *
 * Writes the chart as it is on screen, at its size and in its colours,
 * under a heading of what it shows; a PDF is a page of the locale's paper.
 *
 * Returns: whether the file was written
 */
gboolean
rw_chart_view_export_as (RwChartView    *self,
                         const char     *path,
                         RwChartFormat   format,
                         GError        **error)
{
  int width, height;

  g_return_val_if_fail (RW_IS_CHART_VIEW (self), FALSE);

  ensure_style (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  return rw_chart_export_as (self->chart, path, format, width >= 50 ? width : 900,
                             height >= 50 ? height : 400, rw_paper_get_default (), &self->style,
                             error);
}

/**
 * rw_chart_view_export:
 * @self: a #RwChartView
 * @path: a .png, .svg or .pdf file
 * @error: return location for a #GError
 *
 * rw_chart_view_export_as() in the format the name's ending says.
 *
 * Returns: whether the file was written
 */
gboolean
rw_chart_view_export (RwChartView  *self,
                      const char   *path,
                      GError      **error)
{
  RwChartFormat format;

  g_return_val_if_fail (RW_IS_CHART_VIEW (self), FALSE);

  if (!rw_chart_format_from_path (path, &format))
    return rw_chart_export (self->chart, path, 900, 400, &self->style, error);
  return rw_chart_view_export_as (self, path, format, error);
}
