/* test-guide.c: the guide's content and its parser.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "rw-core.h"

static RwGuide *guide;

/* Pango markup plus GtkLabel's <a href>: valid when Pango accepts it with
 * the links taken out. */
static gboolean
valid_markup (const char *markup)
{
  g_autoptr(GRegex) links = g_regex_new ("<a href=\"[^\"<>]*\">|</a>", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace (links, markup, -1, 0, "", 0, NULL);

  return pango_parse_markup (plain, -1, 0, NULL, NULL, NULL, NULL);
}

static void
test_every_chapter_parses (void)
{
  g_assert_cmpuint (rw_guide_get_n_chapters (guide), >=, 14);
  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    {
      RwGuideChapter *chapter = rw_guide_get_chapter (guide, c);
      RwGuideBlock *first = g_ptr_array_index (chapter->blocks, 0);
      guint paragraphs = 0;

      g_test_message ("%s: %s", chapter->id, chapter->title);
      g_assert_cmpuint (first->kind, ==, RW_BLOCK_HEADING);
      g_assert_cmpuint (first->level, ==, 1);
      g_assert_cmpstr (chapter->title, ==, first->text);
      for (guint b = 0; b < chapter->blocks->len; b++)
        {
          RwGuideBlock *block = g_ptr_array_index (chapter->blocks, b);

          /* The markup is valid Pango markup. */
          g_assert_true (valid_markup (block->markup));
          if (block->kind != RW_BLOCK_HEADING)
            paragraphs++;
        }
      g_assert_cmpuint (paragraphs, >=, 3);
    }
}

static void
test_required_chapters (void)
{
  const char *ids[] = {
    "00-not-medical-advice", "01-what-is-ketamine", "02-in-the-brain", "03-evidence",
    "04-what-to-expect", "05-safety", "06-myths", "07-integration", "08-path",
    "09-habits-and-tools", "10-questions-for-a-provider", "11-faq", "12-stories", "13-references",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (rw_guide_find_chapter (guide, ids[i]), >=, 0);
}

static void
test_every_link_resolves (void)
{
  guint links = 0;

  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    {
      RwGuideChapter *chapter = rw_guide_get_chapter (guide, c);

      for (guint l = 0; l < chapter->links->len; l++)
        {
          const char *uri = g_ptr_array_index (chapter->links, l);

          g_test_message ("%s → %s", chapter->id, uri);
          if (g_str_equal (uri, "app:help"))
            continue;
          /* No web addresses in the text: the guide works offline. */
          g_assert_true (g_str_has_prefix (uri, "guide:") || g_str_has_prefix (uri, "ref:"));
          g_assert_true (rw_guide_resolve_link (guide, uri, NULL, NULL));
          links++;
        }
    }
  g_assert_cmpuint (links, >, 40);

  /* And links that lead nowhere are told apart. */
  g_assert_false (rw_guide_resolve_link (guide, "guide:no-such-chapter", NULL, NULL));
  g_assert_false (rw_guide_resolve_link (guide, "guide:05-safety#no-such-heading", NULL, NULL));
  g_assert_false (rw_guide_resolve_link (guide, "ref:nobody1999", NULL, NULL));
}

static void
test_every_chapter_reaches_help (void)
{
  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    {
      RwGuideChapter *chapter = rw_guide_get_chapter (guide, c);

      if (g_str_equal (chapter->id, "13-references"))
        continue;
      g_test_message ("%s", chapter->id);
      g_assert_true (g_ptr_array_find_with_equal_func (chapter->links, "app:help", g_str_equal, NULL));
    }
}

static void
test_every_reference_is_cited (void)
{
  int refs = rw_guide_find_chapter (guide, "13-references");
  RwGuideChapter *chapter = rw_guide_get_chapter (guide, refs);
  guint anchors = 0;

  for (guint b = 0; b < chapter->blocks->len; b++)
    {
      RwGuideBlock *block = g_ptr_array_index (chapter->blocks, b);
      g_autofree char *uri = NULL;
      gboolean cited = FALSE;

      if (block->kind != RW_BLOCK_LIST_ITEM)
        continue;
      g_assert_nonnull (block->slug);
      anchors++;
      uri = g_strconcat ("ref:", block->slug, NULL);
      for (guint c = 0; c < rw_guide_get_n_chapters (guide) && !cited; c++)
        if ((int) c != refs)
          cited = g_ptr_array_find_with_equal_func (rw_guide_get_chapter (guide, c)->links, uri,
                                                    g_str_equal, NULL);
      g_test_message ("%s cited: %d", block->slug, cited);
      g_assert_true (cited);
    }
  /* The six studies of the sources at least. */
  g_assert_cmpuint (anchors, >=, 6);
}

static void
test_search_finds_every_chapter (void)
{
  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    {
      RwGuideChapter *chapter = rw_guide_get_chapter (guide, c);
      g_autoptr(GPtrArray) hits = NULL;
      g_autofree char *word = NULL;
      gboolean found = FALSE;

      /* The longest word of the chapter's second block. */
      {
        RwGuideBlock *block = g_ptr_array_index (chapter->blocks, 1);
        g_auto(GStrv) words = g_regex_split_simple ("[^\\p{L}\\p{N}]+", block->text, 0, 0);

        for (guint w = 0; words[w] != NULL; w++)
          if (word == NULL || strlen (words[w]) > strlen (word))
            {
              g_free (word);
              word = g_strdup (words[w]);
            }
      }
      hits = rw_guide_search (guide, word);
      for (guint h = 0; h < hits->len && !found; h++)
        found = ((RwGuideHit *) g_ptr_array_index (hits, h))->chapter == c;
      g_test_message ("%s: “%s”, %u hits", chapter->id, word, hits->len);
      g_assert_true (found);
    }
}

static void
test_search_behaviour (void)
{
  g_autoptr(GPtrArray) hits = rw_guide_search (guide, "  DISSOCI  ");
  g_autoptr(GPtrArray) none = rw_guide_search (guide, "zzqx");
  g_autoptr(GPtrArray) empty = rw_guide_search (guide, "   ");
  g_autoptr(GPtrArray) both = rw_guide_search (guide, "blood pressure");
  RwGuideHit *hit;

  g_assert_cmpuint (hits->len, >, 3);
  hit = g_ptr_array_index (hits, 0);
  g_assert_nonnull (strstr (hit->snippet, "<b>"));
  g_assert_true (pango_parse_markup (hit->snippet, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (both->len, >, 2);
}

static void
test_parser (void)
{
  const char *ids[] = { "a", "b", NULL };
  const char *texts[] = {
    "# Title A\n\nSee [b](guide:b#sub-part) and [x](ref:k1).\n\n"
    "> **Myth:** it is\n>\n> **Fact:** it is not\n\n"
    "1. one\n   - nested\n2. two\n\n---\n",
    "# Title B\n\n## Sub-part: *it's* here!\n\n- <a id=\"k1\"></a>Key, one & two < three.\n",
    NULL,
  };
  g_autoptr(RwGuide) g = rw_guide_new_from_texts (ids, texts);
  RwGuideChapter *a = rw_guide_get_chapter (g, 0);
  RwGuideChapter *b = rw_guide_get_chapter (g, 1);
  RwGuideBlock *block;
  guint chapter, index;

  g_assert_cmpstr (a->title, ==, "Title A");
  block = g_ptr_array_index (a->blocks, 2);
  g_assert_cmpint (block->kind, ==, RW_BLOCK_QUOTE);
  g_assert_true (block->myth);
  block = g_ptr_array_index (a->blocks, 3);
  g_assert_cmpint (block->kind, ==, RW_BLOCK_LIST_ITEM);
  g_assert_cmpstr (block->bullet, ==, "1.");
  block = g_ptr_array_index (a->blocks, 4);
  g_assert_cmpstr (block->bullet, ==, "•");
  g_assert_cmpuint (block->level, ==, 2);
  block = g_ptr_array_index (a->blocks, 5);
  g_assert_cmpstr (block->bullet, ==, "2.");
  block = g_ptr_array_index (a->blocks, 6);
  g_assert_cmpint (block->kind, ==, RW_BLOCK_RULE);

  block = g_ptr_array_index (b->blocks, 1);
  g_assert_cmpstr (block->slug, ==, "sub-part-its-here");
  block = g_ptr_array_index (b->blocks, 2);
  g_assert_cmpstr (block->slug, ==, "k1");
  g_assert_nonnull (strstr (block->markup, "&amp;"));
  g_assert_nonnull (strstr (block->markup, "two &lt; three"));

  g_assert_true (rw_guide_resolve_link (g, "guide:b#sub-part-its-here", &chapter, &index));
  g_assert_cmpuint (chapter, ==, 1);
  g_assert_cmpuint (index, ==, 1);
  g_assert_true (rw_guide_resolve_link (g, "ref:k1", &chapter, &index));
  g_assert_cmpuint (index, ==, 2);

  {
    g_autofree char *slug = rw_guide_slugify ("Questions to ask a provider");
    g_assert_cmpstr (slug, ==, "questions-to-ask-a-provider");
  }
}

/* Lower-case words of letters and digits, apostrophes dropped. */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *word = g_string_new (NULL);

  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c)))
        g_string_append_unichar (word, c);
      else if (c == '\'' || c == 0x2019)
        continue;
      else
        {
          if (word->len > 0)
            g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
          if (c == 0)
            break;
        }
    }
  g_string_free (word, TRUE);
  return words;
}

#define RUN 12

static void
test_no_12_word_overlap_with_seeds (void)
{
  const char *dir = g_getenv ("REWIRE_SEEDS_DIR");
  g_autoptr(GHashTable) seed_runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) seeds = NULL;
  const char *name;
  guint files = 0, checked = 0;

  if (dir == NULL || (seeds = g_dir_open (dir, 0, NULL)) == NULL)
    {
      g_test_skip ("The source articles (../shared/seeds) are not beside the project");
      return;
    }

  while ((name = g_dir_read_name (seeds)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) words = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      words = words_of (text);
      for (guint i = 0; i + RUN <= words->len; i++)
        {
          GString *run = g_string_new (NULL);

          for (guint k = 0; k < RUN; k++)
            {
              if (k > 0)
                g_string_append_c (run, ' ');
              g_string_append (run, g_ptr_array_index (words, i + k));
            }
          g_hash_table_add (seed_runs, g_string_free (run, FALSE));
        }
      files++;
    }
  g_assert_cmpuint (files, >=, 5);

  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    {
      RwGuideChapter *chapter = rw_guide_get_chapter (guide, c);
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(GPtrArray) words = NULL;

      /* The reference list quotes its citations exactly. */
      if (g_str_equal (chapter->id, "13-references"))
        continue;
      for (guint b = 0; b < chapter->blocks->len; b++)
        {
          g_string_append (all, ((RwGuideBlock *) g_ptr_array_index (chapter->blocks, b))->text);
          g_string_append_c (all, '\n');
        }
      words = words_of (all->str);
      for (guint i = 0; i + RUN <= words->len; i++)
        {
          g_autoptr(GString) run = g_string_new (NULL);

          for (guint k = 0; k < RUN; k++)
            {
              if (k > 0)
                g_string_append_c (run, ' ');
              g_string_append (run, g_ptr_array_index (words, i + k));
            }
          if (g_hash_table_contains (seed_runs, run->str))
            g_error ("%s repeats 12 words of a source: “%s”", chapter->id, run->str);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 3000);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  guide = rw_guide_load ("C", &error);
  g_assert_no_error (error);

  g_test_add_func ("/guide/every-chapter-parses", test_every_chapter_parses);
  g_test_add_func ("/guide/required-chapters", test_required_chapters);
  g_test_add_func ("/guide/every-link-resolves", test_every_link_resolves);
  g_test_add_func ("/guide/every-chapter-reaches-help", test_every_chapter_reaches_help);
  g_test_add_func ("/guide/every-reference-is-cited", test_every_reference_is_cited);
  g_test_add_func ("/guide/search-finds-every-chapter", test_search_finds_every_chapter);
  g_test_add_func ("/guide/search-behaviour", test_search_behaviour);
  g_test_add_func ("/guide/parser", test_parser);
  g_test_add_func ("/guide/no-12-word-overlap-with-seeds", test_no_12_word_overlap_with_seeds);

  status = g_test_run ();
  rw_guide_free (guide);
  return status;
}
