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
  g_assert_true (has_service (directory, "EU", "emergency", "112"));
  g_assert_true (has_service (directory, "INTL", "Helpline", NULL));
}

static void
test_every_entry_sourced_and_dated (void)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);

  g_assert_cmpuint (rw_crisis_directory_get_n_countries (directory), >=, 8);
  for (guint i = 0; i < rw_crisis_directory_get_n_countries (directory); i++)
    {
      const RwCrisisCountry *country = rw_crisis_directory_get_country (directory, i);

      g_assert_cmpuint (country->services->len, >, 0);
      for (guint j = 0; j < country->services->len; j++)
        {
          RwCrisisService *service = g_ptr_array_index (country->services, j);

          g_assert_true (g_str_has_prefix (service->source, "https://"));
          g_assert_true (rw_validate_date (service->checked, NULL));
          g_assert_true (service->phone != NULL || service->url != NULL);
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
    { { "fr_FR.UTF-8", NULL }, "EU" },
    { { "ja_JP.UTF-8", NULL }, "INTL" },
    { { "C", NULL }, "INTL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = rw_crisis_guess_country (cases[i].names);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
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
  g_test_add_func ("/crisis/sourced-and-dated", test_every_entry_sourced_and_dated);
  g_test_add_func ("/crisis/order", test_order_puts_country_first);
  g_test_add_func ("/crisis/guess-country", test_guess_country);
  g_test_add_func ("/crisis/damaged-data", test_damaged_data);

  return g_test_run ();
}
