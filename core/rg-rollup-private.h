/* rg-rollup-private.h — what the rollup files share.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-db.h"

G_BEGIN_DECLS

/* The small number of @id in a numbering table (rollup_guest_number,
 * rollup_item_number: `@key_column TEXT` and an INTEGER PRIMARY KEY
 * `number`), given on first use; @what names it in an error ("guest",
 * "dish"). */
gboolean _rg_rollup_number (RgDb         *db,
                            const gchar  *table,
                            const gchar  *key_column,
                            const gchar  *what,
                            const gchar  *id,
                            guint32      *number,
                            GError      **error);

G_END_DECLS
