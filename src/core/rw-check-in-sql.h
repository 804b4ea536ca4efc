/* rw-check-in-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row-level reads and writes of check-ins. The write functions must run
 * inside a transaction (the body of rw_database_write()); callers (the
 * journal, the importers, the command line) decide where a transaction
 * starts and ends, so that a batch is all-or-nothing. They do not
 * validate: callers run rw_validate_check_in() first.
 */
#pragma once

#include "rw-check-in.h"
#include "rw-database.h"

G_BEGIN_DECLS

/**
 * RwCheckInQuery:
 * @from: first date (YYYY-MM-DD), or %NULL
 * @to: last date (YYYY-MM-DD), or %NULL
 * @search: what a person typed in a search box, or %NULL
 * @oldest_first: ascending order instead of newest first
 * @tag: only check-ins carrying this tag, or %NULL
 */
typedef struct
{
  const char *from;
  const char *to;
  const char *search;
  gboolean    oldest_first;
  const char *tag;
} RwCheckInQuery;

/**
 * RwTagInfo:
 * @name: the tag
 * @uses: how many visible check-ins carry it
 */
typedef struct
{
  char *name;
  guint uses;
} RwTagInfo;

void rw_tag_info_free (RwTagInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwTagInfo, rw_tag_info_free)

/* Return FALSE to stop the iteration early. */
typedef gboolean (*RwCheckInFunc) (RwCheckIn *check_in,
                                   gpointer   user_data);

void       rw_check_in_sql_append_filter (GString              *sql,
                                          const RwCheckInQuery *query,
                                          const char           *match);
void       rw_check_in_sql_bind_filter   (sqlite3_stmt         *stmt,
                                          const RwCheckInQuery *query,
                                          const char           *match);

/* How the tags of a row are joined (no tag holds a control character). */
#define RW_CHECK_IN_ROW_TAG_SEPARATOR "\x1f"

/**
 * RwCheckInRow:
 * @rowid: the row's id in the journal
 * @id: the check-in's UUID
 * @date: YYYY-MM-DD
 * @time: HH:MM
 * @metrics: each scale, or %RW_METRIC_UNSET
 * @sleep_quarters: hours slept times four, or -1
 * @note: the note
 * @note_len: its length in bytes
 * @tags: the tags in their order, joined by %RW_CHECK_IN_ROW_TAG_SEPARATOR
 * @tags_len: its length in bytes
 * @created: UTC microseconds since the epoch
 * @modified: UTC microseconds since the epoch
 *
 * A check-in as read, for streaming without making objects. The strings
 * belong to SQLite and last until the callback returns.
 */
typedef struct
{
  gint64      rowid;
  const char *id;
  const char *date;
  const char *time;
  int         metrics[RW_N_METRICS];
  int         sleep_quarters;
  const char *note;
  gsize       note_len;
  const char *tags;
  gsize       tags_len;
  gint64      created;
  gint64      modified;
} RwCheckInRow;

typedef gboolean (*RwCheckInRowFunc) (const RwCheckInRow *row,
                                      gpointer            user_data);

void       rw_check_in_row_init         (RwCheckInRow          *row,
                                         RwCheckIn             *check_in,
                                         GString               *scratch);
RwCheckIn *rw_check_in_row_to_check_in  (const RwCheckInRow    *row);

typedef struct _RwCheckInWriter RwCheckInWriter;

RwCheckInWriter *rw_check_in_writer_new    (RwDatabase        *db,
                                            GError           **error);
void             rw_check_in_writer_free   (RwCheckInWriter   *writer);
gboolean         rw_check_in_writer_insert (RwCheckInWriter   *writer,
                                            RwCheckIn         *check_in,
                                            GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwCheckInWriter, rw_check_in_writer_free)

gboolean   rw_check_in_sql_insert       (RwDatabase            *db,
                                         RwCheckIn             *check_in,
                                         GError               **error);
gboolean   rw_check_in_sql_update       (RwDatabase            *db,
                                         RwCheckIn             *check_in,
                                         GError               **error);
gboolean   rw_check_in_sql_delete       (RwDatabase            *db,
                                         const char            *id,
                                         GError               **error);
gboolean   rw_check_in_sql_set_hidden   (RwDatabase            *db,
                                         const char            *id,
                                         gboolean               hidden,
                                         GError               **error);
gboolean   rw_check_in_sql_purge_hidden (RwDatabase            *db,
                                         guint                 *n_purged,
                                         GError               **error);
gboolean   rw_check_in_sql_exists       (RwDatabase            *db,
                                         const char            *id,
                                         gboolean              *exists,
                                         GError               **error);
char      *rw_check_in_sql_resolve_id   (RwDatabase            *db,
                                         const char            *id_or_prefix,
                                         GError               **error);
RwCheckIn *rw_check_in_sql_load         (RwDatabase            *db,
                                         const char            *id,
                                         GError               **error);
RwCheckIn *rw_check_in_sql_load_rowid   (RwDatabase            *db,
                                         gint64                 rowid,
                                         GError               **error);
gboolean   rw_check_in_sql_any          (RwDatabase            *db,
                                         const RwCheckInQuery  *query,
                                         gboolean              *found,
                                         GError               **error);
gboolean   rw_check_in_sql_foreach      (RwDatabase            *db,
                                         const RwCheckInQuery  *query,
                                         RwCheckInFunc          func,
                                         gpointer               user_data,
                                         GError               **error);
gboolean   rw_check_in_sql_foreach_row  (RwDatabase            *db,
                                         const RwCheckInQuery  *query,
                                         RwCheckInRowFunc       func,
                                         gpointer               user_data,
                                         GError               **error);
GPtrArray *rw_check_in_sql_list_date    (RwDatabase            *db,
                                         const char            *date,
                                         GError               **error);
GPtrArray *rw_check_in_sql_list_tags    (RwDatabase            *db,
                                         GError               **error);
gboolean   rw_check_in_sql_rename_tag   (RwDatabase            *db,
                                         const char            *from,
                                         const char            *to,
                                         GError               **error);
gboolean   rw_check_in_sql_delete_tag   (RwDatabase            *db,
                                         const char            *name,
                                         GError               **error);
gboolean   rw_check_in_sql_optimize_index (RwDatabase          *db,
                                         GError               **error);
gboolean   rw_check_in_sql_scrub          (RwDatabase          *db,
                                           GError             **error);
gboolean   rw_check_in_sql_count        (RwDatabase            *db,
                                         gint64                *check_ins,
                                         gint64                *days,
                                         gint64                *tags,
                                         GError               **error);

G_END_DECLS
