/* rg-sync-transport.c — HTTPS to the central store with libcurl.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-sync-transport.h"

#include <curl/curl.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define MAX_DELAY_MS     30000
#define MAX_ANSWER       (256 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CURL, curl_easy_cleanup)

struct _RgSyncTransport
{
  /* owned */
  CURL  *curl;
  gchar *ca_file;
  gchar *pin;

  guint  connect_ms;
  guint  total_ms;
  guint  attempts;
  guint  first_delay_ms;
};

typedef enum {
  ATTEMPT_DONE,
  ATTEMPT_RETRY,
  ATTEMPT_FAILED,
} AttemptOutcome;

/* ------------------------------------------------------------- lifecycle */

static void
init_curl_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&done, 1);
    }
}

RgSyncTransport *
rg_sync_transport_new (void)
{
  RgSyncTransport *self = g_new0 (RgSyncTransport, 1);

  init_curl_once ();
  self->curl = curl_easy_init ();
  self->connect_ms = 10000;
  self->total_ms = 60000;
  self->attempts = 6;
  self->first_delay_ms = 250;
  return self;
}

void
rg_sync_transport_free (RgSyncTransport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->curl, curl_easy_cleanup);
  g_free (self->ca_file);
  g_free (self->pin);
  g_free (self);
}

void
rg_sync_transport_set_ca_file (RgSyncTransport *self,
                               const gchar     *ca_file)
{
  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file);
}

void
rg_sync_transport_set_pin (RgSyncTransport *self,
                           const gchar     *pin)
{
  g_free (self->pin);
  self->pin = g_strdup (pin);
}

void
rg_sync_transport_set_timeouts (RgSyncTransport *self,
                                guint            connect_ms,
                                guint            total_ms)
{
  self->connect_ms = MAX (connect_ms, 1);
  self->total_ms = MAX (total_ms, 1);
}

void
rg_sync_transport_set_retries (RgSyncTransport *self,
                               guint            attempts,
                               guint            first_delay_ms)
{
  self->attempts = MAX (attempts, 1);
  self->first_delay_ms = first_delay_ms;
}

/* ---------------------------------------------------------------- helpers */

static size_t
on_curl_write_cb (char   *data,
                  size_t  size,
                  size_t  count,
                  void   *user_data)
{
  GString *answer = user_data;

  if (answer->len + size * count > MAX_ANSWER)
    return 0;
  g_string_append_len (answer, data, (gssize) (size * count));
  return size * count;
}

/* The store's {"error": "…"} message, or the answer's status line. */
static gchar *
dup_answer_message (const GString *answer,
                    glong          status)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json_parser_load_from_data (parser, answer->str, (gssize) answer->len, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root)
      && json_object_has_member (json_node_get_object (root), "error"))
    {
      const gchar *message = json_object_get_string_member (json_node_get_object (root), "error");

      if (message != NULL)
        return g_strdup (message);
    }
  return g_strdup_printf ("HTTP status %ld", status);
}

static gboolean
is_tls_refusal (CURLcode code)
{
  return code == CURLE_PEER_FAILED_VERIFICATION
         || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH
         || code == CURLE_SSL_CACERT_BADFILE
         || code == CURLE_SSL_CERTPROBLEM
         || code == CURLE_SSL_ISSUER_ERROR;
}

static void
setup_request (RgSyncTransport    *self,
               const gchar        *url,
               struct curl_slist  *headers,
               const gchar        *body,
               GString            *answer,
               gchar              *error_text)
{
  CURL *curl = self->curl;

  curl_easy_reset (curl);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    {
      /* trust this file only: not the built-in CA folder as well */
      curl_easy_setopt (curl, CURLOPT_CAINFO, self->ca_file);
      curl_easy_setopt (curl, CURLOPT_CAPATH, NULL);
    }
  if (self->pin != NULL)
    curl_easy_setopt (curl, CURLOPT_PINNEDPUBLICKEY, self->pin);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, (long) self->connect_ms);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, (long) self->total_ms);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt (curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_curl_write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, answer);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt (curl, CURLOPT_USERAGENT, "regulars/" "0.1");
  if (body != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) strlen (body));
    }
}

static AttemptOutcome
attempt (RgSyncTransport    *self,
         const gchar        *url,
         struct curl_slist  *headers,
         const gchar        *body,
         GString            *answer,
         GError            **error)
{
  gchar error_text[CURL_ERROR_SIZE] = "";
  g_autofree gchar *message = NULL;
  CURLcode code;
  glong status = 0;

  g_string_truncate (answer, 0);
  setup_request (self, url, headers, body, answer, error_text);
  code = curl_easy_perform (self->curl);

  if (code == CURLE_UNSUPPORTED_PROTOCOL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the central store must be reached over https, not %s", url);
      return ATTEMPT_FAILED;
    }
  if (is_tls_refusal (code))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_TLS,
                   "the central store's certificate was refused, nothing was sent: %s",
                   *error_text ? error_text : curl_easy_strerror (code));
      return ATTEMPT_FAILED;
    }
  if (code != CURLE_OK)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NETWORK,
                   "the central store cannot be reached: %s",
                   *error_text ? error_text : curl_easy_strerror (code));
      return ATTEMPT_RETRY;
    }

  curl_easy_getinfo (self->curl, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300)
    return ATTEMPT_DONE;
  message = dup_answer_message (answer, status);
  if (status >= 500 || status == 429 || status == 408)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NETWORK,
                   "the central store has a problem (%ld): %s", status, message);
      return ATTEMPT_RETRY;
    }
  if (status == 401 || status == 403)
    g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
                 "the central store refused this terminal: %s", message);
  else
    g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                 "the central store refused the request (%ld): %s", status, message);
  return ATTEMPT_FAILED;
}

/* Full jitter: a random wait up to the doubled delay, so that terminals
 * cut off together do not come back together. */
static void
back_off (RgSyncTransport *self,
          guint            attempt_number)
{
  guint64 delay = (guint64) self->first_delay_ms << MIN (attempt_number, 16);

  delay = MIN (delay, MAX_DELAY_MS);
  if (delay > 0)
    g_usleep (g_random_int_range ((gint32) (delay / 2), (gint32) delay + 1) * 1000);
}

/* ------------------------------------------------------------- public API */

gchar *
rg_sync_transport_request (RgSyncTransport  *self,
                           const gchar      *url,
                           const gchar      *token,
                           const gchar      *body,
                           guint            *retries,
                           GError          **error)
{
  g_autoptr(GString) answer = g_string_new (NULL);
  struct curl_slist *headers = NULL;
  g_autofree gchar *authorization = NULL;

  headers = curl_slist_append (headers, "Content-Type: application/json");
  headers = curl_slist_append (headers, "Expect:");
  if (token != NULL)
    {
      authorization = g_strconcat ("Authorization: Bearer ", token, NULL);
      headers = curl_slist_append (headers, authorization);
    }

  for (guint n = 0; n < self->attempts; n++)
    {
      g_autoptr(GError) attempt_error = NULL;
      AttemptOutcome outcome = attempt (self, url, headers, body, answer, &attempt_error);

      if (outcome == ATTEMPT_DONE)
        {
          curl_slist_free_all (headers);
          return g_string_free (g_steal_pointer (&answer), FALSE);
        }
      if (outcome == ATTEMPT_FAILED || n + 1 == self->attempts)
        {
          g_propagate_error (error, g_steal_pointer (&attempt_error));
          break;
        }
      (*retries)++;
      back_off (self, n);
    }
  curl_slist_free_all (headers);
  return NULL;
}
