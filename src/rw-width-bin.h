/* rw-width-bin.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RW_TYPE_WIDTH_BIN (rw_width_bin_get_type ())
G_DECLARE_FINAL_TYPE (RwWidthBin, rw_width_bin, RW, WIDTH_BIN, GtkWidget)

G_END_DECLS
