/* rw-width-bin.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One child, whose width is asked for without a height. GTK 4.8's
 * GtkViewport measures its child's width for the viewport's height, and a
 * wrapping label asked for its width at a given height searches for it,
 * laying its text out again at a dozen widths (AdwStatusPage's title and
 * description did so for every first frame of an empty journal). Put
 * between a scrolled window and text that wraps, this asks once, and
 * centres the child in the height it is given.
 */
#include "config.h"

#include "rw-width-bin.h"

struct _RwWidthBin
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (RwWidthBin, rw_width_bin, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
rw_width_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rw_width_bin_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rw_width_bin_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  int natural;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  /* Centred here rather than by the child's valign: an aligned child
   * whose layout reports no height-for-width is asked for its width at a
   * height, which is the search this bin is for. */
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  if (natural < height)
    {
      GskTransform *transform =
        gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, (height - natural) / 2));

      gtk_widget_allocate (child, width, natural, -1, transform);
    }
  else
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
rw_width_bin_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rw_width_bin_parent_class)->dispose (object);
}

static void
rw_width_bin_class_init (RwWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_width_bin_dispose;
  widget_class->get_request_mode = rw_width_bin_get_request_mode;
  widget_class->measure = rw_width_bin_measure;
  widget_class->size_allocate = rw_width_bin_size_allocate;
}

static void
rw_width_bin_init (RwWidthBin *self)
{
}
