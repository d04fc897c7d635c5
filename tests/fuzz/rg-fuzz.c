/* rg-fuzz.c — helpers shared by the fuzz targets.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-fuzz.h"

#include "rg-guest.h"

void
rg_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

gchar *
rg_fuzz_dup_text (const uint8_t *data,
                  size_t         size)
{
  if (size > RG_FUZZ_MAX_TEXT)
    return NULL;
  return g_strndup ((const gchar *) data, size);
}

RgDb *
rg_fuzz_open_db (void)
{
  g_autoptr(GError) error = NULL;
  RgDb *db = rg_db_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

gchar *
rg_fuzz_add_guest (RgDb        *db,
                   const gchar *name,
                   const gchar *phone,
                   const gchar *card)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) guest = NULL;
  const gchar *phones[] = { phone, NULL };
  RgGuestFields fields = { .name = name };

  guest = rg_guest_add (db, &fields, phones, card, &error);
  g_assert_no_error (error);
  return g_strdup (rg_guest_get_id (guest));
}

gint64
rg_fuzz_query_int (RgDb        *db,
                   const gchar *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (rg_db_get_handle (db)));
  return sqlite3_column_int64 (stmt, 0);
}
