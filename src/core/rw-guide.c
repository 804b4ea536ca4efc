/* rw-guide.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cmark.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "rw-guide.h"
#include "rw-guide-resources.h"

#define GUIDE_PREFIX "/io/github/rewire/Rewire/guide/"

struct _RwGuide
{
  char *language;
  GPtrArray *chapters;     /* RwGuideChapter */
};

static void
block_free (RwGuideBlock *block)
{
  g_free (block->bullet);
  g_free (block->markup);
  g_free (block->text);
  g_free (block->slug);
  g_free (block);
}

static void
chapter_free (RwGuideChapter *chapter)
{
  g_free (chapter->id);
  g_free (chapter->title);
  g_ptr_array_unref (chapter->blocks);
  g_ptr_array_unref (chapter->links);
  g_free (chapter);
}

void
rw_guide_hit_free (RwGuideHit *hit)
{
  g_free (hit->snippet);
  g_free (hit);
}

void
rw_guide_free (RwGuide *guide)
{
  if (guide == NULL)
    return;
  g_free (guide->language);
  g_ptr_array_unref (guide->chapters);
  g_free (guide);
}

/**
 * rw_guide_slugify:
 * @text: a heading
 *
 * Lower case, letters and digits of any script kept, everything else a
 * word break, words joined by "-": "Questions to ask a provider" →
 * "questions-to-ask-a-provider".
 *
 * Returns: (transfer full): the slug
 */
char *
rw_guide_slugify (const char *text)
{
  g_autofree char *folded = g_utf8_strdown (text, -1);
  GString *slug = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (pending_dash && slug->len > 0)
            g_string_append_c (slug, '-');
          pending_dash = FALSE;
          g_string_append_unichar (slug, c);
        }
      else if (c != '\'' && c != 0x2019)    /* "don't" → "dont" */
        pending_dash = TRUE;
    }
  return g_string_free (slug, FALSE);
}

typedef struct
{
  GString *markup;
  GString *text;
  char *anchor;
  GPtrArray *links;
} Inline;

/* Renders the inline children of @node into Pango markup and plain text. */
static void
render_inlines (cmark_node *node,
                Inline     *out)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      const char *literal = cmark_node_get_literal (child);

      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
          {
            g_autofree char *escaped = g_markup_escape_text (literal, -1);
            g_string_append (out->markup, escaped);
            g_string_append (out->text, literal);
          }
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out->markup, ' ');
          g_string_append_c (out->text, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out->markup, '\n');
          g_string_append_c (out->text, '\n');
          break;
        case CMARK_NODE_CODE:
          {
            g_autofree char *escaped = g_markup_escape_text (literal, -1);
            g_string_append_printf (out->markup, "<tt>%s</tt>", escaped);
            g_string_append (out->text, literal);
          }
          break;
        case CMARK_NODE_EMPH:
          g_string_append (out->markup, "<i>");
          render_inlines (child, out);
          g_string_append (out->markup, "</i>");
          break;
        case CMARK_NODE_STRONG:
          g_string_append (out->markup, "<b>");
          render_inlines (child, out);
          g_string_append (out->markup, "</b>");
          break;
        case CMARK_NODE_LINK:
          {
            g_autofree char *url = g_markup_escape_text (cmark_node_get_url (child), -1);

            g_ptr_array_add (out->links, g_strdup (cmark_node_get_url (child)));
            g_string_append_printf (out->markup, "<a href=\"%s\">", url);
            render_inlines (child, out);
            g_string_append (out->markup, "</a>");
          }
          break;
        case CMARK_NODE_HTML_INLINE:
          {
            /* Only reference anchors are used: <a id="KEY"></a>. */
            const char *id = strstr (literal, "id=\"");

            if (id != NULL && out->anchor == NULL)
              {
                const char *end = strchr (id + 4, '"');
                if (end != NULL)
                  out->anchor = g_strndup (id + 4, end - id - 4);
              }
          }
          break;
        case CMARK_NODE_IMAGE:
        default:
          render_inlines (child, out);
          break;
        }
    }
}

/* A block of what @out rendered; takes its strings. */
static RwGuideBlock *
finish_block (RwGuideBlockKind  kind,
              Inline           *out)
{
  RwGuideBlock *block = g_new0 (RwGuideBlock, 1);

  block->kind = kind;
  block->markup = g_string_free (g_steal_pointer (&out->markup), FALSE);
  block->text = g_string_free (g_steal_pointer (&out->text), FALSE);
  block->slug = g_steal_pointer (&out->anchor);
  return block;
}

static RwGuideBlock *
make_block (RwGuideBlockKind  kind,
            cmark_node       *node,
            GPtrArray        *links)
{
  Inline out = { g_string_new (NULL), g_string_new (NULL), NULL, links };

  if (node != NULL)
    render_inlines (node, &out);
  return finish_block (kind, &out);
}

/* The paragraphs under @node (a list item or a block quote), joined. */
static RwGuideBlock *
make_container_block (RwGuideBlockKind  kind,
                      cmark_node       *node,
                      GPtrArray        *links)
{
  Inline out = { g_string_new (NULL), g_string_new (NULL), NULL, links };
  RwGuideBlock *block;

  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) != CMARK_NODE_PARAGRAPH)
        continue;
      if (out.markup->len > 0)
        {
          g_string_append (out.markup, "\n\n");
          g_string_append (out.text, "\n\n");
        }
      render_inlines (child, &out);
    }
  block = finish_block (kind, &out);
  block->myth = kind == RW_BLOCK_QUOTE && g_str_has_prefix (block->text, "Myth:");
  return block;
}

static void add_blocks_filtered (cmark_node *parent, RwGuideChapter *chapter, guint depth,
                                 gboolean lists_only);

/* The lists inside a list item (its paragraphs are the item itself). */
static void
add_list_only (cmark_node     *item,
               RwGuideChapter *chapter,
               guint           depth)
{
  add_blocks_filtered (item, chapter, depth, TRUE);
}

static void
add_blocks (cmark_node     *parent,
            RwGuideChapter *chapter,
            guint           depth)
{
  add_blocks_filtered (parent, chapter, depth, FALSE);
}

static void
add_blocks_filtered (cmark_node     *parent,
                     RwGuideChapter *chapter,
                     guint           depth,
                     gboolean        lists_only)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL;
       node = cmark_node_next (node))
    {
      RwGuideBlock *block = NULL;

      if (lists_only && cmark_node_get_type (node) != CMARK_NODE_LIST)
        continue;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          block = make_block (RW_BLOCK_HEADING, node, chapter->links);
          block->level = cmark_node_get_heading_level (node);
          g_free (block->slug);
          block->slug = rw_guide_slugify (block->text);
          if (chapter->title == NULL && block->level == 1)
            chapter->title = g_strdup (block->text);
          break;
        case CMARK_NODE_PARAGRAPH:
          block = make_block (RW_BLOCK_PARAGRAPH, node, chapter->links);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          block = make_container_block (RW_BLOCK_QUOTE, node, chapter->links);
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          block = make_block (RW_BLOCK_RULE, NULL, chapter->links);
          break;
        case CMARK_NODE_LIST:
          {
            gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
            int number = cmark_node_get_list_start (node);

            for (cmark_node *item = cmark_node_first_child (node); item != NULL;
                 item = cmark_node_next (item), number++)
              {
                RwGuideBlock *entry = make_container_block (RW_BLOCK_LIST_ITEM, item, chapter->links);

                entry->level = depth + 1;
                entry->bullet = ordered ? g_strdup_printf ("%d.", number) : g_strdup ("•");
                g_ptr_array_add (chapter->blocks, entry);
                /* Lists inside the item follow it, one level deeper. */
                for (cmark_node *sub = cmark_node_first_child (item); sub != NULL;
                     sub = cmark_node_next (sub))
                  if (cmark_node_get_type (sub) == CMARK_NODE_LIST)
                    {
                      add_list_only (item, chapter, depth + 1);
                      break;
                    }
              }
          }
          break;
        case CMARK_NODE_CODE_BLOCK:
          {
            g_autofree char *escaped = g_markup_escape_text (cmark_node_get_literal (node), -1);

            block = g_new0 (RwGuideBlock, 1);
            block->kind = RW_BLOCK_PARAGRAPH;
            block->markup = g_strdup_printf ("<tt>%s</tt>", escaped);
            block->text = g_strdup (cmark_node_get_literal (node));
          }
          break;
        default:
          break;
        }
      if (block != NULL)
        g_ptr_array_add (chapter->blocks, block);
    }
}

static RwGuideChapter *
parse_chapter (const char *id,
               const char *text,
               gsize       length)
{
  RwGuideChapter *chapter = g_new0 (RwGuideChapter, 1);
  cmark_node *document = cmark_parse_document (text, length, CMARK_OPT_SMART);

  chapter->id = g_strdup (id);
  chapter->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  chapter->links = g_ptr_array_new_with_free_func (g_free);
  add_blocks (document, chapter, 0);
  cmark_node_free (document);
  if (chapter->title == NULL)
    chapter->title = g_strdup (id);
  return chapter;
}

static RwGuide *
guide_new (const char *language)
{
  RwGuide *guide = g_new0 (RwGuide, 1);

  guide->language = g_strdup (language);
  guide->chapters = g_ptr_array_new_with_free_func ((GDestroyNotify) chapter_free);
  return guide;
}

RwGuide *
rw_guide_new_from_texts (const char * const *ids,
                         const char * const *texts)
{
  RwGuide *guide = guide_new ("C");

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (guide->chapters, parse_chapter (ids[i], texts[i], strlen (texts[i])));
  return guide;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

RwGuide *
rw_guide_load (const char  *language,
               GError     **error)
{
  GResource *resource = rw_guide_get_resource ();
  g_autofree char *folder = g_strdup_printf (GUIDE_PREFIX "%s/", language != NULL ? language : "C");
  g_auto(GStrv) names = g_resource_enumerate_children (resource, folder, 0, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  RwGuide *guide;

  if (names == NULL)
    {
      g_free (folder);
      folder = g_strdup (GUIDE_PREFIX "C/");
      names = g_resource_enumerate_children (resource, folder, 0, error);
      if (names == NULL)
        return NULL;
      language = "C";
    }

  guide = guide_new (language != NULL ? language : "C");
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".md"))
      g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *name = g_ptr_array_index (sorted, i);
      g_autofree char *path = g_strconcat (folder, name, NULL);
      g_autofree char *id = g_strndup (name, strlen (name) - 3);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (resource, path, 0, error);
      gsize length;
      const char *data;

      if (bytes == NULL)
        {
          rw_guide_free (guide);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &length);
      g_ptr_array_add (guide->chapters, parse_chapter (id, data, length));
    }
  return guide;
}

const char *
rw_guide_get_language (RwGuide *guide)
{
  return guide->language;
}

guint
rw_guide_get_n_chapters (RwGuide *guide)
{
  return guide->chapters->len;
}

RwGuideChapter *
rw_guide_get_chapter (RwGuide *guide,
                      guint    index)
{
  g_return_val_if_fail (index < guide->chapters->len, NULL);
  return g_ptr_array_index (guide->chapters, index);
}

int
rw_guide_find_chapter (RwGuide    *guide,
                       const char *id)
{
  for (guint i = 0; i < guide->chapters->len; i++)
    if (g_str_equal (((RwGuideChapter *) g_ptr_array_index (guide->chapters, i))->id, id))
      return (int) i;
  return -1;
}

gboolean
rw_guide_resolve_link (RwGuide    *guide,
                       const char *uri,
                       guint      *chapter,
                       guint      *block)
{
  if (g_str_has_prefix (uri, "guide:"))
    {
      g_autofree char *target = g_strdup (uri + strlen ("guide:"));
      char *hash = strchr (target, '#');
      int c;

      if (hash != NULL)
        *hash++ = '\0';
      c = rw_guide_find_chapter (guide, target);
      if (c < 0)
        return FALSE;
      if (chapter != NULL)
        *chapter = (guint) c;
      if (block != NULL)
        *block = 0;
      if (hash == NULL || *hash == '\0')
        return TRUE;
      {
        RwGuideChapter *ch = g_ptr_array_index (guide->chapters, c);

        for (guint b = 0; b < ch->blocks->len; b++)
          {
            RwGuideBlock *bl = g_ptr_array_index (ch->blocks, b);

            if (bl->kind == RW_BLOCK_HEADING && g_strcmp0 (bl->slug, hash) == 0)
              {
                if (block != NULL)
                  *block = b;
                return TRUE;
              }
          }
      }
      return FALSE;
    }

  if (g_str_has_prefix (uri, "ref:"))
    {
      const char *key = uri + strlen ("ref:");

      for (guint c = 0; c < guide->chapters->len; c++)
        {
          RwGuideChapter *ch = g_ptr_array_index (guide->chapters, c);

          for (guint b = 0; b < ch->blocks->len; b++)
            {
              RwGuideBlock *bl = g_ptr_array_index (ch->blocks, b);

              if (bl->kind != RW_BLOCK_HEADING && g_strcmp0 (bl->slug, key) == 0)
                {
                  if (chapter != NULL)
                    *chapter = c;
                  if (block != NULL)
                    *block = b;
                  return TRUE;
                }
            }
        }
    }
  return FALSE;
}

/* Whether every word of @words starts a word in @folded. */
static gboolean
matches (const char  *folded,
         char       **words,
         const char **first)
{
  *first = NULL;
  for (guint w = 0; words[w] != NULL; w++)
    {
      const char *p = folded;
      gboolean found = FALSE;

      while ((p = strstr (p, words[w])) != NULL)
        {
          if (p == folded || !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (folded, p))))
            {
              found = TRUE;
              if (*first == NULL || p < *first)
                *first = p;
              break;
            }
          p = g_utf8_next_char (p);
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
rw_guide_search (RwGuide    *guide,
                 const char *query)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_guide_hit_free);
  g_autofree char *folded_query = g_utf8_casefold (query, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  words = g_strsplit_set (g_strstrip (folded_query), " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);
  if (((char **) kept->pdata)[0] == NULL)
    return hits;

  for (guint c = 0; c < guide->chapters->len; c++)
    {
      RwGuideChapter *ch = g_ptr_array_index (guide->chapters, c);

      for (guint b = 0; b < ch->blocks->len; b++)
        {
          RwGuideBlock *bl = g_ptr_array_index (ch->blocks, b);
          g_autofree char *folded = g_utf8_casefold (bl->text, -1);
          const char *first;

          if (bl->text[0] == '\0' || !matches (folded, (char **) kept->pdata, &first))
            continue;

          {
            /* A snippet around the first match; casefolding keeps most
             * text the same length, and where it does not the snippet
             * simply starts a little off. */
            RwGuideHit *hit = g_new0 (RwGuideHit, 1);
            glong at = g_utf8_pointer_to_offset (folded, first);
            glong length = g_utf8_strlen (bl->text, -1);
            glong start = MAX (0, at - 40);
            glong end = MIN (length, at + 100);
            const char *s = g_utf8_offset_to_pointer (bl->text, MIN (start, length));
            const char *m0 = g_utf8_offset_to_pointer (bl->text, MIN (at, length));

            /* Start the snippet at a word, not in the middle of one. */
            if (start > 0)
              {
                const char *space = s;

                while (space < m0 && !g_unichar_isspace (g_utf8_get_char (space)))
                  space = g_utf8_next_char (space);
                if (space < m0)
                  s = g_utf8_next_char (space);
              }
            const char *m = g_utf8_offset_to_pointer (bl->text, MIN (at, length));
            const char *m_end = g_utf8_offset_to_pointer (m, MIN ((glong) g_utf8_strlen (((char **) kept->pdata)[0], -1), length - MIN (at, length)));
            const char *e = g_utf8_offset_to_pointer (bl->text, end);
            g_autofree char *before = g_markup_escape_text (s, m - s);
            g_autofree char *match = g_markup_escape_text (m, m_end - m);
            g_autofree char *after = g_markup_escape_text (m_end, e - m_end);

            hit->chapter = c;
            hit->block = b;
            hit->snippet = g_strdup_printf ("%s%s<b>%s</b>%s%s", start > 0 ? "…" : "", before, match,
                                            after, end < length ? "…" : "");
            g_strdelimit (hit->snippet, "\n", ' ');
            g_ptr_array_add (hits, hit);
          }
        }
    }
  return hits;
}
