/* rg-floor-records.c — the floor's record types (zone, table, live table,
 * suggestion), their getters, and the words their enums are stored as.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-floor-private.h"

G_DEFINE_FINAL_TYPE (RgZone, rg_zone, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgDiningTable, rg_dining_table, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgTableLive, rg_table_live, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgTableSuggestion, rg_table_suggestion, G_TYPE_OBJECT)

static const gchar * const zone_kinds[] = {
  "main", "window", "booth", "patio", "bar", "quiet", "private", NULL
};
static const gchar * const table_shapes[] = { "rect", "round", NULL };
static const gchar * const table_statuses[] = { "free", "seated", "reserved", "to_clean", NULL };

/* ------------------------------------------------------------- row makers */

gpointer
_rg_floor_zone_from_row (RgStmt *stmt)
{
  RgZone *self = g_object_new (RG_TYPE_ZONE, NULL);

  self->id = _rg_service_dup_column (stmt, 0);
  self->branch_id = _rg_service_dup_column (stmt, 1);
  self->name = _rg_service_dup_column (stmt, 2);
  self->kind = MAX (0, _rg_service_word_index (zone_kinds, (const gchar *) sqlite3_column_text (stmt, 3)));
  return self;
}

/* Reads TABLE_COLUMNS starting at column 0 of @stmt. */
gpointer
_rg_floor_table_from_row (RgStmt *stmt)
{
  RgDiningTable *self = g_object_new (RG_TYPE_DINING_TABLE, NULL);

  self->id = _rg_service_dup_column (stmt, 0);
  self->branch_id = _rg_service_dup_column (stmt, 1);
  self->name = _rg_service_dup_column (stmt, 2);
  self->seats = sqlite3_column_int (stmt, 3);
  self->zone_id = _rg_service_dup_column (stmt, 4);
  self->zone_name = _rg_service_dup_column (stmt, 5);
  self->zone_kind = MAX (0, _rg_service_word_index (zone_kinds, (const gchar *) sqlite3_column_text (stmt, 6)));
  self->x = sqlite3_column_double (stmt, 7);
  self->y = sqlite3_column_double (stmt, 8);
  self->width = sqlite3_column_double (stmt, 9);
  self->height = sqlite3_column_double (stmt, 10);
  self->shape = MAX (0, _rg_service_word_index (table_shapes, (const gchar *) sqlite3_column_text (stmt, 11)));
  self->features = _rg_service_split_words ((const gchar *) sqlite3_column_text (stmt, 12));
  self->status = MAX (0, _rg_service_word_index (table_statuses, (const gchar *) sqlite3_column_text (stmt, 13)));
  self->sort_key = g_utf8_collate_key_for_filename (self->name, -1);
  return self;
}

gpointer
_rg_floor_live_from_row (RgStmt *stmt)
{
  RgTableLive *self = g_object_new (RG_TYPE_TABLE_LIVE, NULL);
  const gint v = RG_FLOOR_N_TABLE_COLUMNS;

  self->table = _rg_floor_table_from_row (stmt);
  self->visit_id = _rg_service_dup_column (stmt, v);
  self->guest_id = _rg_service_dup_column (stmt, v + 1);
  self->guest_name = _rg_service_dup_column (stmt, v + 2);
  self->server_id = _rg_service_dup_column (stmt, v + 3);
  self->party_size = sqlite3_column_int (stmt, v + 4);
  self->seated_ms = sqlite3_column_int64 (stmt, v + 5);
  self->check_total = sqlite3_column_int64 (stmt, v + 6);
  return self;
}

/* ---------------------------------------------------------------- words */

const gchar *
rg_zone_kind_to_string (RgZoneKind kind)
{
  g_return_val_if_fail (kind >= RG_ZONE_MAIN && kind <= RG_ZONE_PRIVATE, NULL);
  return zone_kinds[kind];
}

gboolean
rg_zone_kind_from_string (const gchar *text,
                          RgZoneKind  *kind)
{
  gint i = _rg_service_word_index (zone_kinds, text);

  if (i < 0)
    return FALSE;
  *kind = i;
  return TRUE;
}

const gchar *
rg_table_shape_to_string (RgTableShape shape)
{
  g_return_val_if_fail (shape == RG_TABLE_RECT || shape == RG_TABLE_ROUND, NULL);
  return table_shapes[shape];
}

gboolean
rg_table_shape_from_string (const gchar  *text,
                            RgTableShape *shape)
{
  gint i = _rg_service_word_index (table_shapes, text);

  if (i < 0)
    return FALSE;
  *shape = i;
  return TRUE;
}

const gchar *
rg_table_status_to_string (RgTableStatus status)
{
  g_return_val_if_fail (status >= RG_TABLE_FREE && status <= RG_TABLE_TO_CLEAN, NULL);
  return table_statuses[status];
}

gboolean
rg_table_status_from_string (const gchar   *text,
                             RgTableStatus *status)
{
  gint i = _rg_service_word_index (table_statuses, text);

  if (i < 0)
    return FALSE;
  *status = i;
  return TRUE;
}

/* -------------------------------------------------------------- objects */

static void
rg_zone_finalize (GObject *object)
{
  RgZone *self = RG_ZONE (object);

  g_free (self->id);
  g_free (self->branch_id);
  g_free (self->name);
  G_OBJECT_CLASS (rg_zone_parent_class)->finalize (object);
}

static void
rg_zone_class_init (RgZoneClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_zone_finalize;
}

static void
rg_zone_init (RgZone *self)
{
}

static void
rg_dining_table_finalize (GObject *object)
{
  RgDiningTable *self = RG_DINING_TABLE (object);

  g_free (self->id);
  g_free (self->branch_id);
  g_free (self->name);
  g_free (self->zone_id);
  g_free (self->zone_name);
  g_strfreev (self->features);
  g_free (self->sort_key);
  G_OBJECT_CLASS (rg_dining_table_parent_class)->finalize (object);
}

static void
rg_dining_table_class_init (RgDiningTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_dining_table_finalize;
}

static void
rg_dining_table_init (RgDiningTable *self)
{
}

static void
rg_table_live_finalize (GObject *object)
{
  RgTableLive *self = RG_TABLE_LIVE (object);

  g_clear_object (&self->table);
  g_free (self->visit_id);
  g_free (self->guest_id);
  g_free (self->guest_name);
  g_free (self->server_id);
  G_OBJECT_CLASS (rg_table_live_parent_class)->finalize (object);
}

static void
rg_table_live_class_init (RgTableLiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_table_live_finalize;
}

static void
rg_table_live_init (RgTableLive *self)
{
}

static void
rg_table_suggestion_finalize (GObject *object)
{
  RgTableSuggestion *self = RG_TABLE_SUGGESTION (object);

  g_clear_object (&self->table);
  g_free (self->reason);
  G_OBJECT_CLASS (rg_table_suggestion_parent_class)->finalize (object);
}

static void
rg_table_suggestion_class_init (RgTableSuggestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_table_suggestion_finalize;
}

static void
rg_table_suggestion_init (RgTableSuggestion *self)
{
}

/* -------------------------------------------------------------- getters */

const gchar *
rg_zone_get_id (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), NULL);
  return self->id;
}

const gchar *
rg_zone_get_branch_id (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), NULL);
  return self->branch_id;
}

const gchar *
rg_zone_get_name (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), NULL);
  return self->name;
}

RgZoneKind
rg_zone_get_kind (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), 0);
  return self->kind;
}

const gchar *
rg_dining_table_get_id (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->id;
}

const gchar *
rg_dining_table_get_branch_id (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->branch_id;
}

const gchar *
rg_dining_table_get_name (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->name;
}

gint
rg_dining_table_get_seats (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->seats;
}

const gchar *
rg_dining_table_get_zone_id (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->zone_id;
}

const gchar *
rg_dining_table_get_zone_name (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->zone_name;
}

RgZoneKind
rg_dining_table_get_zone_kind (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->zone_kind;
}

gdouble
rg_dining_table_get_x (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->x;
}

gdouble
rg_dining_table_get_y (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->y;
}

gdouble
rg_dining_table_get_width (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->width;
}

gdouble
rg_dining_table_get_height (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->height;
}

RgTableShape
rg_dining_table_get_shape (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->shape;
}

const gchar * const *
rg_dining_table_get_features (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return (const gchar * const *) self->features;
}

RgTableStatus
rg_dining_table_get_status (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->status;
}

RgDiningTable *
rg_table_live_get_table (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->table;
}

const gchar *
rg_table_live_get_visit_id (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->visit_id;
}

const gchar *
rg_table_live_get_guest_id (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->guest_id;
}

const gchar *
rg_table_live_get_guest_name (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->guest_name;
}

const gchar *
rg_table_live_get_server_id (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->server_id;
}

gint
rg_table_live_get_party_size (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), 0);
  return self->party_size;
}

gint64
rg_table_live_get_seated_ms (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), 0);
  return self->seated_ms;
}

gint64
rg_table_live_get_check_total (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), 0);
  return self->check_total;
}

RgDiningTable *
rg_table_suggestion_get_table (RgTableSuggestion *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SUGGESTION (self), NULL);
  return self->table;
}

gdouble
rg_table_suggestion_get_score (RgTableSuggestion *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SUGGESTION (self), 0);
  return self->score;
}

const gchar *
rg_table_suggestion_get_reason (RgTableSuggestion *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SUGGESTION (self), NULL);
  return self->reason;
}
