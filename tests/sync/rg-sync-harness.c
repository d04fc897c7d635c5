/* rg-sync-harness.c — PostgreSQL, the central store, nginx and proxies on
 * the loopback, for the sync tests.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-sync-harness.h"

#include <arpa/inet.h>
#include <check.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <string.h>
#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rg-sync-apply.h"
#include "rg-test-util.h"
#include "rg-wire.h"

#define READY_TIMEOUT_MS 10000

/* --------------------------------------------------------------- helpers */

static guint
free_port (void)
{
  struct sockaddr_in address = { 0 };
  socklen_t length = sizeof address;
  gint fd = socket (AF_INET, SOCK_STREAM, 0);

  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  ck_assert_int_eq (bind (fd, (struct sockaddr *) &address, sizeof address), 0);
  getsockname (fd, (struct sockaddr *) &address, &length);
  close (fd);
  return ntohs (address.sin_port);
}

static gboolean
port_answers (guint port)
{
  struct sockaddr_in address = { 0 };
  gint fd = socket (AF_INET, SOCK_STREAM, 0);
  gboolean ok;

  address.sin_family = AF_INET;
  address.sin_port = htons ((guint16) port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  ok = connect (fd, (struct sockaddr *) &address, sizeof address) == 0;
  close (fd);
  return ok;
}

static void
wait_for_port (guint        port,
               const gchar *what)
{
  for (gint waited = 0; waited < READY_TIMEOUT_MS; waited += 20)
    {
      if (port_answers (port))
        return;
      g_usleep (20000);
    }
  ck_abort_msg ("%s did not start listening on port %u", what, port);
}

/* Runs @argv (NULL-terminated) and aborts the test if it fails. */
static gchar *
run (const gchar * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  gint status = 0;

  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  ck_assert_msg (error == NULL, "cannot run %s: %s", argv[0], error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static void
write_file (const gchar *path,
            const gchar *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  ck_assert_no_error (error);
}

/* ------------------------------------------------------------- children */

/* Who a server runs as, and the signal it gets when the test dies: a
 * failed assertion or a timeout ends the test process without cleaning
 * up, and the servers must not outlive it. */
typedef struct
{
  uid_t uid;
  gid_t gid;
  gint  death_signal;
  gboolean switch_user;
} ChildSetup;

static void
setup_child (gpointer data)
{
  const ChildSetup *setup = data;

  if (setup->switch_user
      && (setgroups (0, NULL) != 0 || setgid (setup->gid) != 0 || setuid (setup->uid) != 0))
    _exit (126);
  /* after setuid, which clears it */
  prctl (PR_SET_PDEATHSIG, setup->death_signal);
}

static GSubprocessLauncher *
launcher_dying_with_test (GSubprocessFlags  flags,
                          ChildSetup       *setup)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, setup_child, setup, NULL);
  return launcher;
}

/* ----------------------------------------------------------- certificates */

static void
make_key_and_request (const gchar *dir,
                      const gchar *name,
                      const gchar *subject)
{
  g_autofree gchar *key = g_strdup_printf ("%s/%s.key", dir, name);
  g_autofree gchar *csr = g_strdup_printf ("%s/%s.csr", dir, name);
  const gchar *argv[] = { "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt",
                          "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                          "-out", csr, "-subj", subject, NULL };

  g_free (run (argv));
}

static void
make_ca (const gchar *dir,
         const gchar *name,
         const gchar *subject)
{
  g_autofree gchar *key = g_strdup_printf ("%s/%s.key", dir, name);
  g_autofree gchar *pem = g_strdup_printf ("%s/%s.pem", dir, name);
  const gchar *argv[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                          "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                          "-out", pem, "-days", "30", "-subj", subject, NULL };

  g_free (run (argv));
}

static void
sign (const gchar *dir,
      const gchar *name,
      const gchar *names)
{
  g_autofree gchar *csr = g_strdup_printf ("%s/%s.csr", dir, name);
  g_autofree gchar *pem = g_strdup_printf ("%s/%s.pem", dir, name);
  g_autofree gchar *ext = g_strdup_printf ("%s/%s.ext", dir, name);
  g_autofree gchar *ca = g_strdup_printf ("%s/ca.pem", dir);
  g_autofree gchar *ca_key = g_strdup_printf ("%s/ca.key", dir);
  g_autofree gchar *serial = g_strdup_printf ("%s/ca.srl", dir);
  g_autofree gchar *extensions = g_strdup_printf ("subjectAltName=%s\nbasicConstraints=CA:FALSE\n"
                                                  "extendedKeyUsage=serverAuth\n", names);
  const gchar *argv[] = { "openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key,
                          "-CAserial", serial, "-CAcreateserial", "-out", pem, "-days", "30",
                          "-extfile", ext, NULL };

  write_file (ext, extensions);
  g_free (run (argv));
}

/* A certificate for localhost, valid only in January 2020. */
static void
sign_expired (const gchar *dir)
{
  g_autofree gchar *config = g_strdup_printf ("%s/ca.cnf", dir);
  g_autofree gchar *index = g_strdup_printf ("%s/index.txt", dir);
  g_autofree gchar *serial = g_strdup_printf ("%s/serial", dir);
  g_autofree gchar *text = g_strdup_printf (
      "[ca]\ndefault_ca = test\n"
      "[test]\ndatabase = %s\nnew_certs_dir = %s\nserial = %s\ndefault_md = sha256\n"
      "policy = any\n"
      "[any]\ncommonName = supplied\n"
      "[ext]\nsubjectAltName = DNS:localhost,IP:127.0.0.1\nbasicConstraints = CA:FALSE\n",
      index, dir, serial);
  g_autofree gchar *csr = g_strdup_printf ("%s/expired.csr", dir);
  g_autofree gchar *pem = g_strdup_printf ("%s/expired.pem", dir);
  g_autofree gchar *ca = g_strdup_printf ("%s/ca.pem", dir);
  g_autofree gchar *ca_key = g_strdup_printf ("%s/ca.key", dir);
  const gchar *argv[] = { "openssl", "ca", "-batch", "-config", config, "-cert", ca,
                          "-keyfile", ca_key, "-in", csr, "-out", pem, "-notext",
                          "-startdate", "20200101000000Z", "-enddate", "20200201000000Z",
                          "-extensions", "ext", NULL };

  write_file (config, text);
  write_file (index, "");
  write_file (serial, "1000\n");
  g_free (run (argv));
}

/* sha256//BASE64 of the public key of @key_file, as curl pins it. */
static gchar *
make_pin (const gchar *dir,
          const gchar *name)
{
  g_autofree gchar *key = g_strdup_printf ("%s/%s.key", dir, name);
  g_autofree gchar *der_path = g_strdup_printf ("%s/%s.pub.der", dir, name);
  const gchar *argv[] = { "openssl", "pkey", "-in", key, "-pubout", "-outform", "DER",
                          "-out", der_path, NULL };
  g_autofree gchar *der = NULL;
  gsize length = 0;
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree gchar *base64 = NULL;

  g_free (run (argv));
  ck_assert (g_file_get_contents (der_path, &der, &length, NULL));
  g_checksum_update (checksum, (const guchar *) der, (gssize) length);
  g_checksum_get_digest (checksum, digest, &digest_length);
  base64 = g_base64_encode (digest, digest_length);
  return g_strconcat ("sha256//", base64, NULL);
}

static void
make_certificates (RgSyncHarness *h)
{
  g_autofree gchar *dir = g_build_filename (h->dir, "tls", NULL);

  g_mkdir (dir, 0755);
  make_ca (dir, "ca", "/CN=Regulars Test CA");
  make_ca (dir, "other-ca", "/CN=Someone Else CA");
  make_key_and_request (dir, "server", "/CN=localhost");
  sign (dir, "server", "DNS:localhost,IP:127.0.0.1");
  make_key_and_request (dir, "wrong-host", "/CN=store.example.com");
  sign (dir, "wrong-host", "DNS:store.example.com");
  make_key_and_request (dir, "expired", "/CN=localhost");
  sign_expired (dir);

  h->ca_file = g_build_filename (dir, "ca.pem", NULL);
  h->other_ca_file = g_build_filename (dir, "other-ca.pem", NULL);
  h->pin = make_pin (dir, "server");
  h->other_pin = make_pin (dir, "other-ca");
}

/* ------------------------------------------------------------- PostgreSQL */

static gchar *
find_pg_program (const gchar *name)
{
  const gchar *argv[] = { "pg_config", "--bindir", NULL };
  gchar *path = g_find_program_in_path (name);
  g_autofree gchar *bindir = NULL;

  if (path != NULL)
    return path;
  bindir = g_strstrip (run (argv));
  path = g_build_filename (bindir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_free (path);
      path = g_strdup_printf ("/usr/lib/postgresql/15/bin/%s", name);
    }
  return path;
}

/* Runs a PostgreSQL program, as the postgres user when we are root
 * (initdb refuses root). */
static void
run_pg (const gchar * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  if (getuid () == 0)
    {
      g_ptr_array_add (argv, (gpointer) "runuser");
      g_ptr_array_add (argv, (gpointer) "-u");
      g_ptr_array_add (argv, (gpointer) "postgres");
      g_ptr_array_add (argv, (gpointer) "--");
    }
  for (gint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_free (run ((const gchar * const *) argv->pdata));
}

static void
start_postgres (RgSyncHarness *h)
{
  g_autofree gchar *pg_dir = g_build_filename (h->dir, "pg", NULL);
  g_autofree gchar *log = g_build_filename (pg_dir, "postgres.log", NULL);
  g_autofree gchar *initdb = find_pg_program ("initdb");
  g_autofree gchar *postgres = find_pg_program ("postgres");
  g_autofree gchar *port = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  ChildSetup setup = { getuid (), getgid (), SIGQUIT, FALSE };

  h->pg_port = free_port ();
  h->pg_data = g_build_filename (pg_dir, "data", NULL);
  g_mkdir (pg_dir, 0755);
  if (getuid () == 0)
    {
      struct passwd *pw = getpwnam ("postgres");

      ck_assert_msg (pw != NULL, "there is no postgres user to run PostgreSQL as");
      ck_assert_int_eq (chown (pg_dir, pw->pw_uid, pw->pw_gid), 0);
      setup.uid = pw->pw_uid;
      setup.gid = pw->pw_gid;
      setup.switch_user = TRUE;
    }
  {
    const gchar *args[] = { initdb, "-D", h->pg_data, "-A", "trust", "--no-sync",
                            "-U", "regulars", "-E", "UTF8", NULL };
    run_pg (args);
  }

  /* in the foreground, as a child of the test: SIGQUIT is its immediate
   * shutdown, and it gets it if the test dies */
  port = g_strdup_printf ("%u", h->pg_port);
  launcher = launcher_dying_with_test (G_SUBPROCESS_FLAGS_NONE, &setup);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  h->postgres = g_subprocess_launcher_spawn (launcher, &error, postgres, "-D", h->pg_data, "-p", port,
                                             "-k", pg_dir, "-c", "listen_addresses=127.0.0.1",
                                             "-c", "fsync=off", "-c", "synchronous_commit=off",
                                             "-c", "max_connections=200", NULL);
  ck_assert_no_error (error);
  wait_for_port (h->pg_port, "PostgreSQL");
  h->conninfo = g_strdup_printf ("host=127.0.0.1 port=%u user=regulars dbname=postgres", h->pg_port);
  /* accepting TCP comes a moment before accepting logins */
  for (gint waited = 0; waited < READY_TIMEOUT_MS; waited += 20)
    {
      PGconn *conn = PQconnectdb (h->conninfo);
      gboolean ready = PQstatus (conn) == CONNECTION_OK;

      PQfinish (conn);
      if (ready)
        return;
      g_usleep (20000);
    }
  ck_abort_msg ("PostgreSQL does not accept connections (see %s)", log);
}

static void
stop_postgres (RgSyncHarness *h)
{
  g_subprocess_send_signal (h->postgres, SIGQUIT);
  g_subprocess_wait (h->postgres, NULL, NULL);
  g_clear_object (&h->postgres);
}

/* ------------------------------------------------------------ the store */

static const gchar *
central_program (void)
{
  const gchar *path = g_getenv ("REGULARS_CENTRAL");

  ck_assert_msg (path != NULL, "REGULARS_CENTRAL must name the regulars-central program");
  return path;
}

static GSubprocessLauncher *
central_launcher (RgSyncHarness   *h,
                  GSubprocessFlags flags,
                  ChildSetup      *setup)
{
  GSubprocessLauncher *launcher = launcher_dying_with_test (flags, setup);
  g_autofree gchar *port = g_strdup_printf ("%u", h->central_port);

  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_DATABASE", h->conninfo, TRUE);
  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_PORT", port, TRUE);
  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_LISTEN", "127.0.0.1", TRUE);
  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_MAX_BODY", "4194304", TRUE);
  return launcher;
}

void
rg_sync_harness_start_central (RgSyncHarness *h)
{
  ChildSetup setup = { 0, 0, SIGKILL, FALSE };
  g_autoptr(GSubprocessLauncher) launcher = central_launcher (h, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &setup);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree gchar *line = NULL;
  g_autofree gchar *log = g_build_filename (h->dir, "central.log", NULL);
  gint fd = g_open (log, O_WRONLY | O_CREAT | O_APPEND, 0644);

  ck_assert_int_ge (fd, 0);
  g_subprocess_launcher_take_stderr_fd (launcher, fd);
  h->central = g_subprocess_launcher_spawn (launcher, &error, central_program (), NULL);
  ck_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (h->central));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  ck_assert_msg (line != NULL && g_str_has_prefix (line, "listening on"),
                 "the central store did not start (see %s)", log);
}

void
rg_sync_harness_kill_central (RgSyncHarness *h)
{
  if (h->central == NULL)
    return;
  g_subprocess_force_exit (h->central);
  g_subprocess_wait (h->central, NULL, NULL);
  g_clear_object (&h->central);
}

gchar *
rg_sync_harness_new_code (RgSyncHarness *h)
{
  ChildSetup setup = { 0, 0, SIGKILL, FALSE };
  g_autoptr(GSubprocessLauncher) launcher = central_launcher (h, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &setup);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;

  process = g_subprocess_launcher_spawn (launcher, &error, central_program (), "--new-code", NULL);
  ck_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (g_subprocess_get_successful (process));
  return g_strstrip (g_steal_pointer (&out));
}

gint64
rg_sync_harness_query_int (RgSyncHarness *h,
                           const gchar   *sql)
{
  PGconn *conn = PQconnectdb (h->conninfo);
  PGresult *result;
  gint64 value;

  ck_assert_msg (PQstatus (conn) == CONNECTION_OK, "%s", PQerrorMessage (conn));
  result = PQexec (conn, sql);
  ck_assert_msg (PQresultStatus (result) == PGRES_TUPLES_OK, "%s: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* ------------------------------------------------------------------ nginx */

static void
start_nginx (RgSyncHarness *h,
             guint          port,
             guint          wrong_host_port,
             guint          expired_port)
{
  g_autofree gchar *dir = g_build_filename (h->dir, "nginx", NULL);
  g_autofree gchar *tls = g_build_filename (h->dir, "tls", NULL);
  g_autofree gchar *conf = g_build_filename (dir, "nginx.conf", NULL);
  g_autofree gchar *log = g_build_filename (dir, "error.log", NULL);
  g_autofree gchar *nginx = g_find_program_in_path ("nginx");
  g_autofree gchar *text = NULL;
  g_autoptr(GError) error = NULL;
  GString *servers = g_string_new (NULL);
  const struct { guint port; const gchar *cert; } listeners[] = {
    { port, "server" }, { wrong_host_port, "wrong-host" }, { expired_port, "expired" },
  };

  g_mkdir (dir, 0755);
  for (gsize i = 0; i < G_N_ELEMENTS (listeners); i++)
    g_string_append_printf (servers,
        "  server {\n"
        "    listen 127.0.0.1:%u ssl;\n"
        "    ssl_certificate %s/%s.pem;\n"
        "    ssl_certificate_key %s/%s.key;\n"
        "    location / {\n"
        "      proxy_pass http://central;\n"
        "      proxy_set_header X-Forwarded-For $remote_addr;\n"
        "      proxy_next_upstream off;\n"
        "      proxy_read_timeout 30s;\n"
        "    }\n"
        "  }\n",
        listeners[i].port, tls, listeners[i].cert, tls, listeners[i].cert);

  text = g_strdup_printf (
      "%s"
      "daemon off;\n"
      "worker_processes 2;\n"
      "pid %s/nginx.pid;\n"
      "error_log %s warn;\n"
      "events { worker_connections 512; }\n"
      "http {\n"
      "  access_log off;\n"
      "  client_body_temp_path %s/body;\n"
      "  proxy_temp_path %s/proxy;\n"
      "  fastcgi_temp_path %s/fastcgi;\n"
      "  uwsgi_temp_path %s/uwsgi;\n"
      "  scgi_temp_path %s/scgi;\n"
      "  client_max_body_size 64m;\n"
      "  client_body_buffer_size 1m;\n"
      "  gzip on;\n"
      "  gzip_proxied any;\n"
      "  gzip_types application/json;\n"
      "  gzip_min_length 1024;\n"
      "  upstream central { server 127.0.0.1:%u; }\n"
      "%s"
      "}\n",
      getuid () == 0 ? "user root;\n" : "",
      dir, log, dir, dir, dir, dir, dir,
      rg_fault_proxy_get_port (h->back), servers->str);
  g_string_free (servers, TRUE);
  write_file (conf, text);

  if (nginx == NULL)
    nginx = g_strdup ("/usr/sbin/nginx");
  {
    /* SIGTERM: nginx's master stops its workers too */
    ChildSetup setup = { 0, 0, SIGTERM, FALSE };
    g_autoptr(GSubprocessLauncher) launcher = launcher_dying_with_test (G_SUBPROCESS_FLAGS_NONE, &setup);

    h->nginx = g_subprocess_launcher_spawn (launcher, &error, nginx, "-e", log, "-c", conf, "-p", dir, NULL);
  }
  ck_assert_no_error (error);
  wait_for_port (port, "nginx");
  wait_for_port (wrong_host_port, "nginx");
  wait_for_port (expired_port, "nginx");
}

/* ------------------------------------------------------------- public API */

RgSyncHarness *
rg_sync_harness_new (void)
{
  RgSyncHarness *h = g_new0 (RgSyncHarness, 1);
  guint port = free_port ();
  guint wrong_host_port = free_port ();
  guint expired_port = free_port ();

  h->dir = rg_test_make_dir ();
  g_chmod (h->dir, 0755);
  make_certificates (h);
  start_postgres (h);

  h->central_port = free_port ();
  rg_sync_harness_start_central (h);
  h->back = rg_fault_proxy_new (h->central_port);
  start_nginx (h, port, wrong_host_port, expired_port);
  h->front = rg_fault_proxy_new (port);

  h->url = g_strdup_printf ("https://localhost:%u", rg_fault_proxy_get_port (h->front));
  h->direct_url = g_strdup_printf ("https://localhost:%u", port);
  h->wrong_host_url = g_strdup_printf ("https://localhost:%u", wrong_host_port);
  h->expired_url = g_strdup_printf ("https://localhost:%u", expired_port);
  return h;
}

void
rg_sync_harness_free (RgSyncHarness *h)
{
  if (h == NULL)
    return;
  g_clear_pointer (&h->front, rg_fault_proxy_free);
  if (h->nginx != NULL)
    {
      g_subprocess_send_signal (h->nginx, SIGTERM);
      g_subprocess_wait (h->nginx, NULL, NULL);
      g_clear_object (&h->nginx);
    }
  rg_sync_harness_kill_central (h);
  g_clear_pointer (&h->back, rg_fault_proxy_free);
  if (h->postgres != NULL)
    stop_postgres (h);
  if (g_getenv ("RG_SYNC_KEEP") == NULL)
    rg_test_remove_tree (h->dir);
  g_free (h->dir);
  g_free (h->ca_file);
  g_free (h->other_ca_file);
  g_free (h->pin);
  g_free (h->other_pin);
  g_free (h->url);
  g_free (h->direct_url);
  g_free (h->wrong_host_url);
  g_free (h->expired_url);
  g_free (h->conninfo);
  g_free (h->pg_data);
  g_free (h);
}

RgSync *
rg_sync_harness_enrol (RgSyncHarness *h,
                       RgDb          *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *code = rg_sync_harness_new_code (h);
  g_autofree gchar *owner_id = NULL;
  g_autofree gchar *forget = NULL;
  RgSync *sync = rg_sync_new (db);
  gboolean had_owner = rg_test_query_int (db, "SELECT count (*) FROM staff WHERE name = 'owner'") > 0;

  /* Enrolling is the owner's.  The tests count and compare every synced
   * row, so the owner who enrols is made outside the outbox and removed
   * again, with the enrolment's audit row: the terminal holds only what
   * the test puts in it. */
  rg_db_set_capture_changes (db, FALSE);
  owner_id = rg_test_dup_staff_id (db, RG_ROLE_OWNER);
  rg_sync_set_ca_file (sync, h->ca_file);
  rg_sync_set_timeouts (sync, 3000, 20000);
  rg_sync_set_retries (sync, 12, 20);
  rg_sync_enrol (sync, owner_id, h->url, code, &error);
  ck_assert_no_error (error);
  forget = g_strdup_printf ("DELETE FROM audit_log WHERE staff_id IS NULL AND subject = '%1$s'; "
                            "DELETE FROM staff WHERE id = '%1$s'", owner_id);
  ck_assert_int_eq (sqlite3_exec (rg_db_get_handle (db), "DELETE FROM audit_log WHERE action = 'device.enrol'",
                                  NULL, NULL, NULL), SQLITE_OK);
  if (!had_owner)
    ck_assert_int_eq (sqlite3_exec (rg_db_get_handle (db), forget, NULL, NULL, NULL), SQLITE_OK);
  rg_db_set_capture_changes (db, TRUE);
  return sync;
}

/* --------------------------------------------------------------- digests */

static gint
compare_table_names (gconstpointer a,
                     gconstpointer b)
{
  const RgWireTable *ta = *(const RgWireTable * const *) a;
  const RgWireTable *tb = *(const RgWireTable * const *) b;

  return strcmp (ta->name, tb->name);
}

gchar *
rg_sync_harness_terminal_digest (RgDb     *db,
                                 gboolean  full)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_autoptr(RgSyncApply) apply = rg_sync_apply_new (db);
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  guint n_tables;
  const RgWireTable *wire = rg_wire_get_tables (&n_tables);
  gboolean first = TRUE;

  for (guint t = 0; t < n_tables; t++)
    g_ptr_array_add (tables, (gpointer) &wire[t]);
  /* the store's order: by table name, then id, in byte order */
  g_ptr_array_sort (tables, compare_table_names);

  for (guint t = 0; t < tables->len; t++)
    {
      const RgWireTable *table = g_ptr_array_index (tables, t);
      g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", table->name);
      sqlite3_stmt *stmt = NULL;

      ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RgWireChange) change = NULL;
          g_autofree gchar *line = NULL;

          rg_sync_apply_read_row (apply, table, (const gchar *) sqlite3_column_text (stmt, 0), &change, &error);
          ck_assert_no_error (error);
          if (full)
            {
              g_autofree gchar *row = rg_wire_row_to_string (rg_wire_change_get_row (change));

              line = g_strdup_printf ("%s/%s", table->name, row);
            }
          else
            line = g_strdup_printf ("%s/%s/%" G_GINT64_FORMAT "/%s", table->name, change->id,
                                    change->updated_hlc, change->origin);
          if (!first)
            g_checksum_update (checksum, (const guchar *) ",", 1);
          g_checksum_update (checksum, (const guchar *) line, -1);
          first = FALSE;
        }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

gchar *
rg_sync_harness_store_digest (RgSyncHarness *h)
{
  PGconn *conn = PQconnectdb (h->conninfo);
  PGresult *result;
  gchar *digest;

  ck_assert_msg (PQstatus (conn) == CONNECTION_OK, "%s", PQerrorMessage (conn));
  result = PQexec (conn,
                   "SELECT md5 (coalesce (string_agg (tbl || '/' || id || '/' || updated_hlc || '/' || origin, ',' "
                   "            ORDER BY tbl COLLATE \"C\", id COLLATE \"C\"), '')) FROM sync_row");
  ck_assert_msg (PQresultStatus (result) == PGRES_TUPLES_OK, "%s", PQerrorMessage (conn));
  digest = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return digest;
}
