/* rg-floor-private.h — what the files of rg-floor share.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rg-floor.c holds the tables, their status and the live plan;
 * rg-floor-zones.c the zones; rg-floor-suggest.c the table suggestions;
 * rg-floor-records.c the record types, their getters and the enum words.
 */
#pragma once

#include "rg-service-private.h"

G_BEGIN_DECLS

struct _RgZone
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *branch_id;
  gchar *name;

  RgZoneKind kind;
};

struct _RgDiningTable
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *branch_id;
  gchar *name;
  gchar *zone_id;
  gchar *zone_name;
  GStrv  features;
  gchar *sort_key;

  gint          seats;
  RgZoneKind    zone_kind;
  gdouble       x;
  gdouble       y;
  gdouble       width;
  gdouble       height;
  RgTableShape  shape;
  RgTableStatus status;
};

struct _RgTableLive
{
  GObject parent_instance;

  /* owned */
  RgDiningTable *table;
  gchar         *visit_id;
  gchar         *guest_id;
  gchar         *guest_name;
  gchar         *server_id;

  gint   party_size;
  gint64 seated_ms;
  gint64 check_total;
};

struct _RgTableSuggestion
{
  GObject parent_instance;

  /* owned */
  RgDiningTable *table;
  gchar         *reason;

  gdouble score;
};

/* Columns read by _rg_floor_table_from_row(), in this order, from
 * `dining_table t LEFT JOIN zone z`. */
#define RG_FLOOR_TABLE_COLUMNS \
  "t.id, t.branch_id, t.name, t.seats, t.zone_id, z.name, z.kind, t.x, t.y, " \
  "t.width, t.height, t.shape, t.features, t.status"
#define RG_FLOOR_N_TABLE_COLUMNS 14

/* Row makers: return gpointer so that one row-collecting loop can call any
 * of them.  A live row is RG_FLOOR_TABLE_COLUMNS followed by the open
 * visit's id, guest id, guest name, server id, party size, seated time and
 * check total. */
gpointer _rg_floor_zone_from_row (RgStmt *stmt);
gpointer _rg_floor_table_from_row (RgStmt *stmt);
gpointer _rg_floor_live_from_row (RgStmt *stmt);

/* Every live table of a branch sorted by name as people count ("2" before
 * "10"); only the free ones when @free_only. */
GPtrArray *_rg_floor_load_tables (RgDb *db, const gchar *branch_id, gboolean free_only, GError **error);

/* Steps @stmt and makes one object per row with @make; on failure sets
 * @error saying it was @doing. */
GPtrArray *_rg_floor_collect_rows (RgDb *db, RgStmt *stmt, gpointer (*make) (RgStmt *), const gchar *doing, GError **error);

/* The live zone @zone_id, or %NULL with %RG_ERROR_NOT_FOUND. */
RgZone *_rg_floor_get_zone (RgDb *db, const gchar *zone_id, GError **error);

/* A new #GListStore of @type holding the objects of @rows. */
GListModel *_rg_floor_store_from_array (GType type, GPtrArray *rows);

G_END_DECLS
