/* rg-guest-tier.c — one guest's spend tier against a daily cut of the
 * pyramid.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cut lives in the setting "guest_tier_cut" as five numbers: the start
 * of the year it ranks (UTC ms), the largest visit rowid it saw, and the
 * lowest spend of tiers 1, 2 and 3 (G_MAXINT64 for a tier with nobody in
 * it, as when there are fewer than 20 active guests).
 */
#include "rg-guest-tier.h"

#include <stdio.h>

#include "rg-error.h"
#include "rg-guest.h"
#include "rg-segment.h"

#define DAY_MS       G_GINT64_CONSTANT (86400000)
#define YEAR_DAYS    365
#define SETTING_KEY  "guest_tier_cut"
#define N_CUTS       (RG_TIER_N - 1)

typedef struct
{
  gint64 from_ms;           /* the first instant of the ranked year */
  gint64 max_visit_rowid;   /* the visits there were when it was made */
  gint64 cut[N_CUTS];       /* the lowest spend of tiers 1 to 3 */
} TierCut;

/* --------------------------------------------------------------- helpers */

/* The ranked year of @now_ms: the 365 days up to the end of its UTC day. */
static gint64
year_start (gint64 now_ms)
{
  gint64 day_start = now_ms - (((now_ms % DAY_MS) + DAY_MS) % DAY_MS);

  return day_start - (YEAR_DAYS - 1) * DAY_MS;
}

static gint64
year_end (gint64 from_ms)
{
  return from_ms + YEAR_DAYS * DAY_MS;
}

static gboolean
load_cut (RgDb    *db,
          TierCut *cut)
{
  g_autofree gchar *value = rg_db_dup_setting (db, SETTING_KEY);

  return value != NULL
         && sscanf (value, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                    " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                    &cut->from_ms, &cut->max_visit_rowid,
                    &cut->cut[0], &cut->cut[1], &cut->cut[2]) == 5;
}

static gboolean
read_max_visit_rowid (RgDb    *db,
                      gint64  *rowid,
                      GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT coalesce (max (rowid), 0) FROM visit", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "counting the visits for the guest tiers");
  *rowid = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Ranks the active guests of the year by spend and keeps the lowest spend
 * of each of the top three tiers. */
static gboolean
make_cut (RgDb     *db,
          TierCut  *cut,
          GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT sum (subtotal) AS spend FROM visit "
      "WHERE guest_id IS NOT NULL AND status = 'closed' AND deleted = 0 "
      "AND seated_ms >= ?1 AND seated_ms < ?2 "
      "GROUP BY guest_id ORDER BY spend DESC", error);
  g_autoptr(GArray) spends = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cut->from_ms);
  sqlite3_bind_int64 (stmt, 2, year_end (cut->from_ms));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 spend = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (spends, spend);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "ranking the guests by what they spent this year");

  for (guint t = 0; t < N_CUTS; t++)
    cut->cut[t] = G_MAXINT64;
  /* Sorted by spend, so the last guest seen in a tier spent the least. */
  for (guint rank = 0; rank < spends->len; rank++)
    {
      guint tier = rg_segment_tier_of_rank (rank, spends->len);

      if (tier <= N_CUTS)
        cut->cut[tier - 1] = g_array_index (spends, gint64, rank);
    }
  return TRUE;
}

static void
save_cut (RgDb          *db,
          const TierCut *cut)
{
  g_autofree gchar *value = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                             " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                             cut->from_ms, cut->max_visit_rowid,
                                             cut->cut[0], cut->cut[1], cut->cut[2]);

  rg_db_set_setting (db, SETTING_KEY, value, NULL);
}

/* Loads the saved cut into @cut and says whether it is the one of
 * @now_ms's year, made when there were at least ten elevenths of the
 * visits there are now; when not, @cut is set up for making it again. */
static gboolean
load_fresh_cut (RgDb     *db,
                gint64    now_ms,
                TierCut  *cut,
                gboolean *fresh,
                GError  **error)
{
  gint64 from_ms = year_start (now_ms);
  gint64 max_rowid = 0;

  if (!read_max_visit_rowid (db, &max_rowid, error))
    return FALSE;
  *fresh = load_cut (db, cut) && cut->from_ms == from_ms
           && max_rowid <= cut->max_visit_rowid + cut->max_visit_rowid / 10;
  if (!*fresh)
    {
      cut->from_ms = from_ms;
      cut->max_visit_rowid = max_rowid;
    }
  return TRUE;
}

/* The cut of @now_ms's year: the saved one while it is fresh, else a new
 * one. */
static gboolean
ensure_cut (RgDb     *db,
            gint64    now_ms,
            TierCut  *cut,
            GError  **error)
{
  gboolean fresh = FALSE;

  if (!load_fresh_cut (db, now_ms, cut, &fresh, error))
    return FALSE;
  if (fresh)
    return TRUE;
  if (!make_cut (db, cut, error))
    return FALSE;
  /* A cut that cannot be kept (another terminal program writing, a
   * read-only file) is still right for now; the next call makes it again. */
  save_cut (db, cut);
  return TRUE;
}

/* The tier of the guest with the live id @id against @cut. */
static gboolean
tier_against_cut (RgDb           *db,
                  const gchar    *id,
                  const TierCut  *cut,
                  RgGuestTier    *tier,
                  GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT count (*), coalesce (sum (subtotal), 0) FROM visit "
      "WHERE guest_id = ?1 AND seated_ms >= ?2 AND seated_ms < ?3 AND status = 'closed' AND deleted = 0",
      error);
  gint64 spend;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cut->from_ms);
  sqlite3_bind_int64 (stmt, 3, year_end (cut->from_ms));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading what a guest spent this year");

  if (sqlite3_column_int64 (stmt, 0) == 0)
    {
      *tier = RG_GUEST_TIER_NONE;
      return TRUE;
    }
  spend = sqlite3_column_int64 (stmt, 1);
  *tier = RG_GUEST_TIER_REST;
  for (guint t = N_CUTS; t > 0; t--)
    if (spend >= cut->cut[t - 1])
      *tier = (RgGuestTier) t;
  return TRUE;
}

/* ------------------------------------------------------------ public API */

/**
 * rg_guest_tier_refresh:
 * @db: a connection
 * @now_ms: the time it is, UTC ms
 * @error: return location for a #GError
 *
 * Works out the cut of the pyramid for the day of @now_ms unless it is
 * already saved: a read of the whole year of visits, so call it where a
 * pause does not matter (a thread, the start of the day).
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean
rg_guest_tier_refresh (RgDb    *db,
                       gint64   now_ms,
                       GError **error)
{
  TierCut cut;

  g_return_val_if_fail (db != NULL, FALSE);

  return ensure_cut (db, now_ms, &cut, error);
}

/**
 * rg_guest_tier_is_ready:
 * @db: a connection
 * @now_ms: the time it is, UTC ms
 *
 * Says whether the cut of the day of @now_ms is saved and still fresh, so
 * that rg_guest_tier_get() is a few indexed reads and not a read of the
 * year of visits: a window calls that one on its main thread only when
 * this says so, and has a thread run rg_guest_tier_refresh() otherwise.
 *
 * Returns: %TRUE when the cut is ready; %FALSE when it must be worked out
 *   first, or when the database cannot be read (the refresh reports why).
 */
gboolean
rg_guest_tier_is_ready (RgDb   *db,
                        gint64  now_ms)
{
  TierCut cut;
  gboolean fresh = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);

  return load_fresh_cut (db, now_ms, &cut, &fresh, NULL) && fresh;
}

/**
 * rg_guest_tier_get:
 * @db: a connection
 * @guest_id: the guest (a merged guest's old id finds the guest it was
 *   merged into)
 * @now_ms: the time it is, UTC ms
 * @tier: (out): where to put the guest's tier
 * @error: return location for a #GError
 *
 * Finds the guest's tier in the pyramid of the 365 days up to the end of
 * the UTC day of @now_ms.  Works out the day's cut first when needed (see
 * rg_guest_tier_refresh()); otherwise a few indexed reads.
 *
 * Returns: %TRUE on success; %FALSE with @tier untouched and
 *   %RG_ERROR_INVALID (@guest_id is empty or not UTF-8),
 *   %RG_ERROR_NOT_FOUND (no such guest) or a database error.
 */
gboolean
rg_guest_tier_get (RgDb         *db,
                   const gchar  *guest_id,
                   gint64        now_ms,
                   RgGuestTier  *tier,
                   GError      **error)
{
  g_autofree gchar *id = NULL;
  TierCut cut;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (guest_id != NULL, FALSE);
  g_return_val_if_fail (tier != NULL, FALSE);

  if (*guest_id == '\0' || !g_utf8_validate (guest_id, -1, NULL))
    {
      g_set_error_literal (error, RG_ERROR, RG_ERROR_INVALID,
                           "finding a guest's tier: the guest id is empty or not text");
      return FALSE;
    }
  id = rg_guest_resolve_id (db, guest_id, error);
  return id != NULL && ensure_cut (db, now_ms, &cut, error) && tier_against_cut (db, id, &cut, tier, error);
}

/**
 * rg_guest_tier_get_many:
 * @db: a connection
 * @guest_ids: (array length=n_guests): live guest ids, as a lookup
 *   returns them
 * @n_guests: how many
 * @now_ms: the time it is, UTC ms
 * @tiers: (out caller-allocates) (array length=n_guests): where to put
 *   their tiers
 * @error: return location for a #GError
 *
 * The tiers of a page of lookup results at once: the cut is checked once,
 * then one indexed read per guest.  The ids are taken as they are: a
 * merged guest's old id is not followed, and an unknown id gets
 * %RG_GUEST_TIER_NONE.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean
rg_guest_tier_get_many (RgDb                *db,
                        const gchar * const *guest_ids,
                        guint                n_guests,
                        gint64               now_ms,
                        RgGuestTier         *tiers,
                        GError             **error)
{
  TierCut cut;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (guest_ids != NULL || n_guests == 0, FALSE);
  g_return_val_if_fail (tiers != NULL || n_guests == 0, FALSE);

  if (n_guests == 0)
    return TRUE;
  if (!ensure_cut (db, now_ms, &cut, error))
    return FALSE;
  for (guint i = 0; i < n_guests; i++)
    if (!tier_against_cut (db, guest_ids[i], &cut, &tiers[i], error))
      return FALSE;
  return TRUE;
}
