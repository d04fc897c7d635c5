/* rg-menu.h — the menu: items, prices, allergens, and what is off today.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prices and costs are integer minor units (cents, fen).  Allergens, tags
 * and dayparts are lists of words kept normalised: lower case, trimmed,
 * sorted, without duplicates and without commas (a word "gluten, egg" is
 * read as the two words "egg" and "gluten"; see rg_text_check_word()).  An item that is "86'd" is off
 * for now (available = FALSE) but stays on the menu; a removed item is a
 * tombstone that no list shows, while old order lines keep pointing at it.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_MENU_NAME_MAX 120
#define RG_MENU_CATEGORY_MAX 60
#define RG_MENU_WORD_MAX 40

#define RG_TYPE_MENU_ITEM (rg_menu_item_get_type ())
G_DECLARE_FINAL_TYPE (RgMenuItem, rg_menu_item, RG, MENU_ITEM, GObject)

/* Getters of an item as read from the database: strings and vectors are
 * borrowed (transfer none) and never %NULL unless marked nullable. */
const gchar         *rg_menu_item_get_id           (RgMenuItem *self);
const gchar         *rg_menu_item_get_name         (RgMenuItem *self);
/* "" when the item has no category */
const gchar         *rg_menu_item_get_category     (RgMenuItem *self);
gint64               rg_menu_item_get_price        (RgMenuItem *self);
gint64               rg_menu_item_get_cost         (RgMenuItem *self);
/* (transfer none): never %NULL; an empty vector when there are none */
const gchar * const *rg_menu_item_get_allergens    (RgMenuItem *self);
const gchar * const *rg_menu_item_get_tags         (RgMenuItem *self);
const gchar * const *rg_menu_item_get_dayparts     (RgMenuItem *self);
gboolean             rg_menu_item_get_available    (RgMenuItem *self);
/* (nullable): the id the item had in an imported system */
const gchar         *rg_menu_item_get_external_ref (RgMenuItem *self);

/**
 * rg_menu_item_has_allergen:
 * @self: an item
 * @allergen: an allergen word, in any case
 *
 * Returns: %TRUE if @allergen (compared case-insensitively, trimmed) is one
 *   of the item's allergens.
 */
gboolean rg_menu_item_has_allergen (RgMenuItem *self, const gchar *allergen);

/**
 * RgMenuItemSpec:
 * @name: the dish as guests read it; required
 * @category: (nullable): "Pizza", "Drinks"…; %NULL or "" for none
 * @price: price in minor units, >= 0
 * @cost: cost of making it in minor units, >= 0
 * @allergens: (nullable) (array zero-terminated=1): allergen words
 * @tags: (nullable) (array zero-terminated=1): taste words ("spicy", "vegetarian")
 * @dayparts: (nullable) (array zero-terminated=1): "breakfast", "lunch",
 *   "dinner", "late"…; none means all day
 * @external_ref: (nullable): the item's id in an imported system, unique;
 *   rg_menu_edit() keeps the existing one when this is %NULL
 *
 * The fields of a menu item as a caller gives them; initialise it with
 * `RgMenuItemSpec spec = { .name = "Margherita", .price = 950 };`.
 */
typedef struct
{
  const gchar         *name;
  const gchar         *category;
  gint64               price;
  gint64               cost;
  const gchar * const *allergens;
  const gchar * const *tags;
  const gchar * const *dayparts;
  const gchar         *external_ref;
} RgMenuItemSpec;

/**
 * rg_menu_add:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_MENU the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @spec: the new item
 * @error: return location for a #GError
 *
 * Adds an available item to the menu.
 *
 * Returns: (transfer full): the item as stored (words normalised), or
 *   %NULL with %RG_ERROR_INVALID (empty or over-long name or word, invalid
 *   UTF-8, negative price or cost) or %RG_ERROR_EXISTS (a live item of the
 *   same name, compared case-insensitively, or the same external ref).
 */
RgMenuItem *rg_menu_add (RgDb *db, const gchar *staff_id, const RgMenuItemSpec *spec, GError **error);

/**
 * rg_menu_edit:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_MENU the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @item_id: the item to change
 * @spec: every field's new value
 * @error: return location for a #GError
 *
 * Replaces the item's name, category, price, cost and word lists (its
 * availability is kept).  Lines already ordered keep the price they had.
 *
 * Returns: (transfer full): the item as stored, or %NULL with
 *   %RG_ERROR_NOT_FOUND, %RG_ERROR_INVALID or %RG_ERROR_EXISTS as for
 *   rg_menu_add(); the item is then unchanged.
 */
RgMenuItem *rg_menu_edit (RgDb *db, const gchar *staff_id, const gchar *item_id, const RgMenuItemSpec *spec, GError **error);

/**
 * rg_menu_set_available:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_MENU the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @item_id: the item
 * @available: %FALSE to 86 it (off for now), %TRUE to bring it back
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND for an
 *   unknown or removed item.
 */
gboolean rg_menu_set_available (RgDb *db, const gchar *staff_id, const gchar *item_id, gboolean available, GError **error);

/**
 * rg_menu_remove:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_MENU the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @item_id: the item
 * @error: return location for a #GError
 *
 * Takes the item off the menu for good (a tombstone: past order lines and
 * reports still know it).
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND.
 */
gboolean rg_menu_remove (RgDb *db, const gchar *staff_id, const gchar *item_id, GError **error);

/**
 * rg_menu_get:
 * @db: a connection
 * @item_id: the item
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live item, or %NULL with %RG_ERROR_NOT_FOUND.
 */
RgMenuItem *rg_menu_get (RgDb *db, const gchar *item_id, GError **error);

/**
 * rg_menu_find_by_name:
 * @db: a connection
 * @name: the whole name, in any case, surrounding spaces ignored
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live item of that name, or %NULL with
 *   %RG_ERROR_NOT_FOUND ("there is no dish called …").
 */
RgMenuItem *rg_menu_find_by_name (RgDb *db, const gchar *name, GError **error);

/**
 * rg_menu_find_by_external_ref:
 * @db: a connection
 * @external_ref: an imported system's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live item, or %NULL with %RG_ERROR_NOT_FOUND.
 */
RgMenuItem *rg_menu_find_by_external_ref (RgDb *db, const gchar *external_ref, GError **error);

/**
 * rg_menu_list:
 * @db: a connection
 * @category: (nullable): only this category (exact); %NULL for the whole menu
 * @error: return location for a #GError
 *
 * Lists live items, 86'd ones included, by category then name (both
 * compared case-insensitively).
 *
 * Returns: (transfer full): a #GListModel of #RgMenuItem (possibly empty),
 *   or %NULL with @error set on a database failure.
 */
GListModel *rg_menu_list (RgDb *db, const gchar *category, GError **error);

/**
 * rg_menu_list_categories:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (array zero-terminated=1): the categories of the
 *   live items, sorted, each once ("" for items without one), or %NULL with
 *   @error set.
 */
GStrv rg_menu_list_categories (RgDb *db, GError **error);

/**
 * rg_menu_search:
 * @db: a connection
 * @text: part of a name, in any case
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of the live items whose name
 *   contains @text (case-insensitive), in the order of rg_menu_list(); empty
 *   when @text is blank; %NULL with %RG_ERROR_INVALID for invalid UTF-8.
 */
GListModel *rg_menu_search (RgDb *db, const gchar *text, GError **error);

/**
 * rg_menu_normalize_words:
 * @words: (nullable) (array zero-terminated=1): words as typed
 * @what: what one word is, for messages ("the allergen")
 * @error: return location for a #GError
 *
 * Normalises a word list as the menu stores it: each word split at commas,
 * blank ones dropped, the rest made words by rg_text_check_word()
 * ("Tree Nuts" → "tree-nuts"); sorted; duplicates removed.
 *
 * Returns: (transfer full): the words (an empty vector for none), or %NULL
 *   with %RG_ERROR_INVALID for invalid UTF-8, a word without a letter or
 *   digit, or one over %RG_MENU_WORD_MAX characters.
 */
GStrv rg_menu_normalize_words (const gchar * const *words, const gchar *what, GError **error);

G_END_DECLS
