/* rw-safety.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-safety"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-date.h"
#include "rw-safety-sql.h"

/**
 * rw_safety_is_low:
 * @check_in: a check-in
 *
 * Returns: %TRUE if its mood or its hope is recorded at
 *   %RW_SAFETY_LOW_SCORE or below
 */
gboolean
rw_safety_is_low (RwCheckIn *check_in)
{
  static const RwMetric watched[] = { RW_METRIC_MOOD, RW_METRIC_HOPE };

  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      int value = rw_check_in_get_metric (check_in, watched[i]);

      if (value != RW_METRIC_UNSET && value <= RW_SAFETY_LOW_SCORE)
        return TRUE;
    }
  return FALSE;
}

/**
 * rw_safety_should_offer:
 * @source: where @check_in was saved from
 * @check_in: the check-in, already saved
 * @last_offer_day: the day help was last offered, or 0 for never
 * @today: today
 *
 * The one rule: help is offered after a check-in the person saved
 * themselves (never one imported from a file, which is history) with a
 * low mood or hope, at most once a day.
 *
 * Returns: %TRUE if help should be offered now
 */
gboolean
rw_safety_should_offer (RwSafetySource  source,
                        RwCheckIn      *check_in,
                        guint32         last_offer_day,
                        guint32         today)
{
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  switch (source)
    {
    case RW_SAFETY_SOURCE_EDITOR:
    case RW_SAFETY_SOURCE_PLAN_REFLECTION:
    case RW_SAFETY_SOURCE_CLI_ADD:
    case RW_SAFETY_SOURCE_CLI_EDIT:
      break;
    case RW_SAFETY_SOURCE_IMPORT:
    default:
      return FALSE;
    }

  if (!rw_safety_is_low (check_in))
    return FALSE;

  /* A clock set back still offers: only the same day counts as done. */
  return last_offer_day != today;
}

/**
 * rw_safety_should_offer_for_assessment:
 * @assessment: a PHQ-9 or GAD-7, already saved
 *
 * The rule for questionnaires: any answer above 0 to PHQ-9's item 9
 * (thoughts of being better off dead or of hurting oneself) offers the
 * person's crisis lines and safety plan, every time: the once-a-day limit
 * of check-ins does not apply, and the offer never blocks or undoes the
 * save.
 *
 * Returns: %TRUE if help should be offered now
 */
gboolean
rw_safety_should_offer_for_assessment (const RwAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, FALSE);

  return assessment->kind == RW_QUESTIONNAIRE_PHQ9 &&
         assessment->n_answers >= RW_QUESTIONNAIRE_PHQ9_ITEM9 &&
         assessment->answers[RW_QUESTIONNAIRE_PHQ9_ITEM9 - 1] > 0;
}

/**
 * rw_safety_dup_assessment_offer:
 * @saved: whether the answers were saved (not with `--dry-run`)
 *
 * Returns: (transfer full): the words of the offer after PHQ-9's item 9,
 *   saying plainly that nobody reads the journal
 */
char *
rw_safety_dup_assessment_offer (gboolean saved)
{
  const char *offer = _("You said you have had thoughts of being better off dead or of hurting "
                        "yourself. Nobody reads this journal: not Rewire, not your clinic, not "
                        "anyone, so no one will know unless you tell them. You don’t have to "
                        "carry this alone: people are there to listen, any time.");

  if (!saved)
    return g_strdup (offer);
  /* Translators: %s is the rest of the offer of help. */
  return g_strdup_printf (_("Your answers are saved. %s"), offer);
}

/**
 * rw_safety_dup_prescriber_line:
 *
 * Returns: (transfer full): the suggestion to tell the prescriber
 */
char *
rw_safety_dup_prescriber_line (void)
{
  return g_strdup (_("Please consider telling your prescriber or your clinic about this answer, "
                     "at your next contact or sooner."));
}

/**
 * rw_safety_get_last_offer:
 * @db: a #RwDatabase
 *
 * Returns: the day help was last offered, or 0 for never (or when it
 *   cannot be read: then it is offered again rather than not at all)
 */
guint32
rw_safety_get_last_offer (RwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), 0);

  value = rw_database_get_setting (db, RW_SAFETY_LAST_OFFER_KEY, &error);
  if (error != NULL)
    g_message ("Could not read when help was last offered: %s", error->message);
  return value != NULL ? rw_date_from_iso (value) : 0;
}

/**
 * rw_safety_offer_after_save:
 * @db: a #RwDatabase
 * @source: where @check_in was saved from
 * @check_in: the check-in, already committed
 * @today: today
 *
 * Asks rw_safety_should_offer() with the day kept in the journal, and
 * keeps today when it says yes. Call it only after the save has
 * committed; it never undoes or delays the save, and a failure to keep
 * the day only means help may be offered again.
 *
 * Returns: %TRUE if the caller should offer help now
 */
gboolean
rw_safety_offer_after_save (RwDatabase     *db,
                            RwSafetySource  source,
                            RwCheckIn      *check_in,
                            guint32         today)
{
  g_autoptr(GError) error = NULL;
  char iso[RW_DATE_ISO_SIZE];

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  /* Cheap checks first: most check-ins are not low. */
  if (!rw_safety_should_offer (source, check_in, 0, today) ||
      !rw_safety_should_offer (source, check_in, rw_safety_get_last_offer (db), today))
    return FALSE;

  rw_date_write_iso (today, iso);
  if (!rw_database_set_setting (db, RW_SAFETY_LAST_OFFER_KEY, iso, &error))
    g_message ("Could not keep when help was offered: %s", error->message);
  return TRUE;
}

/**
 * rw_safety_resolve_country:
 * @directory: the crisis services
 * @chosen: (nullable): the person's choice (a setting, a variable), or
 *   empty
 *
 * Returns: (transfer full): @chosen when the list has it, else a guess
 *   from the locale (see rw_crisis_guess_country())
 */
char *
rw_safety_resolve_country (RwCrisisDirectory *directory,
                           const char        *chosen)
{
  const RwCrisisCountry *country;

  g_return_val_if_fail (RW_IS_CRISIS_DIRECTORY (directory), NULL);

  if (chosen != NULL && *chosen != '\0' &&
      (country = rw_crisis_directory_lookup (directory, chosen)) != NULL)
    return g_strdup (country->code);
  return rw_crisis_guess_country (NULL);
}

static const RwCrisisCountry *
find_country (RwCrisisDirectory *directory,
              const char        *code)
{
  const RwCrisisCountry *country = rw_crisis_directory_lookup (directory, code);

  if (country == NULL)
    country = rw_crisis_directory_lookup (directory, "INTL");
  return country;
}

static RwCrisisService *
first_with_phone (const RwCrisisCountry *country)
{
  for (guint i = 0; country != NULL && i < country->services->len; i++)
    {
      RwCrisisService *service = g_ptr_array_index (country->services, i);

      if (service->phone != NULL)
        return service;
    }
  return NULL;
}

/**
 * rw_safety_dup_call_line:
 * @directory: the crisis services
 * @country: a country code of @directory
 *
 * Returns: (transfer full): one sentence with the first line to call for
 *   @country ("Call or text 988 (988 Suicide & Crisis Lifeline)."); for a
 *   country without a number, where to find one
 */
char *
rw_safety_dup_call_line (RwCrisisDirectory *directory,
                         const char        *country)
{
  const RwCrisisCountry *found;
  RwCrisisService *service;

  g_return_val_if_fail (RW_IS_CRISIS_DIRECTORY (directory), NULL);

  found = find_country (directory, country);
  service = first_with_phone (found);
  if (service == NULL)
    {
      RwCrisisService *first = found != NULL && found->services->len > 0
                               ? g_ptr_array_index (found->services, 0) : NULL;

      if (first != NULL && first->url != NULL)
        /* Translators: the address of a directory of crisis lines. */
        return g_strdup_printf (_("Find a crisis line near you: %s"), first->url);
      return g_strdup (_("Call your local emergency number."));
    }

  if (service->text != NULL && g_str_equal (service->text, service->phone))
    /* Translators: a phone number, then the service's name. */
    return g_strdup_printf (_("Call or text %s (%s)."), service->phone, service->name);
  if (service->text != NULL)
    /* Translators: a number to call, a number to text, the service's name. */
    return g_strdup_printf (_("Call %s or text %s (%s)."), service->phone, service->text,
                            service->name);
  /* Translators: a phone number, then the service's name. */
  return g_strdup_printf (_("Call %s (%s)."), service->phone, service->name);
}

/**
 * rw_safety_dup_emergency_line:
 * @directory: the crisis services
 * @country: a country code of @directory
 *
 * Returns: (transfer full): one sentence with the emergency number for
 *   @country when it is not the number rw_safety_dup_call_line() gives,
 *   and a pointer to the local one otherwise
 */
char *
rw_safety_dup_emergency_line (RwCrisisDirectory *directory,
                              const char        *country)
{
  const RwCrisisCountry *found;
  RwCrisisService *first, *last = NULL;

  g_return_val_if_fail (RW_IS_CRISIS_DIRECTORY (directory), NULL);

  found = find_country (directory, country);
  first = first_with_phone (found);
  /* The list puts the emergency number last. */
  for (guint i = 0; found != NULL && i < found->services->len; i++)
    {
      RwCrisisService *service = g_ptr_array_index (found->services, i);

      if (service->phone != NULL)
        last = service;
    }

  if (first == NULL)
    return g_strdup (_("If you are in danger now, call your local emergency number."));
  if (last == first)
    return NULL;
  /* Translators: an emergency number such as 911. */
  return g_strdup_printf (_("If you are in danger now, call %s."), last->phone);
}
