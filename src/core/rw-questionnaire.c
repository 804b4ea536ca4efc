/* rw-questionnaire.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forms' text is data, not msgids: a language gets the items only
 * from a published validated translation (data/questionnaires/README.md).
 * The bands are those the forms' authors published: PHQ-9 totals of 5,
 * 10, 15 and 20 as the cut points of mild, moderate, moderately severe
 * and severe (Kroenke, Spitzer, Williams 2001, J Gen Intern Med
 * 16(9):606-613, doi:10.1046/j.1525-1497.2001.016009606.x); GAD-7 totals
 * of 5, 10 and 15 as those of mild, moderate and severe (Spitzer et al.
 * 2006, Arch Intern Med 166(10):1092-1097, doi:10.1001/archinte.166.10.1092).
 * They describe a screening score, never a diagnosis.
 */
#define G_LOG_DOMAIN "rw-questionnaire"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rw-questionnaire.h"
#include "rw-date.h"
#include "rw-questionnaire-resources.h"
#include "rw-validate.h"

typedef struct
{
  const char *id;
  const char *title;
  guint n_items;
  /* The lowest total of each band from mild on; 0 ends the list. */
  guint cuts[4];
  RwQuestionnaireBand bands[5];
  guint n_bands;
} KindInfo;

static const KindInfo kinds[RW_N_QUESTIONNAIRES] = {
  [RW_QUESTIONNAIRE_PHQ9] = {
    "phq9", "PHQ-9", 9, { 5, 10, 15, 20 },
    { RW_QUESTIONNAIRE_BAND_MINIMAL, RW_QUESTIONNAIRE_BAND_MILD,
      RW_QUESTIONNAIRE_BAND_MODERATE, RW_QUESTIONNAIRE_BAND_MODERATELY_SEVERE,
      RW_QUESTIONNAIRE_BAND_SEVERE }, 5 },
  [RW_QUESTIONNAIRE_GAD7] = {
    "gad7", "GAD-7", 7, { 5, 10, 15, 0 },
    { RW_QUESTIONNAIRE_BAND_MINIMAL, RW_QUESTIONNAIRE_BAND_MILD,
      RW_QUESTIONNAIRE_BAND_MODERATE, RW_QUESTIONNAIRE_BAND_SEVERE }, 4 },
};

const char *
rw_questionnaire_kind_to_string (RwQuestionnaireKind kind)
{
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, NULL);
  return kinds[kind].id;
}

/**
 * rw_questionnaire_kind_from_string:
 * @id: "phq9" or "gad7" (also "PHQ-9", "gad-7")
 * @kind: (out): where to put the kind
 *
 * Returns: %TRUE if @id names a questionnaire
 */
gboolean
rw_questionnaire_kind_from_string (const char          *id,
                                   RwQuestionnaireKind *kind)
{
  g_autoptr(GString) plain = NULL;

  if (id == NULL)
    return FALSE;
  plain = g_string_new (NULL);
  for (const char *p = id; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (plain, g_ascii_tolower (*p));

  for (guint i = 0; i < RW_N_QUESTIONNAIRES; i++)
    if (g_str_equal (plain->str, kinds[i].id))
      {
        if (kind != NULL)
          *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rw_questionnaire_kind_title (RwQuestionnaireKind kind)
{
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, NULL);
  return kinds[kind].title;
}

guint
rw_questionnaire_kind_n_items (RwQuestionnaireKind kind)
{
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, 0);
  return kinds[kind].n_items;
}

guint
rw_questionnaire_kind_max_total (RwQuestionnaireKind kind)
{
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, 0);
  return kinds[kind].n_items * (RW_QUESTIONNAIRE_N_ANSWERS - 1);
}

guint
rw_questionnaire_n_bands (RwQuestionnaireKind kind)
{
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, 0);
  return kinds[kind].n_bands;
}

static guint
band_index (RwQuestionnaireKind kind,
            guint               total)
{
  guint i = 0;

  while (i < G_N_ELEMENTS (kinds[kind].cuts) && kinds[kind].cuts[i] != 0 &&
         total >= kinds[kind].cuts[i])
    i++;
  return i;
}

/**
 * rw_questionnaire_band:
 * @kind: a questionnaire
 * @total: a total, at most rw_questionnaire_kind_max_total()
 *
 * Returns: the published band @total falls in
 */
RwQuestionnaireBand
rw_questionnaire_band (RwQuestionnaireKind kind,
                       guint               total)
{
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, RW_QUESTIONNAIRE_BAND_MINIMAL);
  return kinds[kind].bands[band_index (kind, total)];
}

/**
 * rw_questionnaire_band_range:
 * @kind: a questionnaire
 * @band: one of its bands
 * @low: (out): the band's lowest total
 * @high: (out): the band's highest total
 *
 * For charts: where each band begins and ends.
 */
void
rw_questionnaire_band_range (RwQuestionnaireKind  kind,
                             RwQuestionnaireBand  band,
                             guint               *low,
                             guint               *high)
{
  const KindInfo *info;

  g_return_if_fail (kind < RW_N_QUESTIONNAIRES);
  info = &kinds[kind];
  for (guint i = 0; i < info->n_bands; i++)
    if (info->bands[i] == band)
      {
        *low = i == 0 ? 0 : info->cuts[i - 1];
        *high = i + 1 < info->n_bands ? info->cuts[i] - 1
                                      : rw_questionnaire_kind_max_total (kind);
        return;
      }
  *low = *high = 0;
}

/**
 * rw_questionnaire_band_label:
 * @band: a band
 *
 * Returns: its name, lower case, as the forms' authors named it
 */
const char *
rw_questionnaire_band_label (RwQuestionnaireBand band)
{
  switch (band)
    {
    case RW_QUESTIONNAIRE_BAND_MINIMAL:
      /* Translators: a band of a PHQ-9 or GAD-7 screening score. */
      return _("minimal");
    case RW_QUESTIONNAIRE_BAND_MILD:
      /* Translators: a band of a PHQ-9 or GAD-7 screening score. */
      return _("mild");
    case RW_QUESTIONNAIRE_BAND_MODERATE:
      /* Translators: a band of a PHQ-9 or GAD-7 screening score. */
      return _("moderate");
    case RW_QUESTIONNAIRE_BAND_MODERATELY_SEVERE:
      /* Translators: a band of a PHQ-9 screening score. */
      return _("moderately severe");
    case RW_QUESTIONNAIRE_BAND_SEVERE:
    default:
      /* Translators: a band of a PHQ-9 or GAD-7 screening score. */
      return _("severe");
    }
}

/**
 * rw_questionnaire_dup_result:
 * @kind: a questionnaire
 * @total: its total
 *
 * Returns: (transfer full): one sentence with the total and its band,
 *   worded as a screening score and never as a diagnosis
 */
char *
rw_questionnaire_dup_result (RwQuestionnaireKind kind,
                             guint               total)
{
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, NULL);

  /* Translators: "PHQ-9 score 12 of 27: in the moderate range. A screening
   * score, not a diagnosis." */
  return g_strdup_printf (_("%s score %u of %u: in the %s range. A screening score, not a "
                            "diagnosis."),
                          kinds[kind].title, total, rw_questionnaire_kind_max_total (kind),
                          rw_questionnaire_band_label (rw_questionnaire_band (kind, total)));
}

static gboolean
set_damaged (const char  *what,
             GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The questionnaire’s text is damaged (%s). Reinstall Rewire."), what);
  return FALSE;
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
read_answers (JsonObject  *object,
              char        *out[RW_QUESTIONNAIRE_N_ANSWERS])
{
  JsonNode *node = object != NULL ? json_object_get_member (object, "answers") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != RW_QUESTIONNAIRE_N_ANSWERS)
    return FALSE;
  for (guint i = 0; i < RW_QUESTIONNAIRE_N_ANSWERS; i++)
    {
      const char *text = json_array_get_string_element (array, i);

      if (text == NULL)
        return FALSE;
      out[i] = g_strdup (text);
    }
  return TRUE;
}

/**
 * rw_questionnaire_load:
 * @kind: which questionnaire
 * @error: return location for a #GError
 *
 * Reads the form's text from the compiled-in data.
 *
 * Returns: (transfer full) (nullable): the questionnaire
 */
RwQuestionnaire *
rw_questionnaire_load (RwQuestionnaireKind   kind,
                       GError              **error)
{
  g_autoptr(RwQuestionnaire) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  JsonObject *root, *difficulty;
  JsonNode *node;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, NULL);

  path = g_strdup_printf ("/io/github/rewire/Rewire/questionnaires/%s.json", kinds[kind].id);
  bytes = g_resource_lookup_data (rw_questionnaires_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return set_damaged (kinds[kind].id, error), NULL;
  root = json_node_get_object (node);

  self = g_new0 (RwQuestionnaire, 1);
  self->kind = kind;
  self->items = g_ptr_array_new_with_free_func (g_free);
  id = dup_member (root, "id");
  self->title = dup_member (root, "title");
  self->name = dup_member (root, "name");
  self->language = dup_member (root, "language");
  self->instructions = dup_member (root, "instructions");
  self->attribution = dup_member (root, "attribution");
  self->citation = dup_member (root, "citation");
  node = json_object_get_member (root, "difficulty");
  difficulty = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  self->difficulty = dup_member (difficulty, "question");

  if (g_strcmp0 (id, kinds[kind].id) != 0 || self->title == NULL || self->name == NULL ||
      self->language == NULL || self->instructions == NULL || self->attribution == NULL ||
      self->citation == NULL || self->difficulty == NULL ||
      !read_answers (root, self->answers) || !read_answers (difficulty, self->difficulty_answers))
    return set_damaged (kinds[kind].id, error), NULL;

  node = json_object_get_member (root, "items");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return set_damaged (kinds[kind].id, error), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      const char *item = json_array_get_string_element (json_node_get_array (node), i);

      if (item == NULL)
        return set_damaged (kinds[kind].id, error), NULL;
      g_ptr_array_add (self->items, g_strdup (item));
    }
  if (self->items->len != kinds[kind].n_items)
    return set_damaged (kinds[kind].id, error), NULL;

  return g_steal_pointer (&self);
}

void
rw_questionnaire_free (RwQuestionnaire *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->name);
  g_free (self->language);
  g_free (self->instructions);
  g_free (self->difficulty);
  g_free (self->attribution);
  g_free (self->citation);
  for (guint i = 0; i < RW_QUESTIONNAIRE_N_ANSWERS; i++)
    {
      g_free (self->answers[i]);
      g_free (self->difficulty_answers[i]);
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self);
}

guint
rw_questionnaire_get_n_items (const RwQuestionnaire *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

/**
 * rw_assessment_new:
 * @kind: which questionnaire
 * @answers: (array length=n_answers): one 0–3 an item
 * @n_answers: the questionnaire's item count
 * @difficulty: the answer to the unscored question (0–3), or -1
 * @error: return location for a #GError
 *
 * Checks the answers and adds them up. The date and time are today and
 * now; the caller may change them before saving.
 *
 * Returns: (transfer full) (nullable): the assessment, not yet saved
 */
RwAssessment *
rw_assessment_new (RwQuestionnaireKind   kind,
                   const guint8         *answers,
                   guint                 n_answers,
                   int                   difficulty,
                   GError              **error)
{
  g_autoptr(RwAssessment) self = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, NULL);

  if (n_answers != kinds[kind].n_items)
    {
      g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                   /* Translators: "The PHQ-9 has 9 items: give 9 answers, not 8." */
                   _("The %s has %u items: give %u answers, not %u."),
                   kinds[kind].title, kinds[kind].n_items, kinds[kind].n_items, n_answers);
      return NULL;
    }
  if (difficulty < -1 || difficulty >= RW_QUESTIONNAIRE_N_ANSWERS)
    {
      g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                   _("The answer on how difficult must be 0, 1, 2 or 3, not %d."), difficulty);
      return NULL;
    }

  self = g_new0 (RwAssessment, 1);
  self->kind = kind;
  self->n_answers = n_answers;
  self->difficulty = difficulty;
  for (guint i = 0; i < n_answers; i++)
    {
      if (answers[i] >= RW_QUESTIONNAIRE_N_ANSWERS)
        {
          g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                       _("Answer %u must be 0, 1, 2 or 3, not %u."), i + 1, answers[i]);
          return NULL;
        }
      self->answers[i] = answers[i];
      self->total += answers[i];
    }

  now = g_date_time_new_now_local ();
  self->date = rw_date_from_date_time (now);
  g_snprintf (self->time, sizeof self->time, "%02d:%02d",
              g_date_time_get_hour (now), g_date_time_get_minute (now));
  return g_steal_pointer (&self);
}

/**
 * rw_assessment_parse:
 * @kind: which questionnaire
 * @answers: the answers as typed, "0,1,2,…" (spaces allowed)
 * @difficulty: the answer to the unscored question (0–3), or -1
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the assessment, or %NULL with a
 *   message naming what is wrong
 */
RwAssessment *
rw_assessment_parse (RwQuestionnaireKind   kind,
                     const char           *answers,
                     int                   difficulty,
                     GError              **error)
{
  g_auto(GStrv) parts = NULL;
  guint8 values[RW_QUESTIONNAIRE_MAX_ITEMS] = { 0 };
  guint n;

  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  parts = g_strsplit (answers, ",", -1);
  n = g_strv_length (parts);
  if (n != kinds[kind].n_items)
    return rw_assessment_new (kind, values, n, difficulty, error);

  for (guint i = 0; i < n; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (strlen (part) != 1 || part[0] < '0' || part[0] > '3')
        {
          g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                       _("Answer %u must be 0, 1, 2 or 3, not “%s”."), i + 1, part);
          return NULL;
        }
      values[i] = part[0] - '0';
    }
  return rw_assessment_new (kind, values, n, difficulty, error);
}

void
rw_assessment_free (RwAssessment *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self);
}

/**
 * rw_assessment_dup_answers_text:
 * @self: an assessment
 *
 * Returns: (transfer full): the answers as the journal keeps them, one
 *   digit an item ("012300110")
 */
char *
rw_assessment_dup_answers_text (const RwAssessment *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_malloc (self->n_answers + 1);
  for (guint i = 0; i < self->n_answers; i++)
    text[i] = '0' + self->answers[i];
  text[self->n_answers] = '\0';
  return text;
}
