/* fuzz-name.c — fuzz target: name search (rg-text folding and the FTS5
 * name index behind rg-guest-lookup).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what a host typed in the search field.  One database in
 * memory with a few guests is made per process; for every input:
 *  - folding gives valid UTF-8 tokens separated by single spaces;
 *  - the folded query, run as it is through FTS5 MATCH, is never a syntax
 *    error, even for text the lookup itself would refuse (control
 *    characters, overlong);
 *  - a lookup (by name, and of any kind) finds guests or refuses the text
 *    with RG_ERROR_INVALID, never a database error;
 *  - a guest enrolled under the input as its name is then found by that
 *    same text (in a transaction rolled back afterwards).
 */
#include <string.h>

#include "rg-fuzz.h"
#include "rg-guest.h"
#include "rg-guest-lookup.h"
#include "rg-text.h"

#define PAGE 5

static RgDb *
shared_db (void)
{
  /* libFuzzer's entry point has no user data: the database lives as long
   * as the process. */
  static RgDb *db;

  if (db == NULL)
    {
      db = rg_fuzz_open_db ();
      g_free (rg_fuzz_add_guest (db, "Zoë Chen", "+86 138 0013 8000", NULL));
      g_free (rg_fuzz_add_guest (db, "张伟", "13900139000", NULL));
      g_free (rg_fuzz_add_guest (db, "Seán O'Brien-Smith", "+44 20 7946 0018", NULL));
      g_free (rg_fuzz_add_guest (db, "Ng Mei Ling 吴美玲", NULL, NULL));
      g_free (rg_fuzz_add_guest (db, "Ахмед \"AJ\" Али", "+1 415 555 0132", NULL));
    }
  return db;
}

static void
check_tokens (const gchar *text)
{
  g_autofree gchar *tokens = rg_text_fold_tokens (text);
  gsize len = strlen (tokens);

  g_assert_true (g_utf8_validate (tokens, -1, NULL));
  g_assert_null (strstr (tokens, "  "));
  g_assert_true (len == 0 || (tokens[0] != ' ' && tokens[len - 1] != ' '));
}

static void
check_match (RgDb        *db,
             const gchar *match)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT count(*) FROM guest_name_fts WHERE guest_name_fts MATCH ?1", &error);
  int rc;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("FTS5 refused the query %s: %s", match, sqlite3_errmsg (rg_db_get_handle (db)));
}

/* Either a list of live guests, or a refusal of the text. */
static void
check_lookup (GListModel *matches,
              GError     *error)
{
  if (matches == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (matches), <=, PAGE);
  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(RgGuestMatch) match = g_list_model_get_item (matches, i);

      g_assert_nonnull (rg_guest_match_get_guest_id (match));
      g_assert_true (g_utf8_validate (rg_guest_match_get_name (match), -1, NULL));
    }
}

/* A guest enrolled as @text is found by @text. */
static void
check_finds_itself (RgDb        *db,
                    const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTransaction) txn = rg_db_begin (db, &error);
  g_autoptr(RgGuest) guest = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(RgGuestMatch) first = NULL;
  g_autofree gchar *match = rg_text_fold_query (text);
  RgGuestFields fields = { .name = text };

  g_assert_no_error (error);
  g_assert_nonnull (txn);   /* rolled back when it goes out of scope */
  guest = rg_guest_add (db, &fields, NULL, NULL, &error);
  if (guest == NULL || match == NULL)
    return;
  found = rg_guest_lookup_name (db, text, 0, 1, &error);
  if (found == NULL)
    {
      g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
      return;
    }
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  first = g_list_model_get_item (found, 0);
  g_assert_cmpstr (rg_guest_match_get_guest_id (first), ==, rg_guest_get_id (guest));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rg_fuzz_init ();
  shared_db ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree gchar *text = rg_fuzz_dup_text (data, size);
  g_autofree gchar *match = NULL;
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) any_error = NULL;
  g_autoptr(GListModel) by_name = NULL;
  g_autoptr(GListModel) by_any = NULL;
  RgDb *db = shared_db ();

  if (text == NULL)
    return 0;

  by_name = rg_guest_lookup_name (db, text, 0, PAGE, &name_error);
  check_lookup (by_name, name_error);
  by_any = rg_guest_lookup (db, text, 0, PAGE, &any_error);
  check_lookup (by_any, any_error);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_assert_null (rg_text_fold_query (text));
      return 0;
    }
  check_tokens (text);
  match = rg_text_fold_query (text);
  if (match != NULL)
    check_match (db, match);
  check_finds_itself (db, text);
  return 0;
}
