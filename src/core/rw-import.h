/* rw-import.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-database.h"

G_BEGIN_DECLS

#define RW_IMPORT_ERROR (rw_import_error_quark ())

/**
 * RwImportError:
 * @RW_IMPORT_ERROR_PARSE: the file is not well-formed (a message names the line)
 * @RW_IMPORT_ERROR_INVALID: a row holds a value out of range (names line and field)
 * @RW_IMPORT_ERROR_UNKNOWN_FORMAT: the format could not be told from the name
 * @RW_IMPORT_ERROR_UNKNOWN_MOOD: a Daylio mood label has no number (see --mood-map)
 */
typedef enum
{
  RW_IMPORT_ERROR_PARSE,
  RW_IMPORT_ERROR_INVALID,
  RW_IMPORT_ERROR_UNKNOWN_FORMAT,
  RW_IMPORT_ERROR_UNKNOWN_MOOD,
} RwImportError;

typedef enum
{
  RW_FORMAT_AUTO,
  RW_FORMAT_CSV,
  RW_FORMAT_JSON,
  RW_FORMAT_DAYLIO,
} RwFormat;

typedef struct
{
  guint added;      /* written (for the safety plan: sections filled or added to) */
  guint skipped;    /* already in the journal */
  guint merged;     /* the safety plan: sections whose text was added to the journal's */
} RwImportCount;

typedef struct
{
  guint rows;       /* check-ins read from the file */
  guint added;      /* check-ins written */
  guint skipped;    /* already in the journal */
  /* The rest of a full JSON export (rw-json-full.h). */
  RwImportCount sessions;
  RwImportCount assessments;
  RwImportCount safety_plan;
  RwImportCount plan_runs;
  RwImportCount breathing_sessions;
} RwImportResult;

typedef struct
{
  RwFormat format;      /* what the file was read as */
  guint rows;
  char *first;          /* YYYY-MM-DD, or NULL when there are no rows */
  char *last;
  GStrv unknown_moods;  /* Daylio labels without a number, or NULL */
} RwImportPreview;

typedef void (*RwImportProgressFunc) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* Object data that parsers set on a check-in whose row carried no id: it
 * is then matched on content instead (its generated id is only used when
 * it is added). */
#define RW_IMPORT_NO_ID "rw-import-no-id"

GQuark   rw_import_error_quark (void);

char    *rw_import_result_describe_more (const RwImportResult *result);

gboolean rw_format_from_string (const char      *text,
                                RwFormat        *format);
RwFormat rw_format_from_path   (const char      *path);

gboolean rw_import_file        (RwDatabase      *db,
                                const char      *path,
                                RwFormat         format,
                                RwImportResult  *result,
                                GError         **error);
gboolean rw_import_bytes       (RwDatabase      *db,
                                GBytes          *bytes,
                                RwFormat         format,
                                RwImportResult  *result,
                                GError         **error);
gboolean rw_import_bytes_full  (RwDatabase      *db,
                                GBytes          *bytes,
                                RwFormat         format,
                                const char      *mood_map,
                                RwImportResult  *result,
                                GError         **error);
gboolean rw_import_file_full   (RwDatabase      *db,
                                const char      *path,
                                RwFormat         format,
                                const char      *mood_map,
                                RwImportResult  *result,
                                GError         **error);

/* Takes parsed check-ins (line numbers in @lines, for messages; may be
 * %NULL) and writes them in one transaction: a row whose id exists is
 * skipped, rows without an id are matched on content as a multiset. */
gboolean rw_import_check_ins   (RwDatabase      *db,
                                GPtrArray       *check_ins,
                                GArray          *lines,
                                RwImportResult  *result,
                                GError         **error);

gboolean rw_import_check_ins_full   (RwDatabase            *db,
                                     GPtrArray             *check_ins,
                                     GArray                *lines,
                                     GCancellable          *cancellable,
                                     RwImportProgressFunc   progress,
                                     gpointer               progress_data,
                                     RwImportResult        *result,
                                     GError               **error);
gboolean rw_import_file_cancellable (RwDatabase            *db,
                                     const char            *path,
                                     RwFormat               format,
                                     const char            *mood_map,
                                     GCancellable          *cancellable,
                                     RwImportProgressFunc   progress,
                                     gpointer               progress_data,
                                     RwImportResult        *result,
                                     GError               **error);
gboolean rw_import_preview_file     (const char            *path,
                                     RwFormat               format,
                                     RwImportPreview       *preview,
                                     GError               **error);
void     rw_import_preview_clear    (RwImportPreview       *preview);

G_END_DECLS
