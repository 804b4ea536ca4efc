/* rw-database.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define RW_DATABASE_ERROR (rw_database_error_quark ())

/**
 * RwDatabaseError:
 * @RW_DATABASE_ERROR_NOT_REWIRE: the file is not a Rewire journal
 * @RW_DATABASE_ERROR_CORRUPT: the file is damaged or truncated
 * @RW_DATABASE_ERROR_TOO_NEW: the schema is newer than this build knows
 * @RW_DATABASE_ERROR_LOCKED: another program holds a lock on the journal
 * @RW_DATABASE_ERROR_READ_ONLY: the journal or its folder cannot be written
 * @RW_DATABASE_ERROR_DISK_FULL: the disk is full
 * @RW_DATABASE_ERROR_NOT_FOUND: no check-in has the given id
 * @RW_DATABASE_ERROR_FAILED: any other failure
 *
 * Errors of the storage layer; every message says what a person can do.
 */
typedef enum
{
  RW_DATABASE_ERROR_NOT_REWIRE,
  RW_DATABASE_ERROR_CORRUPT,
  RW_DATABASE_ERROR_TOO_NEW,
  RW_DATABASE_ERROR_LOCKED,
  RW_DATABASE_ERROR_READ_ONLY,
  RW_DATABASE_ERROR_DISK_FULL,
  RW_DATABASE_ERROR_NOT_FOUND,
  RW_DATABASE_ERROR_FAILED,
} RwDatabaseError;

/* "RwJr" in big-endian, stored in PRAGMA application_id. */
#define RW_DATABASE_APPLICATION_ID 0x52774A72
#define RW_DATABASE_SCHEMA_VERSION 6
#define RW_DATABASE_FILE_NAME "journal.db"

#define RW_TYPE_DATABASE (rw_database_get_type ())
G_DECLARE_FINAL_TYPE (RwDatabase, rw_database, RW, DATABASE, GObject)

GQuark        rw_database_error_quark         (void);

RwDatabase   *rw_database_open                (const char    *data_dir,
                                               GError       **error);
RwDatabase   *rw_database_open_at_version     (const char    *data_dir,
                                               int            version,
                                               GError       **error);

typedef enum
{
  RW_DATABASE_OPEN_DEFAULT = 0,
  RW_DATABASE_OPEN_DEFER_UPGRADE = 1 << 0,
  RW_DATABASE_OPEN_READ_ONLY = 1 << 1,
} RwDatabaseOpenFlags;

RwDatabase   *rw_database_open_full           (const char          *data_dir,
                                               int                  version,
                                               RwDatabaseOpenFlags  flags,
                                               GError             **error);
gboolean      rw_database_needs_upgrade       (RwDatabase    *self);
gboolean      rw_database_upgrade             (RwDatabase    *self,
                                               GError       **error);
char         *rw_database_get_snapshot_path   (RwDatabase    *self);
gboolean      rw_database_remove_snapshot     (RwDatabase    *self);
sqlite3      *rw_database_connect             (const char    *path,
                                               gboolean       writable,
                                               GError       **error);
const char   *rw_database_get_data_dir        (RwDatabase    *self);
const char   *rw_database_get_path            (RwDatabase    *self);
int           rw_database_get_schema_version  (RwDatabase    *self);
sqlite3      *rw_database_get_handle          (RwDatabase    *self);
void          rw_database_close               (RwDatabase    *self);
gboolean      rw_database_backup_to           (RwDatabase    *self,
                                               const char    *path,
                                               GError       **error);

typedef void (*RwDatabaseWaitFunc) (RwDatabase *database,
                                    gpointer    data);

void          rw_database_set_wait_func       (RwDatabase         *self,
                                               RwDatabaseWaitFunc  func,
                                               gpointer            data);
void          rw_database_mark_import         (RwDatabase    *self,
                                               gboolean       importing);

/* Returns a cached statement, reset and with bindings cleared. Owned by
 * the database: never sqlite3_finalize() it. Reset it when done (or hold
 * it in g_autoptr(RwStmt), which resets it at the end of the scope) so
 * that no read transaction stays open. */
typedef sqlite3_stmt RwStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwStmt, sqlite3_reset)

sqlite3_stmt *rw_database_prepare             (RwDatabase    *self,
                                               const char    *sql,
                                               GError       **error);
gboolean      rw_database_exec                (RwDatabase    *self,
                                               const char    *sql,
                                               GError       **error);
gboolean      rw_database_in_transaction      (RwDatabase    *self);

/* The body of a write transaction: return FALSE (with @error set) to roll back. */
typedef gboolean (*RwWriteFunc) (RwDatabase  *db,
                                 gpointer     data,
                                 GError     **error);

gboolean      rw_database_write               (RwDatabase    *self,
                                               RwWriteFunc    func,
                                               gpointer       data,
                                               GError       **error);

gboolean      rw_database_step_done           (RwDatabase    *self,
                                               sqlite3_stmt  *stmt,
                                               const char    *doing,
                                               GError       **error);

void          rw_database_set_error           (RwDatabase    *self,
                                               int            rc,
                                               const char    *doing,
                                               GError       **error);

gboolean      rw_database_quick_check         (RwDatabase    *self,
                                               char         **result,
                                               GError       **error);

char         *rw_database_read_text           (RwDatabase    *self,
                                               const char    *sql,
                                               const char    *key,
                                               const char    *action,
                                               GError       **error);
const char   *rw_database_get_set_aside_wal   (RwDatabase    *self);
char         *rw_database_describe_set_aside_wal (RwDatabase  *self);
char         *rw_database_get_setting         (RwDatabase    *self,
                                               const char    *key,
                                               GError       **error);
gboolean      rw_database_set_setting         (RwDatabase    *self,
                                               const char    *key,
                                               const char    *value,
                                               GError       **error);

gboolean      rw_database_poll_changes        (RwDatabase    *self);
void          rw_database_emit_changed        (RwDatabase    *self);

G_END_DECLS
