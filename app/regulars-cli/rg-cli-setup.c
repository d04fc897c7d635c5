/* rg-cli-setup.c — regulars-cli init, demo and import: setting a terminal
 * up and filling its database.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-cli.h"

#include "rg-demo.h"
#include "rg-import.h"

/* ------------------------------------------------------------------ init */

gboolean
rg_cli_init (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  g_autofree gchar *country = NULL;
  g_autofree gchar *branch_name = NULL;
  g_autofree gchar *tz = NULL;
  g_autofree gchar *country_now = NULL;
  g_autofree gchar *owner_name = NULL;
  g_autofree gchar *pin = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(RgStaff) owner = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_FILENAME, &country, "Country of phone numbers typed without a prefix (CN, US, GB…)", "CC" },
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch_name, "The branch this terminal serves (made if missing)", "NAME" },
    { "tz", 0, 0, G_OPTION_ARG_FILENAME, &tz, "The branch's time zone (Asia/Shanghai)", "ZONE" },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner_name, "Make the first owner, whose PIN comes from REGULARS_PIN or stdin", "NAME" },
    { NULL }
  };

  if (!rg_cli_parse ("[--country CC] [--branch NAME] [--tz ZONE] [--owner NAME]",
                     entries, &argc, &argv, 0, 0, error))
    return FALSE;
  if (owner_name != NULL &&
      ((pin = rg_cli_read_pin ("REGULARS_PIN", "the owner's PIN", error)) == NULL ||
       !rg_auth_check_pin (pin, error)))
    return FALSE;
  if (rg_cli_open (cli, error) == NULL || (txn = rg_db_begin (cli->db, error)) == NULL)
    return FALSE;

  branch = rg_branch_setup_terminal (cli->db, branch_name, tz, country, error);
  if (branch == NULL)
    return FALSE;
  if (owner_name != NULL &&
      (owner = rg_auth_add_staff (cli->db, NULL, owner_name, RG_ROLE_OWNER, pin, error)) == NULL)
    return FALSE;
  if (!rg_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  country_now = rg_branch_dup_country (cli->db);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "db", cli->db_path);
      rg_cli_json_string (b, "branch_id", rg_branch_get_id (branch));
      rg_cli_json_string (b, "branch", rg_branch_get_name (branch));
      rg_cli_json_string (b, "tz", rg_branch_get_tz (branch));
      rg_cli_json_string (b, "country", country_now);
      if (owner != NULL)
        {
          rg_cli_json_string (b, "owner_id", rg_staff_get_id (owner));
          rg_cli_json_string (b, "owner", rg_staff_get_name (owner));
        }
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    {
      rg_cli_print ("%s: this terminal serves %s (%s); phone numbers without a prefix are from %s.\n",
                    cli->db_path, rg_branch_get_name (branch), rg_branch_get_tz (branch), country_now);
      if (owner != NULL)
        rg_cli_print ("%s is the owner.\n", rg_staff_get_name (owner));
    }
  return TRUE;
}

/* ------------------------------------------------------------------ demo */

gboolean
rg_cli_demo (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  gint guests = 1000, days = 90, branches = 1, seed = 1;
  g_autofree gchar *until = NULL;
  RgDemoOptions options = { 0 };
  RgDemoCounts counts = { 0 };
  gint64 started;
  gdouble seconds;
  const GOptionEntry entries[] = {
    { "guests", 0, 0, G_OPTION_ARG_INT, &guests, "Known guests (1000)", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of history (90)", "D" },
    { "branches", 0, 0, G_OPTION_ARG_INT, &branches, "Branches (1)", "B" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the random draws (1)", "S" },
    { "until", 0, 0, G_OPTION_ARG_FILENAME, &until, "Last day of the history (yesterday)", "YYYY-MM-DD" },
    { NULL }
  };

  if (!rg_cli_parse ("[--guests N] [--days D] [--branches B] [--seed S] [--until YYYY-MM-DD]",
                     entries, &argc, &argv, 0, 0, error) ||
      !rg_cli_check_range (guests, 0, RG_DEMO_GUESTS_MAX, "number of guests", error) ||
      !rg_cli_check_range (days, 1, RG_DEMO_DAYS_MAX, "number of days", error) ||
      !rg_cli_check_range (branches, 1, RG_DEMO_BRANCHES_MAX, "number of branches", error) ||
      !rg_cli_check_range (seed, 0, G_MAXINT, "seed", error) ||
      rg_cli_open (cli, error) == NULL)
    return FALSE;

  options.guests = (guint) guests;
  options.days = (guint) days;
  options.branches = (guint) branches;
  options.seed = (guint32) seed;
  options.last_day = until;

  started = g_get_monotonic_time ();
  if (!rg_demo_generate (cli->db, &options, &counts, error))
    return FALSE;
  seconds = MAX ((g_get_monotonic_time () - started) / (gdouble) G_USEC_PER_SEC, 1e-6);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_int (b, "branches", counts.branches);
      rg_cli_json_int (b, "tables", counts.tables);
      rg_cli_json_int (b, "menu_items", counts.menu_items);
      rg_cli_json_int (b, "staff", counts.staff);
      rg_cli_json_int (b, "guests", counts.guests);
      rg_cli_json_int (b, "phones", counts.phones);
      rg_cli_json_int (b, "cards", counts.cards);
      rg_cli_json_int (b, "visits", counts.visits);
      rg_cli_json_int (b, "lines", counts.lines);
      rg_cli_json_int (b, "feedback", counts.feedback);
      rg_cli_json_int (b, "revenue", counts.revenue);
      json_builder_set_member_name (b, "seconds");
      json_builder_add_double_value (b, seconds);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    {
      g_autofree gchar *revenue = rg_cli_format_money (counts.revenue);

      rg_cli_print ("Made %u branches with %u tables, a menu of %u dishes and %u staff.\n"
                    "Made %u guests (%u phones, %u member cards), %u visits with %u order lines "
                    "and %u ratings; revenue %s.\n"
                    "%.1f s, %.0f order lines/s.\n",
                    counts.branches, counts.tables, counts.menu_items, counts.staff,
                    counts.guests, counts.phones, counts.cards, counts.visits, counts.lines,
                    counts.feedback, revenue, seconds, counts.lines / seconds);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- import */

static void
print_issues_json (JsonBuilder *b,
                   const gchar *key,
                   GPtrArray   *issues)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      const RgImportIssue *issue = g_ptr_array_index (issues, i);

      json_builder_begin_object (b);
      rg_cli_json_int (b, "line", issue->line);
      rg_cli_json_string (b, "reason", issue->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_import (RgCli                *cli,
              const RgImportResult *result)
{
  g_autofree gchar *revenue = rg_cli_format_money (result->revenue);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_int (b, "rows", result->rows);
      rg_cli_json_int (b, "lines", result->lines);
      rg_cli_json_int (b, "visits", result->visits);
      rg_cli_json_int (b, "duplicate_visits", result->duplicate_visits);
      rg_cli_json_int (b, "duplicate_rows", result->duplicate_rows);
      rg_cli_json_int (b, "new_guests", result->new_guests);
      rg_cli_json_int (b, "new_items", result->new_items);
      rg_cli_json_int (b, "new_branches", result->new_branches);
      rg_cli_json_int (b, "revenue", result->revenue);
      rg_cli_json_int (b, "elapsed_us", result->elapsed_us);
      print_issues_json (b, "skipped", result->skipped);
      print_issues_json (b, "warnings", result->warnings);
      json_builder_end_object (b);
      rg_cli_print_json (b);
      return;
    }

  rg_cli_print ("Read %u rows: imported %u order lines in %u visits; revenue %s.\n"
                "New: %u guests, %u menu items, %u branches.  Already imported: %u visits (%u rows).\n",
                result->rows, result->lines, result->visits, revenue, result->new_guests,
                result->new_items, result->new_branches, result->duplicate_visits,
                result->duplicate_rows);
  for (guint i = 0; result->skipped != NULL && i < result->skipped->len; i++)
    {
      const RgImportIssue *issue = g_ptr_array_index (result->skipped, i);

      rg_cli_print ("skipped line %u: %s\n", issue->line, issue->reason);
    }
  for (guint i = 0; result->warnings != NULL && i < result->warnings->len; i++)
    {
      const RgImportIssue *issue = g_ptr_array_index (result->warnings, i);

      rg_cli_print ("warning on line %u: %s\n", issue->line, issue->reason);
    }
  rg_cli_print ("%.1f s.\n", result->elapsed_us / (gdouble) G_USEC_PER_SEC);
}

gboolean
rg_cli_import (RgCli   *cli,
               gint     argc,
               gchar  **argv,
               GError **error)
{
  g_autofree gchar *map = NULL;
  g_autofree gchar *date_format = NULL;
  g_autofree gchar *encoding = NULL;
  g_autofree gchar *branch = NULL;
  g_autofree gchar *country = NULL;
  gboolean strict = FALSE;
  g_autoptr(RgImportOptions) options = NULL;
  g_autoptr(RgImportResult) result = NULL;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &map, "Columns of each role: visit=…,time=…,item=…,qty=…,price=…", "MAP" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Refuse the whole file when a row cannot be read", NULL },
    { "date-format", 0, 0, G_OPTION_ARG_FILENAME, &date_format, "How dates are written (%d/%m/%Y)", "FORMAT" },
    { "encoding", 0, 0, G_OPTION_ARG_FILENAME, &encoding, "The file's character set (UTF-8)", "CHARSET" },
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch, "Branch of rows without a branch column", "NAME" },
    { "country", 0, 0, G_OPTION_ARG_FILENAME, &country, "Country of phone numbers without a prefix", "CC" },
    { NULL }
  };

  if (!rg_cli_parse ("orders FILE --map MAP [--strict]", entries, &argc, &argv, 2, 2, error))
    return FALSE;
  if (g_strcmp0 (argv[1], "orders") != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Only orders can be imported (usage: regulars-cli import orders FILE --map MAP).");
      return FALSE;
    }
  if (map == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Say which column holds what with --map visit=…,time=…,item=…,price=….");
      return FALSE;
    }

  options = rg_import_options_new ();
  if (!rg_import_options_set_map (options, map, error) || rg_cli_open (cli, error) == NULL)
    return FALSE;
  options->strict = strict;
  options->date_format = g_steal_pointer (&date_format);
  options->encoding = g_steal_pointer (&encoding);
  options->branch = g_steal_pointer (&branch);
  options->country = country != NULL ? g_steal_pointer (&country) : rg_branch_dup_country (cli->db);

  result = rg_import_orders (cli->db, argv[2], options, error);
  if (result == NULL)
    return FALSE;
  print_import (cli, result);
  return TRUE;
}
