/* rg-id.h — ids made offline: UUIDv7, time-ordered and unique across terminals.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RG_ID_LEN 36

/**
 * rg_id_new:
 *
 * Makes a new UUIDv7: 48 bits of Unix milliseconds then 74 random bits,
 * so ids sort by creation time and two terminals never make the same one.
 *
 * Returns: (transfer full): the id as 36 lower-case characters.
 */
gchar *rg_id_new (void);

/**
 * rg_id_is_valid:
 * @text: (nullable): a string to check
 *
 * Returns: %TRUE if @text has the textual form of a UUID.
 */
gboolean rg_id_is_valid (const gchar *text);

/**
 * rg_now_ms:
 *
 * Returns: the wall clock in UTC milliseconds since the Unix epoch.
 */
gint64 rg_now_ms (void);

G_END_DECLS
