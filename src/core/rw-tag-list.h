/* rw-tag-list.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RW_TYPE_TAG (rw_tag_get_type ())
G_DECLARE_FINAL_TYPE (RwTag, rw_tag, RW, TAG, GObject)

const char *rw_tag_get_name (RwTag *self);
guint       rw_tag_get_uses (RwTag *self);

#define RW_TYPE_TAG_LIST (rw_tag_list_get_type ())
G_DECLARE_FINAL_TYPE (RwTagList, rw_tag_list, RW, TAG_LIST, GObject)

guint       rw_tag_list_find (RwTagList  *self,
                              const char *name);

G_END_DECLS
