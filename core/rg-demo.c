/* rg-demo.c — the demo restaurant: the run, its branches, floor plans, menu
 * and staff.  Guests are made in rg-demo-guests.c, visits in
 * rg-demo-visits.c.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speed: every row goes through a statement prepared once for the run, in
 * one transaction, with the sync outbox off.  Ids are UUIDv7 made from the
 * row's own time and random bits of a seeded generator, so a seed gives the
 * same ids every time and rows are inserted roughly in id order.
 */
#include "rg-demo-private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rg-branch.h"
#include "rg-guest.h"
#include "rg-rollup.h"

#define ID_SEED_SALT 0x5eed1d5u
#define CACHE_KIB 262144   /* a big page cache: the run writes far more than the default */

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

/* Busier at the end of the week: Monday first. */
static const gfloat weekday_weight[7] = { 0.80f, 0.85f, 0.90f, 1.00f, 1.30f, 1.45f, 1.30f };

/* ------------------------------------------------------- random helpers */

static const gchar hex_digits[] = "0123456789abcdef";

void
_rg_demo_make_id (RgDemo   *d,
                  gint64    ms,
                  RgDemoId  out)
{
  guint32 r0 = g_rand_int (d->id_rand);
  guint32 r1 = g_rand_int (d->id_rand);
  guint32 r2 = g_rand_int (d->id_rand);
  guint8 bytes[16];
  guint o = 0;

  for (guint i = 0; i < 6; i++)
    bytes[i] = (guint8) (ms >> (40 - 8 * i));
  bytes[6] = 0x70 | (r0 & 0x0f);
  bytes[7] = (guint8) (r0 >> 8);
  bytes[8] = 0x80 | ((r0 >> 16) & 0x3f);
  bytes[9] = (guint8) (r0 >> 24);
  for (guint i = 0; i < 4; i++)
    {
      bytes[10 + i] = (guint8) (r1 >> (8 * i));
      if (i < 2)
        bytes[14 + i] = (guint8) (r2 >> (8 * i));
    }

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[o++] = '-';
      out[o++] = hex_digits[bytes[i] >> 4];
      out[o++] = hex_digits[bytes[i] & 0x0f];
    }
  out[o] = '\0';
}

gdouble
_rg_demo_gauss (RgDemo *d)
{
  gdouble u = g_rand_double (d->rand);
  gdouble v = g_rand_double (d->rand);

  return sqrt (-2.0 * log (1.0 - u)) * cos (2.0 * G_PI * v);
}

guint
_rg_demo_pick (RgDemo *d,
               guint   n)
{
  return (guint) g_rand_int_range (d->rand, 0, (gint32) n);
}

gboolean
_rg_demo_chance (RgDemo  *d,
                 gdouble  p)
{
  return g_rand_double (d->rand) < p;
}

const gchar *
_rg_demo_pick_word (RgDemo      *d,
                    RgDemoWords  words)
{
  return words.items[_rg_demo_pick (d, words.n)];
}

/* ---------------------------------------------------- statement helpers */

gboolean
_rg_demo_step (RgDemo       *d,
               RgStmt       *stmt,
               const gchar  *doing,
               GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rg_db_set_error (d->db, error, "making the demo data (%s)", doing);
  return TRUE;
}

void
_rg_demo_bind_text (RgStmt      *stmt,
                    int          index,
                    const gchar *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Binds updated_hlc at @hlc_index and origin right after it. */
void
_rg_demo_bind_synced (RgDemo *d,
                      RgStmt *stmt,
                      int     hlc_index)
{
  sqlite3_bind_int64 (stmt, hlc_index, d->hlc);
  sqlite3_bind_text (stmt, hlc_index + 1, d->origin, -1, SQLITE_STATIC);
}

static gboolean
prepare_statements (RgDemo  *d,
                    GError **error)
{
  static const struct {
    gsize        offset;
    const gchar *sql;
  } statements[] = {
    { G_STRUCT_OFFSET (RgDemoStatements, branch),
      "INSERT INTO branch (id, name, tz, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5)" },
    { G_STRUCT_OFFSET (RgDemoStatements, zone),
      "INSERT INTO zone (id, branch_id, name, kind, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
    { G_STRUCT_OFFSET (RgDemoStatements, table),
      "INSERT INTO dining_table (id, branch_id, zone_id, name, seats, x, y, width, height, shape, "
      "features, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" },
    { G_STRUCT_OFFSET (RgDemoStatements, item),
      "INSERT INTO menu_item (id, name, category, price, cost, allergens, tags, dayparts, "
      "updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)" },
    { G_STRUCT_OFFSET (RgDemoStatements, staff),
      "INSERT INTO staff (id, name, role, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5)" },
    { G_STRUCT_OFFSET (RgDemoStatements, guest),
      "INSERT INTO guest (id, name, family_name, gender, birthday, anniversary, language, vip, "
      "notes, consent_marketing, created_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" },
    { G_STRUCT_OFFSET (RgDemoStatements, phone),
      "INSERT OR IGNORE INTO guest_phone (id, guest_id, e164, digits_rev, label, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
    { G_STRUCT_OFFSET (RgDemoStatements, card),
      "INSERT INTO member_card (id, guest_id, number, issued_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
    { G_STRUCT_OFFSET (RgDemoStatements, tag),
      "INSERT INTO guest_tag (id, guest_id, tag, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5)" },
    { G_STRUCT_OFFSET (RgDemoStatements, allergy),
      "INSERT INTO guest_allergy (id, guest_id, allergen, severity, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
    { G_STRUCT_OFFSET (RgDemoStatements, seating),
      "INSERT INTO seating_pref (id, guest_id, kind, value, weight, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
    { G_STRUCT_OFFSET (RgDemoStatements, dish_pref),
      "INSERT INTO dish_pref (id, guest_id, item_id, pref, note, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
    { G_STRUCT_OFFSET (RgDemoStatements, link),
      "INSERT INTO guest_link (id, guest_id, other_id, kind, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
    { G_STRUCT_OFFSET (RgDemoStatements, visit),
      "INSERT INTO visit (id, branch_id, guest_id, table_id, party_size, children, seated_ms, "
      "left_ms, server_id, status, subtotal, tip, payment_method, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'closed', ?10, ?11, ?12, ?13, ?14)" },
    { G_STRUCT_OFFSET (RgDemoStatements, visit_guest),
      "INSERT INTO visit_guest (id, visit_id, guest_id, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5)" },
    { G_STRUCT_OFFSET (RgDemoStatements, line),
      "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, unit_cost, seat, course, "
      "voided, void_reason, staff_id, created_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" },
    { G_STRUCT_OFFSET (RgDemoStatements, feedback),
      "INSERT INTO feedback (id, visit_id, table_id, item_id, guest_id, aspect, rating, comment, "
      "staff_id, created_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      RgStmt *stmt = rg_db_prepare (d->db, statements[i].sql, error);

      if (stmt == NULL)
        return FALSE;
      G_STRUCT_MEMBER (RgStmt *, &d->stmt, statements[i].offset) = stmt;
    }
  return TRUE;
}

static void
release_statements (RgDemo *d)
{
  RgStmt **stmts = (RgStmt **) &d->stmt;

  for (guint i = 0; i < sizeof (RgDemoStatements) / sizeof (RgStmt *); i++)
    if (stmts[i] != NULL)
      rg_stmt_release (stmts[i]);
}

/* ------------------------------------------------------------ the run */

static void
demo_free (RgDemo *d)
{
  release_statements (d);
  if (d->branches != NULL)
    for (guint i = 0; i < d->n_branches; i++)
      g_free (d->branches[i].noon_ms);
  g_free (d->branches);
  g_clear_pointer (&d->tables, g_array_unref);
  g_clear_pointer (&d->staff, g_array_unref);
  g_free (d->items);
  for (guint c = 0; c < G_N_ELEMENTS (d->cdf); c++)
    for (guint t = 0; t < G_N_ELEMENTS (d->cdf[c]); t++)
      for (guint p = 0; p < G_N_ELEMENTS (d->cdf[c][t]); p++)
        g_free (d->cdf[c][t][p]);
  g_free (d->guests);
  g_free (d->day_weight);
  g_free (d->country);
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->id_rand, g_rand_free);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgDemo, demo_free)

static gboolean
check_options (const RgDemoOptions  *options,
               GDate                *first_day,
               GError              **error)
{
  GDate last;

  if (options->guests > RG_DEMO_GUESTS_MAX || options->days < 1 ||
      options->days > RG_DEMO_DAYS_MAX || options->branches < 1 ||
      options->branches > RG_DEMO_BRANCHES_MAX)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The demo takes up to %u guests, 1 to %u days and 1 to %u branches.",
                   RG_DEMO_GUESTS_MAX, RG_DEMO_DAYS_MAX, RG_DEMO_BRANCHES_MAX);
      return FALSE;
    }

  g_date_clear (&last, 1);
  if (options->last_day == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_date_set_dmy (&last, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
      g_date_subtract_days (&last, 1);
    }
  else
    {
      guint y = 0, m = 0, dd = 0;
      gchar tail;

      if (!g_utf8_validate (options->last_day, -1, NULL) ||
          sscanf (options->last_day, "%4u-%2u-%2u%c", &y, &m, &dd, &tail) != 3 ||
          !g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m, (GDateYear) y) || y < 1971)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "The last day of the demo must be a date written YYYY-MM-DD.");
          return FALSE;
        }
      g_date_set_dmy (&last, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
    }

  *first_day = last;
  if (g_date_get_julian (&last) <= options->days + 366)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "The demo cannot start before 1970.");
      return FALSE;
    }
  g_date_subtract_days (first_day, options->days - 1);
  return TRUE;
}

static gboolean
check_empty (RgDb    *db,
             GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT EXISTS (SELECT 1 FROM guest) OR EXISTS (SELECT 1 FROM menu_item) "
      "OR EXISTS (SELECT 1 FROM dining_table) OR EXISTS (SELECT 1 FROM visit)", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "looking for data before making the demo");
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_EXISTS,
                   "The database already holds guests, a menu, tables or visits; "
                   "the demo goes into a new database.");
      return FALSE;
    }
  return TRUE;
}

/* Season (a peak around the Spring Festival, a summer lull), the weekday,
 * and the holidays. */
static void
weigh_days (RgDemo *d)
{
  d->day_weight = g_new (gfloat, d->options->days);
  for (guint i = 0; i < d->options->days; i++)
    {
      GDate day = d->first_day;
      gdouble doy, w;

      g_date_add_days (&day, i);
      doy = g_date_get_day_of_year (&day);
      w = weekday_weight[g_date_get_weekday (&day) - 1];
      w *= 1.0 + 0.15 * cos (2.0 * G_PI * (doy - 35.0) / 365.25);
      if (g_date_get_month (&day) == G_DATE_DECEMBER && g_date_get_day (&day) >= 20)
        w *= 1.2;
      if (g_date_get_month (&day) == G_DATE_FEBRUARY && g_date_get_day (&day) == 14)
        w *= 1.3;
      d->day_weight[i] = (gfloat) w;
      d->max_weight = MAX (d->max_weight, (gfloat) w);
      d->mean_weight += (gfloat) (w / d->options->days);
    }
}

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

/* ------------------------------------------------------------ public API */

static gboolean
generate (RgDemo  *d,
          GError **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RgBranch) current = NULL;

  txn = rg_db_begin (d->db, error);
  if (txn == NULL)
    return FALSE;
  if (!check_empty (d->db, error) || !prepare_statements (d, error))
    return FALSE;

  weigh_days (d);
  if (!make_branches (d, error) || !make_floors (d, error) || !make_menu (d, error) ||
      !make_staff (d, error) || !_rg_demo_make_guests (d, error) ||
      !_rg_demo_make_visits (d, error))
    return FALSE;
  release_statements (d);

  if (!rg_rollup_rebuild (d->db, error) || !rg_guest_index_rebuild (d->db, error))
    return FALSE;

  current = rg_branch_get_current (d->db, &local_error);
  if (current == NULL && !rg_branch_set_current (d->db, d->branches[0].id, error))
    return FALSE;

  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/* The connection's settings the run changes, to put them back after. */
typedef struct
{
  gint cache_size;
  gint foreign_keys;
} Pragmas;

static gint
read_pragma (RgDb        *db,
             const gchar *sql,
             gint         fallback)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;
  return sqlite3_column_int (stmt, 0);
}

static void
set_pragmas (RgDb          *db,
             const Pragmas *pragmas)
{
  g_autofree gchar *sql = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA foreign_keys = %d",
                                           pragmas->cache_size, pragmas->foreign_keys);

  rg_db_exec (db, sql, NULL);
}

static gint64
epoch_ms (const GDate *day)
{
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  return (gint64) g_date_days_between (&epoch, day) * RG_DEMO_MS_PER_DAY;
}

gboolean
rg_demo_generate (RgDb                 *db,
                  const RgDemoOptions  *options,
                  RgDemoCounts         *counts,
                  GError              **error)
{
  g_autoptr(RgDemo) d = NULL;
  /* The rows are consistent by construction (check-demo runs
   * foreign_key_check): checking every reference while writing millions of
   * them is skipped.  A page cache of 256 MB keeps the indexes in memory. */
  const Pragmas fast = { .cache_size = -CACHE_KIB, .foreign_keys = 0 };
  Pragmas saved;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  d = g_new0 (RgDemo, 1);
  d->db = db;
  d->options = options;
  if (!check_options (options, &d->first_day, error))
    return FALSE;

  d->start_ms = epoch_ms (&d->first_day);
  d->origin = rg_db_get_device_id (db);
  d->hlc = rg_db_next_hlc (db);
  d->rand = g_rand_new_with_seed (options->seed);
  d->id_rand = g_rand_new_with_seed (options->seed ^ ID_SEED_SALT);
  d->country = rg_branch_dup_country (db);

  saved.cache_size = read_pragma (db, "PRAGMA cache_size", -2000);
  saved.foreign_keys = read_pragma (db, "PRAGMA foreign_keys", 1);
  set_pragmas (db, &fast);
  rg_db_set_capture_changes (db, FALSE);

  ok = generate (d, error);

  rg_db_set_capture_changes (db, TRUE);
  set_pragmas (db, &saved);
  if (ok && counts != NULL)
    *counts = d->counts;
  return ok;
}
