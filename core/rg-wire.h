/* rg-wire.h — the wire format of sync: change rows as JSON, the fixed
 * description of the synced tables, and last-writer-wins.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync client (rg-sync) and the central store (app/regulars-central)
 * both link this file, so what one side writes the other accepts, and both
 * decide which version of a row wins the same way.
 *
 * A change is `{"table": "guest_phone", "row": {"id": …, "updated_hlc": …,
 * "origin": …, "deleted": 0, …every other column…}}`; a batch is
 * `{"changes": [change, …]}`, and a pull answer adds `"cursor"` and `"more"`.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rg-error.h"

G_BEGIN_DECLS

/* Limits of what either side accepts. */
#define RG_WIRE_MAX_BATCH      5000      /* changes in one push or pull */
#define RG_WIRE_MAX_TEXT       65536     /* bytes in one text value */
#define RG_WIRE_MAX_DEPTH      8         /* nesting of objects and arrays */
#define RG_WIRE_MAX_ORIGIN     64        /* bytes in a device id */

typedef enum {
  RG_WIRE_TEXT,
  RG_WIRE_INTEGER,
  RG_WIRE_REAL,
} RgWireType;

/**
 * RgWireColumnFlags:
 * @RG_WIRE_NULLABLE: the value may be null
 * @RG_WIRE_GUEST_REF: the value is a guest id; after a merge it must point
 *   at the surviving guest
 * @RG_WIRE_STICKY: once set, sync never clears it (guest.merged_into: a
 *   merge is final, whichever version of the row wins)
 */
typedef enum {
  RG_WIRE_NULLABLE  = 1 << 0,
  RG_WIRE_GUEST_REF = 1 << 1,
  RG_WIRE_STICKY    = 1 << 2,
} RgWireColumnFlags;

typedef struct
{
  const gchar       *name;
  RgWireType         type;
  RgWireColumnFlags  flags;
} RgWireColumn;

/* A synced table: its columns, the four sync columns (id, updated_hlc,
 * origin, deleted) first. */
typedef struct
{
  const gchar        *name;
  const RgWireColumn *columns;
  guint               n_columns;
} RgWireTable;

/* One value of a change, as read: a JSON null, string, whole number or
 * other number.  A real column may hold a whole number. */
typedef enum {
  RG_WIRE_VALUE_NULL,
  RG_WIRE_VALUE_TEXT,
  RG_WIRE_VALUE_INTEGER,
  RG_WIRE_VALUE_REAL,
} RgWireValueKind;

typedef struct
{
  RgWireValueKind kind;
  union {
    const gchar *text;
    gint64       integer;
    gdouble      real;
  };
} RgWireValue;

/* A validated change: @values holds every column of @table, in the order
 * of its description.  The row as a JsonObject is built only when asked
 * for (rg_wire_change_get_row()): a first sync reads a million rows that
 * go straight to SQLite. */
typedef struct
{
  /* borrowed */
  const RgWireTable *table;
  const gchar       *id;        /* inside @values */
  const gchar       *origin;    /* inside @values */
  const RgWireValue *values;    /* table->n_columns of them, owned by the change */

  /* private */
  JsonObject        *row;       /* use rg_wire_change_get_row() */
  gpointer           storage;

  gint64             updated_hlc;
  gboolean           deleted;
} RgWireChange;

/**
 * rg_wire_get_tables:
 * @n_tables: (out): the number of tables
 *
 * Returns: (transfer none) (array length=n_tables): every synced table, in
 *   an order where a table comes after the tables it refers to.
 */
const RgWireTable *rg_wire_get_tables (guint *n_tables);

/**
 * rg_wire_lookup_table:
 * @name: a table name
 *
 * Returns: (transfer none) (nullable): the synced table @name, or %NULL for
 *   any other name (local_*, rollup_*, setting, sync_outbox, unknown).
 */
const RgWireTable *rg_wire_lookup_table (const gchar *name);

/**
 * rg_wire_table_lookup_column:
 *
 * Returns: (transfer none) (nullable): the column @name of @table.
 */
const RgWireColumn *rg_wire_table_lookup_column (const RgWireTable *table,
                                                 const gchar       *name);

/**
 * rg_wire_compare:
 *
 * Orders two versions of one row: the higher `updated_hlc` wins, and on a
 * tie the higher `origin` in byte order, so every side picks the same one.
 *
 * Returns: < 0 if version a is older than b, 0 if they are the same
 *   version, > 0 if a is newer.
 */
gint rg_wire_compare (gint64       hlc_a,
                      const gchar *origin_a,
                      gint64       hlc_b,
                      const gchar *origin_b);

/**
 * rg_wire_change_new:
 * @table_name: a synced table
 * @row: (transfer none): the row, every column of the table
 * @error: return location for a #GError
 *
 * Validates @row against the description of @table_name: every column
 * present, no other member, the right JSON type, null only where allowed,
 * a UUID id, a device id of at most %RG_WIRE_MAX_ORIGIN bytes, deleted 0 or
 * 1, text of at most %RG_WIRE_MAX_TEXT bytes.
 *
 * Returns: (transfer full): the change (holding a reference to @row), or
 *   %NULL with %RG_ERROR_INVALID naming the table, row and column.
 */
RgWireChange *rg_wire_change_new (const gchar  *table_name,
                                  JsonObject   *row,
                                  GError      **error);

void rg_wire_change_free (RgWireChange *change);

/**
 * rg_wire_change_get_row:
 * @change: a change
 *
 * Builds the row as a JsonObject the first time it is asked for (a cache
 * inside @change, hence the cast of a const change).
 *
 * Returns: (transfer none): the row, every column of the table, in the
 *   order of the table's description
 */
JsonObject *rg_wire_change_get_row (const RgWireChange *change);

/**
 * rg_wire_change_get_value:
 * @change: a change
 * @name: a column of the change's table
 *
 * Returns: (transfer none): the value of the column @name
 */
const RgWireValue *rg_wire_change_get_value (const RgWireChange *change,
                                             const gchar        *name);

/**
 * rg_wire_change_merge:
 * @existing: (nullable): the version held, or %NULL when the row is new
 * @incoming: the version received
 *
 * Last-writer-wins on `(updated_hlc, origin)` (rg_wire_compare()), keeping
 * a sticky column (%RG_WIRE_STICKY) that the winner leaves null from the
 * other version.
 *
 * Returns: (transfer full) (nullable): the row to store, or %NULL when the
 *   held version stays as it is.
 */
JsonObject *rg_wire_change_merge (const RgWireChange *existing,
                                  const RgWireChange *incoming);

/**
 * rg_wire_check_depth:
 * @text: JSON text, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_depth: the deepest nesting allowed
 *
 * Scans @text without building anything, so that hostile input (a million
 * nested brackets) is refused before a recursive parser sees it.
 *
 * Returns: %TRUE when no array or object is nested deeper than @max_depth.
 */
gboolean rg_wire_check_depth (const gchar *text,
                              gsize        length,
                              guint        max_depth);

/**
 * rg_wire_parse_batch:
 * @text: the JSON body `{"changes": […], …}`
 * @length: its length in bytes
 * @cursor: (out) (optional) (transfer full) (nullable): the member "cursor"
 *   of a pull answer, or %NULL
 * @more: (out) (optional): the member "more" of a pull answer
 * @error: return location for a #GError
 *
 * Parses and validates a whole batch; one bad change refuses the batch.
 *
 * Returns: (transfer container) (element-type RgWireChange): the changes,
 *   or %NULL with %RG_ERROR_INVALID saying what is wrong.
 */
GPtrArray *rg_wire_parse_batch (const gchar  *text,
                                gsize         length,
                                gchar       **cursor,
                                gboolean     *more,
                                GError      **error);

/**
 * rg_wire_append_change:
 * @out: the text being built
 * @table_name: a synced table
 * @row_json: the row as JSON text, already validated
 *
 * Appends one change to a batch being written by hand (the central store
 * streams rows it holds as JSON text without parsing them again).
 */
void rg_wire_append_change (GString     *out,
                            const gchar *table_name,
                            const gchar *row_json);

/**
 * rg_wire_build_batch:
 * @changes: (element-type RgWireChange): the changes
 *
 * Returns: (transfer full): `{"changes": […]}` as JSON text.
 */
gchar *rg_wire_build_batch (GPtrArray *changes);

/**
 * rg_wire_row_to_string:
 *
 * Returns: (transfer full): @row as compact JSON text.
 */
gchar *rg_wire_row_to_string (JsonObject *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgWireChange, rg_wire_change_free)

G_END_DECLS
