/* check-text.c — checking, folding and the search expressions of rg-text.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-text.h"

/* ----------------------------------------------------------------- check */

START_TEST (test_check_trims_and_composes)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *plain = rg_text_check ("  Li Wei \n", "the name", 50, &error);
  g_autofree gchar *wide = rg_text_check ("\u3000张伟\u00a0", "the name", 50, NULL);
  g_autofree gchar *zoe = rg_text_check ("Zoe\u0308", "the name", 50, NULL);
  g_autofree gchar *inner = rg_text_check ("a\tb\nc", "the note", 50, NULL);
  g_autofree gchar *bom = rg_text_check ("\ufeffAnna", "the name", 50, NULL);
  g_autofree gchar *joined = rg_text_check ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "the name", 50, NULL);

  ck_assert_no_error (error);
  ck_assert_str_eq (plain, "Li Wei");
  ck_assert_str_eq (wide, "张伟");
  ck_assert_str_eq (zoe, "Zo\u00eb");
  ck_assert_int_eq (strlen (zoe), 4);
  ck_assert_str_eq (inner, "a\tb\nc");
  ck_assert_str_eq (bom, "Anna");
  /* the zero-width non-joiner that Persian needs is kept */
  ck_assert_ptr_nonnull (strstr (joined, "\u200c"));
}
END_TEST

START_TEST (test_check_refuses_bad_text)
{
  const struct { const gchar *text; const gchar *says; } cases[] = {
    { NULL, "is empty" },
    { "", "is empty" },
    { " \t\n\u3000 ", "is empty" },
    { "Li\xff Wei", "not valid UTF-8" },
    { "\xc3", "not valid UTF-8" },
    { "Li\x01Wei", "control character" },
    { "Li\rWei", "control character" },
    { "Li\x1b[31mWei", "control character" },
    { "Li\xc2\x85Wei", "control character" },
    { "abcdefghijk", "too long" },
    { "Li\u202eieW", "control character" },
    { "Li\u2066Wei", "control character" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *out = rg_text_check (cases[i].text, "the guest's name", 10, &error);

      ck_assert_msg (out == NULL, "case %" G_GSIZE_FORMAT " accepted", i);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      ck_assert_msg (strstr (error->message, cases[i].says) != NULL,
                     "case %" G_GSIZE_FORMAT ": '%s'", i, error->message);
      ck_assert_msg (g_str_has_prefix (error->message, "the guest's name"),
                     "message '%s' does not say what was checked", error->message);
    }
}
END_TEST

START_TEST (test_check_counts_characters_not_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *ten = rg_text_check ("张伟张伟张伟张伟张伟", "the name", 10, &error);
  g_autofree gchar *eleven = rg_text_check ("张伟张伟张伟张伟张伟张", "the name", 10, NULL);
  /* 10 characters once composed, 11 code points as typed */
  g_autofree gchar *composed = rg_text_check ("Zoe\u0308abcdefg", "the name", 10, NULL);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (ten);
  ck_assert_ptr_null (eleven);
  ck_assert_ptr_nonnull (composed);
}
END_TEST

START_TEST (test_check_optional)
{
  g_autoptr(GError) error = NULL;
  gchar *out = (gchar *) "unset";

  ck_assert (rg_text_check_optional (NULL, "the note", 10, &out, &error));
  ck_assert_ptr_null (out);
  ck_assert (rg_text_check_optional (" \u3000\n", "the note", 10, &out, &error));
  ck_assert_ptr_null (out);
  ck_assert (rg_text_check_optional (" window seat ", "the note", 20, &out, &error));
  ck_assert_no_error (error);
  ck_assert_str_eq (out, "window seat");
  g_free (out);

  ck_assert (!rg_text_check_optional ("far too long a note", "the note", 10, &out, &error));
  ck_assert_ptr_null (out);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_text_check_optional ("\xff", "the note", 10, &out, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

START_TEST (test_check_word)
{
  const struct { const gchar *in; const gchar *out; } cases[] = {
    { "Spicy", "spicy" },
    { "  sweet sour ", "sweet-sour" },
    { "Sweet & Sour", "sweet-sour" },
    { "Kids' chair", "kids-chair" },
    { "kids-chair", "kids-chair" },
    { "--Peanut--", "peanut" },
    { "TREE_NUTS", "tree-nuts" },
    { "Végétarien", "végétarien" },
    { "辣", "辣" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *word = rg_text_check_word (cases[i].in, "the tag", 40, &error);

      ck_assert_no_error (error);
      ck_assert_str_eq (word, cases[i].out);
    }
}
END_TEST

START_TEST (test_check_word_refuses)
{
  const gchar *bad[] = { "", "   ", "&&!", "a\x01", "\xfe" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *word = rg_text_check_word (bad[i], "the tag", 40, &error);

      ck_assert_ptr_null (word);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
    }
}
END_TEST

START_TEST (test_quote_for_message)
{
  g_autofree gchar *bad = rg_text_quote_for_message ("a\xffz\n");
  g_autofree gchar *long_text = rg_text_quote_for_message (
      "0123456789012345678901234567890123456789XYZ");
  g_autofree gchar *none = rg_text_quote_for_message (NULL);

  ck_assert (g_utf8_validate (bad, -1, NULL));
  ck_assert_ptr_null (strchr (bad, '\n'));
  ck_assert (g_str_has_prefix (bad, "a"));
  ck_assert_ptr_null (strstr (long_text, "XYZ"));
  ck_assert (g_str_has_suffix (long_text, "…"));
  ck_assert_str_eq (none, "");
}
END_TEST

/* --------------------------------------------------------------- folding */

START_TEST (test_fold_tokens)
{
  const struct { const gchar *in; const gchar *out; } cases[] = {
    { "Zoë", "zoe" },
    { "ZOË Ångström", "zoe angstrom" },
    { "François-Xavier O'Brien", "francois xavier o brien" },
    { "Ærøskøbing Łódź", "aeroskobing lodz" },
    { "Straße", "strasse" },
    { "İzmir", "izmir" },
    { "Nguyễn Văn Đức", "nguyen van duc" },
    { "张伟", "张 伟" },
    { "Li 张伟 Wei", "li 张 伟 wei" },
    { "田中さくら", "田 中 さ く ら" },
    { "김민수", "김 민 수" },
    { "ＡＢＣ１２３", "abc123" },
    { "  ...!!  ", "" },
    { "", "" },
    { "Anna\tMaria\nLee", "anna maria lee" },
    { "\"quoted\" (name): x*", "quoted name x" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *folded = rg_text_fold_tokens (cases[i].in);

      ck_assert_msg (g_strcmp0 (folded, cases[i].out) == 0,
                     "'%s' folded to '%s', expected '%s'",
                     cases[i].in, folded, cases[i].out);
    }
}
END_TEST

START_TEST (test_fold_query_shape)
{
  g_autofree gchar *two = rg_text_fold_query ("Zhang Wei");
  g_autofree gchar *han = rg_text_fold_query ("张伟");
  g_autofree gchar *none = rg_text_fold_query ("  -- ** ");
  g_autofree gchar *null = rg_text_fold_query (NULL);
  g_autofree gchar *invalid = rg_text_fold_query ("\xff\xfe");

  ck_assert_str_eq (two, "\"zhang\"* AND \"wei\"*");
  ck_assert_str_eq (han, "\"张\"* AND \"伟\"*");
  ck_assert_ptr_null (none);
  ck_assert_ptr_null (null);
  ck_assert_ptr_null (invalid);
}
END_TEST

/* ----------------------------------------------- queries against FTS5 */

static void
index_name (RgDb *db, gint64 rowid, const gchar *name)
{
  g_autofree gchar *tokens = rg_text_fold_tokens (name);
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO guest_name_fts (rowid, tokens) VALUES (?, ?)", NULL);

  ck_assert_ptr_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, tokens, -1, SQLITE_TRANSIENT);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
}

/* Runs the folded @typed against the index; returns the number of rows, or
 * -1 when FTS5 refused the expression. */
static gint
search (RgDb *db, const gchar *typed)
{
  g_autofree gchar *query = rg_text_fold_query (typed);
  g_autoptr(RgStmt) stmt = NULL;
  gint n = 0;
  int rc;

  if (query == NULL)
    return 0;
  stmt = rg_db_prepare (db, "SELECT rowid FROM guest_name_fts WHERE guest_name_fts MATCH ?", NULL);
  ck_assert_ptr_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n++;
  return rc == SQLITE_DONE ? n : -1;
}

static void
index_people (RgDb *db)
{
  index_name (db, 1, "Zhang Wei");
  index_name (db, 2, "张伟");
  index_name (db, 3, "Zoë Müller-Lüdenscheidt");
  index_name (db, 4, "Anne-Marie O'Neil");
  index_name (db, 5, "Near And Or Not");
  index_name (db, 6, "田中 さくら");
  index_name (db, 7, "김민수");
}

START_TEST (test_search_finds_by_prefix_and_folding)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  index_people (t->db);
  ck_assert_int_eq (search (t->db, "zha"), 1);
  ck_assert_int_eq (search (t->db, "Zha We"), 1);
  ck_assert_int_eq (search (t->db, "wei zhang"), 1);
  ck_assert_int_eq (search (t->db, "zhang li"), 0);
  ck_assert_int_eq (search (t->db, "伟"), 1);
  ck_assert_int_eq (search (t->db, "张伟"), 1);
  ck_assert_int_eq (search (t->db, "ZOE"), 1);
  ck_assert_int_eq (search (t->db, "zoë lüd"), 1);
  ck_assert_int_eq (search (t->db, "muller"), 1);
  ck_assert_int_eq (search (t->db, "oneil"), 0);
  ck_assert_int_eq (search (t->db, "o'neil"), 1);
  ck_assert_int_eq (search (t->db, "marie"), 1);
  ck_assert_int_eq (search (t->db, "さくら"), 1);
  ck_assert_int_eq (search (t->db, "민"), 1);
}
END_TEST

START_TEST (test_search_cannot_be_broken)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  const gchar *hostile[] = {
    "\"", "\"\"", "\"zhang", "zhang\"", "a\"b\"c", "*", "**", "zha*", "*zha",
    "AND", "OR", "NOT", "NEAR", "zhang AND", "OR wei", "NOT zhang", "zhang NOT wei",
    "NEAR(zhang wei)", "NEAR(zhang wei, 2)", "near", "and or not",
    "(", ")", "(zhang", "zhang)", "((()))", "tokens:zhang", "zhang:", ":", "{tokens}: x",
    "-zhang", "+zhang", "^zhang", "zhang^", "zhang + wei", "'", "''", "`", "\\",
    "%", "_", ";", "; DROP TABLE guest; --", "\u201czhang\u201d", "zha\x7fwei",
    "\ufffd", "🍜", "🍜 zhang", "ＡＮＤ", "（zhang）", "＊", "\"\"\"\"\"\"*",
  };

  index_people (t->db);
  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    ck_assert_msg (search (t->db, hostile[i]) >= 0, "FTS5 refused the query for '%s'", hostile[i]);

  /* keywords typed as words search for names holding them */
  ck_assert_int_eq (search (t->db, "NEAR"), 1);
  ck_assert_int_eq (search (t->db, "and or not"), 1);
  ck_assert_int_eq (search (t->db, "NOT zhang"), 0);
  ck_assert_int_eq (search (t->db, "\"zhang"), 1);
  ck_assert_int_eq (search (t->db, "tokens:zhang"), 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), 0);
}
END_TEST

static Suite *
text_suite (void)
{
  Suite *s = suite_create ("text");
  TCase *tc;

  tc = tcase_create ("check");
  tcase_add_test (tc, test_check_trims_and_composes);
  tcase_add_test (tc, test_check_refuses_bad_text);
  tcase_add_test (tc, test_check_counts_characters_not_bytes);
  tcase_add_test (tc, test_check_optional);
  tcase_add_test (tc, test_check_word);
  tcase_add_test (tc, test_check_word_refuses);
  tcase_add_test (tc, test_quote_for_message);
  suite_add_tcase (s, tc);

  tc = tcase_create ("fold");
  tcase_add_test (tc, test_fold_tokens);
  tcase_add_test (tc, test_fold_query_shape);
  suite_add_tcase (s, tc);

  tc = tcase_create ("fts5");
  tcase_add_test (tc, test_search_finds_by_prefix_and_folding);
  tcase_add_test (tc, test_search_cannot_be_broken);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (text_suite ());
}
