/* rg-floor.h — a branch's floor: zones, tables, their live status, and which
 * free table suits a party.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions and sizes are metres from the plan's top-left corner.  A table
 * goes free → seated when a party is seated (rg_visit_seat()), seated →
 * to_clean when its check is closed, and to_clean → free when it is cleared
 * (rg_floor_set_status()).  Features are normalised words like menu
 * allergens ("window", "sofa", "high-chair").
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_FLOOR_NAME_MAX 60

/**
 * RgZoneKind:
 *
 * What a zone is like; seating preferences name these ("window", "booth"…).
 */
typedef enum {
  RG_ZONE_MAIN,
  RG_ZONE_WINDOW,
  RG_ZONE_BOOTH,
  RG_ZONE_PATIO,
  RG_ZONE_BAR,
  RG_ZONE_QUIET,
  RG_ZONE_PRIVATE,
} RgZoneKind;

typedef enum {
  RG_TABLE_RECT,
  RG_TABLE_ROUND,
} RgTableShape;

typedef enum {
  RG_TABLE_FREE,
  RG_TABLE_SEATED,
  RG_TABLE_RESERVED,
  RG_TABLE_TO_CLEAN,
} RgTableStatus;

/* The words the database and the command line use: "main", "window"…;
 * "rect", "round"; "free", "seated", "reserved", "to_clean".  The parsers
 * return %FALSE for an unknown word and leave the output alone. */
const gchar *rg_zone_kind_to_string      (RgZoneKind kind);
gboolean     rg_zone_kind_from_string    (const gchar *text, RgZoneKind *kind);
const gchar *rg_table_shape_to_string    (RgTableShape shape);
gboolean     rg_table_shape_from_string  (const gchar *text, RgTableShape *shape);
const gchar *rg_table_status_to_string   (RgTableStatus status);
gboolean     rg_table_status_from_string (const gchar *text, RgTableStatus *status);

/* ------------------------------------------------------------------ zone */

#define RG_TYPE_ZONE (rg_zone_get_type ())
G_DECLARE_FINAL_TYPE (RgZone, rg_zone, RG, ZONE, GObject)

/* Getters of the records below: strings, vectors and objects are borrowed
 * (transfer none) and never %NULL unless marked nullable. */
const gchar *rg_zone_get_id        (RgZone *self);
const gchar *rg_zone_get_branch_id (RgZone *self);
const gchar *rg_zone_get_name      (RgZone *self);
RgZoneKind   rg_zone_get_kind      (RgZone *self);

/* ----------------------------------------------------------------- table */

#define RG_TYPE_DINING_TABLE (rg_dining_table_get_type ())
G_DECLARE_FINAL_TYPE (RgDiningTable, rg_dining_table, RG, DINING_TABLE, GObject)

const gchar         *rg_dining_table_get_id        (RgDiningTable *self);
const gchar         *rg_dining_table_get_branch_id (RgDiningTable *self);
const gchar         *rg_dining_table_get_name      (RgDiningTable *self);
gint                 rg_dining_table_get_seats     (RgDiningTable *self);
/* (nullable): both %NULL for a table outside any zone */
const gchar         *rg_dining_table_get_zone_id   (RgDiningTable *self);
const gchar         *rg_dining_table_get_zone_name (RgDiningTable *self);
/* RG_ZONE_MAIN for a table outside any zone */
RgZoneKind           rg_dining_table_get_zone_kind (RgDiningTable *self);
gdouble              rg_dining_table_get_x         (RgDiningTable *self);
gdouble              rg_dining_table_get_y         (RgDiningTable *self);
gdouble              rg_dining_table_get_width     (RgDiningTable *self);
gdouble              rg_dining_table_get_height    (RgDiningTable *self);
RgTableShape         rg_dining_table_get_shape     (RgDiningTable *self);
/* (transfer none): never %NULL */
const gchar * const *rg_dining_table_get_features  (RgDiningTable *self);
RgTableStatus        rg_dining_table_get_status    (RgDiningTable *self);

/**
 * RgDiningTableSpec:
 * @name: the name staff call it ("12", "Patio 3"); unique in the branch
 * @zone_id: (nullable): a zone of the same branch
 * @seats: how many it seats, > 0
 * @x: left edge in metres, >= 0
 * @y: top edge in metres, >= 0
 * @width: in metres; 0 means the default of 1 m
 * @height: in metres; 0 means the default of 1 m
 * @shape: rectangular or round
 * @features: (nullable) (array zero-terminated=1): words such as "sofa",
 *   "power", "high-chair", "view"
 *
 * The fields of a table as a caller gives them.
 */
typedef struct
{
  const gchar         *name;
  const gchar         *zone_id;
  gint                 seats;
  gdouble              x;
  gdouble              y;
  gdouble              width;
  gdouble              height;
  RgTableShape         shape;
  const gchar * const *features;
} RgDiningTableSpec;

/* ------------------------------------------------------------ live status */

#define RG_TYPE_TABLE_LIVE (rg_table_live_get_type ())
G_DECLARE_FINAL_TYPE (RgTableLive, rg_table_live, RG, TABLE_LIVE, GObject)

/* (transfer none): the table with its current status */
RgDiningTable *rg_table_live_get_table       (RgTableLive *self);
/* The open visit at the table; %NULL (nullable) or 0 when no party is seated. */
const gchar   *rg_table_live_get_visit_id    (RgTableLive *self);
const gchar   *rg_table_live_get_guest_id    (RgTableLive *self);
/* the host guest's name, %NULL for a walk-in */
const gchar   *rg_table_live_get_guest_name  (RgTableLive *self);
const gchar   *rg_table_live_get_server_id   (RgTableLive *self);
gint           rg_table_live_get_party_size  (RgTableLive *self);
gint64         rg_table_live_get_seated_ms   (RgTableLive *self);
/* sum of the open check's non-voided lines, minor units */
gint64         rg_table_live_get_check_total (RgTableLive *self);

/* ------------------------------------------------------------ suggestion */

#define RG_TYPE_TABLE_SUGGESTION (rg_table_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (RgTableSuggestion, rg_table_suggestion, RG, TABLE_SUGGESTION, GObject)

RgDiningTable *rg_table_suggestion_get_table  (RgTableSuggestion *self);
/* higher is better; only the order of scores means anything */
gdouble        rg_table_suggestion_get_score  (RgTableSuggestion *self);
/* "by the window, the guest's usual zone; seats 4 for a party of 3" */
const gchar   *rg_table_suggestion_get_reason (RgTableSuggestion *self);

/* ------------------------------------------------------------------- API */

/**
 * rg_floor_add_zone:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_FLOOR the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @branch_id: the branch
 * @name: the zone's name ("Terrace"), unique in the branch
 * @kind: what it is like
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the zone, or %NULL with %RG_ERROR_NOT_FOUND
 *   (unknown branch), %RG_ERROR_INVALID (bad name) or %RG_ERROR_EXISTS.
 */
RgZone *rg_floor_add_zone (RgDb *db, const gchar *staff_id, const gchar *branch_id, const gchar *name, RgZoneKind kind, GError **error);

/**
 * rg_floor_edit_zone:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_FLOOR the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @zone_id: the zone
 * @name: its new name
 * @kind: its new kind
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the zone as stored, or %NULL with errors as for
 *   rg_floor_add_zone().
 */
RgZone *rg_floor_edit_zone (RgDb *db, const gchar *staff_id, const gchar *zone_id, const gchar *name, RgZoneKind kind, GError **error);

/**
 * rg_floor_list_zones:
 * @db: a connection
 * @branch_id: the branch
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgZone by name, or %NULL
 *   with @error set.
 */
GListModel *rg_floor_list_zones (RgDb *db, const gchar *branch_id, GError **error);

/**
 * rg_floor_add_table:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_FLOOR the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @branch_id: the branch
 * @spec: the table
 * @error: return location for a #GError
 *
 * Adds a free table.
 *
 * Returns: (transfer full): the table, or %NULL with %RG_ERROR_NOT_FOUND
 *   (unknown branch or zone), %RG_ERROR_INVALID (bad name, seats < 1,
 *   negative position or size, a zone of another branch) or
 *   %RG_ERROR_EXISTS (the name is taken in the branch).
 */
RgDiningTable *rg_floor_add_table (RgDb *db, const gchar *staff_id, const gchar *branch_id, const RgDiningTableSpec *spec, GError **error);

/**
 * rg_floor_edit_table:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_FLOOR the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @table_id: the table
 * @spec: every field's new value
 * @error: return location for a #GError
 *
 * Changes a table's name, zone, seats, place, shape and features; its
 * status is kept.
 *
 * Returns: (transfer full): the table as stored, or %NULL with errors as
 *   for rg_floor_add_table(); the table is then unchanged.
 */
RgDiningTable *rg_floor_edit_table (RgDb *db, const gchar *staff_id, const gchar *table_id, const RgDiningTableSpec *spec, GError **error);

/**
 * rg_floor_remove_table:
 * @db: a connection
 * @staff_id: (nullable): who acts; without %RG_PERMISSION_EDIT_FLOOR the call
 *   fails with %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an unknown
 *   staff id) and changes nothing
 * @table_id: the table
 * @error: return location for a #GError
 *
 * Takes a table off the plan (a tombstone; past visits keep it).
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND, or
 *   %RG_ERROR_INVALID while a party is seated at it.
 */
gboolean rg_floor_remove_table (RgDb *db, const gchar *staff_id, const gchar *table_id, GError **error);

/**
 * rg_floor_get_table:
 * @db: a connection
 * @table_id: the table
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live table, or %NULL with %RG_ERROR_NOT_FOUND.
 */
RgDiningTable *rg_floor_get_table (RgDb *db, const gchar *table_id, GError **error);

/**
 * rg_floor_find_table:
 * @db: a connection
 * @branch_id: the branch
 * @name: the table's name as staff call it ("12")
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the table, or %NULL with %RG_ERROR_NOT_FOUND.
 */
RgDiningTable *rg_floor_find_table (RgDb *db, const gchar *branch_id, const gchar *name, GError **error);

/**
 * rg_floor_list_tables:
 * @db: a connection
 * @branch_id: the branch
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgDiningTable in name order
 *   (numbers compared as numbers: "2" before "10"), or %NULL with @error set.
 */
GListModel *rg_floor_list_tables (RgDb *db, const gchar *branch_id, GError **error);

/**
 * rg_floor_set_status:
 * @db: a connection
 * @table_id: the table
 * @status: the new status
 * @error: return location for a #GError
 *
 * Changes a table's status by hand: free ⇄ reserved, free/reserved →
 * to_clean, to_clean → free or reserved.  Seated is entered only by seating
 * a party (rg_visit_seat()), and left only once its check is closed or
 * voided.  Setting the status a table already has does nothing.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND, or
 *   %RG_ERROR_INVALID for a change that is not allowed ("table 12 has a
 *   party seated; close its check first").
 */
gboolean rg_floor_set_status (RgDb *db, const gchar *table_id, RgTableStatus status, GError **error);

/**
 * rg_floor_list_live:
 * @db: a connection
 * @branch_id: the branch
 * @error: return location for a #GError
 *
 * The waiter's floor plan: every table of the branch with its status and,
 * for a seated one, its open visit (party size, seated time, host guest,
 * server, check total), read in one query.
 *
 * Returns: (transfer full): a #GListModel of #RgTableLive in the order of
 *   rg_floor_list_tables(), or %NULL with @error set.
 */
GListModel *rg_floor_list_live (RgDb *db, const gchar *branch_id, GError **error);

/**
 * rg_floor_suggest_tables:
 * @db: a connection
 * @branch_id: the branch
 * @party_size: how many are coming, > 0
 * @guest_id: (nullable): the host guest, whose seating preferences count
 * @error: return location for a #GError
 *
 * Ranks the free tables that seat the party.  Tables far too big for it
 * (more than twice the party plus two seats) are left out while any other
 * fits.  A table gains by the guest's seating_pref rows (the table itself,
 * its zone kind, its feature words; each times its weight) and by a snug
 * fit; ties go to the smaller table, then by name.  Each suggestion says
 * why in words.
 *
 * Returns: (transfer full): a #GListModel of #RgTableSuggestion, best
 *   first; empty when no free table fits.  %NULL with %RG_ERROR_INVALID
 *   for a party size below 1, %RG_ERROR_NOT_FOUND for an unknown branch.
 */
GListModel *rg_floor_suggest_tables (RgDb *db, const gchar *branch_id, gint party_size, const gchar *guest_id, GError **error);

G_END_DECLS
