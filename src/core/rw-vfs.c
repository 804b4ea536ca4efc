/* rw-vfs.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite's default VFS, with one change: a full disk cannot kill the
 * process through the journal's memory-mapped -shm.
 *
 * When the wal-index (journal.db-shm) grows, SQLite's unix VFS writes one
 * byte at the end of each 4 KiB page of the new region and maps it. On a
 * file system with smaller blocks (1 KiB is common on small ext4 volumes)
 * that allocates only the last block of each page: the rest are holes, and
 * when the disk is full, the first store into a hole ends the process with
 * SIGBUS instead of returning an error. The probe of issue 19 saw 37 of
 * 200 `rewire add`s die that way.
 *
 * So every region SQLite maps is first faulted in writable with
 * MADV_POPULATE_WRITE (Linux 5.14), which allocates every block of it and,
 * when the disk has no room, fails with EFAULT instead of raising SIGBUS.
 * That failure is returned to SQLite as SQLITE_FULL, and the person reads
 * that the disk is full; the next attempt maps the region again, and
 * succeeds once there is room.
 *
 * Nothing else changes: the VFS is the one that was the default, with its
 * files' methods copied and xShmMap wrapped. The files keep the default
 * VFS's own structure, so its locking and everything else is untouched.
 */
#define G_LOG_DOMAIN "rw-vfs"

#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rw-vfs.h"

#ifndef MADV_POPULATE_WRITE
# define MADV_POPULATE_WRITE 23
#endif

/* The files of one process come from few VFSs (the unix one, and in tests
 * a shim over it): one copy of the methods for each. */
#define MAX_METHODS 8

typedef struct
{
  const sqlite3_io_methods *base;
  sqlite3_io_methods wrapped;
} Methods;

static sqlite3_vfs rewire_vfs;
static sqlite3_vfs *base_vfs;
static Methods methods[MAX_METHODS];
static guint n_methods;
static GMutex methods_lock;
static gboolean populate_unsupported;

static const sqlite3_io_methods *
base_methods (const sqlite3_io_methods *wrapped)
{
  for (guint i = 0; i < MAX_METHODS; i++)
    if (&methods[i].wrapped == wrapped)
      return methods[i].base;
  g_assert_not_reached ();
  return NULL;
}

/* Allocates every block under [@p, @p + @size), or says why not. */
static int
populate (volatile void *p,
          int            size)
{
  static gsize page_size;
  guintptr start, end;

  if (g_once_init_enter (&page_size))
    g_once_init_leave (&page_size, (gsize) sysconf (_SC_PAGESIZE));

  start = (guintptr) p & ~(guintptr) (page_size - 1);
  end = (guintptr) p + (guintptr) size;
  if (madvise ((void *) start, end - start, MADV_POPULATE_WRITE) == 0)
    return 0;
  return errno;
}

static int
shm_map (sqlite3_file       *file,
         int                 region,
         int                 size,
         int                 extend,
         void volatile     **out)
{
  const sqlite3_io_methods *base = base_methods (file->pMethods);
  int rc = base->xShmMap (file, region, size, extend, out);
  int saved_errno;

  /* SQLITE_READONLY maps the region read-only: nothing to allocate. */
  if (rc != SQLITE_OK || *out == NULL || g_atomic_int_get (&populate_unsupported))
    return rc;

  saved_errno = populate (*out, size);
  if (saved_errno == 0)
    return SQLITE_OK;
  if (saved_errno == EINVAL)
    {
      /* A kernel before 5.14: SQLite's own behaviour, as before. */
      g_atomic_int_set (&populate_unsupported, TRUE);
      return SQLITE_OK;
    }

  /* SQLite keeps the pointer it is handed as the region: hand it none,
   * so that it asks again next time. */
  *out = NULL;
  return saved_errno == ENOMEM ? SQLITE_NOMEM : SQLITE_FULL;
}

static const sqlite3_io_methods *
wrap_methods (const sqlite3_io_methods *base)
{
  const sqlite3_io_methods *result = base;

  g_mutex_lock (&methods_lock);
  for (guint i = 0; i < n_methods; i++)
    if (methods[i].base == base)
      {
        result = &methods[i].wrapped;
        break;
      }
  if (result == base && n_methods < MAX_METHODS)
    {
      Methods *m = &methods[n_methods++];

      m->base = base;
      m->wrapped = *base;
      m->wrapped.xShmMap = shm_map;
      result = &m->wrapped;
    }
  g_mutex_unlock (&methods_lock);
  return result;
}

static int
vfs_open (sqlite3_vfs      *vfs,
          sqlite3_filename  name,
          sqlite3_file     *file,
          int               flags,
          int              *out_flags)
{
  int rc = base_vfs->xOpen (base_vfs, name, file, flags, out_flags);

  if (file->pMethods != NULL && file->pMethods->iVersion >= 2 &&
      file->pMethods->xShmMap != NULL)
    file->pMethods = wrap_methods (file->pMethods);
  return rc;
}

/**
 * rw_vfs_ensure:
 *
 * Makes SQLite's default VFS the one above, over the default of the
 * moment. Call before opening a journal; later calls do nothing.
 */
void
rw_vfs_ensure (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;

  base_vfs = sqlite3_vfs_find (NULL);
  if (base_vfs != NULL)
    {
      rewire_vfs = *base_vfs;
      rewire_vfs.pNext = NULL;
      rewire_vfs.zName = "rewire";
      rewire_vfs.xOpen = vfs_open;
      if (sqlite3_vfs_register (&rewire_vfs, 1) != SQLITE_OK)
        g_warning ("Could not register SQLite's VFS for the journal");
    }
  g_once_init_leave (&done, 1);
}
