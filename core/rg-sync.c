/* rg-sync.c — enrol, push the outbox, pull and apply.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-sync.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-auth.h"
#include "rg-rollup.h"
#include "rg-sync-apply.h"
#include "rg-sync-transport.h"
#include "rg-wire.h"

#define SETTING_URL     "sync.url"
#define SETTING_TOKEN   "sync.token"
#define SETTING_CURSOR  "sync.cursor"
#define SETTING_CA_FILE "sync.ca_file"
#define SETTING_PIN     "sync.pin"
#define SETTING_REBUILD "sync.rebuild"    /* a first sync is under way */

#define DEFAULT_BATCH   500

struct _RgSync
{
  /* borrowed */
  RgDb            *db;

  /* owned */
  RgSyncTransport *transport;
  RgSyncApply     *apply;
  gchar           *ca_file;
  gchar           *pin;

  guint            batch_size;
};

/* ------------------------------------------------------------- lifecycle */

RgSync *
rg_sync_new (RgDb *db)
{
  RgSync *self = g_new0 (RgSync, 1);
  g_autofree gchar *ca_file = rg_db_dup_setting (db, SETTING_CA_FILE);
  g_autofree gchar *pin = rg_db_dup_setting (db, SETTING_PIN);

  self->db = db;
  self->transport = rg_sync_transport_new ();
  self->apply = rg_sync_apply_new (db);
  self->batch_size = DEFAULT_BATCH;
  rg_sync_set_ca_file (self, ca_file);
  rg_sync_set_pin (self, pin);
  return self;
}

void
rg_sync_free (RgSync *self)
{
  if (self == NULL)
    return;
  rg_sync_transport_free (self->transport);
  rg_sync_apply_free (self->apply);
  g_free (self->ca_file);
  g_free (self->pin);
  g_free (self);
}

void
rg_sync_set_ca_file (RgSync      *self,
                     const gchar *ca_file)
{
  g_free (self->ca_file);
  self->ca_file = ca_file && *ca_file ? g_strdup (ca_file) : NULL;
  rg_sync_transport_set_ca_file (self->transport, self->ca_file);
}

void
rg_sync_set_pin (RgSync      *self,
                 const gchar *pin)
{
  g_free (self->pin);
  self->pin = pin && *pin ? g_strdup (pin) : NULL;
  rg_sync_transport_set_pin (self->transport, self->pin);
}

void
rg_sync_set_timeouts (RgSync *self,
                      guint   connect_ms,
                      guint   total_ms)
{
  rg_sync_transport_set_timeouts (self->transport, connect_ms, total_ms);
}

void
rg_sync_set_retries (RgSync *self,
                     guint   attempts,
                     guint   first_delay_ms)
{
  rg_sync_transport_set_retries (self->transport, attempts, first_delay_ms);
}

void
rg_sync_set_batch_size (RgSync *self,
                        guint   rows)
{
  self->batch_size = CLAMP (rows, 1, RG_WIRE_MAX_BATCH);
}

/* ------------------------------------------------------------- enrolment */

gboolean
rg_sync_is_enrolled (RgDb *db)
{
  g_autofree gchar *url = rg_db_dup_setting (db, SETTING_URL);
  g_autofree gchar *token = rg_db_dup_setting (db, SETTING_TOKEN);

  return url != NULL && token != NULL;
}

static gboolean
save_setting_or_clear (RgDb         *db,
                       const gchar  *key,
                       const gchar  *value,
                       GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  if (value != NULL)
    return rg_db_set_setting (db, key, value, error);
  stmt = rg_db_prepare (db, "DELETE FROM setting WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "clearing the setting %s", key);
  return TRUE;
}

gboolean
rg_sync_enrol (RgSync       *self,
               const gchar  *staff_id,
               const gchar  *url,
               const gchar  *code,
               GError      **error)
{
  g_autofree gchar *base = NULL;
  g_autofree gchar *endpoint = NULL;
  g_autofree gchar *body = NULL;
  g_autofree gchar *answer = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RgTransaction) txn = NULL;
  JsonNode *root;
  const gchar *token = NULL;
  guint retries = 0;

  g_return_val_if_fail (url != NULL && code != NULL, FALSE);
  if (!rg_auth_require (self->db, staff_id, RG_PERMISSION_MANAGE_DEVICES, error))
    return FALSE;
  if (g_ascii_strncasecmp (url, "https://", 8) != 0 || url[8] == '\0')
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "“%s” is not an https address of a central store", url);
      return FALSE;
    }
  base = g_strdup (url);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, rg_db_get_device_id (self->db));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, g_get_host_name ());
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  body = json_to_string (request, FALSE);

  endpoint = g_strconcat (base, "/v1/enrol", NULL);
  answer = rg_sync_transport_request (self->transport, endpoint, NULL, body, &retries, error);
  if (answer == NULL)
    {
      g_prefix_error (error, "enrolling with %s: ", base);
      return FALSE;
    }
  if (json_parser_load_from_data (parser, answer, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    token = json_object_get_string_member_with_default (json_node_get_object (root), "token", NULL);
  if (token == NULL || *token == '\0')
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NETWORK,
                   "enrolling with %s: the answer holds no device token", base);
      return FALSE;
    }

  txn = rg_db_begin (self->db, error);
  if (txn == NULL
      || !rg_db_set_setting (self->db, SETTING_URL, base, error)
      || !rg_db_set_setting (self->db, SETTING_TOKEN, token, error)
      || !save_setting_or_clear (self->db, SETTING_CA_FILE, self->ca_file, error)
      || !save_setting_or_clear (self->db, SETTING_PIN, self->pin, error)
      || !save_setting_or_clear (self->db, SETTING_CURSOR, NULL, error)
      || !rg_audit_log (self->db, staff_id, "device.enrol", base, g_get_host_name (), error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gint64
rg_sync_count_pending (RgDb *db)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT count (*) FROM sync_outbox", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* ------------------------------------------------------------------ push */

static gboolean
get_store (RgSync  *self,
           gchar  **base,
           gchar  **token,
           GError **error)
{
  *base = rg_db_dup_setting (self->db, SETTING_URL);
  *token = rg_db_dup_setting (self->db, SETTING_TOKEN);
  if (*base == NULL || *token == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
                   "this terminal is not enrolled with a central store");
      return FALSE;
    }
  return TRUE;
}

/* Reads the next batch of the outbox: the current version of each row
 * named, once, and the last outbox entry it covers. */
static GPtrArray *
read_outbox_batch (RgSync  *self,
                   gint64  *last_seq,
                   guint   *n_entries,
                   GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (self->db,
      "SELECT seq, tbl, row_id FROM sync_outbox ORDER BY seq LIMIT ?", error);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_wire_change_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) self->batch_size);
  *n_entries = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *last_seq = sqlite3_column_int64 (stmt, 0);
      (*n_entries)++;
      g_ptr_array_add (entries, g_strdup ((const gchar *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (entries, g_strdup ((const gchar *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (self->db, error, "reading the changes waiting to be sent");
      return NULL;
    }

  for (guint i = 0; i < entries->len; i += 2)
    {
      const RgWireTable *table = rg_wire_lookup_table (g_ptr_array_index (entries, i));
      const gchar *id = g_ptr_array_index (entries, i + 1);
      RgWireChange *change = NULL;

      if (table == NULL || !g_hash_table_add (seen, g_strconcat (table->name, "/", id, NULL)))
        continue;
      if (!rg_sync_apply_read_row (self->apply, table, id, &change, error))
        return NULL;
      if (change != NULL)
        g_ptr_array_add (changes, change);
    }
  return g_steal_pointer (&changes);
}

static gboolean
forget_sent (RgSync  *self,
             gint64   last_seq,
             GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (self->db, "DELETE FROM sync_outbox WHERE seq <= ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_seq);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (self->db, error, "marking changes as sent");
  return TRUE;
}

gboolean
rg_sync_push (RgSync       *self,
              RgSyncStats  *stats,
              GError      **error)
{
  g_autofree gchar *base = NULL;
  g_autofree gchar *token = NULL;
  g_autofree gchar *endpoint = NULL;
  RgSyncStats local = { 0 };

  if (stats == NULL)
    stats = &local;
  if (!get_store (self, &base, &token, error))
    return FALSE;
  endpoint = g_strconcat (base, "/v1/changes", NULL);

  for (;;)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree gchar *body = NULL;
      g_autofree gchar *answer = NULL;
      gint64 last_seq = 0;
      guint n_entries = 0;

      changes = read_outbox_batch (self, &last_seq, &n_entries, error);
      if (changes == NULL)
        return FALSE;
      if (n_entries == 0)
        return TRUE;
      if (changes->len > 0)
        {
          body = rg_wire_build_batch (changes);
          answer = rg_sync_transport_request (self->transport, endpoint, token, body,
                                              &stats->retries, error);
          if (answer == NULL)
            {
              g_prefix_error (error, "sending %u changes: ", changes->len);
              return FALSE;
            }
        }
      /* only now, with the store's acknowledgement, is the batch sent */
      if (!forget_sent (self, last_seq, error))
        return FALSE;
      stats->pushed += changes->len;
      if (n_entries < self->batch_size)
        return TRUE;
    }
}

/* ------------------------------------------------------------------ pull */

/* Applies one page of pulled changes and its cursor in one transaction.
 * In @bulk (a first sync), figures are not refreshed row by row: the pull
 * rebuilds them once at the end. */
static gboolean
apply_page (RgSync       *self,
            GPtrArray    *changes,
            const gchar  *cursor,
            gboolean      bulk,
            RgSyncStats  *stats,
            GError      **error)
{
  g_auto(RgSyncTouched) touched = { 0, };
  g_autoptr(RgTransaction) txn = rg_db_begin (self->db, error);
  guint applied = 0;

  if (txn == NULL)
    return FALSE;
  rg_sync_touched_init (&touched);
  touched.bulk = bulk;
  if (bulk && !rg_db_set_setting (self->db, SETTING_REBUILD, "1", error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      gboolean changed = FALSE;

      if (!rg_sync_apply_change (self->apply, g_ptr_array_index (changes, i), &touched, &changed, error))
        return FALSE;
      applied += changed;
    }
  if (applied > 0
      && (!rg_sync_apply_repoint (self->apply, &touched, error)
          || !rg_sync_apply_refresh (self->apply, &touched, error)))
    return FALSE;
  if (cursor != NULL && !rg_db_set_setting (self->db, SETTING_CURSOR, cursor, error))
    return FALSE;
  if (!rg_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  stats->applied += applied;
  stats->repointed += touched.repointed;
  return TRUE;
}

/* ------------------------------------------------------------ fetch ahead */

/* While the terminal applies one page, the next is fetched and parsed in a
 * thread: the network, the JSON and SQLite then work side by side.  The
 * fetcher runs at most PAGES_AHEAD pages ahead. */
#define PAGES_AHEAD 2

typedef struct
{
  GPtrArray *changes;   /* NULL when fetching failed */
  gchar     *cursor;
  gboolean   more;
  GError    *error;
} Page;

typedef struct
{
  /* borrowed */
  RgSyncTransport *transport;
  const gchar     *base;
  const gchar     *token;

  /* owned */
  gchar           *cursor;
  GAsyncQueue     *pages;     /* Page *, in order */
  GAsyncQueue     *credits;   /* one token per page it may fetch */

  guint            batch_size;
  guint            retries;
  gint             cancelled;
} Fetcher;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->changes, g_ptr_array_unref);
  g_clear_error (&page->error);
  g_free (page->cursor);
  g_free (page);
}

static Page *
fetch_page (Fetcher *f)
{
  Page *page = g_new0 (Page, 1);
  g_autofree gchar *escaped = g_uri_escape_string (f->cursor ? f->cursor : "", NULL, FALSE);
  g_autofree gchar *url = g_strdup_printf ("%s/v1/changes?limit=%u&since=%s", f->base, f->batch_size, escaped);
  g_autofree gchar *answer = NULL;

  answer = rg_sync_transport_request (f->transport, url, f->token, NULL, &f->retries, &page->error);
  if (answer == NULL)
    {
      g_prefix_error (&page->error, "fetching changes: ");
      return page;
    }
  page->changes = rg_wire_parse_batch (answer, strlen (answer), &page->cursor, &page->more, &page->error);
  if (page->changes == NULL)
    g_prefix_error (&page->error, "reading the changes from the central store: ");
  return page;
}

static gpointer
fetch_pages (gpointer data)
{
  Fetcher *f = data;

  for (;;)
    {
      Page *page;
      gboolean last;

      g_async_queue_pop (f->credits);
      if (g_atomic_int_get (&f->cancelled))
        return NULL;
      page = fetch_page (f);
      last = page->changes == NULL || !page->more;
      if (page->cursor != NULL)
        {
          g_free (f->cursor);
          f->cursor = g_strdup (page->cursor);
        }
      g_async_queue_push (f->pages, page);
      if (last)
        return NULL;
    }
}

/* Applies one fetched page, unless it brings nothing new. */
static gboolean
apply_fetched (RgSync       *self,
               Page         *page,
               gboolean      bulk,
               RgSyncStats  *stats,
               GError      **error)
{
  g_autofree gchar *cursor = rg_db_dup_setting (self->db, SETTING_CURSOR);
  gboolean ok;

  stats->pulled += page->changes->len;
  if (page->changes->len == 0 && g_strcmp0 (cursor, page->cursor) == 0)
    return TRUE;

  /* The store sends rows in its commit order, where a guest changed late
   * comes after the phones that refer to it: references are checked by
   * the terminal's own writes, not while the store's rows are applied. */
  rg_db_set_capture_changes (self->db, FALSE);
  ok = rg_db_exec (self->db, "PRAGMA foreign_keys = OFF", error)
       && apply_page (self, page->changes, page->cursor, bulk, stats, error);
  rg_db_set_capture_changes (self->db, TRUE);
  if (!rg_db_exec (self->db, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;
  return ok;
}

static gboolean
pull_pages (RgSync       *self,
            const gchar  *base,
            const gchar  *token,
            const gchar  *cursor,
            gboolean      bulk,
            RgSyncStats  *stats,
            GError      **error)
{
  Fetcher f = { self->transport, base, token, g_strdup (cursor),
                g_async_queue_new_full ((GDestroyNotify) page_free), g_async_queue_new (),
                self->batch_size, 0, 0 };
  GThread *thread;
  gboolean ok = TRUE;
  gboolean more = TRUE;
  RgDbTuning tuning = { 0, };

  /* Pages of 5000 rows split B-tree pages: see rg_db_tune_for_bulk(). */
  rg_db_tune_for_bulk (self->db, 0, &tuning);
  for (gint i = 0; i < PAGES_AHEAD; i++)
    g_async_queue_push (f.credits, GINT_TO_POINTER (1));
  thread = g_thread_new ("rg-sync-fetch", fetch_pages, &f);

  while (ok && more)
    {
      Page *page = g_async_queue_pop (f.pages);

      if (page->changes == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&page->error));
          ok = FALSE;
        }
      else
        {
          ok = apply_fetched (self, page, bulk, stats, error);
          more = page->more;
        }
      page_free (page);
      g_async_queue_push (f.credits, GINT_TO_POINTER (1));
    }

  g_atomic_int_set (&f.cancelled, TRUE);
  g_async_queue_push (f.credits, GINT_TO_POINTER (1));
  g_thread_join (thread);
  rg_db_restore_tuning (self->db, &tuning);
  stats->retries += f.retries;
  g_async_queue_unref (f.pages);
  g_async_queue_unref (f.credits);
  g_free (f.cursor);
  return ok;
}

gboolean
rg_sync_pull (RgSync       *self,
              RgSyncStats  *stats,
              GError      **error)
{
  g_autofree gchar *base = NULL;
  g_autofree gchar *token = NULL;
  g_autofree gchar *cursor = NULL;
  g_autofree gchar *rebuild = NULL;
  g_autofree gchar *pending = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  RgSyncStats local = { 0 };
  gboolean bulk;

  if (stats == NULL)
    stats = &local;
  if (!get_store (self, &base, &token, error))
    return FALSE;
  cursor = rg_db_dup_setting (self->db, SETTING_CURSOR);
  rebuild = rg_db_dup_setting (self->db, SETTING_REBUILD);
  bulk = cursor == NULL || rebuild != NULL;
  if (!pull_pages (self, base, token, cursor, bulk, stats, error))
    return FALSE;
  pending = bulk ? rg_db_dup_setting (self->db, SETTING_REBUILD) : NULL;
  if (pending == NULL)
    return TRUE;

  /* the first sync is complete: every figure and the name index at once */
  txn = rg_db_begin (self->db, error);
  if (txn == NULL
      || !rg_rollup_rebuild (self->db, error)
      || !save_setting_or_clear (self->db, SETTING_REBUILD, NULL, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
rg_sync_run_once (RgSync       *self,
                  RgSyncStats  *stats,
                  GError      **error)
{
  RgSyncStats local = { 0 };

  if (stats == NULL)
    stats = &local;
  else
    *stats = local;
  if (!rg_sync_push (self, stats, error) || !rg_sync_pull (self, stats, error))
    return FALSE;
  /* applying may have re-pointed rows of merged guests: send them now */
  return rg_sync_count_pending (self->db) == 0 || rg_sync_push (self, stats, error);
}
