/* rg-session.h — what the UI holds: the database, the branch this terminal
 * serves and the staff member at it.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session is made once by the app (or by a test) and handed to the window
 * as a construct-only property; nothing in the UI reaches the database any
 * other way.  The staff id stays %NULL until someone unlocks the terminal
 * (rg_auth_unlock()).
 */
#pragma once

#include <glib-object.h>

#include "rg-auth.h"
#include "rg-db.h"

G_BEGIN_DECLS

#define RG_TYPE_SESSION (rg_session_get_type ())
G_DECLARE_FINAL_TYPE (RgSession, rg_session, RG, SESSION, GObject)

/**
 * rg_session_new:
 * @db: (transfer full): an open connection; the session closes it
 * @branch_id: (nullable): the branch this terminal serves, or %NULL while
 *   the database has none
 * @staff_id: (nullable): the staff member at the terminal, or %NULL
 *
 * Returns: (transfer full): a new session.
 */
RgSession   *rg_session_new           (RgDb        *db,
                                       const gchar *branch_id,
                                       const gchar *staff_id);

/**
 * rg_session_get_db:
 *
 * Returns: (transfer none): the session's connection, for the main thread
 *   only; a worker thread opens its own with rg_db_open() on
 *   rg_db_get_path().
 */
RgDb        *rg_session_get_db        (RgSession   *self);

/**
 * rg_session_get_branch_id:
 *
 * Returns: (transfer none) (nullable): the current branch's id.
 */
const gchar *rg_session_get_branch_id (RgSession   *self);

/**
 * rg_session_set_branch_id:
 * @branch_id: (nullable): the branch to serve from now on
 *
 * Changes the current branch and notifies #RgSession:branch-id.
 */
void         rg_session_set_branch_id (RgSession   *self,
                                       const gchar *branch_id);

/**
 * rg_session_get_staff_id:
 *
 * Returns: (transfer none) (nullable): the id of the staff member at the
 *   terminal, or %NULL when nobody is signed in.
 */
const gchar *rg_session_get_staff_id  (RgSession   *self);

/**
 * rg_session_set_staff_id:
 * @staff_id: (nullable): who is at the terminal now, or %NULL to sign out
 *
 * Changes the current staff member and notifies #RgSession:staff-id.
 */
void         rg_session_set_staff_id  (RgSession   *self,
                                       const gchar *staff_id);

/**
 * rg_session_may:
 * @self: a session
 * @permission: what the UI is about to offer
 *
 * Whether the staff member at the terminal may do @permission (see
 * rg_auth_require()); %FALSE when nobody is signed in.  For showing or
 * hiding things; the core functions check again.
 *
 * Returns: %TRUE if the current staff member's role allows @permission.
 */
gboolean     rg_session_may           (RgSession    *self,
                                       RgPermission  permission);

G_END_DECLS
