/* rw-check-in-store.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-check-in.h"
#include "rw-database.h"

G_BEGIN_DECLS

#define RW_TYPE_CHECK_IN_STORE (rw_check_in_store_get_type ())
G_DECLARE_FINAL_TYPE (RwCheckInStore, rw_check_in_store, RW, CHECK_IN_STORE, GObject)

RwCheckInStore *rw_check_in_store_new        (RwDatabase     *database);
RwDatabase     *rw_check_in_store_get_database (RwCheckInStore *self);

const char     *rw_check_in_store_get_search (RwCheckInStore *self);
void            rw_check_in_store_set_search (RwCheckInStore *self,
                                              const char     *search);
const char     *rw_check_in_store_get_tag    (RwCheckInStore *self);
void            rw_check_in_store_set_tag    (RwCheckInStore *self,
                                              const char     *tag);
gboolean        rw_check_in_store_rename_tag (RwCheckInStore *self,
                                              const char     *from,
                                              const char     *to,
                                              GError        **error);
gboolean        rw_check_in_store_delete_tag (RwCheckInStore *self,
                                              const char     *name,
                                              GError        **error);
void            rw_check_in_store_set_range  (RwCheckInStore *self,
                                              const char     *from,
                                              const char     *to);

gboolean        rw_check_in_store_add        (RwCheckInStore *self,
                                              RwCheckIn      *check_in,
                                              GError        **error);
gboolean        rw_check_in_store_update     (RwCheckInStore *self,
                                              RwCheckIn      *check_in,
                                              GError        **error);
gboolean        rw_check_in_store_delete     (RwCheckInStore *self,
                                              const char     *id,
                                              GError        **error);
gboolean        rw_check_in_store_hide       (RwCheckInStore *self,
                                              const char     *id,
                                              GError        **error);
gboolean        rw_check_in_store_unhide     (RwCheckInStore *self,
                                              const char     *id,
                                              GError        **error);
gboolean        rw_check_in_store_purge_hidden (RwCheckInStore *self,
                                              GError        **error);
gboolean        rw_check_in_store_get_row    (RwCheckInStore *self,
                                              guint           position,
                                              gint64         *rowid,
                                              gint64         *modified,
                                              guint32        *day);
RwCheckIn      *rw_check_in_store_lookup     (RwCheckInStore *self,
                                              const char     *id,
                                              GError        **error);
void            rw_check_in_store_reload     (RwCheckInStore *self);

G_END_DECLS
