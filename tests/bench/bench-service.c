/* bench-service.c — the waiter's hot paths: adding an item to a check,
 * from the call to the committed row, and reading the live floor
 * of 200 tables.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-service [--lines 2000] [--floors 500]
 */
#include <glib/gstdio.h>
#include <locale.h>

#include "rg-auth.h"
#include "rg-bench-util.h"
#include "rg-branch.h"
#include "rg-floor.h"
#include "rg-menu.h"
#include "rg-visit.h"

#define TABLES 200

typedef struct
{
  RgDb  *db;
  gchar *dir;
  gchar *path;
  gchar *branch_id;
  gchar *item_id;
  GPtrArray *table_ids;
} Floor;

static void
floor_free (Floor *f)
{
  static const gchar *suffixes[] = { "", "-wal", "-shm" };

  rg_db_close (f->db);
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (f->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (f->dir);
  g_ptr_array_unref (f->table_ids);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->branch_id);
  g_free (f->item_id);
  g_free (f);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Floor, floor_free)

/* A branch with 200 four-seat tables and one dish on the menu. */
static Floor *
floor_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(RgStaff) owner = NULL;
  g_autoptr(RgMenuItem) item = NULL;
  RgMenuItemSpec spec = { .name = "Kung Pao Chicken", .category = "Mains", .price = 4800, .cost = 1500 };
  Floor *f = g_new0 (Floor, 1);

  f->dir = g_dir_make_tmp ("regulars-bench-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "service.db", NULL);
  f->table_ids = g_ptr_array_new_with_free_func (g_free);
  f->db = rg_db_open (f->path, &error);
  g_assert_no_error (error);

  branch = rg_branch_add (f->db, "Riverside", "Asia/Shanghai", &error);
  g_assert_no_error (error);
  f->branch_id = g_strdup (rg_branch_get_id (branch));
  owner = rg_auth_add_staff (f->db, NULL, "Owner", RG_ROLE_OWNER, NULL, &error);
  g_assert_no_error (error);
  item = rg_menu_add (f->db, rg_staff_get_id (owner), &spec, &error);
  g_assert_no_error (error);
  f->item_id = g_strdup (rg_menu_item_get_id (item));

  for (guint i = 0; i < TABLES; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("%u", i + 1);
      RgDiningTableSpec table_spec = { .name = name, .seats = 4,
                                       .x = (i % 20) * 2.0, .y = (i / 20) * 2.0,
                                       .width = 1.2, .height = 1.2 };
      g_autoptr(RgDiningTable) table = rg_floor_add_table (f->db, rg_staff_get_id (owner), f->branch_id, &table_spec, &error);

      g_assert_no_error (error);
      g_ptr_array_add (f->table_ids, g_strdup (rg_dining_table_get_id (table)));
    }
  return f;
}

static gchar *
seat_party (Floor *f, guint table)
{
  g_autoptr(GError) error = NULL;
  RgSeating seating = { .branch_id = f->branch_id,
                        .table_id = g_ptr_array_index (f->table_ids, table),
                        .party_size = 2 };
  g_autoptr(RgVisit) visit = rg_visit_seat (f->db, &seating, &error);

  g_assert_no_error (error);
  return g_strdup (rg_visit_get_id (visit));
}

static void
bench_add_line (guint lines)
{
  g_autoptr(Floor) f = floor_new ();
  g_autoptr(RgBenchSamples) samples = rg_bench_samples_new (lines);
  g_autofree gchar *visit_id = seat_party (f, 0);

  for (guint i = 0; i < lines; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgOrderLine) line = NULL;
      gint64 t0 = rg_bench_now_ns ();

      line = rg_visit_add_line (f->db, visit_id, f->item_id, 1, 1 + i % 4, 1, NULL, FALSE, &error);
      rg_bench_samples_add (samples, rg_bench_now_ns () - t0);
      g_assert_no_error (error);
    }
  rg_bench_samples_print_us (samples, "add an item (committed)");
}

static void
bench_live_floor (guint reads)
{
  g_autoptr(Floor) f = floor_new ();
  g_autoptr(RgBenchSamples) samples = rg_bench_samples_new (reads);

  /* three tables in four seated, each with eight lines on the check */
  for (guint t = 0; t < TABLES; t++)
    {
      g_autofree gchar *visit_id = NULL;

      if (t % 4 == 3)
        continue;
      visit_id = seat_party (f, t);
      for (guint l = 0; l < 8; l++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, visit_id, f->item_id, 1, 0, 0,
                                                           NULL, FALSE, &error);
          g_assert_no_error (error);
          g_assert_nonnull (line);
        }
    }

  for (guint i = 0; i < reads; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) live = NULL;
      gint64 t0 = rg_bench_now_ns ();

      live = rg_floor_list_live (f->db, f->branch_id, &error);
      rg_bench_samples_add (samples, rg_bench_now_ns () - t0);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (live), ==, TABLES);
    }
  rg_bench_samples_print_us (samples, "live floor, 200 tables");
}

int
main (int argc, char **argv)
{
  gint lines = 2000, reads = 500;
  GOptionEntry entries[] = {
    { "lines", 0, 0, G_OPTION_ARG_INT, &lines, "Items to add", "N" },
    { "floors", 0, 0, G_OPTION_ARG_INT, &reads, "Reads of the live floor", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— service benchmark");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || lines <= 0 || reads <= 0)
    {
      g_printerr ("usage: bench-service [--lines N] [--floors N]\n");
      return 2;
    }
  bench_add_line ((guint) lines);
  bench_live_floor ((guint) reads);
  return 0;
}
