/* rw-help-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_HELP_WINDOW (rw_help_window_get_type ())
G_DECLARE_FINAL_TYPE (RwHelpWindow, rw_help_window, RW, HELP_WINDOW, AdwWindow)

RwHelpWindow  *rw_help_window_new                (GtkWindow    *parent,
                                                  GSettings    *settings);
char         **rw_help_window_dup_shown_countries (RwHelpWindow *self);
void           rw_help_window_set_country         (RwHelpWindow *self,
                                                   const char   *code);

/* Shared by the welcome page: a combo row of every country of the list. */
AdwComboRow   *rw_country_row_new                 (RwCrisisDirectory *directory,
                                                   const char        *code);
const char    *rw_country_row_get_code            (AdwComboRow       *row);

G_END_DECLS
