/* rw-help-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_HELP_WINDOW (rw_help_window_get_type ())
G_DECLARE_FINAL_TYPE (RwHelpWindow, rw_help_window, RW, HELP_WINDOW, AdwWindow)

RwHelpWindow      *rw_help_window_new                  (RwContext         *context,
                                                        GtkWindow         *parent);
void               rw_help_window_set_country          (RwHelpWindow      *self,
                                                        const char        *code);
char             **rw_help_window_dup_shown_countries  (RwHelpWindow      *self);
char              *rw_help_window_dup_check_line       (const RwCrisisService *service);

/* Shared with the welcome window. */
void               rw_country_row_setup                (AdwComboRow       *row,
                                                        RwCrisisDirectory *directory,
                                                        const char        *code);
const char        *rw_country_row_get_code             (AdwComboRow       *row);
void               rw_country_row_select               (AdwComboRow       *row,
                                                        const char        *code);

G_END_DECLS
