/* rg-error.h — the one error domain of the Regulars core.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RG_ERROR (rg_error_quark ())

/**
 * RgError:
 * @RG_ERROR_INVALID: the input is malformed (a bad phone, an empty name…)
 * @RG_ERROR_NOT_FOUND: nothing matches the id or query
 * @RG_ERROR_EXISTS: the thing would duplicate one that exists
 * @RG_ERROR_PERMISSION: the current staff member may not do this
 * @RG_ERROR_LOCKED: a staff member is locked out after wrong PINs
 * @RG_ERROR_ALLERGEN: the item contains an allergen of someone at the
 *   table; adding it needs an explicit confirmation
 * @RG_ERROR_BUSY: the database is locked by another program
 * @RG_ERROR_READONLY: the database file cannot be written
 * @RG_ERROR_FULL: the disk is full
 * @RG_ERROR_CORRUPT: the file is not a Regulars database or is damaged
 * @RG_ERROR_DB: any other database failure
 * @RG_ERROR_IO: a file could not be read or written
 * @RG_ERROR_NETWORK: the central store could not be reached
 * @RG_ERROR_TLS: the central store's certificate was refused
 *
 * Every failure the core reports carries one of these codes and a message
 * that a person at the restaurant can understand.
 */
typedef enum {
  RG_ERROR_INVALID,
  RG_ERROR_NOT_FOUND,
  RG_ERROR_EXISTS,
  RG_ERROR_PERMISSION,
  RG_ERROR_LOCKED,
  RG_ERROR_ALLERGEN,
  RG_ERROR_BUSY,
  RG_ERROR_READONLY,
  RG_ERROR_FULL,
  RG_ERROR_CORRUPT,
  RG_ERROR_DB,
  RG_ERROR_IO,
  RG_ERROR_NETWORK,
  RG_ERROR_TLS,
} RgError;

GQuark rg_error_quark (void);

/**
 * rg_error_exit_status:
 * @error: (nullable): a failure, or %NULL for success
 *
 * Returns: the exit status the command-line tools use for @error:
 *   0 success, 1 nothing found, 2 bad input or usage, 3 database or I/O.
 */
int rg_error_exit_status (const GError *error);

G_END_DECLS
