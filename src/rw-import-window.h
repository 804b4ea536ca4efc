/* rw-import-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_IMPORT_WINDOW (rw_import_window_get_type ())
G_DECLARE_FINAL_TYPE (RwImportWindow, rw_import_window, RW, IMPORT_WINDOW, AdwWindow)

void            rw_import_window_choose          (RwContext      *context,
                                                  GtkWindow      *parent);
RwImportWindow *rw_import_window_new             (RwContext      *context,
                                                  GtkWindow      *parent,
                                                  GFile          *file);

/* For tests: "reading", "preview", "importing", "done" or "error"; the
 * spin button that places a Daylio mood label; the status shown. */
const char     *rw_import_window_get_state       (RwImportWindow *self);
GtkSpinButton  *rw_import_window_get_mood_button (RwImportWindow *self,
                                                  const char     *label);
const char     *rw_import_window_get_message     (RwImportWindow *self);

G_END_DECLS
