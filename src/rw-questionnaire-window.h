/* rw-questionnaire-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_QUESTIONNAIRE_WINDOW (rw_questionnaire_window_get_type ())
G_DECLARE_FINAL_TYPE (RwQuestionnaireWindow, rw_questionnaire_window, RW, QUESTIONNAIRE_WINDOW,
                      AdwWindow)

RwQuestionnaireWindow *rw_questionnaire_window_new        (RwContext             *context,
                                                           GtkWindow             *parent,
                                                           RwQuestionnaireKind    kind);
RwQuestionnaireKind    rw_questionnaire_window_get_kind   (RwQuestionnaireWindow *self);
const RwAssessment    *rw_questionnaire_window_get_saved  (RwQuestionnaireWindow *self);
gboolean               rw_questionnaire_window_get_offer_shown (RwQuestionnaireWindow *self);
guint                  rw_questionnaire_window_get_n_history   (RwQuestionnaireWindow *self);
gboolean               rw_questionnaire_window_get_restart_after_session (RwQuestionnaireWindow *self);
void                   rw_questionnaire_window_set_restart_after_session (RwQuestionnaireWindow *self,
                                                                          gboolean               restart);

G_END_DECLS
