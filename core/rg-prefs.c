/* rg-prefs.c — a guest's tags, allergies, seating and dish preferences,
 * notes and links.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The six kinds of fact live in six tables but share one life: checked,
 * found-or-inserted in a transaction, tombstoned, listed.  Each kind is a
 * row of fact_tables (its SQL), and one code path runs them all.  The SQL
 * uses named parameters; bind_spec() binds those a statement names:
 *
 *   :id :guest :value :detail :note :weight :staff :now :hlc :origin
 *
 * and every list statement yields the columns _rg_guest_fact_new_from_row()
 * reads (rg-guest-fact-private.h).
 */
#include "rg-prefs.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-guest-fact-private.h"
#include "rg-id.h"
#include "rg-text.h"

#define MERGE_CHAIN_MAX 64    /* merge redirects followed before giving up */

/* A fact to add, checked and with its guest resolved. */
typedef struct
{
  RgFactKind   kind;
  const gchar *guest_id;
  const gchar *value;
  const gchar *detail;
  const gchar *note;
  const gchar *staff_id;
  gdouble      weight;
} FactSpec;

typedef struct
{
  const gchar *what;         /* for messages: "the tag" */
  const gchar *plural;       /* "tags" */
  const gchar *find_sql;     /* the live fact equal to a spec: id, detail, note, weight;
                              * NULL when every add is a new fact */
  const gchar *insert_sql;
  const gchar *update_sql;   /* sets detail, note, weight of :id; NULL when none can change */
  const gchar *remove_sql;
  const gchar *list_sql;     /* the fact columns of :guest's live facts, sorted */
} FactTable;

#define SYNC_VALUES ":hlc, :origin"
#define TOMBSTONE(table) \
  "UPDATE " table " SET deleted = 1, updated_hlc = :hlc, origin = :origin " \
  "WHERE id = :id AND deleted = 0"

static const FactTable fact_tables[RG_FACT_N_KINDS] = {
  [RG_FACT_TAG] = {
    "the tag", "tags",
    "SELECT id, NULL, NULL, 1.0 FROM guest_tag "
    "WHERE guest_id = :guest AND tag = :value AND deleted = 0",
    "INSERT INTO guest_tag (id, guest_id, tag, updated_hlc, origin) "
    "VALUES (:id, :guest, :value, " SYNC_VALUES ")",
    NULL,
    TOMBSTONE ("guest_tag"),
    "SELECT id, guest_id, tag, NULL, NULL, 1.0, NULL, updated_hlc >> 16, updated_hlc, tag "
    "FROM guest_tag WHERE guest_id = :guest AND deleted = 0 ORDER BY tag",
  },
  [RG_FACT_ALLERGY] = {
    "the allergy", "allergies",
    "SELECT id, severity, note, 1.0 FROM guest_allergy "
    "WHERE guest_id = :guest AND allergen = :value AND deleted = 0",
    "INSERT INTO guest_allergy (id, guest_id, allergen, severity, note, updated_hlc, origin) "
    "VALUES (:id, :guest, :value, :detail, :note, " SYNC_VALUES ")",
    "UPDATE guest_allergy SET severity = :detail, note = coalesce (:note, note), "
    "updated_hlc = :hlc, origin = :origin WHERE id = :id",
    TOMBSTONE ("guest_allergy"),
    "SELECT id, guest_id, allergen, severity, note, 1.0, NULL, updated_hlc >> 16, updated_hlc, allergen "
    "FROM guest_allergy WHERE guest_id = :guest AND deleted = 0 "
    "ORDER BY CASE severity WHEN 'anaphylactic' THEN 0 WHEN 'severe' THEN 1 ELSE 2 END, allergen",
  },
  [RG_FACT_SEATING] = {
    "the seating preference", "seating preferences",
    "SELECT id, kind, note, weight FROM seating_pref "
    "WHERE guest_id = :guest AND kind = :detail AND value = :value AND deleted = 0",
    "INSERT INTO seating_pref (id, guest_id, kind, value, weight, note, updated_hlc, origin) "
    "VALUES (:id, :guest, :detail, :value, :weight, :note, " SYNC_VALUES ")",
    "UPDATE seating_pref SET weight = :weight, note = coalesce (:note, note), "
    "updated_hlc = :hlc, origin = :origin WHERE id = :id",
    TOMBSTONE ("seating_pref"),
    "SELECT p.id, p.guest_id, p.value, p.kind, p.note, p.weight, NULL, p.updated_hlc >> 16, "
    "p.updated_hlc, coalesce (t.name, p.value) "
    "FROM seating_pref p LEFT JOIN dining_table t ON p.kind = 'table' AND t.id = p.value "
    "WHERE p.guest_id = :guest AND p.deleted = 0 ORDER BY p.weight DESC, p.kind, p.value",
  },
  [RG_FACT_DISH] = {
    "the dish preference", "dish preferences",
    "SELECT id, pref, note, 1.0 FROM dish_pref "
    "WHERE guest_id = :guest AND item_id = :value AND deleted = 0",
    "INSERT INTO dish_pref (id, guest_id, item_id, pref, note, updated_hlc, origin) "
    "VALUES (:id, :guest, :value, :detail, :note, " SYNC_VALUES ")",
    "UPDATE dish_pref SET pref = :detail, note = coalesce (:note, note), "
    "updated_hlc = :hlc, origin = :origin WHERE id = :id",
    TOMBSTONE ("dish_pref"),
    "SELECT d.id, d.guest_id, d.item_id, d.pref, d.note, 1.0, NULL, d.updated_hlc >> 16, "
    "d.updated_hlc, coalesce (m.name, d.item_id) "
    "FROM dish_pref d LEFT JOIN menu_item m ON m.id = d.item_id "
    "WHERE d.guest_id = :guest AND d.deleted = 0 ORDER BY d.pref = 'dislike', m.name, d.item_id",
  },
  [RG_FACT_NOTE] = {
    "the note", "notes",
    NULL,
    "INSERT INTO guest_note (id, guest_id, body, staff_id, created_ms, updated_hlc, origin) "
    "VALUES (:id, :guest, :value, :staff, :now, " SYNC_VALUES ")",
    NULL,
    TOMBSTONE ("guest_note"),
    "SELECT id, guest_id, body, NULL, NULL, 1.0, staff_id, created_ms, updated_hlc, body "
    "FROM guest_note WHERE guest_id = :guest AND deleted = 0 ORDER BY created_ms DESC, rowid DESC",
  },
  [RG_FACT_LINK] = {
    "the link", "links",
    /* a symmetric link made the other way round is the same link */
    "SELECT id, kind, NULL, 1.0 FROM guest_link WHERE deleted = 0 AND kind = :detail AND "
    "((guest_id = :guest AND other_id = :value) OR "
    " (kind <> 'referred_by' AND guest_id = :value AND other_id = :guest))",
    "INSERT INTO guest_link (id, guest_id, other_id, kind, updated_hlc, origin) "
    "VALUES (:id, :guest, :value, :detail, " SYNC_VALUES ")",
    NULL,
    TOMBSTONE ("guest_link"),
    "SELECT l.id, :guest, o.id, "
    "CASE WHEN l.guest_id = :guest OR l.kind <> 'referred_by' THEN l.kind ELSE 'referred' END, "
    "NULL, 1.0, NULL, l.updated_hlc >> 16, l.updated_hlc, coalesce (o.name, o.id) "
    "FROM guest_link l JOIN guest o "
    "ON o.id = CASE WHEN l.guest_id = :guest THEN l.other_id ELSE l.guest_id END "
    "WHERE l.deleted = 0 AND (l.guest_id = :guest OR l.other_id = :guest) "
    "ORDER BY 4, o.name",
  },
};

static const gchar * const severities[] = { "mild", "severe", "anaphylactic", NULL };
static const gchar * const seating_kinds[] = { "table", "zone", "feature", NULL };
static const gchar * const zone_kinds[] = { "main", "window", "booth", "patio", "bar", "quiet", "private", NULL };
static const gchar * const dish_prefs[] = { "like", "dislike", NULL };
static const gchar * const link_kinds[] = { "referred_by", "partner", "family", "colleague", "friend", NULL };

/* --------------------------------------------------------------- helpers */

static gchar *
dup_column (RgStmt *stmt,
            int     column)
{
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, column));
}

static void
bind_named_text (RgStmt      *stmt,
                 const gchar *name,
                 const gchar *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

static void
bind_named_int64 (RgStmt      *stmt,
                  const gchar *name,
                  gint64       value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* Binds what @stmt names of @spec, the row @id and the sync columns. */
static void
bind_spec (RgDb           *db,
           RgStmt         *stmt,
           const FactSpec *spec,
           const gchar    *id)
{
  int weight = sqlite3_bind_parameter_index (stmt, ":weight");

  bind_named_text (stmt, ":id", id);
  bind_named_text (stmt, ":guest", spec->guest_id);
  bind_named_text (stmt, ":value", spec->value);
  bind_named_text (stmt, ":detail", spec->detail);
  bind_named_text (stmt, ":note", spec->note);
  bind_named_text (stmt, ":staff", spec->staff_id);
  bind_named_text (stmt, ":origin", rg_db_get_device_id (db));
  bind_named_int64 (stmt, ":now", rg_now_ms ());
  if (sqlite3_bind_parameter_index (stmt, ":hlc") > 0)
    bind_named_int64 (stmt, ":hlc", rg_db_next_hlc (db));
  if (weight > 0)
    sqlite3_bind_double (stmt, weight, spec->weight);
}

static gboolean
set_not_found (GError      **error,
               const gchar  *what,
               const gchar  *id)
{
  g_autofree gchar *quoted = rg_text_quote_for_message (id);

  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "%s %s is not known", what, quoted);
  return FALSE;
}

/* Follows merge redirects from @guest_id to the live survivor.
 * Returns: (transfer full): its id, or %NULL with %RG_ERROR_NOT_FOUND. */
static gchar *
resolve_guest (RgDb         *db,
               const gchar  *guest_id,
               GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  if (guest_id == NULL)
    {
      set_not_found (error, "the guest", "(none)");
      return NULL;
    }

  stmt = rg_db_prepare (db,
      "WITH RECURSIVE chain (id, next, deleted, depth) AS ("
      "  SELECT id, merged_into, deleted, 0 FROM guest WHERE id = ?1"
      "  UNION ALL"
      "  SELECT g.id, g.merged_into, g.deleted, c.depth + 1"
      "  FROM guest g JOIN chain c ON g.id = c.next WHERE c.depth < ?2) "
      "SELECT id FROM chain WHERE next IS NULL AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, MERGE_CHAIN_MAX);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return dup_column (stmt, 0);
  if (rc == SQLITE_DONE)
    set_not_found (error, "the guest", guest_id);
  else
    rg_db_set_error (db, error, "finding the guest");
  return NULL;
}

/* Checks that the live row @id exists, by @sql taking it as ?1. */
static gboolean
check_exists (RgDb         *db,
              const gchar  *sql,
              const gchar  *what,
              const gchar  *id,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return set_not_found (error, what, id);
  return rg_db_set_error (db, error, "finding %s", what);
}

/* Checks that @value is one of @choices.
 * Returns: (transfer none): the choice, or %NULL with %RG_ERROR_INVALID. */
static const gchar *
check_choice (const gchar         *value,
              const gchar         *what,
              const gchar * const *choices,
              GError             **error)
{
  g_autofree gchar *listed = NULL;
  g_autofree gchar *quoted = NULL;

  for (guint i = 0; value != NULL && choices[i] != NULL; i++)
    if (g_strcmp0 (value, choices[i]) == 0)
      return choices[i];

  listed = g_strjoinv (", ", (gchar **) choices);
  quoted = rg_text_quote_for_message (value);
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "'%s' is not %s: use one of %s",
               quoted, what, listed);
  return NULL;
}

/* Whether the found fact (row of find_sql) already says what @spec says;
 * a NULL note in @spec keeps the note there is. */
static gboolean
same_fact (RgStmt         *found,
           const FactSpec *spec)
{
  const gchar *detail = (const gchar *) sqlite3_column_text (found, 1);
  const gchar *note = (const gchar *) sqlite3_column_text (found, 2);

  return g_strcmp0 (detail, spec->detail) == 0 &&
         (spec->note == NULL || g_strcmp0 (note, spec->note) == 0) &&
         sqlite3_column_double (found, 3) == spec->weight;
}

/* Runs the insert or update @sql of @spec's table for the row @id. */
static gboolean
write_fact (RgDb            *db,
            const gchar     *sql,
            const FactSpec  *spec,
            const gchar     *id,
            GError         **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_spec (db, stmt, spec, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "saving %s", fact_tables[spec->kind].what);
  return TRUE;
}

/* The live fact equal to @spec: its id, or NULL when there is none (or on
 * error, with @error set).  Sets *same when it already says it all. */
static gchar *
find_fact (RgDb            *db,
           const FactSpec  *spec,
           gboolean        *same,
           GError         **error)
{
  const FactTable *table = &fact_tables[spec->kind];
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  *same = FALSE;
  if (table->find_sql == NULL)
    return NULL;

  stmt = rg_db_prepare (db, table->find_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_spec (db, stmt, spec, NULL);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *same = table->update_sql == NULL || same_fact (stmt, spec);
      return dup_column (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    rg_db_set_error (db, error, "reading %s", table->what);
  return NULL;
}

/* Adds @spec, or updates the equal live fact; in the open transaction. */
static gchar *
store_fact (RgDb            *db,
            const FactSpec  *spec,
            GError         **error)
{
  const FactTable *table = &fact_tables[spec->kind];
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *id = NULL;
  const gchar *sql;
  gboolean same;

  id = find_fact (db, spec, &same, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (id != NULL && same)
    return g_steal_pointer (&id);

  if (id == NULL)
    {
      id = rg_id_new ();
      sql = table->insert_sql;
    }
  else
    sql = table->update_sql;

  if (!write_fact (db, sql, spec, id, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* The one write path: resolves the guest (and for a link the other guest),
 * then stores @spec, all in one transaction. */
static gchar *
add_fact (RgDb         *db,
          FactSpec     *spec,
          const gchar  *guest_id,
          GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autofree gchar *guest = NULL;
  g_autofree gchar *other = NULL;
  g_autofree gchar *id = NULL;

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return NULL;

  guest = resolve_guest (db, guest_id, error);
  if (guest == NULL)
    return NULL;
  spec->guest_id = guest;

  if (spec->kind == RG_FACT_LINK)
    {
      other = resolve_guest (db, spec->value, error);
      if (other == NULL)
        return NULL;
      if (g_strcmp0 (other, guest) == 0)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "a guest cannot be linked to themselves");
          return NULL;
        }
      spec->value = other;
    }

  id = store_fact (db, spec, error);
  if (id == NULL || !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&id);
}

/* ------------------------------------------------------------ public API */

gchar *
rg_prefs_add_tag (RgDb         *db,
                  const gchar  *guest_id,
                  const gchar  *tag,
                  GError      **error)
{
  g_autofree gchar *word = NULL;
  FactSpec spec = { RG_FACT_TAG, NULL, NULL, NULL, NULL, NULL, 1.0 };

  g_return_val_if_fail (db != NULL, NULL);

  word = rg_text_check_word (tag, "the tag", RG_PREFS_WORD_MAX, error);
  if (word == NULL)
    return NULL;
  spec.value = word;
  return add_fact (db, &spec, guest_id, error);
}

gchar *
rg_prefs_add_allergy (RgDb         *db,
                      const gchar  *guest_id,
                      const gchar  *allergen,
                      const gchar  *severity,
                      const gchar  *note,
                      GError      **error)
{
  g_autofree gchar *word = NULL;
  g_autofree gchar *clean_note = NULL;
  FactSpec spec = { RG_FACT_ALLERGY, NULL, NULL, NULL, NULL, NULL, 1.0 };

  g_return_val_if_fail (db != NULL, NULL);

  word = rg_text_check_word (allergen, "the allergen", RG_PREFS_WORD_MAX, error);
  if (word == NULL)
    return NULL;
  spec.detail = check_choice (severity != NULL ? severity : "severe", "a severity", severities, error);
  if (spec.detail == NULL ||
      !rg_text_check_optional (note, "the allergy's note", RG_PREFS_NOTE_MAX, &clean_note, error))
    return NULL;
  spec.value = word;
  spec.note = clean_note;
  return add_fact (db, &spec, guest_id, error);
}

gchar *
rg_prefs_add_seating (RgDb         *db,
                      const gchar  *guest_id,
                      const gchar  *kind,
                      const gchar  *value,
                      gdouble       weight,
                      const gchar  *note,
                      GError      **error)
{
  g_autofree gchar *clean_value = NULL;
  g_autofree gchar *clean_note = NULL;
  FactSpec spec = { RG_FACT_SEATING, NULL, NULL, NULL, NULL, NULL, weight };

  g_return_val_if_fail (db != NULL, NULL);

  spec.detail = check_choice (kind, "a kind of seating preference", seating_kinds, error);
  if (spec.detail == NULL)
    return NULL;
  if (!isfinite (weight) || fabs (weight) > RG_PREFS_WEIGHT_MAX)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the weight of a seating preference must lie between %g and %g",
                   -RG_PREFS_WEIGHT_MAX, RG_PREFS_WEIGHT_MAX);
      return NULL;
    }

  if (g_str_equal (spec.detail, "table"))
    {
      if (!check_exists (db, "SELECT 1 FROM dining_table WHERE id = ?1 AND deleted = 0",
                         "the table", value != NULL ? value : "", error))
        return NULL;
      clean_value = g_strdup (value);
    }
  else
    {
      clean_value = rg_text_check_word (value, "the seating preference", RG_PREFS_WORD_MAX, error);
      if (clean_value == NULL)
        return NULL;
      if (g_str_equal (spec.detail, "zone") &&
          check_choice (clean_value, "a kind of zone", zone_kinds, error) == NULL)
        return NULL;
    }

  if (!rg_text_check_optional (note, "the seating preference's note", RG_PREFS_NOTE_MAX,
                               &clean_note, error))
    return NULL;
  spec.value = clean_value;
  spec.note = clean_note;
  return add_fact (db, &spec, guest_id, error);
}

gchar *
rg_prefs_add_dish (RgDb         *db,
                   const gchar  *guest_id,
                   const gchar  *item_id,
                   const gchar  *pref,
                   const gchar  *note,
                   GError      **error)
{
  g_autofree gchar *clean_note = NULL;
  FactSpec spec = { RG_FACT_DISH, NULL, item_id, NULL, NULL, NULL, 1.0 };

  g_return_val_if_fail (db != NULL, NULL);

  spec.detail = check_choice (pref, "a dish preference", dish_prefs, error);
  if (spec.detail == NULL ||
      !check_exists (db, "SELECT 1 FROM menu_item WHERE id = ?1 AND deleted = 0",
                     "the dish", item_id != NULL ? item_id : "", error) ||
      !rg_text_check_optional (note, "the dish preference's note", RG_PREFS_NOTE_MAX,
                               &clean_note, error))
    return NULL;
  spec.note = clean_note;
  return add_fact (db, &spec, guest_id, error);
}

gchar *
rg_prefs_add_note (RgDb         *db,
                   const gchar  *guest_id,
                   const gchar  *staff_id,
                   const gchar  *body,
                   GError      **error)
{
  g_autofree gchar *clean_body = NULL;
  FactSpec spec = { RG_FACT_NOTE, NULL, NULL, NULL, NULL, staff_id, 1.0 };

  g_return_val_if_fail (db != NULL, NULL);

  clean_body = rg_text_check (body, "the note", RG_PREFS_NOTE_MAX, error);
  if (clean_body == NULL)
    return NULL;
  if (staff_id != NULL &&
      !check_exists (db, "SELECT 1 FROM staff WHERE id = ?1 AND deleted = 0",
                     "the staff member", staff_id, error))
    return NULL;
  spec.value = clean_body;
  return add_fact (db, &spec, guest_id, error);
}

gchar *
rg_prefs_add_link (RgDb         *db,
                   const gchar  *guest_id,
                   const gchar  *kind,
                   const gchar  *other_id,
                   GError      **error)
{
  FactSpec spec = { RG_FACT_LINK, NULL, other_id, NULL, NULL, NULL, 1.0 };

  g_return_val_if_fail (db != NULL, NULL);

  spec.detail = check_choice (kind, "a kind of link", link_kinds, error);
  if (spec.detail == NULL)
    return NULL;
  return add_fact (db, &spec, guest_id, error);
}

gboolean
rg_prefs_remove (RgDb         *db,
                 RgFactKind    kind,
                 const gchar  *fact_id,
                 GError      **error)
{
  const FactSpec none = { kind, NULL, NULL, NULL, NULL, NULL, 1.0 };
  const FactTable *table;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail ((guint) kind < RG_FACT_N_KINDS, FALSE);

  table = &fact_tables[kind];
  stmt = rg_db_prepare (db, table->remove_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_spec (db, stmt, &none, fact_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "removing %s", table->what);
  if (sqlite3_changes (rg_db_get_handle (db)) == 0)
    return set_not_found (error, table->what, fact_id);
  return TRUE;
}

/* Appends the live facts of @kind of the resolved @guest to @store. */
static gboolean
append_facts (RgDb        *db,
              const gchar *guest,
              RgFactKind   kind,
              GListStore  *store,
              GError     **error)
{
  const FactTable *table = &fact_tables[kind];
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, table->list_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_named_text (stmt, ":guest", guest);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgGuestFact) fact = _rg_guest_fact_new_from_row (kind, stmt);

      g_list_store_append (store, fact);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the guest's %s", table->plural);
  return TRUE;
}

/* Lists the facts of kinds @first to @last of @guest_id. */
static GListModel *
list_kinds (RgDb         *db,
            const gchar  *guest_id,
            RgFactKind    first,
            RgFactKind    last,
            GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_GUEST_FACT);
  g_autofree gchar *guest = resolve_guest (db, guest_id, error);

  if (guest == NULL)
    return NULL;
  for (guint kind = first; kind <= last; kind++)
    if (!append_facts (db, guest, kind, store, error))
      return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
rg_prefs_list (RgDb         *db,
               const gchar  *guest_id,
               RgFactKind    kind,
               GError      **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail ((guint) kind < RG_FACT_N_KINDS, NULL);

  return list_kinds (db, guest_id, kind, kind, error);
}

GListModel *
rg_prefs_list_all (RgDb         *db,
                   const gchar  *guest_id,
                   GError      **error)
{
  g_return_val_if_fail (db != NULL, NULL);

  return list_kinds (db, guest_id, RG_FACT_TAG, RG_FACT_LINK, error);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

GStrv
rg_prefs_list_allergens_for_guests (RgDb                *db,
                                    const gchar * const *guest_ids,
                                    GError             **error)
{
  g_autoptr(GHashTable) allergens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gchar **sorted = NULL;
  guint n;

  g_return_val_if_fail (db != NULL, NULL);

  for (guint i = 0; guest_ids != NULL && guest_ids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree gchar *guest = resolve_guest (db, guest_ids[i], &local_error);
      g_autoptr(RgStmt) stmt = NULL;
      int rc;

      if (g_error_matches (local_error, RG_ERROR, RG_ERROR_NOT_FOUND))
        continue;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      stmt = rg_db_prepare (db, "SELECT allergen FROM guest_allergy WHERE guest_id = ?1 AND deleted = 0",
                            error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, guest, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (allergens, dup_column (stmt, 0));
      if (rc != SQLITE_DONE)
        {
          rg_db_set_error (db, error, "reading the allergies at the table");
          return NULL;
        }
    }

  sorted = (gchar **) g_hash_table_get_keys_as_array (allergens, &n);
  qsort (sorted, n, sizeof (gchar *), compare_strings);
  return g_strdupv (sorted);
}
