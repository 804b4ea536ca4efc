/* test-crisis.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core.h"

static gboolean
has_service (RwCrisisDirectory *directory,
             const char        *code,
             const char        *name_part,
             const char        *phone)
{
  const RwCrisisCountry *country = rw_crisis_directory_lookup (directory, code);

  if (country == NULL)
    return FALSE;

  for (guint i = 0; i < country->services->len; i++)
    {
      RwCrisisService *service = g_ptr_array_index (country->services, i);

      if (strstr (service->name, name_part) == NULL)
        continue;
      if (phone == NULL ||
          g_strcmp0 (service->phone, phone) == 0 || g_strcmp0 (service->phone_alt, phone) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_text_line (RwCrisisDirectory *directory,
               const char        *code,
               const char        *number)
{
  const RwCrisisCountry *country = rw_crisis_directory_lookup (directory, code);

  for (guint i = 0; country != NULL && i < country->services->len; i++)
    if (g_strcmp0 (((RwCrisisService *) g_ptr_array_index (country->services, i))->text, number) == 0)
      return TRUE;
  return FALSE;
}

static void
test_required_services (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (&error);

  g_assert_no_error (error);
  g_assert_true (has_service (directory, "US", "988", "988"));
  g_assert_true (has_service (directory, "US", "Emergency", "911"));
  g_assert_true (has_service (directory, "CA", "Suicide Crisis", "988"));
  g_assert_true (has_service (directory, "GB", "Samaritans", "116 123"));
  g_assert_true (has_service (directory, "IE", "Samaritans", "116 123"));
  g_assert_true (has_service (directory, "DE", "TelefonSeelsorge", "0800 111 0 111"));
  g_assert_true (has_service (directory, "DE", "TelefonSeelsorge", "0800 111 0 222"));
  g_assert_true (has_service (directory, "AU", "Lifeline", "13 11 14"));
  g_assert_true (has_service (directory, "NZ", "1737", "1737"));
  g_assert_true (has_service (directory, "FR", "3114", "3114"));
  g_assert_true (has_service (directory, "ES", "024", "024"));
  g_assert_true (has_service (directory, "NL", "113", "113"));
  g_assert_true (has_service (directory, "IN", "Tele MANAS", "14416"));
  g_assert_true (has_service (directory, "JP", "Yorisoi", "0120-279-338"));
  g_assert_true (has_service (directory, "BR", "CVV", "188"));
  g_assert_true (has_service (directory, "MX", "Línea de la Vida", "800 911 2000"));
  g_assert_true (has_service (directory, "EU", "emergency", "112"));
  g_assert_true (has_service (directory, "INTL", "Helpline", NULL));

  /* The text lines of the countries that have one. */
  g_assert_true (has_text_line (directory, "US", "988"));
  g_assert_true (has_text_line (directory, "CA", "988"));
  g_assert_true (has_text_line (directory, "GB", "85258"));
  g_assert_true (has_text_line (directory, "IE", "50808"));
  g_assert_true (has_text_line (directory, "AU", "0477 13 11 14"));
  g_assert_true (has_text_line (directory, "NZ", "1737"));
}

/* Every country (all but the EU and "anywhere else") lists its emergency
 * number, and a crisis line beside it. */
static void
test_every_country_has_emergency_number (void)
{
  static const char * const wanted[] = {
    "US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "PL", "IN", "ZA",
    "JP", "BR", "MX",
  };
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_nonnull (rw_crisis_directory_lookup (directory, wanted[i]));

  for (guint i = 0; i < rw_crisis_directory_get_n_countries (directory); i++)
    {
      const RwCrisisCountry *country = rw_crisis_directory_get_country (directory, i);
      gboolean emergency = FALSE, line = FALSE;

      if (g_str_equal (country->code, "INTL"))
        continue;
      for (guint j = 0; j < country->services->len; j++)
        {
          RwCrisisService *service = g_ptr_array_index (country->services, j);

          if (g_str_equal (service->name, "Emergency services") ||
              g_str_equal (service->name, "European emergency number"))
            emergency = emergency || service->phone != NULL;
          else
            line = line || service->phone != NULL || service->text != NULL;
        }
      if (!emergency || (!line && !g_str_equal (country->code, "EU")))
        g_error ("%s lacks %s", country->code, emergency ? "a crisis line" : "an emergency number");
    }
}

static void
test_every_entry_sourced_and_verified_or_not (void)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);

  g_assert_cmpuint (rw_crisis_directory_get_n_countries (directory), >=, 19);
  for (guint i = 0; i < rw_crisis_directory_get_n_countries (directory); i++)
    {
      const RwCrisisCountry *country = rw_crisis_directory_get_country (directory, i);

      g_assert_cmpuint (country->services->len, >, 0);
      for (guint j = 0; j < country->services->len; j++)
        {
          RwCrisisService *service = g_ptr_array_index (country->services, j);

          g_assert_true (g_str_has_prefix (service->source, "https://") ||
                         g_str_has_prefix (service->source, "http://"));
          g_assert_true (service->phone != NULL || service->text != NULL || service->url != NULL);
          if (service->verified == NULL)
            continue;
          /* A date only with what it was compared with, how and when. */
          g_assert_true (rw_validate_date (service->verified->date, NULL));
          g_assert_cmpstr (service->verified->date, <=, "2026-12-03");
          g_assert_true (g_str_has_prefix (service->verified->against, "http"));
          g_assert_cmpstr (service->verified->how, !=, "");
          g_assert_cmpstr (service->verified->confirms, !=, "");
          if (service->verified->copy_date != NULL)
            g_assert_cmpstr (service->verified->copy_date, <=, service->verified->date);
        }
    }
}

static void
test_order_puts_country_first (void)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);
  g_autoptr(GPtrArray) de = rw_crisis_directory_list_for (directory, "DE");
  g_autoptr(GPtrArray) unknown = rw_crisis_directory_list_for (directory, "ZZ");

  g_assert_cmpstr (((RwCrisisCountry *) g_ptr_array_index (de, 0))->code, ==, "DE");
  g_assert_cmpuint (de->len, ==, rw_crisis_directory_get_n_countries (directory));
  g_assert_cmpstr (((RwCrisisCountry *) g_ptr_array_index (unknown, 0))->code, ==, "INTL");
  g_assert_cmpuint (unknown->len, ==, rw_crisis_directory_get_n_countries (directory));
}

static void
test_guess_country (void)
{
  static const struct { const char *names[3]; const char *code; } cases[] = {
    { { "en_US.UTF-8", "en", NULL }, "US" },
    { { "de_DE.UTF-8", NULL }, "DE" },
    { { "en_IE", NULL }, "IE" },
    { { "fr_FR.UTF-8", NULL }, "FR" },
    { { "sv_SE.UTF-8", NULL }, "EU" },
    { { "ja_JP.UTF-8", NULL }, "JP" },
    { { "ko_KR.UTF-8", NULL }, "INTL" },
    { { "C", NULL }, "INTL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = rw_crisis_guess_country (cases[i].names);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

/* A country with its own entry is what its locale guesses, and a guess is
 * always a country of the list. */
static void
test_guess_matches_list (void)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);
  static const char * const others[] = { "xx_SE", "xx_AT", "xx_KR", "xx_AR" };

  for (guint i = 0; i < rw_crisis_directory_get_n_countries (directory); i++)
    {
      const RwCrisisCountry *country = rw_crisis_directory_get_country (directory, i);
      g_autofree char *locale = g_strdup_printf ("xx_%s.UTF-8", country->code);
      const char *names[] = { locale, NULL };
      g_autofree char *code = NULL;

      if (strlen (country->code) != 2 || g_str_equal (country->code, "EU"))
        continue;
      code = rw_crisis_guess_country (names);
      g_assert_cmpstr (code, ==, country->code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      const char *names[] = { others[i], NULL };
      g_autofree char *code = rw_crisis_guess_country (names);

      g_assert_nonnull (rw_crisis_directory_lookup (directory, code));
    }
}

#define SERVICE_START "{\"countries\":[{\"code\":\"US\",\"name\":\"x\",\"services\":[{" \
                      "\"name\":\"n\",\"how\":\"h\",\"phone\":\"1\",\"source\":\"https://a.example\""
#define SERVICE_END "}]}]}"

/* The date rule: a date is shown only for a recorded check. */
static void
test_date_needs_record (void)
{
  static const char * const refused[] = {
    /* A bare date, as the list had before it recorded its checks. */
    SERVICE_START ",\"checked\":\"2026-11-22\"" SERVICE_END,
    /* A date with a record beside it is still a bare date. */
    SERVICE_START ",\"checked\":\"2026-11-22\",\"verified\":{\"date\":\"2026-12-03\","
      "\"against\":\"https://b.example\",\"how\":\"h\",\"confirms\":\"c\"}" SERVICE_END,
    /* Records without what was read, or how, or what it confirmed. */
    SERVICE_START ",\"verified\":{\"date\":\"2026-12-03\"}" SERVICE_END,
    SERVICE_START ",\"verified\":{\"date\":\"2026-12-03\",\"against\":\"somewhere\","
      "\"how\":\"h\",\"confirms\":\"c\"}" SERVICE_END,
    SERVICE_START ",\"verified\":{\"date\":\"2026-12-03\",\"against\":\"https://b.example\"}" SERVICE_END,
    /* A record without a real date, or a copy dated after the check. */
    SERVICE_START ",\"verified\":{\"date\":\"soon\",\"against\":\"https://b.example\","
      "\"how\":\"h\",\"confirms\":\"c\"}" SERVICE_END,
    SERVICE_START ",\"verified\":{\"date\":\"2026-12-03\",\"copy_date\":\"2027-01-01\","
      "\"against\":\"https://b.example\",\"how\":\"h\",\"confirms\":\"c\"}" SERVICE_END,
    SERVICE_START ",\"verified\":\"2026-12-03\"" SERVICE_END,
  };
  g_autoptr(RwCrisisDirectory) unverified = NULL;
  g_autoptr(RwCrisisDirectory) verified = NULL;
  g_autoptr(GError) error = NULL;
  const RwCrisisService *service;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new_from_data (refused[i], -1, &error);

      if (directory != NULL)
        g_error ("accepted: %s", refused[i]);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }

  /* No record: accepted, and not verified. */
  unverified = rw_crisis_directory_new_from_data (SERVICE_START SERVICE_END, -1, &error);
  g_assert_no_error (error);
  service = g_ptr_array_index (rw_crisis_directory_lookup (unverified, "US")->services, 0);
  g_assert_null (service->verified);

  /* A whole record: accepted, as it was written. */
  verified = rw_crisis_directory_new_from_data (
    SERVICE_START ",\"verified\":{\"date\":\"2026-12-03\",\"copy_date\":\"2024-11-04\","
    "\"against\":\"https://b.example\",\"how\":\"h\",\"confirms\":\"c\"}" SERVICE_END, -1, &error);
  g_assert_no_error (error);
  service = g_ptr_array_index (rw_crisis_directory_lookup (verified, "US")->services, 0);
  g_assert_nonnull (service->verified);
  g_assert_cmpstr (service->verified->date, ==, "2026-12-03");
  g_assert_cmpstr (service->verified->copy_date, ==, "2024-11-04");
  g_assert_cmpstr (service->verified->against, ==, "https://b.example");
}

static void
test_damaged_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCrisisDirectory) directory = NULL;

  directory = rw_crisis_directory_new_from_data ("{\"countries\":[{\"code\":\"US\",\"name\":\"x\","
                                                 "\"services\":[{\"name\":\"n\"}]}]}", -1, &error);
  g_assert_null (directory);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crisis/required-services", test_required_services);
  g_test_add_func ("/crisis/sourced-and-verified-or-not", test_every_entry_sourced_and_verified_or_not);
  g_test_add_func ("/crisis/every-country-has-emergency-number", test_every_country_has_emergency_number);
  g_test_add_func ("/crisis/date-needs-record", test_date_needs_record);
  g_test_add_func ("/crisis/guess-matches-list", test_guess_matches_list);
  g_test_add_func ("/crisis/order", test_order_puts_country_first);
  g_test_add_func ("/crisis/guess-country", test_guess_country);
  g_test_add_func ("/crisis/damaged-data", test_damaged_data);

  return g_test_run ();
}
