/* check-sync-door.c — the central store's door: enrolment forms read
 * strictly, a device revoked by the owner gets 401 on its next request,
 * and each device's rate limit (429 with Retry-After) holds across two
 * instances of the store sharing one database; two chains on one store
 * never see nor touch each other's rows.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <curl/curl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "rg-central-door.h"
#include "rg-sync-harness.h"
#include "rg-test-util.h"

/* ------------------------------------------------------------ the form */

START_TEST (test_form_reads_strings_and_nulls)
{
  g_autoptr(GError) error = NULL;
  const gchar *text = " {\"code\" : \"AB12-CD34\", \"device_id\":\"d\\u00e9v\\ud83c\\udf5c\",\n"
                      "  \"name\":null, \"note\":\"a\\\"b\\\\c\\/\"} ";
  g_autoptr(GHashTable) form = rg_central_door_parse_form (text, strlen (text), &error);
  g_autoptr(GHashTable) empty = rg_central_door_parse_form ("{}", 2, &error);

  ck_assert_no_error (error);
  ck_assert_int_eq (g_hash_table_size (form), 3);
  ck_assert_str_eq (g_hash_table_lookup (form, "code"), "AB12-CD34");
  ck_assert_str_eq (g_hash_table_lookup (form, "device_id"), "dév🍜");
  ck_assert_str_eq (g_hash_table_lookup (form, "note"), "a\"b\\c/");
  ck_assert (!g_hash_table_contains (form, "name"));
  ck_assert_int_eq (g_hash_table_size (empty), 0);
}
END_TEST

START_TEST (test_form_refuses_what_json_glib_would_leak_on)
{
  static const gchar * const bad[] = {
    "",
    "   ",
    "1{\"code\":\"a\"}",                        /* json-glib reads a second statement */
    "{\"code\":\"a\"} {\"code\":\"b\"}",
    "{\"code\":\"a\"}x",
    "{\"code\":\"\\ud800\"}",                   /* half a surrogate pair */
    "{\"code\":\"\\ud800\\u0041\"}",
    "{\"code\":\"\\udc00\"}",
    "{\"code\":\"\\u0000\"}",                   /* NUL inside a C string */
    "{\"code\":\"\\x41\"}",
    "{\"code\":\"\\u12\"}",
    "{\"code\":\"a\tb\"}",                      /* a raw control character */
    "{\"code\":\"a\\u001fb\"}",                /* an escaped one */
    "{\"code\":\"a\\nb\"}",
    "{\"code\":\"\xff\xfe\"}",                  /* not UTF-8 */
    "{\"code\":\"a\",\"code\":\"b\"}",
    "{\"code\":1}",
    "{\"code\":[\"a\"]}",
    "{\"code\":{\"a\":\"b\"}}",
    "{\"code\":true}",
    "{\"code\":\"a\",}",
    "{,\"code\":\"a\"}",
    "{\"code\" \"a\"}",
    "{code:\"a\"}",
    "{\"code\":\"a\"",
    "{\"code\":\"a",
    "[\"code\"]",
    "{\"code\":nul}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) form = rg_central_door_parse_form (bad[i], strlen (bad[i]), &error);

      ck_assert_msg (form == NULL, "accepted: %s", bad[i]);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      ck_assert_ptr_nonnull (strstr (error->message, "the form is not valid"));
    }
}
END_TEST

START_TEST (test_form_bounds_its_size)
{
  g_autoptr(GString) many = g_string_new ("{");
  g_autoptr(GString) long_form = g_string_new ("{\"code\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = NULL;

  for (gint i = 0; i <= RG_CENTRAL_FORM_MAX_FIELDS; i++)
    g_string_append_printf (many, "%s\"f%d\":\"x\"", i ? "," : "", i);
  g_string_append_c (many, '}');
  form = rg_central_door_parse_form (many->str, many->len, &error);
  ck_assert_ptr_null (form);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  for (gint i = 0; i < RG_CENTRAL_FORM_MAX_LENGTH; i++)
    g_string_append_c (long_form, 'a');
  g_string_append (long_form, "\"}");
  form = rg_central_door_parse_form (long_form->str, long_form->len, &error);
  ck_assert_ptr_null (form);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

/* ------------------------------------------------------------- requests */

typedef struct
{
  guint  status;
  gchar *retry_after;
  gchar *body;
} Answer;

static void
answer_free (Answer *a)
{
  g_free (a->retry_after);
  g_free (a->body);
  g_free (a);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

static size_t
on_header_cb (char   *data,
              size_t  size,
              size_t  n,
              void   *user_data)
{
  Answer *a = user_data;
  gsize length = size * n;

  if (length > 12 && g_ascii_strncasecmp (data, "Retry-After:", 12) == 0)
    {
      g_free (a->retry_after);
      a->retry_after = g_strstrip (g_strndup (data + 12, length - 12));
    }
  return length;
}

static size_t
on_body_cb (char   *data,
            size_t  size,
            size_t  n,
            void   *user_data)
{
  g_string_append_len (user_data, data, (gssize) (size * n));
  return size * n;
}

/* One request: through the TLS terminator when @base is h->url (with its
 * CA), or plain HTTP straight to an instance. */
static Answer *
request (RgSyncHarness *h,
         const gchar   *base,
         const gchar   *path,
         const gchar   *token,
         const gchar   *body)
{
  Answer *a = g_new0 (Answer, 1);
  g_autoptr(GString) received = g_string_new (NULL);
  g_autofree gchar *url = g_strconcat (base, path, NULL);
  g_autofree gchar *authorization = token ? g_strconcat ("Authorization: Bearer ", token, NULL) : NULL;
  struct curl_slist *headers = curl_slist_append (NULL, "Content-Type: application/json");
  CURL *curl = curl_easy_init ();
  long status = 0;

  if (authorization != NULL)
    headers = curl_slist_append (headers, authorization);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_CAINFO, h->ca_file);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, on_header_cb);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, a);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_body_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, received);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, 30L);
  if (body != NULL)
    curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
  ck_assert_int_eq (curl_easy_perform (curl), CURLE_OK);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup (curl);
  curl_slist_free_all (headers);
  a->status = (guint) status;
  a->body = g_string_free (g_steal_pointer (&received), FALSE);
  return a;
}

/* Enrols DEVICE with @code through the terminator; its token. */
static gchar *
enrol_with (RgSyncHarness *h,
            const gchar   *device,
            const gchar   *code)
{
  g_autofree gchar *form = g_strdup_printf ("{\"code\":\"%s\",\"device_id\":\"%s\",\"name\":\"till\"}",
                                            code, device);
  g_autoptr(Answer) a = request (h, h->url, "/v1/enrol", NULL, form);
  const gchar *start = strstr (a->body, "\"token\":\"");

  ck_assert_msg (a->status == 200, "enrolment got %u: %s", a->status, a->body);
  ck_assert_ptr_nonnull (start);
  start += strlen ("\"token\":\"");
  return g_strndup (start, strcspn (start, "\""));
}

/* Enrols DEVICE with a fresh code of the default chain. */
static gchar *
enrol (RgSyncHarness *h,
       const gchar   *device)
{
  g_autofree gchar *code = rg_sync_harness_new_code (h);

  return enrol_with (h, device, code);
}

/* Runs `regulars-central ARGS…` against the harness's database; its exit
 * status, and its standard output in @out. */
static gint
central (RgSyncHarness  *h,
         gchar         **out,
         const gchar    *first,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("REGULARS_CENTRAL"));
  va_start (args, first);
  for (const gchar *arg = first; arg != NULL; arg = va_arg (args, const gchar *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_DATABASE", h->conninfo, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const gchar * const *) argv->pdata, &error);
  ck_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, &error);
  ck_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

#define DEVICE_A "0190a1b2-0000-7000-8000-0000000000aa"
#define DEVICE_B "0190a1b2-0000-7000-8000-0000000000bb"

START_TEST (test_hostile_enrolment_gets_400_and_uses_no_code)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autofree gchar *code = rg_sync_harness_new_code (h);
  g_autofree gchar *second_statement = g_strdup_printf ("{\"code\":\"%s\",\"device_id\":\"" DEVICE_A "\"} {}", code);
  g_autofree gchar *half_pair = g_strdup_printf ("{\"code\":\"%s\",\"device_id\":\"\\ud800\"}", code);
  g_autofree gchar *twice = g_strdup_printf ("{\"code\":\"%s\",\"device_id\":\"" DEVICE_A "\","
                                             "\"device_id\":\"" DEVICE_B "\"}", code);
  const gchar *bodies[] = { second_statement, half_pair, twice, "1{\"a\":[{\"b\":{}}]}" };
  g_autofree gchar *token = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(Answer) a = request (h, h->url, "/v1/enrol", NULL, bodies[i]);

      ck_assert_msg (a->status == 400, "%s got %u", bodies[i], a->status);
    }
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM device_token"), 0);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM enrol_code WHERE used_at IS NOT NULL"), 0);
  token = enrol (h, DEVICE_A);
  ck_assert_int_eq (strlen (token), 64);
}
END_TEST

START_TEST (test_revoked_device_gets_401)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autofree gchar *token_a = enrol (h, DEVICE_A);
  g_autofree gchar *token_b = enrol (h, DEVICE_B);
  g_autofree gchar *out = NULL;
  g_autofree gchar *again = NULL;
  g_autofree gchar *unknown = NULL;
  g_autoptr(Answer) before = request (h, h->url, "/v1/changes?limit=1", token_a, NULL);
  g_autoptr(Answer) after = NULL;
  g_autoptr(Answer) other = NULL;
  g_autoptr(Answer) push = NULL;

  ck_assert_uint_eq (before->status, 200);
  ck_assert_int_eq (central (h, &out, "revoke", DEVICE_A, NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "revoked 1 token of " DEVICE_A));

  after = request (h, h->url, "/v1/changes?limit=1", token_a, NULL);
  ck_assert_uint_eq (after->status, 401);
  push = request (h, h->url, "/v1/changes", token_a, "{\"changes\":[]}");
  ck_assert_uint_eq (push->status, 401);
  other = request (h, h->url, "/v1/changes?limit=1", token_b, NULL);
  ck_assert_uint_eq (other->status, 200);

  /* revoking twice, or a device never enrolled, says so and fails */
  ck_assert_int_eq (central (h, &again, "revoke", DEVICE_A, NULL), 1);
  ck_assert_ptr_nonnull (strstr (again, "no live token"));
  ck_assert_int_eq (central (h, &unknown, "revoke", "no-such-device", NULL), 1);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM device_token WHERE revoked_at IS NULL"), 1);
}
END_TEST

/* The second instance dies with the test, even a failed one. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A second instance of the store on the same database, on a free port;
 * its base URL (plain HTTP). */
static GSubprocess *
start_second_instance (RgSyncHarness  *h,
                       gchar         **base)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree gchar *line = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_DATABASE", h->conninfo, TRUE);
  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_PORT", "0", TRUE);
  g_subprocess_launcher_setenv (launcher, "REGULARS_CENTRAL_LISTEN", "127.0.0.1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("REGULARS_CENTRAL"), NULL);
  ck_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  ck_assert_msg (line != NULL && g_str_has_prefix (line, "listening on "), "the second instance did not start");
  *base = g_strconcat ("http://", line + strlen ("listening on "), NULL);
  return process;
}

START_TEST (test_rate_limit_holds_across_instances)
{
  g_autoptr(RgSyncHarness) h = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autofree gchar *first_base = NULL;
  g_autofree gchar *second_base = NULL;
  g_autofree gchar *token_a = NULL;
  g_autofree gchar *token_b = NULL;
  guint allowed = 0, refused = 0;
  guint retry_after = 0;

  /* one request a second, six at once, for both instances (the harness's
   * store and the second one inherit the environment) */
  g_setenv ("REGULARS_CENTRAL_RATE", "1", TRUE);
  g_setenv ("REGULARS_CENTRAL_BURST", "6", TRUE);
  h = rg_sync_harness_new ();
  second = start_second_instance (h, &second_base);
  first_base = g_strdup_printf ("http://127.0.0.1:%u", h->central_port);
  token_a = enrol (h, DEVICE_A);
  token_b = enrol (h, DEVICE_B);

  /* twelve requests in turn to both instances, well within a second or
   * two: six pass (perhaps one more for the time it takes), not twelve */
  for (gint i = 0; i < 12; i++)
    {
      g_autoptr(Answer) a = request (h, i % 2 ? second_base : first_base, "/v1/changes?limit=1", token_a, NULL);

      if (a->status == 200)
        allowed++;
      else
        {
          ck_assert_uint_eq (a->status, 429);
          ck_assert_ptr_nonnull (a->retry_after);
          retry_after = (guint) atoi (a->retry_after);
          ck_assert_uint_ge (retry_after, 1);
          ck_assert_uint_le (retry_after, 1);
          refused++;
        }
    }
  ck_assert_uint_ge (allowed, 6);
  ck_assert_uint_le (allowed, 8);
  ck_assert_uint_eq (allowed + refused, 12);

  /* another device has a bucket of its own; through the terminator too */
  {
    g_autoptr(Answer) b = request (h, h->url, "/v1/changes?limit=1", token_b, NULL);

    ck_assert_uint_eq (b->status, 200);
  }
  /* after Retry-After, device A may go on */
  g_usleep ((gulong) retry_after * G_USEC_PER_SEC + 100000);
  {
    g_autoptr(Answer) a = request (h, second_base, "/v1/changes?limit=1", token_a, NULL);

    ck_assert_uint_eq (a->status, 200);
  }
  g_subprocess_force_exit (second);
  g_unsetenv ("REGULARS_CENTRAL_RATE");
  g_unsetenv ("REGULARS_CENTRAL_BURST");
}
END_TEST

#define GUEST_ID  "0190a1b2-0000-7000-8000-000000000001"
#define TAG_ID    "0190a1b2-0000-7000-8000-000000000002"
#define TAG_ROW(hlc, device, tag) \
  "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{\"id\":\"" TAG_ID "\",\"updated_hlc\":" hlc "," \
  "\"origin\":\"" device "\",\"deleted\":0,\"guest_id\":\"" GUEST_ID "\",\"tag\":\"" tag "\"}}]}"

START_TEST (test_chains_never_meet)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autofree gchar *north_code = NULL;
  g_autofree gchar *bad = NULL;
  g_autofree gchar *token_main = NULL;
  g_autofree gchar *token_north = NULL;
  g_autoptr(Answer) pushed = NULL;
  g_autoptr(Answer) north_sees = NULL;
  g_autoptr(Answer) north_pushed = NULL;
  g_autoptr(Answer) main_sees = NULL;
  g_autoptr(Answer) north_again = NULL;

  ck_assert_int_eq (central (h, &north_code, "--new-code", "--chain", "North Group", NULL), 0);
  g_strstrip (north_code);
  ck_assert_int_eq (central (h, &bad, "--new-code", "--chain", "", NULL), 1);
  token_main = enrol (h, DEVICE_A);
  token_north = enrol_with (h, DEVICE_B, north_code);

  /* the main chain's row is not the north's to read */
  pushed = request (h, h->url, "/v1/changes", token_main, TAG_ROW ("5", DEVICE_A, "wine"));
  ck_assert_uint_eq (pushed->status, 200);
  north_sees = request (h, h->url, "/v1/changes", token_north, NULL);
  ck_assert_uint_eq (north_sees->status, 200);
  ck_assert_ptr_nonnull (strstr (north_sees->body, "\"changes\":[]"));
  ck_assert_ptr_null (strstr (north_sees->body, TAG_ID));

  /* nor to overwrite, even with the same id and a later clock */
  north_pushed = request (h, h->url, "/v1/changes", token_north, TAG_ROW ("9", DEVICE_B, "tea"));
  ck_assert_uint_eq (north_pushed->status, 200);
  main_sees = request (h, h->url, "/v1/changes", token_main, NULL);
  ck_assert_ptr_nonnull (strstr (main_sees->body, "\"wine\""));
  ck_assert_ptr_null (strstr (main_sees->body, "tea"));
  north_again = request (h, h->url, "/v1/changes", token_north, NULL);
  ck_assert_ptr_nonnull (strstr (north_again->body, "\"tea\""));
  ck_assert_ptr_null (strstr (north_again->body, "wine"));
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row"), 2);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM device_token WHERE chain = 'North Group'"), 1);
}
END_TEST

static Suite *
door_suite (void)
{
  Suite *s = suite_create ("sync-door");
  TCase *tc;

  tc = tcase_create ("form");
  tcase_add_test (tc, test_form_reads_strings_and_nulls);
  tcase_add_test (tc, test_form_refuses_what_json_glib_would_leak_on);
  tcase_add_test (tc, test_form_bounds_its_size);
  suite_add_tcase (s, tc);

  tc = tcase_create ("devices");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_hostile_enrolment_gets_400_and_uses_no_code);
  tcase_add_test (tc, test_revoked_device_gets_401);
  tcase_add_test (tc, test_rate_limit_holds_across_instances);
  tcase_add_test (tc, test_chains_never_meet);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (door_suite ());
}
