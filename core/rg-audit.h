/* rg-audit.h — who looked at or changed what, and when.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export, erasure, merge and look at a guest's private data leaves
 * one row of audit_log.  The rows sync like any other, so the owner sees
 * the audit of every branch.  Entries are never changed once written.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_AUDIT_ACTION_MAX  64     /* characters */
#define RG_AUDIT_SUBJECT_MAX 200
#define RG_AUDIT_DETAIL_MAX  2000

#define RG_TYPE_AUDIT_ENTRY (rg_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (RgAuditEntry, rg_audit_entry, RG, AUDIT_ENTRY, GObject)

/**
 * rg_audit_entry_get_id:
 *
 * Returns: (transfer none): the entry's id.
 */
const gchar *rg_audit_entry_get_id (RgAuditEntry *self);

/**
 * rg_audit_entry_get_at_ms:
 *
 * Returns: when it was done, in UTC milliseconds.
 */
gint64 rg_audit_entry_get_at_ms (RgAuditEntry *self);

/**
 * rg_audit_entry_get_staff_id:
 *
 * Returns: (transfer none) (nullable): who did it; %NULL for the system
 *   (an import, the sync client).
 */
const gchar *rg_audit_entry_get_staff_id (RgAuditEntry *self);

/**
 * rg_audit_entry_get_staff_name:
 *
 * Returns: (transfer none) (nullable): the staff member's name when
 *   known on this terminal.
 */
const gchar *rg_audit_entry_get_staff_name (RgAuditEntry *self);

/**
 * rg_audit_entry_get_action:
 *
 * Returns: (transfer none): what was done, a short verb phrase such as
 *   "guest.export", "guest.erase", "guest.view".
 */
const gchar *rg_audit_entry_get_action (RgAuditEntry *self);

/**
 * rg_audit_entry_get_subject:
 *
 * Returns: (transfer none) (nullable): what it was done to, usually an id.
 */
const gchar *rg_audit_entry_get_subject (RgAuditEntry *self);

/**
 * rg_audit_entry_get_detail:
 *
 * Returns: (transfer none) (nullable): free text for the reader.
 */
const gchar *rg_audit_entry_get_detail (RgAuditEntry *self);

/**
 * rg_audit_log:
 * @db: the terminal's database
 * @staff_id: (nullable): who did it, or %NULL for the system
 * @action: what was done ("guest.export"); not empty, at most
 *   %RG_AUDIT_ACTION_MAX characters
 * @subject: (nullable): what it was done to, usually an id
 * @detail: (nullable): free text for the reader
 * @error: return location for a #GError
 *
 * Appends an entry stamped with the current time, as a synced row of
 * audit_log.  @staff_id is recorded as given, even when the staff member
 * is not (yet) known on this terminal, so that the audit never fails for
 * want of a synced staff row.
 *
 * Returns: %TRUE when the entry is written; %FALSE with %RG_ERROR_INVALID
 *   for an empty, too long or non-UTF-8 field, or a database error.
 */
gboolean rg_audit_log (RgDb        *db,
                       const gchar *staff_id,
                       const gchar *action,
                       const gchar *subject,
                       const gchar *detail,
                       GError     **error);

/**
 * rg_audit_list:
 * @db: the terminal's database
 * @subject: (nullable): only entries about this subject, or %NULL for all
 * @offset: how many of the newest entries to skip
 * @limit: the most entries to return (a page); 0 means no limit
 * @error: return location for a #GError
 *
 * Lists entries newest first; entries of the same millisecond in the
 * order they reached this terminal, latest first, so pages never overlap.
 *
 * Returns: (transfer full): a #GListModel of #RgAuditEntry, or %NULL with
 *   a database error.
 */
GListModel *rg_audit_list (RgDb        *db,
                           const gchar *subject,
                           guint        offset,
                           guint        limit,
                           GError     **error);

/**
 * rg_audit_count:
 * @db: the terminal's database
 * @subject: (nullable): only entries about this subject, or %NULL for all
 * @error: return location for a #GError
 *
 * Returns: the number of entries, for a pager; -1 with a database error.
 */
gint64 rg_audit_count (RgDb        *db,
                       const gchar *subject,
                       GError     **error);

G_END_DECLS
