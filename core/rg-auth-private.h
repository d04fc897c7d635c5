/* rg-auth-private.h — what the files of the auth module share.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rg-auth.c holds the roles and their matrix, PINs, unlocking, the lockout
 * and the idle lock; rg-auth-staff.c the staff records and their
 * management.  Each helper writes inside the caller's transaction.
 */
#pragma once

#include "rg-auth.h"

G_BEGIN_DECLS

struct _RgStaff
{
  GObject parent_instance;

  /* owned */
  gchar    *id;
  gchar    *name;

  RgRole    role;
  gboolean  active;
  gboolean  has_pin;
};

/* Disabled staff can neither sign in nor act: FALSE with
 * RG_ERROR_PERMISSION ("Li is disabled and may not @to_do."). */
gboolean _rg_auth_check_active   (RgStaff      *staff,
                                  const gchar  *to_do,
                                  GError      **error);

/* Stores @encoded (rg_auth_hash_pin()) as the staff member's PIN, a synced
 * write. */
gboolean _rg_auth_write_pin_hash (RgDb         *db,
                                  const gchar  *staff_id,
                                  const gchar  *encoded,
                                  GError      **error);

/* Forgets the wrong PINs of @staff_id and any lockout. */
gboolean _rg_auth_clear_lockout  (RgDb         *db,
                                  const gchar  *staff_id,
                                  GError      **error);

G_END_DECLS
