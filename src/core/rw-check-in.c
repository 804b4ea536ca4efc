/* rw-check-in.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-check-in"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-check-in.h"
#include "rw-date.h"
#include "rw-validate.h"

/**
 * RwCheckIn:
 *
 * One check-in: the local date and time the person gave, six 0–10 scales
 * (each may be unset), the hours slept the night before, tags and a note.
 * Several check-ins per day are allowed.
 */
struct _RwCheckIn
{
  GObject parent_instance;

  char *id;
  char *date;
  char *time;
  int metrics[RW_N_METRICS];
  double sleep_hours;
  char **tags;
  char *note;
  gint64 created;
  gint64 modified;
};

G_DEFINE_FINAL_TYPE (RwCheckIn, rw_check_in, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_TIME,
  PROP_MOOD,
  PROP_ANXIETY,
  PROP_FOCUS,
  PROP_HOPE,
  PROP_ENERGY,
  PROP_SLEEP_QUALITY,
  PROP_SLEEP_HOURS,
  PROP_TAGS,
  PROP_NOTE,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76; we build on 2.74. */
static gboolean
replace_str (char       **slot,
             const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static const struct {
  const char *name;
  const char *column;
  const char *label;
} metric_info[RW_N_METRICS] = {
  { "mood", "mood", N_("Mood") },
  { "anxiety", "anxiety", N_("Anxiety") },
  { "focus", "focus", N_("Focus") },
  { "hope", "hope", N_("Hope") },
  { "energy", "energy", N_("Energy") },
  { "sleep-quality", "sleep_quality", N_("Sleep quality") },
};

const char *
rw_metric_get_name (RwMetric metric)
{
  g_return_val_if_fail (metric < RW_N_METRICS, NULL);
  return metric_info[metric].name;
}

const char *
rw_metric_get_column (RwMetric metric)
{
  g_return_val_if_fail (metric < RW_N_METRICS, NULL);
  return metric_info[metric].column;
}

const char *
rw_metric_get_label (RwMetric metric)
{
  g_return_val_if_fail (metric < RW_N_METRICS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, metric_info[metric].label);
}

gboolean
rw_metric_from_name (const char *name,
                     RwMetric   *metric)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      if (g_str_equal (name, metric_info[i].name) || g_str_equal (name, metric_info[i].column))
        {
          if (metric != NULL)
            *metric = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
rw_check_in_finalize (GObject *object)
{
  RwCheckIn *self = (RwCheckIn *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (rw_check_in_parent_class)->finalize (object);
}

static void
rw_check_in_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RwCheckIn *self = RW_CHECK_IN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_MOOD:
    case PROP_ANXIETY:
    case PROP_FOCUS:
    case PROP_HOPE:
    case PROP_ENERGY:
    case PROP_SLEEP_QUALITY:
      g_value_set_int (value, self->metrics[prop_id - PROP_MOOD]);
      break;
    case PROP_SLEEP_HOURS:
      g_value_set_double (value, self->sleep_hours);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_check_in_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RwCheckIn *self = RW_CHECK_IN (object);

  switch (prop_id)
    {
    case PROP_ID:
      rw_check_in_set_id (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      rw_check_in_set_date (self, g_value_get_string (value));
      break;
    case PROP_TIME:
      rw_check_in_set_time (self, g_value_get_string (value));
      break;
    case PROP_MOOD:
    case PROP_ANXIETY:
    case PROP_FOCUS:
    case PROP_HOPE:
    case PROP_ENERGY:
    case PROP_SLEEP_QUALITY:
      rw_check_in_set_metric (self, prop_id - PROP_MOOD, g_value_get_int (value));
      break;
    case PROP_SLEEP_HOURS:
      rw_check_in_set_sleep_hours (self, g_value_get_double (value));
      break;
    case PROP_TAGS:
      rw_check_in_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      rw_check_in_set_note (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      rw_check_in_set_created (self, g_value_get_int64 (value));
      break;
    case PROP_MODIFIED:
      rw_check_in_set_modified (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_check_in_class_init (RwCheckInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rw_check_in_finalize;
  object_class->get_property = rw_check_in_get_property;
  object_class->set_property = rw_check_in_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, NULL, flags);
  for (guint i = 0; i < RW_N_METRICS; i++)
    properties[PROP_MOOD + i] = g_param_spec_int (metric_info[i].name, NULL, NULL,
                                                  RW_METRIC_UNSET, RW_METRIC_MAX,
                                                  RW_METRIC_UNSET, flags);
  properties[PROP_SLEEP_HOURS] = g_param_spec_double ("sleep-hours", NULL, NULL,
                                                      RW_SLEEP_UNSET, RW_SLEEP_MAX_HOURS,
                                                      RW_SLEEP_UNSET, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL,
                                                 0, G_MAXINT64, 0, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL,
                                                  0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A random (version 4) UUID, as g_uuid_string_random() makes one, without
 * its printf: every check-in read or imported is made with one. */
static char *
new_uuid (void)
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  char *out = g_malloc (37);
  char *p = out;

  for (guint i = 0; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      bytes[i] = r;
      bytes[i + 1] = r >> 8;
      bytes[i + 2] = r >> 16;
      bytes[i + 3] = r >> 24;
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[bytes[i] >> 4];
      *p++ = hex[bytes[i] & 0x0f];
    }
  *p = '\0';
  return out;
}

static void
rw_check_in_init (RwCheckIn *self)
{
  self->id = new_uuid ();
  self->date = g_strdup ("1970-01-01");
  self->time = g_strdup ("00:00");
  for (guint i = 0; i < RW_N_METRICS; i++)
    self->metrics[i] = RW_METRIC_UNSET;
  self->sleep_hours = RW_SLEEP_UNSET;
  self->tags = g_new0 (char *, 1);
  self->note = g_strdup ("");
}

/**
 * rw_check_in_new:
 *
 * Creates a check-in with a fresh random UUID, no values set, dated
 * 1970-01-01 00:00 (call rw_check_in_set_now() for the current local time).
 *
 * Returns: (transfer full): a new #RwCheckIn
 */
RwCheckIn *
rw_check_in_new (void)
{
  return g_object_new (RW_TYPE_CHECK_IN, NULL);
}

/**
 * rw_check_in_copy:
 * @self: a #RwCheckIn
 *
 * Returns: (transfer full): a copy with the same id and values
 */
RwCheckIn *
rw_check_in_copy (RwCheckIn *self)
{
  RwCheckIn *copy;

  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);

  copy = rw_check_in_new ();
  g_free (copy->id);
  copy->id = g_strdup (self->id);
  g_free (copy->date);
  copy->date = g_strdup (self->date);
  g_free (copy->time);
  copy->time = g_strdup (self->time);
  memcpy (copy->metrics, self->metrics, sizeof copy->metrics);
  copy->sleep_hours = self->sleep_hours;
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);
  g_free (copy->note);
  copy->note = g_strdup (self->note);
  copy->created = self->created;
  copy->modified = self->modified;

  return copy;
}

const char *
rw_check_in_get_id (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);
  return self->id;
}

void
rw_check_in_set_id (RwCheckIn  *self,
                    const char *id)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));
  g_return_if_fail (id != NULL);

  /* Ids are kept in lower case, as Rewire writes them, so that an id
   * typed or imported in upper case names the same check-in. */
  if (strpbrk (id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (id, -1);

      if (replace_str (&self->id, lower))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      return;
    }
  if (replace_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rw_check_in_get_date (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);
  return self->date;
}

void
rw_check_in_set_date (RwCheckIn  *self,
                      const char *date)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));
  g_return_if_fail (date != NULL);

  if (replace_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
rw_check_in_get_time (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);
  return self->time;
}

void
rw_check_in_set_time (RwCheckIn  *self,
                      const char *time)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));
  g_return_if_fail (time != NULL);

  if (replace_str (&self->time, time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

/**
 * rw_check_in_set_date_time:
 * @self: a #RwCheckIn
 * @when: a wall-clock time
 *
 * Sets the date and the time (to the minute) to those of @when, in its
 * time zone.
 */
void
rw_check_in_set_date_time (RwCheckIn *self,
                           GDateTime *when)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_if_fail (RW_IS_CHECK_IN (self));
  g_return_if_fail (when != NULL);

  date = rw_date_to_iso (rw_date_from_date_time (when));
  time = g_date_time_format (when, "%H:%M");
  rw_check_in_set_date (self, date);
  rw_check_in_set_time (self, time);
}

/**
 * rw_check_in_set_now:
 * @self: a #RwCheckIn
 *
 * Sets the date and time to the current local wall-clock time.
 */
void
rw_check_in_set_now (RwCheckIn *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  rw_check_in_set_date_time (self, now);
}

int
rw_check_in_get_metric (RwCheckIn *self,
                        RwMetric   metric)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), RW_METRIC_UNSET);
  g_return_val_if_fail (metric < RW_N_METRICS, RW_METRIC_UNSET);

  return self->metrics[metric];
}

/**
 * rw_check_in_set_metric:
 * @self: a #RwCheckIn
 * @metric: which scale
 * @value: 0–10, or %RW_METRIC_UNSET
 *
 * Values outside the scale are stored as given and refused by
 * rw_validate_check_in(), so that an editor can say why.
 */
void
rw_check_in_set_metric (RwCheckIn *self,
                        RwMetric   metric,
                        int        value)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));
  g_return_if_fail (metric < RW_N_METRICS);

  if (value < RW_METRIC_UNSET)
    value = RW_METRIC_UNSET;

  if (self->metrics[metric] == value)
    return;

  self->metrics[metric] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD + metric]);
}

double
rw_check_in_get_sleep_hours (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), RW_SLEEP_UNSET);
  return self->sleep_hours;
}

void
rw_check_in_set_sleep_hours (RwCheckIn *self,
                             double     hours)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));

  if (hours < 0)
    hours = RW_SLEEP_UNSET;

  if (self->sleep_hours == hours)
    return;

  self->sleep_hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLEEP_HOURS]);
}

/**
 * rw_check_in_get_tags:
 * @self: a #RwCheckIn
 *
 * Returns: (transfer none): the tags, in the order given; never %NULL
 */
const char * const *
rw_check_in_get_tags (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);
  return (const char * const *) self->tags;
}

void
rw_check_in_set_tags (RwCheckIn          *self,
                      const char * const *tags)
{
  static const char * const no_tags[] = { NULL };

  if (tags == NULL)
    tags = no_tags;

  g_return_if_fail (RW_IS_CHECK_IN (self));

  if (g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char *
rw_check_in_get_note (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);
  return self->note;
}

void
rw_check_in_set_note (RwCheckIn  *self,
                      const char *note)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));

  if (replace_str (&self->note, note != NULL ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gint64
rw_check_in_get_created (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), 0);
  return self->created;
}

void
rw_check_in_set_created (RwCheckIn *self,
                         gint64     created)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));

  if (self->created == created)
    return;
  self->created = created;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

gint64
rw_check_in_get_modified (RwCheckIn *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (self), 0);
  return self->modified;
}

void
rw_check_in_set_modified (RwCheckIn *self,
                          gint64     modified)
{
  g_return_if_fail (RW_IS_CHECK_IN (self));

  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static int
compare_casefolded (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rw_check_in_dup_content_key:
 * @self: a #RwCheckIn
 *
 * A string that is equal for two check-ins exactly when they record the
 * same thing: date, time, every value, the tags (in any order, any case)
 * and the note. The id and the created/modified times are left out. Used
 * by importers to match rows that carry no id.
 *
 * Returns: (transfer full): the key
 */
char *
rw_check_in_dup_content_key (RwCheckIn *self)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  GString *key;

  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);

  key = g_string_new (NULL);
  g_string_append_printf (key, "%s\x1f%s", self->date, self->time);
  for (guint i = 0; i < RW_N_METRICS; i++)
    g_string_append_printf (key, "\x1f%d", self->metrics[i]);
  /* Sleep is kept in quarter hours, so comparing the rounded count is exact. */
  g_string_append_printf (key, "\x1f%d",
                          self->sleep_hours < 0 ? -1 : (int) (self->sleep_hours * 4 + 0.5));

  for (guint i = 0; self->tags[i] != NULL; i++)
    g_ptr_array_add (tags, g_utf8_casefold (self->tags[i], -1));
  g_ptr_array_sort (tags, compare_casefolded);
  for (guint i = 0; i < tags->len; i++)
    g_string_append_printf (key, "\x1e%s", (const char *) g_ptr_array_index (tags, i));

  g_string_append_printf (key, "\x1f%s", self->note);

  return g_string_free (key, FALSE);
}

gboolean
rw_check_in_content_equal (RwCheckIn *a,
                           RwCheckIn *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  g_return_val_if_fail (RW_IS_CHECK_IN (a), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (b), FALSE);

  key_a = rw_check_in_dup_content_key (a);
  key_b = rw_check_in_dup_content_key (b);
  return g_str_equal (key_a, key_b);
}

/**
 * rw_check_in_dup_note_summary:
 * @self: a #RwCheckIn
 *
 * Returns: (transfer full): the first non-empty line of the note, stripped
 */
char *
rw_check_in_dup_note_summary (RwCheckIn *self)
{
  const char *p;

  g_return_val_if_fail (RW_IS_CHECK_IN (self), NULL);

  for (p = self->note; *p != '\0'; )
    {
      const char *end = p + strcspn (p, "\r\n");
      g_autofree char *line = g_strndup (p, end - p);

      g_strstrip (line);
      if (*line != '\0')
        return g_steal_pointer (&line);
      p = end + strspn (end, "\r\n");
    }

  return g_strdup ("");
}
