/* rw-crisis.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-crisis"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rw-crisis.h"
#include "rw-crisis-resources.h"
#include "rw-validate.h"

/**
 * RwCrisisDirectory:
 *
 * Crisis services by country. The list is shown wherever Rewire asks about
 * low mood; it must load with no network and never block anyone.
 */
struct _RwCrisisDirectory
{
  GObject parent_instance;

  GPtrArray *countries;
};

G_DEFINE_FINAL_TYPE (RwCrisisDirectory, rw_crisis_directory, G_TYPE_OBJECT)

static void
verification_free (RwCrisisVerification *verified)
{
  g_free (verified->date);
  g_free (verified->against);
  g_free (verified->copy_date);
  g_free (verified->how);
  g_free (verified->confirms);
  g_free (verified);
}

static void
service_free (RwCrisisService *service)
{
  g_free (service->name);
  g_free (service->how);
  g_free (service->phone);
  g_free (service->phone_alt);
  g_free (service->text);
  g_free (service->url);
  g_free (service->source);
  g_clear_pointer (&service->verified, verification_free);
  g_free (service);
}

static void
country_free (RwCrisisCountry *country)
{
  g_free (country->code);
  g_free (country->name);
  g_ptr_array_unref (country->services);
  g_free (country);
}

static void
rw_crisis_directory_finalize (GObject *object)
{
  RwCrisisDirectory *self = (RwCrisisDirectory *)object;

  g_clear_pointer (&self->countries, g_ptr_array_unref);

  G_OBJECT_CLASS (rw_crisis_directory_parent_class)->finalize (object);
}

static void
rw_crisis_directory_class_init (RwCrisisDirectoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rw_crisis_directory_finalize;
}

static void
rw_crisis_directory_init (RwCrisisDirectory *self)
{
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) country_free);
}

static char *
dup_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
malformed (GError    **error,
           const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The list of crisis services is damaged (%s). Reinstall Rewire."), what);
  return FALSE;
}

static gboolean
is_address (const char *text)
{
  return text != NULL && (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://"));
}

/* A date is shown only for a check that happened: an entry either has a
 * whole record of what it was compared with, or none at all (then it
 * shows as not yet verified). A bare date is refused. */
static gboolean
parse_verification (JsonObject       *object,
                    RwCrisisService  *service,
                    GError          **error)
{
  JsonNode *node = json_object_get_member (object, "verified");
  RwCrisisVerification *verified;

  if (json_object_has_member (object, "checked"))
    return malformed (error, "a service has a date but no record of what it was checked against");
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return malformed (error, "a verification record is not an object");

  object = json_node_get_object (node);
  verified = g_new0 (RwCrisisVerification, 1);
  service->verified = verified;
  verified->date = dup_member (object, "date");
  verified->against = dup_member (object, "against");
  verified->copy_date = dup_member (object, "copy_date");
  verified->how = dup_member (object, "how");
  verified->confirms = dup_member (object, "confirms");

  if (verified->date == NULL || !rw_validate_date (verified->date, NULL))
    return malformed (error, "a verification record has no date");
  if (!is_address (verified->against))
    return malformed (error, "a verification record does not say what was read");
  if (verified->how == NULL || *verified->how == '\0' ||
      verified->confirms == NULL || *verified->confirms == '\0')
    return malformed (error, "a verification record does not say how or what was confirmed");
  if (json_object_has_member (object, "copy_date") &&
      (verified->copy_date == NULL || !rw_validate_date (verified->copy_date, NULL) ||
       strcmp (verified->copy_date, verified->date) > 0))
    return malformed (error, "a verification record has a stored copy dated after the check");

  return TRUE;
}

static gboolean
parse (RwCrisisDirectory  *self,
       JsonNode           *root,
       GError            **error)
{
  JsonArray *countries;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "countries"))
    return malformed (error, "no countries");

  countries = json_object_get_array_member (json_node_get_object (root), "countries");
  if (countries == NULL)
    return malformed (error, "no countries");

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonNode *node = json_array_get_element (countries, i);
      RwCrisisCountry *country;
      JsonArray *services;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return malformed (error, "a country is not an object");

      country = g_new0 (RwCrisisCountry, 1);
      country->services = g_ptr_array_new_with_free_func ((GDestroyNotify) service_free);
      g_ptr_array_add (self->countries, country);
      country->code = dup_member (json_node_get_object (node), "code");
      country->name = dup_member (json_node_get_object (node), "name");
      if (country->code == NULL || country->name == NULL)
        return malformed (error, "a country has no code or name");

      if (!json_object_has_member (json_node_get_object (node), "services") ||
          (services = json_object_get_array_member (json_node_get_object (node), "services")) == NULL)
        return malformed (error, "a country has no services");

      for (guint j = 0; j < json_array_get_length (services); j++)
        {
          JsonNode *snode = json_array_get_element (services, j);
          JsonObject *object;
          RwCrisisService *service;

          if (!JSON_NODE_HOLDS_OBJECT (snode))
            return malformed (error, "a service is not an object");
          object = json_node_get_object (snode);

          service = g_new0 (RwCrisisService, 1);
          g_ptr_array_add (country->services, service);
          service->name = dup_member (object, "name");
          service->how = dup_member (object, "how");
          service->phone = dup_member (object, "phone");
          service->phone_alt = dup_member (object, "phone_alt");
          service->text = dup_member (object, "text");
          service->url = dup_member (object, "url");
          service->source = dup_member (object, "source");
          if (service->name == NULL || service->how == NULL || !is_address (service->source))
            return malformed (error, "a service lacks a name, how to reach it or a source");
          if (service->phone == NULL && service->text == NULL && service->url == NULL)
            return malformed (error, "a service has no number and no address");
          if (!parse_verification (object, service, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * rw_crisis_directory_new_from_data:
 * @json: the JSON text
 * @length: its length, or -1
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the directory
 */
RwCrisisDirectory *
rw_crisis_directory_new_from_data (const char  *json,
                                   gssize       length,
                                   GError     **error)
{
  g_autoptr(RwCrisisDirectory) self = g_object_new (RW_TYPE_CRISIS_DIRECTORY, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, error) ||
      !parse (self, json_parser_get_root (parser), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rw_crisis_directory_new:
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the compiled-in directory
 */
RwCrisisDirectory *
rw_crisis_directory_new (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const char *data;

  bytes = g_resource_lookup_data (rw_crisis_get_resource (),
                                  "/io/github/rewire/Rewire/crisis/crisis-resources.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return rw_crisis_directory_new_from_data (data, size, error);
}

guint
rw_crisis_directory_get_n_countries (RwCrisisDirectory *self)
{
  g_return_val_if_fail (RW_IS_CRISIS_DIRECTORY (self), 0);
  return self->countries->len;
}

const RwCrisisCountry *
rw_crisis_directory_get_country (RwCrisisDirectory *self,
                                 guint              index)
{
  g_return_val_if_fail (RW_IS_CRISIS_DIRECTORY (self), NULL);
  g_return_val_if_fail (index < self->countries->len, NULL);
  return g_ptr_array_index (self->countries, index);
}

const RwCrisisCountry *
rw_crisis_directory_lookup (RwCrisisDirectory *self,
                            const char        *code)
{
  g_return_val_if_fail (RW_IS_CRISIS_DIRECTORY (self), NULL);

  if (code == NULL)
    return NULL;

  for (guint i = 0; i < self->countries->len; i++)
    {
      RwCrisisCountry *country = g_ptr_array_index (self->countries, i);

      if (g_ascii_strcasecmp (country->code, code) == 0)
        return country;
    }
  return NULL;
}

/**
 * rw_crisis_directory_list_for:
 * @self: a #RwCrisisDirectory
 * @code: (nullable): the person's country
 *
 * Returns: (transfer container) (element-type RwCrisisCountry): every
 *   country, the person's first, then the rest in file order; the
 *   international directories always come right after the person's
 *   country when that country is not in the list.
 */
GPtrArray *
rw_crisis_directory_list_for (RwCrisisDirectory *self,
                              const char        *code)
{
  GPtrArray *list = g_ptr_array_new ();
  const RwCrisisCountry *first;

  g_return_val_if_fail (RW_IS_CRISIS_DIRECTORY (self), NULL);

  first = rw_crisis_directory_lookup (self, code);
  if (first == NULL)
    first = rw_crisis_directory_lookup (self, "INTL");
  if (first != NULL)
    g_ptr_array_add (list, (gpointer) first);

  for (guint i = 0; i < self->countries->len; i++)
    {
      RwCrisisCountry *country = g_ptr_array_index (self->countries, i);

      if (country != first)
        g_ptr_array_add (list, country);
    }

  return list;
}

/**
 * rw_crisis_guess_country:
 * @language_names: (nullable): locale names such as g_get_language_names()
 *
 * Returns: (transfer full): a country code from the first locale that
 *   names one that has its own entry ("de_DE.UTF-8" → "DE"), "EU" for the
 *   other EU countries, or "INTL"
 */
char *
rw_crisis_guess_country (const char * const *language_names)
{
  /* The countries of data/crisis/crisis-resources.json (test-crisis.c
   * checks that the two agree), then the other EU members. */
  static const char * const own_entries[] = {
    "US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "PL", "IN", "ZA",
    "JP", "BR", "MX", NULL,
  };
  static const char * const eu[] = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "GR", "HU", "LV",
    "LT", "LU", "MT", "PT", "RO", "SK", "SI", "SE",
  };

  if (language_names == NULL)
    language_names = g_get_language_names ();

  for (guint i = 0; language_names[i] != NULL; i++)
    {
      const char *underscore = strchr (language_names[i], '_');
      char code[3];

      if (underscore == NULL || !g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]))
        continue;

      code[0] = g_ascii_toupper (underscore[1]);
      code[1] = g_ascii_toupper (underscore[2]);
      code[2] = '\0';

      if (g_strv_contains (own_entries, code))
        return g_strdup (code);
      for (guint j = 0; j < G_N_ELEMENTS (eu); j++)
        if (g_str_equal (eu[j], code))
          return g_strdup ("EU");
      return g_strdup ("INTL");
    }

  return g_strdup ("INTL");
}

/**
 * rw_crisis_directory_new_or_fallback:
 *
 * Returns: (transfer full): the compiled-in crisis services; should they
 *   be damaged, a single line saying to call the local emergency number
 */
RwCrisisDirectory *
rw_crisis_directory_new_or_fallback (void)
{
  g_autoptr(GError) error = NULL;
  RwCrisisDirectory *directory = rw_crisis_directory_new (&error);

  if (directory != NULL)
    return directory;

  /* Never happens with a good build; the page must still say something. */
  g_critical ("The compiled-in crisis list is damaged: %s", error->message);
  return rw_crisis_directory_new_from_data (
    "{\"countries\":[{\"code\":\"INTL\",\"name\":\"Anywhere\",\"services\":[{"
    "\"name\":\"Emergency services\",\"how\":\"Call your local emergency number.\","
    "\"url\":\"https://findahelpline.com\",\"source\":\"https://findahelpline.com\""
    "}]}]}", -1, NULL);
}
