/* rw-history-model.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-history-model"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rw-history-model.h"

/**
 * RwHistoryModel:
 *
 * The journal's history as one flat #GListModel: an #RwDayHeader before
 * each day's #RwCheckIn items, newest first. GTK 4.8 has no list sections,
 * so the list view shows this model and picks a row widget by item type.
 *
 * It follows an #RwCheckInStore (and so its search and range), keeps a
 * small array of entries and builds objects only when asked for. After
 * each change it compares the new entries with the old ones and announces
 * only the range that differs.
 */
struct _RwHistoryModel
{
  GObject parent_instance;

  RwCheckInStore *store;
  GArray *entries;
  GHashTable *headers;
};

typedef enum
{
  ENTRY_HEADER,
  ENTRY_CHECK_IN,
} EntryKind;

typedef struct
{
  gint64 key_a;        /* header: day; check-in: row id */
  gint64 key_b;        /* header: mean and count; check-in: modified */
  guint32 day;         /* YYYYMMDD */
  guint32 position;    /* check-in: position in the store; header: count */
  EntryKind kind;
  double mean;         /* header only */
} Entry;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RwHistoryModel, rw_history_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static char *
format_day (guint32 day)
{
  return g_strdup_printf ("%04u-%02u-%02u", day / 10000, day / 100 % 100, day % 100);
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
  g_autofree char *date = NULL;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, position);
  if (entry->kind == ENTRY_CHECK_IN)
    return g_list_model_get_item (G_LIST_MODEL (self->store), entry->position);

  header = g_hash_table_lookup (self->headers, GUINT_TO_POINTER (entry->day));
  if (header != NULL)
    return g_object_ref (header);

  date = format_day (entry->day);
  header = rw_day_header_new (date, entry->mean, entry->position);
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

typedef struct
{
  double mean;
} DayStat;

/* Mean mood of every day in [first, last], over all its visible check-ins
 * (a search narrows the rows shown, not what the day was like). */
static GHashTable *
query_day_means (RwHistoryModel *self,
                 guint32         first,
                 guint32         last)
{
  RwDatabase *db = rw_check_in_store_get_database (self->store);
  GHashTable *means = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *from = format_day (first);
  g_autofree char *to = format_day (last);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwStmt) stmt = NULL;

  stmt = rw_database_prepare (db, "SELECT date, avg (mood) FROM check_ins "
                                  "WHERE hidden = 0 AND date BETWEEN ?1 AND ?2 GROUP BY date",
                              &error);
  if (stmt == NULL)
    {
      g_debug ("Could not read daily means: %s", error->message);
      return means;
    }
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 0);
      DayStat *stat;
      guint32 day;

      if (date == NULL || strlen (date) != 10)
        continue;
      day = atoi (date) * 10000 + atoi (date + 5) * 100 + atoi (date + 8);
      stat = g_new (DayStat, 1);
      stat->mean = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 1);
      g_hash_table_insert (means, GUINT_TO_POINTER (day), stat);
    }

  return means;
}

static GArray *
build_entries (RwHistoryModel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n + n / 2);
  g_autoptr(GHashTable) means = NULL;
  guint32 newest = 0, oldest = 0;
  guint header_index = 0;

  if (n == 0)
    return entries;

  rw_check_in_store_get_row (self->store, 0, NULL, NULL, &newest);
  rw_check_in_store_get_row (self->store, n - 1, NULL, NULL, &oldest);
  means = query_day_means (self, oldest, newest);

  for (guint i = 0; i < n; i++)
    {
      Entry entry = { 0 };
      gint64 rowid = 0, modified = 0;
      guint32 day = 0;

      rw_check_in_store_get_row (self->store, i, &rowid, &modified, &day);

      if (entries->len == 0 || g_array_index (entries, Entry, header_index).day != day)
        {
          DayStat *stat = g_hash_table_lookup (means, GUINT_TO_POINTER (day));
          Entry header = { 0 };

          header.kind = ENTRY_HEADER;
          header.day = day;
          header.key_a = day;
          header.mean = stat != NULL ? stat->mean : -1;
          g_array_append_val (entries, header);
          header_index = entries->len - 1;
        }

      entry.kind = ENTRY_CHECK_IN;
      entry.key_a = rowid;
      entry.key_b = modified;
      entry.day = day;
      entry.position = i;
      g_array_append_val (entries, entry);
      g_array_index (entries, Entry, header_index).position++;
    }

  /* A header changes when its mean or its count does. */
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->kind == ENTRY_HEADER)
        entry->key_b = (gint64) llround (entry->mean * 1000) * 100000 + entry->position;
    }

  return entries;
}

static gboolean
entry_equal (const Entry *a,
             const Entry *b)
{
  return a->kind == b->kind && a->key_a == b->key_a && a->key_b == b->key_b;
}

static void
rebuild (RwHistoryModel *self)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->entries);
  GArray *entries = build_entries (self);
  guint prefix = 0, suffix = 0, n_old = old->len, n_new = entries->len;

  self->entries = entries;

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
store_items_changed_cb (RwHistoryModel *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *store)
{
  rebuild (self);
}

static void
rw_history_model_dispose (GObject *object)
{
  RwHistoryModel *self = (RwHistoryModel *)object;

  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rw_history_model_parent_class)->dispose (object);
}

static void
rw_history_model_finalize (GObject *object)
{
  RwHistoryModel *self = (RwHistoryModel *)object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (rw_history_model_parent_class)->finalize (object);
}

static void
rw_history_model_class_init (RwHistoryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rw_history_model_dispose;
  object_class->finalize = rw_history_model_finalize;
}

static void
rw_history_model_init (RwHistoryModel *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->headers = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/**
 * rw_history_model_new:
 * @store: the check-ins to show
 *
 * Returns: (transfer full): a model of day headers and check-ins
 */
RwHistoryModel *
rw_history_model_new (RwCheckInStore *store)
{
  RwHistoryModel *self;

  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (store), NULL);

  self = g_object_new (RW_TYPE_HISTORY_MODEL, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "items-changed",
                           G_CALLBACK (store_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_array_unref (self->entries);
  self->entries = build_entries (self);
  return self;
}

RwCheckInStore *
rw_history_model_get_store (RwHistoryModel *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), NULL);
  return self->store;
}

/**
 * rw_history_model_find_date:
 * @self: a #RwHistoryModel
 * @date: YYYY-MM-DD
 *
 * Finds where to scroll for "jump to a date": the header of @date, or of
 * the nearest older day that has check-ins, or the last header.
 *
 * Returns: a position, or %G_MAXUINT when the model is empty
 */
guint
rw_history_model_find_date (RwHistoryModel *self,
                            const char     *date)
{
  guint32 target;
  guint low = 0, high;
  guint last_header = G_MAXUINT;

  g_return_val_if_fail (RW_IS_HISTORY_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (date != NULL && strlen (date) == 10, G_MAXUINT);

  if (self->entries->len == 0)
    return G_MAXUINT;

  target = atoi (date) * 10000 + atoi (date + 5) * 100 + atoi (date + 8);

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
          {
            last_header = i - 1;
            break;
          }
      return last_header;
    }

  /* The first entry of a day is its header. */
  return low;
}
