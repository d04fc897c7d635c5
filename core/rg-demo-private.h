/* rg-demo-private.h — what the files of the demo generator share: the run's
 * state, its statements and its random helpers.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rg-demo.c makes the run; rg-demo-restaurant.c the branches, floor
 * plans, menu and staff; rg-demo-guests.c the guests; rg-demo-visits.c
 * their visits.
 */
#pragma once

#include "rg-demo.h"
#include "rg-demo-data.h"
#include "rg-id.h"

G_BEGIN_DECLS

#define RG_DEMO_MS_PER_MIN  ((gint64) 60 * 1000)
#define RG_DEMO_MS_PER_HOUR (60 * RG_DEMO_MS_PER_MIN)
#define RG_DEMO_MS_PER_DAY  (24 * RG_DEMO_MS_PER_HOUR)
#define RG_DEMO_MAX_FAVOURITES 6
#define RG_DEMO_NONE G_MAXUINT8

typedef gchar RgDemoId[RG_ID_LEN + 1];

/* the zones of a floor plan, in the order rg-demo.c lays them out */
typedef enum {
  RG_DEMO_ZONE_MAIN,
  RG_DEMO_ZONE_WINDOW,
  RG_DEMO_ZONE_BOOTH,
  RG_DEMO_ZONE_PATIO,
  RG_DEMO_ZONE_BAR,
  RG_DEMO_ZONE_QUIET,
  RG_DEMO_ZONE_PRIVATE,
  RG_DEMO_N_ZONES
} RgDemoZone;

typedef struct
{
  RgDemoId  id;
  gint64   *noon_ms;       /* per day of the history: local noon in UTC ms */
  guint     first_table;   /* its tables in RgDemo.tables */
  guint     n_tables;
  guint     first_staff;   /* its waiters in RgDemo.staff */
  guint     n_staff;
} RgDemoBranch;

typedef struct
{
  RgDemoId   id;
  RgDemoZone zone;
  gint       seats;
  gint64     busy_until_ms;
} RgDemoTable;

typedef struct
{
  RgDemoId          id;
  const RgDemoDish *dish;
  guint             allergens;   /* bits of _rg_demo_allergen_word() */
  guint             tastes;      /* bits of RgDemoTaste */
  gint              cost;
} RgDemoItem;

/* A guest's habits, fixed once drawn: they are what the visits follow. */
typedef struct
{
  RgDemoId id;
  gfloat   visits_per_year;
  gint32   link;                 /* a linked guest's index, or -1 */
  gint32   table_pref;           /* index in RgDemo.tables, or -1 */
  guint16  start_day;            /* first day they may come */
  guint16  allergens;
  guint8   tastes;
  guint8   home;                 /* branch index */
  guint8   party;                /* usual party size */
  guint8   lunch_pct;
  guint8   zone_pref;            /* RgDemoZone, or RG_DEMO_NONE */
  guint8   chinese;
  guint8   tips;
  guint8   n_favourites;
  guint8   favourites[RG_DEMO_MAX_FAVOURITES];   /* item indices, best first */
  guint8   dislike;              /* item index, or RG_DEMO_NONE */
} RgDemoGuest;

typedef struct
{
  RgStmt *branch;
  RgStmt *zone;
  RgStmt *table;
  RgStmt *item;
  RgStmt *staff;
  RgStmt *guest;
  RgStmt *phone;
  RgStmt *card;
  RgStmt *tag;
  RgStmt *allergy;
  RgStmt *seating;
  RgStmt *dish_pref;
  RgStmt *link;
  RgStmt *visit;
  RgStmt *visit_guest;
  RgStmt *line;
  RgStmt *feedback;
} RgDemoStatements;

typedef struct
{
  /* borrowed */
  RgDb               *db;
  const RgDemoOptions *options;
  const gchar        *origin;

  /* owned */
  GRand              *rand;       /* every draw of content */
  GRand              *id_rand;    /* the random bits of ids */
  gchar              *country;
  RgDemoBranch       *branches;
  guint               n_branches;
  GArray             *tables;     /* RgDemoTable */
  GArray             *staff;      /* RgDemoId */
  RgDemoItem         *items;
  guint               n_items;
  RgDemoGuest        *guests;
  gfloat             *day_weight; /* per day: weekday, season and holidays */

  gdouble            *cdf[4][1 << RG_DEMO_N_TASTES][3];   /* lazily: course × tastes × daypart */

  RgDemoStatements    stmt;
  RgDemoCounts        counts;
  gint64              hlc;
  GDate               first_day;
  gint64              start_ms;   /* midnight UTC of the first day */
  gfloat              max_weight; /* of day_weight */
  gfloat              mean_weight;
} RgDemo;

/* --- rg-demo.c: shared helpers */
void     _rg_demo_make_id   (RgDemo *d, gint64 ms, RgDemoId out);
gdouble  _rg_demo_gauss     (RgDemo *d);
guint    _rg_demo_pick      (RgDemo *d, guint n);
gboolean _rg_demo_chance    (RgDemo *d, gdouble p);
const gchar *_rg_demo_pick_word (RgDemo *d, RgDemoWords words);
gboolean _rg_demo_step      (RgDemo *d, RgStmt *stmt, const gchar *doing, GError **error);
void     _rg_demo_bind_text (RgStmt *stmt, int index, const gchar *text);
void     _rg_demo_bind_synced (RgDemo *d, RgStmt *stmt, int hlc_index);

/* --- rg-demo-restaurant.c */
gboolean _rg_demo_make_restaurant (RgDemo *d, GError **error);

/* the word of a zone kind, "window" */
const gchar *_rg_demo_zone_kind (RgDemoZone zone);

/* A menu item of @course drawn by popularity, dishes sharing the @tastes
 * bits weighing more; @daypart is RG_DEMO_LUNCH, RG_DEMO_DINNER or 0 for
 * any time.  Returns an index in RgDemo.items. */
guint    _rg_demo_sample_item (RgDemo *d, RgDemoCourse course, guint tastes, guint daypart);

/* --- rg-demo-guests.c */
gboolean _rg_demo_make_guests (RgDemo *d, GError **error);

/* --- rg-demo-visits.c */
gboolean _rg_demo_make_visits (RgDemo *d, GError **error);

G_END_DECLS
