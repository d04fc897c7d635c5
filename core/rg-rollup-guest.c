/* rg-rollup-guest.c — keeping rollup_guest_pack, the packed twin of
 * rollup_guest_month that the tier pyramid and RFM read (schema version 10).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Closing a check rewrites the one row of its branch, month and the chunk
 * of its guest's number: the guests of that month among 2048 numbers, a
 * kilobyte on the demo's 400 000 guests, 64 KB at most.  A rebuild repacks
 * rollup_guest_month, keeping the numbers guests already have, so that a
 * rebuild gives the same rows as closing the checks.  Entries take 16
 * bytes unless one of the row's figures does not fit (see
 * rg-rollup-guest.h): half the bytes a long report reads.
 */
#include <string.h>

#include "rg-rollup-guest.h"
#include "rg-rollup-private.h"

static void
put_u16 (guint8  *p,
         guint16  value)
{
  value = GUINT16_TO_LE (value);
  memcpy (p, &value, sizeof value);
}

static void
put_u32 (guint8  *p,
         guint32  value)
{
  value = GUINT32_TO_LE (value);
  memcpy (p, &value, sizeof value);
}

static void
put_i64 (guint8 *p,
         gint64  value)
{
  value = GINT64_TO_LE (value);
  memcpy (p, &value, sizeof value);
}

/* Whether @entry fits in 16 bytes after a header of @base_ms. */
static gboolean
fits_compact (const RgRollupGuestEntry *entry,
              gint64                    base_ms)
{
  return entry->visits <= G_MAXUINT16 && entry->spend >= 0 && entry->spend <= G_MAXUINT32 &&
         entry->cost >= 0 && entry->cost <= G_MAXUINT32 && entry->last_ms - base_ms <= G_MAXUINT32;
}

/* Packs @entries (of one chunk, in the order of their numbers) into @pack:
 * 16 bytes each when all of them fit, 32 otherwise. */
static void
encode_pack (const GArray *entries,
             GByteArray   *pack)
{
  const RgRollupGuestEntry *e = (const RgRollupGuestEntry *) (gpointer) entries->data;
  gint64 base_ms = G_MAXINT64;
  gboolean compact = TRUE;
  guint8 *p;

  for (guint i = 0; i < entries->len; i++)
    base_ms = MIN (base_ms, e[i].last_ms);
  for (guint i = 0; i < entries->len && compact; i++)
    compact = fits_compact (&e[i], base_ms);

  g_byte_array_set_size (pack, RG_ROLLUP_GUEST_HEADER_SIZE +
                         entries->len * (compact ? RG_ROLLUP_GUEST_COMPACT_SIZE : RG_ROLLUP_GUEST_WIDE_SIZE));
  p = pack->data;
  put_i64 (p, compact ? base_ms : RG_ROLLUP_GUEST_WIDE);
  p += RG_ROLLUP_GUEST_HEADER_SIZE;
  for (guint i = 0; i < entries->len; i++)
    if (compact)
      {
        put_u16 (p, (guint16) (e[i].number & ((1u << RG_ROLLUP_GUEST_CHUNK_BITS) - 1)));
        put_u16 (p + 2, (guint16) e[i].visits);
        put_u32 (p + 4, (guint32) e[i].spend);
        put_u32 (p + 8, (guint32) e[i].cost);
        put_u32 (p + 12, (guint32) (e[i].last_ms - base_ms));
        p += RG_ROLLUP_GUEST_COMPACT_SIZE;
      }
    else
      {
        put_u32 (p, e[i].number);
        put_u32 (p + 4, e[i].visits);
        put_i64 (p + 8, e[i].spend);
        put_i64 (p + 16, e[i].cost);
        put_i64 (p + 24, e[i].last_ms);
        p += RG_ROLLUP_GUEST_WIDE_SIZE;
      }
}

static gboolean
write_pack (RgDb         *db,
            const gchar  *branch_id,
            const gchar  *month,
            gint64        chunk,
            const guint8 *data,
            gsize         size,
            GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO rollup_guest_pack (branch_id, month, chunk, guests) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (branch_id, month, chunk) DO UPDATE SET guests = excluded.guests", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, chunk);
  sqlite3_bind_blob (stmt, 4, data, (int) size, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the guest tiers of %s", month);
  return TRUE;
}

/* Packs and writes @entries (nothing when there are none), @pack being
 * room for the bytes. */
static gboolean
write_entries (RgDb          *db,
               const gchar   *branch_id,
               const gchar   *month,
               gint64         chunk,
               const GArray  *entries,
               GByteArray    *pack,
               GError       **error)
{
  if (entries->len == 0)
    return TRUE;
  encode_pack (entries, pack);
  return write_pack (db, branch_id, month, chunk, pack->data, pack->len, error);
}

/* The entries of a pack row (none when there is no row). */
static GArray *
read_pack (RgDb         *db,
           const gchar  *branch_id,
           const gchar  *month,
           gint64        chunk,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT guests FROM rollup_guest_pack WHERE branch_id = ?1 AND month = ?2 AND chunk = ?3", error);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (RgRollupGuestEntry));
  RgRollupGuestReader reader;
  RgRollupGuestEntry entry;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, chunk);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      if (!rg_rollup_guest_reader_init (&reader, sqlite3_column_blob (stmt, 0),
                                        (gsize) sqlite3_column_bytes (stmt, 0), chunk))
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "the guest figures of %s are damaged: rebuild the report rollups (regulars-cli rollups rebuild)", month);
          return NULL;
        }
      while (rg_rollup_guest_reader_next (&reader, &entry))
        g_array_append_val (entries, entry);
      return g_steal_pointer (&entries);
    case SQLITE_DONE:
      return g_steal_pointer (&entries);
    default:
      rg_db_set_error (db, error, "reading the guest tiers of %s", month);
      return NULL;
    }
}

/* ------------------------------------------------------------ public API */

/**
 * rg_rollup_guest_reader_init:
 * @reader: (out caller-allocates): the reader to set up
 * @pack: a `guests` value of rollup_guest_pack
 * @size: its size in bytes
 * @chunk: the `chunk` of its row
 *
 * Sets up @reader to read the entries of @pack with
 * rg_rollup_guest_reader_next(); @pack must stay valid meanwhile.
 *
 * Returns: %FALSE when @pack is not a whole number of entries (damaged, or
 *   packed by an older version before its update was finished).
 */
gboolean
rg_rollup_guest_reader_init (RgRollupGuestReader *reader,
                             const guint8        *pack,
                             gsize                size,
                             gint64               chunk)
{
  gint64 header;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (pack == NULL || size < RG_ROLLUP_GUEST_HEADER_SIZE)
    return FALSE;
  memcpy (&header, pack, sizeof header);
  reader->base_ms = GINT64_FROM_LE (header);
  reader->at = pack + RG_ROLLUP_GUEST_HEADER_SIZE;
  reader->end = pack + size;
  reader->first_number = (guint32) chunk << RG_ROLLUP_GUEST_CHUNK_BITS;
  return (size - RG_ROLLUP_GUEST_HEADER_SIZE) %
         (reader->base_ms == RG_ROLLUP_GUEST_WIDE ? RG_ROLLUP_GUEST_WIDE_SIZE : RG_ROLLUP_GUEST_COMPACT_SIZE) == 0;
}

/**
 * rg_rollup_guest_add:
 * @db: a connection inside the transaction that closes the check
 * @branch_id: the visit's branch
 * @month: the local month its party was seated, "YYYY-MM"
 * @guest_id: its host guest
 * @spend: what the check came to, in minor units
 * @cost: the cost of its dishes, in minor units
 * @seated_ms: when the party was seated
 * @error: return location for a #GError
 *
 * Adds one visit to the guest's entry in rollup_guest_pack, as
 * rg_rollup_report_add_visit() adds it to rollup_guest_month, numbering the
 * guest on its first visit.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean
rg_rollup_guest_add (RgDb         *db,
                     const gchar  *branch_id,
                     const gchar  *month,
                     const gchar  *guest_id,
                     gint64        spend,
                     gint64        cost,
                     gint64        seated_ms,
                     GError      **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GByteArray) pack = g_byte_array_new ();
  RgRollupGuestEntry entry = { 0, 1, spend, cost, seated_ms }, *old;
  guint lo = 0, hi;
  gint64 chunk;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (branch_id != NULL && month != NULL && guest_id != NULL, FALSE);

  if (!_rg_rollup_number (db, "rollup_guest_number", "guest_id", "guest", guest_id, &entry.number, error))
    return FALSE;
  chunk = entry.number >> RG_ROLLUP_GUEST_CHUNK_BITS;
  entries = read_pack (db, branch_id, month, chunk, error);
  if (entries == NULL)
    return FALSE;

  hi = entries->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (entries, RgRollupGuestEntry, mid).number < entry.number)
        lo = mid + 1;
      else
        hi = mid;
    }
  old = lo < entries->len ? &g_array_index (entries, RgRollupGuestEntry, lo) : NULL;
  if (old != NULL && old->number == entry.number)
    {
      old->visits += entry.visits;
      old->spend += entry.spend;
      old->cost += entry.cost;
      old->last_ms = MAX (old->last_ms, entry.last_ms);
    }
  else
    g_array_insert_val (entries, lo, entry);
  encode_pack (entries, pack);
  return write_pack (db, branch_id, month, chunk, pack->data, pack->len, error);
}

/**
 * rg_rollup_guest_rebuild:
 * @db: a connection inside a transaction, rollup_guest_month just rebuilt
 * @error: return location for a #GError
 *
 * Repacks rollup_guest_pack from rollup_guest_month, numbering the guests
 * without a number in the order of their ids.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean
rg_rollup_guest_rebuild (RgDb    *db,
                         GError **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (RgRollupGuestEntry));
  g_autoptr(GByteArray) pack = g_byte_array_new ();
  g_autofree gchar *branch_id = NULL;
  g_autofree gchar *month = NULL;
  gint64 chunk = -1;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!rg_db_exec (db, "DELETE FROM rollup_guest_pack; "
                       "INSERT OR IGNORE INTO rollup_guest_number (guest_id) "
                       "SELECT DISTINCT guest_id FROM rollup_guest_month ORDER BY guest_id", error))
    return FALSE;
  stmt = rg_db_prepare (db,
      "SELECT m.branch_id, m.month, n.number, m.visits, m.spend, m.cost, m.last_ms "
      "FROM rollup_guest_month m JOIN rollup_guest_number n ON n.guest_id = m.guest_id "
      "ORDER BY m.branch_id, m.month, n.number", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *row_branch = (const gchar *) sqlite3_column_text (stmt, 0);
      const gchar *row_month = (const gchar *) sqlite3_column_text (stmt, 1);
      RgRollupGuestEntry entry = {
        (guint32) sqlite3_column_int64 (stmt, 2), (guint32) sqlite3_column_int64 (stmt, 3),
        sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 6),
      };

      if (chunk != entry.number >> RG_ROLLUP_GUEST_CHUNK_BITS || g_strcmp0 (month, row_month) != 0 ||
          g_strcmp0 (branch_id, row_branch) != 0)
        {
          if (!write_entries (db, branch_id, month, chunk, entries, pack, error))
            return FALSE;
          g_array_set_size (entries, 0);
          g_free (branch_id);
          branch_id = g_strdup (row_branch);
          g_free (month);
          month = g_strdup (row_month);
          chunk = entry.number >> RG_ROLLUP_GUEST_CHUNK_BITS;
        }
      g_array_append_val (entries, entry);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "packing the guest tiers");
  return write_entries (db, branch_id, month, chunk, entries, pack, error);
}

/**
 * rg_rollup_guest_ensure:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Packs rollup_guest_month once when a database just updated to schema
 * version 10 has figures but no packs yet (rg_rollup_guest_rebuild() in a
 * transaction of its own); does nothing otherwise.
 *
 * Returns: %TRUE on success; %FALSE with a database error, nothing changed.
 */
gboolean
rg_rollup_guest_ensure (RgDb    *db,
                        GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT EXISTS (SELECT 1 FROM rollup_guest_month) AND NOT EXISTS (SELECT 1 FROM rollup_guest_pack)", error);
  g_autoptr(RgTransaction) txn = NULL;
  gboolean missing;

  g_return_val_if_fail (db != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "checking the guest tiers");
  missing = sqlite3_column_int (stmt, 0) != 0;
  rg_stmt_release (g_steal_pointer (&stmt));
  if (!missing)
    return TRUE;

  txn = rg_db_begin (db, error);
  if (txn == NULL || !rg_rollup_guest_rebuild (db, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/**
 * rg_rollup_guest_dup_id:
 * @db: a connection
 * @number: a guest's number in rollup_guest_number
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the guest's id, or %NULL with
 *   %RG_ERROR_NOT_FOUND for a number no guest has, or a database error.
 */
gchar *
rg_rollup_guest_dup_id (RgDb     *db,
                        guint     number,
                        GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT guest_id FROM rollup_guest_number WHERE number = ?", error);

  g_return_val_if_fail (db != NULL, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, number);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
    case SQLITE_DONE:
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "no guest has the report number %u", number);
      return NULL;
    default:
      rg_db_set_error (db, error, "reading the guest of report number %u", number);
      return NULL;
    }
}
