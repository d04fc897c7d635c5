/* rg-guest-fact-private.h — making an RgGuestFact from a row; for rg-prefs.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rg-guest-fact.h"

G_BEGIN_DECLS

/* The columns a fact row has, in this order: id, guest_id, value, detail,
 * note, weight, staff_id, created_ms, updated_hlc, label. */
#define RG_GUEST_FACT_COLUMNS 10

RgGuestFact *_rg_guest_fact_new_from_row (RgFactKind kind, sqlite3_stmt *stmt);

G_END_DECLS
