/* rg-guest-private.h — what the files of the guest module share.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rg-guest.c holds the record, its checks, adding and editing;
 * rg-guest-phones.c phone numbers and member cards; rg-guest-index.c the
 * name index; rg-guest-lookup.c and rg-guest-merge.c check what is typed
 * the same way.  Each helper writes inside the caller's transaction.
 */
#pragma once

#include "rg-guest.h"

G_BEGIN_DECLS

/* An optional text: NULL or blank gives *@out = NULL; anything else must
 * pass rg_text_check(). */
gboolean _rg_guest_check_optional (const gchar  *text,
                                   const gchar  *what,
                                   gsize         max_chars,
                                   gchar       **out,
                                   GError      **error);

/* Binds @text, or NULL when @text is NULL. */
void     _rg_guest_bind_nullable  (RgStmt       *stmt,
                                   int           index,
                                   const gchar  *text);

/* Gives @guest_id the number @e164 unless it has it already; fails with
 * RG_ERROR_EXISTS, naming the holder, when another guest has it. */
gboolean _rg_guest_insert_phone   (RgDb         *db,
                                   const gchar  *guest_id,
                                   const gchar  *e164,
                                   const gchar  *label,
                                   GError      **error);

/* Binds the card @number (bare digits) to @guest_id; fails with
 * RG_ERROR_EXISTS when the number was ever bound. */
gboolean _rg_guest_insert_card    (RgDb         *db,
                                   const gchar  *guest_id,
                                   const gchar  *number,
                                   GError      **error);

/* rg_guest_resolve_id() for ids read from the database: *@out is NULL,
 * and no error set, when no live guest has or had @guest_id; FALSE only for
 * a database failure. */
gboolean _rg_guest_resolve_live   (RgDb         *db,
                                   const gchar  *guest_id,
                                   gchar       **out,
                                   GError      **error);

/* rg_guest_index_refresh() without a transaction of its own. */
gboolean _rg_guest_refresh_index  (RgDb         *db,
                                   const gchar  *guest_id,
                                   GError      **error);

G_END_DECLS
