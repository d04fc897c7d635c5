/* check-ui-sync.c — the sync status of the header bar against the real
 * store (PostgreSQL, regulars-central and nginx TLS on the loopback, from
 * tests/sync/rg-sync-harness): not enrolled, synced, N pending, offline
 * when the store is stopped, an error with its reason when the store's
 * certificate is refused; the UI keeps drawing while a sync waits.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-guest.h"
#include "rg-sync-harness.h"
#include "rg-sync-status.h"
#include "rg-ui-test-util.h"

#define SYNC_TIMEOUT_MS 60000

typedef struct
{
  RgSyncStatus *status;
  RgSyncState   state;
} StateWait;

static gboolean
is_idle (gpointer data)
{
  return !rg_sync_status_is_running (data);
}

static gboolean
shows_enrolled (gpointer data)
{
  return rg_sync_status_get_state (data) != RG_SYNC_STATE_NOT_ENROLLED;
}

static gboolean
has_state (gpointer data)
{
  StateWait *wait = data;

  return rg_sync_status_get_state (wait->status) == wait->state;
}

/* Starts a sync as a tap on "Sync now" in the popover does, and waits for
 * its end. */
static void
sync_now (RgSyncStatus *status)
{
  GtkButton *button = rg_ui_test_find_button (GTK_WIDGET (status), "Sync now");

  ck_assert_ptr_nonnull (button);
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  rg_ui_test_tap (button);
  ck_assert_msg (rg_ui_test_wait_until (is_idle, status, SYNC_TIMEOUT_MS), "the sync never ended");
}

static void
add_guest (RgDb        *db,
           const gchar *name,
           const gchar *phone)
{
  g_autoptr(GError) error = NULL;
  RgGuestFields fields = { .name = name, .notes = "" };
  const gchar *phones[] = { phone, NULL };
  g_autoptr(RgGuest) guest = rg_guest_add (db, &fields, phones, NULL, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (guest);
}

static void
assert_summary (RgSyncStatus *status,
                RgSyncState   state,
                const gchar  *summary)
{
  GtkWidget *label = rg_ui_test_find (GTK_WIDGET (status), GTK_TYPE_LABEL, NULL);

  ck_assert_int_eq (rg_sync_status_get_state (status), state);
  ck_assert_str_eq (rg_sync_status_get_summary (status), summary);
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (label)), summary);
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (status),
                                       state == RG_SYNC_STATE_SYNCED ? "synced"
                                       : state == RG_SYNC_STATE_PENDING ? "pending"
                                       : state == RG_SYNC_STATE_OFFLINE ? "offline"
                                       : state == RG_SYNC_STATE_ERROR ? "error" : "not-enrolled"));
}

/* A header bar as the app's window has, the status packed at its end. */
static GtkWindow *
window_with_status (RgSession  *session,
                    GtkWidget **status)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();

  *status = rg_sync_status_new (session);
  rg_sync_status_set_interval (RG_SYNC_STATUS (*status), 3600);   /* by hand only */
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), *status);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_title (GTK_WINDOW (window), "Regulars");
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Floor"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 160);
  gtk_window_present (GTK_WINDOW (window));
  rg_ui_test_run_for (300);
  return GTK_WINDOW (window);
}

/* The popover with the details, open, saved as a picture. */
static void
screenshot_details (RgSyncStatus *status,
                    const gchar  *name)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (rg_ui_test_find (GTK_WIDGET (status), GTK_TYPE_MENU_BUTTON, NULL));
  g_autofree gchar *path = NULL;

  gtk_menu_button_popup (button);
  rg_ui_test_run_for (300);
  path = rg_ui_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (button)), name);
  g_print ("%s\n", path);
  gtk_menu_button_popdown (button);
  rg_ui_test_run_for (100);
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
has_guest_named (gpointer data)
{
  return rg_test_query_int (data, "SELECT count (*) FROM guest WHERE name = 'Sun Yue'") == 1;
}

static gboolean
on_tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_changes_applied_cb (RgSyncStatus *status,
                       guint         n_rows,
                       gpointer      data)
{
  guint *applied = data;

  *applied += n_rows;
}

START_TEST (test_states_follow_the_store)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgSync) sync = NULL;
  g_autofree gchar *pending_text = NULL;
  g_autofree gchar *path = NULL;
  RgDb *db = rg_db_open (rg_db_get_path (t->db), &error);
  GtkWidget *widget;
  RgSyncStatus *status;
  GtkWindow *window;
  StateWait wait;
  Ticks ticks;
  guint tick_source;
  gint64 pending;

  ck_assert_no_error (error);
  session = rg_session_new (db, NULL, NULL);
  window = window_with_status (session, &widget);
  status = RG_SYNC_STATUS (widget);

  /* not enrolled: nothing to sync, "Sync now" is off */
  assert_summary (status, RG_SYNC_STATE_NOT_ENROLLED, "Not connected");
  ck_assert (!rg_sync_status_is_running (status));
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (rg_ui_test_find_button (widget, "Sync now"))));
  path = rg_ui_test_screenshot (GTK_WIDGET (window), "sync-not-enrolled");
  g_print ("%s\n", path);
  screenshot_details (status, "sync-not-enrolled-details");

  /* enrolled: the first sync leaves nothing waiting */
  sync = rg_sync_harness_enrol (h, t->db);
  ck_assert (rg_ui_test_wait_until (shows_enrolled, status, 5000));
  sync_now (status);
  assert_summary (status, RG_SYNC_STATE_SYNCED, "Synced");
  ck_assert_int_eq (rg_sync_count_pending (t->db), 0);
  g_clear_pointer (&path, g_free);
  path = rg_ui_test_screenshot (GTK_WIDGET (window), "sync-synced");
  g_print ("%s\n", path);

  /* a change made elsewhere on the terminal shows as pending within seconds */
  add_guest (t->db, "Wang Fang", "+8613700002222");
  pending = rg_sync_count_pending (t->db);
  ck_assert_int_gt (pending, 0);
  wait = (StateWait) { status, RG_SYNC_STATE_PENDING };
  ck_assert (rg_ui_test_wait_until (has_state, &wait, 5000));
  pending_text = g_strdup_printf ("%" G_GINT64_FORMAT " pending", pending);
  assert_summary (status, RG_SYNC_STATE_PENDING, pending_text);
  ck_assert_ptr_nonnull (strstr (rg_sync_status_get_detail (status), "wait to be sent"));
  g_clear_pointer (&path, g_free);
  path = rg_ui_test_screenshot (GTK_WIDGET (window), "sync-pending");
  g_print ("%s\n", path);

  /* "Sync now" sends it: the store holds the guest */
  sync_now (status);
  assert_summary (status, RG_SYNC_STATE_SYNCED, "Synced");
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row WHERE tbl = 'guest'"), 1);
  screenshot_details (status, "sync-synced-details");

  /* syncing on its own every second: a guest added at another terminal
   * shows on this one within two seconds */
  {
    g_autoptr(RgTestDb) other = rg_test_db_new ();
    g_autoptr(RgSync) other_sync = rg_sync_harness_enrol (h, other->db);
    gint64 start;
    gdouble elapsed;
    guint applied = 0;
    gulong handler = g_signal_connect (status, "changes-applied", G_CALLBACK (on_changes_applied_cb), &applied);

    rg_sync_status_set_interval (status, 1);
    rg_ui_test_run_for (1500);
    /* nothing came from elsewhere yet */
    ck_assert_uint_eq (applied, 0);
    add_guest (other->db, "Sun Yue", "+8613700005555");
    start = g_get_monotonic_time ();
    ck_assert (rg_sync_push (other_sync, NULL, &error));
    ck_assert_no_error (error);
    ck_assert (rg_ui_test_wait_until (has_guest_named, t->db, 5000));
    elapsed = (g_get_monotonic_time () - start) / 1000.0;
    g_print ("change on another terminal to visible here: %.0f ms\n", elapsed);
    ck_assert_double_lt (elapsed, 2000);
    rg_sync_status_set_interval (status, 3600);
    ck_assert (rg_ui_test_wait_until (is_idle, status, SYNC_TIMEOUT_MS));
    /* the guest's rows were announced, for the window to learn again */
    ck_assert_uint_gt (applied, 0);
    g_signal_handler_disconnect (status, handler);
    ck_assert_int_eq (rg_sync_status_get_state (status), RG_SYNC_STATE_SYNCED);
  }

  /* the store stopped: offline, the change kept, the UI drawing all along */
  rg_sync_harness_kill_central (h);
  add_guest (t->db, "Li Na", "+8613700003333");
  ticks = (Ticks) { g_get_monotonic_time (), 0 };
  tick_source = g_timeout_add (20, on_tick_cb, &ticks);
  sync_now (status);
  g_source_remove (tick_source);
  g_print ("main loop during an offline sync: longest gap %.0f ms\n", ticks.longest / 1000.0);
  ck_assert_int_lt (ticks.longest, 250 * 1000);
  assert_summary (status, RG_SYNC_STATE_OFFLINE, "Offline");
  ck_assert_ptr_nonnull (strstr (rg_sync_status_get_detail (status), "central store"));
  ck_assert_ptr_nonnull (strstr (rg_sync_status_get_detail (status), "wait to be sent"));
  ck_assert_int_eq (rg_sync_count_pending (t->db), pending);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row WHERE tbl = 'guest'"), 2);
  /* the pending count between runs does not hide that the store is away */
  rg_ui_test_run_for (2500);
  ck_assert_int_eq (rg_sync_status_get_state (status), RG_SYNC_STATE_OFFLINE);
  g_clear_pointer (&path, g_free);
  path = rg_ui_test_screenshot (GTK_WIDGET (window), "sync-offline");
  g_print ("%s\n", path);
  screenshot_details (status, "sync-offline-details");

  /* the store back: everything goes */
  rg_sync_harness_start_central (h);
  sync_now (status);
  assert_summary (status, RG_SYNC_STATE_SYNCED, "Synced");
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row WHERE tbl = 'guest'"), 3);

  /* a certificate for another host: an error with the reason, nothing sent */
  ck_assert (rg_db_set_setting (t->db, "sync.url", h->wrong_host_url, NULL));
  add_guest (t->db, "Zhao Lei", "+8613700004444");
  sync_now (status);
  assert_summary (status, RG_SYNC_STATE_ERROR, "Sync error");
  ck_assert_ptr_nonnull (strstr (rg_sync_status_get_detail (status), "certificate"));
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row WHERE tbl = 'guest'"), 3);
  g_clear_pointer (&path, g_free);
  path = rg_ui_test_screenshot (GTK_WIDGET (window), "sync-error");
  g_print ("%s\n", path);
  screenshot_details (status, "sync-error-details");

  gtk_window_destroy (window);
  rg_ui_test_run_for (100);
}
END_TEST

static Suite *
sync_suite (void)
{
  Suite *s = suite_create ("ui-sync");
  TCase *tc = tcase_create ("states");

  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_states_follow_the_store);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr(AdwApplication) app = rg_ui_test_init ();
  int status = rg_test_run (sync_suite ());

  g_application_release (G_APPLICATION (app));
  return status;
}
