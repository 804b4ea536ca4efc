/* rw-history-model.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-history-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rw-check-in-sql.h"
#include "rw-date.h"
#include "rw-history-model.h"
#include "rw-journal-private.h"
#include "rw-search.h"

/**
 * RwHistoryModel:
 *
 * The journal's history as one flat #GListModel: an #RwDayHeader before
 * each day's #RwCheckIn items, newest first. GTK 4.8 has no list sections,
 * so the list view shows this model and picks a row widget by item type.
 *
 * The model holds a window of whole days, not the whole journal: it
 * starts empty, and the view asks for more with
 * rw_history_model_load_older() as the person scrolls (and
 * rw_history_model_load_newer() after a jump). GtkListView keeps a row
 * widget for every item up to 200, so a short model is what keeps the
 * window quick to open at any journal size. Without a filter each page is
 * one indexed range query; with a search or a tag every match is found
 * once, in a worker thread with its own connection, and the window moves
 * over that list. After each change the model compares its new items with
 * the old ones and announces only the range that differs.
 */

typedef struct
{
  gint64 rowid;
  gint64 modified;
  gint64 created;
  guint32 day;      /* julian */
  guint32 minute;   /* since midnight */
} Key;

typedef enum
{
  ENTRY_HEADER,
  ENTRY_CHECK_IN,
} EntryKind;

typedef struct
{
  EntryKind kind;
  guint32 day;
  guint32 n;         /* header: check-ins of the day in the window */
  gint64 rowid;      /* check-in */
  gint64 modified;   /* check-in; header: mean mood × 1000, or -1 */
} Entry;

struct _RwHistoryModel
{
  GObject parent_instance;

  RwJournal *journal;
  RwDatabase *db;
  char *search;
  char *tag;

  GArray *keys;          /* Key: the check-ins in the window, newest first */
  GArray *entries;       /* Entry: what the model shows */
  GHashTable *means;     /* day -> double *: mean mood, or -1 */
  GHashTable *headers;   /* day -> RwDayHeader */
  GHashTable *objects;   /* rowid -> RwCheckIn */

  GArray *matches;       /* Key: every match of the filter, newest first; NULL without one */
  guint match_start;     /* the window is matches[match_start, match_start + keys->len) */
  GCancellable *cancellable;
  guint first_page;

  guint more_older : 1;
  guint more_newer : 1;
  guint loading : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RwHistoryModel, rw_history_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_TAG,
  PROP_LOADING,
  PROP_N_MATCHES,
  PROP_MORE_OLDER,
  PROP_MORE_NEWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define KEY_COLUMNS "c.id, c.modified, c.created, c.date, c.time"
#define ORDER_DESC " ORDER BY c.date DESC, c.time DESC, c.created DESC, c.id DESC"
#define ORDER_ASC " ORDER BY c.date ASC, c.time ASC, c.created ASC, c.id ASC"
#define OBJECT_CACHE_LIMIT 4096
#define DEFAULT_FIRST_PAGE 12
#define MAX_FIRST_PAGE 40

static Key
key_from_row (sqlite3_stmt *stmt)
{
  int hour = 0, minute = 0;
  Key key;

  key.rowid = sqlite3_column_int64 (stmt, 0);
  key.modified = sqlite3_column_int64 (stmt, 1);
  key.created = sqlite3_column_int64 (stmt, 2);
  key.day = rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 3));
  rw_time_parse ((const char *) sqlite3_column_text (stmt, 4), &hour, &minute);
  key.minute = hour * 60 + minute;
  return key;
}

/* Newest first: negative when @a comes before @b in the history. */
static int
key_compare (const Key *a,
             const Key *b)
{
  if (a->day != b->day)
    return a->day > b->day ? -1 : 1;
  if (a->minute != b->minute)
    return a->minute > b->minute ? -1 : 1;
  if (a->created != b->created)
    return a->created > b->created ? -1 : 1;
  if (a->rowid != b->rowid)
    return a->rowid > b->rowid ? -1 : 1;
  return 0;
}

/* Binds @key as (:dateS, :timeS, :createdS, :idS), S being @suffix, for a
 * row-value comparison with (c.date, c.time, c.created, c.id), the order
 * of the index. */
static void
bind_key_named (sqlite3_stmt *stmt,
                const Key    *key,
                const char   *suffix)
{
  const char *names[] = { ":date", ":time", ":created", ":id" };
  int index[G_N_ELEMENTS (names)];
  char date[RW_DATE_ISO_SIZE], time[6];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (names[i], suffix, NULL);

      index[i] = sqlite3_bind_parameter_index (stmt, name);
    }
  rw_date_write_iso (key->day, date);
  g_snprintf (time, sizeof time, "%02u:%02u", key->minute / 60, key->minute % 60);
  sqlite3_bind_text (stmt, index[0], date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, index[1], time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, index[2], key->created);
  sqlite3_bind_int64 (stmt, index[3], key->rowid);
}

static void
bind_key (sqlite3_stmt *stmt,
          const Key    *key)
{
  bind_key_named (stmt, key, "");
}

/* A key after every check-in of @day: older ones compare below it. */
static Key
key_end_of_day (guint32 day)
{
  Key key = { G_MAXINT64, 0, G_MAXINT64, day, 24 * 60 };

  return key;
}

static gboolean
step_keys (RwHistoryModel *self,
           sqlite3_stmt   *stmt,
           GArray         *out)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Key key = key_from_row (stmt);

      g_array_append_val (out, key);
    }
  if (rc != SQLITE_DONE)
    {
      g_debug ("Could not read the history: %s", sqlite3_errmsg (rw_database_get_handle (self->db)));
      return FALSE;
    }
  return TRUE;
}

/* Appends to @out the rest of @last's day beyond @last: older check-ins,
 * newest first, or newer ones, oldest first. A day is never split. */
static gboolean
complete_day (RwHistoryModel *self,
              const Key      *last,
              gboolean        older,
              GArray         *out)
{
  g_autoptr(RwStmt) stmt = NULL;

  stmt = rw_database_prepare (self->db,
                              older
                              ? "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0 "
                                "AND c.date = :date AND (c.time, c.created, c.id) < (:time, :created, :id)"
                                ORDER_DESC
                              : "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0 "
                                "AND c.date = :date AND (c.time, c.created, c.id) > (:time, :created, :id)"
                                ORDER_ASC,
                              NULL);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, last);
  return step_keys (self, stmt, out);
}

/* Appends to @out up to @limit check-ins beyond @edge (from the newest, or
 * the oldest, when @edge is %NULL), then the rest of the last one's day:
 * older ones newest first, or newer ones oldest first. */
static gboolean
fetch (RwHistoryModel *self,
       const Key      *edge,
       gboolean        older,
       guint           limit,
       GArray         *out)
{
  g_autoptr(RwStmt) stmt = NULL;
  const char *sql;
  guint first = out->len;
  Key last;

  if (older)
    sql = edge != NULL
          ? "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0 "
            "AND (c.date, c.time, c.created, c.id) < (:date, :time, :created, :id)"
            ORDER_DESC " LIMIT :limit"
          : "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0" ORDER_DESC " LIMIT :limit";
  else
    sql = edge != NULL
          ? "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0 "
            "AND (c.date, c.time, c.created, c.id) > (:date, :time, :created, :id)"
            ORDER_ASC " LIMIT :limit"
          : "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0" ORDER_ASC " LIMIT :limit";

  stmt = rw_database_prepare (self->db, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  if (edge != NULL)
    bind_key (stmt, edge);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  if (!step_keys (self, stmt, out))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_reset);

  if (out->len == first)
    return TRUE;

  last = g_array_index (out, Key, out->len - 1);
  return complete_day (self, &last, older, out);
}

static gboolean
fetch_older (RwHistoryModel *self,
             const Key      *edge,
             guint           limit,
             GArray         *out)
{
  return fetch (self, edge, TRUE, limit, out);
}

static gboolean
fetch_newer (RwHistoryModel *self,
             const Key      *edge,
             guint           limit,
             GArray         *out)
{
  return fetch (self, edge, FALSE, limit, out);
}

/* Whether a visible check-in lies beyond @edge (older, or newer). */
static gboolean
exists_beyond (RwHistoryModel *self,
               const Key      *edge,
               gboolean        older)
{
  g_autoptr(RwStmt) stmt = NULL;

  stmt = rw_database_prepare (self->db,
                              older
                              ? "SELECT 1 FROM check_ins c WHERE c.hidden = 0 AND "
                                "(c.date, c.time, c.created, c.id) < (:date, :time, :created, :id) LIMIT 1"
                              : "SELECT 1 FROM check_ins c WHERE c.hidden = 0 AND "
                                "(c.date, c.time, c.created, c.id) > (:date, :time, :created, :id) LIMIT 1",
                              NULL);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, edge);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The day's mean of mood, over every visible check-in of the day (a
 * search narrows the rows shown, not what the day was like), or -1. */
static double
read_day_mean (RwDatabase *db,
               guint32     day)
{
  g_autoptr(RwStmt) stmt = NULL;
  char date[RW_DATE_ISO_SIZE];

  stmt = rw_database_prepare (db, "SELECT avg (mood) FROM check_ins "
                                  "WHERE hidden = 0 AND date = :date", NULL);
  if (stmt == NULL)
    return -1;
  rw_date_write_iso (day, date);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return sqlite3_column_double (stmt, 0);
  return -1;
}

/* Day means of @keys missing from @means, read from @db. */
static void
read_means (RwDatabase *db,
            GArray     *keys,
            GHashTable *means)
{
  guint32 last_day = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      guint32 day = g_array_index (keys, Key, i).day;
      double *mean;

      if (day == last_day || g_hash_table_contains (means, GUINT_TO_POINTER (day)))
        continue;
      last_day = day;
      mean = g_new (double, 1);
      *mean = read_day_mean (db, day);
      g_hash_table_insert (means, GUINT_TO_POINTER (day), mean);
    }
}

static void
ensure_means (RwHistoryModel *self)
{
  read_means (self->db, self->keys, self->means);
}

static GArray *
build_entries (RwHistoryModel *self)
{
  guint n = self->keys->len;
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n + n / 2 + 1);
  guint header_index = 0;

  for (guint i = 0; i < n; i++)
    {
      const Key *key = &g_array_index (self->keys, Key, i);
      Entry entry = { ENTRY_CHECK_IN, key->day, 0, key->rowid, key->modified };

      if (entries->len == 0 || g_array_index (entries, Entry, header_index).day != key->day)
        {
          double *mean = g_hash_table_lookup (self->means, GUINT_TO_POINTER (key->day));
          Entry header = { ENTRY_HEADER, key->day, 0, 0, -1 };

          if (mean != NULL && *mean >= 0)
            header.modified = llround (*mean * 1000);
          g_array_append_val (entries, header);
          header_index = entries->len - 1;
        }
      g_array_append_val (entries, entry);
      g_array_index (entries, Entry, header_index).n++;
    }

  return entries;
}

static gboolean
entry_equal (const Entry *a,
             const Entry *b)
{
  return a->kind == b->kind && a->day == b->day && a->n == b->n &&
         a->rowid == b->rowid && a->modified == b->modified;
}

/* Shows what self->keys now holds, announcing only what differs. */
static void
apply (RwHistoryModel *self)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->entries);
  GArray *entries;
  guint prefix = 0, suffix = 0, n_old, n_new;

  ensure_means (self);
  entries = build_entries (self);
  self->entries = entries;
  n_old = old->len;
  n_new = entries->len;

  while (prefix < n_old && prefix < n_new &&
         entry_equal (&g_array_index (old, Entry, prefix), &g_array_index (entries, Entry, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         entry_equal (&g_array_index (old, Entry, n_old - 1 - suffix),
                      &g_array_index (entries, Entry, n_new - 1 - suffix)))
    suffix++;

  for (guint i = prefix; i < n_old - suffix; i++)
    {
      const Entry *entry = &g_array_index (old, Entry, i);

      if (entry->kind == ENTRY_HEADER)
        g_hash_table_remove (self->headers, GUINT_TO_POINTER (entry->day));
    }

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
set_more (RwHistoryModel *self,
          gboolean        older,
          gboolean        newer)
{
  if (self->more_older != !!older)
    {
      self->more_older = !!older;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MORE_OLDER]);
    }
  if (self->more_newer != !!newer)
    {
      self->more_newer = !!newer;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MORE_NEWER]);
    }
}

/* From the in-memory matches: appends [start, start + limit) and the rest
 * of the last day to @out, newest first. Returns the end. */
static guint
slice_matches (RwHistoryModel *self,
               guint           start,
               guint           limit,
               GArray         *out)
{
  guint end = MIN (start + limit, self->matches->len);

  while (end > start && end < self->matches->len &&
         g_array_index (self->matches, Key, end).day == g_array_index (self->matches, Key, end - 1).day)
    end++;
  g_array_append_vals (out, &g_array_index (self->matches, Key, start), end - start);
  return end;
}

/* The window starts on a day boundary of the matches. */
static guint
day_start (RwHistoryModel *self,
           guint           index)
{
  while (index > 0 && index < self->matches->len &&
         g_array_index (self->matches, Key, index - 1).day == g_array_index (self->matches, Key, index).day)
    index--;
  return index;
}

/**
 * rw_history_model_load_older:
 * @self: a #RwHistoryModel
 * @n: about how many check-ins to add (whole days are added)
 *
 * Adds older days at the end of the window, as the person scrolls down.
 *
 * Returns: how many check-ins were added
 */
guint
rw_history_model_load_older (RwHistoryModel *self,
                             guint           n)
{
  g_autoptr(GArray) more = g_array_new (FALSE, FALSE, sizeof (Key));

  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), 0);

  if (self->first_page == 0)
    self->first_page = MAX (n, 1);
  if (!self->more_older || self->loading || n == 0)
    return 0;

  if (self->matches != NULL)
    {
      guint end = slice_matches (self, self->match_start + self->keys->len, n, more);

      g_array_append_vals (self->keys, more->data, more->len);
      set_more (self, end < self->matches->len, self->more_newer);
    }
  else
    {
      const Key *edge = self->keys->len > 0 ? &g_array_index (self->keys, Key, self->keys->len - 1)
                                            : NULL;

      if (!fetch_older (self, edge, n, more))
        return 0;
      g_array_append_vals (self->keys, more->data, more->len);
      set_more (self, more->len > 0 &&
                      exists_beyond (self, &g_array_index (self->keys, Key, self->keys->len - 1), TRUE),
                self->more_newer);
    }

  apply (self);
  return more->len;
}

/**
 * rw_history_model_load_newer:
 * @self: a #RwHistoryModel
 * @n: about how many check-ins to add (whole days are added)
 *
 * Adds newer days at the start of the window, after a jump to a date.
 *
 * Returns: how many check-ins were added
 */
guint
rw_history_model_load_newer (RwHistoryModel *self,
                             guint           n)
{
  g_autoptr(GArray) more = g_array_new (FALSE, FALSE, sizeof (Key));
  guint added;

  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), 0);

  if (!self->more_newer || self->loading || n == 0)
    return 0;

  if (self->matches != NULL)
    {
      guint start = day_start (self, self->match_start > n ? self->match_start - n : 0);

      added = self->match_start - start;
      g_array_prepend_vals (self->keys, &g_array_index (self->matches, Key, start), added);
      self->match_start = start;
      set_more (self, self->more_older, start > 0);
    }
  else
    {
      const Key *edge = self->keys->len > 0 ? &g_array_index (self->keys, Key, 0) : NULL;

      if (!fetch_newer (self, edge, n, more))
        return 0;
      added = more->len;
      for (guint i = 0; i < more->len; i++)
        g_array_prepend_val (self->keys, g_array_index (more, Key, i));
      set_more (self, self->more_older,
                added > 0 && exists_beyond (self, &g_array_index (self->keys, Key, 0), FALSE));
    }

  apply (self);
  return added;
}

/* Without a filter: a fresh window of the newest days. */
static void
restart_unfiltered (RwHistoryModel *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  guint page = self->first_page > 0 ? self->first_page : DEFAULT_FIRST_PAGE;

  fetch_older (self, NULL, page, keys);
  g_array_unref (self->keys);
  self->keys = g_steal_pointer (&keys);
  set_more (self,
            self->keys->len > 0 &&
            exists_beyond (self, &g_array_index (self->keys, Key, self->keys->len - 1), TRUE),
            FALSE);
  apply (self);
}

typedef struct
{
  char *path;
  char *data_dir;
  char *sql;
  RwCheckInQuery query;
  char *match;
  char *tag;
  /* What the window showed, to find it again in the new matches */
  gboolean keep_window;
  gboolean at_top;
  Key newest;
  Key oldest;
  /* How many check-ins the first page shows, and what the worker read
   * for them, so that the frame that shows them reads nothing */
  guint page;
  GPtrArray *objects;    /* RwCheckIn */
  GHashTable *means;     /* day -> double * */
} FilterJob;

static void
unref_object_or_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
filter_job_free (FilterJob *job)
{
  g_free (job->path);
  g_free (job->data_dir);
  g_clear_pointer (&job->objects, g_ptr_array_unref);
  g_clear_pointer (&job->means, g_hash_table_unref);
  g_free (job->sql);
  g_free (job->match);
  g_free (job->tag);
  g_free (job);
}

static int
progress_cb (void *data)
{
  /* A newer keystroke cancelled this search: stop SQLite mid-query. */
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* Reads, in the worker, the check-ins of the first page and their days'
 * means, through a journal connection of the worker's own. */
static void
prefetch_first_page (FilterJob *job,
                     GArray    *matches)
{
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GArray) page = NULL;
  guint end;

  if (job->keep_window || matches->len == 0)
    return;

  db = rw_database_open (job->data_dir, NULL);
  if (db == NULL)
    return;

  end = MIN (job->page, matches->len);
  while (end > 0 && end < matches->len &&
         g_array_index (matches, Key, end).day == g_array_index (matches, Key, end - 1).day)
    end++;
  page = g_array_new (FALSE, FALSE, sizeof (Key));
  g_array_append_vals (page, matches->data, end);

  /* In the order of the matches: object i is the check-in of match i. */
  job->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) unref_object_or_null);
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (job->objects,
                     rw_check_in_sql_load_rowid (db, g_array_index (page, Key, i).rowid, NULL));
  job->means = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  read_means (db, page, job->means);
}

static void
filter_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FilterJob *job = task_data;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  db = rw_database_connect (job->path, FALSE, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sqlite3_progress_handler (db, 1000, progress_cb, cancellable);

  rc = sqlite3_prepare_v2 (db, job->sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      job->query.tag = job->tag;
      rw_check_in_sql_bind_filter (stmt, &job->query, job->match);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Key key = key_from_row (stmt);

          g_array_append_val (matches, key);
        }
    }
  sqlite3_finalize (stmt);

  if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else if (rc != SQLITE_DONE)
    g_task_return_new_error (task, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                             _("Could not search the journal: %s"), sqlite3_errmsg (db));
  else
    {
      prefetch_first_page (job, matches);
      g_task_return_pointer (task, g_steal_pointer (&matches), (GDestroyNotify) g_array_unref);
    }
  sqlite3_close (db);
}

static guint
lower_bound (GArray    *keys,
             const Key *key)
{
  guint low = 0, high = keys->len;

  /* The first index whose key is not newer than @key. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (key_compare (&g_array_index (keys, Key, mid), key) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
filter_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RwHistoryModel *self = RW_HISTORY_MODEL (source);
  FilterJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  guint start = 0, count;

  matches = g_task_propagate_pointer (G_TASK (result), &error);
  if (matches == NULL)
    {
      /* Cancelled: a newer search runs, and will finish the job. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("%s", error->message);
      matches = g_array_new (FALSE, FALSE, sizeof (Key));
    }

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = g_steal_pointer (&matches);
  g_array_set_size (self->keys, 0);

  /* What the worker read for the first page. */
  for (guint i = 0; job->objects != NULL && i < job->objects->len && i < self->matches->len; i++)
    {
      RwCheckIn *check_in = g_ptr_array_index (job->objects, i);
      const Key *key = &g_array_index (self->matches, Key, i);

      if (check_in != NULL)
        g_hash_table_replace (self->objects, g_memdup2 (&key->rowid, sizeof key->rowid),
                              g_object_ref (check_in));
    }
  if (job->means != NULL)
    {
      GHashTableIter iter;
      gpointer day, mean;

      g_hash_table_iter_init (&iter, job->means);
      while (g_hash_table_iter_next (&iter, &day, &mean))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_replace (self->means, day, mean);
        }
    }

  count = job->page;
  if (job->keep_window)
    {
      guint end = lower_bound (self->matches, &job->oldest);

      start = job->at_top ? 0 : day_start (self, lower_bound (self->matches, &job->newest));
      if (end < self->matches->len && key_compare (&g_array_index (self->matches, Key, end),
                                                   &job->oldest) == 0)
        end++;
      count = MAX (count, end > start ? end - start : 0);
    }
  self->match_start = start;
  set_more (self, slice_matches (self, start, count, self->keys) < self->matches->len, start > 0);

  self->loading = FALSE;
  apply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* With a search or a tag: finds every match in a worker thread. With
 * @keep_window (the journal changed), the same stretch of the history is
 * shown again afterwards; otherwise the newest matches. */
static void
start_filter (RwHistoryModel *self,
              gboolean        keep_window)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0");
  g_autoptr(GTask) task = NULL;
  FilterJob *job;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->search == NULL && self->tag == NULL)
    {
      gboolean was_loading = self->loading;

      g_clear_pointer (&self->matches, g_array_unref);
      self->match_start = 0;
      self->loading = FALSE;
      restart_unfiltered (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
      if (was_loading)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  job = g_new0 (FilterJob, 1);
  job->path = g_strdup (rw_database_get_path (self->db));
  job->data_dir = g_strdup (rw_database_get_data_dir (self->db));
  /* As many as the window shows now (what fills the screen), within reason. */
  job->page = CLAMP (self->keys->len, self->first_page > 0 ? self->first_page : DEFAULT_FIRST_PAGE,
                     MAX_FIRST_PAGE);
  job->match = rw_search_build_match (self->search);
  job->tag = g_strdup (self->tag);
  job->query.tag = job->tag;
  rw_check_in_sql_append_filter (sql, &job->query, job->match);
  g_string_append (sql, ORDER_DESC);
  job->sql = g_strdup (sql->str);
  job->keep_window = keep_window && self->keys->len > 0;
  if (job->keep_window)
    {
      job->at_top = !self->more_newer;
      job->newest = g_array_index (self->keys, Key, 0);
      job->oldest = g_array_index (self->keys, Key, self->keys->len - 1);
    }

  /* A search whose text has no words matches nothing, without a query. */
  if (self->search != NULL && job->match == NULL)
    {
      filter_job_free (job);
      g_clear_pointer (&self->matches, g_array_unref);
      self->matches = g_array_new (FALSE, FALSE, sizeof (Key));
      g_array_set_size (self->keys, 0);
      set_more (self, FALSE, FALSE);
      apply (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
      return;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, filter_done_cb, NULL);
  g_task_set_source_tag (task, start_filter);
  g_task_set_task_data (task, job, (GDestroyNotify) filter_job_free);
  g_task_run_in_thread (task, filter_thread);

  if (!self->loading)
    {
      self->loading = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/* The journal changed (here or in another process): read the same
 * stretch of the history again. */
static void
reload (RwHistoryModel *self)
{
  g_autoptr(GArray) keys = NULL;
  g_autoptr(RwStmt) stmt = NULL;
  Key newest, oldest, last;

  g_hash_table_remove_all (self->means);

  if (self->matches != NULL || self->cancellable != NULL)
    {
      start_filter (self, TRUE);
      return;
    }

  if (self->keys->len == 0)
    {
      if (self->first_page > 0)
        restart_unfiltered (self);
      return;
    }

  newest = g_array_index (self->keys, Key, 0);
  oldest = g_array_index (self->keys, Key, self->keys->len - 1);
  keys = g_array_new (FALSE, FALSE, sizeof (Key));

  /* At the top the window takes in what is new. */
  stmt = rw_database_prepare (self->db,
                              self->more_newer
                              ? "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0 "
                                "AND (c.date, c.time, c.created, c.id) >= (:date, :time, :created, :id) "
                                "AND (c.date, c.time, c.created, c.id) <= (:date2, :time2, :created2, :id2)"
                                ORDER_DESC
                              : "SELECT " KEY_COLUMNS " FROM check_ins c WHERE c.hidden = 0 "
                                "AND (c.date, c.time, c.created, c.id) >= (:date, :time, :created, :id)"
                                ORDER_DESC,
                              NULL);
  if (stmt == NULL)
    return;
  bind_key (stmt, &oldest);
  if (self->more_newer)
    bind_key_named (stmt, &newest, "2");
  if (!step_keys (self, stmt, keys))
    return;
  g_clear_pointer (&stmt, sqlite3_reset);

  if (keys->len == 0)
    {
      restart_unfiltered (self);
      return;
    }

  /* Keep the days at both ends whole: a check-in may have been added to
   * them earlier or later than what was shown. */
  last = g_array_index (keys, Key, keys->len - 1);
  complete_day (self, &last, TRUE, keys);
  if (self->more_newer)
    {
      g_autoptr(GArray) newer = g_array_new (FALSE, FALSE, sizeof (Key));
      Key first = g_array_index (keys, Key, 0);

      complete_day (self, &first, FALSE, newer);
      for (guint i = 0; i < newer->len; i++)
        g_array_prepend_val (keys, g_array_index (newer, Key, i));
    }

  g_array_unref (self->keys);
  self->keys = g_steal_pointer (&keys);
  set_more (self,
            exists_beyond (self, &g_array_index (self->keys, Key, self->keys->len - 1), TRUE),
            self->more_newer &&
            exists_beyond (self, &g_array_index (self->keys, Key, 0), FALSE));
  apply (self);
}

static void
journal_changed_cb (RwHistoryModel *self,
                    RwJournal      *journal)
{
  reload (self);
}

static GType
rw_history_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
rw_history_model_get_n_items (GListModel *model)
{
  return RW_HISTORY_MODEL (model)->entries->len;
}

static gpointer
rw_history_model_get_item (GListModel *model,
                           guint       position)
{
  RwHistoryModel *self = RW_HISTORY_MODEL (model);
  const Entry *entry;
  RwDayHeader *header;
  RwCheckIn *check_in;
  char date[RW_DATE_ISO_SIZE];

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, position);
  if (entry->kind == ENTRY_CHECK_IN)
    {
      g_autoptr(GError) error = NULL;

      check_in = g_hash_table_lookup (self->objects, &entry->rowid);
      if (check_in != NULL && rw_check_in_get_modified (check_in) == entry->modified)
        return g_object_ref (check_in);

      check_in = rw_check_in_sql_load_rowid (self->db, entry->rowid, &error);
      if (check_in == NULL)
        {
          /* Deleted by another process since the last look: an empty
           * placeholder; the next poll removes the row. */
          g_debug ("Could not load check-in %" G_GINT64_FORMAT ": %s", entry->rowid, error->message);
          return rw_check_in_new ();
        }
      if (g_hash_table_size (self->objects) >= OBJECT_CACHE_LIMIT)
        g_hash_table_remove_all (self->objects);
      g_hash_table_insert (self->objects, g_memdup2 (&entry->rowid, sizeof entry->rowid),
                           g_object_ref (check_in));
      return check_in;
    }

  header = g_hash_table_lookup (self->headers, GUINT_TO_POINTER (entry->day));
  if (header != NULL)
    return g_object_ref (header);

  rw_date_write_iso (entry->day, date);
  header = rw_day_header_new (date, entry->modified >= 0 ? entry->modified / 1000.0 : -1, entry->n);
  g_hash_table_insert (self->headers, GUINT_TO_POINTER (entry->day), g_object_ref (header));
  return header;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rw_history_model_get_item_type;
  iface->get_n_items = rw_history_model_get_n_items;
  iface->get_item = rw_history_model_get_item;
}

static void
rw_history_model_dispose (GObject *object)
{
  RwHistoryModel *self = (RwHistoryModel *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_object (&self->db);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (rw_history_model_parent_class)->dispose (object);
}

static void
rw_history_model_finalize (GObject *object)
{
  RwHistoryModel *self = (RwHistoryModel *)object;

  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->means, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (rw_history_model_parent_class)->finalize (object);
}

static void
rw_history_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RwHistoryModel *self = RW_HISTORY_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, rw_history_model_get_n_matches (self));
      break;
    case PROP_MORE_OLDER:
      g_value_set_boolean (value, self->more_older);
      break;
    case PROP_MORE_NEWER:
      g_value_set_boolean (value, self->more_newer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_history_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RwHistoryModel *self = RW_HISTORY_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      rw_history_model_set_search (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      rw_history_model_set_tag (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_history_model_class_init (RwHistoryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rw_history_model_dispose;
  object_class->finalize = rw_history_model_finalize;
  object_class->get_property = rw_history_model_get_property;
  object_class->set_property = rw_history_model_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RwHistoryModel:loading:
   *
   * %TRUE while the matches of a new search or tag are being found; the
   * model keeps showing what it showed until they are.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MORE_OLDER] =
    g_param_spec_boolean ("more-older", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MORE_NEWER] =
    g_param_spec_boolean ("more-newer", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rw_history_model_init (RwHistoryModel *self)
{
  self->keys = g_array_new (FALSE, FALSE, sizeof (Key));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->means = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->headers = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->objects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  /* Nothing is read until the view asks. */
  self->more_older = TRUE;
}

/**
 * rw_history_model_new:
 * @journal: the journal
 *
 * Returns: (transfer full): an empty window on the history; the view
 *   fills it with rw_history_model_load_older()
 */
RwHistoryModel *
rw_history_model_new (RwJournal *journal)
{
  RwHistoryModel *self;

  g_return_val_if_fail (RW_IS_JOURNAL (journal), NULL);

  self = g_object_new (RW_TYPE_HISTORY_MODEL, NULL);
  self->journal = g_object_ref (journal);
  self->db = g_object_ref (rw_journal_get_database (journal));
  g_signal_connect_object (journal, "changed", G_CALLBACK (journal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

const char *
rw_history_model_get_search (RwHistoryModel *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), NULL);
  return self->search;
}

/* Sets the search or the tag (@field, property @prop) to @value, blank
 * meaning none, and finds the new matches. */
static void
set_filter (RwHistoryModel  *self,
            char           **field,
            const char      *value,
            guint            prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  start_filter (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * rw_history_model_set_search:
 * @self: a #RwHistoryModel
 * @search: (nullable): what a person typed; %NULL or blank shows all
 *
 * Narrows the history to check-ins whose note or tags hold every word of
 * @search (as a prefix, in any script). Returns at once: the matches are
 * found in a worker thread (see #RwHistoryModel:loading), and a newer
 * search cancels an older one still running.
 */
void
rw_history_model_set_search (RwHistoryModel *self,
                             const char     *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (RW_IS_HISTORY_MODEL (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  set_filter (self, &self->search, stripped, PROP_SEARCH);
}

const char *
rw_history_model_get_tag (RwHistoryModel *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), NULL);
  return self->tag;
}

/**
 * rw_history_model_set_tag:
 * @self: a #RwHistoryModel
 * @tag: (nullable): only check-ins with this tag; %NULL for all
 *
 * Like rw_history_model_set_search(), in a worker thread.
 */
void
rw_history_model_set_tag (RwHistoryModel *self,
                          const char     *tag)
{
  g_return_if_fail (RW_IS_HISTORY_MODEL (self));

  set_filter (self, &self->tag, tag, PROP_TAG);
}

gboolean
rw_history_model_get_loading (RwHistoryModel *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), FALSE);
  return self->loading;
}

/**
 * rw_history_model_get_n_matches:
 * @self: a #RwHistoryModel
 *
 * Returns: how many check-ins match the search or tag (all of them, not
 *   only those in the window); 0 without a filter
 */
guint
rw_history_model_get_n_matches (RwHistoryModel *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), 0);
  return self->matches != NULL ? self->matches->len : 0;
}

gboolean
rw_history_model_get_more_older (RwHistoryModel *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), FALSE);
  return self->more_older;
}

gboolean
rw_history_model_get_more_newer (RwHistoryModel *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), FALSE);
  return self->more_newer;
}

/**
 * rw_history_model_get_days_with_check_ins:
 * @self: a #RwHistoryModel
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Which days of a month have visible check-ins, whatever the filter and
 * the window: for a calendar to mark them.
 *
 * Returns: a mask with bit d set when day d of the month has one
 */
guint32
rw_history_model_get_days_with_check_ins (RwHistoryModel *self,
                                          guint           year,
                                          guint           month)
{
  g_autoptr(RwStmt) stmt = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint32 mask = 0;
  int rc;

  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  stmt = rw_database_prepare (self->db, "SELECT DISTINCT date FROM check_ins "
                                        "WHERE hidden = 0 AND date BETWEEN :from AND :to", NULL);
  if (stmt == NULL)
    return 0;
  from = g_strdup_printf ("%04u-%02u-01", year, month);
  to = g_strdup_printf ("%04u-%02u-31", year, month);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int day;

      if (rw_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), NULL, NULL, &day))
        mask |= 1u << day;
    }
  if (rc != SQLITE_DONE)
    g_debug ("Could not read the days of %04u-%02u: %s", year, month,
             sqlite3_errmsg (rw_database_get_handle (self->db)));
  return mask;
}

/**
 * rw_history_model_find_date:
 * @self: a #RwHistoryModel
 * @date: YYYY-MM-DD
 *
 * Finds, in the window, the header of @date, or of the nearest older day
 * that has check-ins, or the last header.
 *
 * Returns: a position, or %G_MAXUINT when the window is empty
 */
guint
rw_history_model_find_date (RwHistoryModel *self,
                            const char     *date)
{
  guint32 target;
  guint low = 0, high;

  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (date != NULL && strlen (date) == 10, G_MAXUINT);

  if (self->entries->len == 0)
    return G_MAXUINT;

  target = rw_date_from_iso (date);

  /* Entries are sorted by day, newest first: find the first with day <= target. */
  high = self->entries->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->entries, Entry, mid).day > target)
        low = mid + 1;
      else
        high = mid;
    }

  if (low >= self->entries->len)
    {
      for (guint i = self->entries->len; i > 0; i--)
        if (g_array_index (self->entries, Entry, i - 1).kind == ENTRY_HEADER)
          return i - 1;
      return G_MAXUINT;
    }

  /* The first entry of a day is its header. */
  return low;
}

/**
 * rw_history_model_jump_to_date:
 * @self: a #RwHistoryModel
 * @date: YYYY-MM-DD
 * @n_before: about how many newer check-ins to show above it
 * @n_after: about how many check-ins from @date on, older ones included
 *
 * Moves the window to @date (or the nearest older day with check-ins, or
 * the oldest day), reading only what it shows.
 *
 * Returns: the position of that day's header, or %G_MAXUINT when there
 *   is nothing to show
 */
guint
rw_history_model_jump_to_date (RwHistoryModel *self,
                               const char     *date,
                               guint           n_before,
                               guint           n_after)
{
  g_autoptr(GArray) keys = NULL;
  guint32 target;

  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (date != NULL && strlen (date) == 10, G_MAXUINT);

  if (self->loading)
    return G_MAXUINT;

  target = rw_date_from_iso (date);
  keys = g_array_new (FALSE, FALSE, sizeof (Key));

  if (self->matches != NULL)
    {
      Key edge = key_end_of_day (target);
      guint at = lower_bound (self->matches, &edge);
      guint start;

      if (self->matches->len == 0)
        return G_MAXUINT;
      if (at >= self->matches->len)
        at = day_start (self, self->matches->len - 1);
      start = day_start (self, at > n_before ? at - n_before : 0);
      self->match_start = start;
      set_more (self, slice_matches (self, start, (at - start) + MAX (n_after, 1), keys) <
                      self->matches->len,
                start > 0);
    }
  else
    {
      Key edge = key_end_of_day (target);
      g_autoptr(GArray) newer = g_array_new (FALSE, FALSE, sizeof (Key));

      fetch_older (self, &edge, MAX (n_after, 1), keys);
      if (keys->len == 0)
        {
          /* Nothing on or before @date: the oldest days, the oldest last. */
          fetch_newer (self, NULL, MAX (n_after, 1), newer);
          if (newer->len == 0)
            return G_MAXUINT;
          for (guint i = 0; i < newer->len; i++)
            g_array_prepend_val (keys, g_array_index (newer, Key, i));
          g_array_set_size (newer, 0);
        }
      if (n_before > 0)
        fetch_newer (self, &g_array_index (keys, Key, 0), n_before, newer);
      for (guint i = 0; i < newer->len; i++)
        g_array_prepend_val (keys, g_array_index (newer, Key, i));
      set_more (self, exists_beyond (self, &g_array_index (keys, Key, keys->len - 1), TRUE),
                exists_beyond (self, &g_array_index (keys, Key, 0), FALSE));
    }

  g_array_unref (self->keys);
  self->keys = g_steal_pointer (&keys);
  apply (self);
  return rw_history_model_find_date (self, date);
}
