/* check-sync-central.c — the central store's API through TLS: health,
 * enrolment, 401 for a bad token, 400 for malformed or hostile JSON and
 * unknown tables, columns or types, 413 for a body too large; every
 * refusal leaves the store unchanged.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <curl/curl.h>
#include <string.h>

#include "rg-sync-harness.h"
#include "rg-sync-transport.h"
#include "rg-test-util.h"

#define GUEST_ID  "0190a1b2-0000-7000-8000-000000000001"
#define TAG_ID    "0190a1b2-0000-7000-8000-000000000002"
#define DEVICE    "0190a1b2-0000-7000-8000-00000000000a"

#define TAG_ROW(extra) \
  "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{\"id\":\"" TAG_ID "\",\"updated_hlc\":5," \
  "\"origin\":\"" DEVICE "\",\"deleted\":0,\"guest_id\":\"" GUEST_ID "\",\"tag\":\"wine\"" extra "}}]}"

typedef struct
{
  RgSyncHarness   *h;
  RgSyncTransport *transport;
  gchar           *token;
  gchar           *changes_url;
} Client;

static Client *
client_new (void)
{
  Client *c = g_new0 (Client, 1);
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = NULL;

  c->h = rg_sync_harness_new ();
  sync = rg_sync_harness_enrol (c->h, t->db);
  c->token = rg_db_dup_setting (t->db, "sync.token");
  c->transport = rg_sync_transport_new ();
  rg_sync_transport_set_ca_file (c->transport, c->h->ca_file);
  rg_sync_transport_set_retries (c->transport, 1, 0);
  c->changes_url = g_strconcat (c->h->url, "/v1/changes", NULL);
  return c;
}

static void
client_free (Client *c)
{
  rg_sync_transport_free (c->transport);
  rg_sync_harness_free (c->h);
  g_free (c->token);
  g_free (c->changes_url);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

static gchar *
post (Client       *c,
      const gchar  *token,
      const gchar  *body,
      GError      **error)
{
  guint retries = 0;

  return rg_sync_transport_request (c->transport, c->changes_url, token, body, &retries, error);
}

/* The store's state, to compare before and after a refusal. */
static gchar *
store_state (Client *c)
{
  g_autofree gchar *digest = rg_sync_harness_store_digest (c->h);

  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, digest,
                          rg_sync_harness_query_int (c->h, "SELECT coalesce (max (seq), 0) FROM sync_row"));
}

static void
assert_refused (Client      *c,
                const gchar *token,
                const gchar *body,
                gint         code,
                const gchar *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *before = store_state (c);
  g_autofree gchar *answer = post (c, token, body, &error);
  g_autofree gchar *after = store_state (c);

  ck_assert_ptr_null (answer);
  ck_assert_error (error, RG_ERROR, code);
  ck_assert_msg (status == NULL || strstr (error->message, status) != NULL,
                 "“%s” is not a %s", error->message, status);
  ck_assert_str_eq (before, after);
}

START_TEST (test_health_and_a_valid_push)
{
  g_autoptr(Client) c = client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *health_url = g_strconcat (c->h->url, "/v1/health", NULL);
  g_autofree gchar *health = NULL;
  g_autofree gchar *answer = NULL;
  g_autofree gchar *again = NULL;
  guint retries = 0;

  health = rg_sync_transport_request (c->transport, health_url, NULL, NULL, &retries, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (health, "{\"status\":\"ok\"}");
  answer = post (c, c->token, TAG_ROW (""), &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (answer, "{\"accepted\":1,\"applied\":1}");
  again = post (c, c->token, TAG_ROW (""), &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (again, "{\"accepted\":1,\"applied\":0}");
  ck_assert_int_eq (rg_sync_harness_query_int (c->h, "SELECT count (*) FROM sync_row"), 1);
}
END_TEST

START_TEST (test_bad_tokens_get_401)
{
  g_autoptr(Client) c = client_new ();

  assert_refused (c, NULL, TAG_ROW (""), RG_ERROR_PERMISSION, NULL);
  assert_refused (c, "", TAG_ROW (""), RG_ERROR_PERMISSION, NULL);
  assert_refused (c, "0123456789abcdef", TAG_ROW (""), RG_ERROR_PERMISSION, NULL);
  ck_assert_int_eq (rg_sync_harness_query_int (c->h, "SELECT count (*) FROM sync_row"), 0);
}
END_TEST

START_TEST (test_hostile_and_malformed_bodies_get_400)
{
  g_autoptr(Client) c = client_new ();
  g_autoptr(GString) deep = g_string_new ("{\"changes\":");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *answer = NULL;

  /* something stored first, so that "unchanged" is not just "empty" */
  answer = post (c, c->token, TAG_ROW (""), &error);
  ck_assert_no_error (error);

  for (gint i = 0; i < 50000; i++)
    g_string_append_c (deep, '[');
  assert_refused (c, c->token, deep->str, RG_ERROR_INVALID, "(400)");
  assert_refused (c, c->token, "not json at all", RG_ERROR_INVALID, "(400)");
  assert_refused (c, c->token, "{\"changes\":[", RG_ERROR_INVALID, "(400)");
  assert_refused (c, c->token, TAG_ROW (",\"is_admin\":1"), RG_ERROR_INVALID, "(400)");
  assert_refused (c, c->token,
                  "{\"changes\":[{\"table\":\"pg_authid\",\"row\":{\"id\":\"" TAG_ID "\"}}]}",
                  RG_ERROR_INVALID, "(400)");
  assert_refused (c, c->token,
                  "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{\"id\":\"" TAG_ID "\",\"updated_hlc\":\"5\","
                  "\"origin\":\"" DEVICE "\",\"deleted\":0,\"guest_id\":\"" GUEST_ID "\",\"tag\":\"wine\"}}]}",
                  RG_ERROR_INVALID, "(400)");
  assert_refused (c, c->token,
                  "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{\"id\":\"'; DROP TABLE sync_row; --\","
                  "\"updated_hlc\":5,\"origin\":\"" DEVICE "\",\"deleted\":0,\"guest_id\":\"" GUEST_ID "\","
                  "\"tag\":\"wine\"}}]}",
                  RG_ERROR_INVALID, "(400)");
  /* one bad change refuses the whole batch */
  assert_refused (c, c->token,
                  "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{\"id\":\"" GUEST_ID "\",\"updated_hlc\":9,"
                  "\"origin\":\"" DEVICE "\",\"deleted\":0,\"guest_id\":\"" GUEST_ID "\",\"tag\":\"tea\"}},"
                  "{\"table\":\"guest_tag\",\"row\":{}}]}",
                  RG_ERROR_INVALID, "(400)");
  ck_assert_int_eq (rg_sync_harness_query_int (c->h, "SELECT count (*) FROM sync_row"), 1);
}
END_TEST

START_TEST (test_body_over_the_limit_gets_413)
{
  g_autoptr(Client) c = client_new ();
  g_autoptr(GString) big = g_string_new ("{\"changes\":[],\"padding\":\"");

  /* the harness sets the store's limit to 4 MiB */
  for (gint i = 0; i < 5 * 1024 * 1024; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\"}");
  assert_refused (c, c->token, big->str, RG_ERROR_INVALID, "(413)");
}
END_TEST

START_TEST (test_enrolment_codes_are_single_use)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) first = rg_test_db_new_staffed ();
  g_autoptr(RgTestDb) second = rg_test_db_new_staffed ();
  g_autoptr(RgSync) a = rg_sync_new (first->db);
  g_autoptr(RgSync) b = rg_sync_new (second->db);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *code = rg_sync_harness_new_code (h);
  g_autofree gchar *token = NULL;

  rg_sync_set_ca_file (a, h->ca_file);
  rg_sync_set_ca_file (b, h->ca_file);
  ck_assert (rg_sync_enrol (a, "owner", h->url, code, &error));
  ck_assert_no_error (error);
  ck_assert (!rg_sync_enrol (b, "owner", h->url, code, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert (!rg_sync_enrol (b, "owner", h->url, "NOPE-NOPE-NOPE", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  ck_assert (!rg_sync_is_enrolled (second->db));

  /* the enrolment is in the audit log with who did it; the refused ones wrote nothing */
  ck_assert_int_eq (rg_test_query_int (first->db,
                                       "SELECT count (*) FROM audit_log WHERE action = 'device.enrol' "
                                       "AND staff_id = 'owner'"), 1);
  ck_assert_int_eq (rg_test_query_int (second->db,
                                       "SELECT count (*) FROM audit_log WHERE action = 'device.enrol'"), 0);

  /* the token is kept hashed by the store, never in clear */
  token = rg_db_dup_setting (first->db, "sync.token");
  ck_assert_int_eq (strlen (token), 64);
  {
    g_autofree gchar *sql = g_strdup_printf ("SELECT count (*) FROM device_token WHERE token_hash = '%s'", token);

    ck_assert_int_eq (rg_sync_harness_query_int (h, sql), 0);
    ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM device_token"), 1);
  }
}
END_TEST

static size_t
on_header_cb (char   *data,
              size_t  size,
              size_t  count,
              void   *user_data)
{
  g_string_append_len (user_data, data, (gssize) (size * count));
  return size * count;
}

static size_t
on_body_cb (char   *data,
            size_t  size,
            size_t  count,
            void   *user_data)
{
  g_string_append_len (user_data, data, (gssize) (size * count));
  return size * count;
}

START_TEST (test_answers_are_gzipped_through_the_terminator)
{
  g_autoptr(Client) c = client_new ();
  g_autoptr(GString) batch = g_string_new ("{\"changes\":[");
  g_autoptr(GString) headers = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *answer = NULL;
  g_autofree gchar *authorization = g_strconcat ("Authorization: Bearer ", c->token, NULL);
  struct curl_slist *list = curl_slist_append (NULL, authorization);
  CURL *curl = curl_easy_init ();
  curl_off_t received = 0;

  for (gint i = 0; i < 20; i++)
    g_string_append_printf (batch, "%s{\"table\":\"guest_tag\",\"row\":{\"id\":\"0190a1b2-0000-7000-8000-0000000001%02d\","
                            "\"updated_hlc\":5,\"origin\":\"" DEVICE "\",\"deleted\":0,"
                            "\"guest_id\":\"" GUEST_ID "\",\"tag\":\"tag %d\"}}", i ? "," : "", i, i);
  g_string_append (batch, "]}");
  answer = post (c, c->token, batch->str, &error);
  ck_assert_no_error (error);

  curl_easy_setopt (curl, CURLOPT_URL, c->changes_url);
  curl_easy_setopt (curl, CURLOPT_CAINFO, c->h->ca_file);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt (curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, on_header_cb);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, headers);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_body_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, body);
  ck_assert_int_eq (curl_easy_perform (curl), CURLE_OK);
  curl_easy_getinfo (curl, CURLINFO_SIZE_DOWNLOAD_T, &received);
  curl_easy_cleanup (curl);
  curl_slist_free_all (list);

  ck_assert_msg (strstr (headers->str, "Content-Encoding: gzip") != NULL, "not compressed: %s", headers->str);
  ck_assert (g_str_has_prefix (body->str, "{\"changes\":["));
  ck_assert_int_lt (received, (curl_off_t) body->len);
}
END_TEST

static Suite *
central_suite (void)
{
  Suite *s = suite_create ("sync-central");
  TCase *tc = tcase_create ("api");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_health_and_a_valid_push);
  tcase_add_test (tc, test_bad_tokens_get_401);
  tcase_add_test (tc, test_hostile_and_malformed_bodies_get_400);
  tcase_add_test (tc, test_body_over_the_limit_gets_413);
  tcase_add_test (tc, test_enrolment_codes_are_single_use);
  tcase_add_test (tc, test_answers_are_gzipped_through_the_terminator);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (central_suite ());
}
