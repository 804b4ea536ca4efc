/* rw-safety.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule for when Rewire offers crisis lines, and the words of the
 * offer. Every path that saves a check-in asks rw_safety_should_offer()
 * (through rw_journal_offer_help() in the app, rw_safety_offer_after_save()
 * on the command line), after the save is committed.
 */
#pragma once

#include "rw-check-in.h"
#include "rw-crisis.h"
#include "rw-questionnaire.h"

G_BEGIN_DECLS

/**
 * RwSafetySource:
 * @RW_SAFETY_SOURCE_EDITOR: the check-in editor of the window
 * @RW_SAFETY_SOURCE_PLAN_REFLECTION: the 7-day plan's reflection
 * @RW_SAFETY_SOURCE_CLI_ADD: `rewire add`
 * @RW_SAFETY_SOURCE_CLI_EDIT: `rewire edit`
 * @RW_SAFETY_SOURCE_IMPORT: a file of past check-ins (never offers)
 *
 * Where a saved check-in came from.
 */
typedef enum
{
  RW_SAFETY_SOURCE_EDITOR,
  RW_SAFETY_SOURCE_PLAN_REFLECTION,
  RW_SAFETY_SOURCE_CLI_ADD,
  RW_SAFETY_SOURCE_CLI_EDIT,
  RW_SAFETY_SOURCE_IMPORT,
} RwSafetySource;

/* Mood or hope at this or below is low. */
#define RW_SAFETY_LOW_SCORE 1

/* The journal's setting that holds the day (YYYY-MM-DD) help was last offered. */
#define RW_SAFETY_LAST_OFFER_KEY "low-mood-offer-day"

gboolean  rw_safety_is_low             (RwCheckIn          *check_in);
gboolean  rw_safety_should_offer       (RwSafetySource      source,
                                        RwCheckIn          *check_in,
                                        guint32             last_offer_day,
                                        guint32             today);

gboolean  rw_safety_should_offer_for_assessment (const RwAssessment *assessment);
char     *rw_safety_dup_assessment_offer (gboolean saved);
char     *rw_safety_dup_prescriber_line  (void);

char     *rw_safety_resolve_country    (RwCrisisDirectory  *directory,
                                        const char         *chosen);
char     *rw_safety_dup_call_line      (RwCrisisDirectory  *directory,
                                        const char         *country);
char     *rw_safety_dup_emergency_line (RwCrisisDirectory  *directory,
                                        const char         *country);

G_END_DECLS
