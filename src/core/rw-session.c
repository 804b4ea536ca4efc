/* rw-session.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-session"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-session.h"
#include "rw-validate.h"

typedef struct
{
  char *label;
  gboolean checked;
} ChecklistItem;

/**
 * RwSession:
 *
 * One treatment session (see rw-session.h). Values outside their range
 * are kept as given and refused by rw_session_validate(), so that an
 * editor can say why.
 */
struct _RwSession
{
  GObject parent_instance;

  char *id;
  char *date;
  char *time;          /* NULL: none */
  RwSessionRoute route;
  RwSessionPhase phase;
  char *provider;
  char *dose;
  gboolean done;
  char *intention;
  int vitals[RW_N_SESSION_VITALS];
  int intensity;
  int detached;
  RwSideEffects side_effects;
  char *side_effects_other;
  char *note;
  GArray *checklist;   /* of ChecklistItem */
  char *integration[RW_SESSION_INTEGRATION_DAYS][RW_N_INTEGRATION_PROMPTS];
  gint64 created;
  gint64 modified;
};

G_DEFINE_FINAL_TYPE (RwSession, rw_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_TIME,
  PROP_ROUTE,
  PROP_PHASE,
  PROP_PROVIDER,
  PROP_DOSE,
  PROP_DONE,
  PROP_INTENTION,
  PROP_INTENSITY,
  PROP_DETACHED,
  PROP_SIDE_EFFECTS,
  PROP_SIDE_EFFECTS_OTHER,
  PROP_NOTE,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *label;
} route_info[RW_N_SESSION_ROUTES] = {
  { "iv", N_("IV infusion") },
  { "im", N_("Intramuscular injection") },
  { "nasal", N_("Nasal spray") },
  { "oral", N_("Lozenge or tablet") },
  { "other", N_("Other") },
};

static const struct {
  const char *key;
  const char *label;
} phase_info[RW_N_SESSION_PHASES] = {
  { "induction", N_("Induction") },
  { "booster", N_("Booster") },
  { "maintenance", N_("Maintenance") },
  { "other", N_("Other") },
};

static const struct {
  const char *key;
  const char *label;
} side_effect_info[RW_N_SIDE_EFFECTS] = {
  { "nausea", N_("Nausea") },
  { "vomiting", N_("Vomiting") },
  { "headache", N_("Headache") },
  { "dizziness", N_("Dizziness") },
  { "drowsiness", N_("Drowsiness") },
  { "raised-bp", N_("Raised blood pressure") },
  { "urinary", N_("Bladder or urinary discomfort") },
  { "other", N_("Other") },
};

static const char * const vital_labels[RW_N_SESSION_VITALS] = {
  N_("Blood pressure before (systolic)"),
  N_("Blood pressure before (diastolic)"),
  N_("Heart rate before"),
  N_("Blood pressure after (systolic)"),
  N_("Blood pressure after (diastolic)"),
  N_("Heart rate after"),
};

static const char * const prompt_labels[RW_N_INTEGRATION_PROMPTS] = {
  N_("What did you notice?"),
  N_("What do you want to carry forward?"),
  N_("What was hard?"),
};

/* Prefilled from what clinics commonly ask; the person edits it. */
static const char * const default_checklist[] = {
  N_("Eat and drink only as your clinic instructed"),
  N_("A ride home, no driving until the next day"),
  N_("Someone with you afterwards"),
  N_("Comfortable clothes"),
  N_("Music you like"),
};

const char *
rw_session_route_to_string (RwSessionRoute route)
{
  g_return_val_if_fail (route < RW_N_SESSION_ROUTES, NULL);
  return route_info[route].key;
}

gboolean
rw_session_route_from_string (const char     *text,
                              RwSessionRoute *route)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < RW_N_SESSION_ROUTES; i++)
    if (g_ascii_strcasecmp (text, route_info[i].key) == 0)
      {
        if (route != NULL)
          *route = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rw_session_route_get_label (RwSessionRoute route)
{
  g_return_val_if_fail (route < RW_N_SESSION_ROUTES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, route_info[route].label);
}

const char *
rw_session_phase_to_string (RwSessionPhase phase)
{
  g_return_val_if_fail (phase < RW_N_SESSION_PHASES, NULL);
  return phase_info[phase].key;
}

gboolean
rw_session_phase_from_string (const char     *text,
                              RwSessionPhase *phase)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < RW_N_SESSION_PHASES; i++)
    if (g_ascii_strcasecmp (text, phase_info[i].key) == 0)
      {
        if (phase != NULL)
          *phase = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rw_session_phase_get_label (RwSessionPhase phase)
{
  g_return_val_if_fail (phase < RW_N_SESSION_PHASES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, phase_info[phase].label);
}

static int
side_effect_index (RwSideEffects effect)
{
  for (int i = 0; i < RW_N_SIDE_EFFECTS; i++)
    if (effect == (RwSideEffects) (1 << i))
      return i;
  return -1;
}

/**
 * rw_side_effect_get_key:
 * @effect: one flag
 *
 * Returns: (nullable): its key, or %NULL if @effect is not one flag
 */
const char *
rw_side_effect_get_key (RwSideEffects effect)
{
  int i = side_effect_index (effect);

  g_return_val_if_fail (i >= 0, NULL);
  return side_effect_info[i].key;
}

const char *
rw_side_effect_get_label (RwSideEffects effect)
{
  int i = side_effect_index (effect);

  g_return_val_if_fail (i >= 0, NULL);
  return g_dgettext (GETTEXT_PACKAGE, side_effect_info[i].label);
}

/**
 * rw_side_effects_to_string:
 * @effects: flags
 *
 * Returns: (transfer full): the keys in their fixed order, joined by
 *   commas; "" for none
 */
char *
rw_side_effects_to_string (RwSideEffects effects)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < RW_N_SIDE_EFFECTS; i++)
    if (effects & (1 << i))
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, side_effect_info[i].key);
      }
  return g_string_free (out, FALSE);
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_vprintf (format, args);
      g_set_error_literal (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID, message);
    }
  va_end (args);
  return FALSE;
}

/* Shortens what a person typed for quoting it back in a message. */
static char *
quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);
      return g_strdup_printf ("%s…", head);
    }
  return g_steal_pointer (&valid);
}

/**
 * rw_side_effects_from_string:
 * @text: keys joined by commas ("nausea,raised-bp"); spaces and empty
 *   pieces are ignored, any case
 * @effects: (out): the flags
 * @error: return location for a #GError
 *
 * Returns: %TRUE if every key is known; the message names the first that
 *   is not, and lists the keys
 */
gboolean
rw_side_effects_from_string (const char     *text,
                             RwSideEffects  *effects,
                             GError        **error)
{
  g_auto(GStrv) pieces = NULL;
  RwSideEffects found = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  pieces = g_strsplit (text, ",", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *key = g_strstrip (pieces[i]);
      guint j;

      if (*key == '\0')
        continue;
      for (j = 0; j < RW_N_SIDE_EFFECTS; j++)
        if (g_ascii_strcasecmp (key, side_effect_info[j].key) == 0)
          break;
      if (j == RW_N_SIDE_EFFECTS)
        {
          g_autofree char *quoted = quote_input (key);
          return invalid (error,
                          _("“%s” is not a side effect Rewire knows; use any of nausea, vomiting, "
                            "headache, dizziness, drowsiness, raised-bp, urinary or other."),
                          quoted);
        }
      found |= 1 << j;
    }

  if (effects != NULL)
    *effects = found;
  return TRUE;
}

const char *
rw_session_vital_get_label (RwSessionVital vital)
{
  g_return_val_if_fail (vital < RW_N_SESSION_VITALS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, vital_labels[vital]);
}

const char *
rw_integration_prompt_get_label (RwIntegrationPrompt prompt)
{
  g_return_val_if_fail (prompt < RW_N_INTEGRATION_PROMPTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, prompt_labels[prompt]);
}

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

static void
checklist_item_clear (ChecklistItem *item)
{
  g_free (item->label);
}

static void
rw_session_finalize (GObject *object)
{
  RwSession *self = (RwSession *)object;

  g_free (self->id);
  g_free (self->date);
  g_free (self->time);
  g_free (self->provider);
  g_free (self->dose);
  g_free (self->intention);
  g_free (self->side_effects_other);
  g_free (self->note);
  g_array_unref (self->checklist);
  for (guint d = 0; d < RW_SESSION_INTEGRATION_DAYS; d++)
    for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
      g_free (self->integration[d][p]);

  G_OBJECT_CLASS (rw_session_parent_class)->finalize (object);
}

static void
rw_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RwSession *self = RW_SESSION (object);

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
    case PROP_ROUTE:
      g_value_set_uint (value, self->route);
      break;
    case PROP_PHASE:
      g_value_set_uint (value, self->phase);
      break;
    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;
    case PROP_DOSE:
      g_value_set_string (value, self->dose);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_INTENTION:
      g_value_set_string (value, self->intention);
      break;
    case PROP_INTENSITY:
      g_value_set_int (value, self->intensity);
      break;
    case PROP_DETACHED:
      g_value_set_int (value, self->detached);
      break;
    case PROP_SIDE_EFFECTS:
      g_value_set_uint (value, self->side_effects);
      break;
    case PROP_SIDE_EFFECTS_OTHER:
      g_value_set_string (value, self->side_effects_other);
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
rw_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RwSession *self = RW_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      rw_session_set_id (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      rw_session_set_date (self, g_value_get_string (value));
      break;
    case PROP_TIME:
      rw_session_set_time (self, g_value_get_string (value));
      break;
    case PROP_ROUTE:
      rw_session_set_route (self, g_value_get_uint (value));
      break;
    case PROP_PHASE:
      rw_session_set_phase (self, g_value_get_uint (value));
      break;
    case PROP_PROVIDER:
      rw_session_set_provider (self, g_value_get_string (value));
      break;
    case PROP_DOSE:
      rw_session_set_dose (self, g_value_get_string (value));
      break;
    case PROP_DONE:
      rw_session_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_INTENTION:
      rw_session_set_intention (self, g_value_get_string (value));
      break;
    case PROP_INTENSITY:
      rw_session_set_intensity (self, g_value_get_int (value));
      break;
    case PROP_DETACHED:
      rw_session_set_detached (self, g_value_get_int (value));
      break;
    case PROP_SIDE_EFFECTS:
      rw_session_set_side_effects (self, g_value_get_uint (value));
      break;
    case PROP_SIDE_EFFECTS_OTHER:
      rw_session_set_side_effects_other (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      rw_session_set_note (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      rw_session_set_created (self, g_value_get_int64 (value));
      break;
    case PROP_MODIFIED:
      rw_session_set_modified (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_session_class_init (RwSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rw_session_finalize;
  object_class->get_property = rw_session_get_property;
  object_class->set_property = rw_session_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  /* NULL when the session has no time. */
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, NULL, flags);
  /* RwSessionRoute and RwSessionPhase, as numbers (no GEnum registered). */
  properties[PROP_ROUTE] = g_param_spec_uint ("route", NULL, NULL, 0, RW_N_SESSION_ROUTES - 1,
                                              RW_SESSION_ROUTE_OTHER, flags);
  properties[PROP_PHASE] = g_param_spec_uint ("phase", NULL, NULL, 0, RW_N_SESSION_PHASES - 1,
                                              RW_SESSION_PHASE_OTHER, flags);
  properties[PROP_PROVIDER] = g_param_spec_string ("provider", NULL, NULL, "", flags);
  properties[PROP_DOSE] = g_param_spec_string ("dose", NULL, NULL, "", flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);
  properties[PROP_INTENTION] = g_param_spec_string ("intention", NULL, NULL, "", flags);
  properties[PROP_INTENSITY] = g_param_spec_int ("intensity", NULL, NULL, RW_SESSION_UNSET, G_MAXINT,
                                                 RW_SESSION_UNSET, flags);
  properties[PROP_DETACHED] = g_param_spec_int ("detached", NULL, NULL, RW_SESSION_UNSET, G_MAXINT,
                                                RW_SESSION_UNSET, flags);
  properties[PROP_SIDE_EFFECTS] = g_param_spec_uint ("side-effects", NULL, NULL, 0, G_MAXUINT, 0,
                                                     flags);
  properties[PROP_SIDE_EFFECTS_OTHER] = g_param_spec_string ("side-effects-other", NULL, NULL, "",
                                                             flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rw_session_init (RwSession *self)
{
  self->id = g_uuid_string_random ();
  self->date = g_strdup ("1970-01-01");
  self->route = RW_SESSION_ROUTE_OTHER;
  self->phase = RW_SESSION_PHASE_OTHER;
  self->provider = g_strdup ("");
  self->dose = g_strdup ("");
  self->intention = g_strdup ("");
  for (guint i = 0; i < RW_N_SESSION_VITALS; i++)
    self->vitals[i] = RW_SESSION_UNSET;
  self->intensity = RW_SESSION_UNSET;
  self->detached = RW_SESSION_UNSET;
  self->side_effects_other = g_strdup ("");
  self->note = g_strdup ("");
  self->checklist = g_array_new (FALSE, TRUE, sizeof (ChecklistItem));
  g_array_set_clear_func (self->checklist, (GDestroyNotify) checklist_item_clear);
  for (guint d = 0; d < RW_SESSION_INTEGRATION_DAYS; d++)
    for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
      self->integration[d][p] = g_strdup ("");
}

/**
 * rw_session_new:
 *
 * Creates a session with a fresh random id, dated 1970-01-01 with no
 * time, route and phase "other", not done, nothing else set and an empty
 * checklist (rw_session_add_default_checklist() prefills one).
 *
 * Returns: (transfer full): a new #RwSession
 */
RwSession *
rw_session_new (void)
{
  return g_object_new (RW_TYPE_SESSION, NULL);
}

/**
 * rw_session_copy:
 * @self: a #RwSession
 *
 * Returns: (transfer full): a copy with the same id and values
 */
RwSession *
rw_session_copy (RwSession *self)
{
  RwSession *copy;

  g_return_val_if_fail (RW_IS_SESSION (self), NULL);

  copy = rw_session_new ();
  replace_str (&copy->id, self->id);
  replace_str (&copy->date, self->date);
  replace_str (&copy->time, self->time);
  copy->route = self->route;
  copy->phase = self->phase;
  replace_str (&copy->provider, self->provider);
  replace_str (&copy->dose, self->dose);
  copy->done = self->done;
  replace_str (&copy->intention, self->intention);
  memcpy (copy->vitals, self->vitals, sizeof copy->vitals);
  copy->intensity = self->intensity;
  copy->detached = self->detached;
  copy->side_effects = self->side_effects;
  replace_str (&copy->side_effects_other, self->side_effects_other);
  replace_str (&copy->note, self->note);
  for (guint i = 0; i < self->checklist->len; i++)
    {
      ChecklistItem *item = &g_array_index (self->checklist, ChecklistItem, i);
      rw_session_append_checklist (copy, item->label, item->checked);
    }
  for (guint d = 0; d < RW_SESSION_INTEGRATION_DAYS; d++)
    for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
      replace_str (&copy->integration[d][p], self->integration[d][p]);
  copy->created = self->created;
  copy->modified = self->modified;

  return copy;
}

#define STRING_ACCESSORS(field, PROP, allow_null)                               \
  const char *                                                                  \
  rw_session_get_##field (RwSession *self)                                      \
  {                                                                             \
    g_return_val_if_fail (RW_IS_SESSION (self), NULL);                          \
    return self->field;                                                         \
  }                                                                             \
                                                                                \
  void                                                                          \
  rw_session_set_##field (RwSession  *self,                                     \
                          const char *value)                                    \
  {                                                                             \
    g_return_if_fail (RW_IS_SESSION (self));                                    \
    if (value == NULL && !(allow_null))                                         \
      value = "";                                                               \
    if (replace_str (&self->field, value))                                      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }

STRING_ACCESSORS (date, PROP_DATE, FALSE)
STRING_ACCESSORS (provider, PROP_PROVIDER, FALSE)
STRING_ACCESSORS (dose, PROP_DOSE, FALSE)
STRING_ACCESSORS (intention, PROP_INTENTION, FALSE)
STRING_ACCESSORS (side_effects_other, PROP_SIDE_EFFECTS_OTHER, FALSE)
STRING_ACCESSORS (note, PROP_NOTE, FALSE)

#define INT_ACCESSORS(type, field, PROP)                                        \
  type                                                                          \
  rw_session_get_##field (RwSession *self)                                      \
  {                                                                             \
    g_return_val_if_fail (RW_IS_SESSION (self), 0);                             \
    return self->field;                                                         \
  }                                                                             \
                                                                                \
  void                                                                          \
  rw_session_set_##field (RwSession *self,                                      \
                          type       value)                                     \
  {                                                                             \
    g_return_if_fail (RW_IS_SESSION (self));                                    \
    if (self->field == value)                                                   \
      return;                                                                   \
    self->field = value;                                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);               \
  }

INT_ACCESSORS (gboolean, done, PROP_DONE)
INT_ACCESSORS (RwSideEffects, side_effects, PROP_SIDE_EFFECTS)
INT_ACCESSORS (gint64, created, PROP_CREATED)
INT_ACCESSORS (gint64, modified, PROP_MODIFIED)

const char *
rw_session_get_id (RwSession *self)
{
  g_return_val_if_fail (RW_IS_SESSION (self), NULL);
  return self->id;
}

/* Ids are kept in lower case, as for check-ins. */
void
rw_session_set_id (RwSession  *self,
                   const char *id)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (id != NULL);

  lower = g_ascii_strdown (id, -1);
  if (replace_str (&self->id, lower))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * rw_session_get_time:
 * @self: a #RwSession
 *
 * Returns: (nullable): HH:MM, or %NULL when the session has no time
 */
const char *
rw_session_get_time (RwSession *self)
{
  g_return_val_if_fail (RW_IS_SESSION (self), NULL);
  return self->time;
}

void
rw_session_set_time (RwSession  *self,
                     const char *time)
{
  g_return_if_fail (RW_IS_SESSION (self));

  if (time != NULL && *time == '\0')
    time = NULL;
  if (replace_str (&self->time, time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

RwSessionRoute
rw_session_get_route (RwSession *self)
{
  g_return_val_if_fail (RW_IS_SESSION (self), RW_SESSION_ROUTE_OTHER);
  return self->route;
}

void
rw_session_set_route (RwSession      *self,
                      RwSessionRoute  route)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (route < RW_N_SESSION_ROUTES);

  if (self->route == route)
    return;
  self->route = route;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTE]);
}

RwSessionPhase
rw_session_get_phase (RwSession *self)
{
  g_return_val_if_fail (RW_IS_SESSION (self), RW_SESSION_PHASE_OTHER);
  return self->phase;
}

void
rw_session_set_phase (RwSession      *self,
                      RwSessionPhase  phase)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (phase < RW_N_SESSION_PHASES);

  if (self->phase == phase)
    return;
  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

static int
unset_below (int value)
{
  return value < RW_SESSION_UNSET ? RW_SESSION_UNSET : value;
}

int
rw_session_get_vital (RwSession      *self,
                      RwSessionVital  vital)
{
  g_return_val_if_fail (RW_IS_SESSION (self), RW_SESSION_UNSET);
  g_return_val_if_fail (vital < RW_N_SESSION_VITALS, RW_SESSION_UNSET);
  return self->vitals[vital];
}

/**
 * rw_session_set_vital:
 * @self: a #RwSession
 * @vital: which measurement
 * @value: what the person measured, or %RW_SESSION_UNSET
 */
void
rw_session_set_vital (RwSession      *self,
                      RwSessionVital  vital,
                      int             value)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (vital < RW_N_SESSION_VITALS);

  self->vitals[vital] = unset_below (value);
}

int
rw_session_get_intensity (RwSession *self)
{
  g_return_val_if_fail (RW_IS_SESSION (self), RW_SESSION_UNSET);
  return self->intensity;
}

/**
 * rw_session_set_intensity:
 * @self: a #RwSession
 * @intensity: 0–10, or %RW_SESSION_UNSET
 */
void
rw_session_set_intensity (RwSession *self,
                          int        intensity)
{
  g_return_if_fail (RW_IS_SESSION (self));

  intensity = unset_below (intensity);
  if (self->intensity == intensity)
    return;
  self->intensity = intensity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTENSITY]);
}

int
rw_session_get_detached (RwSession *self)
{
  g_return_val_if_fail (RW_IS_SESSION (self), RW_SESSION_UNSET);
  return self->detached;
}

/**
 * rw_session_set_detached:
 * @self: a #RwSession
 * @detached: how detached or dreamlike it felt, 0–10 (the person's own
 *   rating, not a clinical scale), or %RW_SESSION_UNSET
 */
void
rw_session_set_detached (RwSession *self,
                         int        detached)
{
  g_return_if_fail (RW_IS_SESSION (self));

  detached = unset_below (detached);
  if (self->detached == detached)
    return;
  self->detached = detached;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETACHED]);
}

/**
 * rw_session_default_checklist:
 *
 * Returns: (transfer full): the labels a new session's checklist is
 *   prefilled with, translated
 */
char **
rw_session_default_checklist (void)
{
  char **labels = g_new0 (char *, G_N_ELEMENTS (default_checklist) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (default_checklist); i++)
    labels[i] = g_strdup (g_dgettext (GETTEXT_PACKAGE, default_checklist[i]));
  return labels;
}

/**
 * rw_session_add_default_checklist:
 * @self: a #RwSession
 *
 * Appends the labels of rw_session_default_checklist(), unticked.
 */
void
rw_session_add_default_checklist (RwSession *self)
{
  g_auto(GStrv) labels = rw_session_default_checklist ();

  g_return_if_fail (RW_IS_SESSION (self));

  for (guint i = 0; labels[i] != NULL; i++)
    rw_session_append_checklist (self, labels[i], FALSE);
}

guint
rw_session_get_n_checklist (RwSession *self)
{
  g_return_val_if_fail (RW_IS_SESSION (self), 0);
  return self->checklist->len;
}

const char *
rw_session_get_checklist_label (RwSession *self,
                                guint      position)
{
  g_return_val_if_fail (RW_IS_SESSION (self), NULL);
  g_return_val_if_fail (position < self->checklist->len, NULL);
  return g_array_index (self->checklist, ChecklistItem, position).label;
}

gboolean
rw_session_get_checklist_checked (RwSession *self,
                                  guint      position)
{
  g_return_val_if_fail (RW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (position < self->checklist->len, FALSE);
  return g_array_index (self->checklist, ChecklistItem, position).checked;
}

void
rw_session_set_checklist_checked (RwSession *self,
                                  guint      position,
                                  gboolean   checked)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (position < self->checklist->len);
  g_array_index (self->checklist, ChecklistItem, position).checked = checked != FALSE;
}

void
rw_session_set_checklist_label (RwSession  *self,
                                guint       position,
                                const char *label)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (position < self->checklist->len);
  g_return_if_fail (label != NULL);
  replace_str (&g_array_index (self->checklist, ChecklistItem, position).label, label);
}

void
rw_session_append_checklist (RwSession  *self,
                             const char *label,
                             gboolean    checked)
{
  ChecklistItem item;

  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (label != NULL);

  item.label = g_strdup (label);
  item.checked = checked != FALSE;
  g_array_append_val (self->checklist, item);
}

void
rw_session_remove_checklist (RwSession *self,
                             guint      position)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (position < self->checklist->len);
  g_array_remove_index (self->checklist, position);
}

void
rw_session_clear_checklist (RwSession *self)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_array_set_size (self->checklist, 0);
}

/**
 * rw_session_get_integration:
 * @self: a #RwSession
 * @day: 1–3, the day after the session
 * @prompt: which question
 *
 * Returns: the answer, "" when none
 */
const char *
rw_session_get_integration (RwSession           *self,
                            guint                day,
                            RwIntegrationPrompt  prompt)
{
  g_return_val_if_fail (RW_IS_SESSION (self), NULL);
  g_return_val_if_fail (day >= 1 && day <= RW_SESSION_INTEGRATION_DAYS, NULL);
  g_return_val_if_fail (prompt < RW_N_INTEGRATION_PROMPTS, NULL);
  return self->integration[day - 1][prompt];
}

void
rw_session_set_integration (RwSession           *self,
                            guint                day,
                            RwIntegrationPrompt  prompt,
                            const char          *text)
{
  g_return_if_fail (RW_IS_SESSION (self));
  g_return_if_fail (day >= 1 && day <= RW_SESSION_INTEGRATION_DAYS);
  g_return_if_fail (prompt < RW_N_INTEGRATION_PROMPTS);
  replace_str (&self->integration[day - 1][prompt], text != NULL ? text : "");
}

/* TRUE when any answer of @day is not empty. */
gboolean
rw_session_has_integration (RwSession *self,
                            guint      day)
{
  g_return_val_if_fail (RW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (day >= 1 && day <= RW_SESSION_INTEGRATION_DAYS, FALSE);

  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    if (*self->integration[day - 1][p] != '\0')
      return TRUE;
  return FALSE;
}

static gboolean
validate_short_text (const char  *text,
                     const char  *what,
                     GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("%s is not valid UTF-8 text."), what);
  if (g_utf8_strlen (text, -1) > RW_SESSION_SHORT_TEXT_MAX_CHARS)
    return invalid (error, _("%s can have at most %d characters."), what,
                    RW_SESSION_SHORT_TEXT_MAX_CHARS);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return invalid (error, _("%s cannot contain line breaks or tabs."), what);
  return TRUE;
}

static gboolean
validate_long_text (const char  *text,
                    const char  *what,
                    GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("%s is not valid UTF-8 text; save it again as UTF-8."), what);
  if (strlen (text) > RW_NOTE_MAX_BYTES)
    return invalid (error, _("%s is longer than %d KiB."), what, RW_NOTE_MAX_BYTES / 1024);
  return TRUE;
}

/**
 * rw_session_validate_integration:
 * @text: an integration answer
 * @error: return location for a #GError
 */
gboolean
rw_session_validate_integration (const char  *text,
                                 GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  return validate_long_text (text, _("An integration answer"), error);
}

static gboolean
validate_rating (int          value,
                 const char  *name,
                 GError     **error)
{
  if (value == RW_SESSION_UNSET ||
      (value >= RW_SESSION_RATING_MIN && value <= RW_SESSION_RATING_MAX))
    return TRUE;
  return invalid (error, _("%s must be a whole number from %d to %d, or left empty (got %d)."),
                  name, RW_SESSION_RATING_MIN, RW_SESSION_RATING_MAX, value);
}

static void
vital_range (RwSessionVital  vital,
             int            *min,
             int            *max)
{
  switch (vital)
    {
    case RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC:
    case RW_SESSION_VITAL_BP_AFTER_SYSTOLIC:
      *min = RW_SESSION_SYSTOLIC_MIN;
      *max = RW_SESSION_SYSTOLIC_MAX;
      break;
    case RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC:
    case RW_SESSION_VITAL_BP_AFTER_DIASTOLIC:
      *min = RW_SESSION_DIASTOLIC_MIN;
      *max = RW_SESSION_DIASTOLIC_MAX;
      break;
    case RW_SESSION_VITAL_HR_BEFORE:
    case RW_SESSION_VITAL_HR_AFTER:
    case RW_N_SESSION_VITALS:
    default:
      *min = RW_SESSION_HEART_RATE_MIN;
      *max = RW_SESSION_HEART_RATE_MAX;
      break;
    }
}

static gboolean
validate_blood_pressure (RwSession       *self,
                         RwSessionVital   systolic,
                         RwSessionVital   diastolic,
                         const char      *which,
                         GError         **error)
{
  int sys = self->vitals[systolic];
  int dia = self->vitals[diastolic];

  if ((sys == RW_SESSION_UNSET) != (dia == RW_SESSION_UNSET))
    return invalid (error, _("Blood pressure %s needs both numbers, such as 120/80, or neither."),
                    which);
  if (sys != RW_SESSION_UNSET && sys <= dia)
    return invalid (error,
                    _("Blood pressure %s is written with the higher (systolic) number first, "
                      "such as 120/80 (got %d/%d)."),
                    which, sys, dia);
  return TRUE;
}

/**
 * rw_session_validate:
 * @self: a #RwSession
 * @error: return location for a #GError
 *
 * Checks every field; the first bad one is named in @error. The dose and
 * the measurements are the person's own: nothing is compared with any
 * norm, only with what can be written down (ranges a monitor shows, a
 * systolic number above the diastolic).
 *
 * Returns: %TRUE if @self may be stored
 */
gboolean
rw_session_validate (RwSession  *self,
                     GError    **error)
{
  g_return_val_if_fail (RW_IS_SESSION (self), FALSE);

  if (!rw_validate_id (self->id, error) ||
      !rw_validate_date (self->date, error) ||
      (self->time != NULL && !rw_validate_time (self->time, error)))
    return FALSE;

  if (self->route >= RW_N_SESSION_ROUTES || self->phase >= RW_N_SESSION_PHASES)
    return invalid (error, _("The route or phase is not one Rewire knows."));

  if (!validate_short_text (self->provider, _("The provider"), error) ||
      !validate_short_text (self->dose, _("The dose"), error) ||
      !validate_long_text (self->intention, _("The intention"), error) ||
      !validate_long_text (self->note, _("The note"), error) ||
      !validate_short_text (self->side_effects_other, _("The other side effects"), error))
    return FALSE;

  for (guint i = 0; i < RW_N_SESSION_VITALS; i++)
    {
      int min, max;
      int value = self->vitals[i];

      vital_range (i, &min, &max);
      if (value != RW_SESSION_UNSET && (value < min || value > max))
        return invalid (error, _("%s must be a whole number from %d to %d, or left empty (got %d)."),
                        rw_session_vital_get_label (i), min, max, value);
    }
  if (!validate_blood_pressure (self, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC,
                                RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC, _("before"), error) ||
      !validate_blood_pressure (self, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC,
                                RW_SESSION_VITAL_BP_AFTER_DIASTOLIC, _("after"), error))
    return FALSE;

  if (!validate_rating (self->intensity, _("Intensity"), error) ||
      !validate_rating (self->detached, _("How detached it felt"), error))
    return FALSE;

  if ((self->side_effects & ~RW_SIDE_EFFECTS_ALL) != 0)
    return invalid (error, _("A side effect is not one Rewire knows."));
  if (*self->side_effects_other != '\0' && !(self->side_effects & RW_SIDE_EFFECT_OTHER))
    return invalid (error, _("Other side effects are described only when “Other” is chosen."));

  if (self->checklist->len > RW_SESSION_CHECKLIST_MAX)
    return invalid (error, _("A checklist can have at most %d items (this one has %u)."),
                    RW_SESSION_CHECKLIST_MAX, self->checklist->len);
  for (guint i = 0; i < self->checklist->len; i++)
    {
      const char *label = g_array_index (self->checklist, ChecklistItem, i).label;
      g_autofree char *stripped = g_strstrip (g_strdup (label));

      if (*stripped == '\0')
        return invalid (error, _("A checklist item cannot be empty."));
      if (!validate_short_text (label, _("A checklist item"), error))
        return FALSE;
    }

  for (guint d = 0; d < RW_SESSION_INTEGRATION_DAYS; d++)
    for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
      if (!rw_session_validate_integration (self->integration[d][p], error))
        return FALSE;

  return TRUE;
}

/* A whole number without sign, exponent or spaces inside; FALSE otherwise. */
static gboolean
parse_whole (const char *text,
             gint64     *value)
{
  char *end = NULL;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  *value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *value < G_MAXINT;
}

/**
 * rw_session_parse_rating:
 * @name: what the rating is called in a message ("Intensity")
 * @text: what a person typed; empty means not given
 * @value: (out): 0–10 or %RW_SESSION_UNSET
 * @error: return location for a #GError
 */
gboolean
rw_session_parse_rating (const char  *name,
                         const char  *text,
                         int         *value,
                         GError     **error)
{
  g_autofree char *stripped = NULL;
  gint64 number;

  g_return_val_if_fail (name != NULL && text != NULL && value != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      *value = RW_SESSION_UNSET;
      return TRUE;
    }
  if (!parse_whole (stripped, &number) || number > RW_SESSION_RATING_MAX)
    {
      g_autofree char *quoted = quote_input (stripped);
      return invalid (error, _("%s must be a whole number from %d to %d, or left empty (got “%s”)."),
                      name, RW_SESSION_RATING_MIN, RW_SESSION_RATING_MAX, quoted);
    }
  *value = (int) number;
  return TRUE;
}

/**
 * rw_session_parse_blood_pressure:
 * @text: "120/80"; empty means not given
 * @systolic: (out): the first number, or %RW_SESSION_UNSET
 * @diastolic: (out): the second, or %RW_SESSION_UNSET
 * @error: return location for a #GError
 *
 * Only the form is checked here; rw_session_validate() checks the ranges.
 */
gboolean
rw_session_parse_blood_pressure (const char  *text,
                                 int         *systolic,
                                 int         *diastolic,
                                 GError     **error)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) parts = NULL;
  gint64 sys, dia;

  g_return_val_if_fail (text != NULL && systolic != NULL && diastolic != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      *systolic = *diastolic = RW_SESSION_UNSET;
      return TRUE;
    }
  parts = g_strsplit (stripped, "/", -1);
  if (g_strv_length (parts) != 2 ||
      !parse_whole (g_strstrip (parts[0]), &sys) || !parse_whole (g_strstrip (parts[1]), &dia) ||
      sys > RW_SESSION_SYSTOLIC_MAX || dia > RW_SESSION_DIASTOLIC_MAX)
    {
      g_autofree char *quoted = quote_input (stripped);
      return invalid (error,
                      _("Blood pressure must be written as two whole numbers with a slash, "
                        "such as 120/80 (got “%s”)."),
                      quoted);
    }
  *systolic = (int) sys;
  *diastolic = (int) dia;
  return TRUE;
}

/**
 * rw_session_parse_heart_rate:
 * @text: beats a minute; empty means not given
 * @value: (out): the number, or %RW_SESSION_UNSET
 * @error: return location for a #GError
 */
gboolean
rw_session_parse_heart_rate (const char  *text,
                             int         *value,
                             GError     **error)
{
  g_autofree char *stripped = NULL;
  gint64 number;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      *value = RW_SESSION_UNSET;
      return TRUE;
    }
  if (!parse_whole (stripped, &number) || number < RW_SESSION_HEART_RATE_MIN ||
      number > RW_SESSION_HEART_RATE_MAX)
    {
      g_autofree char *quoted = quote_input (stripped);
      return invalid (error,
                      _("Heart rate must be a whole number of beats a minute from %d to %d "
                        "(got “%s”)."),
                      RW_SESSION_HEART_RATE_MIN, RW_SESSION_HEART_RATE_MAX, quoted);
    }
  *value = (int) number;
  return TRUE;
}
