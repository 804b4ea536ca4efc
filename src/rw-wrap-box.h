/* rw-wrap-box.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RW_TYPE_WRAP_BOX (rw_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (RwWrapBox, rw_wrap_box, RW, WRAP_BOX, GtkWidget)

GtkWidget *rw_wrap_box_new       (int         spacing);
void       rw_wrap_box_append    (RwWrapBox  *self,
                                  GtkWidget  *child);
void       rw_wrap_box_remove_all (RwWrapBox *self);
void       rw_wrap_box_set_line_spacing (RwWrapBox *self,
                                         int        spacing);

G_END_DECLS
