/* rw-journal.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-check-in.h"
#include "rw-safety.h"
#include "rw-series.h"
#include "rw-tag-list.h"

G_BEGIN_DECLS

#define RW_TYPE_JOURNAL (rw_journal_get_type ())
G_DECLARE_FINAL_TYPE (RwJournal, rw_journal, RW, JOURNAL, GObject)

char           *rw_journal_resolve_data_dir (const char  *override_dir);

RwJournal      *rw_journal_open             (const char  *data_dir,
                                             GError     **error);
void           rw_journal_close               (RwJournal       *self);
void           rw_journal_find_backup_async   (const char          *data_dir,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char          *rw_journal_find_backup_finish  (GAsyncResult        *result,
                                               gint64              *check_ins,
                                               char               **last,
                                               GError             **error);
gboolean       rw_journal_error_is_restorable (const GError        *error);
gboolean       rw_journal_restore_backup      (const char          *data_dir,
                                               const char          *backup,
                                               char               **kept,
                                               GError             **error);
GPtrArray     *rw_journal_wipe                (RwJournal       *self,
                                               GError         **error);
RwJournal      *rw_journal_open_deferred    (const char  *data_dir,
                                             GError     **error);
gboolean        rw_journal_needs_upgrade    (RwJournal   *self);
void            rw_journal_upgrade_async    (RwJournal           *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        rw_journal_upgrade_finish   (RwJournal     *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void            rw_journal_set_daily_backup (RwJournal           *self,
                                             gboolean             backup);
void            rw_journal_tidy_async       (RwJournal           *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        rw_journal_tidy_finish      (RwJournal     *self,
                                             GAsyncResult  *result,
                                             GError       **error);
const char     *rw_journal_get_path         (RwJournal   *self);
const char     *rw_journal_get_data_dir     (RwJournal   *self);
char           *rw_journal_describe_set_aside_wal (RwJournal *self);
gboolean        rw_journal_poll_changes     (RwJournal   *self);

RwTagList      *rw_journal_get_tags         (RwJournal   *self);

gboolean        rw_journal_add              (RwJournal   *self,
                                             RwCheckIn   *check_in,
                                             GError     **error);
gboolean        rw_journal_update           (RwJournal   *self,
                                             RwCheckIn   *check_in,
                                             GError     **error);
gboolean        rw_journal_offer_help       (RwJournal      *self,
                                             RwSafetySource  source,
                                             RwCheckIn      *check_in,
                                             guint32         today);
gboolean        rw_journal_hide             (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
gboolean        rw_journal_unhide           (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
gboolean        rw_journal_purge            (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
gboolean        rw_journal_purge_hidden     (RwJournal   *self,
                                             GError     **error);
void            rw_journal_scrub_async      (RwJournal           *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        rw_journal_scrub_finish     (RwJournal           *self,
                                             GAsyncResult        *result,
                                             GError             **error);
RwCheckIn      *rw_journal_lookup           (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
GPtrArray      *rw_journal_list_date        (RwJournal   *self,
                                             const char  *date,
                                             GError     **error);

gboolean        rw_journal_rename_tag       (RwJournal   *self,
                                             const char  *from,
                                             const char  *to,
                                             GError     **error);
gboolean        rw_journal_delete_tag       (RwJournal   *self,
                                             const char  *name,
                                             GError     **error);

gboolean        rw_journal_save_draft       (RwJournal   *self,
                                             const char  *key,
                                             const char  *payload,
                                             GError     **error);
char           *rw_journal_load_draft       (RwJournal   *self,
                                             const char  *key,
                                             GError     **error);
gboolean        rw_journal_clear_draft      (RwJournal   *self,
                                             const char  *key,
                                             GError     **error);

RwSeries       *rw_journal_load_series      (RwJournal   *self,
                                             guint32      first,
                                             guint32      last,
                                             GError     **error);
RwSeries       *rw_journal_load_series_range (RwJournal  *self,
                                             RwRange      range,
                                             guint32      last,
                                             GError     **error);
gboolean        rw_journal_get_span         (RwJournal   *self,
                                             guint32     *first,
                                             guint32     *last,
                                             GError     **error);

gboolean        rw_journal_record_breathing (RwJournal   *self,
                                             const char  *pattern,
                                             guint        seconds,
                                             gint64       finished,
                                             GError     **error);

G_END_DECLS
