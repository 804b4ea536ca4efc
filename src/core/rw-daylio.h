/* rw-daylio.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rw_daylio_parse_check_ins (const char  *data,
                                    gsize        length,
                                    const char  *mood_map,
                                    GPtrArray  **check_ins,
                                    GArray     **lines,
                                    GError     **error);

gboolean rw_daylio_parse_check_ins_full (const char  *data,
                                         gsize        length,
                                         const char  *mood_map,
                                         GPtrArray  **check_ins,
                                         GArray     **lines,
                                         GStrv       *unknown_moods,
                                         GError     **error);

G_END_DECLS
