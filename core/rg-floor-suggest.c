/* rg-floor-suggest.c — which free table suits a party, and why.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table gains by the guest's seating preferences (the table itself, its
 * zone's kind, its feature words; each times the row's weight) and by a
 * snug fit.  Every suggestion carries its reasons in words.
 */
#include "rg-floor-private.h"

#include <string.h>

/* A table with more seats than this for the party is wasted on it. */
#define TOO_BIG(seats, party) ((seats) > 2 * (party) + 2)

/* How much one seating_pref row weighs, by what it names. */
#define WEIGHT_TABLE 3.0
#define WEIGHT_ZONE 2.0
#define WEIGHT_FEATURE 1.0

/* How a reason names a zone of each kind, in RgZoneKind order. */
static const gchar * const zone_phrases[] = {
  "in the main room", "by the window", "in a booth", "on the patio", "at the bar",
  "in the quiet zone", "in a private room",
};

typedef struct
{
  gchar   *kind;
  gchar   *value;
  gdouble  weight;
} SeatingPref;

static void
seating_pref_free (SeatingPref *pref)
{
  g_free (pref->kind);
  g_free (pref->value);
  g_free (pref);
}

static GPtrArray *
load_seating_prefs (RgDb         *db,
                    const gchar  *guest_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) prefs = g_ptr_array_new_with_free_func ((GDestroyNotify) seating_pref_free);
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  if (guest_id == NULL)
    return g_steal_pointer (&prefs);
  stmt = rg_db_prepare (db,
      "SELECT kind, value, weight FROM seating_pref WHERE guest_id = ? AND deleted = 0 "
      "ORDER BY weight DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SeatingPref *pref = g_new0 (SeatingPref, 1);

      pref->kind = _rg_service_dup_column (stmt, 0);
      pref->value = _rg_service_dup_column (stmt, 1);
      pref->weight = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (prefs, pref);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the guest's seating preferences");
      return NULL;
    }
  return g_steal_pointer (&prefs);
}

static gboolean
same_word (const gchar *a,
           const gchar *b)
{
  g_autofree gchar *fa = NULL;
  g_autofree gchar *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

/* Adds what @pref says about @table to @score and @reasons. */
static void
weigh_pref (const SeatingPref   *pref,
            const RgDiningTable *table,
            gdouble             *score,
            GPtrArray           *reasons)
{
  const gchar *avoid = pref->weight < 0 ? ", which the guest would rather avoid" : NULL;

  if (strcmp (pref->kind, "table") == 0 &&
      (g_strcmp0 (pref->value, table->id) == 0 || same_word (pref->value, table->name)))
    {
      *score += WEIGHT_TABLE * pref->weight;
      g_ptr_array_add (reasons, avoid
                       ? g_strdup_printf ("table %s%s", table->name, avoid)
                       : g_strdup_printf ("table %s, their favourite", table->name));
    }
  else if (strcmp (pref->kind, "zone") == 0 &&
           (same_word (pref->value, rg_zone_kind_to_string (table->zone_kind)) ||
            g_strcmp0 (pref->value, table->zone_id) == 0 ||
            same_word (pref->value, table->zone_name)))
    {
      *score += WEIGHT_ZONE * pref->weight;
      g_ptr_array_add (reasons, g_strdup_printf ("%s%s", zone_phrases[table->zone_kind],
                                                 avoid ? avoid : ", the guest's usual zone"));
    }
  else if (strcmp (pref->kind, "feature") == 0)
    {
      for (gsize i = 0; table->features[i] != NULL; i++)
        if (same_word (pref->value, table->features[i]))
          {
            *score += WEIGHT_FEATURE * pref->weight;
            g_ptr_array_add (reasons, g_strdup_printf ("with %s%s", table->features[i],
                                                       avoid ? avoid : ", as the guest likes"));
            break;
          }
    }
}

static RgTableSuggestion *
suggest_one (RgDiningTable *table,
             GPtrArray     *prefs,
             gint           party_size)
{
  RgTableSuggestion *self = g_object_new (RG_TYPE_TABLE_SUGGESTION, NULL);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  gdouble score = 0;

  for (guint i = 0; i < prefs->len; i++)
    weigh_pref (prefs->pdata[i], table, &score, reasons);

  /* A snug fit scores up to 1: below any preference of weight 1, so the
   * guest's wishes lead and the fit breaks ties. */
  score += (gdouble) party_size / table->seats;
  if (table->seats == party_size)
    g_ptr_array_add (reasons, g_strdup_printf ("seats %d, just right", table->seats));
  else
    g_ptr_array_add (reasons, g_strdup_printf ("seats %d for a party of %d", table->seats, party_size));
  g_ptr_array_add (reasons, NULL);

  self->table = g_object_ref (table);
  self->score = score;
  self->reason = g_strjoinv ("; ", (GStrv) reasons->pdata);
  return self;
}

static gint
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const RgTableSuggestion *sa = *(RgTableSuggestion * const *) a;
  const RgTableSuggestion *sb = *(RgTableSuggestion * const *) b;

  if (sa->score != sb->score)
    return sa->score > sb->score ? -1 : 1;
  if (sa->table->seats != sb->table->seats)
    return sa->table->seats - sb->table->seats;
  return strcmp (sa->table->sort_key, sb->table->sort_key);
}

GListModel *
rg_floor_suggest_tables (RgDb         *db,
                         const gchar  *branch_id,
                         gint          party_size,
                         const gchar  *guest_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) prefs = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any_reasonable = FALSE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);

  if (party_size < 1)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "a party has at least one guest");
      return NULL;
    }
  if (!_rg_service_check_branch (db, branch_id, error))
    return NULL;
  tables = _rg_floor_load_tables (db, branch_id, TRUE, error);
  if (tables == NULL)
    return NULL;
  prefs = load_seating_prefs (db, guest_id, error);
  if (prefs == NULL)
    return NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      RgDiningTable *table = tables->pdata[i];

      if (table->seats >= party_size && !TOO_BIG (table->seats, party_size))
        any_reasonable = TRUE;
    }
  for (guint i = 0; i < tables->len; i++)
    {
      RgDiningTable *table = tables->pdata[i];

      if (table->seats < party_size || (any_reasonable && TOO_BIG (table->seats, party_size)))
        continue;
      g_ptr_array_add (found, suggest_one (table, prefs, party_size));
    }
  g_ptr_array_sort (found, compare_suggestions);
  return _rg_floor_store_from_array (RG_TYPE_TABLE_SUGGESTION, found);
}
