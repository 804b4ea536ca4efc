/* rw-tag-list-private.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-database.h"
#include "rw-tag-list.h"

G_BEGIN_DECLS

RwTagList *rw_tag_list_new (RwDatabase *database);

G_END_DECLS
