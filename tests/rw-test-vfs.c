/* rw-test-vfs.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "rw-test-vfs.h"

typedef struct
{
  sqlite3_file base;
  sqlite3_file *real;
  int last_errno;   /* of the last failure the shim made up */
  char *shm_path;   /* of a main database file */
} ShimFile;

static sqlite3_vfs shim_vfs;
static sqlite3_vfs *real_vfs;
static RwTestVfsMode mode;
static guint fail_write_at, writes_seen;
static guint fail_sync_at, syncs_seen;

#define REAL(f) (((ShimFile *) (f))->real)

static int
shim_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;

  g_clear_pointer (&((ShimFile *) f)->shm_path, g_free);
  return rc;
}

static int
shim_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
shim_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  if (mode == RW_TEST_VFS_DISK_FULL)
    return SQLITE_FULL;
  if (mode == RW_TEST_VFS_READ_ONLY)
    return SQLITE_READONLY;
  if (++writes_seen == fail_write_at)
    return SQLITE_IOERR_WRITE;
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
}

static int
shim_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  if (mode != RW_TEST_VFS_NORMAL)
    return SQLITE_IOERR_TRUNCATE;
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
shim_sync (sqlite3_file *f, int flags)
{
  if (mode == RW_TEST_VFS_SYNC_NO_SPACE)
    {
      /* As the unix VFS reports a failed fsync: an I/O error, the
       * reason left in errno. */
      errno = ENOSPC;
      ((ShimFile *) f)->last_errno = ENOSPC;
      return SQLITE_IOERR_FSYNC;
    }
  ((ShimFile *) f)->last_errno = 0;
  if (++syncs_seen == fail_sync_at)
    return SQLITE_IOERR_FSYNC;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
shim_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
shim_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
shim_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
shim_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
shim_file_control (sqlite3_file *f, int op, void *arg)
{
  /* As the unix VFS answers it, for the failures the shim makes up. */
  if (op == SQLITE_FCNTL_LAST_ERRNO && ((ShimFile *) f)->last_errno != 0)
    {
      *(int *) arg = ((ShimFile *) f)->last_errno;
      return SQLITE_OK;
    }
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
shim_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
shim_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
shim_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  int rc = REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);

  /* By path, so that no descriptor of the -shm is closed here: closing
   * one would drop the locks SQLite holds on it. */
  if (mode == RW_TEST_VFS_SHM_UNBACKED && rc == SQLITE_OK && *out != NULL)
    g_assert_cmpint (truncate (((ShimFile *) f)->shm_path, 0), ==, 0);
  return rc;
}

static int
shim_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
shim_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
shim_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
shim_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, p);
}

static const sqlite3_io_methods shim_io = {
  3,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved_lock,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  shim_shm_map,
  shim_shm_lock,
  shim_shm_barrier,
  shim_shm_unmap,
  shim_fetch,
  shim_unfetch,
};

static int
shim_open (sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = (sqlite3_file *) (shim + 1);
  shim->last_errno = 0;
  shim->shm_path = NULL;
  if (mode == RW_TEST_VFS_CANTOPEN && (flags & SQLITE_OPEN_MAIN_DB))
    {
      file->pMethods = NULL;
      return SQLITE_CANTOPEN;
    }
  if (mode == RW_TEST_VFS_READ_ONLY && (flags & SQLITE_OPEN_READWRITE))
    {
      /* What the unix VFS does when open(O_RDWR) fails with EROFS. */
      if (flags & SQLITE_OPEN_CREATE)
        {
          file->pMethods = NULL;
          return SQLITE_CANTOPEN;
        }
      flags = (flags & ~SQLITE_OPEN_READWRITE) | SQLITE_OPEN_READONLY;
    }

  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  file->pMethods = shim->real->pMethods != NULL ? &shim_io : NULL;
  if (file->pMethods != NULL && (flags & SQLITE_OPEN_MAIN_DB) && name != NULL)
    shim->shm_path = g_strconcat (name, "-shm", NULL);
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  if (mode == RW_TEST_VFS_READ_ONLY)
    return SQLITE_IOERR_DELETE;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
shim_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  int rc = real_vfs->xAccess (real_vfs, name, flags, out);

  if (rc == SQLITE_OK && mode == RW_TEST_VFS_READ_ONLY && flags == SQLITE_ACCESS_READWRITE)
    *out = 0;
  return rc;
}

static int
shim_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
shim_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
shim_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*shim_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
shim_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
shim_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
shim_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
shim_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
shim_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
rw_test_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  shim_vfs.iVersion = 2;
  shim_vfs.szOsFile = sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.mxPathname = real_vfs->mxPathname;
  shim_vfs.zName = "rewire-test-shim";
  shim_vfs.xOpen = shim_open;
  shim_vfs.xDelete = shim_delete;
  shim_vfs.xAccess = shim_access;
  shim_vfs.xFullPathname = shim_full_pathname;
  shim_vfs.xDlOpen = shim_dl_open;
  shim_vfs.xDlError = shim_dl_error;
  shim_vfs.xDlSym = shim_dl_sym;
  shim_vfs.xDlClose = shim_dl_close;
  shim_vfs.xRandomness = shim_randomness;
  shim_vfs.xSleep = shim_sleep;
  shim_vfs.xCurrentTime = shim_current_time;
  shim_vfs.xGetLastError = shim_get_last_error;
  shim_vfs.xCurrentTimeInt64 = shim_current_time_int64;

  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

void
rw_test_vfs_set_mode (RwTestVfsMode new_mode)
{
  mode = new_mode;
}

guint
rw_test_vfs_fail_nth_write (guint nth)
{
  guint seen = writes_seen;

  writes_seen = 0;
  fail_write_at = nth;
  return seen;
}

guint
rw_test_vfs_fail_nth_sync (guint nth)
{
  guint seen = syncs_seen;

  syncs_seen = 0;
  fail_sync_at = nth;
  return seen;
}
