/* rw-sync-folder.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether the journal sits in a folder that a sync tool copies while
 * it is open. A tool that copies journal.db without its -wal, or puts
 * back an older copy ("conflict" files), breaks a SQLite database or
 * loses what was written since: the person must be told, and why.
 */
#define G_LOG_DOMAIN "rw-sync-folder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-sync-folder.h"

typedef struct
{
  const char *marker;   /* a file or folder the tool keeps at its root */
  const char *tool;
} SyncMarker;

/* What each tool leaves in the folder it syncs: Syncthing its marker
 * folder .stfolder (Syncthing's documentation and issues), Dropbox its
 * .dropbox file and .dropbox.cache folder; the Nextcloud and ownCloud
 * clients their journal, .sync_<id>.db or ._sync_<id>.db (below). */
static const SyncMarker markers[] = {
  { ".stfolder", "Syncthing" },
  { ".dropbox", "Dropbox" },
  { ".dropbox.cache", "Dropbox" },
};

static const char *
tool_of_folder (const char *dir)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_autofree char *path = g_build_filename (dir, markers[i].marker, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return markers[i].tool;
    }

  /* The Nextcloud client names its journal ._sync_<hash>.db or
   * .sync_<hash>.db. */
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if ((g_str_has_prefix (name, "._sync_") || g_str_has_prefix (name, ".sync_")) &&
        g_str_has_suffix (name, ".db"))
      return "Nextcloud";
  return NULL;
}

/**
 * rw_sync_folder_warning:
 * @data_dir: the journal's folder
 *
 * Looks in @data_dir and every folder above it for the marks Syncthing,
 * Nextcloud, ownCloud and Dropbox leave in the folders they sync.
 *
 * Returns: (transfer full) (nullable): what to tell the person, or %NULL
 *   when no sync tool's folder holds the journal
 */
char *
rw_sync_folder_warning (const char *data_dir)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  dir = g_canonicalize_filename (data_dir, NULL);
  for (;;)
    {
      const char *tool = tool_of_folder (dir);
      g_autofree char *parent = NULL;

      if (tool != NULL)
        /* Translators: the first %s is a program such as Dropbox, the
         * second a folder */
        return g_strdup_printf (_("Your journal is in a folder that %s syncs (%s). A sync "
                                  "program can copy the journal while Rewire writes to it, or "
                                  "bring back an older copy, which can damage it or lose "
                                  "check-ins. Move the journal out of that folder (choose "
                                  "another with --data-dir), and keep copies with Export "
                                  "instead."),
                                tool, dir);
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        return NULL;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}
