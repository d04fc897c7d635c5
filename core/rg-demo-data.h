/* rg-demo-data.h — the fixed catalogue the demo generator draws from: a
 * Chinese restaurant's menu with some Western dishes, guests' names, the
 * taste words and allergens, and what guests write as feedback.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to rg-demo: nothing here is public API.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a dish is ordered: shared dishes scale with the party, one staple or
 * dessert now and then, a drink per thirsty guest. */
typedef enum {
  RG_DEMO_FOOD,
  RG_DEMO_STAPLE,
  RG_DEMO_DESSERT,
  RG_DEMO_DRINK,
} RgDemoCourse;

/* Taste words, as bits of a guest's liking and of a dish's tags. */
typedef enum {
  RG_DEMO_TASTE_SPICY      = 1 << 0,
  RG_DEMO_TASTE_SWEET_SOUR = 1 << 1,
  RG_DEMO_TASTE_VEGETARIAN = 1 << 2,
  RG_DEMO_TASTE_SEAFOOD    = 1 << 3,
  RG_DEMO_TASTE_DIM_SUM    = 1 << 4,
  RG_DEMO_TASTE_NOODLES    = 1 << 5,
  RG_DEMO_TASTE_WESTERN    = 1 << 6,
  RG_DEMO_TASTE_LIGHT      = 1 << 7,
} RgDemoTaste;

#define RG_DEMO_N_TASTES 8
#define RG_DEMO_N_ALLERGENS 8

/* Dayparts of a dish; 0 means all day. */
#define RG_DEMO_LUNCH  (1 << 0)
#define RG_DEMO_DINNER (1 << 1)

typedef struct
{
  const gchar  *name;
  const gchar  *category;
  RgDemoCourse  course;
  gint          price;       /* minor units */
  gint          cost_pct;    /* cost as a share of the price */
  const gchar  *allergens;   /* sorted, comma-separated, as rg-menu stores them */
  const gchar  *tags;        /* the same */
  guint         dayparts;    /* RG_DEMO_LUNCH | RG_DEMO_DINNER, 0 for all day */
  gint          popularity;  /* relative weight among its course */
} RgDemoDish;

typedef struct
{
  const gchar *hanzi;
  const gchar *pinyin;
} RgDemoHanName;

typedef struct
{
  const gchar * const *items;
  guint                n;
} RgDemoWords;

const RgDemoDish *_rg_demo_dishes (guint *n);

/* taste word of bit i (RgDemoTaste) and allergen word of bit i */
const gchar *_rg_demo_taste_word (guint bit);
const gchar *_rg_demo_allergen_word (guint bit);

/* bits of the taste words or allergens in a comma-separated list */
guint _rg_demo_taste_mask (const gchar *words);
guint _rg_demo_allergen_mask (const gchar *words);

const RgDemoHanName *_rg_demo_han_family_names (guint *n);
const RgDemoHanName *_rg_demo_han_given_names (gboolean female, guint *n);
RgDemoWords _rg_demo_western_given_names (gboolean female);
RgDemoWords _rg_demo_western_family_names (void);
RgDemoWords _rg_demo_staff_names (void);
RgDemoWords _rg_demo_guest_notes (void);
RgDemoWords _rg_demo_comments (gboolean happy, gboolean chinese);
RgDemoWords _rg_demo_void_reasons (void);
RgDemoWords _rg_demo_branch_names (void);

G_END_DECLS
