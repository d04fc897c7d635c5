/* rg-service-private.h — what the service modules (rg-menu, rg-floor,
 * rg-visit, rg-feedback) share; not part of the public API.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-db.h"
#include "rg-floor.h"

G_BEGIN_DECLS

/* ---------------------------------------------------- in rg-menu.c */

/* Splits a stored word list ("gluten,milk") into a vector; an empty or
 * %NULL list gives an empty vector. */
GStrv _rg_service_split_words (const gchar *joined);

/* The index of @text in the %NULL-terminated @words, compared ignoring
 * ASCII case; -1 when it is not there.  Used to read enums stored as words. */
gint _rg_service_word_index (const gchar * const *words, const gchar *text);

/* A copy of a text column, %NULL for SQL NULL. */
gchar *_rg_service_dup_column (RgStmt *stmt, gint column);

/* --------------------------------------------------- in rg-floor.c */

/* %TRUE if the live row @id exists in @table ("branch", "guest", "staff",
 * "zone"); else %RG_ERROR_NOT_FOUND saying "there is no @what with the id …". */
gboolean _rg_service_check_row (RgDb *db, const gchar *table, const gchar *id, const gchar *what, GError **error);

/* %TRUE if @branch_id is a live branch; else %RG_ERROR_NOT_FOUND. */
gboolean _rg_service_check_branch (RgDb *db, const gchar *branch_id, GError **error);

/* Sets @open to whether a party is seated at the table: an open visit,
 * whatever the table's status says. */
gboolean _rg_floor_has_open_visit (RgDb *db, const gchar *table_id, gboolean *open, GError **error);

/* Writes a table's status, without checking the change. */
gboolean _rg_floor_write_status (RgDb *db, const gchar *table_id, RgTableStatus status, GError **error);

G_END_DECLS
