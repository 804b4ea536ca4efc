/* rw-breathing.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paced-breathing timer: box breathing (in 4, hold 4, out 4, hold 4) and
 * 4-7-8 (in 4, hold 7, out 8), for a chosen length, on an RwClock so that
 * tests can drive it. Pause, resume and stop; "finished" when the chosen
 * length has been breathed.
 */
#pragma once

#include <glib-object.h>

#include "rw-clock.h"

G_BEGIN_DECLS

typedef enum
{
  RW_BREATHING_BOX,
  RW_BREATHING_4_7_8,
} RwBreathingPattern;

typedef enum
{
  RW_PHASE_IDLE,
  RW_PHASE_INHALE,
  RW_PHASE_HOLD_IN,     /* holding after breathing in */
  RW_PHASE_EXHALE,
  RW_PHASE_HOLD_OUT,    /* holding after breathing out */
  RW_PHASE_DONE,
} RwBreathingPhase;

const char *rw_breathing_pattern_get_id    (RwBreathingPattern pattern);  /* "box", "4-7-8" */
const char *rw_breathing_pattern_get_label (RwBreathingPattern pattern);
const char *rw_breathing_phase_get_label   (RwBreathingPhase   phase);    /* "Breathe in", ... */

#define RW_TYPE_BREATHING (rw_breathing_get_type ())
G_DECLARE_FINAL_TYPE (RwBreathing, rw_breathing, RW, BREATHING, GObject)

RwBreathing        *rw_breathing_new               (RwClock            *clock);
void                rw_breathing_start             (RwBreathing        *self,
                                                    RwBreathingPattern  pattern,
                                                    guint               seconds);
void                rw_breathing_pause             (RwBreathing        *self);
void                rw_breathing_resume            (RwBreathing        *self);
void                rw_breathing_stop              (RwBreathing        *self);
gboolean            rw_breathing_is_running        (RwBreathing        *self);
gboolean            rw_breathing_is_paused         (RwBreathing        *self);
RwBreathingPattern  rw_breathing_get_pattern       (RwBreathing        *self);
RwBreathingPhase    rw_breathing_get_phase         (RwBreathing        *self);
/* 0 → 1 through the current phase. */
double              rw_breathing_get_phase_progress (RwBreathing       *self);
/* The size of the shape, 0 (empty lungs) → 1 (full). */
double              rw_breathing_get_size          (RwBreathing        *self);
guint               rw_breathing_get_phase_seconds_left (RwBreathing   *self);
guint               rw_breathing_get_seconds_left  (RwBreathing        *self);
guint               rw_breathing_get_seconds_done  (RwBreathing        *self);
guint               rw_breathing_get_length        (RwBreathing        *self);

G_END_DECLS
