/* rw-session.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A treatment session: scheduled ahead or logged after, with what the
 * person wrote before it (intention, checklist), after it (ratings, side
 * effects, blood pressure, note) and on the three days after it
 * (integration answers). Rewire suggests and checks no dose: the dose is
 * the person's own free text.
 *
 * Unset numbers: every number of a session (blood pressure, heart rate,
 * intensity, detached) is RW_SESSION_UNSET (-1) when not given; 0 is a
 * real rating. An unset time is NULL ("none").
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RW_SESSION_UNSET (-1)
#define RW_SESSION_RATING_MIN 0
#define RW_SESSION_RATING_MAX 10
/* The ranges the journal's columns accept: what a home monitor can show. */
#define RW_SESSION_SYSTOLIC_MIN 40
#define RW_SESSION_SYSTOLIC_MAX 300
#define RW_SESSION_DIASTOLIC_MIN 20
#define RW_SESSION_DIASTOLIC_MAX 200
#define RW_SESSION_HEART_RATE_MIN 20
#define RW_SESSION_HEART_RATE_MAX 250
/* Free text fields: provider, dose and a checklist label. */
#define RW_SESSION_SHORT_TEXT_MAX_CHARS 200
#define RW_SESSION_CHECKLIST_MAX 50
/* Days after a session that have integration answers (1 to 3). */
#define RW_SESSION_INTEGRATION_DAYS 3

typedef enum
{
  RW_SESSION_ROUTE_IV,
  RW_SESSION_ROUTE_IM,
  RW_SESSION_ROUTE_NASAL,
  RW_SESSION_ROUTE_ORAL,
  RW_SESSION_ROUTE_OTHER,
  RW_N_SESSION_ROUTES
} RwSessionRoute;

typedef enum
{
  RW_SESSION_PHASE_INDUCTION,
  RW_SESSION_PHASE_BOOSTER,
  RW_SESSION_PHASE_MAINTENANCE,
  RW_SESSION_PHASE_OTHER,
  RW_N_SESSION_PHASES
} RwSessionPhase;

/* Flags; keys (rw_side_effect_get_key()) are what the journal keeps,
 * comma-separated, and what `rewire session --side-effects` takes. */
typedef enum
{
  RW_SIDE_EFFECT_NAUSEA       = 1 << 0,
  RW_SIDE_EFFECT_VOMITING     = 1 << 1,
  RW_SIDE_EFFECT_HEADACHE     = 1 << 2,
  RW_SIDE_EFFECT_DIZZINESS    = 1 << 3,
  RW_SIDE_EFFECT_DROWSINESS   = 1 << 4,
  RW_SIDE_EFFECT_RAISED_BP    = 1 << 5,
  RW_SIDE_EFFECT_URINARY      = 1 << 6,
  RW_SIDE_EFFECT_OTHER        = 1 << 7,
} RwSideEffects;

#define RW_N_SIDE_EFFECTS 8
#define RW_SIDE_EFFECTS_ALL ((1 << RW_N_SIDE_EFFECTS) - 1)

/* The measurements before and after, each RW_SESSION_UNSET or a number. */
typedef enum
{
  RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC,
  RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC,
  RW_SESSION_VITAL_HR_BEFORE,
  RW_SESSION_VITAL_BP_AFTER_SYSTOLIC,
  RW_SESSION_VITAL_BP_AFTER_DIASTOLIC,
  RW_SESSION_VITAL_HR_AFTER,
  RW_N_SESSION_VITALS
} RwSessionVital;

/* The three integration prompts, asked on each of the days 1–3 after. */
typedef enum
{
  RW_INTEGRATION_NOTICED,
  RW_INTEGRATION_CARRY_FORWARD,
  RW_INTEGRATION_HARD,
  RW_N_INTEGRATION_PROMPTS
} RwIntegrationPrompt;

const char *rw_session_route_to_string   (RwSessionRoute  route);   /* "iv", "im", … */
gboolean    rw_session_route_from_string (const char     *text,
                                          RwSessionRoute *route);
const char *rw_session_route_get_label   (RwSessionRoute  route);   /* "IV infusion", translated */

const char *rw_session_phase_to_string   (RwSessionPhase  phase);   /* "induction", … */
gboolean    rw_session_phase_from_string (const char     *text,
                                          RwSessionPhase *phase);
const char *rw_session_phase_get_label   (RwSessionPhase  phase);   /* "Induction", translated */

const char *rw_side_effect_get_key       (RwSideEffects   effect);  /* one flag: "raised-bp" */
const char *rw_side_effect_get_label     (RwSideEffects   effect);  /* "Raised blood pressure" */
char       *rw_side_effects_to_string    (RwSideEffects   effects); /* "nausea,headache" */
gboolean    rw_side_effects_from_string  (const char     *text,
                                          RwSideEffects  *effects,
                                          GError        **error);

const char *rw_session_vital_get_label   (RwSessionVital  vital);
const char *rw_integration_prompt_get_label (RwIntegrationPrompt prompt); /* "What did you notice?" */

#define RW_TYPE_SESSION (rw_session_get_type ())
G_DECLARE_FINAL_TYPE (RwSession, rw_session, RW, SESSION, GObject)

RwSession      *rw_session_new                  (void);
RwSession      *rw_session_copy                 (RwSession      *self);

const char     *rw_session_get_id               (RwSession      *self);
void            rw_session_set_id               (RwSession      *self,
                                                 const char     *id);
const char     *rw_session_get_date             (RwSession      *self);
void            rw_session_set_date             (RwSession      *self,
                                                 const char     *date);
const char     *rw_session_get_time             (RwSession      *self);  /* nullable */
void            rw_session_set_time             (RwSession      *self,
                                                 const char     *time);  /* NULL or "": none */
RwSessionRoute  rw_session_get_route            (RwSession      *self);
void            rw_session_set_route            (RwSession      *self,
                                                 RwSessionRoute  route);
RwSessionPhase  rw_session_get_phase            (RwSession      *self);
void            rw_session_set_phase            (RwSession      *self,
                                                 RwSessionPhase  phase);
const char     *rw_session_get_provider         (RwSession      *self);
void            rw_session_set_provider         (RwSession      *self,
                                                 const char     *provider);
const char     *rw_session_get_dose             (RwSession      *self);
void            rw_session_set_dose             (RwSession      *self,
                                                 const char     *dose);
gboolean        rw_session_get_done             (RwSession      *self);
void            rw_session_set_done             (RwSession      *self,
                                                 gboolean        done);
const char     *rw_session_get_intention        (RwSession      *self);
void            rw_session_set_intention        (RwSession      *self,
                                                 const char     *intention);
int             rw_session_get_vital            (RwSession      *self,
                                                 RwSessionVital  vital);
void            rw_session_set_vital            (RwSession      *self,
                                                 RwSessionVital  vital,
                                                 int             value);
int             rw_session_get_intensity        (RwSession      *self);
void            rw_session_set_intensity        (RwSession      *self,
                                                 int             intensity);
int             rw_session_get_detached         (RwSession      *self);
void            rw_session_set_detached         (RwSession      *self,
                                                 int             detached);
RwSideEffects   rw_session_get_side_effects     (RwSession      *self);
void            rw_session_set_side_effects     (RwSession      *self,
                                                 RwSideEffects   effects);
const char     *rw_session_get_side_effects_other (RwSession    *self);
void            rw_session_set_side_effects_other (RwSession    *self,
                                                   const char   *text);
const char     *rw_session_get_note             (RwSession      *self);
void            rw_session_set_note             (RwSession      *self,
                                                 const char     *note);
gint64          rw_session_get_created          (RwSession      *self);
void            rw_session_set_created          (RwSession      *self,
                                                 gint64          created);
gint64          rw_session_get_modified         (RwSession      *self);
void            rw_session_set_modified         (RwSession      *self,
                                                 gint64          modified);

/* The checklist: ordered labels, each ticked or not. */
char          **rw_session_default_checklist    (void);
void            rw_session_add_default_checklist (RwSession     *self);
guint           rw_session_get_n_checklist      (RwSession      *self);
const char     *rw_session_get_checklist_label  (RwSession      *self,
                                                 guint           position);
gboolean        rw_session_get_checklist_checked (RwSession     *self,
                                                  guint          position);
void            rw_session_set_checklist_checked (RwSession     *self,
                                                  guint          position,
                                                  gboolean       checked);
void            rw_session_set_checklist_label  (RwSession      *self,
                                                 guint           position,
                                                 const char     *label);
void            rw_session_append_checklist     (RwSession      *self,
                                                 const char     *label,
                                                 gboolean        checked);
void            rw_session_remove_checklist     (RwSession      *self,
                                                 guint           position);
void            rw_session_clear_checklist      (RwSession      *self);

/* Integration answers for day 1–3 after the session; never NULL. */
const char     *rw_session_get_integration      (RwSession          *self,
                                                 guint               day,
                                                 RwIntegrationPrompt prompt);
void            rw_session_set_integration      (RwSession          *self,
                                                 guint               day,
                                                 RwIntegrationPrompt prompt,
                                                 const char         *text);
gboolean        rw_session_has_integration      (RwSession          *self,
                                                 guint               day);

gboolean        rw_session_validate             (RwSession      *self,
                                                 GError        **error);
gboolean        rw_session_validate_integration (const char     *text,
                                                 GError        **error);

/* What a person typed, as the command line and editors take it. */
gboolean        rw_session_parse_rating         (const char     *name,
                                                 const char     *text,
                                                 int            *value,
                                                 GError        **error);
gboolean        rw_session_parse_blood_pressure (const char     *text,
                                                 int            *systolic,
                                                 int            *diastolic,
                                                 GError        **error);
gboolean        rw_session_parse_heart_rate     (const char     *text,
                                                 int            *value,
                                                 GError        **error);

G_END_DECLS
