/* rw-guide-page.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_GUIDE_PAGE (rw_guide_page_get_type ())
G_DECLARE_FINAL_TYPE (RwGuidePage, rw_guide_page, RW, GUIDE_PAGE, GtkWidget)

RwGuidePage *rw_guide_page_new              (RwContext   *context);
/* guide:CHAPTER#slug, ref:KEY (app: and web links go to the window). */
gboolean     rw_guide_page_open_link        (RwGuidePage *self,
                                             const char  *uri);
/* At @block (> 0), at the top (0) or where the person left it (-1). */
void         rw_guide_page_open_chapter     (RwGuidePage *self,
                                             guint        chapter,
                                             int          block);
void         rw_guide_page_focus_search     (RwGuidePage *self);

/* For tests. */
RwGuide     *rw_guide_page_get_guide        (RwGuidePage *self);
int          rw_guide_page_get_chapter      (RwGuidePage *self);
int          rw_guide_page_get_target_block (RwGuidePage *self);
guint        rw_guide_page_get_n_block_widgets (RwGuidePage *self);
GtkWidget   *rw_guide_page_get_block_widget (RwGuidePage *self,
                                             guint        block);
GtkWidget   *rw_guide_page_get_text_box     (RwGuidePage *self);
guint        rw_guide_page_search           (RwGuidePage *self,
                                             const char  *query);
void         rw_guide_page_activate_result  (RwGuidePage *self,
                                             guint        index);
int          rw_guide_page_get_text_size    (RwGuidePage *self);
double       rw_guide_page_get_scroll       (RwGuidePage *self);
void         rw_guide_page_set_scroll       (RwGuidePage *self,
                                             double       value);

G_END_DECLS
