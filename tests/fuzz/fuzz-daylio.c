/* fuzz-daylio.c: any bytes given to the Daylio importer are read or refused;
 * every check-in it reads is one the journal would accept.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "rw-core-sql.h"
#include "rw-daylio.h"
#include "rw-validate.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (!rw_daylio_parse_check_ins ((const char *) data, size, NULL, &check_ins, &lines, &error))
    {
      /* Refused: with a message a person can read. */
      if (error == NULL || error->message == NULL || *error->message == '\0' ||
          !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return 0;
    }

  if (check_ins == NULL || lines == NULL || lines->len != check_ins->len)
    abort ();
  for (guint i = 0; i < check_ins->len; i++)
    {
      g_autoptr(GError) invalid = NULL;

      /* What the parser lets through, the journal takes. */
      if (!rw_validate_check_in (g_ptr_array_index (check_ins, i), &invalid))
        abort ();
    }
  return 0;
}
