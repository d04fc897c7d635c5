/* rg-auth.h — staff, their roles and PINs, the lockout after wrong PINs,
 * what each role may do, and when an idle terminal locks.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PIN is 4 to 8 digits.  It is never stored: staff.pin_hash holds
 * "pbkdf2-sha256$ITERATIONS$SALT$HASH" (salt and hash in unpadded base64,
 * 16 and 32 bytes), so the cost can be raised later: a hash made with fewer
 * iterations than %RG_AUTH_PBKDF2_ITERATIONS is remade at the next right
 * PIN.
 *
 * Five wrong PINs in a row lock the staff member out for 30 s on this
 * terminal; every further wrong PIN locks again for twice as long, up to an
 * hour.  A right PIN or a new PIN resets the count.  The count lives in
 * local_staff_lockout, so restarting the app does not reset it.
 *
 * Every guarded core function takes the acting staff id and calls
 * rg_auth_require(); the matrix of roles and permissions is one table in
 * rg-auth.c (DESIGN.md, "Roles").
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_AUTH_NAME_MAX            100      /* characters of a staff name */
#define RG_AUTH_PIN_MIN             4        /* digits */
#define RG_AUTH_PIN_MAX             8
#define RG_AUTH_PBKDF2_ITERATIONS   100000   /* 20–60 ms a check; tests/bench/bench-auth.c */
#define RG_AUTH_MAX_FAILURES        5        /* wrong PINs before the first lockout */
#define RG_AUTH_FIRST_LOCK_MS       (30 * 1000)
#define RG_AUTH_LONGEST_LOCK_MS     (60 * 60 * 1000)
#define RG_AUTH_IDLE_LOCK_DEFAULT   120      /* seconds, setting 'idle_lock_seconds' */

/**
 * RgRole:
 * @RG_ROLE_HOST: looks up and enrols guests, seats them
 * @RG_ROLE_WAITER: runs tables: orders, preferences, feedback
 * @RG_ROLE_MANAGER: all of the above, the menu, the floor plan, voids
 * @RG_ROLE_OWNER: everything
 */
typedef enum
{
  RG_ROLE_HOST,
  RG_ROLE_WAITER,
  RG_ROLE_MANAGER,
  RG_ROLE_OWNER,
} RgRole;

#define RG_N_ROLES (RG_ROLE_OWNER + 1)

/**
 * RgPermission:
 * @RG_PERMISSION_LOOKUP_GUESTS: find guests at the door
 * @RG_PERMISSION_ENROL_GUESTS: add guests, issue and revoke member cards
 * @RG_PERMISSION_SEAT: seat a party
 * @RG_PERMISSION_VIEW_PREFS: see a guest's preferences, allergies and
 *   the suggested dishes
 * @RG_PERMISSION_RUN_TABLES: open and close checks
 * @RG_PERMISSION_TAKE_ORDERS: add order lines
 * @RG_PERMISSION_EDIT_PREFS: note a guest's preferences
 * @RG_PERMISSION_LOG_FEEDBACK: log feedback
 * @RG_PERMISSION_EDIT_MENU: change the menu
 * @RG_PERMISSION_EDIT_FLOOR: change the floor plan
 * @RG_PERMISSION_VOID_LINES: void order lines
 * @RG_PERMISSION_SEE_PHONES: see guests' phone numbers in full (others
 *   see them masked)
 * @RG_PERMISSION_VIEW_REPORTS: read the owner's reports
 * @RG_PERMISSION_EXPORT: export data (CSV, guest segments)
 * @RG_PERMISSION_MANAGE_STAFF: add staff, set their PINs, disable them
 * @RG_PERMISSION_MANAGE_DEVICES: enrol and revoke terminals
 * @RG_PERMISSION_GUEST_DATA: export or erase everything held about a guest
 * @RG_PERMISSION_VIEW_AUDIT: read the audit log
 */
typedef enum
{
  RG_PERMISSION_LOOKUP_GUESTS,
  RG_PERMISSION_ENROL_GUESTS,
  RG_PERMISSION_SEAT,
  RG_PERMISSION_VIEW_PREFS,
  RG_PERMISSION_RUN_TABLES,
  RG_PERMISSION_TAKE_ORDERS,
  RG_PERMISSION_EDIT_PREFS,
  RG_PERMISSION_LOG_FEEDBACK,
  RG_PERMISSION_EDIT_MENU,
  RG_PERMISSION_EDIT_FLOOR,
  RG_PERMISSION_VOID_LINES,
  RG_PERMISSION_SEE_PHONES,
  RG_PERMISSION_VIEW_REPORTS,
  RG_PERMISSION_EXPORT,
  RG_PERMISSION_MANAGE_STAFF,
  RG_PERMISSION_MANAGE_DEVICES,
  RG_PERMISSION_GUEST_DATA,
  RG_PERMISSION_VIEW_AUDIT,
} RgPermission;

#define RG_N_PERMISSIONS (RG_PERMISSION_VIEW_AUDIT + 1)

#define RG_TYPE_STAFF (rg_staff_get_type ())
G_DECLARE_FINAL_TYPE (RgStaff, rg_staff, RG, STAFF, GObject)

const gchar *rg_staff_get_id      (RgStaff *self);   /* never NULL */
const gchar *rg_staff_get_name    (RgStaff *self);   /* never NULL */
RgRole       rg_staff_get_role    (RgStaff *self);
gboolean     rg_staff_get_active  (RgStaff *self);
/* whether a PIN is set: without one the staff member cannot unlock */
gboolean     rg_staff_get_has_pin (RgStaff *self);

/**
 * rg_role_to_string:
 *
 * Returns: (transfer none): "host", "waiter", "manager" or "owner", the
 *   values of staff.role.
 */
const gchar *rg_role_to_string (RgRole role);

/**
 * rg_role_from_string:
 * @text: (nullable): a role as typed, in any case
 * @role: (out): the role
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %RG_ERROR_INVALID for anything but the
 *   four roles.
 */
gboolean rg_role_from_string (const gchar *text, RgRole *role, GError **error);

/**
 * rg_permission_describe:
 *
 * Returns: (transfer none): what @permission allows, as a verb phrase
 *   ("view reports"), for messages.
 */
const gchar *rg_permission_describe (RgPermission permission);

/**
 * rg_auth_role_may:
 * @role: a role
 * @permission: a permission
 *
 * Looks @role and @permission up in the matrix of DESIGN.md.
 *
 * Returns: %TRUE if staff of @role may do what @permission guards.
 */
gboolean rg_auth_role_may (RgRole role, RgPermission permission);

/**
 * rg_auth_may_see_phone:
 * @role: a role
 *
 * Hosts and waiters see guests' numbers masked (rg_phone_mask()); managers
 * and owners see them in full (%RG_PERMISSION_SEE_PHONES).
 *
 * Returns: %TRUE if @role may see full phone numbers.
 */
gboolean rg_auth_may_see_phone (RgRole role);

/**
 * rg_auth_check_pin:
 * @pin: (nullable): a PIN as typed
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @pin is 4 to 8 ASCII digits; %FALSE with
 *   %RG_ERROR_INVALID otherwise ("a PIN is 4 to 8 digits").
 */
gboolean rg_auth_check_pin (const gchar *pin, GError **error);

/**
 * rg_auth_hash_pin:
 * @pin: a PIN as typed
 * @iterations: the PBKDF2 cost; 0 for %RG_AUTH_PBKDF2_ITERATIONS
 * @error: return location for a #GError
 *
 * Salts @pin with 16 random bytes and derives 32 bytes with
 * PBKDF2-HMAC-SHA256.
 *
 * Returns: (transfer full): the encoded hash
 *   ("pbkdf2-sha256$100000$SALT$HASH"), or %NULL with %RG_ERROR_INVALID
 *   for a malformed PIN.
 */
gchar *rg_auth_hash_pin (const gchar *pin, guint iterations, GError **error);

/**
 * rg_auth_verify_pin:
 * @pin: a PIN as typed
 * @encoded: a hash made by rg_auth_hash_pin()
 * @needs_rehash: (out) (optional): set to %TRUE when @encoded was made
 *   with fewer iterations than %RG_AUTH_PBKDF2_ITERATIONS
 *
 * Derives the key of @pin with the salt and cost of @encoded and compares
 * it in constant time.  A malformed @encoded (or a cost outside 1 000 to
 * 10 000 000 iterations) never matches.
 *
 * Returns: %TRUE if @pin is the PIN @encoded was made from.
 */
gboolean rg_auth_verify_pin (const gchar *pin, const gchar *encoded, gboolean *needs_rehash);

/**
 * rg_auth_add_staff:
 * @db: the terminal's database
 * @by_staff_id: (nullable): who adds; must have %RG_PERMISSION_MANAGE_STAFF.
 *   %NULL is accepted only to add an owner while no active owner has a PIN:
 *   that is how `regulars-cli init` (or the first run of the app) makes
 *   the first owner.
 * @name: the name the staff member goes by, unique among staff
 * @role: their role
 * @pin: (nullable): their PIN, or %NULL to set one later
 * @error: return location for a #GError
 *
 * Adds a staff member (a synced row) and audits it ("staff.add").
 *
 * Returns: (transfer full): the staff member, or %NULL with
 *   %RG_ERROR_INVALID (bad name or PIN), %RG_ERROR_EXISTS (the name is
 *   taken), %RG_ERROR_PERMISSION or %RG_ERROR_NOT_FOUND (unknown
 *   @by_staff_id); the database is unchanged.
 */
RgStaff *rg_auth_add_staff (RgDb        *db,
                            const gchar *by_staff_id,
                            const gchar *name,
                            RgRole       role,
                            const gchar *pin,
                            GError     **error);

/**
 * rg_auth_set_pin:
 * @db: the terminal's database
 * @by_staff_id: (nullable): who sets it: the staff member themself (after
 *   unlocking), someone with %RG_PERMISSION_MANAGE_STAFF, or %NULL for an
 *   owner's PIN while no active owner has one
 * @staff_id: whose PIN to set
 * @pin: the new PIN
 * @error: return location for a #GError
 *
 * Sets a PIN, clears the staff member's lockout, and audits it
 * ("staff.pin").
 *
 * Returns: %TRUE, or %FALSE with %RG_ERROR_INVALID (malformed PIN),
 *   %RG_ERROR_NOT_FOUND or %RG_ERROR_PERMISSION; the database unchanged.
 */
gboolean rg_auth_set_pin (RgDb        *db,
                          const gchar *by_staff_id,
                          const gchar *staff_id,
                          const gchar *pin,
                          GError     **error);

/**
 * rg_auth_disable_staff:
 * @db: the terminal's database
 * @by_staff_id: who disables; must have %RG_PERMISSION_MANAGE_STAFF
 * @staff_id: whom to disable
 * @error: return location for a #GError
 *
 * Disables a staff member: they can no longer unlock nor act.  The last
 * active owner cannot be disabled.  Audited ("staff.disable").
 *
 * Returns: %TRUE, or %FALSE with %RG_ERROR_NOT_FOUND, %RG_ERROR_PERMISSION
 *   or %RG_ERROR_INVALID (already disabled, the last owner).
 */
gboolean rg_auth_disable_staff (RgDb        *db,
                                const gchar *by_staff_id,
                                const gchar *staff_id,
                                GError     **error);

/**
 * rg_auth_get_staff:
 * @db: the terminal's database
 * @staff_id: a staff id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the staff member (active or not), or %NULL
 *   with %RG_ERROR_NOT_FOUND.
 */
RgStaff *rg_auth_get_staff (RgDb *db, const gchar *staff_id, GError **error);

/**
 * rg_auth_find_staff:
 * @db: the terminal's database
 * @name: a staff name as typed (case and accents matter)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the staff member of that name, or %NULL with
 *   %RG_ERROR_NOT_FOUND.
 */
RgStaff *rg_auth_find_staff (RgDb *db, const gchar *name, GError **error);

/**
 * rg_auth_list_staff:
 * @db: the terminal's database
 * @include_inactive: whether to list disabled staff too
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgStaff in name order, or
 *   %NULL with a database error.
 */
GListModel *rg_auth_list_staff (RgDb *db, gboolean include_inactive, GError **error);

/**
 * rg_auth_unlock:
 * @db: the terminal's database
 * @staff_id: who is unlocking
 * @pin: the PIN they typed
 * @error: return location for a #GError
 *
 * Checks a PIN (10 to 100 ms of key derivation) and hands the terminal to
 * the staff member.  Every try is audited ("auth.login" or
 * "auth.login_failed"), and a lockout too ("auth.lockout").
 *
 * Returns: (transfer full): the staff member, or %NULL with
 *   %RG_ERROR_INVALID (not 4 to 8 digits: not counted as a try),
 *   %RG_ERROR_NOT_FOUND (unknown staff), %RG_ERROR_LOCKED ("Li is locked
 *   out after 5 wrong PINs: try again in 30 seconds"), or
 *   %RG_ERROR_PERMISSION (wrong PIN, no PIN set, disabled).
 */
RgStaff *rg_auth_unlock (RgDb *db, const gchar *staff_id, const gchar *pin, GError **error);

/**
 * rg_auth_lock_remaining_ms:
 * @db: the terminal's database
 * @staff_id: a staff id
 *
 * Returns: how long @staff_id stays locked out, in milliseconds; 0 when
 *   they may try a PIN now.
 */
gint64 rg_auth_lock_remaining_ms (RgDb *db, const gchar *staff_id);

/**
 * rg_auth_require:
 * @db: the terminal's database
 * @staff_id: (nullable): the staff member acting, %NULL when nobody is
 *   signed in
 * @permission: what they want to do
 * @error: return location for a #GError
 *
 * The guard of every protected core function.
 *
 * Returns: %TRUE if @staff_id is an active staff member whose role has
 *   @permission; %FALSE with %RG_ERROR_PERMISSION ("Waiter Li may not view
 *   reports", "nobody is signed in", a disabled staff member) or
 *   %RG_ERROR_NOT_FOUND (unknown staff id).
 */
gboolean rg_auth_require (RgDb         *db,
                          const gchar  *staff_id,
                          RgPermission  permission,
                          GError      **error);

/**
 * rg_auth_get_idle_lock_ms:
 * @db: the terminal's database
 *
 * Returns: how long a terminal may sit idle before it locks: the setting
 *   'idle_lock_seconds' (10 to 86400), %RG_AUTH_IDLE_LOCK_DEFAULT seconds
 *   when unset or not a number in that range; in milliseconds.
 */
gint64 rg_auth_get_idle_lock_ms (RgDb *db);

/**
 * rg_auth_idle_remaining_ms:
 * @last_activity_ms: when the staff member last touched the terminal
 * @now_ms: now, on the same clock (a monotonic one is best)
 * @idle_lock_ms: rg_auth_get_idle_lock_ms()
 *
 * Decides when an idle terminal locks.  A clock that went backwards
 * (@now_ms before @last_activity_ms) counts as activity just now.
 *
 * Returns: the milliseconds left before the terminal must lock; 0 means
 *   lock now.
 */
gint64 rg_auth_idle_remaining_ms (gint64 last_activity_ms,
                                  gint64 now_ms,
                                  gint64 idle_lock_ms);

G_END_DECLS
