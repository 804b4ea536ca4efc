/* main.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-application.h"
#include "rw-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RwApplication) app = NULL;

  /* Commands run without a display and never initialise GTK. */
  if (rw_cli_is_command (argc, argv))
    return rw_cli_run (argc, argv);

  app = rw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
