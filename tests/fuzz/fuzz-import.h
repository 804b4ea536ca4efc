/* fuzz-import.h: what every importer's fuzz target checks.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>

#include "rw-core-sql.h"
#include "rw-validate.h"

/* An importer's answer to any bytes: refused with a message a person can
 * read, or read into check-ins (one line each) that the journal takes. */
static inline void
fuzz_check_import (gboolean      ok,
                   GPtrArray    *check_ins,
                   GArray       *lines,
                   const GError *error)
{
  if (!ok)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0' ||
          !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return;
    }

  if (check_ins == NULL || lines == NULL || lines->len != check_ins->len)
    abort ();
  for (guint i = 0; i < check_ins->len; i++)
    {
      g_autoptr(GError) invalid = NULL;

      if (!rw_validate_check_in (g_ptr_array_index (check_ins, i), &invalid))
        abort ();
    }
}
