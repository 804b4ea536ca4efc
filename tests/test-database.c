/* test-database.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"
#include "rw-test-vfs.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = rw_test_make_dir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
pragma_int (RwDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (rw_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static RwCheckIn *
make_check_in (const char *date,
               int         mood,
               const char *note)
{
  return rw_test_check_in_new (date, "09:00", mood, note);
}

static guint
count_check_ins (RwDatabase *db)
{
  gint64 n = -1;

  g_assert_true (rw_check_in_sql_count (db, &n, NULL, NULL, NULL));
  return (guint) n;
}

static void
store_result (GObject       *source,
              GAsyncResult  *result,
              GAsyncResult **out)
{
  *out = g_object_ref (result);
}

static void
fill (RwDatabase *db,
      guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i / 28 % 12, 1 + i % 28);
      g_autofree char *note = g_strdup_printf ("Check-in number %u, a note long enough to fill "
                                               "pages of the journal file.", i);
      g_autoptr(RwCheckIn) check_in = make_check_in (date, i % 11, note);
      g_autoptr(GError) error = NULL;

      rw_test_add (db, check_in, &error);
      g_assert_no_error (error);
    }
}

static void
create_raw_database (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_open_refused (Fixture        *f,
                     RwDatabaseError code,
                     const char     *words)
{
  g_autofree char *before = rw_test_file_checksum (f->path);
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  g_assert_nonnull (before);
  db = rw_database_open (f->dir, &error);
  g_assert_null (db);
  g_assert_error (error, RW_DATABASE_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  /* Every refusal says that the file was left alone. */
  g_assert_nonnull (strstr (error->message, "not changed"));

  after = rw_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "deeper", "rewire", NULL);
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  db = rw_database_open (sub, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  path = g_build_filename (sub, "journal.db", NULL);
  g_assert_cmpstr (rw_database_get_path (db), ==, path);
  g_assert_cmpint (rw_database_get_schema_version (db), ==, RW_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, RW_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (db, "PRAGMA application_id"), ==, RW_DATABASE_APPLICATION_ID);
  g_assert_cmpint (pragma_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (db, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (pragma_int (db, "PRAGMA synchronous"), ==, 2);

  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  fill (db, 1);
  {
    const char *suffixes[] = { "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

        g_assert_cmpint (g_stat (side, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      }
  }

  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (rw_database_get_handle (db), "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
}

static void
test_empty_file_migrates (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, RW_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'check_ins'"), ==, 1);
  g_assert_cmpuint (count_check_ins (db), ==, 0);
}

static void
test_reopen_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
    g_assert_no_error (error);
    fill (db, 25);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_check_ins (db), ==, 25);
  }
}

static void
test_random_bytes (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree guint8 *bytes = g_malloc (65536);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 65536; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (f->path, (const char *) bytes, 65536, NULL));

  assert_open_refused (f, RW_DATABASE_ERROR_NOT_REWIRE, "not a Rewire journal");
}

static void
test_text_file (Fixture       *f,
                gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "date,mood\n2026-11-22,5\n", -1, NULL));
  assert_open_refused (f, RW_DATABASE_ERROR_NOT_REWIRE, "not a Rewire journal");
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
    fill (db, 300);
  }

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  g_assert_true (g_file_set_contents (f->path, contents, length / 2, NULL));

  assert_open_refused (f, RW_DATABASE_ERROR_CORRUPT, "damaged");
}

static void
test_future_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 99;"
                                          "CREATE TABLE future (x);",
                                          RW_DATABASE_APPLICATION_ID);

  create_raw_database (f->path, sql);
  assert_open_refused (f, RW_DATABASE_ERROR_TOO_NEW, "newer version of Rewire");
}

static void
test_foreign_database (Fixture       *f,
                       gconstpointer  data)
{
  create_raw_database (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_open_refused (f, RW_DATABASE_ERROR_NOT_REWIRE, "another program");
}

static void
test_foreign_application_id (Fixture       *f,
                             gconstpointer  data)
{
  create_raw_database (f->path, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
  assert_open_refused (f, RW_DATABASE_ERROR_NOT_REWIRE, "another program");
}

static void
test_quick_check (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;

  fill (db, 10);
  g_assert_true (rw_database_quick_check (db, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "ok");
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-20", 5, "waits for the lock");
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  fill (db, 2);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (rw_test_add (db, check_in, &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  /* Once the lock is gone the same save works and nothing was lost. */
  g_assert_true (rw_test_add (db, check_in, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_check_ins (db), ==, 3);
}

typedef struct
{
  sqlite3 *other;
  char *marker;
} Importer;

static gpointer
finish_import_later (gpointer data)
{
  Importer *importer = data;

  g_usleep (4500 * 1000);
  g_unlink (importer->marker);
  sqlite3_exec (importer->other, "COMMIT", NULL, NULL, NULL);
  return NULL;
}

static void
count_wait_cb (RwDatabase *db,
               gpointer    data)
{
  (*(guint *) data)++;
}

/* A command blocked by an import running in another process waits for
 * it (saying so once) instead of giving up after 3 s; the window does
 * not wait, and a marker left by an import that died is ignored. */
static void
test_waits_for_import (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-20", 5, "after the import");
  g_autoptr(GError) error = NULL;
  g_autofree char *marker = g_build_filename (f->dir, "import.pid", NULL);
  const char *sleeper_argv[] = { "sleep", "60", NULL };
  g_autoptr(GSubprocess) sleeper = NULL;
  g_autofree char *pid_text = NULL;
  Importer importer = { NULL, marker };
  GThread *thread;
  guint told = 0;

  fill (db, 2);
  rw_database_set_wait_func (db, count_wait_cb, &told);

  /* A marker naming a process that is gone: the lock is given up on. */
  g_assert_true (g_file_set_contents (marker, "999999999\n", -1, NULL));
  g_assert_cmpint (sqlite3_open (f->path, &importer.other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (importer.other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (rw_test_add (db, check_in, &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpuint (told, ==, 0);

  /* A living importer (a stand-in process holds the pid), which ends
   * after 4.5 s: the save waits for it, told once, and is kept. */
  sleeper = g_subprocess_newv (sleeper_argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  pid_text = g_strdup_printf ("%s\n", g_subprocess_get_identifier (sleeper));
  g_assert_true (g_file_set_contents (marker, pid_text, -1, NULL));
  thread = g_thread_new ("importer", finish_import_later, &importer);
  g_assert_true (rw_test_add (db, check_in, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told, ==, 1);
  g_thread_join (thread);
  sqlite3_close (importer.other);
  g_subprocess_force_exit (sleeper);
  g_assert_cmpuint (count_check_ins (db), ==, 3);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
    g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-21", 3, "does not fit on the disk");

    fill (db, 5);
    rw_test_vfs_set_mode (RW_TEST_VFS_DISK_FULL);
    g_assert_false (rw_test_add (db, check_in, &error));
    g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_DISK_FULL);
    g_assert_nonnull (strstr (error->message, "full"));
    g_assert_nonnull (strstr (error->message, "free some space"));
    g_clear_error (&error);
    g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 5);
    rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
    g_assert_cmpuint (count_check_ins (db), ==, 5);
  }

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_check_ins (db), ==, 5);
  }
}

/* On a full disk with blocks smaller than a page, the blocks under the
 * -shm that SQLite maps may not exist, and a store into them ends the
 * process with SIGBUS (the probe of issue 19: 37 of 200 adds). Here the
 * shim leaves each mapped region with nothing under it, which the kernel
 * answers the same way. Opening must say the disk is full, not crash, and
 * lose nothing; once there is room, the journal opens and saves. Without
 * rw-vfs.c, this test dies of SIGBUS. */
static void
test_disk_full_shm (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(RwCheckIn) check_in = NULL;
  void *probe;

  /* Before Linux 5.14 there is no MADV_POPULATE_WRITE, and rw-vfs.c can
   * only leave SQLite as it is. */
  probe = mmap (NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (probe != MAP_FAILED);
  if (madvise (probe, 4096, 23 /* MADV_POPULATE_WRITE */) != 0)
    {
      munmap (probe, 4096);
      g_test_skip ("this kernel has no MADV_POPULATE_WRITE (Linux 5.14)");
      return;
    }
  munmap (probe, 4096);

  db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  fill (db, 5);
  g_clear_object (&db);

  rw_test_vfs_set_mode (RW_TEST_VFS_SHM_UNBACKED);
  db = rw_database_open (f->dir, &error);
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  g_assert_null (db);
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_nonnull (strstr (error->message, "free some space"));
  g_clear_error (&error);

  db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_check_ins (db), ==, 5);
  check_in = make_check_in ("2026-11-22", 6, "there is room again");
  g_assert_true (rw_test_add (db, check_in, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_check_ins (db), ==, 6);
  {
    g_autofree char *verdict = NULL;

    g_assert_true (rw_database_quick_check (db, &verdict, &error));
    g_assert_cmpstr (verdict, ==, "ok");
  }
}

/* Copies @from (a -wal still in use: nothing writes meanwhile) to @to. */
static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *bytes = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (from, &bytes, &size, NULL));
  g_assert_cmpuint (size, >, 32);
  g_assert_true (g_file_set_contents (to, bytes, (gssize) size, NULL));
}

static void
assert_set_aside (RwDatabase *db,
                  const char *wal_copy)
{
  const char *aside = rw_database_get_set_aside_wal (db);
  g_autofree char *message = rw_database_describe_set_aside_wal (db);
  g_autofree char *kept = NULL;
  g_autofree char *original = NULL;
  gsize kept_size = 0, original_size = 0;

  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (aside, "journal.db-wal.not-this-journal-"));
  /* Kept untouched, for the person to look at. */
  g_assert_true (g_file_get_contents (aside, &kept, &kept_size, NULL));
  g_assert_true (g_file_get_contents (wal_copy, &original, &original_size, NULL));
  g_assert_cmpmem (kept, kept_size, original, original_size);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, aside));
}

static void
assert_whole (RwDatabase *db)
{
  g_autofree char *verdict = NULL;

  g_assert_true (rw_database_quick_check (db, &verdict, NULL));
  g_assert_cmpstr (verdict, ==, "ok");
}

/* A -wal of another journal put beside this one (the probe of issue 19)
 * is not laid over it: it is set aside, kept, and the journal opens as
 * its own file holds it. */
static void
test_foreign_wal (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *other = rw_test_make_dir ();
  g_autofree char *wal_copy = g_build_filename (other, "saved-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (other, &error);
    g_autofree char *other_wal = g_build_filename (other, "journal.db-wal", NULL);

    g_assert_no_error (error);
    fill (db, 60);
    copy_file (other_wal, wal_copy);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    fill (db, 2);
    g_assert_null (rw_database_get_set_aside_wal (db));
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_file (wal_copy, wal);

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_check_ins (db), ==, 2);
    assert_whole (db);
    assert_set_aside (db, wal_copy);
    fill (db, 1);
    g_assert_cmpuint (count_check_ins (db), ==, 3);
  }
  rw_test_remove_dir (other);
}

/* After a crash left a -wal, a backup copied over journal.db by hand (the
 * probe: 2,000 rows came back as 51,850): the -wal was written for the
 * journal, not for the backup, and is set aside. */
static void
test_stale_wal_beside_backup (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *wal_copy = g_build_filename (f->dir, "saved-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    fill (db, 5);
    g_assert_true (rw_database_backup_to (db, backup, &error));
    g_assert_no_error (error);
    fill (db, 50);
    copy_file (wal, wal_copy);
  }
  copy_file (backup, f->path);
  copy_file (wal_copy, wal);

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_check_ins (db), ==, 5);
    assert_whole (db);
    assert_set_aside (db, wal_copy);
  }
}

/* The -wal a crash leaves holds saves that were reported done: it is the
 * journal's own, and SQLite replays it. */
static void
test_own_wal_kept (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *copy_dir = rw_test_make_dir ();
  g_autofree char *copy_db = g_build_filename (copy_dir, "journal.db", NULL);
  g_autofree char *copy_wal = g_build_filename (copy_dir, "journal.db-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    fill (db, 4);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    fill (db, 30);
    /* The files as a power cut would leave them. */
    copy_file (f->path, copy_db);
    copy_file (wal, copy_wal);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (copy_dir, &error);

    g_assert_no_error (error);
    g_assert_null (rw_database_get_set_aside_wal (db));
    g_assert_cmpuint (count_check_ins (db), ==, 34);
    assert_whole (db);
  }
  rw_test_remove_dir (copy_dir);
}

/* A full disk that reaches SQLite as an I/O error (a failed fsync, as
 * near-full disks give) is still reported as a full disk, with what to
 * do; nothing is lost, and the next save works once space returns. */
static void
test_disk_full_as_io_error (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-21", 3, "does not fit on the disk");

  fill (db, 5);
  rw_test_vfs_set_mode (RW_TEST_VFS_SYNC_NO_SPACE);
  g_assert_false (rw_test_add (db, check_in, &error));
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_nonnull (strstr (error->message, "free some space"));
  g_assert_null (strstr (error->message, "I/O"));
  g_clear_error (&error);
  g_assert_cmpuint (count_check_ins (db), >=, 5);

  g_assert_true (rw_test_add (db, check_in, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 6);
}

/* Every write and every sync a save makes is failed in turn, once each
 * (the fault of a failing disk): the save says so or succeeds, nothing
 * saved before is lost, the file stays whole, and the next save works. */
static void
test_fault_every_write_and_sync (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  guint expected = 10;
  guint faults = 0;

  fill (db, 10);
  for (guint kind = 0; kind < 2; kind++)
    for (guint nth = 1;; nth++)
      {
        g_autofree char *note = g_strdup_printf ("fault %u at %u", kind, nth);
        g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-22", 4, note);
        g_autoptr(RwCheckIn) next = make_check_in ("2026-11-23", 6, "after the fault");
        g_autoptr(GError) error = NULL;
        g_autofree char *verdict = NULL;
        gboolean saved;
        guint seen;

        if (kind == 0)
          rw_test_vfs_fail_nth_write (nth);
        else
          rw_test_vfs_fail_nth_sync (nth);
        saved = rw_test_add (db, check_in, &error);
        seen = kind == 0 ? rw_test_vfs_fail_nth_write (0) : rw_test_vfs_fail_nth_sync (0);
        if (saved)
          expected++;
        else
          {
            faults++;
            g_assert_nonnull (error);
            g_assert_true (error->domain == RW_DATABASE_ERROR);
            g_assert_cmpuint (strlen (error->message), >, 20);
          }

        g_assert_true (rw_database_quick_check (db, &verdict, NULL));
        g_assert_cmpstr (verdict, ==, "ok");
        g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, expected);
        if (!rw_test_add (db, next, &error))
          g_error ("kind %u, fault at %u (%u seen): the next save failed: %s",
                   kind, nth, seen, error->message);
        expected++;

        /* Past the last write (sync) of a save: every one was failed. */
        if (seen < nth)
          break;
      }
  g_test_message ("%u saves failed, %u check-ins kept", faults, expected);
  g_assert_cmpuint (faults, >, 2);

  /* And a fresh open finds them all. */
  g_clear_object (&db);
  db = rw_database_open (f->dir, NULL);
  g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, expected);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
    fill (db, 4);
  }
  before = rw_test_file_checksum (f->path);

  rw_test_vfs_set_mode (RW_TEST_VFS_READ_ONLY);
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    if (db != NULL)
      {
        /* Opened for reading: every check-in is there, a save is refused. */
        g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-21", 3, "read-only");

        g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 4);
        g_assert_false (rw_test_add (db, check_in, &error));
      }
    g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "cannot be written"));
  }
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);

  after = rw_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
    g_assert_cmpuint (count_check_ins (db), ==, 4);
  }
}

static void
changed_cb (RwDatabase *db,
            guint      *count)
{
  (*count)++;
}

static void
test_poll_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RwDatabase) a = rw_database_open (f->dir, NULL);
  g_autoptr(RwDatabase) b = rw_database_open (f->dir, NULL);
  guint changes = 0;

  g_signal_connect (a, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_false (rw_database_poll_changes (a));

  fill (b, 1);
  g_assert_true (rw_database_poll_changes (a));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (rw_database_poll_changes (a));
  g_assert_cmpuint (changes, ==, 1);
}

static gboolean
write_nothing (RwDatabase  *db,
               gpointer     data,
               GError     **error)
{
  return TRUE;
}

static gboolean
insert_then_fail (RwDatabase  *db,
                  RwCheckIn   *check_in,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (!rw_check_in_sql_insert (db, check_in, error))
    return FALSE;
  /* Breaks the schema's CHECK on the mood. */
  stmt = rw_database_prepare (db, "UPDATE check_ins SET mood = 11", error);
  g_assert_nonnull (stmt);
  return rw_database_step_done (db, stmt, "save the test", error);
}

/* One write transaction: committed and announced when it changed rows,
 * rolled back (nothing written, nothing announced) when its body fails,
 * with the step's failure in words. */
static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-20", 5, "written");
  g_autoptr(RwCheckIn) refused = make_check_in ("2026-11-21", 5, "rolled back");
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_true (rw_database_write (db, write_nothing, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (rw_database_in_transaction (db));

  g_assert_true (rw_database_write (db, (RwWriteFunc) rw_check_in_sql_insert, check_in, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (count_check_ins (db), ==, 1);

  g_assert_false (rw_database_write (db, (RwWriteFunc) insert_then_fail, refused, &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the test: "));
  g_assert_nonnull (strstr (error->message, "CHECK"));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (count_check_ins (db), ==, 1);
  g_assert_false (rw_database_in_transaction (db));
}

static void
test_upgrade_from_v1 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open_at_version (f->dir, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'drafts'"), ==, 0);
    fill (db, 12);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, RW_DATABASE_SCHEMA_VERSION);
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'drafts'"), ==, 1);
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'plan_runs'"), ==, 1);
    /* Every check-in of the old schema is there, visible. */
    g_assert_cmpuint (count_check_ins (db), ==, 12);
    g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 12);
  }
}

/* Schema 5 keeps ids in lower case. A journal of schema 4 with ids an
 * import kept in upper case comes back with every check-in, each under a
 * lower-case id; one whose lower-case id was taken (an upper-case copy
 * imported as a second check-in) keeps its content under a new id. The
 * upper-case id then finds its check-in. */
static void
test_upgrade_lowercases_ids (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *mixed = "AAAAAAAA-0000-4000-8000-00000000000A";

  {
    g_autoptr(RwDatabase) db = rw_database_open_at_version (f->dir, 4, &error);
    sqlite3 *handle;

    g_assert_no_error (error);
    fill (db, 3);
    handle = rw_database_get_handle (db);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "UPDATE check_ins SET uuid = 'AAAAAAAA-0000-4000-8000-00000000000A' WHERE id = 1;"
                                   "UPDATE check_ins SET uuid = 'bbbbbbbb-0000-4000-8000-00000000000b' WHERE id = 2;"
                                   "UPDATE check_ins SET uuid = 'BBBBBBBB-0000-4000-8000-00000000000B' WHERE id = 3;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
    g_autoptr(RwJournal) journal = NULL;
    g_autoptr(RwCheckIn) found = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, RW_DATABASE_SCHEMA_VERSION);
    g_assert_cmpuint (count_check_ins (db), ==, 3);
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM check_ins WHERE uuid != lower (uuid)"), ==, 0);
    g_assert_cmpint (pragma_int (db, "SELECT count(DISTINCT uuid) FROM check_ins"), ==, 3);
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM check_ins WHERE id = 1 AND "
                                     "uuid = 'aaaaaaaa-0000-4000-8000-00000000000a'"), ==, 1);
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM check_ins WHERE id = 2 AND "
                                     "uuid = 'bbbbbbbb-0000-4000-8000-00000000000b'"), ==, 1);
    /* The copy: a new valid id of its own, its note kept. */
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (rw_database_get_handle (db),
                                           "SELECT uuid FROM check_ins WHERE id = 3", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_true (g_uuid_string_is_valid ((const char *) sqlite3_column_text (stmt, 0)));
      g_assert_cmpint (((const char *) sqlite3_column_text (stmt, 0))[14], ==, '4');
      sqlite3_finalize (stmt);
    }
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM check_ins WHERE id = 3 AND note LIKE 'Check-in number 2,%'"), ==, 1);

    /* The upper-case id still finds its check-in, to edit or delete. */
    journal = rw_journal_new_for_database (db);
    g_assert_true (rw_journal_hide (journal, mixed, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 2);
  }
}

/* A backup is the whole journal (what is still in the -wal included),
 * private, and opens as a journal of its own. Daily backups: one a day,
 * none when nothing changed, a new one after a change on a later day;
 * rotation keeps 7 days and then the newest of each of 4 weeks, and
 * leaves other files alone. */
static void
test_backups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  g_autofree char *copy_dir = g_build_filename (f->dir, "restored", NULL);
  g_autofree char *copy = g_build_filename (copy_dir, "journal.db", NULL);
  g_autofree char *folder = rw_backup_get_folder (f->dir);
  g_autofree char *made = NULL;
  g_autofree char *again = NULL;
  g_autofree char *later = NULL;
  GStatBuf st;

  fill (db, 12);
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  g_assert_true (rw_database_backup_to (db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(RwDatabase) restored = rw_database_open (copy_dir, &error);
    g_autofree char *verdict = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (count_check_ins (restored), ==, 12);
    g_assert_true (rw_database_quick_check (restored, &verdict, NULL));
    g_assert_cmpstr (verdict, ==, "ok");
  }

  g_assert_true (rw_backup_daily (db, "2026-11-20", &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_str_has_suffix (made, "journal-2026-11-20.db"));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (rw_backup_daily (db, "2026-11-20", &again, &error));
  g_assert_null (again);
  /* A later day with no change: none. */
  g_assert_true (rw_backup_daily (db, "2026-11-21", &again, &error));
  g_assert_null (again);
  /* A change, then a later day: one. */
  g_usleep (1100 * 1000);
  fill (db, 1);
  g_assert_true (rw_backup_daily (db, "2026-11-22", &later, &error));
  g_assert_nonnull (later);

  /* Rotation over two months of daily backups. */
  for (guint d = 1; d <= 30; d++)
    {
      g_autofree char *name = g_strdup_printf ("%s/journal-2026-10-%02u.db", folder, d);
      g_assert_true (g_file_set_contents (name, "x", 1, NULL));
    }
  {
    g_autofree char *other = g_build_filename (folder, "my-notes.txt", NULL);
    g_autoptr(GPtrArray) kept = NULL;
    const char *expected[] = {
      "journal-2026-11-22.db", "journal-2026-11-20.db", "journal-2026-10-30.db",
      "journal-2026-10-29.db", "journal-2026-10-28.db", "journal-2026-10-27.db",
      "journal-2026-10-26.db",
      /* Then the newest of each week before: Sun 25, Sun 18, Sun 11, Sun 4 Oct. */
      "journal-2026-10-25.db", "journal-2026-10-18.db", "journal-2026-10-11.db",
      "journal-2026-10-04.db",
    };

    g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
    kept = rw_backup_rotate (folder);
    g_assert_cmpuint (kept->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (g_ptr_array_index (kept, i), ==, expected[i]);
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (rw_test_count_entries (folder), ==, G_N_ELEMENTS (expected) + 1);
  }
}

/* Schema 6 adds the treatment: sessions, their checklists and
 * integration answers, questionnaires and the safety plan. A journal of
 * schema 5 keeps every check-in, a snapshot of it is kept beside it, and
 * the new tables take rows and refuse values out of range. */
static void
test_upgrade_adds_treatment (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "sessions", "session_checklist", "session_integration",
                           "session_fts", "assessments", "safety_plan" };

  {
    g_autoptr(RwDatabase) db = rw_database_open_at_version (f->dir, 5, &error);

    g_assert_no_error (error);
    fill (db, 7);
    g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions'"), ==, 0);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
    g_autofree char *snapshot = NULL;
    sqlite3 *handle;

    g_assert_no_error (error);
    g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, 6);
    g_assert_cmpuint (count_check_ins (db), ==, 7);
    snapshot = rw_database_get_snapshot_path (db);
    g_assert_true (g_file_test (snapshot, G_FILE_TEST_IS_REGULAR));
    for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'",
                                                tables[i]);
        g_assert_cmpint (pragma_int (db, sql), ==, 1);
      }

    handle = rw_database_get_handle (db);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "INSERT INTO sessions (uuid, date, time, route, phase, created, modified)"
                                   "  VALUES ('s1', '2026-11-02', '10:00', 'iv', 'induction', 1, 1);"
                                   "INSERT INTO session_integration (session, day, noticed, modified)"
                                   "  VALUES (1, 1, 'lighter', 1);"
                                   "INSERT INTO assessments (uuid, kind, date, time, answers, total, created, modified)"
                                   "  VALUES ('a1', 'phq9', '2026-11-02', '09:00', '000000000', 0, 1, 1);"
                                   "INSERT INTO safety_plan (section, body, modified) VALUES ('reasons', 'my dog', 1);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "INSERT INTO sessions (uuid, date, route, created, modified)"
                                   "  VALUES ('s2', '2026-11-03', 'injection', 1, 1)",
                                   NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "INSERT INTO sessions (uuid, date, intensity, created, modified)"
                                   "  VALUES ('s3', '2026-11-03', 11, 1, 1)",
                                   NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "INSERT INTO session_integration (session, day, modified) VALUES (1, 4, 1)",
                                   NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  }
}

/* The window opens an old journal without writing to it; the upgrade,
 * later and in a worker thread, keeps a snapshot of it first, and the
 * snapshot goes once a start-up has succeeded. Tag counts of the new
 * schema start right. */
static void
test_deferred_upgrade (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *after_open = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open_at_version (f->dir, 2, &error);
    g_autoptr(RwJournal) journal = NULL;
    g_autoptr(RwCheckIn) tagged = make_check_in ("2026-11-02", 5, "tagged");
    g_autoptr(RwCheckIn) hidden = make_check_in ("2026-11-03", 5, "hidden");
    const char *tags[] = { "walk", "rain", NULL };

    g_assert_no_error (error);
    fill (db, 30);
    journal = rw_journal_new_for_database (db);
    rw_check_in_set_tags (tagged, tags);
    rw_check_in_set_tags (hidden, tags);
    g_assert_true (rw_journal_add (journal, tagged, NULL));
    g_assert_true (rw_journal_add (journal, hidden, NULL));
    g_assert_true (rw_journal_hide (journal, rw_check_in_get_id (hidden), NULL));
  }
  before = rw_test_file_checksum (f->path);

  {
    g_autoptr(RwDatabase) db = rw_database_open_full (f->dir, RW_DATABASE_SCHEMA_VERSION,
                                                      RW_DATABASE_OPEN_DEFER_UPGRADE, &error);
    g_autoptr(RwCheckIn) late = make_check_in ("2026-11-04", 5, "too early");
    g_autoptr(GError) write_error = NULL;

    g_assert_no_error (error);
    g_assert_true (rw_database_needs_upgrade (db));
    g_assert_cmpint (rw_database_get_schema_version (db), ==, 2);
    /* Reading works; writing waits for the upgrade. */
    g_assert_cmpuint (count_check_ins (db), ==, 31);
    g_assert_false (rw_test_add (db, late, &write_error));
    g_assert_error (write_error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_LOCKED);
    after_open = rw_test_file_checksum (f->path);
    g_assert_cmpstr (after_open, ==, before);

    g_assert_true (rw_database_upgrade (db, &error));
    g_assert_no_error (error);
    g_assert_false (rw_database_needs_upgrade (db));
    g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, RW_DATABASE_SCHEMA_VERSION);
    g_assert_cmpint (pragma_int (db, "SELECT uses FROM tags WHERE name = 'walk'"), ==, 1);
    g_assert_cmpint (pragma_int (db, "SELECT uses FROM tags WHERE name = 'rain'"), ==, 1);

    snapshot = rw_database_get_snapshot_path (db);
    g_assert_true (g_file_test (snapshot, G_FILE_TEST_IS_REGULAR));
    {
      GStatBuf st;

      g_assert_cmpint (g_stat (snapshot, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  }

  /* The snapshot is the old journal, whole. */
  {
    g_autofree char *copy_dir = rw_test_make_dir ();
    g_autofree char *copy = g_build_filename (copy_dir, RW_DATABASE_FILE_NAME, NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (snapshot, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    {
      g_autoptr(RwDatabase) old = rw_database_open_full (copy_dir, RW_DATABASE_SCHEMA_VERSION,
                                                         RW_DATABASE_OPEN_DEFER_UPGRADE, &error);

      g_assert_no_error (error);
      g_assert_cmpint (rw_database_get_schema_version (old), ==, 2);
      g_assert_cmpuint (count_check_ins (old), ==, 31);
    }
    rw_test_remove_dir (copy_dir);
  }

  /* The next start-up that works removes it, and what an Undo left. */
  {
    g_autoptr(RwJournal) journal = rw_journal_open_deferred (f->dir, &error);
    g_autoptr(GAsyncResult) result = NULL;

    g_assert_no_error (error);
    g_assert_false (rw_journal_needs_upgrade (journal));
    rw_journal_tidy_async (journal, NULL, (GAsyncReadyCallback) store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (rw_journal_tidy_finish (journal, result, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
    g_assert_cmpint (pragma_int (rw_journal_get_database (journal),
                                 "SELECT count(*) FROM check_ins WHERE hidden = 1"), ==, 0);
    g_assert_cmpint (pragma_int (rw_journal_get_database (journal),
                                 "SELECT uses FROM tags WHERE name = 'walk'"), ==, 1);
  }

  /* An ordinary start-up writes nothing at all. */
  {
    g_autofree char *quiet_before = rw_test_journal_checksum (f->path);
    g_autofree char *quiet_after = NULL;
    g_autoptr(RwJournal) journal = rw_journal_open_deferred (f->dir, &error);
    g_autoptr(GAsyncResult) result = NULL;

    g_assert_no_error (error);
    rw_journal_tidy_async (journal, NULL, (GAsyncReadyCallback) store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (rw_journal_tidy_finish (journal, result, NULL));
    quiet_after = rw_test_journal_checksum (f->path);
    g_assert_cmpstr (quiet_after, ==, quiet_before);
  }
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);

    none = rw_draft_load (db, "check-in", &error);
    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_true (rw_draft_save (db, "check-in", "{\"note\":\"first\"}", &error));
    g_assert_true (rw_draft_save (db, "check-in", "{\"note\":\"half-typed 日記\"}", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
    g_autofree char *draft = rw_draft_load (db, "check-in", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (draft, ==, "{\"note\":\"half-typed 日記\"}");
    g_assert_true (rw_draft_clear (db, "check-in", &error));
    g_clear_pointer (&draft, g_free);
    draft = rw_draft_load (db, "check-in", &error);
    g_assert_null (draft);
  }
}

/* A link among the folders above the journal is ordinary (a home reached
 * through /home -> /var/home, as on Fedora Silverblue): it opens, writes,
 * opens again, and a worker connection reaches the same file. */
static void
test_symlinked_parent (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *real = g_build_filename (f->dir, "var-home", NULL);
  g_autofree char *link = g_build_filename (f->dir, "home", NULL);
  g_autofree char *data_dir = g_build_filename (link, "me", ".local", "rewire", NULL);
  g_autofree char *real_db = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-20", 6, "through a link");
  GStatBuf st;
  sqlite3 *worker;

  g_assert_cmpint (g_mkdir (real, 0700), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);

  {
    g_autoptr(RwDatabase) db = rw_database_open (data_dir, &error);

    g_assert_no_error (error);
    g_assert_nonnull (db);
    rw_test_insert (db, check_in);

    /* Opened by its real path, which SQLite's no-link rule accepts. */
    canonical = realpath (real, NULL);
    real_db = g_build_filename (canonical, "me", ".local", "rewire", "journal.db", NULL);
    g_assert_cmpstr (rw_database_get_path (db), ==, real_db);

    worker = rw_database_connect (rw_database_get_path (db), FALSE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (worker);
    sqlite3_close (worker);
  }

  g_assert_cmpint (g_lstat (real_db, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_autoptr(RwDatabase) db = rw_database_open (data_dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_check_ins (db), ==, 1);
  }
}

/* journal.db, -wal or -shm as a link is refused, whether the link points
 * at a journal, at nothing yet, or at another file; nothing is written
 * through it and no empty journal is left behind. */
static void
test_refuse_links (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *target = g_build_filename (elsewhere, "journal.db", NULL);
  g_autofree char *before = NULL;

  {
    g_autoptr(RwCheckIn) check_in = make_check_in ("2026-11-20", 6, "the real one");
    g_autoptr(RwDatabase) db = rw_database_open (elsewhere, NULL);

    g_assert_nonnull (db);
    rw_test_insert (db, check_in);
  }
  before = rw_test_journal_checksum (target);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    for (guint dangling = 0; dangling < 2; dangling++)
      {
        g_autofree char *name = g_strdup_printf ("case-%u-%u", i, dangling);
        g_autofree char *dir = g_build_filename (f->dir, name, NULL);
        g_autofree char *journal = g_build_filename (dir, "journal.db", NULL);
        g_autofree char *link = g_strconcat (journal, suffixes[i], NULL);
        g_autofree char *points_to = dangling ? g_build_filename (f->dir, "nothing-yet", NULL)
                                              : g_strconcat (target, suffixes[i], NULL);
        g_autoptr(RwDatabase) db = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *after = NULL;

        g_test_message ("link %s -> %s", link, points_to);
        g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
        if (i > 0)
          {
            /* A real journal beside a linked -wal or -shm. */
            g_autoptr(RwDatabase) real = rw_database_open (dir, NULL);

            g_assert_nonnull (real);
          }
        g_assert_cmpint (symlink (points_to, link), ==, 0);

        db = rw_database_open (dir, &error);
        g_assert_null (db);
        g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE);
        g_assert_nonnull (strstr (error->message, "symbolic link"));
        g_assert_nonnull (strstr (error->message, link));

        after = rw_test_journal_checksum (target);
        g_assert_cmpstr (after, ==, before);
        g_assert_false (g_file_test (points_to, G_FILE_TEST_EXISTS) && dangling);
        g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
        if (i == 0)
          g_assert_cmpuint (rw_test_count_entries (dir), ==, 1);
      }
}

/* A journal that cannot be opened leaves no empty journal.db behind. */
static void
test_failed_open_leaves_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  rw_test_vfs_set_mode (RW_TEST_VFS_CANTOPEN);
  db = rw_database_open (f->dir, &error);
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}


/* A second folder the person chose: a 0600 copy of the newest backup,
 * rotated like backups/, and nothing else there touched. */
static void
test_backup_second_folder (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
  g_autofree char *second = g_build_filename (f->dir, "usb-stick", NULL);
  g_autofree char *theirs = g_build_filename (second, "holiday.jpg", NULL);
  g_autofree char *old = g_build_filename (second, "journal-2020-01-01.db", NULL);
  g_autofree char *made = NULL;
  g_autofree char *again = NULL;
  GStatBuf st;

  fill (db, 3);
  g_assert_cmpint (g_mkdir (second, 0755), ==, 0);
  g_assert_true (g_file_set_contents (theirs, "not Rewire's", -1, NULL));
  /* None yet: nothing to copy, and no error. */
  g_assert_true (rw_backup_copy_to (f->dir, second, &made, &error));
  g_assert_null (made);

  for (guint day = 1; day <= 12; day++)
    {
      g_autofree char *name = g_strdup_printf ("%s/journal-2020-01-%02u.db", second, day);
      g_assert_true (g_file_set_contents (name, "x", -1, NULL));
    }
  g_assert_true (rw_backup_daily (db, "2026-11-20", NULL, &error));
  g_assert_true (rw_backup_copy_to (f->dir, second, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_str_has_suffix (made, "/journal-2026-11-20.db"));
  g_assert_cmpint (g_stat (made, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(RwDatabase) copy = NULL;
    g_autofree char *copy_dir = g_build_filename (f->dir, "copy", NULL);
    g_autofree char *copy_path = g_build_filename (copy_dir, "journal.db", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
    g_assert_true (g_file_get_contents (made, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy_path, contents, length, NULL));
    copy = rw_database_open (copy_dir, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_check_ins (copy), ==, 3);
  }
  /* The folder keeps its own mode, the person's file stays, and the
   * oldest of Rewire's own copies rotated out. */
  g_assert_cmpint (g_stat (second, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0755);
  g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  /* Once there, not written again. */
  g_assert_true (rw_backup_copy_to (f->dir, second, &again, &error));
  g_assert_null (again);

  /* A folder that is not there (a disk unplugged): a message, no folder. */
  g_autofree char *gone = g_build_filename (f->dir, "unplugged", NULL);
  g_assert_false (rw_backup_copy_to (f->dir, gone, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
}

/* The "automatic backups" preference off: the start-up tidy makes no
 * backup; on again, it does. */
static void
test_tidy_without_backup (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);

    g_assert_no_error (error);
    fill (db, 3);
  }
  for (guint on = 0; on < 2; on++)
    {
      g_autoptr(RwJournal) journal = rw_journal_open_deferred (f->dir, &error);
      g_autoptr(GAsyncResult) result = NULL;

      g_assert_no_error (error);
      rw_journal_set_daily_backup (journal, on);
      rw_journal_tidy_async (journal, NULL, (GAsyncReadyCallback) store_result, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (rw_journal_tidy_finish (journal, result, &error));
      g_assert_no_error (error);
      if (on)
        g_assert_cmpuint (rw_test_count_entries (backups), ==, 1);
      else
        g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS) &&
                        rw_test_count_entries (backups) > 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rw_test_vfs_install ();

#define ADD(name, func) \
  g_test_add ("/database/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("create", test_create);
  ADD ("empty-file-migrates", test_empty_file_migrates);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("refuse/random-bytes", test_random_bytes);
  ADD ("refuse/text-file", test_text_file);
  ADD ("refuse/truncated", test_truncated);
  ADD ("refuse/future-version", test_future_version);
  ADD ("refuse/foreign-database", test_foreign_database);
  ADD ("refuse/foreign-application-id", test_foreign_application_id);
  ADD ("quick-check", test_quick_check);
  ADD ("locked", test_locked);
  ADD ("waits-for-import", test_waits_for_import);
  ADD ("disk-full", test_disk_full);
  ADD ("disk-full-as-io-error", test_disk_full_as_io_error);
  ADD ("disk-full-shm", test_disk_full_shm);
  ADD ("foreign-wal-set-aside", test_foreign_wal);
  ADD ("stale-wal-beside-backup", test_stale_wal_beside_backup);
  ADD ("own-wal-kept", test_own_wal_kept);
  ADD ("fault-every-write-and-sync", test_fault_every_write_and_sync);
  ADD ("read-only", test_read_only);
  ADD ("poll-changes", test_poll_changes);
  ADD ("write", test_write);
  ADD ("upgrade-from-v1", test_upgrade_from_v1);
  ADD ("upgrade-lowercases-ids", test_upgrade_lowercases_ids);
  ADD ("upgrade-adds-treatment", test_upgrade_adds_treatment);
  ADD ("backups", test_backups);
  ADD ("backup-second-folder", test_backup_second_folder);
  ADD ("tidy-without-backup", test_tidy_without_backup);
  ADD ("drafts", test_drafts);
  ADD ("deferred-upgrade", test_deferred_upgrade);
  ADD ("symlinked-parent", test_symlinked_parent);
  ADD ("refuse/links", test_refuse_links);
  ADD ("failed-open-leaves-nothing", test_failed_open_leaves_nothing);

#undef ADD

  return g_test_run ();
}
