/* rg-guest-phones.c — a guest's phone numbers and member cards.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A live E.164 number belongs to one guest (the partial unique index on
 * guest_phone.e164); a card number is bound once, ever (member_card.number
 * is unique over revoked cards too), so a lost card cannot find a new
 * holder.
 */
#include "rg-guest-private.h"

#include "rg-branch.h"
#include "rg-card.h"
#include "rg-id.h"
#include "rg-phone.h"

#define NEW_CARD_ATTEMPTS 8

/* ---------------------------------------------------------------- phones */

gchar *
rg_guest_normalize_phone (RgDb         *db,
                          const gchar  *input,
                          GError      **error)
{
  g_autofree gchar *country = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  country = rg_branch_dup_country (db);
  return rg_phone_normalize (input, country, error);
}

/* Fails with RG_ERROR_EXISTS when a guest other than @guest_id holds
 * @e164; sets *@held when @guest_id itself holds it. */
static gboolean
check_phone_free (RgDb         *db,
                  const gchar  *e164,
                  const gchar  *guest_id,
                  gboolean     *held,
                  GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT p.guest_id, g.name FROM guest_phone p JOIN guest g ON g.id = p.guest_id "
      "WHERE p.e164 = ? AND p.deleted = 0", error);
  g_autofree gchar *pretty = NULL;
  int rc;

  *held = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, e164, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "checking the number %s", e164);
  if (guest_id != NULL && g_strcmp0 ((const gchar *) sqlite3_column_text (stmt, 0), guest_id) == 0)
    {
      *held = TRUE;
      return TRUE;
    }

  pretty = rg_phone_format (e164);
  g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "%s already belongs to %s",
               pretty, (const gchar *) sqlite3_column_text (stmt, 1));
  return FALSE;
}

gboolean
_rg_guest_insert_phone (RgDb         *db,
              const gchar  *guest_id,
              const gchar  *e164,
              const gchar  *label,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO guest_phone (id, guest_id, e164, digits_rev, label, updated_hlc, origin) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  g_autofree gchar *id = rg_id_new ();
  g_autofree gchar *reversed = NULL;
  gboolean held;

  if (stmt == NULL || !check_phone_free (db, e164, guest_id, &held, error))
    return FALSE;
  if (held)
    return TRUE;

  reversed = rg_phone_digits_reversed (e164);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, e164, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reversed, -1, SQLITE_STATIC);
  _rg_guest_bind_nullable (stmt, 5, label);
  sqlite3_bind_int64 (stmt, 6, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 7, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "adding the number %s", e164);
  return TRUE;
}

gchar *
rg_guest_add_phone (RgDb         *db,
                    const gchar  *guest_id,
                    const gchar  *phone,
                    const gchar  *label,
                    GError      **error)
{
  g_autofree gchar *id = NULL;
  g_autofree gchar *e164 = NULL;
  g_autofree gchar *clean_label = NULL;
  g_autoptr(RgTransaction) txn = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (guest_id != NULL, NULL);
  g_return_val_if_fail (phone != NULL, NULL);

  if (!_rg_guest_check_optional (label, "the number's label", RG_GUEST_LABEL_MAX, &clean_label, error))
    return NULL;
  e164 = rg_guest_normalize_phone (db, phone, error);
  if (e164 == NULL)
    return NULL;
  id = rg_guest_resolve_id (db, guest_id, error);
  if (id == NULL)
    return NULL;

  txn = rg_db_begin (db, error);
  if (txn == NULL || !_rg_guest_insert_phone (db, id, e164, clean_label, error) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&e164);
}

gboolean
rg_guest_remove_phone (RgDb         *db,
                       const gchar  *guest_id,
                       const gchar  *phone,
                       GError      **error)
{
  g_autofree gchar *id = NULL;
  g_autofree gchar *e164 = NULL;
  g_autofree gchar *pretty = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (guest_id != NULL, FALSE);
  g_return_val_if_fail (phone != NULL, FALSE);

  e164 = rg_guest_normalize_phone (db, phone, error);
  if (e164 == NULL)
    return FALSE;
  id = rg_guest_resolve_id (db, guest_id, error);
  if (id == NULL)
    return FALSE;

  stmt = rg_db_prepare (db,
      "UPDATE guest_phone SET deleted = 1, updated_hlc = ?3, origin = ?4 "
      "WHERE guest_id = ?1 AND e164 = ?2 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, e164, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "removing the number %s", e164);
  if (sqlite3_changes (rg_db_get_handle (db)) > 0)
    return TRUE;

  pretty = rg_phone_format (e164);
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "the guest has no number %s", pretty);
  return FALSE;
}

/* ----------------------------------------------------------------- cards */

/* Fails with RG_ERROR_EXISTS when @number was ever bound. */
static gboolean
check_card_free (RgDb         *db,
                 const gchar  *number,
                 GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT g.name, c.revoked_ms IS NOT NULL FROM member_card c JOIN guest g ON g.id = c.guest_id "
      "WHERE c.number = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "checking card %s", number);

  if (sqlite3_column_int (stmt, 1))
    g_set_error (error, RG_ERROR, RG_ERROR_EXISTS,
                 "card %s was revoked and cannot be used again", number);
  else
    g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "card %s already belongs to %s",
                 number, (const gchar *) sqlite3_column_text (stmt, 0));
  return FALSE;
}

gboolean
_rg_guest_insert_card (RgDb         *db,
             const gchar  *guest_id,
             const gchar  *number,
             GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO member_card (id, guest_id, number, issued_ms, updated_hlc, origin) "
      "VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autofree gchar *id = rg_id_new ();

  if (stmt == NULL || !check_card_free (db, number, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rg_now_ms ());
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "binding card %s", number);
  return TRUE;
}

/* A new card number that was never bound. */
static gchar *
new_card_number (RgDb    *db,
                 GError **error)
{
  for (guint i = 0; i < NEW_CARD_ATTEMPTS; i++)
    {
      g_autofree gchar *number = rg_card_number_new ();
      g_autoptr(GError) local_error = NULL;

      if (check_card_free (db, number, &local_error))
        return g_steal_pointer (&number);
      if (!g_error_matches (local_error, RG_ERROR, RG_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "issuing a card: no free card number was found");
  return NULL;
}

gchar *
rg_guest_bind_card (RgDb         *db,
                    const gchar  *guest_id,
                    const gchar  *card,
                    GError      **error)
{
  g_autofree gchar *id = NULL;
  g_autofree gchar *number = NULL;
  g_autoptr(RgTransaction) txn = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (guest_id != NULL, NULL);

  if (card != NULL && (number = rg_card_number_parse (card, error)) == NULL)
    return NULL;
  id = rg_guest_resolve_id (db, guest_id, error);
  if (id == NULL)
    return NULL;

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return NULL;
  if (number == NULL && (number = new_card_number (db, error)) == NULL)
    return NULL;
  if (!_rg_guest_insert_card (db, id, number, error) || !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&number);
}

gboolean
rg_guest_revoke_card (RgDb         *db,
                      const gchar  *card,
                      GError      **error)
{
  g_autofree gchar *number = NULL;
  g_autoptr(RgStmt) find = NULL;
  g_autoptr(RgStmt) revoke = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (card != NULL, FALSE);

  number = rg_card_number_parse (card, error);
  if (number == NULL)
    return FALSE;

  find = rg_db_prepare (db, "SELECT revoked_ms IS NOT NULL FROM member_card WHERE number = ? AND deleted = 0", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "no guest has card %s", number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "revoking card %s", number);
  if (sqlite3_column_int (find, 0))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "card %s is already revoked", number);
      return FALSE;
    }

  revoke = rg_db_prepare (db,
      "UPDATE member_card SET revoked_ms = ?2, updated_hlc = ?3, origin = ?4 WHERE number = ?1", error);
  if (revoke == NULL)
    return FALSE;
  sqlite3_bind_text (revoke, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (revoke, 2, rg_now_ms ());
  sqlite3_bind_int64 (revoke, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (revoke, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (revoke) != SQLITE_DONE)
    return rg_db_set_error (db, error, "revoking card %s", number);
  return TRUE;
}
