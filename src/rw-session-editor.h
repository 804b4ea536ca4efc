/* rw-session-editor.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

/* Which part of a session the editor shows. */
typedef enum
{
  RW_SESSION_EDITOR_ALL,
  RW_SESSION_EDITOR_BEFORE,   /* the intention and the checklist */
  RW_SESSION_EDITOR_AFTER,    /* ratings, side effects, notes */
} RwSessionEditorPart;

#define RW_TYPE_SESSION_EDITOR (rw_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (RwSessionEditor, rw_session_editor, RW, SESSION_EDITOR, AdwWindow)

RwSessionEditor *rw_session_editor_new             (GtkWindow           *parent,
                                                    RwContext           *context,
                                                    RwSession           *session,
                                                    RwSessionEditorPart  part);
gboolean         rw_session_editor_get_is_new      (RwSessionEditor     *self);
RwSessionEditorPart rw_session_editor_get_part     (RwSessionEditor     *self);
RwSession       *rw_session_editor_dup_session     (RwSessionEditor     *self,
                                                    GError             **error);
const char      *rw_session_editor_get_error       (RwSessionEditor     *self);
void             rw_session_editor_set_date        (RwSessionEditor     *self,
                                                    const char          *date);

/* For tests and keyboard users: the widgets behind the fields. */
GtkEditable     *rw_session_editor_get_provider    (RwSessionEditor     *self);
GtkEditable     *rw_session_editor_get_bp_before   (RwSessionEditor     *self);
GtkTextBuffer   *rw_session_editor_get_intention   (RwSessionEditor     *self);
GtkTextBuffer   *rw_session_editor_get_note        (RwSessionEditor     *self);
AdwComboRow     *rw_session_editor_get_intensity   (RwSessionEditor     *self);
GtkCheckButton  *rw_session_editor_get_side_effect (RwSessionEditor     *self,
                                                    RwSideEffects        effect);
GtkListBox      *rw_session_editor_get_checklist   (RwSessionEditor     *self);
GtkEditable     *rw_session_editor_get_add_item    (RwSessionEditor     *self);

G_END_DECLS
