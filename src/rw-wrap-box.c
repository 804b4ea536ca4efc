/* rw-wrap-box.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Children at their natural width, left to right, wrapping onto new lines:
 * tag pills. GtkFlowBox spreads spare room over a line's children and
 * AdwWrapBox only arrived in libadwaita 1.7, so this small one is ours.
 */
#include "config.h"

#include "rw-wrap-box.h"

struct _RwWrapBox
{
  GtkWidget parent_instance;
  int spacing;
  int line_spacing;
};

G_DEFINE_FINAL_TYPE (RwWrapBox, rw_wrap_box, GTK_TYPE_WIDGET)

/* Lays the children out in @width (or measures them when @allocate is
 * FALSE) and returns the height used. */
static int
layout (RwWrapBox *self,
        int        width,
        gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_width,
                          NULL, NULL);
      child_width = MAX (child_min, MIN (child_width, width));
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height,
                          NULL, NULL);

      if (x > 0 && x + child_width > width)
        {
          x = 0;
          y += line_height + self->line_spacing;
          line_height = 0;
        }
      if (allocate)
        {
          GtkAllocation box = { x, y, child_width, child_height };
          gtk_widget_size_allocate (child, &box, -1);
        }
      x += child_width + self->spacing;
      line_height = MAX (line_height, child_height);
    }

  return y + line_height;
}

static GtkSizeRequestMode
rw_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rw_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  RwWrapBox *self = RW_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (n++ > 0 ? self->spacing : 0);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int height = layout (self, for_size < 0 ? G_MAXINT / 2 : for_size, FALSE);

      *minimum = *natural = height;
    }
}

static void
rw_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  layout (RW_WRAP_BOX (widget), width, TRUE);
}

static void
rw_wrap_box_dispose (GObject *object)
{
  rw_wrap_box_remove_all (RW_WRAP_BOX (object));
  G_OBJECT_CLASS (rw_wrap_box_parent_class)->dispose (object);
}

static void
rw_wrap_box_class_init (RwWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_wrap_box_dispose;
  widget_class->get_request_mode = rw_wrap_box_get_request_mode;
  widget_class->measure = rw_wrap_box_measure;
  widget_class->size_allocate = rw_wrap_box_size_allocate;
}

static void
rw_wrap_box_init (RwWrapBox *self)
{
}

GtkWidget *
rw_wrap_box_new (int spacing)
{
  RwWrapBox *self = g_object_new (RW_TYPE_WRAP_BOX, NULL);

  self->spacing = spacing;
  self->line_spacing = spacing;
  return GTK_WIDGET (self);
}

/**
 * rw_wrap_box_set_line_spacing:
 * @self: a #RwWrapBox
 * @spacing: the space between lines (by default the space between children)
 */
void
rw_wrap_box_set_line_spacing (RwWrapBox *self,
                              int        spacing)
{
  g_return_if_fail (RW_IS_WRAP_BOX (self));

  if (self->line_spacing == spacing)
    return;
  self->line_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
rw_wrap_box_append (RwWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (RW_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
rw_wrap_box_remove_all (RwWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (RW_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}
