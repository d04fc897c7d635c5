/* rg-cli-floor.c — regulars-cli menu and tables: the dishes and the floor.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-cli.h"

#include "rg-floor.h"
#include "rg-menu.h"

/* ------------------------------------------------------------------ menu */

static void
build_item (JsonBuilder *b,
            RgMenuItem  *item)
{
  json_builder_begin_object (b);
  rg_cli_json_string (b, "id", rg_menu_item_get_id (item));
  rg_cli_json_string (b, "name", rg_menu_item_get_name (item));
  rg_cli_json_string (b, "category", rg_menu_item_get_category (item));
  rg_cli_json_int (b, "price", rg_menu_item_get_price (item));
  rg_cli_json_int (b, "cost", rg_menu_item_get_cost (item));
  rg_cli_json_strv (b, "allergens", rg_menu_item_get_allergens (item));
  rg_cli_json_strv (b, "tags", rg_menu_item_get_tags (item));
  rg_cli_json_strv (b, "dayparts", rg_menu_item_get_dayparts (item));
  json_builder_set_member_name (b, "available");
  json_builder_add_boolean_value (b, rg_menu_item_get_available (item));
  json_builder_end_object (b);
}

static void
print_items (RgCli      *cli,
             GListModel *items)
{
  const gchar * const headers[] = { "CATEGORY", "DISH", "PRICE", "COST", "ALLERGENS", "TAGS", "", "ID", NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(RgMenuItem) item = g_list_model_get_item (items, i);

          build_item (b, item);
        }
      json_builder_end_array (b);
      rg_cli_print_json (b);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgMenuItem) item = g_list_model_get_item (items, i);
      gchar **row = g_new0 (gchar *, 9);

      row[0] = g_strdup (rg_menu_item_get_category (item));
      row[1] = g_strdup (rg_menu_item_get_name (item));
      row[2] = rg_cli_format_money (rg_menu_item_get_price (item));
      row[3] = rg_cli_format_money (rg_menu_item_get_cost (item));
      row[4] = g_strjoinv (",", (gchar **) rg_menu_item_get_allergens (item));
      row[5] = g_strjoinv (",", (gchar **) rg_menu_item_get_tags (item));
      row[6] = g_strdup (rg_menu_item_get_available (item) ? "" : "86'd");
      row[7] = g_strdup (rg_menu_item_get_id (item));
      g_ptr_array_add (rows, row);
    }
  rg_cli_print_table (headers, rows);
}

static gboolean
menu_list (RgCli   *cli,
           gint     argc,
           gchar  **argv,
           GError **error)
{
  g_autofree gchar *category = NULL;
  g_autofree gchar *search = NULL;
  g_autoptr(GListModel) items = NULL;
  const GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category, "Only this category", "NAME" },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search, "Only dishes whose name contains this", "TEXT" },
    { NULL }
  };

  if (!rg_cli_parse ("[--category NAME] [--search TEXT]", entries, &argc, &argv, 0, 0, error) ||
      rg_cli_open (cli, error) == NULL)
    return FALSE;
  items = search != NULL ? rg_menu_search (cli->db, search, error) : rg_menu_list (cli->db, category, error);
  if (items == NULL)
    return FALSE;
  print_items (cli, items);
  if (g_list_model_get_n_items (items) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "No dish is on the menu%s.",
                   search != NULL || category != NULL ? " that fits" : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
menu_add (RgCli   *cli,
          gint     argc,
          gchar  **argv,
          GError **error)
{
  g_autofree gchar *name = NULL;
  g_autofree gchar *category = NULL;
  g_autofree gchar *price = NULL;
  g_autofree gchar *cost = NULL;
  g_auto(GStrv) allergens = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) dayparts = NULL;
  g_autoptr(RgMenuItem) item = NULL;
  g_autoptr(GListStore) one = NULL;
  RgMenuItemSpec spec = { 0 };
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, "The dish as guests read it", "NAME" },
    { "price", 0, 0, G_OPTION_ARG_FILENAME, &price, "Price (48 or 48.50)", "AMOUNT" },
    { "cost", 0, 0, G_OPTION_ARG_FILENAME, &cost, "Cost of making it", "AMOUNT" },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category, "Category (Hot dishes, Drinks…)", "NAME" },
    { "allergen", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &allergens, "An allergen (repeatable)", "WORD" },
    { "tag", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &tags, "A taste tag (repeatable)", "WORD" },
    { "daypart", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &dayparts, "lunch, dinner… (repeatable; none: all day)", "WORD" },
    { NULL }
  };

  if (!rg_cli_parse ("--name NAME --price AMOUNT [--cost AMOUNT] [--allergen WORD…] [--tag WORD…]",
                     entries, &argc, &argv, 0, 0, error))
    return FALSE;
  if (name == NULL || price == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "A dish needs a --name and a --price.");
      return FALSE;
    }
  if (!rg_cli_parse_money (price, "price", &spec.price, error) ||
      (cost != NULL && !rg_cli_parse_money (cost, "cost", &spec.cost, error)) ||
      !rg_cli_require (cli, RG_PERMISSION_EDIT_MENU, error))
    return FALSE;

  spec.name = name;
  spec.category = category;
  spec.allergens = (const gchar * const *) allergens;
  spec.tags = (const gchar * const *) tags;
  spec.dayparts = (const gchar * const *) dayparts;
  item = rg_menu_add (cli->db, cli->staff_id, &spec, error);
  if (item == NULL)
    return FALSE;
  one = g_list_store_new (RG_TYPE_MENU_ITEM);
  g_list_store_append (one, item);
  print_items (cli, G_LIST_MODEL (one));
  return TRUE;
}

static gboolean
menu_86 (RgCli   *cli,
         gint     argc,
         gchar  **argv,
         GError **error)
{
  gboolean back = FALSE;
  g_autofree gchar *item_id = NULL;
  g_autoptr(RgMenuItem) item = NULL;
  g_autoptr(GListStore) one = NULL;
  const GOptionEntry entries[] = {
    { "back", 0, 0, G_OPTION_ARG_NONE, &back, "Bring the dish back", NULL },
    { NULL }
  };

  if (!rg_cli_parse ("DISH [--back]", entries, &argc, &argv, 1, 1, error) ||
      !rg_cli_require (cli, RG_PERMISSION_EDIT_MENU, error) ||
      (item_id = rg_cli_resolve_item (cli, argv[1], error)) == NULL ||
      !rg_menu_set_available (cli->db, cli->staff_id, item_id, back, error) ||
      (item = rg_menu_get (cli->db, item_id, error)) == NULL)
    return FALSE;
  one = g_list_store_new (RG_TYPE_MENU_ITEM);
  g_list_store_append (one, item);
  print_items (cli, G_LIST_MODEL (one));
  return TRUE;
}

gboolean
rg_cli_menu (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  static const RgCliCommand commands[] = {
    { "list", menu_list, "the menu, by category" },
    { "add", menu_add, "add a dish" },
    { "86", menu_86, "take a dish off for now (--back to return it)" },
  };

  return rg_cli_run_group (cli, "menu", commands, G_N_ELEMENTS (commands), argc, argv, error);
}

/* ---------------------------------------------------------------- tables */

static void
build_table (JsonBuilder   *b,
             RgDiningTable *t)
{
  rg_cli_json_string (b, "id", rg_dining_table_get_id (t));
  rg_cli_json_string (b, "name", rg_dining_table_get_name (t));
  rg_cli_json_int (b, "seats", rg_dining_table_get_seats (t));
  rg_cli_json_string (b, "zone", rg_dining_table_get_zone_name (t));
  rg_cli_json_string (b, "zone_kind", rg_zone_kind_to_string (rg_dining_table_get_zone_kind (t)));
  rg_cli_json_string (b, "status", rg_table_status_to_string (rg_dining_table_get_status (t)));
  rg_cli_json_strv (b, "features", rg_dining_table_get_features (t));
}

static gboolean
tables_list (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  g_autofree gchar *branch_name = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(GListModel) live = NULL;
  const GOptionEntry entries[] = {
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch_name, "The branch (this terminal's)", "NAME" },
    { NULL }
  };

  if (!rg_cli_parse ("[--branch NAME]", entries, &argc, &argv, 0, 0, error) ||
      rg_cli_open (cli, error) == NULL ||
      (branch = rg_cli_get_branch (cli, branch_name, error)) == NULL ||
      (live = rg_floor_list_live (cli->db, rg_branch_get_id (branch), error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (live); i++)
        {
          g_autoptr(RgTableLive) l = g_list_model_get_item (live, i);

          json_builder_begin_object (b);
          build_table (b, rg_table_live_get_table (l));
          rg_cli_json_string (b, "visit_id", rg_table_live_get_visit_id (l));
          rg_cli_json_string (b, "guest", rg_table_live_get_guest_name (l));
          rg_cli_json_int (b, "party_size", rg_table_live_get_party_size (l));
          rg_cli_json_int (b, "check_total", rg_table_live_get_check_total (l));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      rg_cli_print_json (b);
    }
  else
    {
      const gchar * const headers[] = { "TABLE", "SEATS", "ZONE", "STATUS", "PARTY", "CHECK", "ID", NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < g_list_model_get_n_items (live); i++)
        {
          g_autoptr(RgTableLive) l = g_list_model_get_item (live, i);
          RgDiningTable *t = rg_table_live_get_table (l);
          gchar **row = g_new0 (gchar *, 8);

          row[0] = g_strdup (rg_dining_table_get_name (t));
          row[1] = g_strdup_printf ("%d", rg_dining_table_get_seats (t));
          row[2] = g_strdup (rg_dining_table_get_zone_name (t) != NULL ? rg_dining_table_get_zone_name (t) : "-");
          row[3] = g_strdup (rg_table_status_to_string (rg_dining_table_get_status (t)));
          row[4] = rg_table_live_get_visit_id (l) == NULL ? g_strdup ("")
                   : g_strdup_printf ("%d %s", rg_table_live_get_party_size (l),
                                      rg_table_live_get_guest_name (l) != NULL
                                      ? rg_table_live_get_guest_name (l) : "walk-in");
          row[5] = rg_table_live_get_visit_id (l) == NULL ? g_strdup ("")
                   : rg_cli_format_money (rg_table_live_get_check_total (l));
          row[6] = g_strdup (rg_dining_table_get_id (t));
          g_ptr_array_add (rows, row);
        }
      rg_cli_print_table (headers, rows);
    }
  if (g_list_model_get_n_items (live) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "%s has no tables yet.", rg_branch_get_name (branch));
      return FALSE;
    }
  return TRUE;
}

/* The zone called @name, or a new one when @name is a zone kind. */
static gchar *
resolve_zone (RgCli        *cli,
              const gchar  *branch_id,
              const gchar  *name,
              GError      **error)
{
  g_autoptr(GListModel) zones = rg_floor_list_zones (cli->db, branch_id, error);
  g_autoptr(RgZone) made = NULL;
  RgZoneKind kind;

  if (zones == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(RgZone) z = g_list_model_get_item (zones, i);

      if (g_ascii_strcasecmp (rg_zone_get_name (z), name) == 0 ||
          g_ascii_strcasecmp (rg_zone_kind_to_string (rg_zone_get_kind (z)), name) == 0)
        return g_strdup (rg_zone_get_id (z));
    }
  if (!rg_zone_kind_from_string (name, &kind))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND,
                   "The branch has no zone '%s' (a new zone is named by its kind: main, window, booth, patio, bar, quiet, private).",
                   g_utf8_validate (name, -1, NULL) ? name : "?");
      return NULL;
    }
  made = rg_floor_add_zone (cli->db, cli->staff_id, branch_id, name, kind, error);
  return made != NULL ? g_strdup (rg_zone_get_id (made)) : NULL;
}

static gboolean
tables_add (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_autofree gchar *name = NULL;
  g_autofree gchar *zone = NULL;
  g_autofree gchar *branch_name = NULL;
  g_autofree gchar *zone_id = NULL;
  g_auto(GStrv) features = NULL;
  gint seats = 0;
  gdouble x = 0, y = 0;
  gboolean round = FALSE;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgDiningTable) table = NULL;
  RgDiningTableSpec spec = { 0 };
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, "What staff call it (12, P3)", "NAME" },
    { "seats", 0, 0, G_OPTION_ARG_INT, &seats, "How many it seats", "N" },
    { "zone", 0, 0, G_OPTION_ARG_FILENAME, &zone, "Its zone, by name or kind (made when a kind is new)", "ZONE" },
    { "x", 0, 0, G_OPTION_ARG_DOUBLE, &x, "Left edge in metres", "M" },
    { "y", 0, 0, G_OPTION_ARG_DOUBLE, &y, "Top edge in metres", "M" },
    { "round", 0, 0, G_OPTION_ARG_NONE, &round, "A round table", NULL },
    { "feature", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &features, "sofa, high-chair, power… (repeatable)", "WORD" },
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch_name, "The branch (this terminal's)", "NAME" },
    { NULL }
  };

  if (!rg_cli_parse ("--name NAME --seats N [--zone ZONE] [--round] [--feature WORD…]",
                     entries, &argc, &argv, 0, 0, error))
    return FALSE;
  if (name == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "A table needs a --name.");
      return FALSE;
    }
  if (!rg_cli_require (cli, RG_PERMISSION_EDIT_FLOOR, error) ||
      (branch = rg_cli_get_branch (cli, branch_name, error)) == NULL ||
      (txn = rg_db_begin (cli->db, error)) == NULL)
    return FALSE;
  if (zone != NULL && (zone_id = resolve_zone (cli, rg_branch_get_id (branch), zone, error)) == NULL)
    return FALSE;

  spec.name = name;
  spec.zone_id = zone_id;
  spec.seats = seats;
  spec.x = x;
  spec.y = y;
  spec.shape = round ? RG_TABLE_ROUND : RG_TABLE_RECT;
  spec.features = (const gchar * const *) features;
  table = rg_floor_add_table (cli->db, cli->staff_id, rg_branch_get_id (branch), &spec, error);
  if (table == NULL || !rg_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      build_table (b, table);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("Added table %s (%d seats) to %s, id %s.\n", rg_dining_table_get_name (table),
                  rg_dining_table_get_seats (table), rg_branch_get_name (branch),
                  rg_dining_table_get_id (table));
  return TRUE;
}

static gboolean
tables_status (RgCli   *cli,
               gint     argc,
               gchar  **argv,
               GError **error)
{
  g_autofree gchar *branch_name = NULL;
  g_autofree gchar *table_id = NULL;
  g_autoptr(RgBranch) branch = NULL;
  RgTableStatus status;
  const GOptionEntry entries[] = {
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch_name, "The branch (this terminal's)", "NAME" },
    { NULL }
  };

  if (!rg_cli_parse ("TABLE free|reserved|to_clean", entries, &argc, &argv, 2, 2, error))
    return FALSE;
  if (!rg_table_status_from_string (argv[2], &status))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "A table's status is free, seated, reserved or to_clean.");
      return FALSE;
    }
  if (rg_cli_open (cli, error) == NULL ||
      (branch = rg_cli_get_branch (cli, branch_name, error)) == NULL ||
      (table_id = rg_cli_resolve_table (cli, rg_branch_get_id (branch), argv[1], error)) == NULL ||
      !rg_floor_set_status (cli->db, table_id, status, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(RgDiningTable) table = rg_floor_get_table (cli->db, table_id, error);

      if (table == NULL)
        return FALSE;
      json_builder_begin_object (b);
      build_table (b, table);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("Table %s is %s.\n", argv[1], argv[2]);
  return TRUE;
}

static gboolean
tables_suggest (RgCli   *cli,
                gint     argc,
                gchar  **argv,
                GError **error)
{
  g_autofree gchar *branch_name = NULL;
  g_autofree gchar *guest = NULL;
  gint party = 0;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(GListModel) found = NULL;
  const GOptionEntry entries[] = {
    { "party", 0, 0, G_OPTION_ARG_INT, &party, "How many are coming", "N" },
    { "guest", 0, 0, G_OPTION_ARG_FILENAME, &guest, "The host guest, whose seating preferences count", "ID" },
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch_name, "The branch (this terminal's)", "NAME" },
    { NULL }
  };

  if (!rg_cli_parse ("--party N [--guest ID]", entries, &argc, &argv, 0, 0, error) ||
      !rg_cli_check_range (party, 1, 100, "party size", error) ||
      rg_cli_open (cli, error) == NULL ||
      (branch = rg_cli_get_branch (cli, branch_name, error)) == NULL ||
      (found = rg_floor_suggest_tables (cli->db, rg_branch_get_id (branch), party, guest, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(RgTableSuggestion) s = g_list_model_get_item (found, i);

          json_builder_begin_object (b);
          build_table (b, rg_table_suggestion_get_table (s));
          json_builder_set_member_name (b, "score");
          json_builder_add_double_value (b, rg_table_suggestion_get_score (s));
          rg_cli_json_string (b, "reason", rg_table_suggestion_get_reason (s));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      rg_cli_print_json (b);
    }
  else
    for (guint i = 0; i < g_list_model_get_n_items (found); i++)
      {
        g_autoptr(RgTableSuggestion) s = g_list_model_get_item (found, i);
        RgDiningTable *t = rg_table_suggestion_get_table (s);

        rg_cli_print ("%-6s %2d seats  %s\n", rg_dining_table_get_name (t), rg_dining_table_get_seats (t),
                      rg_table_suggestion_get_reason (s));
      }
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "No free table seats a party of %d now.", party);
      return FALSE;
    }
  return TRUE;
}

gboolean
rg_cli_tables (RgCli   *cli,
               gint     argc,
               gchar  **argv,
               GError **error)
{
  static const RgCliCommand commands[] = {
    { "list", tables_list, "the floor: every table with its status and party" },
    { "add", tables_add, "add a table" },
    { "status", tables_status, "mark a table free, reserved or to_clean" },
    { "suggest", tables_suggest, "the free tables that suit a party, best first" },
  };

  return rg_cli_run_group (cli, "tables", commands, G_N_ELEMENTS (commands), argc, argv, error);
}
