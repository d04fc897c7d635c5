/* rg-db.c — opening, migrating and talking to the terminal's SQLite file.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-db.h"

#include <gio/gio.h>
#include <string.h>

#include "rg-id.h"
#include "rg-rollup.h"
#include "rg-schema-resources.h"

#define MIGRATIONS_PATH "/org/regulars/schema/local"
#define BUSY_TIMEOUT_MS 5000
#define HLC_COUNTER_BITS 16

struct _RgDb
{
  /* owned */
  sqlite3    *handle;
  gchar      *path;
  gchar      *device_id;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */

  gint        depth;        /* open transactions and savepoints */
  gint64      hlc;
  gint64      saved_hlc;    /* the floor kept in the settings */
  gboolean    capture;
};

struct _RgTransaction
{
  /* borrowed */
  RgDb *db;

  gint  depth;
};

/* ---------------------------------------------------------------- errors */

static RgError
code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return RG_ERROR_BUSY;
    case SQLITE_READONLY:
      return RG_ERROR_READONLY;
    case SQLITE_FULL:
      return RG_ERROR_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return RG_ERROR_CORRUPT;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return RG_ERROR_IO;
    case SQLITE_CONSTRAINT:
      return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
             ? RG_ERROR_EXISTS : RG_ERROR_INVALID;
    default:
      return RG_ERROR_DB;
    }
}

static const gchar *
explain_sqlite (sqlite3 *handle, int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the database is in use by another program; try again in a moment";
    case SQLITE_READONLY:
      return "the database file is read-only";
    case SQLITE_FULL:
      return "the disk is full";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return "the file is damaged or is not a Regulars database";
    case SQLITE_CANTOPEN:
      return "the database file cannot be opened";
    case SQLITE_IOERR:
      return "the disk could not be read or written";
    case SQLITE_PERM:
      return "permission to the database file was denied";
    default:
      return sqlite3_errmsg (handle);
    }
}

gboolean
rg_db_set_error (RgDb        *self,
                 GError     **error,
                 const gchar *format,
                 ...)
{
  g_autofree gchar *doing = NULL;
  va_list args;
  int rc = sqlite3_extended_errcode (self->handle);

  va_start (args, format);
  doing = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RG_ERROR, code_for_sqlite (rc), "%s: %s",
               doing, explain_sqlite (self->handle, rc));
  return FALSE;
}

/* ------------------------------------------------------------ statements */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

RgStmt *
rg_db_prepare (RgDb         *self,
               const gchar  *sql,
               GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      rg_db_set_error (self, error, "preparing a query");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
rg_stmt_release (RgStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
rg_db_exec (RgDb         *self,
            const gchar  *sql,
            GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return rg_db_set_error (self, error, "running a database command");
  return TRUE;
}

/* ---------------------------------------------------------- transactions */

RgTransaction *
rg_db_begin (RgDb    *self,
             GError **error)
{
  RgTransaction *txn;
  g_autofree gchar *sql = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT rg_%d", self->depth);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      rg_db_set_error (self, error, "starting a transaction");
      return NULL;
    }

  txn = g_new0 (RgTransaction, 1);
  txn->db = self;
  txn->depth = self->depth++;
  return txn;
}

gboolean
rg_transaction_commit (RgTransaction  *txn,
                       GError        **error)
{
  RgDb *db = txn->db;
  g_autofree gchar *sql = NULL;

  g_return_val_if_fail (txn->depth == db->depth - 1, FALSE);

  if (txn->depth == 0)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE rg_%d", txn->depth);

  if (sqlite3_exec (db->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      rg_db_set_error (db, error, "saving the changes");
      rg_transaction_free (txn);
      return FALSE;
    }

  db->depth--;
  g_free (txn);
  return TRUE;
}

void
rg_transaction_free (RgTransaction *txn)
{
  RgDb *db;
  g_autofree gchar *sql = NULL;

  if (txn == NULL)
    return;

  db = txn->db;
  g_warn_if_fail (txn->depth == db->depth - 1);

  if (txn->depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO rg_%d; RELEASE rg_%d", txn->depth, txn->depth);

  /* A failed COMMIT may already have ended the transaction; then there is
   * nothing left to roll back. */
  if (txn->depth > 0 || !sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  db->depth--;
  g_free (txn);
}

/* ------------------------------------------------------------- migration */

static gint
read_user_version (RgDb *self)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (self, "PRAGMA user_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

static gboolean
apply_migration (RgDb         *self,
                 const gchar  *name,
                 gint          version,
                 GError      **error)
{
  g_autofree gchar *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autofree gchar *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  g_autoptr(GBytes) sql = NULL;
  g_autoptr(RgTransaction) txn = NULL;

  sql = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sql == NULL)
    return FALSE;

  txn = rg_db_begin (self, error);
  if (txn == NULL)
    return FALSE;

  if (sqlite3_exec (self->handle, g_bytes_get_data (sql, NULL), NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (self->handle, set_version, NULL, NULL, NULL) != SQLITE_OK)
    return rg_db_set_error (self, error, "updating the database to version %d (%s)", version, name);

  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

static gboolean
migrate (RgDb    *self,
         GError **error)
{
  g_auto(GStrv) names = NULL;
  gint current;
  guint n;

  g_resources_register (rg_schema_get_resource ());
  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  qsort (names, n, sizeof (gchar *), compare_names);

  current = read_user_version (self);
  if (current < 0)
    return rg_db_set_error (self, error, "opening %s", self->path);
  if ((guint) current > n)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_CORRUPT,
                   "opening %s: the database was made by a newer version of Regulars (schema %d, this one knows %u)",
                   self->path, current, n);
      return FALSE;
    }

  for (guint i = (guint) current; i < n; i++)
    if (!apply_migration (self, names[i], (gint) i + 1, error))
      return FALSE;

  return TRUE;
}

/* ----------------------------------------------------------------- clock */

static void
capture_changes_sql (sqlite3_context  *ctx,
                     int               argc,
                     sqlite3_value   **argv)
{
  RgDb *self = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, self->capture);
}

gint64
rg_db_next_hlc (RgDb *self)
{
  gint64 wall = rg_now_ms () << HLC_COUNTER_BITS;

  self->hlc = MAX (self->hlc + 1, wall);
  return self->hlc;
}

void
rg_db_observe_hlc (RgDb   *self,
                   gint64  hlc)
{
  self->hlc = MAX (self->hlc, hlc);
}

void
rg_db_set_capture_changes (RgDb     *self,
                           gboolean  capture)
{
  self->capture = capture;
}

/* Starts the clock past every value this terminal has written, so that a
 * wall clock set back after a restart cannot make new rows look older. */
static void
load_clock (RgDb *self)
{
  g_autofree gchar *saved = rg_db_dup_setting (self, "hlc");
  g_autoptr(RgStmt) stmt = rg_db_prepare (self, "SELECT max (hlc) FROM sync_outbox", NULL);

  if (saved != NULL)
    self->hlc = self->saved_hlc = g_ascii_strtoll (saved, NULL, 10);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    self->hlc = MAX (self->hlc, sqlite3_column_int64 (stmt, 0));
}

static void
save_clock (RgDb *self)
{
  g_autofree gchar *value = NULL;

  if (self->hlc <= self->saved_hlc)
    return;
  value = g_strdup_printf ("%" G_GINT64_FORMAT, self->hlc);
  /* Best effort on close: a read-only file keeps its old floor, and the
   * outbox still holds the values of changes not yet sent. */
  rg_db_set_setting (self, "hlc", value, NULL);
}

/* -------------------------------------------------------------- settings */

gchar *
rg_db_dup_setting (RgDb        *self,
                   const gchar *key)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
}

gboolean
rg_db_set_setting (RgDb         *self,
                   const gchar  *key,
                   const gchar  *value,
                   GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (self,
      "INSERT INTO setting (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (self, error, "saving the setting %s", key);
  return TRUE;
}

static gboolean
load_device_id (RgDb    *self,
                GError **error)
{
  self->device_id = rg_db_dup_setting (self, "device_id");
  if (self->device_id != NULL)
    return TRUE;

  self->device_id = rg_id_new ();
  return rg_db_set_setting (self, "device_id", self->device_id, error);
}

/* ------------------------------------------------------------ public API */

gchar *
rg_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "regulars", "regulars.db", NULL);
}

RgDb *
rg_db_open (const gchar  *path,
            GError      **error)
{
  g_autoptr(RgDb) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (RgDb, 1);
  self->path = g_strdup (path);
  self->capture = TRUE;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                        SQLITE_OPEN_URI,
                        NULL);
  if (rc != SQLITE_OK)
    {
      if (self->handle == NULL)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_IO, "opening %s: out of memory", path);
          return NULL;
        }
      rg_db_set_error (self, error, "opening %s", path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->handle, "rg_capture_changes", 0, SQLITE_UTF8, self,
                           capture_changes_sql, NULL, NULL);
  /* rg_local_day () and rg_local_hour () of the report rollups. */
  if (!rg_rollup_register_functions (self->handle))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_IO, "opening %s: out of memory", path);
      return NULL;
    }

  /* WAL fails on a read-only file whose journal mode is not WAL yet; the
   * migration that follows then reports it in words. */
  sqlite3_exec (self->handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  /* synchronous = NORMAL in WAL: a committed transaction survives the
   * program being killed or crashing, and the file is never corrupted; only
   * a power cut can lose the last commits not yet checkpointed.  FULL would
   * add an fsync to every added item (4 ms and more on a tablet's flash),
   * which the waiter feels.  A 64 MiB page cache and memory-mapped reads
   * keep the pages a lookup touches at hand. */
  if (!rg_db_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                         "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;
  if (!load_device_id (self, error))
    return NULL;
  load_clock (self);

  return g_steal_pointer (&self);
}

static gboolean
read_pragma (RgDb        *self,
             const gchar *sql,
             gint64      *value)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
rg_db_tune_for_bulk (RgDb       *self,
                     gint64      cache_kib,
                     RgDbTuning *saved)
{
  g_autofree gchar *sql = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cache_kib >= 0);
  g_return_if_fail (saved != NULL);

  saved->known = read_pragma (self, "PRAGMA cache_size", &saved->cache_size) &&
                 read_pragma (self, "PRAGMA temp_store", &saved->temp_store);
  if (cache_kib > 0)
    sql = g_strdup_printf ("PRAGMA cache_size = -%" G_GINT64_FORMAT, cache_kib);
  rg_db_exec (self, "PRAGMA temp_store = MEMORY", NULL);
  if (sql != NULL)
    rg_db_exec (self, sql, NULL);
}

void
rg_db_restore_tuning (RgDb             *self,
                      const RgDbTuning *saved)
{
  g_autofree gchar *sql = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (saved != NULL);

  if (!saved->known)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; PRAGMA temp_store = %" G_GINT64_FORMAT,
                         saved->cache_size, saved->temp_store);
  rg_db_exec (self, sql, NULL);
}

void
rg_db_bound_memory (gint64 heap_limit)
{
  g_return_if_fail (heap_limit > 0);

  sqlite3_config (SQLITE_CONFIG_MMAP_SIZE, (sqlite3_int64) 0, (sqlite3_int64) 0);
  sqlite3_soft_heap_limit64 (heap_limit);
}

void
rg_db_close (RgDb *self)
{
  if (self == NULL)
    return;

  g_warn_if_fail (self->depth == 0);

  if (self->device_id != NULL)
    save_clock (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close (self->handle);
  g_free (self->device_id);
  g_free (self->path);
  g_free (self);
}

const gchar *
rg_db_get_path (RgDb *self)
{
  return self->path;
}

sqlite3 *
rg_db_get_handle (RgDb *self)
{
  return self->handle;
}

const gchar *
rg_db_get_device_id (RgDb *self)
{
  return self->device_id;
}

gint
rg_db_get_schema_version (RgDb *self)
{
  return read_user_version (self);
}
