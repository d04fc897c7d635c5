/* rg-guest-merge.c — spotting duplicate guests and merging two records of
 * one person.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merge only ever moves live rows (deleted = 0): tombstones stay with the
 * record they were written for, so a tombstoned link between the two
 * guests cannot become a link of a guest to itself.
 */
#include "rg-guest-merge.h"

#include <string.h>

#include "rg-audit.h"
#include "rg-card.h"
#include "rg-guest-private.h"
#include "rg-phone.h"
#include "rg-text.h"

#define SUFFIX_DIGITS 4
#define SAME_NAME_MAX 20
#define SCAN_MAX 200

struct _RgGuestDuplicate
{
  GObject parent_instance;

  /* owned */
  gchar *guest_id;
  gchar *name;
  gchar *detail;

  RgDuplicateReason reason;
  gint64            rank;     /* fts_rowid: higher is more recent */
};

G_DEFINE_FINAL_TYPE (RgGuestDuplicate, rg_guest_duplicate, G_TYPE_OBJECT)

/* What a search for duplicates keeps while it runs. */
typedef struct
{
  /* borrowed */
  RgDb        *db;

  /* owned */
  gchar       *exclude_id;
  GHashTable  *found;        /* guest id → RgGuestDuplicate */
} Search;

static void
search_clear (Search *search)
{
  g_free (search->exclude_id);
  g_clear_pointer (&search->found, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

/* ------------------------------------------------------------ candidates */

/* Records @guest_id (redirects followed) with @reason unless it is the
 * excluded guest, not live, or already found for a stronger reason. */
static gboolean
add_candidate (Search             *search,
               const gchar        *guest_id,
               RgDuplicateReason   reason,
               const gchar        *detail,
               GError            **error)
{
  g_autofree gchar *id = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  RgGuestDuplicate *known, *candidate;
  int rc;

  if (!_rg_guest_resolve_live (search->db, guest_id, &id, error))
    return FALSE;
  if (id == NULL || g_strcmp0 (id, search->exclude_id) == 0)
    return TRUE;
  known = g_hash_table_lookup (search->found, id);
  if (known != NULL && known->reason <= reason)
    return TRUE;

  stmt = rg_db_prepare (search->db,
      "SELECT g.name, coalesce (k.fts_rowid, 0) FROM guest g "
      "LEFT JOIN local_guest_key k ON k.guest_id = g.id WHERE g.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rg_db_set_error (search->db, error, "looking for duplicate guests");

  candidate = g_object_new (RG_TYPE_GUEST_DUPLICATE, NULL);
  candidate->guest_id = g_strdup (id);
  candidate->name = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  candidate->rank = sqlite3_column_int64 (stmt, 1);
  candidate->reason = reason;
  candidate->detail = g_strdup (detail);
  g_hash_table_replace (search->found, g_steal_pointer (&id), candidate);
  return TRUE;
}

static gboolean
find_same_phone (Search       *search,
                 const gchar  *e164,
                 GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (search->db,
      "SELECT guest_id FROM guest_phone WHERE e164 = ? AND deleted = 0", error);
  g_autofree gchar *masked = rg_phone_mask (e164);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, e164, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return add_candidate (search, (const gchar *) sqlite3_column_text (stmt, 0),
                          RG_DUPLICATE_SAME_PHONE, masked, error);
  if (rc != SQLITE_DONE)
    return rg_db_set_error (search->db, error, "looking for duplicate guests");
  return TRUE;
}

static gboolean
find_same_card (Search       *search,
                const gchar  *number,
                GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (search->db,
      "SELECT guest_id FROM member_card WHERE number = ? AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return add_candidate (search, (const gchar *) sqlite3_column_text (stmt, 0),
                          RG_DUPLICATE_SAME_CARD, number, error);
  if (rc != SQLITE_DONE)
    return rg_db_set_error (search->db, error, "looking for duplicate guests");
  return TRUE;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

/* The folded tokens of a guest's name and family name, sorted, each once:
 * a family name that is also in the name ("Li Wei", family name "Li")
 * counts once, as it does in what is typed. */
static GStrv
name_tokens (const gchar *name,
             const gchar *family_name)
{
  g_autofree gchar *full = g_strjoin (" ", name, family_name, NULL);
  g_autofree gchar *folded = rg_text_fold_tokens (full);
  GStrv tokens = g_strsplit (folded, " ", -1);
  guint n = g_strv_length (tokens);
  guint kept = 0;

  qsort (tokens, n, sizeof (gchar *), compare_strings);
  for (guint i = 0; i < n; i++)
    if (kept > 0 && strcmp (tokens[kept - 1], tokens[i]) == 0)
      g_free (tokens[i]);
    else
      tokens[kept++] = tokens[i];
  tokens[kept] = NULL;
  return tokens;
}

/* Whether @tokens are the name a guest goes by, with or without the family
 * name kept apart ("Wei" or "Li Wei" for "Wei", family name "Li"). */
static gboolean
is_same_name (const gchar * const *tokens,
              const gchar         *name,
              const gchar         *family_name)
{
  g_auto(GStrv) full = name_tokens (name, family_name);
  g_auto(GStrv) given = NULL;

  if (g_strv_equal (tokens, (const gchar * const *) full))
    return TRUE;
  given = name_tokens (name, NULL);
  return g_strv_equal (tokens, (const gchar * const *) given);
}

static gboolean
share_token (const gchar * const *a,
             const gchar * const *b)
{
  for (guint i = 0; a[i] != NULL; i++)
    if (*a[i] != '\0' && g_strv_contains (b, a[i]))
      return TRUE;
  return FALSE;
}

/* Guests with a number ending in the same last digits as @e164 and a word
 * or character of the name in common. */
static gboolean
find_similar_name (Search              *search,
                   const gchar         *e164,
                   const gchar * const *tokens,
                   GError             **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (search->db,
      "SELECT p.guest_id, p.e164, g.name, g.family_name FROM guest_phone p "
      "JOIN guest g ON g.id = p.guest_id "
      "WHERE p.digits_rev >= ?1 AND p.digits_rev < ?1 || ':' AND p.deleted = 0 "
      "  AND g.deleted = 0 AND g.merged_into IS NULL LIMIT ?2", error);
  g_autofree gchar *reversed = rg_phone_digits_reversed (e164);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reversed, MIN ((int) strlen (reversed), SUFFIX_DIGITS), SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, SCAN_MAX);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) other = name_tokens ((const gchar *) sqlite3_column_text (stmt, 2),
                                         (const gchar *) sqlite3_column_text (stmt, 3));
      g_autofree gchar *masked = NULL;

      if (!share_token (tokens, (const gchar * const *) other))
        continue;
      masked = rg_phone_mask ((const gchar *) sqlite3_column_text (stmt, 1));
      if (!add_candidate (search, (const gchar *) sqlite3_column_text (stmt, 0),
                          RG_DUPLICATE_SIMILAR_NAME, masked, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (search->db, error, "looking for duplicate guests");
  return TRUE;
}

/* An FTS5 query that requires every token as a whole word. */
static gchar *
whole_words_query (const gchar * const *tokens)
{
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree gchar *escaped = NULL;
      g_auto(GStrv) parts = NULL;

      if (*tokens[i] == '\0')
        continue;
      parts = g_strsplit (tokens[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (query, "%s\"%s\"", query->len > 0 ? " AND " : "", escaped);
    }
  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The most recent guests whose folded name has exactly @tokens (see
 * is_same_name()). */
static gboolean
find_same_name (Search              *search,
                const gchar * const *tokens,
                GError             **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *query = whole_words_query (tokens);
  guint same = 0;
  int rc;

  if (query == NULL)
    return TRUE;
  stmt = rg_db_prepare (search->db,
      "SELECT k.guest_id, g.name, g.family_name FROM guest_name_fts f "
      "JOIN local_guest_key k ON k.fts_rowid = f.rowid JOIN guest g ON g.id = k.guest_id "
      "WHERE guest_name_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, SCAN_MAX);
  while (same < SAME_NAME_MAX && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!is_same_name (tokens, (const gchar *) sqlite3_column_text (stmt, 1),
                         (const gchar *) sqlite3_column_text (stmt, 2)))
        continue;
      same++;
      if (!add_candidate (search, (const gchar *) sqlite3_column_text (stmt, 0),
                          RG_DUPLICATE_SAME_NAME, NULL, error))
        return FALSE;
    }
  if (same < SAME_NAME_MAX && rc != SQLITE_DONE)
    return rg_db_set_error (search->db, error, "looking for duplicate guests");
  return TRUE;
}

static gint
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const RgGuestDuplicate *x = *(RgGuestDuplicate * const *) a;
  const RgGuestDuplicate *y = *(RgGuestDuplicate * const *) b;

  if (x->reason != y->reason)
    return x->reason < y->reason ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank > y->rank ? -1 : 1;
  return strcmp (x->guest_id, y->guest_id);
}

GListModel *
rg_guest_find_duplicates (RgDb                 *db,
                          const gchar          *name,
                          const gchar * const  *phones,
                          const gchar          *card,
                          const gchar          *exclude_id,
                          GError              **error)
{
  g_auto(Search) search = { 0 };
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree gchar *clean_name = NULL;
  g_autofree gchar *number = NULL;
  g_auto(GStrv) tokens = NULL;
  GHashTableIter iter;
  gpointer candidate;

  g_return_val_if_fail (db != NULL, NULL);

  if (!_rg_guest_check_optional (name, "the guest's name", RG_GUEST_NAME_MAX, &clean_name, error))
    return NULL;
  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      gchar *e164 = rg_guest_normalize_phone (db, phones[i], error);

      if (e164 == NULL)
        return NULL;
      g_ptr_array_add (numbers, e164);
    }
  if (card != NULL && (number = rg_card_number_parse (card, error)) == NULL)
    return NULL;

  search.db = db;
  search.found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (exclude_id != NULL && !_rg_guest_resolve_live (db, exclude_id, &search.exclude_id, error))
    return NULL;
  if (exclude_id != NULL && search.exclude_id == NULL)
    search.exclude_id = g_strdup (exclude_id);

  if (clean_name != NULL)
    tokens = name_tokens (clean_name, NULL);
  for (guint i = 0; i < numbers->len; i++)
    if (!find_same_phone (&search, numbers->pdata[i], error))
      return NULL;
  if (number != NULL && !find_same_card (&search, number, error))
    return NULL;
  for (guint i = 0; tokens != NULL && i < numbers->len; i++)
    if (!find_similar_name (&search, numbers->pdata[i], (const gchar * const *) tokens, error))
      return NULL;
  if (tokens != NULL && !find_same_name (&search, (const gchar * const *) tokens, error))
    return NULL;

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, search.found);
  while (g_hash_table_iter_next (&iter, NULL, &candidate))
    g_ptr_array_add (sorted, candidate);
  g_ptr_array_sort (sorted, compare_candidates);
  store = g_list_store_new (RG_TYPE_GUEST_DUPLICATE);
  for (guint i = 0; i < sorted->len; i++)
    g_list_store_append (store, sorted->pdata[i]);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ----------------------------------------------------------------- merge */

/* Checks that @id is a live guest that can take part in a merge, and gives
 * its name. */
static gchar *
check_mergeable (RgDb         *db,
                 const gchar  *id,
                 GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT g.name, g.merged_into IS NOT NULL, s.name FROM guest g "
      "LEFT JOIN guest s ON s.id = g.merged_into WHERE g.id = ? AND g.deleted = 0", error);
  g_autofree gchar *quoted = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && !sqlite3_column_int (stmt, 1))
    return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "merging guests: %s was already merged into %s",
                   (const gchar *) sqlite3_column_text (stmt, 0),
                   (const gchar *) sqlite3_column_text (stmt, 2));
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "merging guests");
      return NULL;
    }
  quoted = rg_text_quote_for_message (id);
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "merging guests: no guest has the id '%s'", quoted);
  return NULL;
}

#define SEVERITY_RANK(s) "(CASE " s " WHEN 'mild' THEN 1 WHEN 'severe' THEN 2 ELSE 3 END)"

/* Every statement of a merge, in order, with ?1 the survivor, ?2 the other
 * record, ?3 updated_hlc and ?4 origin (a parameter a statement does not
 * use is simply not bound). */
/* A closed visit whose party holds guest ?X (as host or as another known
 * guest), and what it credits ?X in local_guest_stats (see rg-rollup.c). */
#define IN_PARTY(x) \
  "(v.guest_id = " x " OR EXISTS (SELECT 1 FROM visit_guest g " \
  "  WHERE g.visit_id = v.id AND g.guest_id = " x " AND g.deleted = 0))"
#define CREDIT(x) \
  "CASE WHEN v.guest_id = " x " THEN v.revenue ELSE v.revenue / max (v.party_size, 1) END"

static const gchar * const merge_steps[] = {
  /* A visit both were at counts once for the merged guest, with the larger
   * of their two credits: taken off the other record's figures before they
   * are added to the survivor's. */
  "UPDATE local_guest_stats SET visit_count = visit_count - s.n, total_spend = total_spend - s.spend "
  "FROM (SELECT count (*) AS n, coalesce (sum (min (" CREDIT ("?1") ", " CREDIT ("?2") ")), 0) AS spend "
  "      FROM (SELECT v.guest_id, v.party_size, "
  "              (SELECT coalesce (sum (l.qty * l.unit_price - l.discount), 0) FROM order_line l "
  "               WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0) AS revenue "
  "            FROM visit v WHERE v.status = 'closed' AND v.deleted = 0 "
  "            AND " IN_PARTY ("?1") " AND " IN_PARTY ("?2") ") AS v) AS s "
  "WHERE guest_id = ?2 AND s.n > 0",
  /* A link between the two would become a link of the guest to itself. */
  "UPDATE guest_link SET deleted = 1, updated_hlc = ?3, origin = ?4 WHERE deleted = 0 "
  "AND ((guest_id = ?1 AND other_id = ?2) OR (guest_id = ?2 AND other_id = ?1))",
  /* Links the survivor already has. */
  "UPDATE guest_link AS l SET deleted = 1, updated_hlc = ?3, origin = ?4 "
  "WHERE l.deleted = 0 AND l.guest_id = ?2 AND EXISTS (SELECT 1 FROM guest_link k "
  "  WHERE k.deleted = 0 AND k.guest_id = ?1 AND k.other_id = l.other_id AND k.kind = l.kind)",
  "UPDATE guest_link AS l SET deleted = 1, updated_hlc = ?3, origin = ?4 "
  "WHERE l.deleted = 0 AND l.other_id = ?2 AND EXISTS (SELECT 1 FROM guest_link k "
  "  WHERE k.deleted = 0 AND k.other_id = ?1 AND k.guest_id = l.guest_id AND k.kind = l.kind)",
  /* Tags and dish preferences the survivor already has: the survivor's
   * own stays. */
  "UPDATE guest_tag SET deleted = 1, updated_hlc = ?3, origin = ?4 WHERE deleted = 0 AND guest_id = ?2 "
  "AND tag IN (SELECT tag FROM guest_tag WHERE guest_id = ?1 AND deleted = 0)",
  "UPDATE dish_pref SET deleted = 1, updated_hlc = ?3, origin = ?4 WHERE deleted = 0 AND guest_id = ?2 "
  "AND item_id IN (SELECT item_id FROM dish_pref WHERE guest_id = ?1 AND deleted = 0)",
  /* An allergy both have: the stricter severity, and a note if the
   * survivor's has none, then the other's row goes. */
  "UPDATE guest_allergy AS k SET "
  "  severity = CASE WHEN " SEVERITY_RANK ("o.severity") " > " SEVERITY_RANK ("k.severity")
  "             THEN o.severity ELSE k.severity END, "
  "  note = coalesce (k.note, o.note), updated_hlc = ?3, origin = ?4 "
  "FROM guest_allergy AS o WHERE k.deleted = 0 AND k.guest_id = ?1 AND o.deleted = 0 "
  "AND o.guest_id = ?2 AND o.allergen = k.allergen "
  "AND (" SEVERITY_RANK ("o.severity") " > " SEVERITY_RANK ("k.severity")
  "     OR (k.note IS NULL AND o.note IS NOT NULL))",
  "UPDATE guest_allergy SET deleted = 1, updated_hlc = ?3, origin = ?4 WHERE deleted = 0 AND guest_id = ?2 "
  "AND allergen IN (SELECT allergen FROM guest_allergy WHERE guest_id = ?1 AND deleted = 0)",
  /* In a party the survivor hosts it is not also another guest; in a party
   * where both were other guests it is listed once. */
  "UPDATE visit_guest SET deleted = 1, updated_hlc = ?3, origin = ?4 WHERE deleted = 0 "
  "AND guest_id IN (?1, ?2) AND visit_id IN (SELECT id FROM visit WHERE guest_id IN (?1, ?2))",
  "UPDATE visit_guest SET deleted = 1, updated_hlc = ?3, origin = ?4 WHERE deleted = 0 AND guest_id = ?2 "
  "AND visit_id IN (SELECT visit_id FROM visit_guest WHERE guest_id = ?1 AND deleted = 0)",
  /* Everything else moves. */
  "UPDATE guest_phone SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE member_card SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE guest_tag SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE guest_allergy SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE seating_pref SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE dish_pref SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE guest_note SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE guest_link SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE guest_link SET other_id = ?1, updated_hlc = ?3, origin = ?4 WHERE other_id = ?2 AND deleted = 0",
  "UPDATE visit SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE visit_guest SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE feedback SET guest_id = ?1, updated_hlc = ?3, origin = ?4 WHERE guest_id = ?2 AND deleted = 0",
  "UPDATE local_suggestion SET guest_id = ?1 WHERE guest_id = ?2",
  /* The survivor's gaps filled from the other record. */
  "UPDATE guest AS k SET family_name = coalesce (k.family_name, o.family_name), "
  "  title = coalesce (k.title, o.title), gender = coalesce (k.gender, o.gender), "
  "  birthday = coalesce (k.birthday, o.birthday), anniversary = coalesce (k.anniversary, o.anniversary), "
  "  language = coalesce (k.language, o.language), vip = max (k.vip, o.vip), "
  "  notes = CASE WHEN o.notes = '' OR instr (k.notes, o.notes) > 0 THEN k.notes "
  "               WHEN k.notes = '' THEN o.notes ELSE k.notes || char (10) || o.notes END, "
  "  updated_hlc = ?3, origin = ?4 "
  "FROM guest AS o WHERE k.id = ?1 AND o.id = ?2",
  /* The redirect, and older redirects to the other record made direct. */
  "UPDATE guest SET merged_into = ?1, updated_hlc = ?3, origin = ?4 WHERE id = ?2 OR merged_into = ?2",
  /* The figures of both, together (a shared visit was taken off above). */
  "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms, total_spend) "
  "SELECT ?1, sum (visit_count), min (first_visit_ms), max (last_visit_ms), sum (total_spend) "
  "FROM local_guest_stats WHERE guest_id IN (?1, ?2) HAVING count (*) > 0 "
  "ON CONFLICT (guest_id) DO UPDATE SET visit_count = excluded.visit_count, "
  "  first_visit_ms = excluded.first_visit_ms, last_visit_ms = excluded.last_visit_ms, "
  "  total_spend = excluded.total_spend",
  "DELETE FROM local_guest_stats WHERE guest_id = ?2",
};

gboolean
rg_guest_merge (RgDb         *db,
                const gchar  *keep_id,
                const gchar  *other_id,
                const gchar  *staff_id,
                GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autofree gchar *keep_name = NULL;
  g_autofree gchar *other_name = NULL;
  g_autofree gchar *detail = NULL;
  gint64 hlc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (keep_id != NULL, FALSE);
  g_return_val_if_fail (other_id != NULL, FALSE);

  if (strcmp (keep_id, other_id) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "merging guests: a guest cannot be merged into itself");
      return FALSE;
    }

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return FALSE;
  keep_name = check_mergeable (db, keep_id, error);
  if (keep_name == NULL)
    return FALSE;
  other_name = check_mergeable (db, other_id, error);
  if (other_name == NULL)
    return FALSE;

  hlc = rg_db_next_hlc (db);
  for (gsize i = 0; i < G_N_ELEMENTS (merge_steps); i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, merge_steps[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, keep_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, other_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, hlc);
      sqlite3_bind_text (stmt, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rg_db_set_error (db, error, "merging %s into %s", other_name, keep_name);
    }

  detail = g_strdup_printf ("merged %s (%s) into %s (%s)", other_name, other_id, keep_name, keep_id);
  if (!rg_guest_index_refresh (db, other_id, error) ||
      !rg_guest_index_refresh (db, keep_id, error) ||
      !rg_audit_log (db, staff_id, "guest.merge", keep_id, detail, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/* ------------------------------------------------------ RgGuestDuplicate */

static void
rg_guest_duplicate_finalize (GObject *object)
{
  RgGuestDuplicate *self = RG_GUEST_DUPLICATE (object);

  g_free (self->guest_id);
  g_free (self->name);
  g_free (self->detail);

  G_OBJECT_CLASS (rg_guest_duplicate_parent_class)->finalize (object);
}

static void
rg_guest_duplicate_class_init (RgGuestDuplicateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_guest_duplicate_finalize;
}

static void
rg_guest_duplicate_init (RgGuestDuplicate *self)
{
}

const gchar *
rg_guest_duplicate_get_guest_id (RgGuestDuplicate *self)
{
  g_return_val_if_fail (RG_IS_GUEST_DUPLICATE (self), NULL);
  return self->guest_id;
}

const gchar *
rg_guest_duplicate_get_name (RgGuestDuplicate *self)
{
  g_return_val_if_fail (RG_IS_GUEST_DUPLICATE (self), NULL);
  return self->name;
}

RgDuplicateReason
rg_guest_duplicate_get_reason (RgGuestDuplicate *self)
{
  g_return_val_if_fail (RG_IS_GUEST_DUPLICATE (self), RG_DUPLICATE_SAME_NAME);
  return self->reason;
}

const gchar *
rg_guest_duplicate_get_detail (RgGuestDuplicate *self)
{
  g_return_val_if_fail (RG_IS_GUEST_DUPLICATE (self), NULL);
  return self->detail;
}
