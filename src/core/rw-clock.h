/* rw-clock.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time for everything timed (toasts, the breathing exercise, the plan's
 * "today"), so that tests can drive it. The system clock follows the real
 * time and the GLib main loop; a manual clock only moves when told to and
 * fires its timeouts then.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RW_TYPE_CLOCK (rw_clock_get_type ())
G_DECLARE_FINAL_TYPE (RwClock, rw_clock, RW, CLOCK, GObject)

RwClock    *rw_clock_new_system      (void);
RwClock    *rw_clock_new_manual      (const char     *today,
                                      const char     *time_of_day);
gboolean    rw_clock_is_manual       (RwClock        *self);

gint64      rw_clock_get_monotonic   (RwClock        *self);
GDateTime  *rw_clock_dup_now_local   (RwClock        *self);
char       *rw_clock_dup_today       (RwClock        *self);
guint32     rw_clock_get_day         (RwClock        *self);

guint       rw_clock_add_timeout     (RwClock        *self,
                                      guint           interval_ms,
                                      GSourceFunc     func,
                                      gpointer        data,
                                      GDestroyNotify  notify);
void        rw_clock_remove_timeout  (RwClock        *self,
                                      guint           id);

/* Manual clocks only: moves time on and runs the timeouts that fall due,
 * in order. */
void        rw_clock_advance         (RwClock        *self,
                                      gint64          microseconds);
void        rw_clock_set_today       (RwClock        *self,
                                      const char     *today);

G_END_DECLS
