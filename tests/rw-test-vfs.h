/* rw-test-vfs.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SQLite VFS shim for tests. Tests run as root in CI, where file modes
 * stop no write, so a full disk and a read-only folder are simulated here:
 * the shim forwards to the real VFS until told to fail.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RW_TEST_VFS_NORMAL,
  RW_TEST_VFS_DISK_FULL,  /* every write fails with ENOSPC's SQLITE_FULL */
  RW_TEST_VFS_READ_ONLY,  /* files open read-only, as on a read-only mount */
  RW_TEST_VFS_CANTOPEN,   /* the main file does not open, as SQLite refusing a path */
  RW_TEST_VFS_SYNC_NO_SPACE, /* writes work, every sync fails with ENOSPC as an I/O error */
  RW_TEST_VFS_SHM_UNBACKED, /* the -shm is cut to nothing under each region SQLite maps:
                             * a store into one ends the process with SIGBUS, as into the
                             * unallocated blocks of a full disk with 1 KiB blocks */
} RwTestVfsMode;

/* Registers the shim as SQLite's default VFS (once per process). Call it
 * before opening a journal, so that Rewire's own VFS (rw-vfs.c) sits over
 * the shim, as it sits over the unix VFS in the program. */
void rw_test_vfs_install  (void);
void rw_test_vfs_set_mode (RwTestVfsMode mode);

/* From now on, the @nth write (or sync) from now fails, once, as an
 * I/O error; 0 stops it. Returns how many writes (syncs) were counted
 * since the last call, to tell whether the failure was reached. */
guint rw_test_vfs_fail_nth_write (guint nth);
guint rw_test_vfs_fail_nth_sync  (guint nth);

G_END_DECLS
