/* rw-validate.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where check-in values are checked and parsed. The GUI, the
 * CLI and every importer go through it, so a value refused in one place is
 * refused everywhere with the same message.
 */
#pragma once

#include "rw-check-in.h"

G_BEGIN_DECLS

#define RW_VALIDATION_ERROR (rw_validation_error_quark ())

typedef enum
{
  RW_VALIDATION_ERROR_INVALID,
} RwValidationError;

#define RW_TAG_MAX_CHARS 40
/* Tags on one check-in; a list longer than this is a mistake or a bad file. */
#define RW_TAGS_MAX 50
#define RW_NOTE_MAX_BYTES (64 * 1024)

GQuark    rw_validation_error_quark (void);

gboolean  rw_validate_metric        (RwMetric     metric,
                                     int          value,
                                     GError     **error);
gboolean  rw_validate_sleep_hours   (double       hours,
                                     GError     **error);
gboolean  rw_validate_date          (const char  *date,
                                     GError     **error);
gboolean  rw_validate_time          (const char  *time,
                                     GError     **error);
gboolean  rw_validate_tag           (const char  *tag,
                                     GError     **error);
gboolean  rw_validate_note          (const char  *note,
                                     GError     **error);
gboolean  rw_validate_id            (const char  *id,
                                     GError     **error);
gboolean  rw_validate_check_in      (RwCheckIn   *check_in,
                                     GError     **error);

gboolean  rw_parse_metric           (RwMetric     metric,
                                     const char  *text,
                                     int         *value,
                                     GError     **error);
gboolean  rw_parse_sleep_hours      (const char  *text,
                                     double      *hours,
                                     GError     **error);
gboolean  rw_parse_date             (const char  *text,
                                     char       **date,
                                     GError     **error);
gboolean  rw_parse_time             (const char  *text,
                                     char       **time,
                                     GError     **error);
char    **rw_parse_tags             (const char  *text,
                                     char         separator,
                                     GError     **error);
char     *rw_normalize_tag          (const char  *tag);

char     *rw_format_sleep_hours     (double       hours);
void      rw_append_sleep_quarters  (GString     *out,
                                     int          quarters);

G_END_DECLS
