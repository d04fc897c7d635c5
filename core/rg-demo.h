/* rg-demo.h — a believable restaurant in a database, for demos, tests and
 * benchmarks.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator fills an empty terminal database with a menu of about sixty
 * dishes (Chinese and some Western, with prices, costs, allergens, taste
 * tags and dayparts), a floor plan per branch (main hall, window, booths,
 * patio, bar, a quiet corner and a private room), waiters, guests with
 * stable tastes, seating habits, allergies, birthdays, phones, member cards
 * and a few links between them, and their visits: lunch and dinner peaks,
 * busier weekends, a seasonal swing, party sizes, dining times, walk-ins,
 * order lines that follow each guest's tastes and never contain their
 * allergens, and some feedback.  Everything follows from the seed: the same
 * options give the same rows, ids included.  Demo rows are not added to the
 * sync outbox.
 */
#pragma once

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_DEMO_GUESTS_MAX   10000000
#define RG_DEMO_DAYS_MAX     3660
#define RG_DEMO_BRANCHES_MAX 20

/**
 * RgDemoOptions:
 * @guests: how many known guests, 0 to %RG_DEMO_GUESTS_MAX
 * @days: how many days of history, 1 to %RG_DEMO_DAYS_MAX
 * @branches: how many branches to fill, 1 to %RG_DEMO_BRANCHES_MAX; branches
 *   the database has already (the terminal's own) are used first
 * @seed: the seed of the random draws
 * @last_day: (nullable): the last day of the history, "YYYY-MM-DD"; %NULL
 *   for yesterday (UTC), which makes the data depend on the day it is made
 *
 * What to generate.
 */
typedef struct
{
  guint        guests;
  guint        days;
  guint        branches;
  guint32      seed;
  const gchar *last_day;
} RgDemoOptions;

/**
 * RgDemoCounts:
 *
 * What was written; @revenue is the sum of the closed checks' subtotals in
 * minor units.
 */
typedef struct
{
  guint  branches;
  guint  tables;
  guint  menu_items;
  guint  staff;
  guint  guests;
  guint  phones;
  guint  cards;
  guint  visits;
  guint  lines;
  guint  feedback;
  gint64 revenue;
} RgDemoCounts;

/**
 * rg_demo_generate:
 * @db: a connection to a database without guests, menu, tables or visits
 * @options: what to generate
 * @counts: (out caller-allocates) (optional): what was written
 * @error: return location for a #GError
 *
 * Generates the demo restaurant in one transaction, then rebuilds the
 * report rollups and with them the guest name index (rg_rollup_rebuild()).  When the terminal serves no branch yet, it
 * serves the first demo branch afterwards.  Fast: 100 000 guests and a
 * million order lines take well under a minute.
 *
 * Returns: %TRUE on success; %FALSE with nothing written and
 *   %RG_ERROR_INVALID (an option out of range, a bad @last_day),
 *   %RG_ERROR_EXISTS (the database already holds guests, a menu, tables or
 *   visits) or a database error.
 */
gboolean rg_demo_generate (RgDb                *db,
                           const RgDemoOptions *options,
                           RgDemoCounts        *counts,
                           GError             **error);

G_END_DECLS
