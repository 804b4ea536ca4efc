/* rw-day-header.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-day-header"

#include "config.h"

#include "rw-day-header.h"

/**
 * RwDayHeader:
 *
 * One day in the history: its date, the mean of its check-ins' mood (or
 * a negative number when none recorded a mood) and how many there are.
 */
struct _RwDayHeader
{
  GObject parent_instance;

  char *date;
  double mean_mood;
  guint n_check_ins;
};

G_DEFINE_FINAL_TYPE (RwDayHeader, rw_day_header, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_MEAN_MOOD,
  PROP_N_CHECK_INS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rw_day_header_finalize (GObject *object)
{
  RwDayHeader *self = (RwDayHeader *)object;

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (rw_day_header_parent_class)->finalize (object);
}

static void
rw_day_header_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RwDayHeader *self = RW_DAY_HEADER (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_MEAN_MOOD:
      g_value_set_double (value, self->mean_mood);
      break;
    case PROP_N_CHECK_INS:
      g_value_set_uint (value, self->n_check_ins);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_day_header_class_init (RwDayHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rw_day_header_finalize;
  object_class->get_property = rw_day_header_get_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEAN_MOOD] =
    g_param_spec_double ("mean-mood", NULL, NULL, -1, 10, -1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CHECK_INS] =
    g_param_spec_uint ("n-check-ins", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rw_day_header_init (RwDayHeader *self)
{
  self->mean_mood = -1;
}

RwDayHeader *
rw_day_header_new (const char *date,
                   double      mean_mood,
                   guint       n_check_ins)
{
  RwDayHeader *self;

  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (RW_TYPE_DAY_HEADER, NULL);
  self->date = g_strdup (date);
  self->mean_mood = mean_mood;
  self->n_check_ins = n_check_ins;
  return self;
}

const char *
rw_day_header_get_date (RwDayHeader *self)
{
  g_return_val_if_fail (RW_IS_DAY_HEADER (self), NULL);
  return self->date;
}

/**
 * rw_day_header_get_mean_mood:
 * @self: a #RwDayHeader
 *
 * Returns: the day's mean mood, or a negative number when no check-in of
 *   the day recorded one
 */
double
rw_day_header_get_mean_mood (RwDayHeader *self)
{
  g_return_val_if_fail (RW_IS_DAY_HEADER (self), -1);
  return self->mean_mood;
}

guint
rw_day_header_get_n_check_ins (RwDayHeader *self)
{
  g_return_val_if_fail (RW_IS_DAY_HEADER (self), 0);
  return self->n_check_ins;
}
