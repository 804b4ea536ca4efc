/* rw-sync-folder.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rw_sync_folder_warning (const char *data_dir);

G_END_DECLS
