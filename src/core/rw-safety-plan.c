/* rw-safety-plan.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections follow the Safety Planning Intervention of Stanley B,
 * Brown GK (2012), "Safety Planning Intervention: A Brief Intervention to
 * Mitigate Suicide Risk", Cognitive and Behavioral Practice 19(2):256–264,
 * doi:10.1016/j.cbpra.2011.01.001. Its six steps are (a) warning signs,
 * (b) internal coping strategies, (c) social contacts and settings as a
 * distraction, (d) family or friends who may help, (e) professionals or
 * agencies, (f) restricting access to lethal means. The headings and
 * hints below are Rewire's own wording of those steps, not the paper's;
 * reasons to live, the seventh section, is not one of the six steps but
 * is kept on many printed plans and asked for by issue 18.
 */
#define G_LOG_DOMAIN "rw-safety-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rw-safety-plan.h"

typedef struct
{
  const char *key;
  const char *heading;
  const char *hint;
} SectionInfo;

static const SectionInfo sections[RW_SAFETY_PLAN_N_SECTIONS] = {
  { "warning-signs", N_("Warning signs"),
    N_("Thoughts, feelings, situations or things I do that tell me a hard time may be coming") },
  { "coping", N_("Things I can do on my own"),
    N_("What helps me get through a hard moment without anyone else") },
  { "distractions", N_("People and places that take my mind off things"),
    N_("Who I can be with, and where I can go, to think of something else") },
  { "people", N_("People I can ask for help"),
    N_("Family or friends I can tell how I feel, with their numbers") },
  { "professionals", N_("Professionals and services"),
    N_("My prescriber, my clinic, my therapist, a crisis line: names and numbers") },
  { "environment", N_("Making my surroundings safer"),
    N_("What I can put away, hand to someone, or keep out of reach") },
  { "reasons", N_("Reasons to live"),
    N_("The people, things and hopes that matter most to me") },
};

const char *
rw_safety_plan_section_get_key (RwSafetyPlanSection section)
{
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, NULL);
  return sections[section].key;
}

gboolean
rw_safety_plan_section_from_key (const char          *key,
                                 RwSafetyPlanSection *section)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    if (g_str_equal (key, sections[s].key))
      {
        if (section != NULL)
          *section = (RwSafetyPlanSection) s;
        return TRUE;
      }
  return FALSE;
}

const char *
rw_safety_plan_section_list_keys (void)
{
  return "warning-signs, coping, distractions, people, professionals, environment, reasons";
}

const char *
rw_safety_plan_section_get_heading (RwSafetyPlanSection section)
{
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, sections[section].heading);
}

const char *
rw_safety_plan_section_get_hint (RwSafetyPlanSection section)
{
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, sections[section].hint);
}

/**
 * rw_safety_plan_get_source:
 *
 * Returns: (transfer none): one sentence saying where the sections come
 *   from, with the citation, translated
 */
const char *
rw_safety_plan_get_source (void)
{
  return _("The sections follow the steps of the Safety Planning Intervention: Stanley B, "
           "Brown GK (2012), Cognitive and Behavioral Practice 19(2):256–264, "
           "doi:10.1016/j.cbpra.2011.01.001. The headings are Rewire’s wording of its steps; "
           "the words are yours. Rewire is not medical advice.");
}

/**
 * RwSafetyPlan:
 *
 * The text of each section as the person wrote it. Loaded and saved
 * through rw_journal_load_safety_plan() and
 * rw_journal_save_safety_plan_section().
 */
struct _RwSafetyPlan
{
  GObject parent_instance;

  char *text[RW_SAFETY_PLAN_N_SECTIONS];
  gint64 modified[RW_SAFETY_PLAN_N_SECTIONS];
};

G_DEFINE_FINAL_TYPE (RwSafetyPlan, rw_safety_plan, G_TYPE_OBJECT)

static void
rw_safety_plan_finalize (GObject *object)
{
  RwSafetyPlan *self = (RwSafetyPlan *)object;

  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    g_free (self->text[s]);

  G_OBJECT_CLASS (rw_safety_plan_parent_class)->finalize (object);
}

static void
rw_safety_plan_class_init (RwSafetyPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rw_safety_plan_finalize;
}

static void
rw_safety_plan_init (RwSafetyPlan *self)
{
}

RwSafetyPlan *
rw_safety_plan_new (void)
{
  return g_object_new (RW_TYPE_SAFETY_PLAN, NULL);
}

const char *
rw_safety_plan_get_text (RwSafetyPlan        *self,
                         RwSafetyPlanSection  section)
{
  g_return_val_if_fail (RW_IS_SAFETY_PLAN (self), NULL);
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, NULL);

  return self->text[section] != NULL ? self->text[section] : "";
}

void
rw_safety_plan_set_text (RwSafetyPlan        *self,
                         RwSafetyPlanSection  section,
                         const char          *text)
{
  g_return_if_fail (RW_IS_SAFETY_PLAN (self));
  g_return_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS);

  g_free (self->text[section]);
  self->text[section] = g_strdup (text != NULL ? text : "");
}

/**
 * rw_safety_plan_dup_items:
 * @self: a plan
 * @section: which section
 *
 * Returns: (transfer full): the section's items, one a line, without the
 *   blank lines and the spaces around each
 */
GStrv
rw_safety_plan_dup_items (RwSafetyPlan        *self,
                          RwSafetyPlanSection  section)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (RW_IS_SAFETY_PLAN (self), NULL);
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, NULL);

  lines = g_strsplit (rw_safety_plan_get_text (self, section), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

gint64
rw_safety_plan_get_modified (RwSafetyPlan        *self,
                             RwSafetyPlanSection  section)
{
  g_return_val_if_fail (RW_IS_SAFETY_PLAN (self), 0);
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, 0);

  return self->modified[section];
}

void
rw_safety_plan_set_modified (RwSafetyPlan        *self,
                             RwSafetyPlanSection  section,
                             gint64               modified)
{
  g_return_if_fail (RW_IS_SAFETY_PLAN (self));
  g_return_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS);

  self->modified[section] = modified;
}

/**
 * rw_safety_plan_is_empty:
 * @self: a plan
 *
 * Returns: whether no section has an item
 */
gboolean
rw_safety_plan_is_empty (RwSafetyPlan *self)
{
  g_return_val_if_fail (RW_IS_SAFETY_PLAN (self), TRUE);

  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_auto(GStrv) items = rw_safety_plan_dup_items (self, s);

      if (items[0] != NULL)
        return FALSE;
    }
  return TRUE;
}
