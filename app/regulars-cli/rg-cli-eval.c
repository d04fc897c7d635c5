/* rg-cli-eval.c — regulars-cli eval recommend and report uplift: how good
 * the suggestions are offline, and whether showing them sells the dishes.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `eval recommend` measures the terminal's own database, or with
 * --data-set demo a demo restaurant made for the purpose in a temporary
 * folder and removed afterwards.
 */
#include "rg-cli.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rg-demo.h"
#include "rg-id.h"
#include "rg-recommend-eval.h"
#include "rg-recommend-log.h"

#define DEMO_GUESTS     1000
#define DEMO_DAYS       90
#define DAY_MS          (24 * 60 * 60 * G_GINT64_CONSTANT (1000))
#define UPLIFT_DAYS_MAX 36500

/* Removes @dir and the files in it (a database and its journals). */
static void
remove_dir (const gchar *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const gchar *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* Measures @db and prints the two evaluations under @label. */
static gboolean
print_eval (RgCli        *cli,
            RgDb         *db,
            const gchar  *label,
            GError      **error)
{
  g_autoptr(RgRecommendEval) last = rg_recommend_eval_last_visit (db, NULL, error);
  g_autoptr(RgRecommendEval) basket = NULL;
  g_autofree gchar *last_title = g_strdup_printf ("%s, last visit held out", label);
  g_autofree gchar *basket_title = g_strdup_printf ("%s, basket completion", label);
  g_autofree gchar *last_rows = NULL;
  g_autofree gchar *basket_rows = NULL;

  if (last == NULL || (basket = rg_recommend_eval_basket (db, NULL, error)) == NULL)
    return FALSE;
  last_rows = rg_recommend_eval_format (last, last_title);
  basket_rows = rg_recommend_eval_format (basket, basket_title);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      RgRecommendEval *evals[] = { last, basket };
      const gchar *names[] = { "last_visit", "basket" };

      json_builder_begin_object (b);
      rg_cli_json_string (b, "data_set", label);
      for (guint e = 0; e < G_N_ELEMENTS (evals); e++)
        {
          json_builder_set_member_name (b, names[e]);
          json_builder_begin_object (b);
          rg_cli_json_int (b, "cases", rg_recommend_eval_get_n_cases (evals[e]));
          for (RgRecommendMethod m = 0; m < RG_RECOMMEND_N_METHODS; m++)
            {
              if (!rg_recommend_eval_has_method (evals[e], m))
                continue;
              json_builder_set_member_name (b, rg_recommend_method_to_string (m));
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "hit_rate_5");
              json_builder_add_double_value (b, rg_recommend_eval_get_hit_rate (evals[e], m));
              json_builder_set_member_name (b, "recall_10");
              json_builder_add_double_value (b, rg_recommend_eval_get_recall (evals[e], m));
              json_builder_set_member_name (b, "ndcg_10");
              json_builder_add_double_value (b, rg_recommend_eval_get_ndcg (evals[e], m));
              json_builder_end_object (b);
            }
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("| data set | method | cases | hit@5 | recall@10 | NDCG@10 |\n"
                  "|---|---|---:|---:|---:|---:|\n%s%s", last_rows, basket_rows);
  return TRUE;
}

/* A demo restaurant in a temporary folder, measured, then removed. */
static gboolean
eval_demo (RgCli   *cli,
           GError **error)
{
  g_autofree gchar *dir = g_dir_make_tmp ("regulars-eval-XXXXXX", error);
  g_autofree gchar *path = NULL;
  RgDemoOptions options = { .guests = DEMO_GUESTS, .days = DEMO_DAYS, .branches = 1, .seed = 1 };
  RgDb *db;
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "demo.db", NULL);
  db = rg_db_open (path, error);
  ok = db != NULL && rg_demo_generate (db, &options, NULL, error) && print_eval (cli, db, "demo", error);
  rg_db_close (db);
  remove_dir (dir);
  return ok;
}

static gboolean
eval_recommend (RgCli   *cli,
                gint     argc,
                gchar  **argv,
                GError **error)
{
  g_autofree gchar *data_set = NULL;
  const GOptionEntry entries[] = {
    { "data-set", 0, 0, G_OPTION_ARG_FILENAME, &data_set, "demo: a demo restaurant made for the purpose (this database)", "NAME" },
    { NULL }
  };

  if (!rg_cli_parse ("[--data-set demo]", entries, &argc, &argv, 0, 0, error))
    return FALSE;
  if (data_set != NULL && strcmp (data_set, "demo") != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "There is no data set '%s' to measure: leave --data-set out for this database, or say demo.",
                   g_utf8_validate (data_set, -1, NULL) ? data_set : "?");
      return FALSE;
    }
  if (data_set != NULL)
    return eval_demo (cli, error);
  return rg_cli_open (cli, error) != NULL && print_eval (cli, cli->db, "this restaurant", error);
}

gboolean
rg_cli_eval (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  static const RgCliCommand commands[] = {
    { "recommend", eval_recommend, "hit rate, recall and NDCG of the suggestions on held-out visits [--data-set demo]" },
  };

  return rg_cli_run_group (cli, "eval", commands, G_N_ELEMENTS (commands), argc, argv, error);
}

gboolean
rg_cli_report_uplift (RgCli   *cli,
                      gint     argc,
                      gchar  **argv,
                      GError **error)
{
  gint days = 30;
  gint64 now = rg_now_ms ();
  g_autoptr(RgRecommendUplift) uplift = NULL;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Suggestions of the last N days (30)", "N" },
    { NULL }
  };

  if (!rg_cli_parse ("uplift [--days N]", entries, &argc, &argv, 1, 1, error) ||
      !rg_cli_check_range (days, 1, UPLIFT_DAYS_MAX, "--days", error) ||
      !rg_cli_require (cli, RG_PERMISSION_VIEW_REPORTS, error))
    return FALSE;
  uplift = rg_recommend_uplift_report (cli->db, cli->staff_id, now - days * DAY_MS, now + 1, error);
  if (uplift == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      const gchar *groups[] = { "held_out", "shown" };

      json_builder_begin_object (b);
      rg_cli_json_int (b, "days", days);
      for (gint shown = 0; shown <= 1; shown++)
        {
          json_builder_set_member_name (b, groups[shown]);
          json_builder_begin_object (b);
          rg_cli_json_int (b, "visits", rg_recommend_uplift_get_visits (uplift, shown));
          rg_cli_json_int (b, "suggestions", rg_recommend_uplift_get_suggestions (uplift, shown));
          rg_cli_json_int (b, "ordered", rg_recommend_uplift_get_ordered (uplift, shown));
          rg_cli_json_int (b, "converted", rg_recommend_uplift_get_converted (uplift, shown));
          json_builder_set_member_name (b, "rate");
          json_builder_add_double_value (b, rg_recommend_uplift_get_rate (uplift, shown));
          json_builder_end_object (b);
        }
      json_builder_set_member_name (b, "uplift_points");
      json_builder_add_double_value (b, rg_recommend_uplift_get_uplift (uplift));
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    {
      g_autofree gchar *text = rg_recommend_uplift_format (uplift);

      rg_cli_print ("%s", text);
    }
  return TRUE;
}
