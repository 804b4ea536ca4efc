/* rw-safety-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offer of help as the journal keeps it: the day it was last made is
 * a setting of the journal, so that the window and the command line make
 * it at most once a day between them.
 */
#pragma once

#include "rw-database.h"
#include "rw-safety.h"

G_BEGIN_DECLS

guint32   rw_safety_get_last_offer     (RwDatabase      *db);
gboolean  rw_safety_offer_after_save   (RwDatabase      *db,
                                        RwSafetySource   source,
                                        RwCheckIn       *check_in,
                                        guint32          today);

G_END_DECLS
