/* rg-cli-common.c — the parts every command of regulars-cli uses.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-cli.h"

#include <stdio.h>
#include <string.h>

#include "rg-floor.h"
#include "rg-id.h"
#include "rg-menu.h"

/* --------------------------------------------------------------- database */

RgDb *
rg_cli_open (RgCli   *cli,
             GError **error)
{
  if (cli->db == NULL)
    cli->db = rg_db_open (cli->db_path, error);
  return cli->db;
}

/* ------------------------------------------------------------- arguments */

static const RgCliCommand *
find_command (const RgCliCommand *commands,
              guint               n_commands,
              const gchar        *name)
{
  for (guint i = 0; i < n_commands; i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_group_help (const gchar        *group,
                  const RgCliCommand *commands,
                  guint               n_commands)
{
  rg_cli_print ("Usage: regulars-cli [--db PATH] [--json] %s COMMAND …\n\nCommands:\n", group);
  for (guint i = 0; i < n_commands; i++)
    rg_cli_print ("  %-12s %s\n", commands[i].name, commands[i].summary);
}

gboolean
rg_cli_run_group (RgCli               *cli,
                  const gchar         *group,
                  const RgCliCommand  *commands,
                  guint                n_commands,
                  gint                 argc,
                  gchar              **argv,
                  GError             **error)
{
  const RgCliCommand *command;
  g_autofree gchar *name = NULL;
  gchar *saved;
  gboolean ok;

  if (argc < 2)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Say what to do with %s (see regulars-cli %s --help).", group, group);
      return FALSE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_group_help (group, commands, n_commands);
      return TRUE;
    }
  command = find_command (commands, n_commands, argv[1]);
  if (command == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "regulars-cli %s has no command '%s' (see regulars-cli %s --help).",
                   group, g_utf8_validate (argv[1], -1, NULL) ? argv[1] : "?", group);
      return FALSE;
    }

  /* the sub-command sees itself as argv[0], named in full for messages */
  name = g_strdup_printf ("%s %s", group, command->name);
  saved = argv[1];
  argv[1] = name;
  ok = command->run (cli, argc - 1, argv + 1, error);
  argv[1] = saved;
  return ok;
}

gboolean
rg_cli_parse (const gchar         *usage,
              const GOptionEntry  *entries,
              gint                *argc,
              gchar             ***argv,
              guint                n_args,
              guint                max_args,
              GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *command = g_strdup ((*argv)[0]);
  guint given;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, command);
  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s (usage: regulars-cli %s %s).",
                   local_error->message, command, usage);
      return FALSE;
    }

  given = (guint) *argc - 1;
  if (given < n_args || given > max_args)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s (usage: regulars-cli %s %s).",
                   given < n_args ? "An argument is missing" : "There are too many arguments",
                   command, usage);
      return FALSE;
    }
  return TRUE;
}

/* Money as people write it: "48", "48.5", "48.50"; minor units out. */
gboolean
rg_cli_parse_money (const gchar  *text,
                    const gchar  *what,
                    gint64       *minor,
                    GError      **error)
{
  guint64 units = 0, cents = 0;
  const gchar *p = text;
  guint decimals = 0;

  if (p == NULL || !g_ascii_isdigit (*p))
    goto bad;
  for (; g_ascii_isdigit (*p); p++)
    {
      units = units * 10 + (guint64) (*p - '0');
      if (units > G_MAXINT32)
        goto bad;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && decimals < 2; p++, decimals++)
      cents = cents * 10 + (guint64) (*p - '0');
  if (*p != '\0')
    goto bad;
  while (decimals++ < 2)
    cents *= 10;
  *minor = (gint64) (units * 100 + cents);
  return TRUE;

bad:
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "The %s must be an amount such as 48 or 48.50.", what);
  return FALSE;
}

gboolean
rg_cli_check_range (gint          value,
                    gint          min,
                    gint          max,
                    const gchar  *what,
                    GError      **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "The %s must be between %d and %d.",
               what, min, max);
  return FALSE;
}

/* -------------------------------------------------------------- lookups */

RgBranch *
rg_cli_get_branch (RgCli        *cli,
                   const gchar  *name,
                   GError      **error)
{
  if (name == NULL)
    return rg_branch_get_current (cli->db, error);
  return rg_branch_find_by_name (cli->db, name, error);
}

/* A table by id or by the name staff call it in the branch. */
gchar *
rg_cli_resolve_table (RgCli        *cli,
                      const gchar  *branch_id,
                      const gchar  *table,
                      GError      **error)
{
  g_autoptr(RgDiningTable) found = NULL;

  if (rg_id_is_valid (table))
    found = rg_floor_get_table (cli->db, table, error);
  else
    found = rg_floor_find_table (cli->db, branch_id, table, error);
  return found != NULL ? g_strdup (rg_dining_table_get_id (found)) : NULL;
}

/* A menu item by id or by its whole name. */
gchar *
rg_cli_resolve_item (RgCli        *cli,
                     const gchar  *item,
                     GError      **error)
{
  g_autoptr(RgMenuItem) found = NULL;

  if (rg_id_is_valid (item))
    found = rg_menu_get (cli->db, item, error);
  else
    found = rg_menu_find_by_name (cli->db, item, error);
  return found != NULL ? g_strdup (rg_menu_item_get_id (found)) : NULL;
}

/* ------------------------------------------------------------- printing */

gchar *
rg_cli_format_money (gint64 minor)
{
  guint64 abs_minor = (guint64) (minor < 0 ? -minor : minor);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", minor < 0 ? "-" : "",
                          abs_minor / 100, (guint) (abs_minor % 100));
}

gchar *
rg_cli_format_time (gint64 ms)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (ms <= 0)
    return g_strdup ("never");
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Straight to stdout: g_print() would re-encode UTF-8 in a C locale. */
void
rg_cli_print (const gchar *format,
              ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stdout, format, args);
  va_end (args);
}

/* Columns on screen: wide (CJK) characters take two. */
static gsize
display_width (const gchar *text)
{
  gsize width = 0;

  for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

void
rg_cli_print_table (const gchar * const *headers,
                    GPtrArray           *rows)
{
  guint n = g_strv_length ((gchar **) headers);
  g_autofree gsize *widths = g_new0 (gsize, n);

  for (guint c = 0; c < n; c++)
    widths[c] = display_width (headers[c]);
  for (guint r = 0; r < rows->len; r++)
    {
      const gchar * const *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n; c++)
        widths[c] = MAX (widths[c], display_width (row[c] != NULL ? row[c] : ""));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const gchar * const *row = r == 0 ? headers : g_ptr_array_index (rows, r - 1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n; c++)
        {
          const gchar *cell = row[c] != NULL ? row[c] : "";

          g_string_append (line, cell);
          if (c + 1 < n)
            for (gsize pad = display_width (cell); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      rg_cli_print ("%s\n", line->str);
    }
}

void
rg_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree gchar *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  rg_cli_print ("%s\n", text);
}

void
rg_cli_json_string (JsonBuilder *builder,
                    const gchar *key,
                    const gchar *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
rg_cli_json_int (JsonBuilder *builder,
                 const gchar *key,
                 gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
rg_cli_json_strv (JsonBuilder         *builder,
                  const gchar         *key,
                  const gchar * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}
