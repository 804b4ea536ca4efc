/* rw-cli-table.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table `rewire list` prints for a person at a terminal: one line per
 * check-in, short column labels, tags cut to a width and the note's first
 * line.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rw-cli-private.h"

#define TAGS_WIDTH 18
#define CHUNK_SIZE (64 * 1024)

/* Text as a terminal may show it: a control character (an escape
 * sequence in a note could recolour or clear the terminal, a bell ring
 * it) becomes U+FFFD. */
static void
append_printable_len (GString    *out,
                      const char *text,
                      gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

/**
 * rw_cli_append_printable:
 * @out: where to add
 * @text: UTF-8 text
 *
 * Adds @text as a terminal may show it: control characters become U+FFFD.
 */
void
rw_cli_append_printable (GString    *out,
                         const char *text)
{
  append_printable_len (out, text, -1);
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  if (length > (glong) width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);

      append_printable_len (out, text, cut - text);
      g_string_append (out, "…");
      return;
    }

  append_printable_len (out, text, -1);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static void
append_metric (GString   *out,
               RwCheckIn *check_in,
               RwMetric   metric)
{
  int value = rw_check_in_get_metric (check_in, metric);

  if (value == RW_METRIC_UNSET)
    g_string_append (out, " -");
  else
    g_string_append_printf (out, "%2d", value);
}

static gboolean
print_row_cb (RwCheckIn *check_in,
              gpointer   user_data)
{
  GString *out = user_data;
  g_autofree char *sleep = rw_format_sleep_hours (rw_check_in_get_sleep_hours (check_in));
  g_autofree char *tags = g_strjoinv (",", (char **) rw_check_in_get_tags (check_in));
  g_autofree char *note = rw_check_in_dup_note_summary (check_in);

  g_string_append_len (out, rw_check_in_get_id (check_in), 8);
  g_string_append_printf (out, "  %s  %s  ", rw_check_in_get_date (check_in),
                          rw_check_in_get_time (check_in));
  for (RwMetric m = RW_METRIC_MOOD; m <= RW_METRIC_ENERGY; m++)
    {
      append_metric (out, check_in, m);
      g_string_append (out, "  ");
    }
  g_string_append_printf (out, "%5s  ", *sleep != '\0' ? sleep : "-");
  append_metric (out, check_in, RW_METRIC_SLEEP_QUALITY);
  g_string_append (out, "  ");
  append_padded (out, tags, TAGS_WIDTH);
  g_string_append (out, "  ");
  append_printable_len (out, note, -1);
  g_string_append_c (out, '\n');

  /* Written in chunks so that 100,000 rows stream without holding them all. */
  if (out->len > CHUNK_SIZE)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
  return TRUE;
}

gboolean
rw_cli_print_table (RwDatabase            *db,
                    const RwCheckInQuery  *query,
                    GError               **error)
{
  g_autoptr(GString) out = g_string_sized_new (2 * CHUNK_SIZE);

  /* Short column labels so that a row fits a terminal: mood, anxiety,
   * focus, hope, energy, sleep hours, sleep quality. */
  g_string_append_printf (out, "%-8s  %-10s  %-5s  %2s  %2s  %2s  %2s  %2s  %5s  %2s  %-18s  %s\n",
                          _("ID"), _("DATE"), _("TIME"), _("MO"), _("AX"), _("FO"),
                          _("HO"), _("EN"), _("SLEEP"), _("SQ"), _("TAGS"), _("NOTE"));
  if (!rw_check_in_sql_foreach (db, query, print_row_cb, out, error))
    return FALSE;

  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  return TRUE;
}
