/* fuzz-open.c: any bytes where the journal should be are either opened
 * or refused, and a refused file is never written to.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "rw-database.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static void
remove_dir (const char *dir)
{
  const char *names[] = { "journal.db", "journal.db-wal", "journal.db-shm", "journal.db-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *dir = g_dir_make_tmp ("rewire-fuzz-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RwDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (dir == NULL)
    abort ();
  path = g_build_filename (dir, "journal.db", NULL);
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    abort ();

  database = rw_database_open (dir, &error);
  if (database == NULL)
    {
      if (error == NULL || error->domain != RW_DATABASE_ERROR || error->message[0] == '\0')
        abort ();
      if (!g_file_get_contents (path, &after, &length, NULL) ||
          length != size || (size > 0 && memcmp (after, data, size) != 0))
        abort ();
    }

  g_clear_object (&database);
  remove_dir (dir);
  return 0;
}
