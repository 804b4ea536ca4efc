/* rw-export.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-check-in-sql.h"
#include "rw-database.h"
#include "rw-import.h"

G_BEGIN_DECLS

/* Writes every check-in matching @query (NULL: all, oldest first) to
 * @stream in @format (CSV or JSON). */
gboolean rw_export_to_stream (RwDatabase            *db,
                              const RwCheckInQuery  *query,
                              RwFormat               format,
                              GOutputStream         *stream,
                              GCancellable          *cancellable,
                              GError               **error);

gboolean rw_export_to_fd     (RwDatabase            *db,
                              const RwCheckInQuery  *query,
                              RwFormat               format,
                              int                    fd,
                              GCancellable          *cancellable,
                              GError               **error);

/* Writes atomically into @path, created 0600: the old file, if any, stays
 * whole until the new one is complete. */
gboolean rw_export_to_file   (RwDatabase            *db,
                              const RwCheckInQuery  *query,
                              RwFormat               format,
                              const char            *path,
                              GCancellable          *cancellable,
                              GError               **error);

gboolean rw_export_write_all  (int                fd,
                               const char        *data,
                               gsize              length,
                               GError           **error);

/* Writes into the descriptor it is given; FALSE with @error set to give up. */
typedef gboolean (*RwExportWriteFunc) (int            fd,
                                       gpointer       data,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* Any file written the same way: created 0600 with no name until it is
 * whole and synced, then renamed over @path; nothing left on failure. */
gboolean rw_export_write_file (const char        *path,
                               RwExportWriteFunc  write,
                               gpointer           data,
                               GCancellable      *cancellable,
                               GError           **error);

G_END_DECLS
