/* fuzz-daylio.c: any bytes given to the Daylio importer are read or refused;
 * every check-in it reads is one the journal would accept.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-daylio.h"
#include "fuzz-import.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = rw_daylio_parse_check_ins ((const char *) data, size, NULL, &check_ins, &lines, &error);

  fuzz_check_import (ok, check_ins, lines, error);
  return 0;
}
