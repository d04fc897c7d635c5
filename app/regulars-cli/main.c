/* main.c — regulars-cli, the headless face of the Regulars core.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>

#include "rg-db.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *path = NULL;
  g_autoptr(RgDb) db = NULL;

  setlocale (LC_ALL, "");
  path = argc > 1 ? g_strdup (argv[1]) : rg_db_default_path ();
  db = rg_db_open (path, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return rg_error_exit_status (error);
    }
  g_print ("%s: schema %d\n", path, rg_db_get_schema_version (db));
  return 0;
}
