/* rw-clock.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-clock"

#include "config.h"


#include "rw-clock.h"
#include "rw-date.h"

struct _RwClock
{
  GObject parent_instance;

  gboolean manual;

  /* Manual clocks */
  gint64 monotonic;
  GDateTime *start_local;
  gint64 start_monotonic;
  GList *timeouts;
  guint next_id;

  /* System clocks: ids of GSources */
  GHashTable *sources;
};

typedef struct
{
  guint id;
  gint64 due;
  gint64 interval;
  GSourceFunc func;
  gpointer data;
  GDestroyNotify notify;
} Timeout;

G_DEFINE_FINAL_TYPE (RwClock, rw_clock, G_TYPE_OBJECT)

static void
timeout_free (Timeout *timeout)
{
  if (timeout->notify != NULL)
    timeout->notify (timeout->data);
  g_free (timeout);
}

static void
rw_clock_dispose (GObject *object)
{
  RwClock *self = (RwClock *)object;

  g_list_free_full (g_steal_pointer (&self->timeouts), (GDestroyNotify) timeout_free);
  if (self->sources != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->sources);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_source_remove (GPOINTER_TO_UINT (key));
      g_clear_pointer (&self->sources, g_hash_table_unref);
    }

  G_OBJECT_CLASS (rw_clock_parent_class)->dispose (object);
}

static void
rw_clock_finalize (GObject *object)
{
  RwClock *self = (RwClock *)object;

  g_clear_pointer (&self->start_local, g_date_time_unref);

  G_OBJECT_CLASS (rw_clock_parent_class)->finalize (object);
}

static void
rw_clock_class_init (RwClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rw_clock_dispose;
  object_class->finalize = rw_clock_finalize;
}

static void
rw_clock_init (RwClock *self)
{
  self->next_id = 1;
}

/**
 * rw_clock_new_system:
 *
 * Returns: (transfer full): a clock that follows real time
 */
RwClock *
rw_clock_new_system (void)
{
  RwClock *self = g_object_new (RW_TYPE_CLOCK, NULL);

  self->sources = g_hash_table_new (NULL, NULL);
  return self;
}

/**
 * rw_clock_new_manual:
 * @today: the local date it starts on, YYYY-MM-DD
 * @time_of_day: (nullable): the local time it starts at, HH:MM (default 09:00)
 *
 * Returns: (transfer full): a clock that moves only with rw_clock_advance()
 */
RwClock *
rw_clock_new_manual (const char *today,
                     const char *time_of_day)
{
  RwClock *self;
  int y, m, d, hh = 9, mm = 0;

  g_return_val_if_fail (rw_date_parse_iso (today, &y, &m, &d), NULL);
  g_return_val_if_fail (time_of_day == NULL || rw_time_parse (time_of_day, &hh, &mm), NULL);

  self = g_object_new (RW_TYPE_CLOCK, NULL);
  self->manual = TRUE;
  self->monotonic = 1000000;
  self->start_monotonic = self->monotonic;
  self->start_local = g_date_time_new_local (y, m, d, hh, mm, 0);
  return self;
}

gboolean
rw_clock_is_manual (RwClock *self)
{
  g_return_val_if_fail (RW_IS_CLOCK (self), FALSE);
  return self->manual;
}

gint64
rw_clock_get_monotonic (RwClock *self)
{
  g_return_val_if_fail (RW_IS_CLOCK (self), 0);

  if (self->manual)
    return self->monotonic;
  return g_get_monotonic_time ();
}

/**
 * rw_clock_dup_now_local:
 * @self: a #RwClock
 *
 * Returns: (transfer full): the local wall-clock time
 */
GDateTime *
rw_clock_dup_now_local (RwClock *self)
{
  g_return_val_if_fail (RW_IS_CLOCK (self), NULL);

  if (self->manual)
    return g_date_time_add (self->start_local, self->monotonic - self->start_monotonic);
  return g_date_time_new_now_local ();
}

/**
 * rw_clock_dup_today:
 * @self: a #RwClock
 *
 * Returns: (transfer full): the local date, YYYY-MM-DD
 */
char *
rw_clock_dup_today (RwClock *self)
{
  g_autoptr(GDateTime) now = rw_clock_dup_now_local (self);

  return rw_date_to_iso (rw_date_from_date_time (now));
}

/**
 * rw_clock_get_day:
 * @self: a #RwClock
 *
 * Returns: the local date, as a julian day (see rw-date.h)
 */
guint32
rw_clock_get_day (RwClock *self)
{
  g_autoptr(GDateTime) now = rw_clock_dup_now_local (self);

  return rw_date_from_date_time (now);
}

void
rw_clock_set_today (RwClock    *self,
                    const char *today)
{
  g_autoptr(GDateTime) now = NULL;
  int y, m, d;

  g_return_if_fail (RW_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (rw_date_parse_iso (today, &y, &m, &d));

  now = rw_clock_dup_now_local (self);
  g_clear_pointer (&self->start_local, g_date_time_unref);
  self->start_local = g_date_time_new_local (y, m, d, g_date_time_get_hour (now),
                                             g_date_time_get_minute (now), 0);
  self->start_monotonic = self->monotonic;
}

typedef struct
{
  RwClock *clock;
  GSourceFunc func;
  gpointer data;
  GDestroyNotify notify;
  guint id;
} SystemTimeout;

static gboolean
system_timeout_cb (gpointer user_data)
{
  SystemTimeout *timeout = user_data;
  gboolean again = timeout->func (timeout->data);

  if (!again && timeout->clock->sources != NULL)
    g_hash_table_remove (timeout->clock->sources, GUINT_TO_POINTER (timeout->id));
  return again;
}

static void
system_timeout_free (gpointer user_data)
{
  SystemTimeout *timeout = user_data;

  if (timeout->notify != NULL)
    timeout->notify (timeout->data);
  g_free (timeout);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const Timeout *ta = a, *tb = b;

  if (ta->due != tb->due)
    return ta->due < tb->due ? -1 : 1;
  return ta->id < tb->id ? -1 : 1;
}

/**
 * rw_clock_add_timeout:
 * @self: a #RwClock
 * @interval_ms: the delay, and the period while @func returns %TRUE
 * @func: what to run
 * @data: data for @func
 * @notify: (nullable): frees @data
 *
 * Returns: an id for rw_clock_remove_timeout()
 */
guint
rw_clock_add_timeout (RwClock        *self,
                      guint           interval_ms,
                      GSourceFunc     func,
                      gpointer        data,
                      GDestroyNotify  notify)
{
  g_return_val_if_fail (RW_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  if (self->manual)
    {
      Timeout *timeout = g_new0 (Timeout, 1);

      timeout->id = self->next_id++;
      timeout->interval = (gint64) interval_ms * 1000;
      timeout->due = self->monotonic + timeout->interval;
      timeout->func = func;
      timeout->data = data;
      timeout->notify = notify;
      self->timeouts = g_list_insert_sorted (self->timeouts, timeout, compare_due);
      return timeout->id;
    }
  else
    {
      SystemTimeout *timeout = g_new0 (SystemTimeout, 1);

      timeout->clock = self;
      timeout->func = func;
      timeout->data = data;
      timeout->notify = notify;
      timeout->id = g_timeout_add_full (G_PRIORITY_DEFAULT, interval_ms, system_timeout_cb,
                                        timeout, system_timeout_free);
      g_hash_table_add (self->sources, GUINT_TO_POINTER (timeout->id));
      return timeout->id;
    }
}

void
rw_clock_remove_timeout (RwClock *self,
                         guint    id)
{
  g_return_if_fail (RW_IS_CLOCK (self));

  if (id == 0)
    return;

  if (self->manual)
    {
      for (GList *l = self->timeouts; l != NULL; l = l->next)
        {
          Timeout *timeout = l->data;

          if (timeout->id == id)
            {
              self->timeouts = g_list_delete_link (self->timeouts, l);
              timeout_free (timeout);
              return;
            }
        }
    }
  else if (g_hash_table_remove (self->sources, GUINT_TO_POINTER (id)))
    g_source_remove (id);
}

void
rw_clock_advance (RwClock *self,
                  gint64   microseconds)
{
  gint64 target;

  g_return_if_fail (RW_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (microseconds >= 0);

  target = self->monotonic + microseconds;
  g_object_ref (self);
  while (self->timeouts != NULL && ((Timeout *) self->timeouts->data)->due <= target)
    {
      Timeout *timeout = self->timeouts->data;

      self->timeouts = g_list_delete_link (self->timeouts, self->timeouts);
      self->monotonic = timeout->due;
      if (timeout->func (timeout->data))
        {
          timeout->due += MAX (timeout->interval, 1);
          self->timeouts = g_list_insert_sorted (self->timeouts, timeout, compare_due);
        }
      else
        timeout_free (timeout);
    }
  self->monotonic = target;
  g_object_unref (self);
}
