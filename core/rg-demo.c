/* rg-demo.c — the demo restaurant: the run, its random and statement
 * helpers, and the public entry.  The branches, floor plans, menu and staff
 * are made in rg-demo-restaurant.c, guests in rg-demo-guests.c, visits in
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
#include "rg-rollup.h"

#define ID_SEED_SALT 0x5eed1d5u
#define CACHE_KIB 262144   /* a big page cache: the run writes far more than the default */

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
  if (!_rg_demo_make_restaurant (d, error) || !_rg_demo_make_guests (d, error) ||
      !_rg_demo_make_visits (d, error))
    return FALSE;
  release_statements (d);

  if (!rg_rollup_rebuild (d->db, error))
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
