/* rg-central-store.c — the central store over PostgreSQL (libpq).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How rows are stored and why the pull cursor cannot skip a row is written
 * down in schema/central/001-init.sql.
 */
#include "rg-central-store-private.h"

#include <gio/gio.h>
#include <libpq-fe.h>
#include <string.h>
#include <sys/random.h>

#define MIGRATIONS_PATH   "/org/regulars/central/schema"
#define MIGRATION_LOCK    "7265677573"      /* any constant shared by all instances */
#define POOL_WAIT_US      (10 * G_USEC_PER_SEC)
#define PUSH_ATTEMPTS     8


struct _RgCentralStore
{
  /* owned */
  gchar       *conninfo;
  GAsyncQueue *idle;        /* PGconn * ready for use */
  GMutex       lock;

  guint        pool_size;
  guint        open;        /* connections made and not closed, under lock */
};

typedef enum { PUSH_DONE, PUSH_RETRY, PUSH_FAILED } PushOutcome;

/* Slot of one (table, id) during a push. */
typedef struct
{
  RgWireChange *change;
  gboolean      stored;     /* the store held a version before this push */
  gboolean      dirty;      /* this push changes it */
} PushSlot;

/* ------------------------------------------------------------ connections */

static void
close_connection (gpointer conn)
{
  PQfinish (conn);
}

RgCentralStore *
rg_central_store_new (const gchar *conninfo,
                      guint        pool_size)
{
  RgCentralStore *self = g_new0 (RgCentralStore, 1);

  self->conninfo = g_strdup (conninfo);
  self->idle = g_async_queue_new_full (close_connection);
  self->pool_size = MAX (pool_size, 1);
  g_mutex_init (&self->lock);
  return self;
}

void
rg_central_store_free (RgCentralStore *self)
{
  if (self == NULL)
    return;
  g_async_queue_unref (self->idle);
  g_mutex_clear (&self->lock);
  g_free (self->conninfo);
  g_free (self);
}

static gboolean
set_db_error (PGconn       *conn,
              GError      **error,
              const gchar  *doing)
{
  g_autofree gchar *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

  g_set_error (error, RG_ERROR, RG_ERROR_DB, "%s: %s", doing, message);
  return FALSE;
}

/* The server's notices ("relation already exists, skipping") are not
 * errors and would only clutter the request log. */
static void
ignore_notice (void        *data,
               const char  *message)
{
}

static PGconn *
acquire (RgCentralStore  *self,
         GError         **error)
{
  PGconn *conn = g_async_queue_try_pop (self->idle);
  gboolean may_open;

  if (conn != NULL)
    return conn;

  g_mutex_lock (&self->lock);
  may_open = self->open < self->pool_size;
  if (may_open)
    self->open++;
  g_mutex_unlock (&self->lock);

  if (!may_open)
    {
      conn = g_async_queue_timeout_pop (self->idle, POOL_WAIT_US);
      if (conn == NULL)
        g_set_error (error, RG_ERROR, RG_ERROR_BUSY, "every database connection is busy");
      return conn;
    }

  conn = PQconnectdb (self->conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      set_db_error (conn, error, "connecting to the database");
      PQfinish (conn);
      g_mutex_lock (&self->lock);
      self->open--;
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return conn;
}

/* Gives @conn back to the pool, or closes it when it is broken. */
static void
release (RgCentralStore *self,
         PGconn         *conn)
{
  if (PQstatus (conn) == CONNECTION_OK && PQtransactionStatus (conn) != PQTRANS_IDLE)
    PQclear (PQexec (conn, "ROLLBACK"));
  if (PQstatus (conn) == CONNECTION_OK && PQtransactionStatus (conn) == PQTRANS_IDLE)
    {
      g_async_queue_push (self->idle, conn);
      return;
    }
  PQfinish (conn);
  g_mutex_lock (&self->lock);
  self->open--;
  g_mutex_unlock (&self->lock);
}

/* Runs @sql with text parameters; NULL with @error set unless the result
 * has the status @expect. */
static PGresult *
run (PGconn             *conn,
     const gchar        *sql,
     gint                n_params,
     const gchar *const *params,
     ExecStatusType      expect,
     const gchar        *doing,
     GError            **error)
{
  g_autoptr(PGresult) result = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (result) != expect)
    {
      set_db_error (conn, error, doing);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* Runs one or more statements without parameters or rows. */
static gboolean
run_command (PGconn       *conn,
             const gchar  *sql,
             const gchar  *doing,
             GError      **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    return set_db_error (conn, error, doing);
  return TRUE;
}

PGresult *
_rg_central_store_query (RgCentralStore      *self,
                         const gchar         *sql,
                         gint                 n_params,
                         const gchar * const *params,
                         ExecStatusType       expect,
                         const gchar         *doing,
                         GError             **error)
{
  PGconn *conn = acquire (self, error);
  PGresult *result;

  if (conn == NULL)
    return NULL;
  result = run (conn, sql, n_params, params, expect, doing, error);
  release (self, conn);
  return result;
}

/* ------------------------------------------------------------- migrations */

/* qsort() hands over pointers to the elements of a string vector. */
static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const gchar * const *) a, *(const gchar * const *) b);
}

static gboolean
apply_migrations (PGconn  *conn,
                  GError **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  g_autoptr(PGresult) current = NULL;
  gint version;

  if (names == NULL)
    return FALSE;
  if (!run_command (conn, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)",
                    "preparing the database", error))
    return FALSE;
  current = run (conn, "SELECT coalesce (max (version), 0) FROM schema_version", 0, NULL,
                 PGRES_TUPLES_OK, "reading the database version", error);
  if (current == NULL)
    return FALSE;
  version = atoi (PQgetvalue (current, 0, 0));

  qsort (names, g_strv_length (names), sizeof (gchar *), compare_names);
  for (gint i = 0; names[i] != NULL; i++)
    {
      gint number = atoi (names[i]);
      g_autofree gchar *path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
      g_autoptr(GBytes) sql = NULL;
      g_autofree gchar *text = NULL;
      g_autofree gchar *record = NULL;
      g_autofree gchar *doing = g_strdup_printf ("applying migration %s", names[i]);

      if (number <= version)
        continue;
      sql = g_resources_lookup_data (path, 0, error);
      if (sql == NULL)
        return FALSE;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      record = g_strdup_printf ("INSERT INTO schema_version VALUES (%d)", number);
      if (!run_command (conn, "BEGIN", doing, error)
          || !run_command (conn, text, doing, error)
          || !run_command (conn, record, doing, error)
          || !run_command (conn, "COMMIT", doing, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rg_central_store_migrate (RgCentralStore  *self,
                          GError         **error)
{
  PGconn *conn = acquire (self, error);
  gboolean ok;

  if (conn == NULL)
    return FALSE;
  {
    g_autoptr(PGresult) locked = run (conn, "SELECT pg_advisory_lock (" MIGRATION_LOCK ")", 0, NULL,
                                      PGRES_TUPLES_OK, "locking the database", error);

    if (locked == NULL)
      {
        release (self, conn);
        return FALSE;
      }
  }
  ok = apply_migrations (conn, error);
  PQclear (PQexec (conn, "SELECT pg_advisory_unlock (" MIGRATION_LOCK ")"));
  release (self, conn);
  return ok;
}

gboolean
rg_central_store_check (RgCentralStore  *self,
                        GError         **error)
{
  PGconn *conn = acquire (self, error);
  g_autoptr(PGresult) result = NULL;

  if (conn == NULL)
    return FALSE;
  result = run (conn, "SELECT 1", 0, NULL, PGRES_TUPLES_OK, "checking the database", error);
  release (self, conn);
  return result != NULL;
}

/* ---------------------------------------------------------------- devices */

static gchar *
hash_secret (const gchar *secret)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, secret, -1);
}

static void
random_bytes (guint8 *buf,
              gsize   len)
{
  if (getrandom (buf, len, 0) != (ssize_t) len)
    g_error ("the system has no source of random numbers");
}

gchar *
rg_central_store_new_code (RgCentralStore  *self,
                           const gchar     *chain,
                           guint            valid_hours,
                           GError         **error)
{
  /* no 0/O or 1/I: the owner reads the code out to someone typing it */
  static const gchar alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  guint8 raw[12];
  GString *code = g_string_new (NULL);
  g_autofree gchar *text = NULL;
  g_autofree gchar *hash = NULL;
  g_autofree gchar *hours = g_strdup_printf ("%u", valid_hours);
  g_autoptr(PGresult) result = NULL;
  PGconn *conn;

  if (chain != NULL && (*chain == '\0' || strlen (chain) > 100 || !g_utf8_validate (chain, -1, NULL)))
    {
      g_string_free (code, TRUE);
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "a chain is named by 1 to 100 bytes of text");
      return NULL;
    }
  random_bytes (raw, sizeof raw);
  for (gsize i = 0; i < sizeof raw; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, alphabet[raw[i] % (sizeof alphabet - 1)]);
    }
  text = g_string_free (code, FALSE);
  hash = hash_secret (text);

  conn = acquire (self, error);
  if (conn == NULL)
    return NULL;
  {
    const gchar *params[] = { hash, hours, chain != NULL ? chain : RG_CENTRAL_CHAIN_DEFAULT };

    result = run (conn, "INSERT INTO enrol_code (code_hash, expires_at, chain) "
                        "VALUES ($1, now () + make_interval (hours => $2::int), $3)",
                  3, params, PGRES_COMMAND_OK, "saving the enrolment code", error);
  }
  release (self, conn);
  return result != NULL ? g_steal_pointer (&text) : NULL;
}

gchar *
rg_central_store_enrol (RgCentralStore  *self,
                        const gchar     *code,
                        const gchar     *device_id,
                        const gchar     *name,
                        GError         **error)
{
  guint8 raw[32];
  g_autofree gchar *token = NULL;
  g_autofree gchar *token_hash = NULL;
  g_autofree gchar *code_hash = NULL;
  g_autoptr(PGresult) used = NULL;
  g_autoptr(PGresult) saved = NULL;
  PGconn *conn;

  if (code == NULL || device_id == NULL || strlen (device_id) > RG_WIRE_MAX_ORIGIN
      || !g_utf8_validate (device_id, -1, NULL) || (name != NULL && strlen (name) > 200))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "an enrolment needs a code and a device id");
      return NULL;
    }
  random_bytes (raw, sizeof raw);
  token = g_new0 (gchar, 2 * sizeof raw + 1);
  for (gsize i = 0; i < sizeof raw; i++)
    g_snprintf (token + 2 * i, 3, "%02x", raw[i]);
  token_hash = hash_secret (token);
  code_hash = hash_secret (code);

  conn = acquire (self, error);
  if (conn == NULL)
    return NULL;
  {
    const gchar *use_params[] = { code_hash, device_id };
    const gchar *save_params[] = { token_hash, device_id, name ? name : "", NULL };

    if (!run_command (conn, "BEGIN", "enrolling a device", error))
      goto out;
    used = run (conn, "UPDATE enrol_code SET used_at = now (), device_id = $2 "
                      "WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now () RETURNING chain",
                2, use_params, PGRES_TUPLES_OK, "enrolling a device", error);
    if (used == NULL)
      goto out;
    if (PQntuples (used) != 1)
      {
        g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
                     "the enrolment code is unknown, already used or expired");
        goto out;
      }
    save_params[3] = PQgetvalue (used, 0, 0);
    saved = run (conn, "INSERT INTO device_token (token_hash, device_id, name, chain) VALUES ($1, $2, $3, $4)",
                 4, save_params, PGRES_COMMAND_OK, "enrolling a device", error);
    if (saved == NULL || !run_command (conn, "COMMIT", "enrolling a device", error))
      goto out;
  }
  release (self, conn);
  return g_steal_pointer (&token);

out:
  release (self, conn);
  return NULL;
}

gchar *
rg_central_store_authenticate (RgCentralStore  *self,
                               const gchar     *token,
                               gchar          **chain,
                               GError         **error)
{
  g_autofree gchar *hash = NULL;
  g_autoptr(PGresult) result = NULL;
  PGconn *conn;

  if (token == NULL || *token == '\0')
    {
      g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION, "no device token");
      return NULL;
    }
  hash = hash_secret (token);
  conn = acquire (self, error);
  if (conn == NULL)
    return NULL;
  {
    const gchar *params[] = { hash };

    result = run (conn, "SELECT device_id, chain FROM device_token WHERE token_hash = $1 AND revoked_at IS NULL",
                  1, params, PGRES_TUPLES_OK, "checking the device token", error);
  }
  release (self, conn);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION, "the device token is unknown or revoked");
      return NULL;
    }
  *chain = g_strdup (PQgetvalue (result, 0, 1));
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* ------------------------------------------------------------------- push */

static gchar *
slot_key (const RgWireChange *change)
{
  return g_strconcat (change->table->name, "/", change->id, NULL);
}

static void
push_slot_free (gpointer data)
{
  PushSlot *slot = data;

  rg_wire_change_free (slot->change);
  g_free (slot);
}

static gboolean
is_transient (PGresult *result)
{
  const gchar *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return g_strcmp0 (state, "40001") == 0 || g_strcmp0 (state, "40P01") == 0
         || g_strcmp0 (state, "23505") == 0;
}

/* A failed statement of a push: a conflict with another push is tried
 * again, anything else is an error. */
static PushOutcome
push_failed (PGconn       *conn,
             PGresult     *result,
             const gchar  *doing,
             GError      **error)
{
  if (is_transient (result))
    return PUSH_RETRY;
  set_db_error (conn, error, doing);
  return PUSH_FAILED;
}

/* Locks and loads the stored versions of every row of @changes in @chain. */
static PushOutcome
load_stored (PGconn       *conn,
             const gchar  *chain,
             GPtrArray    *changes,
             GHashTable  *slots,
             GError     **error)
{
  g_autoptr(JsonBuilder) keys = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree gchar *keys_text = NULL;
  g_autoptr(PGresult) result = NULL;
  const gchar *params[2];

  json_builder_begin_array (keys);
  for (guint i = 0; i < changes->len; i++)
    {
      RgWireChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_array (keys);
      json_builder_add_string_value (keys, change->table->name);
      json_builder_add_string_value (keys, change->id);
      json_builder_end_array (keys);
    }
  json_builder_end_array (keys);
  root = json_builder_get_root (keys);
  keys_text = json_to_string (root, FALSE);
  params[0] = keys_text;
  params[1] = chain;

  result = PQexecParams (conn,
                         "SELECT s.tbl, s.data::text FROM sync_row s "
                         "JOIN (SELECT DISTINCT k->>0 AS tbl, k->>1 AS id "
                         "      FROM jsonb_array_elements ($1::jsonb) k) w "
                         "ON s.tbl = w.tbl AND s.id = w.id WHERE s.chain = $2 "
                         "ORDER BY s.tbl, s.id FOR UPDATE OF s",
                         2, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    return push_failed (conn, result, "reading the stored rows", error);

  for (gint i = 0; i < PQntuples (result); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (PQgetvalue (result, i, 1), NULL);
      PushSlot *slot;
      RgWireChange *change;

      change = node && JSON_NODE_HOLDS_OBJECT (node)
               ? rg_wire_change_new (PQgetvalue (result, i, 0), json_node_get_object (node), error)
               : NULL;
      if (change == NULL)
        {
          g_prefix_error (error, "a stored row cannot be read: ");
          return PUSH_FAILED;
        }
      slot = g_new0 (PushSlot, 1);
      slot->change = change;
      slot->stored = TRUE;
      g_hash_table_insert (slots, slot_key (change), slot);
    }
  return PUSH_DONE;
}

/* Merges each pushed change into its slot; returns the rows that change. */
static guint
merge_changes (GPtrArray   *changes,
               GHashTable  *slots,
               GError     **error)
{
  guint dirty = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      RgWireChange *incoming = g_ptr_array_index (changes, i);
      g_autofree gchar *key = slot_key (incoming);
      PushSlot *slot = g_hash_table_lookup (slots, key);
      g_autoptr(JsonObject) merged = rg_wire_change_merge (slot ? slot->change : NULL, incoming);
      RgWireChange *result;

      if (merged == NULL)
        continue;
      result = rg_wire_change_new (incoming->table->name, merged, error);
      g_return_val_if_fail (result != NULL, 0);
      if (slot == NULL)
        {
          slot = g_new0 (PushSlot, 1);
          g_hash_table_insert (slots, g_steal_pointer (&key), slot);
        }
      rg_wire_change_free (slot->change);
      slot->change = result;
      if (!slot->dirty)
        dirty++;
      slot->dirty = TRUE;
    }
  return dirty;
}

/* The rows of @slots that this push changes and that the store held
 * (@stored) or not, in the order they were pushed: pulls return a
 * transaction's rows in this order, so a check comes after its lines. */
static gchar *
build_rows (GPtrArray  *changes,
            GHashTable *slots,
            gboolean    stored,
            guint      *n_rows)
{
  GString *out = g_string_new ("[");
  g_autoptr(GHashTable) written = g_hash_table_new (g_direct_hash, g_direct_equal);

  *n_rows = 0;
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree gchar *key = slot_key (g_ptr_array_index (changes, i));
      PushSlot *slot = g_hash_table_lookup (slots, key);
      g_autofree gchar *row = NULL;

      if (slot == NULL || !slot->dirty || slot->stored != stored || !g_hash_table_add (written, slot))
        continue;
      row = rg_wire_row_to_string (rg_wire_change_get_row (slot->change));
      if ((*n_rows)++ > 0)
        g_string_append_c (out, ',');
      rg_wire_append_change (out, slot->change->table->name, row);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static PushOutcome
push_once (PGconn       *conn,
           const gchar  *chain,
           GPtrArray    *changes,
           guint      *applied,
           GError    **error)
{
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, push_slot_free);
  g_autofree gchar *inserts = NULL;
  g_autofree gchar *updates = NULL;
  g_autoptr(PGresult) inserted = NULL;
  g_autoptr(PGresult) updated = NULL;
  const gchar *params[2];
  guint n_inserts;
  guint n_updates;
  PushOutcome outcome;

  if (!run_command (conn, "BEGIN", "starting the push", error))
    return PUSH_FAILED;
  outcome = load_stored (conn, chain, changes, slots, error);
  if (outcome != PUSH_DONE)
    return outcome;
  *applied = merge_changes (changes, slots, error);
  inserts = build_rows (changes, slots, FALSE, &n_inserts);
  updates = build_rows (changes, slots, TRUE, &n_updates);

  params[0] = inserts;
  params[1] = chain;
  inserted = PQexecParams (conn,
      "INSERT INTO sync_row (chain, tbl, id, updated_hlc, origin, deleted, data, xid, seq) "
      "SELECT $2, c->>'table', c->'row'->>'id', (c->'row'->>'updated_hlc')::bigint, c->'row'->>'origin', "
      "       (c->'row'->>'deleted')::int = 1, c->'row', pg_current_xact_id ()::text::bigint, "
      "       nextval ('sync_row_seq') "
      "FROM jsonb_array_elements ($1::jsonb) WITH ORDINALITY AS a (c, n) ORDER BY n "
      "ON CONFLICT (chain, tbl, id) DO NOTHING",
      2, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (inserted) != PGRES_COMMAND_OK)
    return push_failed (conn, inserted, "saving new rows", error);
  /* a concurrent push made one of these rows since load_stored(): start
   * again, now that it is there to be locked and compared */
  if ((guint) atoi (PQcmdTuples (inserted)) != n_inserts)
    return PUSH_RETRY;

  params[0] = updates;
  updated = PQexecParams (conn,
      "UPDATE sync_row s SET updated_hlc = (c->'row'->>'updated_hlc')::bigint, "
      "       origin = c->'row'->>'origin', deleted = (c->'row'->>'deleted')::int = 1, "
      "       data = c->'row', xid = pg_current_xact_id ()::text::bigint, seq = nextval ('sync_row_seq') "
      "FROM jsonb_array_elements ($1::jsonb) c "
      "WHERE s.chain = $2 AND s.tbl = c->>'table' AND s.id = c->'row'->>'id'",
      2, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (updated) != PGRES_COMMAND_OK)
    return push_failed (conn, updated, "saving changed rows", error);

  {
    g_autoptr(PGresult) committed = PQexec (conn, "COMMIT");

    if (PQresultStatus (committed) != PGRES_COMMAND_OK)
      return push_failed (conn, committed, "committing the push", error);
  }
  return PUSH_DONE;
}

gboolean
rg_central_store_push (RgCentralStore  *self,
                       const gchar     *chain,
                       GPtrArray       *changes,
                       guint           *applied,
                       GError         **error)
{
  PGconn *conn = acquire (self, error);
  guint n_applied = 0;

  if (conn == NULL)
    return FALSE;
  for (gint attempt = 0; attempt < PUSH_ATTEMPTS; attempt++)
    {
      PushOutcome outcome = push_once (conn, chain, changes, &n_applied, error);

      if (outcome == PUSH_RETRY)
        {
          PQclear (PQexec (conn, "ROLLBACK"));
          g_usleep (g_random_int_range (1000, 20000) * (attempt + 1));
          continue;
        }
      release (self, conn);
      if (outcome == PUSH_FAILED)
        return FALSE;
      if (applied != NULL)
        *applied = n_applied;
      return TRUE;
    }
  release (self, conn);
  g_set_error (error, RG_ERROR, RG_ERROR_BUSY,
               "the rows are being changed by other terminals; try again");
  return FALSE;
}

/* ------------------------------------------------------------------- pull */

static gboolean
parse_cursor (const gchar  *cursor,
              gchar       **xid,
              gchar       **seq,
              GError      **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 value;

  if (cursor == NULL || *cursor == '\0')
    {
      *xid = g_strdup ("0");
      *seq = g_strdup ("0");
      return TRUE;
    }
  parts = g_strsplit (cursor, ".", 3);
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXINT64, &value, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the cursor “%s” is not valid", cursor);
      return FALSE;
    }
  *xid = g_strdup (parts[0]);
  *seq = g_strdup (parts[1]);
  return TRUE;
}

gboolean
rg_central_store_pull (RgCentralStore  *self,
                       const gchar     *chain,
                       const gchar     *cursor,
                       guint            limit,
                       GString         *out,
                       GError         **error)
{
  g_autofree gchar *xid = NULL;
  g_autofree gchar *seq = NULL;
  g_autofree gchar *limit_text = g_strdup_printf ("%u", limit);
  g_autoptr(PGresult) result = NULL;
  PGconn *conn;
  gint n;

  if (!parse_cursor (cursor, &xid, &seq, error))
    return FALSE;
  conn = acquire (self, error);
  if (conn == NULL)
    return FALSE;
  {
    const gchar *params[] = { xid, seq, limit_text, chain };

    result = run (conn,
                  "SELECT tbl, data::text, xid, seq FROM sync_row "
                  "WHERE chain = $4 AND (xid, seq) > ($1::bigint, $2::bigint) "
                  "  AND xid < pg_snapshot_xmin (pg_current_snapshot ())::text::bigint "
                  "ORDER BY xid, seq LIMIT $3::int",
                  4, params, PGRES_TUPLES_OK, "reading changes", error);
  }
  release (self, conn);
  if (result == NULL)
    return FALSE;

  n = PQntuples (result);
  g_string_append (out, "{\"changes\":[");
  for (gint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rg_wire_append_change (out, PQgetvalue (result, i, 0), PQgetvalue (result, i, 1));
    }
  if (n > 0)
    g_string_append_printf (out, "],\"cursor\":\"%s.%s\"",
                            PQgetvalue (result, n - 1, 2), PQgetvalue (result, n - 1, 3));
  else
    g_string_append_printf (out, "],\"cursor\":\"%s.%s\"", xid, seq);
  g_string_append_printf (out, ",\"more\":%s}", (guint) n >= limit ? "true" : "false");
  return TRUE;
}
