/* fuzz-replay.c — the regression test of a fuzz target: every file of its
 * seed corpus and of its crash reproducers, run through the target's
 * LLVMFuzzerTestOneInput() in the normal build, one Check test per file.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: check-fuzz-<target> CORPUS-DIR [CRASHES-DIR]
 * The corpus folder must hold at least one file; the folder of crash
 * reproducers may be missing (no crash found yet).  Each test runs in
 * Check's own child process, so a crash fails that file's test only, and
 * the test's name says which file it was.
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-fuzz.h"

/* The files to replay, sorted; Check's loop tests know only an index. */
static GPtrArray *replay_files;

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

static void
add_folder (const gchar *dir,
            gboolean     required)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gchar *name;

  if (d == NULL)
    {
      if (required || !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_error ("reading %s: %s", dir, error->message);
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  if (required && names->len == 0)
    g_error ("the corpus %s is empty", dir);
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (replay_files, g_strdup (g_ptr_array_index (names, i)));
}

START_TEST (test_replay_file)
{
  const gchar *path = g_ptr_array_index (replay_files, _i);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *data = NULL;
  gsize size;

  ck_assert_msg (g_file_get_contents (path, &data, &size, &error), "reading %s: %s", path,
                 error != NULL ? error->message : "");
  /* Said before running it, so that the log names the file that crashed. */
  g_printerr ("replaying %s (%" G_GSIZE_FORMAT " bytes)\n", path, size);
  ck_assert_int_eq (LLVMFuzzerTestOneInput ((const uint8_t *) data, size), 0);
}
END_TEST

int
main (int    argc,
      char **argv)
{
  Suite *s;
  TCase *tc;
  int status;

  if (argc < 2 || argc > 3)
    g_error ("usage: %s CORPUS-DIR [CRASHES-DIR]", argv[0]);

  replay_files = g_ptr_array_new_with_free_func (g_free);
  add_folder (argv[1], TRUE);
  if (argc == 3)
    add_folder (argv[2], FALSE);

  LLVMFuzzerInitialize (&argc, &argv);

  s = suite_create ("fuzz-replay");
  tc = tcase_create ("replay");
  tcase_add_loop_test (tc, test_replay_file, 0, (int) replay_files->len);
  suite_add_tcase (s, tc);
  status = rg_test_run (s);

  g_ptr_array_unref (replay_files);
  return status;
}
