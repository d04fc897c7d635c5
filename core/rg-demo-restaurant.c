/* rg-demo-restaurant.c — the demo's restaurant before any guest: its
 * branches, their floor plans and waiters, and the menu (with the draws of
 * dishes by taste that guests and visits use).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-demo-private.h"

#include <math.h>

#include "rg-branch.h"

/* A floor plan of the usual size: tables per zone, scaled to the traffic. */
static const struct {
  const gchar *zone_name;
  const gchar *kind;
  const gchar *table_prefix;
  guint        n_tables;
  const gint   seats[5];
  const gchar *features;
} floor_plan[RG_DEMO_N_ZONES] = {
  [RG_DEMO_ZONE_MAIN]    = { "Main hall", "main", "", 10, { 4, 4, 6, 8, 10 }, "" },
  [RG_DEMO_ZONE_WINDOW]  = { "Window", "window", "W", 6, { 2, 4, 2, 4, 4 }, "view,window" },
  [RG_DEMO_ZONE_BOOTH]   = { "Booths", "booth", "B", 5, { 4, 6, 4, 4, 6 }, "sofa" },
  [RG_DEMO_ZONE_PATIO]   = { "Patio", "patio", "P", 4, { 4, 4, 2, 6, 4 }, "outdoor" },
  [RG_DEMO_ZONE_BAR]     = { "Bar", "bar", "Bar ", 3, { 2, 2, 2, 2, 2 }, "high" },
  [RG_DEMO_ZONE_QUIET]   = { "Quiet corner", "quiet", "Q", 2, { 4, 2, 4, 2, 4 }, "quiet" },
  [RG_DEMO_ZONE_PRIVATE] = { "Private room", "private", "VIP ", 1, { 12, 10, 12, 10, 12 }, "private" },
};

/* ------------------------------------------------------------ branches */

static gchar *
dup_default_tz (const gchar *country)
{
  if (g_strcmp0 (country, "US") == 0)
    return g_strdup ("America/New_York");
  if (g_strcmp0 (country, "GB") == 0)
    return g_strdup ("Europe/London");
  if (g_strcmp0 (country, "CN") == 0)
    return g_strdup ("Asia/Shanghai");
  return g_strdup ("UTC");
}

static void
fill_noons (RgDemo       *d,
            RgDemoBranch *branch,
            const gchar  *tz)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tz);

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  branch->noon_ms = g_new (gint64, d->options->days);
  for (guint i = 0; i < d->options->days; i++)
    {
      GDate day = d->first_day;
      g_autoptr(GDateTime) noon = NULL;

      g_date_add_days (&day, i);
      noon = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), 12, 0, 0);
      branch->noon_ms[i] = g_date_time_to_unix (noon) * 1000;
    }
}

static gboolean
name_taken (GListModel  *existing,
            const gchar *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(RgBranch) b = g_list_model_get_item (existing, i);

      if (g_ascii_strcasecmp (rg_branch_get_name (b), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The terminal's branches first, then new ones named from the list. */
static gboolean
make_branches (RgDemo  *d,
               GError **error)
{
  g_autoptr(GListModel) existing = rg_branch_list (d->db, error);
  g_autofree gchar *tz = NULL;
  RgDemoWords names = _rg_demo_branch_names ();
  guint n_existing, next_name = 0;

  if (existing == NULL)
    return FALSE;
  n_existing = g_list_model_get_n_items (existing);
  d->n_branches = d->options->branches;
  d->branches = g_new0 (RgDemoBranch, d->n_branches);

  for (guint i = 0; i < d->n_branches && i < n_existing; i++)
    {
      g_autoptr(RgBranch) b = g_list_model_get_item (existing, i);

      g_strlcpy (d->branches[i].id, rg_branch_get_id (b), sizeof (RgDemoId));
      fill_noons (d, &d->branches[i], rg_branch_get_tz (b));
      if (tz == NULL)
        tz = g_strdup (rg_branch_get_tz (b));
    }
  if (tz == NULL)
    tz = dup_default_tz (d->country);

  for (guint i = n_existing; i < d->n_branches; i++)
    {
      RgDemoBranch *branch = &d->branches[i];
      g_autofree gchar *name = NULL;

      do
        {
          guint round = next_name / names.n;

          g_free (name);
          name = round == 0 ? g_strdup (names.items[next_name % names.n])
                            : g_strdup_printf ("%s %u", names.items[next_name % names.n], round + 1);
          next_name++;
        }
      while (name_taken (existing, name));

      _rg_demo_make_id (d, d->start_ms - 60 * RG_DEMO_MS_PER_DAY, branch->id);
      sqlite3_bind_text (d->stmt.branch, 1, branch->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.branch, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.branch, 3, tz, -1, SQLITE_STATIC);
      _rg_demo_bind_synced (d, d->stmt.branch, 4);
      if (!_rg_demo_step (d, d->stmt.branch, "branches", error))
        return FALSE;
      fill_noons (d, branch, tz);
    }
  d->counts.branches = d->n_branches;
  return TRUE;
}

/* ---------------------------------------------------------- floor plans */

/* Tables for about a third of a day's visits at once, in the usual shape. */
static gdouble
floor_scale (RgDemo *d)
{
  gdouble visits_per_day = d->options->guests * 1.6 / 365.0 / 0.75 / d->n_branches;

  return CLAMP (visits_per_day * 0.3 / 31.0, 0.6, 4.0);
}

static gboolean
add_zone_tables (RgDemo        *d,
                 RgDemoBranch  *branch,
                 RgDemoZone     zone,
                 guint          n_tables,
                 guint         *next_number,
                 GError       **error)
{
  RgDemoId zone_id;
  gint64 made_ms = branch->noon_ms[0] - RG_DEMO_MS_PER_DAY;

  _rg_demo_make_id (d, made_ms, zone_id);
  sqlite3_bind_text (d->stmt.zone, 1, zone_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (d->stmt.zone, 2, branch->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (d->stmt.zone, 3, floor_plan[zone].zone_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (d->stmt.zone, 4, floor_plan[zone].kind, -1, SQLITE_STATIC);
  _rg_demo_bind_synced (d, d->stmt.zone, 5);
  if (!_rg_demo_step (d, d->stmt.zone, "zones", error))
    return FALSE;

  for (guint i = 0; i < n_tables; i++)
    {
      RgDemoTable table = { .zone = zone, .seats = floor_plan[zone].seats[i % 5] };
      g_autofree gchar *name = NULL;
      gboolean round = table.seats >= 6;
      gdouble size = table.seats <= 2 ? 0.8 : table.seats <= 4 ? 1.2 : 1.0 + table.seats * 0.15;

      if (zone == RG_DEMO_ZONE_MAIN)
        name = g_strdup_printf ("%u", ++*next_number);
      else
        name = g_strdup_printf ("%s%u", floor_plan[zone].table_prefix, i + 1);
      _rg_demo_make_id (d, made_ms, table.id);

      sqlite3_bind_text (d->stmt.table, 1, table.id, -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.table, 2, branch->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.table, 3, zone_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.table, 4, name, -1, SQLITE_STATIC);
      sqlite3_bind_int (d->stmt.table, 5, table.seats);
      sqlite3_bind_double (d->stmt.table, 6, 1.0 + (i % 8) * 3.0);
      sqlite3_bind_double (d->stmt.table, 7, 1.0 + zone * 6.0 + (i / 8) * 3.0);
      sqlite3_bind_double (d->stmt.table, 8, size);
      sqlite3_bind_double (d->stmt.table, 9, size);
      sqlite3_bind_text (d->stmt.table, 10, round ? "round" : "rect", -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.table, 11, floor_plan[zone].features, -1, SQLITE_STATIC);
      _rg_demo_bind_synced (d, d->stmt.table, 12);
      if (!_rg_demo_step (d, d->stmt.table, "tables", error))
        return FALSE;
      g_array_append_val (d->tables, table);
    }
  return TRUE;
}

const gchar *
_rg_demo_zone_kind (RgDemoZone zone)
{
  g_return_val_if_fail (zone < RG_DEMO_N_ZONES, NULL);
  return floor_plan[zone].kind;
}

static gboolean
make_floors (RgDemo  *d,
             GError **error)
{
  gdouble scale = floor_scale (d);

  d->tables = g_array_new (FALSE, FALSE, sizeof (RgDemoTable));
  for (guint b = 0; b < d->n_branches; b++)
    {
      RgDemoBranch *branch = &d->branches[b];
      guint next_number = 0;

      branch->first_table = d->tables->len;
      for (RgDemoZone z = 0; z < RG_DEMO_N_ZONES; z++)
        {
          guint n = MAX (1, (guint) lround (floor_plan[z].n_tables * scale));

          if (z == RG_DEMO_ZONE_PRIVATE)
            n = MIN (n, 3);
          if (!add_zone_tables (d, branch, z, n, &next_number, error))
            return FALSE;
        }
      branch->n_tables = d->tables->len - branch->first_table;
    }
  d->counts.tables = d->tables->len;
  return TRUE;
}

/* ------------------------------------------------------------------ menu */

static const gchar *
daypart_words (guint dayparts)
{
  switch (dayparts)
    {
    case RG_DEMO_LUNCH:
      return "lunch";
    case RG_DEMO_DINNER:
      return "dinner";
    default:
      return "";
    }
}

static guint
count_bits (guint x)
{
  guint n = 0;

  for (; x != 0; x &= x - 1)
    n++;
  return n;
}

static guint
daypart_index (guint daypart)
{
  return daypart == RG_DEMO_LUNCH ? 1 : daypart == RG_DEMO_DINNER ? 2 : 0;
}

static gdouble *
build_cdf (RgDemo       *d,
           RgDemoCourse  course,
           guint         tastes,
           guint         daypart)
{
  gdouble *cdf = g_new (gdouble, d->n_items);
  gdouble total = 0;

  for (guint i = 0; i < d->n_items; i++)
    {
      const RgDemoDish *dish = d->items[i].dish;
      gboolean served = daypart == 0 || dish->dayparts == 0 || (dish->dayparts & daypart) != 0;

      if (dish->course == course && served)
        total += dish->popularity * (1.0 + 3.0 * count_bits (d->items[i].tastes & tastes));
      cdf[i] = total;
    }
  return cdf;
}

guint
_rg_demo_sample_item (RgDemo       *d,
                      RgDemoCourse  course,
                      guint         tastes,
                      guint         daypart)
{
  gdouble **slot = &d->cdf[course][tastes & ((1 << RG_DEMO_N_TASTES) - 1)][daypart_index (daypart)];
  gdouble target;
  guint lo = 0, hi = d->n_items - 1;

  if (*slot == NULL)
    *slot = build_cdf (d, course, tastes, daypart);
  target = g_rand_double (d->rand) * (*slot)[d->n_items - 1];
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if ((*slot)[mid] <= target)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
make_menu (RgDemo  *d,
           GError **error)
{
  const RgDemoDish *dishes = _rg_demo_dishes (&d->n_items);
  gint64 made_ms = d->start_ms - 30 * RG_DEMO_MS_PER_DAY;

  d->items = g_new0 (RgDemoItem, d->n_items);
  for (guint i = 0; i < d->n_items; i++)
    {
      RgDemoItem *item = &d->items[i];
      RgStmt *stmt = d->stmt.item;

      item->dish = &dishes[i];
      item->allergens = _rg_demo_allergen_mask (dishes[i].allergens);
      item->tastes = _rg_demo_taste_mask (dishes[i].tags);
      item->cost = dishes[i].price * dishes[i].cost_pct / 100;
      _rg_demo_make_id (d, made_ms, item->id);

      sqlite3_bind_text (stmt, 1, item->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, dishes[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, dishes[i].category, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, dishes[i].price);
      sqlite3_bind_int (stmt, 5, item->cost);
      sqlite3_bind_text (stmt, 6, dishes[i].allergens, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, dishes[i].tags, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, daypart_words (dishes[i].dayparts), -1, SQLITE_STATIC);
      _rg_demo_bind_synced (d, stmt, 9);
      if (!_rg_demo_step (d, stmt, "the menu", error))
        return FALSE;
    }
  d->counts.menu_items = d->n_items;
  return TRUE;
}

/* ----------------------------------------------------------------- staff */

static gboolean
add_staff (RgDemo       *d,
           guint         index,
           const gchar  *role,
           RgDemoId      out,
           GError      **error)
{
  RgDemoWords names = _rg_demo_staff_names ();
  g_autofree gchar *name = index < names.n
                           ? g_strdup (names.items[index])
                           : g_strdup_printf ("%s %u", names.items[index % names.n], index / names.n + 1);

  _rg_demo_make_id (d, d->start_ms - 30 * RG_DEMO_MS_PER_DAY, out);
  sqlite3_bind_text (d->stmt.staff, 1, out, -1, SQLITE_STATIC);
  sqlite3_bind_text (d->stmt.staff, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (d->stmt.staff, 3, role, -1, SQLITE_STATIC);
  _rg_demo_bind_synced (d, d->stmt.staff, 4);
  return _rg_demo_step (d, d->stmt.staff, "staff", error);
}

/* A manager and a waiter for every eight tables or so, per branch. */
static gboolean
make_staff (RgDemo  *d,
            GError **error)
{
  guint index = 0;

  d->staff = g_array_new (FALSE, FALSE, sizeof (RgDemoId));
  for (guint b = 0; b < d->n_branches; b++)
    {
      RgDemoBranch *branch = &d->branches[b];
      RgDemoId manager;

      if (!add_staff (d, index++, "manager", manager, error))
        return FALSE;
      branch->first_staff = d->staff->len;
      branch->n_staff = 3 + branch->n_tables / 8;
      for (guint i = 0; i < branch->n_staff; i++)
        {
          RgDemoId waiter;

          if (!add_staff (d, index++, "waiter", waiter, error))
            return FALSE;
          g_array_append_val (d->staff, waiter);
        }
    }
  d->counts.staff = index;
  return TRUE;
}

/* ------------------------------------------------------------ entry */

gboolean
_rg_demo_make_restaurant (RgDemo  *d,
                          GError **error)
{
  return make_branches (d, error) && make_floors (d, error) && make_menu (d, error) &&
         make_staff (d, error);
}
