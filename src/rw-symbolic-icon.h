/* rw-symbolic-icon.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RW_TYPE_SYMBOLIC_ICON (rw_symbolic_icon_get_type ())
G_DECLARE_FINAL_TYPE (RwSymbolicIcon, rw_symbolic_icon, RW, SYMBOLIC_ICON, GObject)

GdkPaintable *rw_symbolic_icon_new_app_icon (int size,
                                             int scale);

G_END_DECLS
