/* rw-breathing.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time is read from the clock, never counted in ticks: the tick only tells
 * listeners to look again ("notify::phase" when the phase changes, "tick"
 * for animation), so a late tick cannot stretch a breath.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rw-breathing.h"

#define TICK_MS 50

struct _RwBreathing
{
  GObject parent_instance;

  RwClock *clock;
  RwBreathingPattern pattern;
  guint length;           /* seconds */
  gint64 started;         /* monotonic µs */
  gint64 paused_at;       /* 0 unless paused */
  gint64 paused_total;
  gboolean running;
  gboolean finished;
  guint tick_id;
  RwBreathingPhase last_phase;
};

G_DEFINE_FINAL_TYPE (RwBreathing, rw_breathing, G_TYPE_OBJECT)

enum { PROP_0, PROP_PHASE, N_PROPS };
enum { TICK, FINISHED, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Seconds of each phase: in, hold, out, hold. */
static const guint pattern_phases[][4] = {
  [RW_BREATHING_BOX] = { 4, 4, 4, 4 },
  [RW_BREATHING_4_7_8] = { 4, 7, 8, 0 },
};

const char *
rw_breathing_pattern_get_id (RwBreathingPattern pattern)
{
  return pattern == RW_BREATHING_BOX ? "box" : "4-7-8";
}

const char *
rw_breathing_pattern_get_label (RwBreathingPattern pattern)
{
  return pattern == RW_BREATHING_BOX ? _("Box breathing (4-4-4-4)") : _("4-7-8 breathing");
}

const char *
rw_breathing_phase_get_label (RwBreathingPhase phase)
{
  switch (phase)
    {
    case RW_PHASE_INHALE: return _("Breathe in");
    case RW_PHASE_HOLD_IN: return _("Hold");
    case RW_PHASE_EXHALE: return _("Breathe out");
    case RW_PHASE_HOLD_OUT: return _("Hold");
    case RW_PHASE_DONE: return _("Well done");
    case RW_PHASE_IDLE:
    default: return _("Ready when you are");
    }
}

static guint
cycle_seconds (RwBreathingPattern pattern)
{
  const guint *p = pattern_phases[pattern];
  return p[0] + p[1] + p[2] + p[3];
}

static gint64
elapsed_us (RwBreathing *self)
{
  gint64 now;

  if (!self->running && !self->finished)
    return 0;
  now = self->paused_at != 0 ? self->paused_at : rw_clock_get_monotonic (self->clock);
  return MAX (0, now - self->started - self->paused_total);
}

/* The phase at @elapsed and how far into it (0–1). */
static RwBreathingPhase
phase_at (RwBreathing *self,
          gint64       elapsed,
          double      *progress,
          double      *left)
{
  const guint *p = pattern_phases[self->pattern];
  gint64 cycle = (gint64) cycle_seconds (self->pattern) * G_USEC_PER_SEC;
  gint64 t = elapsed % cycle;

  for (guint i = 0; i < 4; i++)
    {
      gint64 span = (gint64) p[i] * G_USEC_PER_SEC;

      if (span == 0)
        continue;
      if (t < span)
        {
          if (progress != NULL)
            *progress = (double) t / span;
          if (left != NULL)
            *left = (double) (span - t) / G_USEC_PER_SEC;
          return RW_PHASE_INHALE + i;
        }
      t -= span;
    }
  g_assert_not_reached ();
  return RW_PHASE_INHALE;
}

RwBreathingPhase
rw_breathing_get_phase (RwBreathing *self)
{
  g_return_val_if_fail (RW_IS_BREATHING (self), RW_PHASE_IDLE);

  if (self->finished)
    return RW_PHASE_DONE;
  if (!self->running)
    return RW_PHASE_IDLE;
  return phase_at (self, elapsed_us (self), NULL, NULL);
}

double
rw_breathing_get_phase_progress (RwBreathing *self)
{
  double progress = 0;

  g_return_val_if_fail (RW_IS_BREATHING (self), 0);
  if (!self->running)
    return self->finished ? 1 : 0;
  phase_at (self, elapsed_us (self), &progress, NULL);
  return progress;
}

double
rw_breathing_get_size (RwBreathing *self)
{
  double progress = 0;
  RwBreathingPhase phase;

  g_return_val_if_fail (RW_IS_BREATHING (self), 0);
  if (!self->running)
    return self->finished ? 0.5 : 0.35;
  phase = phase_at (self, elapsed_us (self), &progress, NULL);
  /* Eased, so that the shape slows at full and empty. */
  progress = (1 - cos (progress * G_PI)) / 2;
  switch (phase)
    {
    case RW_PHASE_INHALE: return progress;
    case RW_PHASE_HOLD_IN: return 1;
    case RW_PHASE_EXHALE: return 1 - progress;
    case RW_PHASE_HOLD_OUT:
    default: return 0;
    }
}

guint
rw_breathing_get_phase_seconds_left (RwBreathing *self)
{
  double left = 0;

  g_return_val_if_fail (RW_IS_BREATHING (self), 0);
  if (!self->running)
    return 0;
  phase_at (self, elapsed_us (self), NULL, &left);
  return (guint) ceil (left - 1e-9);
}

guint
rw_breathing_get_seconds_done (RwBreathing *self)
{
  g_return_val_if_fail (RW_IS_BREATHING (self), 0);
  return (guint) MIN (self->length, elapsed_us (self) / G_USEC_PER_SEC);
}

guint
rw_breathing_get_seconds_left (RwBreathing *self)
{
  gint64 left;

  g_return_val_if_fail (RW_IS_BREATHING (self), 0);
  if (self->finished)
    return 0;
  if (!self->running)
    return self->length;
  left = (gint64) self->length * G_USEC_PER_SEC - elapsed_us (self);
  return (guint) MAX (0, (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

guint
rw_breathing_get_length (RwBreathing *self)
{
  return self->length;
}

RwBreathingPattern
rw_breathing_get_pattern (RwBreathing *self)
{
  return self->pattern;
}

gboolean
rw_breathing_is_running (RwBreathing *self)
{
  return self->running;
}

gboolean
rw_breathing_is_paused (RwBreathing *self)
{
  return self->running && self->paused_at != 0;
}

static void
stop_ticking (RwBreathing *self)
{
  if (self->tick_id != 0)
    {
      rw_clock_remove_timeout (self->clock, self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  RwBreathing *self = user_data;
  RwBreathingPhase phase;

  if (elapsed_us (self) >= (gint64) self->length * G_USEC_PER_SEC)
    {
      self->tick_id = 0;
      self->running = FALSE;
      self->finished = TRUE;
      self->paused_at = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
      g_signal_emit (self, signals[FINISHED], 0);
      return G_SOURCE_REMOVE;
    }

  phase = rw_breathing_get_phase (self);
  if (phase != self->last_phase)
    {
      self->last_phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  g_signal_emit (self, signals[TICK], 0);
  return G_SOURCE_CONTINUE;
}

void
rw_breathing_start (RwBreathing        *self,
                    RwBreathingPattern  pattern,
                    guint               seconds)
{
  g_return_if_fail (RW_IS_BREATHING (self));
  g_return_if_fail (pattern <= RW_BREATHING_4_7_8);

  stop_ticking (self);
  self->pattern = pattern;
  self->length = MAX (1, seconds);
  self->started = rw_clock_get_monotonic (self->clock);
  self->paused_at = 0;
  self->paused_total = 0;
  self->running = TRUE;
  self->finished = FALSE;
  self->last_phase = RW_PHASE_INHALE;
  self->tick_id = rw_clock_add_timeout (self->clock, TICK_MS, tick_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

void
rw_breathing_pause (RwBreathing *self)
{
  g_return_if_fail (RW_IS_BREATHING (self));
  if (!self->running || self->paused_at != 0)
    return;
  self->paused_at = rw_clock_get_monotonic (self->clock);
  stop_ticking (self);
  g_signal_emit (self, signals[TICK], 0);
}

void
rw_breathing_resume (RwBreathing *self)
{
  g_return_if_fail (RW_IS_BREATHING (self));
  if (!self->running || self->paused_at == 0)
    return;
  self->paused_total += rw_clock_get_monotonic (self->clock) - self->paused_at;
  self->paused_at = 0;
  self->tick_id = rw_clock_add_timeout (self->clock, TICK_MS, tick_cb, self, NULL);
  g_signal_emit (self, signals[TICK], 0);
}

void
rw_breathing_stop (RwBreathing *self)
{
  g_return_if_fail (RW_IS_BREATHING (self));
  stop_ticking (self);
  self->running = FALSE;
  self->finished = FALSE;
  self->paused_at = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

static void
rw_breathing_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RwBreathing *self = RW_BREATHING (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      g_value_set_int (value, rw_breathing_get_phase (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_breathing_dispose (GObject *object)
{
  RwBreathing *self = RW_BREATHING (object);

  if (self->clock != NULL)
    stop_ticking (self);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (rw_breathing_parent_class)->dispose (object);
}

static void
rw_breathing_class_init (RwBreathingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rw_breathing_get_property;
  object_class->dispose = rw_breathing_dispose;

  properties[PROP_PHASE] = g_param_spec_int ("phase", NULL, NULL, RW_PHASE_IDLE, RW_PHASE_DONE,
                                             RW_PHASE_IDLE,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rw_breathing_init (RwBreathing *self)
{
  self->pattern = RW_BREATHING_BOX;
  self->length = 600;
}

RwBreathing *
rw_breathing_new (RwClock *clock)
{
  RwBreathing *self = g_object_new (RW_TYPE_BREATHING, NULL);

  self->clock = g_object_ref (clock);
  return self;
}
