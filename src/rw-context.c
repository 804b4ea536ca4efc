/* rw-context.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-context"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-context.h"

/**
 * RwContext:
 *
 * What every widget needs, handed down once from the application: the
 * journal, the settings and the clock. It also looks for changes made by
 * other processes (the command line) once a second, so that they show up
 * without a restart.
 */
struct _RwContext
{
  GObject parent_instance;

  RwJournal *journal;
  GSettings *settings;
  RwClock *clock;
  guint poll_id;
};

G_DEFINE_FINAL_TYPE (RwContext, rw_context, G_TYPE_OBJECT)

#define DEFAULT_POLL_MS 1000

static void
rw_context_dispose (GObject *object)
{
  RwContext *self = (RwContext *)object;

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->journal);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (rw_context_parent_class)->dispose (object);
}

static void
rw_context_class_init (RwContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rw_context_dispose;
}

static void
rw_context_init (RwContext *self)
{
}

static gboolean
poll_cb (gpointer user_data)
{
  RwContext *self = user_data;

  rw_journal_poll_changes (self->journal);
  return G_SOURCE_CONTINUE;
}

/**
 * rw_context_set_poll_interval:
 * @self: a #RwContext
 * @milliseconds: how often to look for changes by other processes
 */
void
rw_context_set_poll_interval (RwContext *self,
                              guint      milliseconds)
{
  g_return_if_fail (RW_IS_CONTEXT (self));
  g_return_if_fail (milliseconds > 0);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->poll_id = g_timeout_add (milliseconds, poll_cb, self);
}

/**
 * rw_context_new:
 * @journal: the open journal
 * @settings: the app's settings
 * @clock: the clock
 *
 * Makes nothing and reads nothing: the views read what they show.
 *
 * Returns: (transfer full): a context
 */
RwContext *
rw_context_new (RwJournal *journal,
                GSettings *settings,
                RwClock   *clock)
{
  RwContext *self;

  g_return_val_if_fail (RW_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (RW_IS_CLOCK (clock), NULL);

  self = g_object_new (RW_TYPE_CONTEXT, NULL);
  self->journal = g_object_ref (journal);
  self->settings = g_object_ref (settings);
  self->clock = g_object_ref (clock);

  rw_context_set_poll_interval (self, DEFAULT_POLL_MS);
  return self;
}

RwJournal *
rw_context_get_journal (RwContext *self)
{
  g_return_val_if_fail (RW_IS_CONTEXT (self), NULL);
  return self->journal;
}

GSettings *
rw_context_get_settings (RwContext *self)
{
  g_return_val_if_fail (RW_IS_CONTEXT (self), NULL);
  return self->settings;
}

RwClock *
rw_context_get_clock (RwContext *self)
{
  g_return_val_if_fail (RW_IS_CONTEXT (self), NULL);
  return self->clock;
}

/**
 * rw_settings_new:
 *
 * The app's settings, from the schemas installed on the system or in the
 * folders of `$GSETTINGS_SCHEMA_DIR` (which `build-aux/rewire-dev run`,
 * `meson devenv` and the tests point at the build tree). No build path is
 * compiled in. Without the schema the app cannot start: it says why and
 * exits.
 *
 * Returns: (transfer full): the settings
 */
GSettings *
rw_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      const char *dirs = g_getenv ("GSETTINGS_SCHEMA_DIR");

      g_printerr ("rewire: ");
      g_printerr (_("The settings schema %s is not installed (GSETTINGS_SCHEMA_DIR: %s). "
                    "Install Rewire with “ninja -C build install”, or run it from a build "
                    "folder with “build-aux/rewire-dev run” or “meson devenv -C build "
                    "src/rewire”, which set GSETTINGS_SCHEMA_DIR to the compiled schema."),
                  APP_ID, dirs != NULL ? dirs : _("not set"));
      g_printerr ("\n");
      exit (EXIT_FAILURE);
    }

  return g_settings_new_full (schema, NULL, NULL);
}
