/* rg-audit.c — who looked at or changed what, and when.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-audit.h"

#include "rg-id.h"
#include "rg-text.h"

struct _RgAuditEntry
{
  GObject parent_instance;

  /* owned */
  gchar  *id;
  gchar  *staff_id;
  gchar  *staff_name;
  gchar  *action;
  gchar  *subject;
  gchar  *detail;

  gint64  at_ms;
};

G_DEFINE_FINAL_TYPE (RgAuditEntry, rg_audit_entry, G_TYPE_OBJECT)

/* The columns every listing reads, in this order. */
#define ENTRY_COLUMNS \
  "a.id, a.at_ms, a.staff_id, s.name, a.action, a.subject, a.detail " \
  "FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id AND s.deleted = 0 "

/* ----------------------------------------------------------------- entry */

static void
rg_audit_entry_finalize (GObject *object)
{
  RgAuditEntry *self = RG_AUDIT_ENTRY (object);

  g_free (self->id);
  g_free (self->staff_id);
  g_free (self->staff_name);
  g_free (self->action);
  g_free (self->subject);
  g_free (self->detail);

  G_OBJECT_CLASS (rg_audit_entry_parent_class)->finalize (object);
}

static void
rg_audit_entry_class_init (RgAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_audit_entry_finalize;
}

static void
rg_audit_entry_init (RgAuditEntry *self)
{
}

static gchar *
dup_column (RgStmt *stmt,
            int     column)
{
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, column));
}

static RgAuditEntry *
entry_from_row (RgStmt *stmt)
{
  RgAuditEntry *self = g_object_new (RG_TYPE_AUDIT_ENTRY, NULL);

  self->id = dup_column (stmt, 0);
  self->at_ms = sqlite3_column_int64 (stmt, 1);
  self->staff_id = dup_column (stmt, 2);
  self->staff_name = dup_column (stmt, 3);
  self->action = dup_column (stmt, 4);
  self->subject = dup_column (stmt, 5);
  self->detail = dup_column (stmt, 6);
  return self;
}

const gchar *
rg_audit_entry_get_id (RgAuditEntry *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_ENTRY (self), NULL);
  return self->id;
}

gint64
rg_audit_entry_get_at_ms (RgAuditEntry *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_ENTRY (self), 0);
  return self->at_ms;
}

const gchar *
rg_audit_entry_get_staff_id (RgAuditEntry *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_ENTRY (self), NULL);
  return self->staff_id;
}

const gchar *
rg_audit_entry_get_staff_name (RgAuditEntry *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_ENTRY (self), NULL);
  return self->staff_name;
}

const gchar *
rg_audit_entry_get_action (RgAuditEntry *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

const gchar *
rg_audit_entry_get_subject (RgAuditEntry *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_ENTRY (self), NULL);
  return self->subject;
}

const gchar *
rg_audit_entry_get_detail (RgAuditEntry *self)
{
  g_return_val_if_fail (RG_IS_AUDIT_ENTRY (self), NULL);
  return self->detail;
}

/* ------------------------------------------------------------ public API */

gboolean
rg_audit_log (RgDb         *db,
              const gchar  *staff_id,
              const gchar  *action,
              const gchar  *subject,
              const gchar  *detail,
              GError      **error)
{
  g_autofree gchar *clean_action = NULL;
  g_autofree gchar *clean_staff = NULL;
  g_autofree gchar *clean_subject = NULL;
  g_autofree gchar *clean_detail = NULL;
  g_autofree gchar *id = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gint64 now = rg_now_ms ();

  g_return_val_if_fail (db != NULL, FALSE);

  clean_action = rg_text_check (action, "the audit action", RG_AUDIT_ACTION_MAX, error);
  if (clean_action == NULL ||
      !rg_text_check_optional (staff_id, "the staff id of the audit entry", RG_ID_LEN,
                               &clean_staff, error) ||
      !rg_text_check_optional (subject, "the audit subject", RG_AUDIT_SUBJECT_MAX,
                               &clean_subject, error) ||
      !rg_text_check_optional (detail, "the audit detail", RG_AUDIT_DETAIL_MAX,
                               &clean_detail, error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "INSERT INTO audit_log (id, at_ms, staff_id, action, subject, detail, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;

  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, clean_staff, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean_action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, clean_subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, clean_detail, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 8, rg_db_get_device_id (db), -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "writing the audit entry %s", clean_action);
  return TRUE;
}

GListModel *
rg_audit_list (RgDb         *db,
               const gchar  *subject,
               guint         offset,
               guint         limit,
               GError      **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  /* ?1 IS NULL keeps one statement for both; the index on at_ms serves
   * the newest-first walk.  Entries of the same millisecond keep the order
   * they were written in here (rowid), so pages never overlap. */
  stmt = rg_db_prepare (db,
      "SELECT " ENTRY_COLUMNS
      "WHERE a.deleted = 0 AND (?1 IS NULL OR a.subject = ?1) "
      "ORDER BY a.at_ms DESC, a.rowid DESC LIMIT ?2 OFFSET ?3", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 3, offset);

  store = g_list_store_new (RG_TYPE_AUDIT_ENTRY);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgAuditEntry) entry = entry_from_row (stmt);

      g_list_store_append (store, entry);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the audit log");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gint64
rg_audit_count (RgDb         *db,
                const gchar  *subject,
                GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, -1);

  stmt = rg_db_prepare (db,
      "SELECT count(*) FROM audit_log WHERE deleted = 0 AND (?1 IS NULL OR subject = ?1)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rg_db_set_error (db, error, "counting the audit log");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
