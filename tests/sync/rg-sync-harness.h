/* rg-sync-harness.h — the real thing on the loopback for sync tests:
 * PostgreSQL, the central store, nginx terminating TLS with certificates
 * made by openssl, and fault-injecting proxies.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   terminal ──https──▶ front proxy ──▶ nginx (TLS) ──▶ back proxy ──▶ regulars-central ──▶ PostgreSQL
 *
 * Everything listens on 127.0.0.1 on free ports and lives in one temporary
 * folder, removed with the harness.  nginx also serves, on other ports, a
 * certificate for the wrong host name and an expired one.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"
#include "rg-fault-proxy.h"
#include "rg-sync.h"

G_BEGIN_DECLS

typedef struct
{
  gchar        *dir;
  gchar        *ca_file;          /* the CA that signed the store's certificates */
  gchar        *other_ca_file;    /* an unrelated CA */
  gchar        *pin;              /* sha256// pin of the store's public key */
  gchar        *other_pin;        /* a pin of another key */
  gchar        *url;              /* https://localhost:PORT through both proxies */
  gchar        *direct_url;       /* https://localhost:PORT straight to nginx */
  gchar        *wrong_host_url;   /* a certificate for store.example.com */
  gchar        *expired_url;      /* a certificate that expired in 2020 */
  gchar        *conninfo;         /* libpq connection string of the store's database */
  RgFaultProxy *front;            /* between the terminal and nginx */
  RgFaultProxy *back;             /* between nginx and the store */

  /* private */
  gchar        *pg_data;
  GSubprocess  *postgres;
  GSubprocess  *central;
  GSubprocess  *nginx;
  guint         pg_port;
  guint         central_port;
} RgSyncHarness;

/* Starts everything; aborts the test with a message if anything fails. */
RgSyncHarness *rg_sync_harness_new (void);
void           rg_sync_harness_free (RgSyncHarness *h);

/* Kills the central store at once (SIGKILL), or starts it again on the
 * same port. */
void           rg_sync_harness_kill_central (RgSyncHarness *h);
void           rg_sync_harness_start_central (RgSyncHarness *h);

/* A one-time enrolment code from `regulars-central --new-code`. */
gchar         *rg_sync_harness_new_code (RgSyncHarness *h);

/* One integer from a query on the store's database. */
gint64         rg_sync_harness_query_int (RgSyncHarness *h, const gchar *sql);

/* A client for @db, enrolled with a fresh code at h->url, trusting
 * h->ca_file, with short timeouts and quick retries. */
RgSync        *rg_sync_harness_enrol (RgSyncHarness *h, RgDb *db);

/* Digests for comparing state: of every synced row of a terminal (all
 * columns, or with @full FALSE only table, id, updated_hlc and origin), and
 * of the store's rows (table, id, updated_hlc, origin). */
gchar         *rg_sync_harness_terminal_digest (RgDb *db, gboolean full);
gchar         *rg_sync_harness_store_digest (RgSyncHarness *h);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSyncHarness, rg_sync_harness_free)

G_END_DECLS
