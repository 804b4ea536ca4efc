/* rw-around-view.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The around-sessions chart in the window: the core draws it
 * (rw-chart-around.h) in the colours and font of the window's style, as
 * tall as the text needs, at any width.
 */
#define G_LOG_DOMAIN "rw-around-view"

#include "config.h"

#include "rw-around-view.h"
#include "rw-chart-view.h"

struct _RwAroundView
{
  GtkWidget parent_instance;

  RwAround *around;
};

G_DEFINE_FINAL_TYPE (RwAroundView, rw_around_view, GTK_TYPE_WIDGET)

static void
rw_around_view_measure (GtkWidget      *widget,
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
  else
    {
      g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, "0");
      int line_h;

      /* The plot, and the legend, days, counts and caption around it
       * (more lines when narrow). */
      pango_layout_get_pixel_size (probe, NULL, &line_h);
      *minimum = *natural = 220 + line_h * (for_size > 0 && for_size < 500 ? 8 : 5);
    }
}

static void
rw_around_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RwAroundView *self = RW_AROUND_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  RwChartStyle style;
  cairo_t *cr;

  if (self->around == NULL || width <= 0 || height <= 0)
    return;
  rw_chart_view_style_for_widget (widget, &style);
  font = (char *) style.font;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rw_chart_around_draw (self->around, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
rw_around_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rw_around_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
rw_around_view_finalize (GObject *object)
{
  RwAroundView *self = RW_AROUND_VIEW (object);

  g_clear_pointer (&self->around, rw_around_unref);

  G_OBJECT_CLASS (rw_around_view_parent_class)->finalize (object);
}

static void
rw_around_view_class_init (RwAroundViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rw_around_view_finalize;
  widget_class->measure = rw_around_view_measure;
  widget_class->snapshot = rw_around_view_snapshot;
  widget_class->css_changed = rw_around_view_css_changed;
  gtk_widget_class_set_css_name (widget_class, "aroundview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rw_around_view_init (RwAroundView *self)
{
}

GtkWidget *
rw_around_view_new (void)
{
  return g_object_new (RW_TYPE_AROUND_VIEW, NULL);
}

RwAround *
rw_around_view_get_around (RwAroundView *self)
{
  g_return_val_if_fail (RW_IS_AROUND_VIEW (self), NULL);
  return self->around;
}

/**
 * rw_around_view_set_around:
 * @self: a #RwAroundView
 * @around: (nullable): what to draw; a reference is kept
 */
void
rw_around_view_set_around (RwAroundView *self,
                           RwAround     *around)
{
  g_return_if_fail (RW_IS_AROUND_VIEW (self));

  if (around != NULL)
    rw_around_ref (around);
  g_clear_pointer (&self->around, rw_around_unref);
  self->around = around;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
