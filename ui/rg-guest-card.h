/* rg-guest-card.h — everything the host needs about one guest: how to
 * greet them, badges, allergies, preferences, occasions, visit history and
 * what to recommend.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-recommend.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_GUEST_CARD (rg_guest_card_get_type ())
G_DECLARE_FINAL_TYPE (RgGuestCard, rg_guest_card, RG, GUEST_CARD, GtkWidget)

void         rg_guest_card_set_session    (RgGuestCard *self,
                                           RgSession   *session);

/* @recommender: (nullable): the model that suggests dishes; until it is
 * ready the card says so */
void         rg_guest_card_set_recommender (RgGuestCard   *self,
                                            RgRecommender *recommender);

/* Reads the guest and fills the card; %FALSE with @error set (the card is
 * left as it was) when the guest cannot be read. */
gboolean     rg_guest_card_show_guest     (RgGuestCard *self,
                                           const gchar *guest_id,
                                           GError     **error);

/* (nullable): the guest shown, and the greeting line */
const gchar *rg_guest_card_get_guest_id   (RgGuestCard *self);
const gchar *rg_guest_card_get_guest_name (RgGuestCard *self);
const gchar *rg_guest_card_get_greeting   (RgGuestCard *self);

/* The party size chosen on the card. */
gint         rg_guest_card_get_party_size (RgGuestCard *self);

/* Puts the two columns of the card one above the other. */
void         rg_guest_card_set_compact    (RgGuestCard *self,
                                           gboolean     compact);

G_END_DECLS
