/* rw-date.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days and times of day, the one place that reads and writes them. A day
 * is a julian day number as GDate counts them (1 is 1 January of the year
 * 1), 0 standing for no day; the journal stores days as "YYYY-MM-DD" and
 * times as "HH:MM".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bytes of "YYYY-MM-DD" and its NUL. */
#define RW_DATE_ISO_SIZE 11

gboolean   rw_date_parse_iso         (const char  *text,
                                      int         *year,
                                      int         *month,
                                      int         *day);
guint32    rw_date_from_iso          (const char  *text);
guint32    rw_date_parse_typed       (const char  *text);
char      *rw_date_to_iso            (guint32      day);
void       rw_date_write_iso         (guint32      day,
                                      char         out[RW_DATE_ISO_SIZE]);

guint32    rw_date_from_date_time    (GDateTime   *date_time);
GDateTime *rw_date_to_date_time      (guint32      day,
                                      int          hour,
                                      int          minute);
guint32    rw_date_today             (void);

char      *rw_date_format            (guint32      day,
                                      const char  *format);
char      *rw_date_format_span       (const char  *first,
                                      const char  *last);
char      *rw_date_format_friendly   (guint32      day,
                                      guint32      today);
char      *rw_date_format_compact    (guint32      day,
                                      guint32      today);
char      *rw_date_format_short      (guint32      day,
                                      guint32      today);

gboolean   rw_time_parse             (const char  *text,
                                      int         *hour,
                                      int         *minute);

G_END_DECLS
