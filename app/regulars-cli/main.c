/* main.c — regulars-cli, the headless face of the Regulars core: global
 * options, the list of commands, and the exit status.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: regulars-cli [--db PATH] [--json] COMMAND [ARGS…].  The global
 * options may also come after the command.  Exit status: 0 success, 1
 * nothing found, 2 bad input or usage, 3 a database or I/O failure.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rg-cli.h"

static const RgCliCommand commands[] = {
  { "init", rg_cli_init, "set up this terminal: --branch NAME --tz ZONE --country CC [--owner NAME]" },
  { "demo", rg_cli_demo, "fill an empty database with a believable restaurant" },
  { "import", rg_cli_import, "import orders FILE --map ROLE=COLUMN,… [--strict]" },
  { "lookup", rg_cli_lookup, "find guests by phone, last digits, card or name; --batch reads stdin" },
  { "guest", rg_cli_guest, "add, edit, show, merge guests; find duplicates" },
  { "visit", rg_cli_visit, "seat a party, add and void lines, close and show checks" },
  { "feedback", rg_cli_feedback, "log a rating of a visit or a dish" },
  { "recommend", rg_cli_recommend, "dishes to suggest to a guest, with the reasons" },
  { "menu", rg_cli_menu, "list, add and 86 dishes" },
  { "tables", rg_cli_tables, "list, add tables, change their status, suggest one" },
  { "staff", rg_cli_staff, "staff, their PINs and the audit log: add, list, pin, disable, audit" },
  { "card", rg_cli_card, "member cards: issue, show (QR code), revoke, check" },
  { "report", rg_cli_report, "owner reports: peak, dishes, tiers, rfm, service, feedback, revenue, uplift" },
  { "rollups", rg_cli_rollups, "rollups rebuild: recreate the report rollups" },
  { "eval", rg_cli_eval, "eval recommend: how good the suggestions are on held-out visits" },
  { "enrol", rg_cli_enrol, "join the central store: URL CODE [--ca-file FILE] [--pin sha256//…]" },
  { "sync", rg_cli_sync, "send and fetch changes with the central store, [--once] or until stopped" },
};

static void
print_help (void)
{
  rg_cli_print ("Usage: regulars-cli [--db PATH] [--json] COMMAND [ARGS…]\n\n"
                "  --db PATH   the database (default: the app's, in the XDG data folder)\n"
                "  --json      print JSON instead of text\n"
                "  --staff NAME  act as this staff member (PIN from REGULARS_PIN or stdin)\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    rg_cli_print ("  %-9s %s\n", commands[i].name, commands[i].summary);
  rg_cli_print ("\nregulars-cli COMMAND --help tells more.\n");
}

/* Whether @arg is the option @name, as "NAME" or "NAME=VALUE". */
static gboolean
is_option (const gchar *arg,
           const gchar *name)
{
  gsize len = strlen (name);

  return strncmp (arg, name, len) == 0 && (arg[len] == '\0' || arg[len] == '=');
}

/* Takes the option at *@i and its value ("NAME VALUE" or "NAME=VALUE")
 * out of @args into *@out. */
static gboolean
take_value (GPtrArray    *args,
            guint        *i,
            const gchar  *what,
            gchar       **out,
            GError      **error)
{
  const gchar *arg = g_ptr_array_index (args, *i);
  const gchar *equals = strchr (arg, '=');
  const gchar *value = equals != NULL ? equals + 1 : NULL;
  guint taken = 1;

  /* "--db --json" is a missing path, not a file named "--json". */
  if (value == NULL && *i + 1 < args->len && !g_str_has_prefix (g_ptr_array_index (args, *i + 1), "--"))
    {
      value = g_ptr_array_index (args, *i + 1);
      taken = 2;
    }
  if (value == NULL || *value == '\0')
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%.*s needs %s.",
                   equals != NULL ? (int) (equals - arg) : (int) strlen (arg), arg, what);
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (value);
  g_ptr_array_remove_range (args, *i, taken);
  (*i)--;
  return TRUE;
}

/* Takes --db, --staff and --json out of @args wherever they are (before a
 * "--"). */
static gboolean
take_global_options (RgCli      *cli,
                     GPtrArray  *args,
                     GError    **error)
{
  for (guint i = 1; i < args->len; i++)
    {
      const gchar *arg = g_ptr_array_index (args, i);

      if (strcmp (arg, "--") == 0)
        break;
      if (strcmp (arg, "--json") == 0)
        {
          cli->json = TRUE;
          g_ptr_array_remove_index (args, i--);
        }
      else if (is_option (arg, "--db"))
        {
          if (!take_value (args, &i, "the path of a database file", &cli->db_path, error))
            return FALSE;
        }
      else if (is_option (arg, "--staff"))
        {
          if (!take_value (args, &i, "the name of a staff member", &cli->staff_name, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
run (RgCli   *cli,
     gint     argc,
     gchar  **argv,
     GError **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const gchar *name;

  for (gint i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  if (!take_global_options (cli, args, error))
    return FALSE;
  g_ptr_array_add (args, NULL);

  name = args->len > 2 ? g_ptr_array_index (args, 1) : NULL;
  if (name == NULL || strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0)
    {
      print_help ();
      if (name != NULL)
        return TRUE;
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "Say which command to run.");
      return FALSE;
    }

  if (cli->db_path == NULL)
    {
      g_autofree gchar *folder = NULL;

      cli->db_path = rg_db_default_path ();
      folder = g_path_get_dirname (cli->db_path);
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_IO, "The folder %s cannot be made: %s.",
                       folder, g_strerror (errno));
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return commands[i].run (cli, (gint) args->len - 2, (gchar **) args->pdata + 1, error);

  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "There is no command '%s' (see regulars-cli --help).",
               g_utf8_validate (name, -1, NULL) ? name : "?");
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  RgCli cli = { 0 };
  int status;

  setlocale (LC_ALL, "");
  g_set_prgname ("regulars-cli");

  run (&cli, argc, argv, &error);
  fflush (stdout);
  if (error != NULL)
    fprintf (stderr, "regulars-cli: %s\n", error->message);
  status = rg_error_exit_status (error);

  rg_db_close (cli.db);
  g_free (cli.db_path);
  g_free (cli.staff_name);
  g_free (cli.staff_id);
  return status;
}
