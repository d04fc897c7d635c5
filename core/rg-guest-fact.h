/* rg-guest-fact.h — one fact about a guest: a tag, an allergy, a seating
 * or dish preference, a note or a link to another guest.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record rg-prefs hands out; read-only for its holders.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RgFactKind:
 * @RG_FACT_TAG: a taste or lifestyle word (guest_tag)
 * @RG_FACT_ALLERGY: an allergen and its severity (guest_allergy)
 * @RG_FACT_SEATING: a preferred table, zone or feature (seating_pref)
 * @RG_FACT_DISH: a liked or disliked menu item (dish_pref)
 * @RG_FACT_NOTE: a note written by the staff (guest_note)
 * @RG_FACT_LINK: a relation to another guest (guest_link)
 *
 * What an #RgGuestFact holds.  Meaning of its fields per kind:
 *
 * | kind    | value                         | detail                                       | note |
 * | ------- | ----------------------------- | -------------------------------------------- | ---- |
 * | TAG     | "spicy", "sweet-sour"         | %NULL                                        | %NULL |
 * | ALLERGY | "peanut", "shellfish"         | "mild", "severe" or "anaphylactic"           | yes |
 * | SEATING | table id, zone kind, feature  | "table", "zone" or "feature"                 | yes |
 * | DISH    | menu item id                  | "like" or "dislike"                          | yes |
 * | NOTE    | the note's text               | %NULL                                        | %NULL |
 * | LINK    | the other guest's id          | "referred_by", "partner", "family", "colleague", "friend"; "referred" when this guest referred the other | %NULL |
 */
typedef enum {
  RG_FACT_TAG,
  RG_FACT_ALLERGY,
  RG_FACT_SEATING,
  RG_FACT_DISH,
  RG_FACT_NOTE,
  RG_FACT_LINK,
} RgFactKind;

#define RG_FACT_N_KINDS (RG_FACT_LINK + 1)

#define RG_TYPE_GUEST_FACT (rg_guest_fact_get_type ())
G_DECLARE_FINAL_TYPE (RgGuestFact, rg_guest_fact, RG, GUEST_FACT, GObject)

/* Getters; strings are borrowed, and nullable unless said otherwise. */
RgFactKind   rg_guest_fact_get_kind        (RgGuestFact *self);
const gchar *rg_guest_fact_get_id          (RgGuestFact *self);   /* never NULL */
const gchar *rg_guest_fact_get_guest_id    (RgGuestFact *self);   /* never NULL */
const gchar *rg_guest_fact_get_value       (RgGuestFact *self);   /* never NULL */
const gchar *rg_guest_fact_get_detail      (RgGuestFact *self);
const gchar *rg_guest_fact_get_note        (RgGuestFact *self);

/**
 * rg_guest_fact_get_label:
 * @self: a fact
 *
 * Returns: (transfer none): what to show for the value: the dish's name,
 *   the other guest's name, the table's name; the value itself for the
 *   other kinds.  Never %NULL.
 */
const gchar *rg_guest_fact_get_label (RgGuestFact *self);

/**
 * rg_guest_fact_get_weight:
 * @self: a fact
 *
 * Returns: a seating preference's weight (negative: a place to avoid); 1
 *   for the other kinds.
 */
gdouble rg_guest_fact_get_weight (RgGuestFact *self);

/**
 * rg_guest_fact_get_staff_id:
 * @self: a fact
 *
 * Returns: (transfer none) (nullable): who wrote a note; %NULL for the
 *   other kinds.
 */
const gchar *rg_guest_fact_get_staff_id (RgGuestFact *self);

/**
 * rg_guest_fact_get_created_ms:
 * @self: a fact
 *
 * Returns: when a note was written; for the other kinds, when the fact was
 *   last set (UTC milliseconds).
 */
gint64 rg_guest_fact_get_created_ms (RgGuestFact *self);

/**
 * rg_guest_fact_get_updated_hlc:
 * @self: a fact
 *
 * Returns: the hybrid logical clock of the fact's last change.
 */
gint64 rg_guest_fact_get_updated_hlc (RgGuestFact *self);

G_END_DECLS
