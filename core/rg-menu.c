/* rg-menu.c — menu items: adding, editing, 86'ing, finding and listing.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names are compared the way a person would: case-folded with GLib, so
 * "CAFÉ LATTE" finds "Café latte".  A menu holds hundreds of items, not
 * millions, so such comparisons scan the live items rather than lean on
 * SQLite's ASCII-only NOCASE.
 */
#include "rg-menu.h"

#include <string.h>

#include "rg-auth.h"
#include "rg-id.h"
#include "rg-service-private.h"
#include "rg-text.h"

struct _RgMenuItem
{
  GObject parent_instance;

  /* owned */
  gchar  *id;
  gchar  *name;
  gchar  *category;
  GStrv   allergens;
  GStrv   tags;
  GStrv   dayparts;
  gchar  *external_ref;

  gint64   price;
  gint64   cost;
  gboolean available;
};

G_DEFINE_FINAL_TYPE (RgMenuItem, rg_menu_item, G_TYPE_OBJECT)

#define ITEM_COLUMNS \
  "id, name, category, price, cost, allergens, tags, dayparts, available, external_ref"

/* A spec checked and normalised, ready to be written. */
typedef struct
{
  gchar *name;
  gchar *category;
  gchar *allergens;
  gchar *tags;
  gchar *dayparts;
} CleanSpec;

static void
clean_spec_clear (CleanSpec *clean)
{
  g_free (clean->name);
  g_free (clean->category);
  g_free (clean->allergens);
  g_free (clean->tags);
  g_free (clean->dayparts);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanSpec, clean_spec_clear)

/* --------------------------------------------------------------- helpers */

GStrv
_rg_service_split_words (const gchar *joined)
{
  if (joined == NULL || *joined == '\0')
    return g_new0 (gchar *, 1);
  return g_strsplit (joined, ",", -1);
}

gint
_rg_service_word_index (const gchar * const *words,
                        const gchar         *text)
{
  for (gint i = 0; text != NULL && words[i] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], text) == 0)
      return i;
  return -1;
}

gchar *
_rg_service_dup_column (RgStmt *stmt,
                        gint    column)
{
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, column));
}

static RgMenuItem *
item_from_row (RgStmt *stmt)
{
  RgMenuItem *self = g_object_new (RG_TYPE_MENU_ITEM, NULL);

  self->id = _rg_service_dup_column (stmt, 0);
  self->name = _rg_service_dup_column (stmt, 1);
  self->category = _rg_service_dup_column (stmt, 2);
  self->price = sqlite3_column_int64 (stmt, 3);
  self->cost = sqlite3_column_int64 (stmt, 4);
  self->allergens = _rg_service_split_words ((const gchar *) sqlite3_column_text (stmt, 5));
  self->tags = _rg_service_split_words ((const gchar *) sqlite3_column_text (stmt, 6));
  self->dayparts = _rg_service_split_words ((const gchar *) sqlite3_column_text (stmt, 7));
  self->available = sqlite3_column_int (stmt, 8) != 0;
  self->external_ref = _rg_service_dup_column (stmt, 9);
  return self;
}

/* Steps @stmt and collects every row as an item. */
static GListModel *
collect_items (RgDb         *db,
               RgStmt       *stmt,
               GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_MENU_ITEM);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgMenuItem) item = item_from_row (stmt);

      g_list_store_append (store, item);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the menu");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gint
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

static gboolean
is_blank (const gchar *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static gboolean
add_normalized_word (GPtrArray    *out,
                     const gchar  *raw,
                     const gchar  *what,
                     GError      **error)
{
  gchar *word;

  if (is_blank (raw))
    return TRUE;
  word = rg_text_check_word (raw, what, RG_MENU_WORD_MAX, error);
  if (word == NULL)
    return FALSE;
  g_ptr_array_add (out, word);
  return TRUE;
}

GStrv
rg_menu_normalize_words (const gchar * const  *words,
                         const gchar          *what,
                         GError              **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (!g_utf8_validate (words[i], -1, NULL))
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s is not valid text", what);
          return NULL;
        }
      parts = g_strsplit (words[i], ",", -1);
      for (gsize j = 0; parts[j] != NULL; j++)
        if (!add_normalized_word (out, parts[j], what, error))
          return NULL;
    }

  g_ptr_array_sort (out, compare_words);
  for (guint i = out->len; i > 1; i--)
    if (strcmp (out->pdata[i - 1], out->pdata[i - 2]) == 0)
      g_ptr_array_remove_index (out, i - 1);
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static gchar *
normalize_joined (const gchar * const  *words,
                  const gchar          *what,
                  GError              **error)
{
  g_auto(GStrv) clean = rg_menu_normalize_words (words, what, error);

  if (clean == NULL)
    return NULL;
  return g_strjoinv (",", clean);
}

static gboolean
clean_spec (const RgMenuItemSpec  *spec,
            CleanSpec             *clean,
            GError               **error)
{
  clean->name = rg_text_check (spec->name, "the dish's name", RG_MENU_NAME_MAX, error);
  if (clean->name == NULL)
    return FALSE;

  if (is_blank (spec->category))
    clean->category = g_strdup ("");
  else
    {
      clean->category = rg_text_check (spec->category, "the dish's category",
                                       RG_MENU_CATEGORY_MAX, error);
      if (clean->category == NULL)
        return FALSE;
    }

  if (spec->price < 0 || spec->cost < 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the price and cost of %s cannot be negative", clean->name);
      return FALSE;
    }

  clean->allergens = normalize_joined (spec->allergens, "the allergen", error);
  if (clean->allergens == NULL)
    return FALSE;
  clean->tags = normalize_joined (spec->tags, "the tag", error);
  if (clean->tags == NULL)
    return FALSE;
  clean->dayparts = normalize_joined (spec->dayparts, "the daypart", error);
  return clean->dayparts != NULL;
}

/* Looks for a live item whose case-folded name is @name's, other than
 * @except_id.  Returns its id, or NULL; sets @error only on a database
 * failure. */
static gchar *
find_id_by_name (RgDb         *db,
                 const gchar  *name,
                 const gchar  *except_id,
                 GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT id, name FROM menu_item WHERE deleted = 0", error);
  g_autofree gchar *folded = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  folded = g_utf8_casefold (name, -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *id = (const gchar *) sqlite3_column_text (stmt, 0);
      g_autofree gchar *other = g_utf8_casefold ((const gchar *) sqlite3_column_text (stmt, 1), -1);

      if (strcmp (folded, other) == 0 && g_strcmp0 (id, except_id) != 0)
        return g_strdup (id);
    }
  if (rc != SQLITE_DONE)
    rg_db_set_error (db, error, "looking up the dish %s", name);
  return NULL;
}

/* Refuses a name or an external ref that another item holds. */
static gboolean
check_unique (RgDb         *db,
              const gchar  *name,
              const gchar  *external_ref,
              const gchar  *except_id,
              GError      **error)
{
  GError *local_error = NULL;
  g_autofree gchar *clash = find_id_by_name (db, name, except_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (clash != NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "there is already a dish called %s", name);
      return FALSE;
    }

  if (external_ref != NULL)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db,
          "SELECT 1 FROM menu_item WHERE external_ref = ?1 AND id IS NOT ?2", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, external_ref, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, except_id, -1, SQLITE_STATIC);
      switch (sqlite3_step (stmt))
        {
        case SQLITE_ROW:
          g_set_error (error, RG_ERROR, RG_ERROR_EXISTS,
                       "the imported id %s already belongs to another dish", external_ref);
          return FALSE;
        case SQLITE_DONE:
          break;
        default:
          return rg_db_set_error (db, error, "checking the dish %s", name);
        }
    }
  return TRUE;
}

static gboolean
set_not_found (GError      **error,
               const gchar  *item_id)
{
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no dish with the id %s on the menu", item_id);
  return FALSE;
}

/* Runs an UPDATE of one live item bound to ?1 = id; NOT_FOUND when it
 * changed no row. */
static gboolean
update_one (RgDb         *db,
            RgStmt       *stmt,
            const gchar  *item_id,
            const gchar  *doing,
            GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "%s", doing);
  if (sqlite3_changes (rg_db_get_handle (db)) == 0)
    return set_not_found (error, item_id);
  return TRUE;
}

/* ------------------------------------------------------------- overrides */

static void
rg_menu_item_finalize (GObject *object)
{
  RgMenuItem *self = RG_MENU_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->category);
  g_strfreev (self->allergens);
  g_strfreev (self->tags);
  g_strfreev (self->dayparts);
  g_free (self->external_ref);

  G_OBJECT_CLASS (rg_menu_item_parent_class)->finalize (object);
}

static void
rg_menu_item_class_init (RgMenuItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_menu_item_finalize;
}

static void
rg_menu_item_init (RgMenuItem *self)
{
}

/* --------------------------------------------------------------- getters */

const gchar *
rg_menu_item_get_id (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), NULL);
  return self->id;
}

const gchar *
rg_menu_item_get_name (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), NULL);
  return self->name;
}

const gchar *
rg_menu_item_get_category (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), NULL);
  return self->category;
}

gint64
rg_menu_item_get_price (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), 0);
  return self->price;
}

gint64
rg_menu_item_get_cost (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), 0);
  return self->cost;
}

const gchar * const *
rg_menu_item_get_allergens (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), NULL);
  return (const gchar * const *) self->allergens;
}

const gchar * const *
rg_menu_item_get_tags (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), NULL);
  return (const gchar * const *) self->tags;
}

const gchar * const *
rg_menu_item_get_dayparts (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), NULL);
  return (const gchar * const *) self->dayparts;
}

gboolean
rg_menu_item_get_available (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), FALSE);
  return self->available;
}

const gchar *
rg_menu_item_get_external_ref (RgMenuItem *self)
{
  g_return_val_if_fail (RG_IS_MENU_ITEM (self), NULL);
  return self->external_ref;
}

gboolean
rg_menu_item_has_allergen (RgMenuItem  *self,
                           const gchar *allergen)
{
  g_autofree gchar *trimmed = NULL;
  g_autofree gchar *lower = NULL;

  g_return_val_if_fail (RG_IS_MENU_ITEM (self), FALSE);
  g_return_val_if_fail (allergen != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (allergen));
  lower = g_utf8_strdown (trimmed, -1);
  return g_strv_contains ((const gchar * const *) self->allergens, lower);
}

/* ------------------------------------------------------------ public API */

RgMenuItem *
rg_menu_get (RgDb         *db,
             const gchar  *item_id,
             GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  stmt = rg_db_prepare (db, "SELECT " ITEM_COLUMNS " FROM menu_item WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return item_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error, item_id);
  else
    rg_db_set_error (db, error, "reading the dish %s", item_id);
  return NULL;
}

RgMenuItem *
rg_menu_add (RgDb                  *db,
             const gchar           *staff_id,
             const RgMenuItemSpec  *spec,
             GError               **error)
{
  g_auto(CleanSpec) clean = { NULL, };
  g_autofree gchar *id = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_MENU, error))
    return NULL;

  if (!clean_spec (spec, &clean, error) ||
      !check_unique (db, clean.name, spec->external_ref, NULL, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "INSERT INTO menu_item (id, name, category, price, cost, allergens, tags, dayparts, "
      "                       external_ref, updated_hlc, origin) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;

  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean.name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean.category, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, spec->price);
  sqlite3_bind_int64 (stmt, 5, spec->cost);
  sqlite3_bind_text (stmt, 6, clean.allergens, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, clean.tags, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, clean.dayparts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, spec->external_ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 11, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "adding the dish %s", clean.name);
      return NULL;
    }

  return rg_menu_get (db, id, error);
}

RgMenuItem *
rg_menu_edit (RgDb                  *db,
              const gchar           *staff_id,
              const gchar           *item_id,
              const RgMenuItemSpec  *spec,
              GError               **error)
{
  g_auto(CleanSpec) clean = { NULL, };
  g_autoptr(RgMenuItem) before = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *doing = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_MENU, error))
    return NULL;

  before = rg_menu_get (db, item_id, error);
  if (before == NULL ||
      !clean_spec (spec, &clean, error) ||
      !check_unique (db, clean.name, spec->external_ref, item_id, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "UPDATE menu_item SET name = ?2, category = ?3, price = ?4, cost = ?5, allergens = ?6, "
      "  tags = ?7, dayparts = ?8, external_ref = coalesce (?9, external_ref), "
      "  updated_hlc = ?10, origin = ?11 "
      "WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean.name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean.category, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, spec->price);
  sqlite3_bind_int64 (stmt, 5, spec->cost);
  sqlite3_bind_text (stmt, 6, clean.allergens, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, clean.tags, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, clean.dayparts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, spec->external_ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 11, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  doing = g_strdup_printf ("changing the dish %s", before->name);
  if (!update_one (db, stmt, item_id, doing, error))
    return NULL;

  return rg_menu_get (db, item_id, error);
}

gboolean
rg_menu_set_available (RgDb         *db,
                       const gchar  *staff_id,
                       const gchar  *item_id,
                       gboolean      available,
                       GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_MENU, error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "UPDATE menu_item SET available = ?2, updated_hlc = ?3, origin = ?4 "
      "WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, available ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  return update_one (db, stmt, item_id,
                     available ? "putting a dish back on" : "marking a dish as off", error);
}

gboolean
rg_menu_remove (RgDb         *db,
                const gchar  *staff_id,
                const gchar  *item_id,
                GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_MENU, error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "UPDATE menu_item SET deleted = 1, updated_hlc = ?2, origin = ?3 "
      "WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 3, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  return update_one (db, stmt, item_id, "removing a dish from the menu", error);
}

RgMenuItem *
rg_menu_find_by_name (RgDb         *db,
                      const gchar  *name,
                      GError      **error)
{
  GError *local_error = NULL;
  g_autofree gchar *trimmed = NULL;
  g_autofree gchar *id = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the dish's name is not valid text");
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (name));
  id = find_id_by_name (db, trimmed, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (id == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no dish called %s on the menu", trimmed);
      return NULL;
    }
  return rg_menu_get (db, id, error);
}

RgMenuItem *
rg_menu_find_by_external_ref (RgDb         *db,
                              const gchar  *external_ref,
                              GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (external_ref != NULL, NULL);

  stmt = rg_db_prepare (db,
      "SELECT " ITEM_COLUMNS " FROM menu_item WHERE external_ref = ? AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, external_ref, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return item_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND,
                 "no dish on the menu has the imported id %s", external_ref);
  else
    rg_db_set_error (db, error, "looking up the imported dish %s", external_ref);
  return NULL;
}

GListModel *
rg_menu_list (RgDb         *db,
              const gchar  *category,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = rg_db_prepare (db,
      "SELECT " ITEM_COLUMNS " FROM menu_item "
      "WHERE deleted = 0 AND (?1 IS NULL OR category = ?1) "
      "ORDER BY category COLLATE NOCASE, category, name COLLATE NOCASE, name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, category, -1, SQLITE_STATIC);
  return collect_items (db, stmt, error);
}

GStrv
rg_menu_list_categories (RgDb    *db,
                         GError **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = rg_db_prepare (db,
      "SELECT DISTINCT category FROM menu_item WHERE deleted = 0 "
      "ORDER BY category COLLATE NOCASE, category", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const gchar *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the menu's categories");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GListModel *
rg_menu_search (RgDb         *db,
                const gchar  *text,
                GError      **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListStore) found = g_list_store_new (RG_TYPE_MENU_ITEM);
  g_autofree gchar *trimmed = NULL;
  g_autofree gchar *folded = NULL;
  guint n;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the search text is not valid text");
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return G_LIST_MODEL (g_steal_pointer (&found));

  all = rg_menu_list (db, NULL, error);
  if (all == NULL)
    return NULL;
  folded = g_utf8_casefold (trimmed, -1);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgMenuItem) item = g_list_model_get_item (all, i);
      g_autofree gchar *name = g_utf8_casefold (item->name, -1);

      if (strstr (name, folded) != NULL)
        g_list_store_append (found, item);
    }
  return G_LIST_MODEL (g_steal_pointer (&found));
}
