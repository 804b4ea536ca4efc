/* rw-symbolic-icon.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A symbolic icon drawn from one of the .symbolic.png files made at build
 * time (ui/icons), recoloured like any symbolic icon with the colours of the
 * widget that shows it. It exists for the empty journal's large app icon:
 * looked up by name, the icon theme takes the SVG in scalable/apps (Adwaita
 * has no 128 px folder), and loading librsvg for it held up the first frame
 * of an empty journal; and GTK 4.8 does not recolour an icon made from a
 * file. A symbolic PNG keeps the coverage in its alpha channel and the
 * weights of the success, warning and error colours in red, green and blue,
 * so one colour matrix paints it.
 */
#include "config.h"

#include "rw-symbolic-icon.h"

struct _RwSymbolicIcon
{
  GObject parent_instance;

  GdkTexture *texture;
  int size;                /* in application pixels */
};

static void rw_symbolic_icon_paintable_init (GdkPaintableInterface *iface);
static void rw_symbolic_icon_symbolic_init (GtkSymbolicPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RwSymbolicIcon, rw_symbolic_icon, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      rw_symbolic_icon_paintable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SYMBOLIC_PAINTABLE,
                                                      rw_symbolic_icon_symbolic_init))

static void
rw_symbolic_icon_snapshot_symbolic (GtkSymbolicPaintable *paintable,
                                    GdkSnapshot          *snapshot,
                                    double                width,
                                    double                height,
                                    const GdkRGBA        *colors,
                                    gsize                 n_colors)
{
  RwSymbolicIcon *self = RW_SYMBOLIC_ICON (paintable);
  const GdkRGBA *fg = &colors[GTK_SYMBOLIC_COLOR_FOREGROUND];
  /* Without the other colours, everything is the foreground. */
  const GdkRGBA *rows[3] = {
    n_colors > GTK_SYMBOLIC_COLOR_SUCCESS ? &colors[GTK_SYMBOLIC_COLOR_SUCCESS] : fg,
    n_colors > GTK_SYMBOLIC_COLOR_WARNING ? &colors[GTK_SYMBOLIC_COLOR_WARNING] : fg,
    n_colors > GTK_SYMBOLIC_COLOR_ERROR ? &colors[GTK_SYMBOLIC_COLOR_ERROR] : fg,
  };
  graphene_matrix_t matrix;
  graphene_vec4_t offset;
  float m[16] = { 0 };

  /* Each row is what one channel of the PNG adds to the colour drawn:
   * red, green and blue move the foreground towards the success, warning
   * and error colours; alpha is the coverage, in the foreground's alpha. */
  for (guint row = 0; row < 3; row++)
    {
      m[row * 4 + 0] = rows[row]->red - fg->red;
      m[row * 4 + 1] = rows[row]->green - fg->green;
      m[row * 4 + 2] = rows[row]->blue - fg->blue;
    }
  m[15] = fg->alpha;
  graphene_matrix_init_from_float (&matrix, m);
  graphene_vec4_init (&offset, fg->red, fg->green, fg->blue, 0);

  gtk_snapshot_push_color_matrix (snapshot, &matrix, &offset);
  gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
  gtk_snapshot_pop (snapshot);
}

static void
rw_symbolic_icon_snapshot (GdkPaintable *paintable,
                           GdkSnapshot  *snapshot,
                           double        width,
                           double        height)
{
  const GdkRGBA black = { 0, 0, 0, 1 };

  rw_symbolic_icon_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot,
                                      width, height, &black, 1);
}

static int
rw_symbolic_icon_get_intrinsic_width (GdkPaintable *paintable)
{
  return RW_SYMBOLIC_ICON (paintable)->size;
}

static int
rw_symbolic_icon_get_intrinsic_height (GdkPaintable *paintable)
{
  return RW_SYMBOLIC_ICON (paintable)->size;
}

static GdkPaintableFlags
rw_symbolic_icon_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
rw_symbolic_icon_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = rw_symbolic_icon_snapshot;
  iface->get_intrinsic_width = rw_symbolic_icon_get_intrinsic_width;
  iface->get_intrinsic_height = rw_symbolic_icon_get_intrinsic_height;
  iface->get_flags = rw_symbolic_icon_get_flags;
}

static void
rw_symbolic_icon_symbolic_init (GtkSymbolicPaintableInterface *iface)
{
  iface->snapshot_symbolic = rw_symbolic_icon_snapshot_symbolic;
}

static void
rw_symbolic_icon_finalize (GObject *object)
{
  RwSymbolicIcon *self = RW_SYMBOLIC_ICON (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (rw_symbolic_icon_parent_class)->finalize (object);
}

static void
rw_symbolic_icon_class_init (RwSymbolicIconClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rw_symbolic_icon_finalize;
}

static void
rw_symbolic_icon_init (RwSymbolicIcon *self)
{
}

/**
 * rw_symbolic_icon_new_app_icon:
 * @size: the size it is shown at, in application pixels
 * @scale: the scale of the display it is shown on
 *
 * The app's symbolic icon from the 128 px PNG, or from the 256 px one at a
 * scale above 1.
 */
GdkPaintable *
rw_symbolic_icon_new_app_icon (int size,
                               int scale)
{
  RwSymbolicIcon *self = g_object_new (RW_TYPE_SYMBOLIC_ICON, NULL);
  int pixels = scale > 1 ? 256 : 128;
  g_autofree char *path = g_strdup_printf ("/io/github/rewire/Rewire/icons/%dx%d/apps/"
                                           APP_ID "-symbolic.symbolic.png", pixels, pixels);

  self->texture = gdk_texture_new_from_resource (path);
  self->size = size;
  return GDK_PAINTABLE (self);
}
