/* rg-error.c — the Regulars error domain.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-error.h"

G_DEFINE_QUARK (rg-error-quark, rg_error)

int
rg_error_exit_status (const GError *error)
{
  if (error == NULL)
    return 0;
  if (error->domain != RG_ERROR)
    return 3;

  switch ((RgError) error->code)
    {
    case RG_ERROR_NOT_FOUND:
      return 1;
    case RG_ERROR_INVALID:
    case RG_ERROR_EXISTS:
    case RG_ERROR_PERMISSION:
    case RG_ERROR_LOCKED:
    case RG_ERROR_ALLERGEN:
      return 2;
    case RG_ERROR_BUSY:
    case RG_ERROR_READONLY:
    case RG_ERROR_FULL:
    case RG_ERROR_CORRUPT:
    case RG_ERROR_DB:
    case RG_ERROR_IO:
    case RG_ERROR_NETWORK:
    case RG_ERROR_TLS:
    default:
      return 3;
    }
}
