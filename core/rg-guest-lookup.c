/* rg-guest-lookup.c — recognition at the door: find a guest by phone, last
 * digits, member card or name, ranked for the host.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind of lookup is one statement: it picks the page of matching
 * guests, already in order and cut to one page, then joins their lines.
 * "Most recent first" is the order of local_guest_key.fts_rowid (see
 * rg-guest-index.c): a name lookup walks the FTS index backwards in that
 * order and stops after one page, and a last-digits lookup sorts its few
 * hundred candidates by it, read from covering indexes only.  Joining
 * local_guest_key also keeps out every guest that is not live: it holds
 * exactly the live ones.
 */
#include "rg-guest-lookup.h"

#include <string.h>

#include "rg-card.h"
#include "rg-card-sign.h"
#include "rg-guest-private.h"
#include "rg-phone.h"
#include "rg-text.h"

#define QUERY_MAX_CHARS 200
#define SUFFIX_MIN_DIGITS 4
#define SUFFIX_MAX_DIGITS 15

struct _RgGuestMatch
{
  GObject parent_instance;

  /* owned */
  gchar *guest_id;
  gchar *name;
  gchar *masked_phone;

  gint64           last_visit_ms;
  guint            visit_count;
  gint64           total_spend;
  gboolean         vip;
  RgGuestMatchKind kind;
};

G_DEFINE_FINAL_TYPE (RgGuestMatch, rg_guest_match, G_TYPE_OBJECT)

/* ------------------------------------------------------------- matches */

/* Every lookup reads its page of guests in one statement whose first
 * columns are these, so a match costs one query, not one per guest. */
#define MATCH_COLUMNS \
  "g.id, g.name, g.vip, coalesce (s.visit_count, 0), coalesce (s.last_visit_ms, 0), " \
  "coalesce (s.total_spend, 0), g.merged_into IS NULL AND g.deleted = 0"
#define FIRST_PHONE \
  "(SELECT p.e164 FROM guest_phone p WHERE p.guest_id = g.id AND p.deleted = 0 ORDER BY p.rowid LIMIT 1)"

enum { COL_ID, COL_NAME, COL_VIP, COL_VISITS, COL_LAST, COL_SPEND, COL_LIVE, COL_PHONE };

static void
append_row (GListStore       *store,
            RgStmt           *stmt,
            RgGuestMatchKind  kind)
{
  g_autoptr(RgGuestMatch) match = g_object_new (RG_TYPE_GUEST_MATCH, NULL);
  const gchar *phone = (const gchar *) sqlite3_column_text (stmt, COL_PHONE);

  match->guest_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, COL_ID));
  match->name = g_strdup ((const gchar *) sqlite3_column_text (stmt, COL_NAME));
  match->vip = sqlite3_column_int (stmt, COL_VIP) != 0;
  match->visit_count = (guint) sqlite3_column_int64 (stmt, COL_VISITS);
  match->last_visit_ms = sqlite3_column_int64 (stmt, COL_LAST);
  match->total_spend = sqlite3_column_int64 (stmt, COL_SPEND);
  match->masked_phone = phone != NULL ? rg_phone_mask (phone) : NULL;
  match->kind = kind;
  g_list_store_append (store, match);
}

/* Appends the live guest @guest_id, showing @e164 (or its first number
 * when %NULL); the slow path for a number or card that still names a guest
 * merged away. */
static gboolean
append_guest (RgDb              *db,
              GListStore        *store,
              const gchar       *guest_id,
              const gchar       *e164,
              RgGuestMatchKind   kind,
              GError           **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT " MATCH_COLUMNS ", coalesce (?2, " FIRST_PHONE ") "
      "FROM guest g LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "WHERE g.id = ?1 AND g.deleted = 0 AND g.merged_into IS NULL", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  if (e164 != NULL)
    sqlite3_bind_text (stmt, 2, e164, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    append_row (store, stmt, kind);
  else if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading a guest found by the search");
  return TRUE;
}

/* Appends the guest of @stmt's single row, following a merge redirect when
 * the row names a guest that is no longer live. */
static gboolean
append_exact (RgDb              *db,
              GListStore        *store,
              RgStmt            *stmt,
              RgGuestMatchKind   kind,
              GError           **error)
{
  g_autofree gchar *id = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "searching for a guest");
  if (sqlite3_column_int (stmt, COL_LIVE))
    {
      append_row (store, stmt, kind);
      return TRUE;
    }

  if (!_rg_guest_resolve_live (db, (const gchar *) sqlite3_column_text (stmt, COL_ID), &id, error))
    return FALSE;
  return id == NULL || append_guest (db, store, id,
                                     (const gchar *) sqlite3_column_text (stmt, COL_PHONE),
                                     kind, error);
}

/* Appends one match per row of @stmt. */
static gboolean
append_rows (RgDb              *db,
             GListStore        *store,
             RgStmt            *stmt,
             RgGuestMatchKind   kind,
             GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_row (store, stmt, kind);
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "searching for a guest");
  return TRUE;
}

/* ------------------------------------------------------------- by kind */

static gboolean
find_phone (RgDb         *db,
            GListStore   *store,
            const gchar  *e164,
            GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT " MATCH_COLUMNS ", p.e164 FROM guest_phone p "
      "JOIN guest g ON g.id = p.guest_id LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "WHERE p.e164 = ?1 AND p.deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, e164, -1, SQLITE_STATIC);
  return append_exact (db, store, stmt, RG_GUEST_MATCH_PHONE, error);
}

static gboolean
find_card (RgDb         *db,
           GListStore   *store,
           const gchar  *number,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT " MATCH_COLUMNS ", " FIRST_PHONE " FROM member_card c "
      "JOIN guest g ON g.id = c.guest_id LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "WHERE c.number = ?1 AND c.deleted = 0 AND c.revoked_ms IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  return append_exact (db, store, stmt, RG_GUEST_MATCH_CARD, error);
}

/* @reversed: the typed digits in reverse order, a prefix of digits_rev.
 * @exclude_id: (nullable): a guest already listed above.
 *
 * The page of guest ids is chosen from covering indexes alone; only the
 * guests on it are then read. */
static gboolean
find_suffix (RgDb         *db,
             GListStore   *store,
             const gchar  *reversed,
             const gchar  *exclude_id,
             guint         offset,
             guint         limit,
             GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "WITH page AS ("
      "  SELECT p.guest_id AS id, min (p.e164) AS e164, max (k.fts_rowid) AS recency "
      "  FROM guest_phone p JOIN local_guest_key k ON k.guest_id = p.guest_id "
      "  WHERE p.digits_rev >= ?1 AND p.digits_rev < ?1 || ':' AND p.deleted = 0 "
      "    AND p.guest_id IS NOT ?4 "
      "  GROUP BY p.guest_id ORDER BY recency DESC LIMIT ?2 OFFSET ?3) "
      "SELECT " MATCH_COLUMNS ", page.e164 FROM page "
      "JOIN guest g ON g.id = page.id LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "ORDER BY page.recency DESC",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reversed, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  if (exclude_id != NULL)
    sqlite3_bind_text (stmt, 4, exclude_id, -1, SQLITE_STATIC);
  return append_rows (db, store, stmt, RG_GUEST_MATCH_PHONE_SUFFIX, error);
}

static gboolean
find_name (RgDb         *db,
           GListStore   *store,
           const gchar  *match,
           guint         offset,
           guint         limit,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "WITH page AS ("
      "  SELECT f.rowid AS recency, k.guest_id AS id FROM guest_name_fts f "
      "  JOIN local_guest_key k ON k.fts_rowid = f.rowid "
      "  WHERE guest_name_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2 OFFSET ?3) "
      "SELECT " MATCH_COLUMNS ", " FIRST_PHONE " FROM page "
      "JOIN guest g ON g.id = page.id LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "ORDER BY page.recency DESC", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  return append_rows (db, store, stmt, RG_GUEST_MATCH_NAME, error);
}

/* ------------------------------------------------------------- parsing */

/* The digits of @text reversed, when @text holds only digits, spaces,
 * dashes, dots and brackets; NULL otherwise or when there is no digit. */
static gchar *
reverse_digits (const gchar *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const gchar *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_prepend_c (digits, *p);
      else if (strchr (" -.()", *p) == NULL)
        return NULL;
    }
  if (digits->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static GListModel *
finish (GListStore *store,
        gboolean    ok)
{
  if (!ok)
    {
      g_object_unref (store);
      return NULL;
    }
  return G_LIST_MODEL (store);
}

/* ------------------------------------------------------------ public API */

GListModel *
rg_guest_lookup_phone (RgDb         *db,
                       const gchar  *phone,
                       GError      **error)
{
  g_autofree gchar *e164 = NULL;
  GListStore *store;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (phone != NULL, NULL);

  e164 = rg_guest_normalize_phone (db, phone, error);
  if (e164 == NULL)
    return NULL;
  store = g_list_store_new (RG_TYPE_GUEST_MATCH);
  return finish (store, find_phone (db, store, e164, error));
}

GListModel *
rg_guest_lookup_card (RgDb         *db,
                      const gchar  *card,
                      GError      **error)
{
  g_autofree gchar *number = NULL;
  GListStore *store;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (card != NULL, NULL);

  number = rg_card_number_parse (card, error);
  if (number == NULL)
    return NULL;
  store = g_list_store_new (RG_TYPE_GUEST_MATCH);
  return finish (store, find_card (db, store, number, error));
}

GListModel *
rg_guest_lookup_phone_suffix (RgDb         *db,
                              const gchar  *digits,
                              guint         offset,
                              guint         limit,
                              GError      **error)
{
  g_autofree gchar *reversed = NULL;
  GListStore *store;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (digits != NULL, NULL);

  reversed = reverse_digits (digits);
  if (reversed == NULL || strlen (reversed) < SUFFIX_MIN_DIGITS || strlen (reversed) > SUFFIX_MAX_DIGITS)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "type the last %d to %d digits of the phone number, and nothing else",
                   SUFFIX_MIN_DIGITS, SUFFIX_MAX_DIGITS);
      return NULL;
    }
  store = g_list_store_new (RG_TYPE_GUEST_MATCH);
  return finish (store, find_suffix (db, store, reversed, NULL, offset, limit, error));
}

GListModel *
rg_guest_lookup_name (RgDb         *db,
                      const gchar  *name,
                      guint         offset,
                      guint         limit,
                      GError      **error)
{
  g_autofree gchar *clean = NULL;
  g_autofree gchar *match = NULL;
  GListStore *store;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_rg_guest_check_optional (name, "the name to search", QUERY_MAX_CHARS, &clean, error))
    return NULL;
  store = g_list_store_new (RG_TYPE_GUEST_MATCH);
  match = clean != NULL ? rg_text_fold_query (clean) : NULL;
  if (match == NULL)
    return G_LIST_MODEL (store);
  return finish (store, find_name (db, store, match, offset, limit, error));
}

GListModel *
rg_guest_lookup (RgDb         *db,
                 const gchar  *query,
                 guint         offset,
                 guint         limit,
                 GError      **error)
{
  g_autoptr(GListStore) exact = NULL;
  g_autofree gchar *clean = NULL;
  g_autofree gchar *e164 = NULL;
  g_autofree gchar *reversed = NULL;
  g_autofree gchar *match = NULL;
  g_autoptr(RgGuestMatch) first = NULL;
  GListStore *store;
  guint n_exact, listed;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!_rg_guest_check_optional (query, "the search", QUERY_MAX_CHARS, &clean, error))
    return NULL;
  store = g_list_store_new (RG_TYPE_GUEST_MATCH);
  if (clean == NULL || limit == 0)
    return G_LIST_MODEL (store);

  if (rg_card_sign_looks_like (clean))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree gchar *number = NULL;
      g_autofree gchar *holder = rg_card_sign_verify (db, clean, &number, &local_error);

      /* a well signed card that no guest here holds finds nobody */
      if (holder == NULL && g_error_matches (local_error, RG_ERROR, RG_ERROR_NOT_FOUND))
        return G_LIST_MODEL (store);
      if (holder == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return finish (store, FALSE);
        }
      return finish (store, offset > 0 || find_card (db, store, number, error));
    }
  if (rg_card_number_looks_like (clean))
    {
      g_autofree gchar *number = rg_card_number_parse (clean, error);

      if (number == NULL)
        return finish (store, FALSE);
      return finish (store, offset > 0 || find_card (db, store, number, error));
    }

  e164 = rg_guest_normalize_phone (db, clean, NULL);
  reversed = reverse_digits (clean);
  if (reversed != NULL && strlen (reversed) < SUFFIX_MIN_DIGITS)
    g_clear_pointer (&reversed, g_free);

  if (e164 == NULL && reversed == NULL)
    {
      match = rg_text_fold_query (clean);
      return finish (store, match == NULL || find_name (db, store, match, offset, limit, error));
    }

  /* The exact match leads the first page; the last-digits matches follow,
   * paged as if they came after it. */
  exact = g_list_store_new (RG_TYPE_GUEST_MATCH);
  if (e164 != NULL && !find_phone (db, exact, e164, error))
    return finish (store, FALSE);
  n_exact = g_list_model_get_n_items (G_LIST_MODEL (exact));
  for (guint i = offset; i < n_exact && i - offset < limit; i++)
    {
      g_autoptr(RgGuestMatch) item = g_list_model_get_item (G_LIST_MODEL (exact), i);

      g_list_store_append (store, item);
    }

  listed = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (reversed == NULL || strlen (reversed) > SUFFIX_MAX_DIGITS || listed == limit)
    return G_LIST_MODEL (store);

  first = n_exact > 0 ? g_list_model_get_item (G_LIST_MODEL (exact), 0) : NULL;
  return finish (store, find_suffix (db, store, reversed,
                                     first != NULL ? first->guest_id : NULL,
                                     offset > n_exact ? offset - n_exact : 0,
                                     limit - listed, error));
}

/* --------------------------------------------------------- RgGuestMatch */

static void
rg_guest_match_finalize (GObject *object)
{
  RgGuestMatch *self = RG_GUEST_MATCH (object);

  g_free (self->guest_id);
  g_free (self->name);
  g_free (self->masked_phone);

  G_OBJECT_CLASS (rg_guest_match_parent_class)->finalize (object);
}

static void
rg_guest_match_class_init (RgGuestMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_guest_match_finalize;
}

static void
rg_guest_match_init (RgGuestMatch *self)
{
}

const gchar *
rg_guest_match_get_guest_id (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), NULL);
  return self->guest_id;
}

const gchar *
rg_guest_match_get_name (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), NULL);
  return self->name;
}

const gchar *
rg_guest_match_get_masked_phone (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), NULL);
  return self->masked_phone;
}

gint64
rg_guest_match_get_last_visit_ms (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), 0);
  return self->last_visit_ms;
}

guint
rg_guest_match_get_visit_count (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), 0);
  return self->visit_count;
}

gint64
rg_guest_match_get_total_spend (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), 0);
  return self->total_spend;
}

gboolean
rg_guest_match_get_vip (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), FALSE);
  return self->vip;
}

RgGuestMatchKind
rg_guest_match_get_kind (RgGuestMatch *self)
{
  g_return_val_if_fail (RG_IS_GUEST_MATCH (self), RG_GUEST_MATCH_NAME);
  return self->kind;
}
