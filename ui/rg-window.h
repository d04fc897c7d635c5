/* rg-window.h — the front-of-house window: staff picker, lookup, guest card
 * and floor plan, adaptive from a landscape tablet to a portrait one.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rg-recommend.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_WINDOW (rg_window_get_type ())
G_DECLARE_FINAL_TYPE (RgWindow, rg_window, RG, WINDOW, AdwApplicationWindow)

/**
 * rg_window_new:
 * @app: the application
 * @session: what the window works on; the window keeps a reference
 *
 * Returns: (transfer none): a new window, owned by @app once presented.
 */
RgWindow  *rg_window_new         (AdwApplication *app,
                                  RgSession      *session);

RgSession *rg_window_get_session (RgWindow       *self);

/**
 * rg_window_get_recommender:
 *
 * The model of recommendations the pages use, learnt from past orders in
 * the background after the first frame (and again after sync brings
 * closed checks); the "recommender" property is notified each time.
 *
 * Returns: (transfer none) (nullable): the model, or %NULL until learnt.
 */
RgRecommender *rg_window_get_recommender (RgWindow *self);

/**
 * rg_window_start:
 *
 * Runs the start of a shift: offers demo data on an empty database, picks
 * the branch, then asks who is at the door.
 */
void       rg_window_start       (RgWindow       *self);

G_END_DECLS
