/* rw-search.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full-text search over notes and tags. Text is indexed with FTS5's
 * unicode61 tokenizer; scripts written without spaces between words (Han,
 * kana, Thai, ...) are indexed one character per token, and a query in
 * such a script becomes a phrase of those characters, so that "睡眠" finds
 * "昨夜は睡眠が浅かった". Every other word of a query becomes a quoted prefix
 * term: nothing a person types can raise an FTS5 syntax error.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *rw_search_index_text        (const char  *text);
const char *rw_search_index_text_borrow (const char  *text,
                                         char       **to_free);
char *rw_search_build_match (const char *query);
char *rw_search_highlight_markup (const char *text,
                                  const char *query);

G_END_DECLS
