/* rg-central-http.c — routing, limits, authentication and the request log.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-central-http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "rg-central-devices.h"
#include "rg-central-door.h"

#define PULL_LIMIT_DEFAULT  1000
#define CONNECTION_LIMIT    1024
#define IDLE_TIMEOUT_S      60

struct _RgCentralServer
{
  /* owned */
  struct MHD_Daemon *daemon;

  /* borrowed */
  RgCentralStore    *store;

  gsize              max_body;
  guint              port;
  guint              rate;    /* requests a second per device; 0: no limit */
  guint              burst;
};

/* One request, from its first byte to the log line. */
typedef struct
{
  /* owned */
  GString *body;
  gchar   *method;
  gchar   *url;
  gchar   *device;
  gchar   *chain;     /* the device's, once authenticated */

  gint64   start_us;
  guint    status;
  guint    retry_after_s;   /* > 0: refused by the rate limit */
  gsize    sent;
  gboolean too_large;
} Request;

/* ---------------------------------------------------------------- answers */

static enum MHD_Result
respond (struct MHD_Connection *connection,
         Request               *request,
         guint                  status,
         gchar                 *body)
{
  gsize length = strlen (body);
  struct MHD_Response *response =
    MHD_create_response_from_buffer (length, body, MHD_RESPMEM_MUST_FREE);
  enum MHD_Result result;

  MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
  if (request->retry_after_s > 0)
    {
      gchar seconds[16];

      g_snprintf (seconds, sizeof seconds, "%u", request->retry_after_s);
      MHD_add_response_header (response, MHD_HTTP_HEADER_RETRY_AFTER, seconds);
    }
  result = MHD_queue_response (connection, status, response);
  MHD_destroy_response (response);
  request->status = status;
  request->sent = length;
  return result;
}

static enum MHD_Result
respond_error (struct MHD_Connection *connection,
               Request               *request,
               guint                  status,
               const gchar           *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return respond (connection, request, status, json_to_string (root, FALSE));
}

static guint
status_for_error (const GError *error)
{
  if (error->domain != RG_ERROR)
    return MHD_HTTP_INTERNAL_SERVER_ERROR;
  switch (error->code)
    {
    case RG_ERROR_INVALID:
      return MHD_HTTP_BAD_REQUEST;
    case RG_ERROR_PERMISSION:
      return MHD_HTTP_UNAUTHORIZED;
    case RG_ERROR_DB:
    case RG_ERROR_BUSY:
      return MHD_HTTP_SERVICE_UNAVAILABLE;
    default:
      return MHD_HTTP_INTERNAL_SERVER_ERROR;
    }
}

static enum MHD_Result
respond_gerror (struct MHD_Connection *connection,
                Request               *request,
                const GError          *error)
{
  guint status = request->retry_after_s > 0 ? MHD_HTTP_TOO_MANY_REQUESTS : status_for_error (error);

  return respond_error (connection, request, status, error->message);
}

/* --------------------------------------------------------------- handlers */

static enum MHD_Result
handle_health (RgCentralServer       *self,
               struct MHD_Connection *connection,
               Request               *request)
{
  g_autoptr(GError) error = NULL;

  if (!rg_central_store_check (self->store, &error))
    return respond_gerror (connection, request, error);
  return respond (connection, request, MHD_HTTP_OK, g_strdup ("{\"status\":\"ok\"}"));
}

static enum MHD_Result
handle_enrol (RgCentralServer       *self,
              struct MHD_Connection *connection,
              Request               *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree gchar *token = NULL;
  g_autofree gchar *answer = NULL;
  const gchar *device;

  form = rg_central_door_parse_form (request->body->str, request->body->len, &error);
  if (form == NULL)
    return respond_gerror (connection, request, error);

  device = g_hash_table_lookup (form, "device_id");
  token = rg_central_store_enrol (self->store, g_hash_table_lookup (form, "code"), device,
                                  g_hash_table_lookup (form, "name"), &error);
  if (token == NULL)
    return respond_gerror (connection, request, error);
  request->device = g_strdup (device);
  answer = g_strdup_printf ("{\"token\":\"%s\"}", token);
  return respond (connection, request, MHD_HTTP_OK, g_steal_pointer (&answer));
}

static gboolean
authenticate (RgCentralServer        *self,
              struct MHD_Connection  *connection,
              Request                *request,
              GError                **error)
{
  const gchar *header = MHD_lookup_connection_value (connection, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_AUTHORIZATION);

  if (header == NULL || !g_str_has_prefix (header, "Bearer "))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION, "no device token");
      return FALSE;
    }
  request->device = rg_central_store_authenticate (self->store, header + strlen ("Bearer "),
                                                   &request->chain, error);
  if (request->device == NULL)
    return FALSE;
  if (self->rate == 0)
    return TRUE;
  if (!rg_central_devices_take (self->store, request->device, self->rate, self->burst,
                                &request->retry_after_s, error))
    return FALSE;
  if (request->retry_after_s > 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_BUSY,
                   "this device sends too many requests: try again in %u s", request->retry_after_s);
      return FALSE;
    }
  return TRUE;
}

static enum MHD_Result
handle_push (RgCentralServer       *self,
             struct MHD_Connection *connection,
             Request               *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint applied = 0;

  if (!authenticate (self, connection, request, &error))
    return respond_gerror (connection, request, error);
  changes = rg_wire_parse_batch (request->body->str, request->body->len, NULL, NULL, &error);
  if (changes == NULL)
    return respond_gerror (connection, request, error);
  if (changes->len > 0 && !rg_central_store_push (self->store, request->chain, changes, &applied, &error))
    return respond_gerror (connection, request, error);
  return respond (connection, request, MHD_HTTP_OK,
                  g_strdup_printf ("{\"accepted\":%u,\"applied\":%u}", changes->len, applied));
}

static enum MHD_Result
handle_pull (RgCentralServer       *self,
             struct MHD_Connection *connection,
             Request               *request)
{
  g_autoptr(GError) error = NULL;
  const gchar *since = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "since");
  const gchar *limit_text = MHD_lookup_connection_value (connection, MHD_GET_ARGUMENT_KIND, "limit");
  guint64 limit = PULL_LIMIT_DEFAULT;
  GString *out;

  if (!authenticate (self, connection, request, &error))
    return respond_gerror (connection, request, error);
  if (limit_text != NULL
      && !g_ascii_string_to_unsigned (limit_text, 10, 1, RG_WIRE_MAX_BATCH, &limit, NULL))
    return respond_error (connection, request, MHD_HTTP_BAD_REQUEST, "the limit is not valid");

  out = g_string_new (NULL);
  if (!rg_central_store_pull (self->store, request->chain, since, (guint) limit, out, &error))
    {
      g_string_free (out, TRUE);
      return respond_gerror (connection, request, error);
    }
  return respond (connection, request, MHD_HTTP_OK, g_string_free (out, FALSE));
}

static enum MHD_Result
route (RgCentralServer       *self,
       struct MHD_Connection *connection,
       Request               *request,
       const gchar           *url,
       const gchar           *method)
{
  gboolean get = strcmp (method, MHD_HTTP_METHOD_GET) == 0;
  gboolean post = strcmp (method, MHD_HTTP_METHOD_POST) == 0;

  if (strcmp (url, "/v1/health") == 0 && get)
    return handle_health (self, connection, request);
  if (strcmp (url, "/v1/enrol") == 0 && post)
    return handle_enrol (self, connection, request);
  if (strcmp (url, "/v1/changes") == 0 && post)
    return handle_push (self, connection, request);
  if (strcmp (url, "/v1/changes") == 0 && get)
    return handle_pull (self, connection, request);
  if (strcmp (url, "/v1/health") == 0 || strcmp (url, "/v1/enrol") == 0
      || strcmp (url, "/v1/changes") == 0)
    return respond_error (connection, request, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed");
  return respond_error (connection, request, MHD_HTTP_NOT_FOUND, "no such endpoint");
}

/* ------------------------------------------------------------- callbacks */

static enum MHD_Result
on_daemon_access_cb (void                  *cls,
                     struct MHD_Connection *connection,
                     const char            *url,
                     const char            *method,
                     const char            *version,
                     const char            *upload_data,
                     size_t                *upload_data_size,
                     void                 **con_cls)
{
  RgCentralServer *self = cls;
  Request *request = *con_cls;

  if (request == NULL)
    {
      const gchar *length = MHD_lookup_connection_value (connection, MHD_HEADER_KIND,
                                                         MHD_HTTP_HEADER_CONTENT_LENGTH);
      guint64 declared = 0;

      request = g_new0 (Request, 1);
      request->body = g_string_new (NULL);
      request->start_us = g_get_monotonic_time ();
      request->method = g_strdup (method);
      request->url = g_strdup (url);
      *con_cls = request;
      if (length != NULL && (!g_ascii_string_to_unsigned (length, 10, 0, G_MAXUINT64, &declared, NULL)
                             || declared > self->max_body))
        request->too_large = TRUE;
      return MHD_YES;
    }

  /* A body over the limit is read and dropped, and refused once it has
   * all arrived: answering while the peer still sends makes the kernel
   * reset the connection, and the terminator would see a reset instead of
   * 413.  (The terminator bounds how much it forwards.) */
  if (*upload_data_size > 0)
    {
      if (request->body->len + *upload_data_size > self->max_body)
        request->too_large = TRUE;
      if (!request->too_large)
        g_string_append_len (request->body, upload_data, (gssize) *upload_data_size);
      *upload_data_size = 0;
      return MHD_YES;
    }
  if (request->too_large)
    return respond_error (connection, request, MHD_HTTP_CONTENT_TOO_LARGE,
                          "the request is larger than this store accepts");
  return route (self, connection, request, url, method);
}

static void
on_daemon_completed_cb (void                            *cls,
                        struct MHD_Connection           *connection,
                        void                           **con_cls,
                        enum MHD_RequestTerminationCode  code)
{
  Request *request = *con_cls;
  const union MHD_ConnectionInfo *info;
  const gchar *forwarded;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree gchar *stamp = g_date_time_format_iso8601 (now);
  gchar address[INET6_ADDRSTRLEN] = "-";

  if (request == NULL)
    return;
  info = MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (info != NULL && info->client_addr->sa_family == AF_INET)
    inet_ntop (AF_INET, &((struct sockaddr_in *) info->client_addr)->sin_addr, address, sizeof address);
  forwarded = MHD_lookup_connection_value (connection, MHD_HEADER_KIND, "X-Forwarded-For");

  /* one line per request: when, from where, what, the answer, sizes, time */
  fprintf (stderr, "%s %s %s %s %u in=%" G_GSIZE_FORMAT " out=%" G_GSIZE_FORMAT
           " %.1fms device=%s%s\n",
           stamp, forwarded ? forwarded : address, request->method, request->url,
           request->status, request->body->len, request->sent,
           (g_get_monotonic_time () - request->start_us) / 1000.0,
           request->device ? request->device : "-",
           code == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");
  g_string_free (request->body, TRUE);
  g_free (request->method);
  g_free (request->url);
  g_free (request->device);
  g_free (request->chain);
  g_free (request);
  *con_cls = NULL;
}

/* ------------------------------------------------------------- public API */

RgCentralServer *
rg_central_server_start (RgCentralStore         *store,
                         const RgCentralConfig  *config,
                         GError                **error)
{
  g_autofree RgCentralServer *self = g_new0 (RgCentralServer, 1);
  struct sockaddr_in address = { 0 };
  const union MHD_DaemonInfo *info;

  address.sin_family = AF_INET;
  address.sin_port = htons ((guint16) config->port);
  if (inet_pton (AF_INET, config->listen, &address.sin_addr) != 1)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the listen address “%s” is not an IPv4 address", config->listen);
      return NULL;
    }
  self->store = store;
  self->max_body = config->max_body;
  self->rate = config->rate;
  self->burst = config->burst;
  self->daemon = MHD_start_daemon (MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION
                                   | MHD_USE_POLL | MHD_USE_ERROR_LOG,
                                   0, NULL, NULL,
                                   on_daemon_access_cb, self,
                                   MHD_OPTION_SOCK_ADDR, &address,
                                   MHD_OPTION_NOTIFY_COMPLETED, on_daemon_completed_cb, self,
                                   MHD_OPTION_CONNECTION_LIMIT, (unsigned int) CONNECTION_LIMIT,
                                   MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) IDLE_TIMEOUT_S,
                                   MHD_OPTION_END);
  if (self->daemon == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NETWORK,
                   "cannot listen on %s:%u", config->listen, config->port);
      return NULL;
    }
  info = MHD_get_daemon_info (self->daemon, MHD_DAEMON_INFO_BIND_PORT);
  self->port = info != NULL ? info->port : config->port;
  return g_steal_pointer (&self);
}

guint
rg_central_server_get_port (RgCentralServer *self)
{
  return self->port;
}

void
rg_central_server_stop (RgCentralServer *self)
{
  if (self == NULL)
    return;
  MHD_stop_daemon (self->daemon);
  g_free (self);
}
