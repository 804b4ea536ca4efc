/* main.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rw-application.h"
#include "rw-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands run without a display and never initialise GTK. */
  if (rw_cli_is_command (argc, argv))
    return rw_cli_run (argc, argv);

  app = rw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
