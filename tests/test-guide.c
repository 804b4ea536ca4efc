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
  g_assert_cmpuint (rw_guide_get_n_chapters (guide), >=, 15);
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
    "04-session-days", "04-what-to-expect", "05-safety", "06-myths", "07-integration", "08-path",
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

#define NOT_ADVICE "Rewire is not medical advice. If you are in crisis, see Get help now."

/* Every chapter, the references included, ends with the not-medical-advice
 * line, and its "Get help now" leads to the help page. */
static void
test_every_chapter_ends_with_not_advice (void)
{
  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    {
      RwGuideChapter *chapter = rw_guide_get_chapter (guide, c);
      RwGuideBlock *last = g_ptr_array_index (chapter->blocks, chapter->blocks->len - 1);

      g_test_message ("%s: “%s”", chapter->id, last->text);
      g_assert_cmpint (last->kind, ==, RW_BLOCK_PARAGRAPH);
      g_assert_cmpstr (last->text, ==, NOT_ADVICE);
      g_assert_nonnull (strstr (last->markup, "<a href=\"app:help\">"));
    }
}

/* The text a reader meets, with the titles and web addresses of cited
 * works taken out of the reference list: they are the work's, not ours. */
static char *
text_without_titles (RwGuideChapter *chapter,
                     RwGuideBlock   *block)
{
  g_autoptr(GRegex) quoted = NULL;

  if (!g_str_equal (chapter->id, "13-references"))
    return g_strdup (block->text);
  quoted = g_regex_new ("“[^”]*”|https?://[^ ]+", 0, 0, NULL);
  return g_regex_replace_literal (quoted, block->text, -1, 0, " ", 0, NULL);
}

/* Wherever the guide meets suicide, self-harm or crisis, the same section
 * (the blocks between two headings) offers "Get help now". */
static void
test_crisis_sections_reach_help (void)
{
  g_autoptr(GRegex) crisis = g_regex_new ("suicid|self-harm|harm(ing)? yourself|crisis",
                                          G_REGEX_CASELESS, 0, NULL);
  guint sections = 0;

  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    {
      RwGuideChapter *chapter = rw_guide_get_chapter (guide, c);
      guint start = 0;

      while (start < chapter->blocks->len)
        {
          guint end = start + 1;
          const char *mention = NULL;
          gboolean help = FALSE;

          while (end < chapter->blocks->len &&
                 ((RwGuideBlock *) g_ptr_array_index (chapter->blocks, end))->kind != RW_BLOCK_HEADING)
            end++;
          for (guint b = start; b < end; b++)
            {
              RwGuideBlock *block = g_ptr_array_index (chapter->blocks, b);
              g_autofree char *text = text_without_titles (chapter, block);

              if (mention == NULL && g_regex_match (crisis, text, 0, NULL))
                mention = block->text;
              help = help || strstr (block->markup, "<a href=\"app:help\">") != NULL;
            }
          if (mention != NULL)
            {
              g_test_message ("%s, block %u: “%.60s…” → help: %d", chapter->id, start, mention, help);
              g_assert_true (help);
              sections++;
            }
          start = end;
        }
    }
  /* At least the crisis section, the evidence on suicidal thinking and
   * every chapter's last line. */
  g_assert_cmpuint (sections, >, rw_guide_get_n_chapters (guide));
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

/* Each reference can be looked up (a DOI, a PubMed number or a web
 * address), says what kind of work it is, and the list says when and
 * against what it was checked. */
static void
test_every_reference_can_be_looked_up (void)
{
  RwGuideChapter *chapter = rw_guide_get_chapter (guide, rw_guide_find_chapter (guide, "13-references"));
  g_autoptr(GRegex) id = g_regex_new ("doi:10\\.[0-9]{4,9}/[^ ]+[^ .]|PMID [0-9]{6,9}|https?://[^ ]+",
                                      0, 0, NULL);
  g_autoptr(GRegex) checked = g_regex_new ("^Checked on [0-9]{4}-[0-9]{2}-[0-9]{2} against .*stored in the project.s search tool",
                                           0, 0, NULL);
  guint refs = 0, dates = 0;

  for (guint b = 0; b < chapter->blocks->len; b++)
    {
      RwGuideBlock *block = g_ptr_array_index (chapter->blocks, b);

      if (block->kind == RW_BLOCK_PARAGRAPH && g_regex_match (checked, block->text, 0, NULL))
        dates++;
      if (block->kind != RW_BLOCK_LIST_ITEM)
        continue;
      g_test_message ("%s", block->slug);
      g_assert_nonnull (block->slug);
      g_assert_true (g_regex_match (id, block->text, 0, NULL));
      g_assert_nonnull (strstr (block->text, "What it is:"));
      refs++;
    }
  g_assert_cmpuint (refs, >=, 20);
  g_assert_cmpuint (dates, ==, 1);
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
  guint files = 0, checked = 0, chapters = 0;

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

      /* Every chapter, the references too; only the titles of cited
       * works may match, since they are quoted exactly. */
      for (guint b = 0; b < chapter->blocks->len; b++)
        {
          g_autofree char *text = text_without_titles (chapter, g_ptr_array_index (chapter->blocks, b));

          g_string_append (all, text);
          g_string_append_c (all, '\n');
        }
      chapters++;
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
  g_assert_cmpuint (chapters, ==, rw_guide_get_n_chapters (guide));
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
  g_test_add_func ("/guide/every-chapter-ends-with-not-advice", test_every_chapter_ends_with_not_advice);
  g_test_add_func ("/guide/crisis-sections-reach-help", test_crisis_sections_reach_help);
  g_test_add_func ("/guide/every-reference-is-cited", test_every_reference_is_cited);
  g_test_add_func ("/guide/every-reference-can-be-looked-up", test_every_reference_can_be_looked_up);
  g_test_add_func ("/guide/search-finds-every-chapter", test_search_finds_every_chapter);
  g_test_add_func ("/guide/search-behaviour", test_search_behaviour);
  g_test_add_func ("/guide/parser", test_parser);
  g_test_add_func ("/guide/no-12-word-overlap-with-seeds", test_no_12_word_overlap_with_seeds);

  status = g_test_run ();
  rw_guide_free (guide);
  return status;
}
