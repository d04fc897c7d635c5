/* rg-branch.h — the restaurant's branches and the terminal's own settings:
 * which branch it stands in and which country a phone number without a
 * prefix belongs to.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A branch has a name, unique among live branches, and an IANA time zone in
 * which its reports are bucketed.  The terminal keeps two settings: the
 * `branch_id` of the branch it serves and the `country` (ISO 3166 alpha-2)
 * assumed for phone numbers typed without a country prefix.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_BRANCH_NAME_MAX 80
#define RG_BRANCH_DEFAULT_COUNTRY "CN"

#define RG_TYPE_BRANCH (rg_branch_get_type ())
G_DECLARE_FINAL_TYPE (RgBranch, rg_branch, RG, BRANCH, GObject)

const gchar *rg_branch_get_id   (RgBranch *self);
const gchar *rg_branch_get_name (RgBranch *self);
/* the IANA zone id, "Asia/Shanghai" */
const gchar *rg_branch_get_tz   (RgBranch *self);

/**
 * rg_branch_dup_time_zone:
 * @self: a branch
 *
 * Returns: (transfer full): the branch's time zone.
 */
GTimeZone *rg_branch_dup_time_zone (RgBranch *self);

/**
 * rg_branch_check_tz:
 * @tz: (nullable): what a person typed as a time zone
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @tz is a time zone id the system knows
 *   ("Europe/London", "UTC"); %FALSE with %RG_ERROR_INVALID otherwise.
 */
gboolean rg_branch_check_tz (const gchar *tz, GError **error);

/**
 * rg_branch_add:
 * @db: a connection
 * @name: the branch's name; trimmed, at most %RG_BRANCH_NAME_MAX characters
 * @tz: its IANA time zone
 * @error: return location for a #GError
 *
 * Adds a branch.
 *
 * Returns: (transfer full): the new branch, or %NULL with %RG_ERROR_INVALID
 *   (empty or over-long name, invalid UTF-8, unknown zone) or
 *   %RG_ERROR_EXISTS (a live branch of that name); nothing is written then.
 */
RgBranch *rg_branch_add (RgDb *db, const gchar *name, const gchar *tz, GError **error);

/**
 * rg_branch_set_tz:
 * @db: a connection
 * @branch_id: the branch
 * @tz: its new IANA time zone
 * @error: return location for a #GError
 *
 * Moves a branch to another time zone (reports of days already rolled up
 * keep their buckets until the rollups are rebuilt).
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID for an unknown
 *   zone or %RG_ERROR_NOT_FOUND for an unknown branch.
 */
gboolean rg_branch_set_tz (RgDb *db, const gchar *branch_id, const gchar *tz, GError **error);

/**
 * rg_branch_get:
 * @db: a connection
 * @branch_id: (nullable): a branch id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live branch, or %NULL with
 *   %RG_ERROR_NOT_FOUND.
 */
RgBranch *rg_branch_get (RgDb *db, const gchar *branch_id, GError **error);

/**
 * rg_branch_find_by_name:
 * @db: a connection
 * @name: (nullable): a branch name, compared case-insensitively, trimmed
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live branch of that name, or %NULL with
 *   %RG_ERROR_NOT_FOUND.
 */
RgBranch *rg_branch_find_by_name (RgDb *db, const gchar *name, GError **error);

/**
 * rg_branch_list:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live branches as #RgBranch items, by name,
 *   or %NULL with @error set.
 */
GListModel *rg_branch_list (RgDb *db, GError **error);

/**
 * rg_branch_get_current:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the branch this terminal serves (setting
 *   `branch_id`), or %NULL with %RG_ERROR_NOT_FOUND when the terminal has
 *   not been set up ("run regulars-cli init first").
 */
RgBranch *rg_branch_get_current (RgDb *db, GError **error);

/**
 * rg_branch_set_current:
 * @db: a connection
 * @branch_id: a live branch
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the terminal now serves @branch_id; %FALSE with
 *   %RG_ERROR_NOT_FOUND for an unknown branch.
 */
gboolean rg_branch_set_current (RgDb *db, const gchar *branch_id, GError **error);

/**
 * rg_branch_dup_country:
 * @db: a connection
 *
 * Returns: (transfer full): the terminal's default country for phone
 *   numbers (setting `country`), %RG_BRANCH_DEFAULT_COUNTRY when unset.
 */
gchar *rg_branch_dup_country (RgDb *db);

/**
 * rg_branch_set_country:
 * @db: a connection
 * @country: an ISO 3166 alpha-2 code, in any case ("cn", "US")
 * @error: return location for a #GError
 *
 * Sets the country assumed for phone numbers typed without a prefix.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID when @country is
 *   not a country whose calling code is known.
 */
gboolean rg_branch_set_country (RgDb *db, const gchar *country, GError **error);

/**
 * rg_branch_setup_terminal:
 * @db: a connection
 * @name: (nullable): the branch this terminal serves, made if missing;
 *   %NULL keeps the current one (or makes "Main" on a new terminal)
 * @tz: (nullable): the branch's time zone; %NULL keeps it (or takes the
 *   system's zone, or UTC, for a new branch)
 * @country: (nullable): the default phone country; %NULL keeps it
 * @error: return location for a #GError
 *
 * Sets the terminal up, or changes its set-up: checks every argument
 * first, then in one transaction makes or finds the branch, sets its zone,
 * and stores the settings `branch_id` and `country`.  Running it again with
 * the same arguments changes nothing.
 *
 * Returns: (transfer full): the terminal's branch, or %NULL with
 *   %RG_ERROR_INVALID (bad name, zone or country) and nothing changed.
 */
RgBranch *rg_branch_setup_terminal (RgDb        *db,
                                    const gchar *name,
                                    const gchar *tz,
                                    const gchar *country,
                                    GError     **error);

G_END_DECLS
