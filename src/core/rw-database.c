/* rw-database.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "rw-database.h"
#include "rw-vfs.h"

/**
 * RwDatabase:
 *
 * The journal file: one SQLite connection, for the thread that opened it.
 *
 * Opening never writes to a file that is not a Rewire journal, is damaged,
 * or has a schema newer than this build: those are refused with a #GError
 * after reading the file's header, before SQLite is asked to change
 * anything.
 */
struct _RwDatabase
{
  GObject parent_instance;

  char *data_dir;
  char *path;
  sqlite3 *db;
  GHashTable *statements;
  gint64 data_version;
  int schema_version;
  int target_version;
  guint in_transaction : 1;
  guint upgrade_pending : 1;
  guint needs_snapshot : 1;
  guint told_waiting : 1;
  guint has_file_mark : 1;
  char *set_aside_wal;
  gint64 busy_since;
  RwDatabaseWaitFunc wait_func;
  gpointer wait_data;
};

G_DEFINE_FINAL_TYPE (RwDatabase, rw_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (rw-database-error-quark, rw_database_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define BUSY_TIMEOUT_MS 3000
/* How long a command waits for an import running elsewhere. */
#define IMPORT_WAIT_MAX_US (30 * 60 * G_USEC_PER_SEC)
/* While an import writes, this file beside the journal holds its
 * process id, so that a command blocked by it knows why and waits. */
#define IMPORT_MARKER_NAME "import.pid"
#define HEADER_SIZE 100

/* Each migration runs in its own transaction together with the bump of
 * user_version; index i migrates from version i to i + 1. */
static const char * const migrations[] = {
  /* 0 -> 1 */
  "CREATE TABLE check_ins ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  date TEXT NOT NULL CHECK (length (date) = 10),"
  "  time TEXT NOT NULL CHECK (length (time) = 5),"
  "  mood INTEGER CHECK (mood BETWEEN 0 AND 10),"
  "  anxiety INTEGER CHECK (anxiety BETWEEN 0 AND 10),"
  "  focus INTEGER CHECK (focus BETWEEN 0 AND 10),"
  "  hope INTEGER CHECK (hope BETWEEN 0 AND 10),"
  "  energy INTEGER CHECK (energy BETWEEN 0 AND 10),"
  "  sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),"
  "  sleep_quarters INTEGER CHECK (sleep_quarters BETWEEN 0 AND 96),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL"
  ");"
  "CREATE INDEX check_ins_by_when ON check_ins (date, time, created);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
  ");"
  "CREATE TABLE check_in_tags ("
  "  check_in INTEGER NOT NULL REFERENCES check_ins (id) ON DELETE CASCADE,"
  "  tag INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (check_in, tag)"
  ") WITHOUT ROWID;"
  "CREATE INDEX check_in_tags_by_tag ON check_in_tags (tag);"
  "CREATE VIRTUAL TABLE check_in_fts USING fts5 ("
  "  note, tags, tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\""
  ");",

  /* 1 -> 2: a deleted check-in stays hidden until its Undo toast is gone;
   * the editor's draft; the 7-day plan's runs, checks and notes. */
  "ALTER TABLE check_ins ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE drafts ("
  "  key TEXT PRIMARY KEY,"
  "  payload TEXT NOT NULL,"
  "  saved INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE plan_runs ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id TEXT NOT NULL,"
  "  start_date TEXT NOT NULL CHECK (length (start_date) = 10),"
  "  paused_on TEXT,"
  "  ended INTEGER,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE plan_checks ("
  "  run INTEGER NOT NULL REFERENCES plan_runs (id) ON DELETE CASCADE,"
  "  item TEXT NOT NULL,"
  "  checked INTEGER NOT NULL,"
  "  source TEXT NOT NULL DEFAULT 'manual',"
  "  PRIMARY KEY (run, item)"
  ") WITHOUT ROWID;"
  "CREATE TABLE plan_day_notes ("
  "  run INTEGER NOT NULL REFERENCES plan_runs (id) ON DELETE CASCADE,"
  "  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),"
  "  note TEXT NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  PRIMARY KEY (run, day)"
  ") WITHOUT ROWID;"
  "CREATE TABLE breathing_sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  pattern TEXT NOT NULL,"
  "  seconds INTEGER NOT NULL CHECK (seconds >= 0),"
  "  finished INTEGER NOT NULL"
  ");"
  /* The habits the guide recommends, offered as tags from the start. */
  "INSERT OR IGNORE INTO tags (name) VALUES ('walk'), ('exercise'), ('meditation'),"
  "  ('breathwork'), ('therapy'), ('journaling'), ('time with loved ones'),"
  "  ('good sleep routine');",

  /* 2 -> 3: each tag keeps how many visible check-ins carry it, so that
   * the tag filter and the tag manager never count over the whole
   * journal. A check-in's own delete takes its tags off before the
   * cascade, which then finds no visible check-in and changes nothing. */
  "ALTER TABLE tags ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;"
  "UPDATE tags SET uses = (SELECT count(*) FROM check_in_tags ct JOIN check_ins c"
  "  ON c.id = ct.check_in WHERE ct.tag = tags.id AND c.hidden = 0);"
  "CREATE TRIGGER tag_uses_insert AFTER INSERT ON check_in_tags BEGIN"
  "  UPDATE tags SET uses = uses + 1 WHERE id = NEW.tag"
  "    AND EXISTS (SELECT 1 FROM check_ins WHERE id = NEW.check_in AND hidden = 0);"
  "END;"
  "CREATE TRIGGER tag_uses_delete AFTER DELETE ON check_in_tags BEGIN"
  "  UPDATE tags SET uses = uses - 1 WHERE id = OLD.tag"
  "    AND EXISTS (SELECT 1 FROM check_ins WHERE id = OLD.check_in AND hidden = 0);"
  "END;"
  "CREATE TRIGGER tag_uses_move AFTER UPDATE OF tag ON check_in_tags"
  "  WHEN OLD.tag != NEW.tag BEGIN"
  "  UPDATE tags SET uses = uses + (CASE WHEN id = NEW.tag THEN 1 ELSE -1 END)"
  "    WHERE id IN (OLD.tag, NEW.tag)"
  "    AND EXISTS (SELECT 1 FROM check_ins WHERE id = NEW.check_in AND hidden = 0);"
  "END;"
  "CREATE TRIGGER tag_uses_check_in_delete BEFORE DELETE ON check_ins WHEN OLD.hidden = 0 BEGIN"
  "  UPDATE tags SET uses = uses - 1"
  "    WHERE id IN (SELECT tag FROM check_in_tags WHERE check_in = OLD.id);"
  "END;"
  "CREATE TRIGGER tag_uses_hidden AFTER UPDATE OF hidden ON check_ins"
  "  WHEN OLD.hidden != NEW.hidden BEGIN"
  "  UPDATE tags SET uses = uses + (CASE WHEN NEW.hidden = 0 THEN 1 ELSE -1 END)"
  "    WHERE id IN (SELECT tag FROM check_in_tags WHERE check_in = NEW.id);"
  "END;",

  /* 3 -> 4: small values of the journal's own, which the window and the
   * command line share (the day help was last offered after a low
   * check-in). */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;",

  /* 4 -> 5: ids in lower case, as Rewire writes them; earlier builds
   * kept an imported id's case, so that an upper-case id could not be
   * edited or deleted and an upper-case copy of an id imported as a
   * second check-in. A row whose lower-case id is taken keeps its
   * content under a new random (version 4) id: nothing is dropped. */
  "UPDATE check_ins SET uuid = lower (printf ('%s-%s-4%s-%s%s-%s',"
  "    hex (randomblob (4)), hex (randomblob (2)), substr (hex (randomblob (2)), 2),"
  "    substr ('89ab', 1 + abs (random () % 4), 1), substr (hex (randomblob (2)), 2),"
  "    hex (randomblob (6))))"
  "  WHERE uuid != lower (uuid)"
  "    AND (EXISTS (SELECT 1 FROM check_ins o WHERE o.uuid = lower (check_ins.uuid))"
  "         OR id != (SELECT min (o.id) FROM check_ins o"
  "                   WHERE lower (o.uuid) = lower (check_ins.uuid)));"
  "UPDATE check_ins SET uuid = lower (uuid) WHERE uuid != lower (uuid);",

  /* 5 -> 6: the treatment. A session is scheduled ahead or logged after;
   * "done" marks one that took place. Side effects are a comma-separated
   * list of the keys in rw-session.h. Blood pressure and heart rate are
   * what the person measured, never checked against anything. The
   * checklist is the person's own, prefilled from what clinics commonly
   * ask; integration answers belong to the session, one row for each of
   * the three days after it. Notes, intentions and integration answers
   * are found by the journal search through session_fts (rowid =
   * sessions.id). A deleted session stays hidden until its Undo toast is
   * gone, like a check-in. Assessments keep each answer (one digit 0-3 an
   * item, in the form's order) and their total; PHQ-9's unscored
   * question on difficulty is kept apart. The safety plan is one row a
   * section, each in the person's own words, one item a line. */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  date TEXT NOT NULL CHECK (length (date) = 10),"
  "  time TEXT CHECK (time IS NULL OR length (time) = 5),"
  "  route TEXT NOT NULL DEFAULT 'other'"
  "    CHECK (route IN ('iv', 'im', 'nasal', 'oral', 'other')),"
  "  phase TEXT NOT NULL DEFAULT 'other'"
  "    CHECK (phase IN ('induction', 'booster', 'maintenance', 'other')),"
  "  provider TEXT NOT NULL DEFAULT '',"
  "  dose TEXT NOT NULL DEFAULT '',"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  intention TEXT NOT NULL DEFAULT '',"
  "  bp_before_systolic INTEGER CHECK (bp_before_systolic BETWEEN 40 AND 300),"
  "  bp_before_diastolic INTEGER CHECK (bp_before_diastolic BETWEEN 20 AND 200),"
  "  hr_before INTEGER CHECK (hr_before BETWEEN 20 AND 250),"
  "  bp_after_systolic INTEGER CHECK (bp_after_systolic BETWEEN 40 AND 300),"
  "  bp_after_diastolic INTEGER CHECK (bp_after_diastolic BETWEEN 20 AND 200),"
  "  hr_after INTEGER CHECK (hr_after BETWEEN 20 AND 250),"
  "  intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),"
  "  detached INTEGER CHECK (detached BETWEEN 0 AND 10),"
  "  side_effects TEXT NOT NULL DEFAULT '',"
  "  side_effects_other TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  hidden INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL"
  ");"
  "CREATE INDEX sessions_by_when ON sessions (date, time, created);"
  "CREATE TABLE session_checklist ("
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  checked INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (session, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE session_integration ("
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3),"
  "  noticed TEXT NOT NULL DEFAULT '',"
  "  carry_forward TEXT NOT NULL DEFAULT '',"
  "  hard TEXT NOT NULL DEFAULT '',"
  "  modified INTEGER NOT NULL,"
  "  PRIMARY KEY (session, day)"
  ") WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE session_fts USING fts5 ("
  "  text, tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\""
  ");"
  "CREATE TABLE assessments ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('phq9', 'gad7')),"
  "  date TEXT NOT NULL CHECK (length (date) = 10),"
  "  time TEXT NOT NULL CHECK (length (time) = 5),"
  "  answers TEXT NOT NULL,"
  "  total INTEGER NOT NULL CHECK (total BETWEEN 0 AND 27),"
  "  difficulty INTEGER CHECK (difficulty BETWEEN 0 AND 3),"
  "  hidden INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL"
  ");"
  "CREATE INDEX assessments_by_when ON assessments (kind, date, time);"
  "CREATE TABLE safety_plan ("
  "  section TEXT PRIMARY KEY CHECK (section IN ('warning-signs', 'coping',"
  "    'distractions', 'people', 'professionals', 'environment', 'reasons')),"
  "  body TEXT NOT NULL DEFAULT '',"
  "  modified INTEGER NOT NULL"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RW_DATABASE_SCHEMA_VERSION);

static void
rw_database_dispose (GObject *object)
{
  RwDatabase *self = (RwDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  G_OBJECT_CLASS (rw_database_parent_class)->dispose (object);
}

/**
 * rw_database_close:
 * @self: a #RwDatabase
 *
 * Closes the connection now, whoever still holds @self: the last
 * connection to close folds the write-ahead log back into journal.db and
 * removes it and the -shm. Later reads and writes fail with "The journal
 * is closed."
 */
void
rw_database_close (RwDatabase *self)
{
  g_return_if_fail (RW_IS_DATABASE (self));

  if (self->db == NULL)
    return;
  g_hash_table_remove_all (self->statements);
  /* A statement still stepping elsewhere keeps the connection until it
   * is finalized (sqlite3_close_v2), instead of failing to close. */
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static void
rw_database_finalize (GObject *object)
{
  RwDatabase *self = (RwDatabase *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->set_aside_wal, g_free);

  G_OBJECT_CLASS (rw_database_parent_class)->finalize (object);
}

static void
rw_database_class_init (RwDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rw_database_dispose;
  object_class->finalize = rw_database_finalize;

  /**
   * RwDatabase::changed:
   *
   * Emitted after a commit of this connection that changed check-ins, and
   * when rw_database_poll_changes() sees a commit by another process.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
rw_database_init (RwDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Failing to create a file or folder: a full disk, or one we may not write. */
static RwDatabaseError
code_for_errno (int saved_errno)
{
  return saved_errno == ENOSPC ? RW_DATABASE_ERROR_DISK_FULL : RW_DATABASE_ERROR_READ_ONLY;
}

static void
refuse_foreign (RwDatabase  *self,
                GError     **error)
{
  g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE,
               _("%s is an SQLite database of another program, not a Rewire journal. "
                 "Rewire has not changed it. Move it away, or choose another folder with "
                 "--data-dir."),
               self->path);
}

/* A full disk often reaches SQLite as an I/O error, not SQLITE_FULL:
 * when an fsync, a truncate or the -shm's growth fails with ENOSPC. Then
 * the person must be told the disk is full, not "disk I/O error". */
static gboolean
io_error_is_full_disk (RwDatabase *self)
{
  int system_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;
  struct statvfs st;

  if (system_errno == ENOSPC || system_errno == EDQUOT)
    return TRUE;
  /* The VFS keeps the errno of each file's last failure: the journal's,
   * and its write-ahead log's. */
  if (self->db != NULL)
    {
      sqlite3_file *wal = NULL;
      int file_errno = 0;

      if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_LAST_ERRNO, &file_errno) == SQLITE_OK &&
          (file_errno == ENOSPC || file_errno == EDQUOT))
        return TRUE;
      file_errno = 0;
      if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK &&
          wal != NULL && wal->pMethods != NULL &&
          wal->pMethods->xFileControl (wal, SQLITE_FCNTL_LAST_ERRNO, &file_errno) == SQLITE_OK &&
          (file_errno == ENOSPC || file_errno == EDQUOT))
        return TRUE;
    }
  /* The errno may have been overwritten by what followed (a rollback):
   * a folder with less than 1 MiB free tells the same. */
  if (self->data_dir != NULL && statvfs (self->data_dir, &st) == 0 &&
      (guint64) st.f_bavail * st.f_frsize < 1024 * 1024)
    return TRUE;
  return FALSE;
}

static void
set_error (RwDatabase  *self,
           int          rc,
           const char  *doing,
           const char  *detail,
           GError     **error)
{
  const char *path = self->path != NULL ? self->path : "";
  g_autofree char *advice = NULL;
  RwDatabaseError code;

  if ((rc & 0xff) == SQLITE_IOERR && io_error_is_full_disk (self))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = RW_DATABASE_ERROR_LOCKED;
      advice = g_strdup_printf (_("the journal %s is in use by another program. "
                                  "Close other copies of Rewire that use it, then try again."),
                                path);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      code = RW_DATABASE_ERROR_READ_ONLY;
      advice = g_strdup_printf (_("the journal %s cannot be written (%s). Check that its folder "
                                  "is writable and not on a read-only disk, or choose another "
                                  "folder with --data-dir."),
                                path, detail);
      break;

    case SQLITE_FULL:
      code = RW_DATABASE_ERROR_DISK_FULL;
      advice = g_strdup (_("the disk that holds the journal is full. Nothing was changed: "
                           "free some space, then try again."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = RW_DATABASE_ERROR_CORRUPT;
      advice = g_strdup_printf (_("the journal %s is damaged (%s). Restore it from a backup, "
                                  "or move it away to start a new journal."),
                                path, detail);
      break;

    case SQLITE_IOERR:
      code = RW_DATABASE_ERROR_FAILED;
      advice = g_strdup_printf (_("reading or writing %s failed (%s). Nothing was changed; "
                                  "check the disk, then try again."),
                                path, detail);
      break;

    default:
      code = RW_DATABASE_ERROR_FAILED;
      advice = g_strdup_printf (_("SQLite said: %s."), detail);
      break;
    }

  g_set_error (error, RW_DATABASE_ERROR, code, _("Could not %s: %s"), doing, advice);
}

/**
 * rw_database_set_error:
 * @self: a #RwDatabase
 * @rc: an SQLite result code
 * @doing: what was being done, completing "Could not …", e.g. "save the check-in"
 * @error: return location for a #GError
 *
 * Turns an SQLite failure into a #RwDatabaseError whose message says what
 * a person can do about it.
 */
void
rw_database_set_error (RwDatabase  *self,
                       int          rc,
                       const char  *doing,
                       GError     **error)
{
  g_return_if_fail (RW_IS_DATABASE (self));

  set_error (self, rc, doing,
             self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc), error);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the 100-byte header of an existing file and refuses, without
 * asking SQLite to open it, what is not an SQLite database at all or is
 * visibly cut short. The application id and schema version are checked
 * later through SQLite, because in WAL mode the newest page 1 may still
 * be in the -wal file. */
static gboolean
check_header (RwDatabase  *self,
              gboolean    *is_new,
              gboolean    *is_wal,
              GError     **error)
{
  guint8 header[HEADER_SIZE];
  g_autofree char *wal_path = NULL;
  GStatBuf st, wal_st;
  guint32 page_size, page_count;
  gssize n;
  int fd;

  *is_new = FALSE;
  *is_wal = FALSE;

  if (g_stat (self->path, &st) != 0)
    {
      if (errno == ENOENT)
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                   _("Could not open the journal %s: %s. Check its permissions, or choose "
                     "another folder with --data-dir."),
                   self->path, g_strerror (errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE,
                   _("%s is not a file. Move it away, or choose another folder with "
                     "--data-dir."),
                   self->path);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      *is_new = TRUE;
      return TRUE;
    }

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                   _("Could not read the journal %s: %s. Check its permissions."),
                   self->path, g_strerror (errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE,
                   _("%s is not a Rewire journal (it is not an SQLite database). Rewire has "
                     "not changed it. Move it away to start a new journal, or choose another "
                     "folder with --data-dir."),
                   self->path);
      return FALSE;
    }

  if (n < HEADER_SIZE)
    goto truncated;

  /* File format version numbers 2 and 2: write-ahead logging. */
  *is_wal = header[18] == 2 && header[19] == 2;

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_CORRUPT,
                   _("The journal %s is damaged (its header is invalid). Rewire has not "
                     "changed it. Restore it from a backup, or move it away to start a new "
                     "journal."),
                   self->path);
      return FALSE;
    }

  /* The page count in the header is only valid when "version-valid-for"
   * matches the change counter, and a WAL file may hold newer pages. */
  page_count = read_be32 (header + 28);
  wal_path = g_strconcat (self->path, "-wal", NULL);
  if (page_count > 0 &&
      read_be32 (header + 92) == read_be32 (header + 24) &&
      (g_stat (wal_path, &wal_st) != 0 || wal_st.st_size == 0) &&
      (guint64) st.st_size < (guint64) page_count * page_size)
    goto truncated;

  return TRUE;

truncated:
  g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_CORRUPT,
               _("The journal %s is damaged: it is shorter than its header says, as if a copy "
                 "was cut off. Rewire has not changed it. Restore it from a backup, or move it "
                 "away to start a new journal."),
               self->path);
  return FALSE;
}

/* Creates the journal file; @created tells whether this call made it
 * (an existing file, or a link put there meanwhile, is left alone: the
 * open that follows refuses a link). */
static gboolean
create_private_file (const char  *path,
                     gboolean    *created,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

  *created = fd >= 0;

  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, RW_DATABASE_ERROR,
                   code_for_errno (saved),
                   _("Could not create the journal %s: %s. Check that the folder is writable, "
                     "or choose another folder with --data-dir."),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* Through the file itself, never through a link to another one. */
static void
make_private (const char *path)
{
  struct stat st;
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 0077) != 0)
    (void) fchmod (fd, 0600);
  close (fd);
}

/* The journal's own files must be files, not links: a link would have
 * Rewire read and write somewhere the person did not choose. The folders
 * above may be links (a home folder reached through /home -> /var/home,
 * as on Fedora Silverblue); the caller opens the journal by its real
 * path. */
static gboolean
refuse_links (RwDatabase  *self,
              GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
        {
          g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE,
                       _("%s is a symbolic link. Rewire opens its journal only as a real "
                         "file, so that it never writes anywhere else. Nothing was written. "
                         "Put the file itself in its place (or move the link away), or "
                         "choose another folder with --data-dir."),
                       path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
query_int (RwDatabase  *self,
           const char  *sql,
           gint64      *value,
           const char  *doing,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->db == NULL)
    {
      g_set_error_literal (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                           _("The journal is closed."));
      return FALSE;
    }
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    rw_database_set_error (self, rc, doing, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean run_transaction (RwDatabase   *self,
                                 RwWriteFunc   func,
                                 gpointer      data,
                                 gboolean     *changed,
                                 GError      **error);

/* Migrates from *@version to the next version, with the bump of
 * user_version in the same transaction. */
static gboolean
migrate_step (RwDatabase    *self,
              const gint64  *version,
              GError       **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA application_id = %d; "
                                           "PRAGMA user_version = %" G_GINT64_FORMAT ";",
                                           RW_DATABASE_APPLICATION_ID, *version + 1);

  return rw_database_exec (self, migrations[*version], error) &&
         rw_database_exec (self, bump, error);
}

static gboolean
migrate (RwDatabase  *self,
         int          target,
         GError     **error)
{
  gint64 version = 0;

  if (!query_int (self, "PRAGMA user_version", &version, _("read the journal's version"), error))
    return FALSE;

  for (gint64 v = version; v < target; v++)
    {
      if (!run_transaction (self, (RwWriteFunc) migrate_step, &v, NULL, error))
        return FALSE;
      g_debug ("Migrated %s to schema %" G_GINT64_FORMAT, self->path, v + 1);
    }

  self->schema_version = MAX (version, target);
  return TRUE;
}

#define SNAPSHOT_FILE_NAME "journal-before-upgrade.db"

/**
 * rw_database_get_snapshot_path:
 * @self: a #RwDatabase
 *
 * Returns: (transfer full): where the copy of the journal taken before an
 *   upgrade is kept until the next start-up succeeds
 */
char *
rw_database_get_snapshot_path (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);
  return g_build_filename (self->data_dir, SNAPSHOT_FILE_NAME, NULL);
}

/* A -wal carries no mark of the file it was written for: put back beside
 * another journal, or beside an older copy of this one (a backup copied
 * over journal.db by hand after a crash), SQLite would lay its pages over
 * that file and mix the two. So every journal file has a mark of its own
 * in settings, "<32 hex digits> <count>": a copy gets a new one, and each
 * write transaction of this connection bumps the count, so that the page
 * with the mark is in every -wal it writes. A -wal whose mark is not its
 * file's is set aside at the next start (set_aside_foreign_wal()). */
#define FILE_MARK_KEY "file-mark"
#define NEW_FILE_MARK_SQL \
  "UPDATE settings SET value = lower (hex (randomblob (16))) || ' 0' " \
  "WHERE key = '" FILE_MARK_KEY "'"
#define BUMP_FILE_MARK_SQL \
  "UPDATE settings SET value = substr (value, 1, 33) || (CAST (substr (value, 34) AS INTEGER) + 1) " \
  "WHERE key = '" FILE_MARK_KEY "'"

static gboolean
ensure_file_mark (RwDatabase  *self,
                  GError     **error)
{
  g_autofree char *mark = NULL;
  g_autoptr(GError) local = NULL;

  /* Before version 4 there is no settings table. */
  if (self->schema_version < 4)
    return TRUE;
  mark = rw_database_get_setting (self, FILE_MARK_KEY, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (mark == NULL &&
      !rw_database_exec (self,
                         "INSERT INTO settings (key, value) "
                         "VALUES ('" FILE_MARK_KEY "', lower (hex (randomblob (16))) || ' 0')",
                         error))
    return FALSE;
  self->has_file_mark = TRUE;
  return TRUE;
}

/* The mark (its 32 digits) of @uri as SQLite opened with @flags reads it,
 * or %NULL when it cannot be read: no settings table, no mark, a file
 * that does not open, a lock. */
static char *
read_file_mark (const char *uri,
                int         flags)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *mark = NULL;

  if (sqlite3_open_v2 (uri, &db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK &&
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, 1000) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT value FROM settings WHERE key = '" FILE_MARK_KEY "'", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_bytes (stmt, 0) >= 32)
    mark = g_strndup ((const char *) sqlite3_column_text (stmt, 0), 32);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mark;
}

/* Before the journal is opened to write: a -wal beside it whose pages
 * carry another file's mark is moved aside, kept, and the journal opened
 * as its own file holds it. Any doubt (a mark that cannot be read on
 * either side) leaves the -wal where it is, for SQLite: a -wal left by a
 * crash holds saves that were reported done. */
static void
set_aside_foreign_wal (RwDatabase *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *with_wal_uri = NULL;
  g_autofree char *own = NULL;
  g_autofree char *in_wal = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;
  GStatBuf st;

  /* A header and at least one frame. */
  if (g_stat (wal, &st) != 0 || st.st_size <= 32)
    return;

  escaped = g_uri_escape_string (self->path, "/", FALSE);
  file_uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  with_wal_uri = g_strconcat ("file:", escaped, NULL);
  own = read_file_mark (file_uri, SQLITE_OPEN_READONLY);
  if (own == NULL)
    return;
  in_wal = read_file_mark (with_wal_uri, SQLITE_OPEN_READONLY);
  if (in_wal == NULL || strcmp (own, in_wal) == 0)
    return;

  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  aside = g_strdup_printf ("%s-wal.not-this-journal-%s", self->path, stamp);
  if (g_rename (wal, aside) != 0)
    {
      g_warning ("Could not move aside %s, which is not this journal's: %s", wal,
                 g_strerror (errno));
      return;
    }
  g_chmod (aside, 0600);
  g_debug ("Moved %s aside to %s: its pages were written for another file", wal, aside);
  g_free (self->set_aside_wal);
  self->set_aside_wal = g_steal_pointer (&aside);
}

/**
 * rw_database_get_set_aside_wal:
 * @self: a #RwDatabase
 *
 * When the journal opened, a `journal.db-wal` beside it had been written
 * for another file (another journal, or the journal before a backup was
 * copied over it by hand) and would have mixed the two: it was moved
 * aside, untouched, to the file named here.
 *
 * Returns: (nullable): where it is now, or %NULL
 */
const char *
rw_database_get_set_aside_wal (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);
  return self->set_aside_wal;
}

/**
 * rw_database_describe_set_aside_wal:
 * @self: a #RwDatabase
 *
 * Returns: (transfer full) (nullable): what to tell the person about
 *   rw_database_get_set_aside_wal(), or %NULL
 */
char *
rw_database_describe_set_aside_wal (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);

  if (self->set_aside_wal == NULL)
    return NULL;
  return g_strdup_printf (_("The file journal.db-wal beside your journal was written for another "
                            "journal file (one copied in by hand, or this journal before "
                            "journal.db was replaced), so Rewire did not lay it over yours: your "
                            "journal opened as journal.db holds it. The other file is kept as %s; "
                            "delete it once you have checked that nothing is missing."),
                         self->set_aside_wal);
}

/* Copies the journal, through SQLite's backup API so that pages still in
 * the -wal are included, into a private temporary file beside @path that
 * is synced and then renamed: the copy is either whole or absent. */
static gboolean
copy_to (RwDatabase  *self,
         const char  *path,
         const char  *doing,
         GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc, fd;

  g_unlink (tmp);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RW_DATABASE_ERROR,
                   code_for_errno (saved),
                   _("Could not %s: %s. Nothing was changed. Free some space or check the "
                     "folder's permissions, then try again."),
                   doing, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (copy);
    }
  /* A copy is a file of its own: a -wal of the journal must not be taken
   * as the copy's when it is put back by hand (see FILE_MARK_KEY). */
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_exec (copy, NEW_FILE_MARK_SQL, NULL, NULL, NULL);
      /* Before version 4 there is no settings table, and no mark. */
      if (rc == SQLITE_ERROR)
        rc = SQLITE_OK;
    }
  sqlite3_close (copy);

  if (rc == SQLITE_OK)
    {
      fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0 || fsync (fd) != 0)
        rc = SQLITE_IOERR;
      if (fd >= 0)
        close (fd);
    }

  if (rc != SQLITE_OK || g_rename (tmp, path) != 0)
    {
      g_unlink (tmp);
      set_error (self, rc != SQLITE_OK ? rc : SQLITE_IOERR, doing,
                 sqlite3_errstr (rc != SQLITE_OK ? rc : SQLITE_IOERR), error);
      return FALSE;
    }

  /* And the rename itself on the disk. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

static gboolean
take_snapshot (RwDatabase  *self,
               GError     **error)
{
  g_autofree char *path = rw_database_get_snapshot_path (self);

  return copy_to (self, path, _("keep a copy of the journal before updating it"), error);
}

/**
 * rw_database_backup_to:
 * @self: a #RwDatabase
 * @path: the file to write (0600), replaced only once the copy is whole
 * @error: return location for a #GError
 *
 * Copies the whole journal, what is still in its write-ahead log
 * included, through SQLite's backup API: a copy that Rewire (or sqlite3)
 * opens as it is.
 */
gboolean
rw_database_backup_to (RwDatabase  *self,
                       const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                           _("The journal is closed."));
      return FALSE;
    }
  return copy_to (self, path, _("make a backup of the journal"), error);
}

/**
 * rw_database_remove_snapshot:
 * @self: a #RwDatabase
 *
 * Removes the copy kept by an upgrade, once a start-up has succeeded.
 *
 * Returns: %TRUE if there was one
 */
gboolean
rw_database_remove_snapshot (RwDatabase *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);

  if (self->upgrade_pending)
    return FALSE;
  path = rw_database_get_snapshot_path (self);
  return g_unlink (path) == 0;
}

/**
 * rw_database_connect:
 * @path: a journal's file
 * @writable: whether the connection will write
 * @error: return location for a #GError
 *
 * A connection of its own for a worker thread (a search, a purge), with
 * the pragmas of the main one. Close it with sqlite3_close() in the same
 * thread.
 *
 * Returns: (transfer full) (nullable): the connection
 */
sqlite3 *
rw_database_connect (const char  *path,
                     gboolean     writable,
                     GError     **error)
{
  sqlite3 *db = NULL;
  int flags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
              SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  rw_vfs_ensure ();
  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (db, writable ? "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                                        "PRAGMA secure_delete = ON;"
                                      : "PRAGMA query_only = ON;",
                         NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                   _("Could not open the journal %s: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static char *
import_marker_path (RwDatabase *self)
{
  return g_build_filename (self->data_dir, IMPORT_MARKER_NAME, NULL);
}

/* TRUE when another living process says it is importing into this
 * journal. A marker left by an import that was killed names a process
 * that is gone, and is ignored. */
static gboolean
import_running_elsewhere (RwDatabase *self)
{
  g_autofree char *path = import_marker_path (self);
  g_autofree char *text = NULL;
  gint64 pid;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  pid = g_ascii_strtoll (text, NULL, 10);
  if (pid <= 0 || pid > G_MAXINT || pid == getpid ())
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* SQLite's busy handler: the journal is locked by another connection.
 * Like sqlite3_busy_timeout(), it gives up after BUSY_TIMEOUT_MS; but
 * when an import runs elsewhere and this connection was told to wait for
 * one (the command line), it says so once and waits for it to end. */
static int
busy_cb (void *data,
         int   count)
{
  RwDatabase *self = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    {
      self->busy_since = now;
      self->told_waiting = FALSE;
    }
  if (now - self->busy_since < BUSY_TIMEOUT_MS * (gint64) 1000)
    {
      g_usleep (MIN (1000 << MIN (count, 6), 50000));
      return 1;
    }
  if (self->wait_func == NULL || now - self->busy_since > IMPORT_WAIT_MAX_US ||
      !import_running_elsewhere (self))
    return 0;
  if (!self->told_waiting)
    {
      self->told_waiting = TRUE;
      self->wait_func (self, self->wait_data);
    }
  g_usleep (100000);
  return 1;
}

/**
 * rw_database_set_wait_func:
 * @self: a #RwDatabase
 * @func: (nullable): called once when a write starts waiting for an
 *   import that runs in another process
 * @data: for @func
 *
 * Makes writes wait for an import running elsewhere (up to half an hour)
 * instead of giving up after a few seconds: for the command line, which
 * can wait. The window does not wait, so that it never freezes.
 */
void
rw_database_set_wait_func (RwDatabase         *self,
                           RwDatabaseWaitFunc  func,
                           gpointer            data)
{
  g_return_if_fail (RW_IS_DATABASE (self));

  self->wait_func = func;
  self->wait_data = data;
}

/**
 * rw_database_mark_import:
 * @self: a #RwDatabase
 * @importing: whether an import starts or ends
 *
 * Leaves (or removes) the marker that tells a command blocked by this
 * import why, so that it waits instead of giving up.
 */
void
rw_database_mark_import (RwDatabase *self,
                         gboolean    importing)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RW_IS_DATABASE (self));

  path = import_marker_path (self);
  if (importing)
    {
      g_autofree char *pid = g_strdup_printf ("%d\n", (int) getpid ());

      /* Only a hint: an import goes on without it. */
      g_file_set_contents_full (path, pid, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
    }
  else
    g_unlink (path);
}

/* What opening does once the file is known to be a Rewire journal (or
 * new): when it must change the file, it first checks the whole file, so
 * that a damaged one is refused untouched, and keeps a snapshot of a
 * journal about to be migrated. */
static gboolean
finish_open (RwDatabase  *self,
             GError     **error)
{
  g_autofree char *journal_mode = NULL;
  int rc;

  if (self->upgrade_pending)
    {
      g_autofree char *verdict = NULL;
      g_autoptr(GError) check_error = NULL;

      if (!rw_database_quick_check (self, &verdict, &check_error) ||
          g_strcmp0 (verdict, "ok") != 0)
        {
          /* The first problem is enough for a message. */
          if (verdict != NULL)
            verdict[strcspn (verdict, "\n")] = '\0';
          g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_CORRUPT,
                       _("The journal %s is damaged (%s). Rewire has not changed it. Restore it "
                         "from a backup, or move it away to start a new journal."),
                       self->path,
                       verdict != NULL ? verdict : check_error->message);
          return FALSE;
        }
    }

  if (self->needs_snapshot && !take_snapshot (self, error))
    return FALSE;

  /* From here on this connection writes: migrations begin transactions. */
  self->upgrade_pending = FALSE;

  make_private (self->path);

  if (!rw_database_exec (self,
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON;",
                         error))
    return FALSE;

  {
    sqlite3_stmt *stmt = NULL;

    rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        rc = SQLITE_OK;
      }
    sqlite3_finalize (stmt);
    if (rc != SQLITE_OK)
      {
        rw_database_set_error (self, rc, _("open the journal"), error);
        return FALSE;
      }
    if (g_strcmp0 (journal_mode, "wal") != 0)
      {
        set_error (self, SQLITE_READONLY, _("open the journal"),
                   _("write-ahead logging could not be switched on"), error);
        return FALSE;
      }
  }

  if (!migrate (self, self->target_version, error) ||
      !ensure_file_mark (self, error))
    return FALSE;

  {
    g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

    make_private (wal);
    make_private (shm);
  }

  if (!query_int (self, "PRAGMA data_version", &self->data_version,
                  _("read the journal"), error))
    return FALSE;

  self->upgrade_pending = FALSE;
  self->needs_snapshot = FALSE;
  return TRUE;
}

/**
 * rw_database_open:
 * @data_dir: the folder that holds (or will hold) `journal.db`
 * @error: return location for a #GError
 *
 * Opens the journal, creating the folder (0700) and the file (0600) when
 * they do not exist, and brings its schema up to date.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set
 */
RwDatabase *
rw_database_open (const char  *data_dir,
                  GError     **error)
{
  return rw_database_open_full (data_dir, RW_DATABASE_SCHEMA_VERSION, RW_DATABASE_OPEN_DEFAULT,
                                error);
}

/**
 * rw_database_open_at_version:
 * @data_dir: the folder that holds (or will hold) `journal.db`
 * @version: the schema version to migrate to, at most
 *   %RW_DATABASE_SCHEMA_VERSION
 * @error: return location for a #GError
 *
 * Like rw_database_open() but stops migrating at @version; for tests of
 * the upgrade path.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set
 */
RwDatabase *
rw_database_open_at_version (const char  *data_dir,
                             int          version,
                             GError     **error)
{
  return rw_database_open_full (data_dir, version, RW_DATABASE_OPEN_DEFAULT, error);
}

/* Opens the file check_header() let through and makes it ready: every
 * check that needs SQLite, then the writes opening may do. */
static gboolean
open_checked (RwDatabase           *self,
              gboolean              is_new,
              gboolean              is_wal,
              RwDatabaseOpenFlags   flags,
              GError              **error)
{
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 tables = 0;
  int version = self->target_version;
  gboolean read_only = (flags & RW_DATABASE_OPEN_READ_ONLY) != 0;
  int rc;

  if (read_only)
    {
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = NULL;
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      GStatBuf st;

      /* Immutable: SQLite reads the file as it is and makes no -shm,
       * which a read-only folder cannot hold; it would not read a -wal,
       * so a journal with changes still in one is not opened this way. */
      if (g_stat (wal, &st) == 0 && st.st_size > 0)
        {
          g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                       _("The journal %s is in a folder that cannot be written, and its latest "
                         "changes are still in journal.db-wal, which can only be read where the "
                         "folder can be written. Copy the folder to a disk you can write to, "
                         "then open it there."),
                       self->path);
          return FALSE;
        }
      uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
      rc = sqlite3_open_v2 (uri, &self->db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
    }
  else
    {
      set_aside_foreign_wal (self);
      rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                            NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->db, TRUE);
      sqlite3_busy_handler (self->db, busy_cb, self);
    }
  else
    rw_database_set_error (self, rc, _("open the journal"), error);

  /* Reading the schema makes SQLite parse the first page: a damaged file
   * fails here, before anything is written. */
  if (rc != SQLITE_OK ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &tables,
                  _("read the journal"), error) ||
      !query_int (self, "PRAGMA application_id", &application_id,
                  _("read the journal"), error) ||
      !query_int (self, "PRAGMA user_version", &user_version,
                  _("read the journal"), error))
    return FALSE;

  if (application_id != 0 && application_id != RW_DATABASE_APPLICATION_ID)
    {
      refuse_foreign (self, error);
      return FALSE;
    }

  if (application_id == RW_DATABASE_APPLICATION_ID && user_version > RW_DATABASE_SCHEMA_VERSION)
    {
      /* No format macro inside a msgid: the number is formatted first. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, user_version);

      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_TOO_NEW,
                   _("The journal %s was written by a newer version of Rewire (schema %s; "
                     "this version knows schemas up to %d). Rewire has not changed it. Update "
                     "Rewire to open it."),
                   self->path, found, RW_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  /* A Rewire journal always carries our id together with its version; a
   * file without the id must be empty in every way to be taken as new. */
  if (user_version < 0 || (application_id == 0 && user_version != 0))
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_REWIRE,
                   _("%s is not a Rewire journal (its version header is foreign). Rewire has "
                     "not changed it. Move it away, or choose another folder with --data-dir."),
                   self->path);
      return FALSE;
    }

  if (application_id == 0 && tables > 0)
    {
      refuse_foreign (self, error);
      return FALSE;
    }

  if (read_only)
    {
      if (application_id == 0 || user_version != version)
        {
          g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY,
                       _("The journal %s is in a folder that cannot be written, and it must be "
                         "updated before this version of Rewire can read it. Copy the folder "
                         "to a disk you can write to, then open it there."),
                       self->path);
          return FALSE;
        }
      self->schema_version = user_version;
      return query_int (self, "PRAGMA data_version", &self->data_version,
                        _("read the journal"), error);
    }

  /* Opening writes to an existing file only to adopt it, to switch it to
   * WAL or to migrate it. */
  self->upgrade_pending = !is_new && (application_id == 0 || !is_wal || user_version < version);
  self->needs_snapshot = !is_new && application_id != 0 && user_version < version;
  self->schema_version = user_version;

  if (self->upgrade_pending && (flags & RW_DATABASE_OPEN_DEFER_UPGRADE) != 0)
    {
      /* Reads work as they are; the check, the snapshot and the writes
       * happen in rw_database_upgrade(). */
      if (!rw_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;", error) ||
          !query_int (self, "PRAGMA data_version", &self->data_version,
                      _("read the journal"), error))
        return FALSE;
      return TRUE;
    }

  return finish_open (self, error);
}

/**
 * rw_database_open_full:
 * @data_dir: the folder that holds (or will hold) `journal.db`
 * @version: the schema version to migrate to, at most
 *   %RW_DATABASE_SCHEMA_VERSION
 * @flags: %RW_DATABASE_OPEN_DEFER_UPGRADE to leave an existing journal
 *   that needs changing (a migration, a switch to write-ahead logging)
 *   exactly as it is, for rw_database_upgrade() to do later, off the
 *   thread that shows the window
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set
 */
RwDatabase *
rw_database_open_full (const char          *data_dir,
                       int                  version,
                       RwDatabaseOpenFlags  flags,
                       GError             **error)
{
  g_autoptr(RwDatabase) self = NULL;
  g_autofree char *real_dir = NULL;
  gboolean is_new = FALSE;
  gboolean is_wal = FALSE;
  gboolean created = FALSE;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= RW_DATABASE_SCHEMA_VERSION, NULL);

  rw_vfs_ensure ();
  self = g_object_new (RW_TYPE_DATABASE, NULL);
  self->target_version = version;

  if ((flags & RW_DATABASE_OPEN_READ_ONLY) == 0 && g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RW_DATABASE_ERROR,
                   code_for_errno (saved),
                   _("Could not create the folder %s: %s. Check its permissions, or choose "
                     "another folder with --data-dir."),
                   data_dir, g_strerror (saved));
      return NULL;
    }

  /* SQLITE_OPEN_NOFOLLOW refuses a link anywhere in the path, the folders
   * above included, so the journal is opened by its folder's real path:
   * the check below then only has the journal's own files to look at, and
   * a link put in their place after it is still refused by SQLite. */
  real_dir = realpath (data_dir, NULL);
  if (real_dir == NULL)
    {
      int saved = errno;
      g_set_error (error, RW_DATABASE_ERROR,
                   code_for_errno (saved),
                   _("Could not open the folder %s: %s. Check its permissions, or choose "
                     "another folder with --data-dir."),
                   data_dir, g_strerror (saved));
      return NULL;
    }
  self->data_dir = g_strdup (real_dir);
  self->path = g_build_filename (real_dir, RW_DATABASE_FILE_NAME, NULL);

  if (!refuse_links (self, error) ||
      !check_header (self, &is_new, &is_wal, error))
    return NULL;

  if (is_new && (flags & RW_DATABASE_OPEN_READ_ONLY) != 0)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                   _("There is no journal in %s."), self->data_dir);
      return NULL;
    }
  if (is_new && !create_private_file (self->path, &created, error))
    return NULL;

  if (!open_checked (self, is_new, is_wal, flags, error))
    {
      /* A journal made by this call that did not open holds nothing of
       * the person's; left empty, it would only puzzle whoever finds it. */
      if (created)
        {
          static const char * const suffixes[] = { "-wal", "-shm" };

          g_clear_pointer (&self->db, sqlite3_close);
          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *path = g_strconcat (self->path, suffixes[i], NULL);

              g_unlink (path);
            }
          g_unlink (self->path);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * rw_database_needs_upgrade:
 * @self: a #RwDatabase
 *
 * Returns: %TRUE if it was opened with %RW_DATABASE_OPEN_DEFER_UPGRADE and
 *   must be upgraded with rw_database_upgrade() before anything is written
 */
gboolean
rw_database_needs_upgrade (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);
  return self->upgrade_pending;
}

/**
 * rw_database_upgrade:
 * @self: a #RwDatabase opened with %RW_DATABASE_OPEN_DEFER_UPGRADE
 * @error: return location for a #GError
 *
 * Checks the whole file, keeps a snapshot of it beside the journal (see
 * rw_database_get_snapshot_path()), then migrates it. May run in another
 * thread as long as nothing else uses @self meanwhile. A damaged journal
 * is refused and left as it is.
 *
 * Returns: %TRUE if the journal is ready for writing
 */
gboolean
rw_database_upgrade (RwDatabase  *self,
                     GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);

  if (!self->upgrade_pending)
    return TRUE;
  return finish_open (self, error);
}

const char *
rw_database_get_data_dir (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);
  return self->data_dir;
}

const char *
rw_database_get_path (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);
  return self->path;
}

int
rw_database_get_schema_version (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), 0);
  return self->schema_version;
}

/**
 * rw_database_get_handle:
 * @self: a #RwDatabase
 *
 * For the core only: widgets never run SQL.
 *
 * Returns: (transfer none): the SQLite connection
 */
sqlite3 *
rw_database_get_handle (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);
  return self->db;
}

sqlite3_stmt *
rw_database_prepare (RwDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error_literal (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                           _("The journal is closed."));
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rw_database_set_error (self, rc, _("read the journal"), error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
rw_database_exec (RwDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rw_database_set_error (self, rc, _("update the journal"), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * rw_database_write:
 * @self: a #RwDatabase
 * @func: the writes, run inside the transaction
 * @data: passed to @func
 * @error: return location for a #GError
 *
 * Runs @func in one write transaction: committed when it returns %TRUE,
 * rolled back (nothing changed) when it or the commit fails. A successful
 * commit that changed any row emits #RwDatabase::changed. The one way
 * the core opens a write transaction.
 *
 * Returns: %TRUE if everything was written
 */
/* The one place a write transaction is opened: BEGIN IMMEDIATE, so that
 * a lock held by another process is reported here and not half-way
 * through; rolled back when @func or the commit fails. */
/* Inside a write transaction that changed rows: the page with the file's
 * mark goes into the -wal with them. */
static gboolean
bump_file_mark (RwDatabase     *self,
                sqlite3_int64   changes_before,
                GError        **error)
{
  sqlite3_stmt *stmt;

  if (!self->has_file_mark || sqlite3_total_changes64 (self->db) == changes_before)
    return TRUE;
  stmt = rw_database_prepare (self, BUMP_FILE_MARK_SQL, error);
  return stmt != NULL && rw_database_step_done (self, stmt, _("save the changes"), error);
}

static gboolean
run_transaction (RwDatabase   *self,
                 RwWriteFunc   func,
                 gpointer      data,
                 gboolean     *changed,
                 GError      **error)
{
  sqlite3_int64 changes_before;
  gboolean ok;

  g_assert (!self->in_transaction);

  if (self->upgrade_pending)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_LOCKED,
                   _("The journal %s is being updated. Try again in a moment."), self->path);
      return FALSE;
    }

  if (!rw_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  changes_before = sqlite3_total_changes64 (self->db);

  ok = func (self, data, error);
  if (ok && changed != NULL)
    *changed = sqlite3_total_changes64 (self->db) != changes_before;
  if (!ok || !bump_file_mark (self, changes_before, error) ||
      !rw_database_exec (self, "COMMIT", error))
    {
      if (sqlite3_get_autocommit (self->db) == 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->in_transaction = FALSE;
      return FALSE;
    }

  self->in_transaction = FALSE;
  return TRUE;
}

gboolean
rw_database_write (RwDatabase   *self,
                   RwWriteFunc   func,
                   gpointer      data,
                   GError      **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                           _("The journal is closed."));
      return FALSE;
    }
  if (!run_transaction (self, func, data, &changed, error))
    return FALSE;

  /* A transaction that changed no row (an import of rows all there
   * already) has nothing for the models to read again. */
  if (changed)
    rw_database_emit_changed (self);
  return TRUE;
}

/**
 * rw_database_step_done:
 * @self: a #RwDatabase
 * @stmt: a statement of @self that returns no rows, its values bound
 * @doing: what it does, completing "Could not …", e.g. "save the tags"
 * @error: return location for a #GError
 *
 * Runs @stmt to completion and resets it, so that it can be bound again
 * and holds no transaction open.
 *
 * Returns: %TRUE if it ran; %FALSE with @error set as
 *   rw_database_set_error() does
 */
typedef struct
{
  sqlite3_stmt *stmt;
  const char *doing;
} StepDone;

static gboolean
step_done_cb (RwDatabase  *self,
              StepDone    *step,
              GError     **error)
{
  return rw_database_step_done (self, step->stmt, step->doing, error);
}

gboolean
rw_database_step_done (RwDatabase    *self,
                       sqlite3_stmt  *stmt,
                       const char    *doing,
                       GError       **error)
{
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  /* A write of its own (a draft, a setting) is a transaction too, so
   * that its -wal pages come with the file's mark. */
  if (!self->in_transaction && self->has_file_mark && !sqlite3_stmt_readonly (stmt) &&
      sqlite3_get_autocommit (self->db))
    {
      StepDone step = { stmt, doing };

      return run_transaction (self, (RwWriteFunc) step_done_cb, &step, NULL, error);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (self, rc, doing, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
rw_database_in_transaction (RwDatabase *self)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);
  return self->in_transaction;
}

/**
 * rw_database_quick_check:
 * @self: a #RwDatabase
 * @result: (out) (transfer full): "ok", or SQLite's list of problems
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the check ran; see @result for its verdict
 */
gboolean
rw_database_quick_check (RwDatabase  *self,
                         char       **result,
                         GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (self, rc, _("check the journal"), error);
      return FALSE;
    }

  *result = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/**
 * rw_database_poll_changes:
 * @self: a #RwDatabase
 *
 * Looks whether another connection (the command line, another window)
 * committed since the last look, and emits #RwDatabase::changed if so.
 * Cheap enough to call once a second.
 *
 * Returns: %TRUE if something changed
 */
gboolean
rw_database_poll_changes (RwDatabase *self)
{
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);

  if (self->in_transaction)
    return FALSE;

  if (!query_int (self, "PRAGMA data_version", &version, "poll", &error))
    {
      g_debug ("Could not poll for changes: %s", error->message);
      return FALSE;
    }

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * rw_database_emit_changed:
 * @self: a #RwDatabase
 *
 * Called by writers of the core after a successful commit.
 */
void
rw_database_emit_changed (RwDatabase *self)
{
  g_return_if_fail (RW_IS_DATABASE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * rw_database_get_setting:
 * @self: a #RwDatabase
 * @key: the setting
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): its value, or %NULL (without an
 *   error) when it was never set
 */
char *
rw_database_get_setting (RwDatabase  *self,
                         const char  *key,
                         GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return rw_database_read_text (self, "SELECT value FROM settings WHERE key = ?1", key,
                                _("read the journal"), error);
}

/**
 * rw_database_read_text:
 * @self: a #RwDatabase
 * @sql: a query of one text column with the parameter ?1
 * @key: the text bound to ?1
 * @action: what was being done, for a message ("read the draft")
 * @error: return location for a #GError
 *
 * Reads one value by its key: a setting, a draft.
 *
 * Returns: (transfer full) (nullable): the first row's value, or %NULL
 *   (without an error) when there is no row
 */
char *
rw_database_read_text (RwDatabase  *self,
                       const char  *sql,
                       const char  *key,
                       const char  *action,
                       GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  stmt = rw_database_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    rw_database_set_error (self, rc, action, error);
  return NULL;
}

/**
 * rw_database_set_setting:
 * @self: a #RwDatabase
 * @key: the setting
 * @value: its new value
 * @error: return location for a #GError
 *
 * Stores @value in one statement of its own (as a draft is kept): a
 * setting changes nothing the views show, so no #RwDatabase::changed.
 */
gboolean
rw_database_set_setting (RwDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = rw_database_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return rw_database_step_done (self, stmt, _("save a setting"), error);
}
