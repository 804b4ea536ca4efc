/* rw-check-in.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RwMetric:
 *
 * The 0–10 scales of a check-in.
 */
typedef enum
{
  RW_METRIC_MOOD,
  RW_METRIC_ANXIETY,
  RW_METRIC_FOCUS,
  RW_METRIC_HOPE,
  RW_METRIC_ENERGY,
  RW_METRIC_SLEEP_QUALITY,
  RW_N_METRICS
} RwMetric;

#define RW_METRIC_UNSET (-1)
#define RW_METRIC_MIN 0
#define RW_METRIC_MAX 10
#define RW_SLEEP_UNSET (-1.0)
#define RW_SLEEP_MAX_HOURS 24.0

const char *rw_metric_get_name   (RwMetric metric);  /* "sleep-quality": CLI and properties */
const char *rw_metric_get_column (RwMetric metric);  /* "sleep_quality": SQL, CSV and JSON */
const char *rw_metric_get_label  (RwMetric metric);  /* "Sleep quality", translated */
gboolean    rw_metric_from_name  (const char *name,
                                  RwMetric   *metric);

#define RW_TYPE_CHECK_IN (rw_check_in_get_type ())
G_DECLARE_FINAL_TYPE (RwCheckIn, rw_check_in, RW, CHECK_IN, GObject)

RwCheckIn          *rw_check_in_new              (void);
RwCheckIn          *rw_check_in_copy             (RwCheckIn          *self);

const char         *rw_check_in_get_id           (RwCheckIn          *self);
void                rw_check_in_set_id           (RwCheckIn          *self,
                                                  const char         *id);
const char         *rw_check_in_get_date         (RwCheckIn          *self);
void                rw_check_in_set_date         (RwCheckIn          *self,
                                                  const char         *date);
const char         *rw_check_in_get_time         (RwCheckIn          *self);
void                rw_check_in_set_time         (RwCheckIn          *self,
                                                  const char         *time);
void                rw_check_in_set_now          (RwCheckIn          *self);
void                rw_check_in_set_date_time    (RwCheckIn          *self,
                                                  GDateTime          *when);
int                 rw_check_in_get_metric       (RwCheckIn          *self,
                                                  RwMetric            metric);
void                rw_check_in_set_metric       (RwCheckIn          *self,
                                                  RwMetric            metric,
                                                  int                 value);
double              rw_check_in_get_sleep_hours  (RwCheckIn          *self);
void                rw_check_in_set_sleep_hours  (RwCheckIn          *self,
                                                  double              hours);
const char * const *rw_check_in_get_tags         (RwCheckIn          *self);
void                rw_check_in_set_tags         (RwCheckIn          *self,
                                                  const char * const *tags);
const char         *rw_check_in_get_note         (RwCheckIn          *self);
void                rw_check_in_set_note         (RwCheckIn          *self,
                                                  const char         *note);
gint64              rw_check_in_get_created      (RwCheckIn          *self);
void                rw_check_in_set_created      (RwCheckIn          *self,
                                                  gint64              created);
gint64              rw_check_in_get_modified     (RwCheckIn          *self);
void                rw_check_in_set_modified     (RwCheckIn          *self,
                                                  gint64              modified);

char               *rw_check_in_dup_content_key  (RwCheckIn          *self);
gboolean            rw_check_in_content_equal    (RwCheckIn          *a,
                                                  RwCheckIn          *b);
char               *rw_check_in_dup_note_summary (RwCheckIn          *self);

G_END_DECLS
