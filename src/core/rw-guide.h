/* rw-guide.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Guide's chapters: Markdown files compiled in as a GResource, one
 * folder per language (C is the original), parsed with cmark into blocks
 * the view turns into GTK widgets. Links (see data/guide/README.md):
 *   guide:CHAPTER          a chapter, by file name without ".md"
 *   guide:CHAPTER#SLUG     a heading in it (slug: lower case, words joined by "-")
 *   ref:KEY                a reference, anchored <a id="KEY"></a> in the references
 *   app:help               the "Get help now" page
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RW_BLOCK_HEADING,
  RW_BLOCK_PARAGRAPH,
  RW_BLOCK_LIST_ITEM,
  RW_BLOCK_QUOTE,        /* a "Myth / Fact" card when @myth */
  RW_BLOCK_RULE,
} RwGuideBlockKind;

typedef struct
{
  RwGuideBlockKind kind;
  guint level;           /* heading level; list depth (1 = top) */
  char *bullet;          /* list items: "•" or "3." */
  char *markup;          /* Pango markup, links as <a href="…"> */
  char *text;            /* plain text, for search */
  char *slug;            /* headings: their slug; references: the anchor key */
  gboolean myth;
} RwGuideBlock;

typedef struct
{
  char *id;              /* file name without ".md" */
  char *title;           /* its first heading */
  GPtrArray *blocks;     /* RwGuideBlock */
  GPtrArray *links;      /* every link target in it (char *) */
} RwGuideChapter;

typedef struct
{
  guint chapter;
  guint block;
  char *snippet;         /* Pango markup, the match in bold */
} RwGuideHit;

typedef struct _RwGuide RwGuide;

/* Loads the chapters of @language (e.g. "de"), falling back to "C". */
RwGuide        *rw_guide_load            (const char  *language,
                                          GError     **error);
RwGuide        *rw_guide_new_from_texts  (const char * const *ids,
                                          const char * const *texts);
void            rw_guide_free            (RwGuide     *guide);
const char     *rw_guide_get_language    (RwGuide     *guide);
guint           rw_guide_get_n_chapters  (RwGuide     *guide);
RwGuideChapter *rw_guide_get_chapter     (RwGuide     *guide,
                                          guint        index);
int             rw_guide_find_chapter    (RwGuide     *guide,
                                          const char  *id);
/* Where a link leads: the chapter and the block (0 for a whole chapter).
 * FALSE for links that are not into the guide or that lead nowhere. */
gboolean        rw_guide_resolve_link    (RwGuide     *guide,
                                          const char  *uri,
                                          guint       *chapter,
                                          guint       *block);
/* Every block whose text holds all the words of @query (each as the start
 * of a word, any case), in reading order. */
GPtrArray      *rw_guide_search          (RwGuide     *guide,
                                          const char  *query);
void            rw_guide_hit_free        (RwGuideHit  *hit);

char           *rw_guide_slugify         (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwGuide, rw_guide_free)

G_END_DECLS
