/* test-search.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-core.h"

static void
test_build_match (void)
{
  static const struct { const char *query; const char *match; } cases[] = {
    { "walk", "\"walk\"*" },
    { "  walk   river ", "\"walk\"* \"river\"*" },
    { "睡眠", "\"睡 眠\"" },
    { "sleep睡眠", "\"sleep\"* \"睡 眠\"" },
    { "\"AND (*", "\"AND\"*" },
    { "col:value", "\"col\"* \"value\"*" },
    { "NEAR(a b)", "\"NEAR\"* \"a\"* \"b\"*" },
    { "café", "\"café\"*" },
    { "\"", NULL },
    { "*** ^ - + ()", NULL },
    { "", NULL },
    { "🙂", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = rw_search_build_match (cases[i].query);

      g_test_message ("query “%s”", cases[i].query);
      g_assert_cmpstr (match, ==, cases[i].match);
    }

  g_assert_null (rw_search_build_match (NULL));
}

static void
test_index_text (void)
{
  g_autofree char *ja = rw_search_index_text ("昨夜は睡眠");
  g_autofree char *en = rw_search_index_text ("Walked by the river");

  g_assert_cmpstr (ja, ==, " 昨  夜  は  睡  眠 ");
  g_assert_cmpstr (en, ==, "Walked by the river");
}

static void
test_many_terms_capped (void)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *match = NULL;
  guint quotes = 0;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (query, "w%u ", i);
  match = rw_search_build_match (query->str);
  for (const char *p = match; *p; p++)
    quotes += *p == '"';
  g_assert_cmpuint (quotes, ==, 2 * 32);
}

static void
test_highlight (void)
{
  static const struct { const char *text; const char *query; const char *markup; } cases[] = {
    { "Walked by the river", "walk", "<span weight=\"bold\" underline=\"single\">Walk</span>ed by the river" },
    { "a <b> & c", "b", "a &lt;<span weight=\"bold\" underline=\"single\">b</span>&gt; &amp; c" },
    { "Café at noon", "cafe", "<span weight=\"bold\" underline=\"single\">Café</span> at noon" },
    { "sidewalk", "walk", "sidewalk" },
    { "昨夜は睡眠", "睡眠", "昨夜は<span weight=\"bold\" underline=\"single\">睡</span><span weight=\"bold\" underline=\"single\">眠</span>" },
    { "nothing here", NULL, "nothing here" },
    { "nothing here", "\"(*", "nothing here" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = rw_search_highlight_markup (cases[i].text, cases[i].query);

      g_test_message ("text “%s”", cases[i].text);
      g_assert_cmpstr (markup, ==, cases[i].markup);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/build-match", test_build_match);
  g_test_add_func ("/search/index-text", test_index_text);
  g_test_add_func ("/search/many-terms-capped", test_many_terms_capped);
  g_test_add_func ("/search/highlight", test_highlight);

  return g_test_run ();
}
