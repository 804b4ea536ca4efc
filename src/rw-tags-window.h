/* rw-tags-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_TAGS_WINDOW (rw_tags_window_get_type ())
G_DECLARE_FINAL_TYPE (RwTagsWindow, rw_tags_window, RW, TAGS_WINDOW, AdwWindow)

RwTagsWindow     *rw_tags_window_new        (RwContext    *context,
                                             GtkWindow    *parent);

/* For tests: the row of a tag (an AdwEntryRow), the open confirmation. */
AdwEntryRow      *rw_tags_window_get_row    (RwTagsWindow *self,
                                             const char   *tag);
AdwMessageDialog *rw_tags_window_get_dialog (RwTagsWindow *self);

G_END_DECLS
