/* rw-safety-plan.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's own safety plan: seven sections of their words, one item a
 * line. The sections follow the steps of the Safety Planning Intervention
 * (Stanley and Brown 2012); the headings and hints are Rewire's wording.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RwSafetyPlanSection:
 * @RW_SAFETY_PLAN_WARNING_SIGNS: what tells me a crisis may be coming
 * @RW_SAFETY_PLAN_COPING: what I can do on my own
 * @RW_SAFETY_PLAN_DISTRACTIONS: people and places that take my mind off things
 * @RW_SAFETY_PLAN_PEOPLE: people I can ask for help
 * @RW_SAFETY_PLAN_PROFESSIONALS: professionals and services
 * @RW_SAFETY_PLAN_ENVIRONMENT: making my surroundings safer
 * @RW_SAFETY_PLAN_REASONS: reasons to live
 * @RW_SAFETY_PLAN_N_SECTIONS: how many there are
 *
 * The sections in the order the plan is read and printed.
 */
typedef enum
{
  RW_SAFETY_PLAN_WARNING_SIGNS,
  RW_SAFETY_PLAN_COPING,
  RW_SAFETY_PLAN_DISTRACTIONS,
  RW_SAFETY_PLAN_PEOPLE,
  RW_SAFETY_PLAN_PROFESSIONALS,
  RW_SAFETY_PLAN_ENVIRONMENT,
  RW_SAFETY_PLAN_REASONS,
  RW_SAFETY_PLAN_N_SECTIONS,
} RwSafetyPlanSection;

/* The key the journal stores ("warning-signs", ...). */
const char   *rw_safety_plan_section_get_key     (RwSafetyPlanSection  section);
gboolean      rw_safety_plan_section_from_key    (const char          *key,
                                                  RwSafetyPlanSection *section);
/* The keys in order, separated by ", ", for a message. */
const char   *rw_safety_plan_section_list_keys   (void);
/* Translated. */
const char   *rw_safety_plan_section_get_heading (RwSafetyPlanSection  section);
const char   *rw_safety_plan_section_get_hint    (RwSafetyPlanSection  section);
/* Where the sections come from, for the window and the printed page. */
const char   *rw_safety_plan_get_source          (void);

#define RW_TYPE_SAFETY_PLAN (rw_safety_plan_get_type ())
G_DECLARE_FINAL_TYPE (RwSafetyPlan, rw_safety_plan, RW, SAFETY_PLAN, GObject)

RwSafetyPlan *rw_safety_plan_new                 (void);
/* The section's text as the person wrote it, never NULL. */
const char   *rw_safety_plan_get_text            (RwSafetyPlan        *self,
                                                  RwSafetyPlanSection  section);
void          rw_safety_plan_set_text            (RwSafetyPlan        *self,
                                                  RwSafetyPlanSection  section,
                                                  const char          *text);
/* The items: each line that is not blank, trimmed. */
GStrv         rw_safety_plan_dup_items           (RwSafetyPlan        *self,
                                                  RwSafetyPlanSection  section);
/* When the section was last saved (µs since the epoch), or 0. */
gint64        rw_safety_plan_get_modified        (RwSafetyPlan        *self,
                                                  RwSafetyPlanSection  section);
void          rw_safety_plan_set_modified        (RwSafetyPlan        *self,
                                                  RwSafetyPlanSection  section,
                                                  gint64               modified);
gboolean      rw_safety_plan_is_empty            (RwSafetyPlan        *self);

G_END_DECLS
