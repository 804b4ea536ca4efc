/* rw-tag-list.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-tag-list"

#include "config.h"

#include "rw-check-in-sql.h"
#include "rw-tag-list-private.h"

/**
 * RwTag:
 *
 * A tag and how many visible check-ins carry it.
 */
struct _RwTag
{
  GObject parent_instance;

  char *name;
  guint uses;
};

G_DEFINE_FINAL_TYPE (RwTag, rw_tag, G_TYPE_OBJECT)

static void
rw_tag_finalize (GObject *object)
{
  RwTag *self = (RwTag *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (rw_tag_parent_class)->finalize (object);
}

static void
rw_tag_class_init (RwTagClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rw_tag_finalize;
}

static void
rw_tag_init (RwTag *self)
{
}

static RwTag *
rw_tag_new (const char *name,
            guint       uses)
{
  RwTag *self = g_object_new (RW_TYPE_TAG, NULL);

  self->name = g_strdup (name);
  self->uses = uses;
  return self;
}

const char *
rw_tag_get_name (RwTag *self)
{
  g_return_val_if_fail (RW_IS_TAG (self), NULL);
  return self->name;
}

guint
rw_tag_get_uses (RwTag *self)
{
  g_return_val_if_fail (RW_IS_TAG (self), 0);
  return self->uses;
}

/**
 * RwTagList:
 *
 * Every tag of the journal as a #GListModel of #RwTag, most used first,
 * then by name. It reads the tags the first time it is asked for them,
 * not when it is made, and again (announcing only what differs) whenever
 * the journal changes after that.
 */
struct _RwTagList
{
  GObject parent_instance;

  RwDatabase *database;
  GPtrArray *tags;   /* RwTag; NULL until first asked for */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RwTagList, rw_tag_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
read_tags (RwTagList *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_object_unref);

  infos = rw_check_in_sql_list_tags (self->database, &error);
  if (infos == NULL)
    {
      g_debug ("Could not read the tags: %s", error->message);
      return tags;
    }

  for (guint i = 0; i < infos->len; i++)
    {
      RwTagInfo *info = g_ptr_array_index (infos, i);

      g_ptr_array_add (tags, rw_tag_new (info->name, info->uses));
    }
  return tags;
}

static void
ensure_loaded (RwTagList *self)
{
  if (self->tags == NULL)
    self->tags = read_tags (self);
}

static GType
rw_tag_list_get_item_type (GListModel *model)
{
  return RW_TYPE_TAG;
}

static guint
rw_tag_list_get_n_items (GListModel *model)
{
  RwTagList *self = RW_TAG_LIST (model);

  ensure_loaded (self);
  return self->tags->len;
}

static gpointer
rw_tag_list_get_item (GListModel *model,
                      guint       position)
{
  RwTagList *self = RW_TAG_LIST (model);

  ensure_loaded (self);
  if (position >= self->tags->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->tags, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rw_tag_list_get_item_type;
  iface->get_n_items = rw_tag_list_get_n_items;
  iface->get_item = rw_tag_list_get_item;
}

static gboolean
tag_equal (RwTag *a,
           RwTag *b)
{
  return a->uses == b->uses && g_strcmp0 (a->name, b->name) == 0;
}

static void
reload (RwTagList *self)
{
  g_autoptr(GPtrArray) old = NULL;
  GPtrArray *tags;
  guint prefix = 0, suffix = 0, n_old, n_new;

  /* Nobody has looked yet: nothing to announce, read on first use. */
  if (self->tags == NULL)
    return;

  tags = read_tags (self);
  old = g_steal_pointer (&self->tags);
  self->tags = tags;
  n_old = old->len;
  n_new = tags->len;

  while (prefix < n_old && prefix < n_new &&
         tag_equal (g_ptr_array_index (old, prefix), g_ptr_array_index (tags, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         tag_equal (g_ptr_array_index (old, n_old - 1 - suffix),
                    g_ptr_array_index (tags, n_new - 1 - suffix)))
    suffix++;

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
rw_tag_list_dispose (GObject *object)
{
  RwTagList *self = (RwTagList *)object;

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rw_tag_list_parent_class)->dispose (object);
}

static void
rw_tag_list_class_init (RwTagListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rw_tag_list_dispose;
}

static void
rw_tag_list_init (RwTagList *self)
{
}

RwTagList *
rw_tag_list_new (RwDatabase *database)
{
  RwTagList *self;

  g_return_val_if_fail (RW_IS_DATABASE (database), NULL);

  self = g_object_new (RW_TYPE_TAG_LIST, NULL);
  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * rw_tag_list_find:
 * @self: a #RwTagList
 * @name: a tag
 *
 * Returns: the position of @name, or %GTK_INVALID_LIST_POSITION's value
 *   (%G_MAXUINT) when no tag has that name
 */
guint
rw_tag_list_find (RwTagList  *self,
                  const char *name)
{
  g_return_val_if_fail (RW_IS_TAG_LIST (self), G_MAXUINT);

  if (name == NULL)
    return G_MAXUINT;

  ensure_loaded (self);
  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (((RwTag *) g_ptr_array_index (self->tags, i))->name, name) == 0)
      return i;
  return G_MAXUINT;
}
