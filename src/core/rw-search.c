/* rw-search.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-search"

#include "config.h"

#include <string.h>

#include "rw-search.h"

/* A query never needs more; the cap keeps a pasted essay cheap. */
#define MAX_TERMS 32

/* Scripts that do not put spaces between words. Their characters are
 * indexed one per token, so any run of them can be found as a phrase. */
static gboolean
is_segmented (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
      return TRUE;
    default:
      /* The prolonged sound mark and other kana-range symbols of script
       * "common" belong with their neighbours. */
      return (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F);
    }
}

/* What FTS5 (tokenchars "L* N* Co M*") keeps inside a token. */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Every script written without spaces lies above U+0800, where UTF-8
 * sequences start with a byte of 0xE0 or more: text without such a byte
 * (most notes) is indexed as it is. */
static gboolean
may_hold_segmented (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0xE0)
      return TRUE;
  return FALSE;
}

static char *
spread_segmented (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  const char *run = text;
  const char *p = text;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);

      if ((guchar) *p >= 0xE0 && is_segmented (g_utf8_get_char (p)))
        {
          g_string_append_len (out, run, p - run);
          g_string_append_c (out, ' ');
          g_string_append_len (out, p, next - p);
          g_string_append_c (out, ' ');
          run = next;
        }
      p = next;
    }
  g_string_append (out, run);

  return g_string_free (out, FALSE);
}

/**
 * rw_search_index_text_borrow:
 * @text: a note or the tags, as stored (valid UTF-8)
 * @to_free: (out) (transfer full): set to what the caller frees, or %NULL
 *
 * Like rw_search_index_text(), without a copy when @text needs no
 * change (as for every text without a script written without spaces).
 *
 * Returns: (transfer none): the text for the index: @text itself or
 *   *@to_free
 */
const char *
rw_search_index_text_borrow (const char  *text,
                             char       **to_free)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (to_free != NULL, NULL);

  *to_free = NULL;
  /* Stored text is always valid UTF-8; this keeps anything else harmless. */
  if (!g_utf8_validate (text, -1, NULL))
    text = *to_free = g_utf8_make_valid (text, -1);

  if (!may_hold_segmented (text))
    return text;

  {
    char *spread = spread_segmented (text);

    g_free (*to_free);
    *to_free = spread;
    return spread;
  }
}

/**
 * rw_search_index_text:
 * @text: a note or the tags, as stored
 *
 * Returns: (transfer full): @text with a space around every character of
 *   a script written without spaces, for the FTS5 index
 */
char *
rw_search_index_text (const char *text)
{
  g_autofree char *to_free = NULL;
  const char *indexed;

  g_return_val_if_fail (text != NULL, NULL);

  indexed = rw_search_index_text_borrow (text, &to_free);
  return indexed == to_free ? g_steal_pointer (&to_free) : g_strdup (indexed);
}

static void
flush_term (GString  *match,
            GString  *term,
            gboolean  segmented,
            guint    *n_terms)
{
  if (term->len == 0)
    return;

  if (*n_terms < MAX_TERMS)
    {
      if (match->len > 0)
        g_string_append_c (match, ' ');
      /* Terms hold only token characters, never a quote, so quoting them
       * is all the escaping FTS5 needs. */
      g_string_append_printf (match, "\"%s\"%s", term->str, segmented ? "" : "*");
      (*n_terms)++;
    }
  g_string_truncate (term, 0);
}

/**
 * rw_search_build_match:
 * @query: what a person typed
 *
 * Turns typed text into an FTS5 MATCH expression that finds check-ins
 * holding every word of @query, each as a prefix.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   @query holds nothing to search for
 */
char *
rw_search_build_match (const char *query)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) term = g_string_new (NULL);
  g_autofree char *valid = NULL;
  gboolean segmented = FALSE;
  guint n_terms = 0;

  if (query == NULL)
    return NULL;

  valid = g_utf8_make_valid (query, -1);
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_segmented (c))
        {
          if (!segmented)
            flush_term (match, term, FALSE, &n_terms);
          segmented = TRUE;
          if (term->len > 0)
            g_string_append_c (term, ' ');
          g_string_append_unichar (term, c);
        }
      else if (is_token_char (c))
        {
          if (segmented)
            flush_term (match, term, TRUE, &n_terms);
          segmented = FALSE;
          g_string_append_unichar (term, c);
        }
      else
        {
          flush_term (match, term, segmented, &n_terms);
          segmented = FALSE;
        }
    }
  flush_term (match, term, segmented, &n_terms);

  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

static gboolean
is_word_start (const char *text,
               const char *p)
{
  const char *prev;

  if (p == text)
    return TRUE;
  prev = g_utf8_prev_char (p);
  return !is_token_char (g_utf8_get_char (prev)) || is_segmented (g_utf8_get_char (p));
}

/**
 * rw_search_highlight_markup:
 * @text: a note or a tag, as stored
 * @query: (nullable): what a person searched for
 *
 * Marks where the words of @query match @text as the search does: at the
 * start of a word, ignoring case and accents (and anywhere for scripts
 * written without spaces).
 *
 * Returns: (transfer full): Pango markup of @text, escaped, with each
 *   match in <b> with a highlight
 */
char *
rw_search_highlight_markup (const char *text,
                            const char *query)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (query != NULL)
    {
      g_autofree char *query_valid = g_utf8_make_valid (query, -1);
      GString *term = g_string_new (NULL);

      for (p = query_valid; ; p = g_utf8_next_char (p))
        {
          gunichar c = *p ? g_utf8_get_char (p) : 0;

          if (c != 0 && is_token_char (c) && !is_segmented (c))
            {
              g_string_append_unichar (term, c);
              continue;
            }
          if (term->len > 0)
            {
              g_ptr_array_add (terms, g_utf8_casefold (term->str, -1));
              g_string_truncate (term, 0);
            }
          if (c != 0 && is_segmented (c))
            {
              char buf[7] = { 0 };
              g_unichar_to_utf8 (c, buf);
              g_ptr_array_add (terms, g_strdup (buf));
            }
          if (c == 0)
            break;
        }
      g_string_free (term, TRUE);
    }

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  p = valid;
  while (*p)
    {
      gsize best = 0;

      if (is_word_start (valid, p))
        for (guint i = 0; i < terms->len; i++)
          {
            const char *term = g_ptr_array_index (terms, i);
            glong term_chars = g_utf8_strlen (term, -1);
            const char *end = p;
            g_autofree char *candidate = NULL;
            g_autofree char *folded = NULL;
            g_autofree char *plain = NULL;
            g_autofree char *plain_term = NULL;

            for (glong n = 0; n < term_chars && *end; n++)
              end = g_utf8_next_char (end);
            candidate = g_strndup (p, end - p);
            folded = g_utf8_casefold (candidate, -1);
            /* Compare without accents, as the index does. */
            plain = g_str_to_ascii (folded, "C");
            plain_term = g_str_to_ascii (term, "C");
            /* g_str_to_ascii() turns what it cannot transliterate into "?". */
            if ((g_str_equal (folded, term) ||
                 (strchr (plain_term, '?') == NULL && strchr (plain, '?') == NULL &&
                  g_str_equal (plain, plain_term))) &&
                (gsize) (end - p) > best)
              best = end - p;
          }

      if (best > 0)
        {
          g_autofree char *escaped = g_markup_escape_text (p, best);

          g_string_append_printf (out, "<span weight=\"bold\" underline=\"single\">%s</span>",
                                  escaped);
          p += best;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *escaped = g_markup_escape_text (p, next - p);

          g_string_append (out, escaped);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}
