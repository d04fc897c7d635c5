/* rg-db.h — the terminal's SQLite database: open, migrate, statements,
 * transactions, settings and the clock of synced rows.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One RgDb is one connection, used from one thread at a time.  A thread that
 * needs the database (a GTask worker, the sync client) opens its own RgDb on
 * the same file: WAL lets readers and one writer work side by side.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "rg-error.h"

G_BEGIN_DECLS

typedef struct _RgDb RgDb;
typedef struct _RgTransaction RgTransaction;

/* A statement borrowed from the connection's cache.  Declare it with
 * g_autoptr (RgStmt) and it is reset and its bindings cleared when it goes
 * out of scope, ready for the next caller. */
typedef sqlite3_stmt RgStmt;

/**
 * rg_db_open:
 * @path: the database file, created if missing; or a SQLite URI such as
 *   `file:/path/regulars.db?mode=ro` to open it read-only
 * @error: return location for a #GError
 *
 * Opens @path with WAL, foreign keys and a busy timeout, and brings its
 * schema up to date by applying, in order and each in its own transaction,
 * every migration newer than its PRAGMA user_version.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 *   (%RG_ERROR_CORRUPT for a file that is not a Regulars database, one made
 *   by a newer version, %RG_ERROR_READONLY, %RG_ERROR_IO…).
 */
RgDb *rg_db_open (const gchar *path, GError **error);

/**
 * rg_db_bound_memory:
 * @heap_limit: the soft limit, in bytes, of SQLite's memory in this process
 *
 * For a long-running program with a screen (the app): the database is read,
 * not memory-mapped, and the page caches of every connection share
 * @heap_limit, so the pages a whole-history read touched (the
 * recommender's model, the day's tier cut) do not stay resident.  Without
 * this each connection maps up to 1 GiB of the file, which suits the CLI
 * and the batch jobs.  Process-wide: call it before the first rg_db_open().
 */
void rg_db_bound_memory (gint64 heap_limit);

/* The bound the app sets, which its benchmarks set too. */
#define RG_DB_APP_HEAP_LIMIT (16 * 1024 * 1024)

/**
 * RgDbTuning:
 *
 * A connection's page cache size and temporary storage as they were before
 * rg_db_tune_for_bulk(), to put back with rg_db_restore_tuning().
 */
typedef struct
{
  gint64   cache_size;
  gint64   temp_store;
  gboolean known;
} RgDbTuning;

/**
 * rg_db_tune_for_bulk:
 * @self: a connection
 * @cache_kib: the page cache for the bulk write, in KiB; 0 keeps it
 * @saved: (out caller-allocates): the settings to put back
 *
 * For one large transaction (an import, a first sync): a statement journal
 * that outgrows 64 KB once (a B-tree page split) would move to a temporary
 * file for the rest of the transaction, a system call per page of every
 * later statement, so it is kept in memory; and a bigger page cache keeps
 * the transaction's pages from spilling to the WAL over and over.
 */
void rg_db_tune_for_bulk (RgDb *self, gint64 cache_kib, RgDbTuning *saved);

/**
 * rg_db_restore_tuning:
 * @self: a connection
 * @saved: what rg_db_tune_for_bulk() saved
 *
 * Puts the connection's settings back as they were.
 */
void rg_db_restore_tuning (RgDb *self, const RgDbTuning *saved);

/**
 * rg_db_close:
 * @self: (transfer full) (nullable): a connection
 *
 * Finalizes the cached statements and closes the connection.
 */
void rg_db_close (RgDb *self);

/**
 * rg_db_default_path:
 *
 * Returns: (transfer full): the app's database in the XDG data dir,
 *   `$XDG_DATA_HOME/regulars/regulars.db`.  The folder is not created.
 */
gchar *rg_db_default_path (void);

const gchar *rg_db_get_path (RgDb *self);
sqlite3 *rg_db_get_handle (RgDb *self);

/**
 * rg_db_get_schema_version:
 *
 * Returns: the number of migrations that are applied.
 */
gint rg_db_get_schema_version (RgDb *self);

/**
 * rg_db_prepare:
 * @self: a connection
 * @sql: one SQL statement; cached by its text, so pass a constant string
 * @error: return location for a #GError
 *
 * Returns the connection's cached statement for @sql, preparing it the first
 * time.  A statement must not be used again while a caller still steps it.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set.
 */
RgStmt *rg_db_prepare (RgDb *self, const gchar *sql, GError **error);

void rg_stmt_release (RgStmt *stmt);

/**
 * rg_db_exec:
 *
 * Runs one or more statements that return no rows, without caching them.
 *
 * Returns: %TRUE on success.
 */
gboolean rg_db_exec (RgDb *self, const gchar *sql, GError **error);

/**
 * rg_db_set_error:
 * @self: the connection whose last call failed
 * @error: return location for a #GError
 * @format: what was being done ("adding guest %s"), printf-style
 *
 * Sets @error from the connection's last SQLite failure, with a code of
 * #RgError and a message of the form "adding guest Li Wei: the disk is full".
 *
 * Returns: %FALSE, so a caller can `return rg_db_set_error (…)`.
 */
gboolean rg_db_set_error (RgDb *self, GError **error, const gchar *format, ...) G_GNUC_PRINTF (3, 4);

/**
 * rg_db_begin:
 *
 * Starts a transaction (BEGIN IMMEDIATE), or a savepoint inside one that is
 * already open.  Free the result with rg_transaction_commit(), or let
 * g_autoptr free it, which rolls back what was not committed.
 *
 * Returns: (transfer full): the transaction, or %NULL with @error set.
 */
RgTransaction *rg_db_begin (RgDb *self, GError **error);

/**
 * rg_transaction_commit:
 * @txn: (transfer full): the transaction
 *
 * Commits @txn (or releases its savepoint); on failure rolls it back.
 *
 * Returns: %TRUE when the changes are committed.
 */
gboolean rg_transaction_commit (RgTransaction *txn, GError **error);

/**
 * rg_transaction_free:
 * @txn: (transfer full) (nullable): a transaction not yet committed
 *
 * Rolls @txn back.
 */
void rg_transaction_free (RgTransaction *txn);

/**
 * rg_db_dup_setting:
 *
 * Returns: (transfer full) (nullable): the value of the setting @key, or
 *   %NULL when it is not set.
 */
gchar *rg_db_dup_setting (RgDb *self, const gchar *key);

gboolean rg_db_set_setting (RgDb *self, const gchar *key, const gchar *value, GError **error);

/**
 * rg_db_get_device_id:
 *
 * Returns: (transfer none): this terminal's id, the `origin` of its rows;
 *   made the first time the database is opened.
 */
const gchar *rg_db_get_device_id (RgDb *self);

/**
 * rg_db_next_hlc:
 *
 * Ticks the hybrid logical clock: milliseconds in the high 48 bits, a
 * counter in the low 16, never less than any value handed out or observed
 * before, whatever the wall clock does.
 *
 * Returns: the `updated_hlc` for a row written now.
 */
gint64 rg_db_next_hlc (RgDb *self);

/**
 * rg_db_observe_hlc:
 *
 * Moves the clock past @hlc, a value seen on a row from another terminal.
 */
void rg_db_observe_hlc (RgDb *self, gint64 hlc);

/**
 * rg_db_set_capture_changes:
 *
 * While @capture is %FALSE, changes are not added to the sync outbox (used
 * while applying rows pulled from the central store).
 */
void rg_db_set_capture_changes (RgDb *self, gboolean capture);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgDb, rg_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgStmt, rg_stmt_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgTransaction, rg_transaction_free)

G_END_DECLS
