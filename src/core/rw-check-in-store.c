/* rw-check-in-store.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-check-in-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rw-check-in-sql.h"
#include "rw-check-in-store.h"
#include "rw-search.h"
#include "rw-validate.h"

/**
 * RwCheckInStore:
 *
 * A #GListModel of the journal's #RwCheckIn, newest first, optionally
 * narrowed to a date range and a search.
 *
 * The store keeps only (row id, modified time, day) triples in order: 24
 * bytes a check-in. Objects are built when asked for and a bounded number
 * is kept, so a journal of 100,000 check-ins costs about 2.4 MB and one
 * indexed query at startup. When the journal changes (here or in another process)
 * the order is read again and compared with the old one, and
 * #GListModel::items-changed names just the range that differs.
 */
struct _RwCheckInStore
{
  GObject parent_instance;

  RwDatabase *database;
  char *search;
  char *tag;
  char *from;
  char *to;

  GArray *rows;
  GHashTable *cache;
};

typedef struct
{
  gint64 rowid;
  gint64 modified;
  guint32 day;  /* YYYYMMDD */
} Row;

#define CACHE_LIMIT 2048

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RwCheckInStore, rw_check_in_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SEARCH,
  PROP_TAG,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
rw_check_in_store_get_item_type (GListModel *model)
{
  return RW_TYPE_CHECK_IN;
}

static guint
rw_check_in_store_get_n_items (GListModel *model)
{
  RwCheckInStore *self = RW_CHECK_IN_STORE (model);

  return self->rows->len;
}

static gpointer
rw_check_in_store_get_item (GListModel *model,
                            guint       position)
{
  RwCheckInStore *self = RW_CHECK_IN_STORE (model);
  g_autoptr(GError) error = NULL;
  RwCheckIn *check_in;
  const Row *row;

  if (position >= self->rows->len)
    return NULL;

  row = &g_array_index (self->rows, Row, position);
  check_in = g_hash_table_lookup (self->cache, &row->rowid);
  if (check_in != NULL)
    return g_object_ref (check_in);

  check_in = rw_check_in_sql_load_rowid (self->database, row->rowid, &error);
  if (check_in == NULL)
    {
      /* Deleted by another process since the last reload: hand out an
       * empty placeholder; the next poll removes the row. */
      g_debug ("Could not load check-in %" G_GINT64_FORMAT ": %s", row->rowid, error->message);
      return rw_check_in_new ();
    }

  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&row->rowid, sizeof row->rowid),
                       g_object_ref (check_in));

  return check_in;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rw_check_in_store_get_item_type;
  iface->get_n_items = rw_check_in_store_get_n_items;
  iface->get_item = rw_check_in_store_get_item;
}

static GArray *
query_rows (RwCheckInStore *self)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id, c.modified, c.date FROM check_ins c "
                                         "WHERE c.hidden = 0");
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GError) error = NULL;
  g_autofree char *match = rw_search_build_match (self->search);
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  if (self->from != NULL)
    g_string_append (sql, " AND c.date >= ?1");
  if (self->to != NULL)
    g_string_append (sql, " AND c.date <= ?2");
  if (match != NULL)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM check_in_fts WHERE check_in_fts MATCH ?3)");
  if (self->tag != NULL)
    g_string_append (sql, " AND c.id IN (SELECT ct.check_in FROM check_in_tags ct "
                          "JOIN tags t ON t.id = ct.tag WHERE t.name = ?4)");
  g_string_append (sql, " ORDER BY c.date DESC, c.time DESC, c.created DESC, c.id DESC");

  stmt = rw_database_prepare (self->database, sql->str, &error);
  if (stmt == NULL)
    {
      g_debug ("Could not list check-ins: %s", error->message);
      return NULL;
    }
  if (self->from != NULL)
    sqlite3_bind_text (stmt, 1, self->from, -1, SQLITE_TRANSIENT);
  if (self->to != NULL)
    sqlite3_bind_text (stmt, 2, self->to, -1, SQLITE_TRANSIENT);
  if (match != NULL)
    sqlite3_bind_text (stmt, 3, match, -1, SQLITE_TRANSIENT);
  if (self->tag != NULL)
    sqlite3_bind_text (stmt, 4, self->tag, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 2);
      Row row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), 0 };

      if (date != NULL && strlen (date) == 10)
        row.day = atoi (date) * 10000 + atoi (date + 5) * 100 + atoi (date + 8);
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      g_debug ("Could not list check-ins: %s",
               sqlite3_errmsg (rw_database_get_handle (self->database)));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
row_equal (const Row *a,
           const Row *b)
{
  return a->rowid == b->rowid && a->modified == b->modified;
}

/**
 * rw_check_in_store_reload:
 * @self: a #RwCheckInStore
 *
 * Reads the order again and announces what changed. Called on
 * #RwDatabase::changed; rarely needed by hand.
 */
void
rw_check_in_store_reload (RwCheckInStore *self)
{
  g_autoptr(GArray) old = NULL;
  GArray *rows;
  guint prefix = 0, suffix = 0, n_old, n_new;

  g_return_if_fail (RW_IS_CHECK_IN_STORE (self));

  rows = query_rows (self);
  if (rows == NULL)
    return;

  old = g_steal_pointer (&self->rows);
  self->rows = rows;
  n_old = old->len;
  n_new = rows->len;

  while (prefix < n_old && prefix < n_new &&
         row_equal (&g_array_index (old, Row, prefix), &g_array_index (rows, Row, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         row_equal (&g_array_index (old, Row, n_old - 1 - suffix),
                    &g_array_index (rows, Row, n_new - 1 - suffix)))
    suffix++;

  if (prefix == n_old && prefix == n_new)
    return;

  for (guint i = prefix; i < n_old - suffix; i++)
    g_hash_table_remove (self->cache, &g_array_index (old, Row, i).rowid);

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              n_old - prefix - suffix, n_new - prefix - suffix);
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
database_changed_cb (RwCheckInStore *self,
                     RwDatabase     *database)
{
  rw_check_in_store_reload (self);
}

static void
rw_check_in_store_constructed (GObject *object)
{
  RwCheckInStore *self = (RwCheckInStore *)object;

  G_OBJECT_CLASS (rw_check_in_store_parent_class)->constructed (object);

  g_assert (self->database != NULL);
  g_signal_connect_object (self->database, "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  rw_check_in_store_reload (self);
}

static void
rw_check_in_store_dispose (GObject *object)
{
  RwCheckInStore *self = (RwCheckInStore *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rw_check_in_store_parent_class)->dispose (object);
}

static void
rw_check_in_store_finalize (GObject *object)
{
  RwCheckInStore *self = (RwCheckInStore *)object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (rw_check_in_store_parent_class)->finalize (object);
}

static void
rw_check_in_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RwCheckInStore *self = RW_CHECK_IN_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rows->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_check_in_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RwCheckInStore *self = RW_CHECK_IN_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      rw_check_in_store_set_search (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      rw_check_in_store_set_tag (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_check_in_store_class_init (RwCheckInStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rw_check_in_store_constructed;
  object_class->dispose = rw_check_in_store_dispose;
  object_class->finalize = rw_check_in_store_finalize;
  object_class->get_property = rw_check_in_store_get_property;
  object_class->set_property = rw_check_in_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, RW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rw_check_in_store_init (RwCheckInStore *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/**
 * rw_check_in_store_new:
 * @database: the journal
 *
 * Returns: (transfer full): a model of every check-in, newest first
 */
RwCheckInStore *
rw_check_in_store_new (RwDatabase *database)
{
  g_return_val_if_fail (RW_IS_DATABASE (database), NULL);

  return g_object_new (RW_TYPE_CHECK_IN_STORE, "database", database, NULL);
}

RwDatabase *
rw_check_in_store_get_database (RwCheckInStore *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), NULL);
  return self->database;
}

const char *
rw_check_in_store_get_search (RwCheckInStore *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), NULL);
  return self->search;
}

/**
 * rw_check_in_store_set_search:
 * @self: a #RwCheckInStore
 * @search: (nullable): what a person typed; %NULL or blank shows all
 *
 * Narrows the model to check-ins whose note or tags hold every word of
 * @search (as a prefix, in any script).
 */
void
rw_check_in_store_set_search (RwCheckInStore *self,
                              const char     *search)
{
  g_return_if_fail (RW_IS_CHECK_IN_STORE (self));

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  rw_check_in_store_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
rw_check_in_store_get_tag (RwCheckInStore *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), NULL);
  return self->tag;
}

/**
 * rw_check_in_store_set_tag:
 * @self: a #RwCheckInStore
 * @tag: (nullable): only show check-ins with this tag; %NULL for all
 */
void
rw_check_in_store_set_tag (RwCheckInStore *self,
                           const char     *tag)
{
  g_return_if_fail (RW_IS_CHECK_IN_STORE (self));

  if (tag != NULL && *tag == '\0')
    tag = NULL;
  if (g_strcmp0 (self->tag, tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_strdup (tag);
  rw_check_in_store_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

/**
 * rw_check_in_store_set_range:
 * @self: a #RwCheckInStore
 * @from: (nullable): first date, YYYY-MM-DD
 * @to: (nullable): last date, YYYY-MM-DD
 */
void
rw_check_in_store_set_range (RwCheckInStore *self,
                             const char     *from,
                             const char     *to)
{
  g_return_if_fail (RW_IS_CHECK_IN_STORE (self));

  if (g_strcmp0 (self->from, from) == 0 && g_strcmp0 (self->to, to) == 0)
    return;

  g_free (self->from);
  self->from = g_strdup (from);
  g_free (self->to);
  self->to = g_strdup (to);
  rw_check_in_store_reload (self);
}

static gboolean
write_in_transaction (RwCheckInStore  *self,
                      RwWriteFunc      func,
                      gpointer         data,
                      GError         **error)
{
  return rw_database_write (self->database, func, data, error);
}

/**
 * rw_check_in_store_add:
 * @self: a #RwCheckInStore
 * @check_in: a new check-in
 * @error: return location for a #GError
 *
 * Validates and saves @check_in in one transaction; its created and
 * modified times are set.
 */
gboolean
rw_check_in_store_add (RwCheckInStore  *self,
                       RwCheckIn       *check_in,
                       GError         **error)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  if (!rw_validate_check_in (check_in, error))
    return FALSE;

  return write_in_transaction (self, (RwWriteFunc) rw_check_in_sql_insert, check_in, error);
}

/**
 * rw_check_in_store_update:
 * @self: a #RwCheckInStore
 * @check_in: a check-in whose id is in the journal
 * @error: return location for a #GError
 */
gboolean
rw_check_in_store_update (RwCheckInStore  *self,
                          RwCheckIn       *check_in,
                          GError         **error)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);

  if (!rw_validate_check_in (check_in, error))
    return FALSE;

  return write_in_transaction (self, (RwWriteFunc) rw_check_in_sql_update, check_in, error);
}

gboolean
rw_check_in_store_delete (RwCheckInStore  *self,
                          const char      *id,
                          GError         **error)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return write_in_transaction (self, (RwWriteFunc) rw_check_in_sql_delete, (gpointer) id, error);
}

typedef struct
{
  const char *id;
  gboolean hidden;
} HideData;

static gboolean
set_hidden (RwDatabase  *db,
            HideData    *data,
            GError     **error)
{
  return rw_check_in_sql_set_hidden (db, data->id, data->hidden, error);
}

/**
 * rw_check_in_store_hide:
 * @self: a #RwCheckInStore
 * @id: a check-in's id
 * @error: return location for a #GError
 *
 * Deletes a check-in in a way that can be undone: it disappears from
 * every list, search and chart at once, and is removed for good by
 * rw_check_in_store_purge_hidden().
 */
gboolean
rw_check_in_store_hide (RwCheckInStore  *self,
                        const char      *id,
                        GError         **error)
{
  HideData data = { id, TRUE };

  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return write_in_transaction (self, (RwWriteFunc) set_hidden, &data, error);
}

/**
 * rw_check_in_store_unhide:
 * @self: a #RwCheckInStore
 * @id: a hidden check-in's id
 * @error: return location for a #GError
 *
 * Undoes rw_check_in_store_hide().
 */
gboolean
rw_check_in_store_unhide (RwCheckInStore  *self,
                          const char      *id,
                          GError         **error)
{
  HideData data = { id, FALSE };

  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return write_in_transaction (self, (RwWriteFunc) set_hidden, &data, error);
}

static gboolean
purge_hidden (RwDatabase  *db,
              gpointer     data,
              GError     **error)
{
  return rw_check_in_sql_purge_hidden (db, data, error);
}

/**
 * rw_check_in_store_purge_hidden:
 * @self: a #RwCheckInStore
 * @error: return location for a #GError
 *
 * Removes hidden check-ins for good: when their Undo toast goes away,
 * and when the app starts or quits.
 */
gboolean
rw_check_in_store_purge_hidden (RwCheckInStore  *self,
                                GError         **error)
{
  guint n = 0;

  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);

  return write_in_transaction (self, purge_hidden, &n, error);
}

typedef struct
{
  const char *from;
  const char *to;
} RenameData;

static gboolean
rename_tag (RwDatabase  *db,
            RenameData  *data,
            GError     **error)
{
  return rw_check_in_sql_rename_tag (db, data->from, data->to, error);
}

/**
 * rw_check_in_store_rename_tag:
 * @self: a #RwCheckInStore
 * @from: an existing tag
 * @to: the new name; when another tag has it, the two are merged
 * @error: return location for a #GError
 */
gboolean
rw_check_in_store_rename_tag (RwCheckInStore  *self,
                              const char      *from,
                              const char      *to,
                              GError         **error)
{
  g_autofree char *normalized = NULL;
  RenameData data;

  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  normalized = rw_normalize_tag (to);
  if (!rw_validate_tag (normalized, error))
    return FALSE;

  data.from = from;
  data.to = normalized;
  if (!write_in_transaction (self, (RwWriteFunc) rename_tag, &data, error))
    return FALSE;

  if (g_strcmp0 (self->tag, from) == 0)
    rw_check_in_store_set_tag (self, normalized);
  return TRUE;
}

/**
 * rw_check_in_store_delete_tag:
 * @self: a #RwCheckInStore
 * @name: a tag
 * @error: return location for a #GError
 *
 * Removes the tag from every check-in; the check-ins stay.
 */
gboolean
rw_check_in_store_delete_tag (RwCheckInStore  *self,
                              const char      *name,
                              GError         **error)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!write_in_transaction (self, (RwWriteFunc) rw_check_in_sql_delete_tag, (gpointer) name, error))
    return FALSE;

  if (g_strcmp0 (self->tag, name) == 0)
    rw_check_in_store_set_tag (self, NULL);
  return TRUE;
}

/**
 * rw_check_in_store_get_row:
 * @self: a #RwCheckInStore
 * @position: a position in the model
 * @rowid: (out) (optional): the row's key in the database
 * @modified: (out) (optional): when it last changed
 * @day: (out) (optional): its date as YYYYMMDD
 *
 * What the model knows of a row without building its object; for models
 * layered on top (the history's day headers).
 *
 * Returns: %FALSE if @position is out of range
 */
gboolean
rw_check_in_store_get_row (RwCheckInStore *self,
                           guint           position,
                           gint64         *rowid,
                           gint64         *modified,
                           guint32        *day)
{
  const Row *row;

  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), FALSE);

  if (position >= self->rows->len)
    return FALSE;

  row = &g_array_index (self->rows, Row, position);
  if (rowid != NULL)
    *rowid = row->rowid;
  if (modified != NULL)
    *modified = row->modified;
  if (day != NULL)
    *day = row->day;
  return TRUE;
}

/**
 * rw_check_in_store_lookup:
 * @self: a #RwCheckInStore
 * @id: a check-in's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a fresh copy of the stored check-in
 */
RwCheckIn *
rw_check_in_store_lookup (RwCheckInStore  *self,
                          const char      *id,
                          GError         **error)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return rw_check_in_sql_load (self->database, id, error);
}
