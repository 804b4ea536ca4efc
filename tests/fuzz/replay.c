/* replay.c: runs a fuzz target without libFuzzer, so that the normal test
 * suite exercises it: every file of its corpus, then a fixed number of
 * inputs made by mutating them with a seeded generator (the same inputs on
 * every run).
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static GPtrArray *
load_corpus (const char *dir)
{
  GPtrArray *corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_ptr_array_add (corpus, g_bytes_new_take (contents, length));
    }
  g_assert_cmpuint (corpus->len, >, 0);
  return corpus;
}

static GBytes *
mutate (GRand  *rand,
        GBytes *seed)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (seed, &length);
  GString *out = g_string_sized_new (length + 16);
  guint edits = g_rand_int_range (rand, 1, 8);

  g_string_append_len (out, (const char *) data, length);
  for (guint i = 0; i < edits; i++)
    {
      guint op = g_rand_int_range (rand, 0, 4);
      guint pos = out->len > 0 ? g_rand_int_range (rand, 0, out->len) : 0;
      char byte = (char) g_rand_int_range (rand, 0, 256);

      if (op == 0 && out->len > 0)
        out->str[pos] = byte;
      else if (op == 1)
        g_string_insert_len (out, pos, &byte, 1);
      else if (op == 2 && out->len > 0)
        g_string_erase (out, pos, 1);
      else if (out->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
        g_string_truncate (out, pos);
    }
  return g_string_free_to_bytes (out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) corpus = NULL;
  GRand *rand;
  guint rounds;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: %s CORPUS-DIR [ROUNDS]", argv[0]);

  corpus = load_corpus (argv[1]);
  rounds = argc > 2 ? atoi (argv[2]) : 2000;
  rand = g_rand_new_with_seed (20261122);

  for (guint i = 0; i < corpus->len; i++)
    {
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (corpus, i), &length);
      LLVMFuzzerTestOneInput (data, length);
    }

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GBytes) input = mutate (rand, g_ptr_array_index (corpus, i % corpus->len));
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (input, &length);

      LLVMFuzzerTestOneInput (data, length);
    }

  g_rand_free (rand);
  g_print ("1..1\nok 1 - %u corpus inputs and %u mutations\n", corpus->len, rounds);
  return 0;
}
