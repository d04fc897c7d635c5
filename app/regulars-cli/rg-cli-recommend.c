/* rg-cli-recommend.c — regulars-cli recommend: what to suggest to a guest,
 * and why.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-cli.h"

#include "rg-id.h"
#include "rg-recommend.h"

static void
build_list (JsonBuilder *b,
            const gchar *key,
            GListModel  *list)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RgRecommendation) r = g_list_model_get_item (list, i);

      json_builder_begin_object (b);
      rg_cli_json_string (b, "item_id", rg_recommendation_get_item_id (r));
      rg_cli_json_string (b, "name", rg_recommendation_get_name (r));
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, rg_recommendation_get_score (r));
      rg_cli_json_string (b, "reason", rg_recommendation_get_reason (r));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_list (const gchar *title,
            GListModel  *list)
{
  rg_cli_print ("%s:\n", title);
  if (g_list_model_get_n_items (list) == 0)
    rg_cli_print ("  nothing to suggest\n");
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RgRecommendation) r = g_list_model_get_item (list, i);

      rg_cli_print ("  %s — %s\n", rg_recommendation_get_name (r), rg_recommendation_get_reason (r));
    }
}

gboolean
rg_cli_recommend (RgCli   *cli,
                  gint     argc,
                  gchar  **argv,
                  GError **error)
{
  g_autofree gchar *daypart_text = NULL;
  gint n = 5;
  RgDaypart daypart;
  g_autoptr(RgRecommender) model = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  const GOptionEntry entries[] = {
    { "daypart", 0, 0, G_OPTION_ARG_FILENAME, &daypart_text, "breakfast, lunch, dinner or late (now)", "WORD" },
    { "n", 0, 0, G_OPTION_ARG_INT, &n, "Most dishes per list (5)", "N" },
    { NULL }
  };

  if (!rg_cli_parse ("GUEST [--daypart WORD] [--n N]", entries, &argc, &argv, 1, 1, error) ||
      !rg_cli_check_range (n, 1, 50, "number of dishes", error))
    return FALSE;
  if (daypart_text != NULL && !rg_daypart_from_string (daypart_text, &daypart, error))
    return FALSE;
  if (rg_cli_open (cli, error) == NULL)
    return FALSE;
  if (daypart_text == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(RgBranch) branch = rg_branch_get_current (cli->db, &local_error);

      daypart = rg_daypart_for_time (rg_now_ms (), branch != NULL ? rg_branch_get_tz (branch) : "UTC");
    }

  model = rg_recommender_new (cli->db, error);
  if (model == NULL ||
      !rg_recommender_for_guest (model, cli->db, argv[1], daypart, (guint) n, &usual, &new_items, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "daypart", rg_daypart_to_string (daypart));
      build_list (b, "usual", usual);
      build_list (b, "new", new_items);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    {
      print_list ("Their usual", usual);
      print_list ("Something new", new_items);
    }
  return TRUE;
}
