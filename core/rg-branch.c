/* rg-branch.c — branches, their time zones, and the terminal's settings.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-branch.h"

#include <string.h>

#include "rg-id.h"
#include "rg-phone.h"
#include "rg-text.h"

#define TZ_MAX 64
#define DEFAULT_BRANCH_NAME "Main"

struct _RgBranch
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *name;
  gchar *tz;
};

G_DEFINE_FINAL_TYPE (RgBranch, rg_branch, G_TYPE_OBJECT)

/* --------------------------------------------------------------- helpers */

static RgBranch *
branch_new (const gchar *id,
            const gchar *name,
            const gchar *tz)
{
  RgBranch *self = g_object_new (RG_TYPE_BRANCH, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->tz = g_strdup (tz);
  return self;
}

static RgBranch *
branch_from_row (RgStmt *stmt)
{
  return branch_new ((const gchar *) sqlite3_column_text (stmt, 0),
                     (const gchar *) sqlite3_column_text (stmt, 1),
                     (const gchar *) sqlite3_column_text (stmt, 2));
}

/* Steps @stmt, which selects id, name, tz of at most one branch. */
static RgBranch *
fetch_one (RgDb         *db,
           RgStmt       *stmt,
           const gchar  *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return branch_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "There is no branch %s.", what);
  else
    rg_db_set_error (db, error, "reading the branch %s", what);
  return NULL;
}

/* The system's zone when it has an IANA name, else UTC. */
static gchar *
dup_system_tz (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const gchar *id = g_time_zone_get_identifier (local);

  if (rg_branch_check_tz (id, NULL))
    return g_strdup (id);
  return g_strdup ("UTC");
}

/* Upper-cases @country and checks that its calling code is known. */
static gchar *
check_country (const gchar  *country,
               GError      **error)
{
  g_autofree gchar *code = NULL;

  if (country == NULL || !g_utf8_validate (country, -1, NULL) || strlen (country) != 2)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The country must be a two-letter code such as CN, US or GB.");
      return NULL;
    }
  code = g_ascii_strup (country, -1);
  if (rg_phone_country_code (code) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "'%s' is not a country whose phone numbers Regulars knows.", country);
      return NULL;
    }
  return g_steal_pointer (&code);
}

static gboolean
update_tz (RgDb         *db,
           const gchar  *branch_id,
           const gchar  *tz,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "UPDATE branch SET tz = ?2, updated_hlc = ?3, origin = ?4 "
      "WHERE id = ?1 AND deleted = 0 AND tz <> ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tz, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "changing the time zone of the branch");
  return TRUE;
}

/* Finds the branch called @name, or makes it in @tz (or the system's zone). */
static RgBranch *
find_or_add (RgDb         *db,
             const gchar  *name,
             const gchar  *tz,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *system_tz = NULL;
  RgBranch *branch = rg_branch_find_by_name (db, name, &local_error);

  if (branch != NULL)
    return branch;
  if (!g_error_matches (local_error, RG_ERROR, RG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (tz == NULL)
    tz = system_tz = dup_system_tz ();
  return rg_branch_add (db, name, tz, error);
}

/* ------------------------------------------------------------- overrides */

static void
rg_branch_finalize (GObject *object)
{
  RgBranch *self = RG_BRANCH (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->tz);

  G_OBJECT_CLASS (rg_branch_parent_class)->finalize (object);
}

static void
rg_branch_class_init (RgBranchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_branch_finalize;
}

static void
rg_branch_init (RgBranch *self)
{
}

/* ------------------------------------------------------------ public API */

const gchar *
rg_branch_get_id (RgBranch *self)
{
  g_return_val_if_fail (RG_IS_BRANCH (self), NULL);
  return self->id;
}

const gchar *
rg_branch_get_name (RgBranch *self)
{
  g_return_val_if_fail (RG_IS_BRANCH (self), NULL);
  return self->name;
}

const gchar *
rg_branch_get_tz (RgBranch *self)
{
  g_return_val_if_fail (RG_IS_BRANCH (self), NULL);
  return self->tz;
}

GTimeZone *
rg_branch_dup_time_zone (RgBranch *self)
{
  GTimeZone *zone;

  g_return_val_if_fail (RG_IS_BRANCH (self), NULL);

  /* A zone stored by another terminal may be unknown here: fall back to UTC
   * rather than fail a report. */
  zone = g_time_zone_new_identifier (self->tz);
  return zone != NULL ? zone : g_time_zone_new_utc ();
}

gboolean
rg_branch_check_tz (const gchar  *tz,
                    GError      **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  gboolean well_formed;

  well_formed = tz != NULL && *tz != '\0' && strlen (tz) <= TZ_MAX &&
                g_ascii_isalpha (tz[0]) && strstr (tz, "..") == NULL &&
                strspn (tz, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                            "0123456789/_+-") == strlen (tz);
  if (well_formed)
    zone = g_time_zone_new_identifier (tz);
  if (zone == NULL)
    {
      g_autofree gchar *shown = tz != NULL && g_utf8_validate (tz, -1, NULL)
                                ? g_strdup (tz) : g_strdup ("(unreadable text)");

      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "'%s' is not a time zone; use a name such as Asia/Shanghai or Europe/London.",
                   shown);
      return FALSE;
    }
  return TRUE;
}

RgBranch *
rg_branch_add (RgDb         *db,
               const gchar  *name,
               const gchar  *tz,
               GError      **error)
{
  g_autofree gchar *clean = NULL;
  g_autofree gchar *id = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  clean = rg_text_check (name, "the branch's name", RG_BRANCH_NAME_MAX, error);
  if (clean == NULL || !rg_branch_check_tz (tz, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "INSERT INTO branch (id, name, tz, updated_hlc, origin) "
      "SELECT ?1, ?2, ?3, ?4, ?5 "
      "WHERE NOT EXISTS (SELECT 1 FROM branch WHERE deleted = 0 AND name = ?2 COLLATE NOCASE)",
      error);
  if (stmt == NULL)
    return NULL;

  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tz, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 5, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "adding the branch %s", clean);
      return NULL;
    }
  if (sqlite3_changes (rg_db_get_handle (db)) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "There is already a branch called %s.", clean);
      return NULL;
    }
  return branch_new (id, clean, tz);
}

gboolean
rg_branch_set_tz (RgDb         *db,
                  const gchar  *branch_id,
                  const gchar  *tz,
                  GError      **error)
{
  g_autoptr(RgBranch) branch = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!rg_branch_check_tz (tz, error))
    return FALSE;
  branch = rg_branch_get (db, branch_id, error);
  if (branch == NULL)
    return FALSE;
  return update_tz (db, branch_id, tz, error);
}

RgBranch *
rg_branch_get (RgDb         *db,
               const gchar  *branch_id,
               GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (branch_id == NULL || !g_utf8_validate (branch_id, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "There is no such branch.");
      return NULL;
    }
  stmt = rg_db_prepare (db, "SELECT id, name, tz FROM branch WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  return fetch_one (db, stmt, branch_id, error);
}

RgBranch *
rg_branch_find_by_name (RgDb         *db,
                        const gchar  *name,
                        GError      **error)
{
  g_autofree gchar *clean = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  clean = rg_text_check (name, "the branch's name", RG_BRANCH_NAME_MAX, error);
  if (clean == NULL)
    return NULL;
  stmt = rg_db_prepare (db,
      "SELECT id, name, tz FROM branch WHERE name = ? COLLATE NOCASE AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  return fetch_one (db, stmt, clean, error);
}

GListModel *
rg_branch_list (RgDb    *db,
                GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_BRANCH);
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = rg_db_prepare (db, "SELECT id, name, tz FROM branch WHERE deleted = 0 ORDER BY name, id",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgBranch) branch = branch_from_row (stmt);

      g_list_store_append (store, branch);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "listing the branches");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

RgBranch *
rg_branch_get_current (RgDb    *db,
                       GError **error)
{
  g_autofree gchar *id = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  id = rg_db_dup_setting (db, "branch_id");
  if (id == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND,
                   "This terminal serves no branch yet; set it up first (regulars-cli init).");
      return NULL;
    }
  return rg_branch_get (db, id, error);
}

gboolean
rg_branch_set_current (RgDb         *db,
                       const gchar  *branch_id,
                       GError      **error)
{
  g_autoptr(RgBranch) branch = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  branch = rg_branch_get (db, branch_id, error);
  if (branch == NULL)
    return FALSE;
  return rg_db_set_setting (db, "branch_id", branch->id, error);
}

gchar *
rg_branch_dup_country (RgDb *db)
{
  gchar *country;

  g_return_val_if_fail (db != NULL, NULL);

  country = rg_db_dup_setting (db, "country");
  return country != NULL ? country : g_strdup (RG_BRANCH_DEFAULT_COUNTRY);
}

gboolean
rg_branch_set_country (RgDb         *db,
                       const gchar  *country,
                       GError      **error)
{
  g_autofree gchar *code = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  code = check_country (country, error);
  if (code == NULL)
    return FALSE;
  return rg_db_set_setting (db, "country", code, error);
}

RgBranch *
rg_branch_setup_terminal (RgDb         *db,
                          const gchar  *name,
                          const gchar  *tz,
                          const gchar  *country,
                          GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autofree gchar *code = NULL;
  g_autofree gchar *country_now = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  /* The transaction undoes a half-done set-up; checking the zone and the
   * country first spares it in the common mistakes. */
  if (tz != NULL && !rg_branch_check_tz (tz, error))
    return NULL;
  if (country != NULL && (code = check_country (country, error)) == NULL)
    return NULL;

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return NULL;

  if (name != NULL)
    branch = find_or_add (db, name, tz, error);
  else
    {
      g_autoptr(GError) local_error = NULL;

      branch = rg_branch_get_current (db, &local_error);
      if (branch == NULL && !g_error_matches (local_error, RG_ERROR, RG_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (branch == NULL)
        branch = find_or_add (db, DEFAULT_BRANCH_NAME, tz, error);
    }
  if (branch == NULL)
    return NULL;

  if (tz != NULL && strcmp (tz, branch->tz) != 0)
    {
      if (!update_tz (db, branch->id, tz, error))
        return NULL;
      g_free (branch->tz);
      branch->tz = g_strdup (tz);
    }

  country_now = rg_db_dup_setting (db, "country");
  if (code == NULL && country_now == NULL)
    code = g_strdup (RG_BRANCH_DEFAULT_COUNTRY);
  if (code != NULL && !rg_db_set_setting (db, "country", code, error))
    return NULL;
  if (!rg_db_set_setting (db, "branch_id", branch->id, error))
    return NULL;

  if (!rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&branch);
}
