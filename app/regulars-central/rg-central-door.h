/* rg-central-door.h — what the central store checks at its door before a
 * request reaches the data: the small JSON forms of enrolment, read
 * strictly and without json-glib.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 reads text after a first value as a second statement and
 * accepts a lone half of a surrogate pair, leaking memory on both: a
 * hostile enrolment could grow the store's memory without bound.  A form is
 * small and flat, so it is read here by hand instead.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RG_CENTRAL_FORM_MAX_FIELDS  16
#define RG_CENTRAL_FORM_MAX_LENGTH  4096   /* bytes of a whole form */

/**
 * rg_central_door_parse_form:
 * @text: the request body
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Reads a form: exactly one JSON object (RFC 8259) whose members are
 * strings or null, with no name twice, at most
 * %RG_CENTRAL_FORM_MAX_FIELDS members, strings in UTF-8 without NUL and
 * escapes that pair the halves of surrogate pairs, nothing but white space
 * after it.
 *
 * Returns: (transfer full): the string members by name (null members are
 *   left out), or %NULL with %RG_ERROR_INVALID saying what is wrong.
 */
GHashTable *rg_central_door_parse_form (const gchar  *text,
                                        gsize         length,
                                        GError      **error);

G_END_DECLS
