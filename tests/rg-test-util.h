/* rg-test-util.h — what every Check program of the project shares.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <check.h>
#include <glib.h>

#include "rg-auth.h"
#include "rg-db.h"
#include "rg-guest.h"

G_BEGIN_DECLS

/* A fresh database file in a new temporary folder; the folder is removed
 * with rg_test_db_free(). */
typedef struct
{
  RgDb  *db;
  gchar *dir;
  gchar *path;
} RgTestDb;

RgTestDb *rg_test_db_new (void);
/* The same with one active staff member of each role, without a PIN, whose
 * ids are the role names: "host", "waiter", "manager" and "owner". */
RgTestDb *rg_test_db_new_staffed (void);
void      rg_test_db_free (RgTestDb *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgTestDb, rg_test_db_free)

/* A new empty temporary folder; free with rg_test_remove_tree(). */
gchar    *rg_test_make_dir (void);
void      rg_test_remove_tree (const gchar *dir);

/* Runs one SQL query that yields a single integer and returns it. */
gint64    rg_test_query_int (RgDb *db, const gchar *sql);
/* Runs one SQL query that yields a single text (or NULL) and returns a copy. */
gchar    *rg_test_query_text (RgDb *db, const gchar *sql);
/* The same two with the query built from a printf-style @format. */
gint64    rg_test_query_intf (RgDb *db, const gchar *format, ...) G_GNUC_PRINTF (2, 3);
gchar    *rg_test_query_textf (RgDb *db, const gchar *format, ...) G_GNUC_PRINTF (2, 3);

/* Runs one statement whose ? parameters are bound, in order, to the
 * following const gchar * arguments (NULL binds NULL); fails the test if
 * it does not run to the end. */
void      rg_test_exec (RgDb *db, const gchar *sql, ...);
/* Runs the statements of a printf-style @format; fails the test on error. */
void      rg_test_exec_printf (RgDb *db, const gchar *format, ...) G_GNUC_PRINTF (2, 3);

/* Adds a guest named @name, with @phone and @card when not NULL, through
 * rg_guest_add(), and returns the new guest (transfer full). */
RgGuest  *rg_test_new_guest (RgDb *db, const gchar *name, const gchar *phone, const gchar *card);
/* The same, returning the new guest's id. */
gchar    *rg_test_add_guest (RgDb *db, const gchar *name, const gchar *phone, const gchar *card);
/* Inserts a guest named @name straight into the table and returns its new id. */
gchar    *rg_test_insert_guest (RgDb *db, const gchar *name);
/* Adds a four-seat table named @name to @branch_id as @staff_id, through
 * rg_floor_add_table(), and returns its id. */
gchar    *rg_test_add_table (RgDb *db, const gchar *staff_id, const gchar *branch_id, const gchar *name);

/* The id of the staff member named after @role ("owner"…), without a
 * PIN, added on first use (the owner first, who then adds the others). */
gchar    *rg_test_dup_staff_id (RgDb *db, RgRole role);

/* The path of a file of ../shared/data, or of tests/data in the source tree. */
gchar    *rg_test_shared_data (const gchar *relative);
gchar    *rg_test_source_file (const gchar *relative);

/* Runs @suite and returns the exit status for main(). */
int       rg_test_run (Suite *suite);

#define ck_assert_no_error(err) \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")

#define ck_assert_error(err, dom, code) \
  ck_assert_msg (g_error_matches ((err), (dom), (code)), \
                 "expected error %s/%d, got %s", #dom, (int) (code), \
                 (err) ? (err)->message : "no error")

G_END_DECLS
