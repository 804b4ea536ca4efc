/* rw-check-in-editor.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_CHECK_IN_EDITOR (rw_check_in_editor_get_type ())
G_DECLARE_FINAL_TYPE (RwCheckInEditor, rw_check_in_editor, RW, CHECK_IN_EDITOR, AdwWindow)

RwCheckInEditor *rw_check_in_editor_new            (GtkWindow       *parent,
                                                    RwContext       *context,
                                                    RwCheckIn       *check_in);
gboolean         rw_check_in_editor_get_is_new     (RwCheckInEditor *self);
gboolean         rw_check_in_editor_get_dirty      (RwCheckInEditor *self);
gboolean         rw_check_in_editor_get_restored   (RwCheckInEditor *self);
RwCheckIn       *rw_check_in_editor_dup_check_in   (RwCheckInEditor *self);
void             rw_check_in_editor_save_draft_now (RwCheckInEditor *self);

/* For tests and keyboard users: the widgets behind the fields. */
GtkRange        *rw_check_in_editor_get_metric_range (RwCheckInEditor *self,
                                                      RwMetric         metric);
GtkSpinButton   *rw_check_in_editor_get_sleep_spin   (RwCheckInEditor *self);
GtkEditable     *rw_check_in_editor_get_tag_entry    (RwCheckInEditor *self);
GtkTextBuffer   *rw_check_in_editor_get_note_buffer  (RwCheckInEditor *self);
void             rw_check_in_editor_set_date         (RwCheckInEditor *self,
                                                      const char      *date);
void             rw_check_in_editor_set_time         (RwCheckInEditor *self,
                                                      const char      *time);
const char      *rw_check_in_editor_get_error        (RwCheckInEditor *self);
GtkWidget       *rw_check_in_editor_get_save_button  (RwCheckInEditor *self);
GtkTextBuffer   *rw_check_in_editor_get_integration_buffer (RwCheckInEditor     *self,
                                                            RwIntegrationPrompt  prompt);

G_END_DECLS
