/* check-ui-flow.c — the host's whole flow in the real window: start,
 * lookup by keyboard, digit pad and scanner, the guest card, enrolling with
 * a duplicate warning, seating; checked on the widgets and in the database,
 * with screenshots at 1280×800 and 800×1280.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-auth.h"
#include "rg-digit-pad.h"
#include "rg-enrol-dialog.h"
#include "rg-floor-page.h"
#include "rg-floor.h"
#include "rg-guest-card.h"
#include "rg-guest-lookup.h"
#include "rg-guest-merge.h"
#include "rg-guest.h"
#include "rg-lookup-page.h"
#include "rg-id.h"
#include "rg-match-row.h"
#include "rg-prefs.h"
#include "rg-recommend-log.h"
#include "rg-ui-format.h"
#include "rg-visit.h"
#include "rg-ui-test-util.h"

#define WAIT_MS 10000

/* The demo guest the tests greet: a Chinese mobile, a member card and the
 * most visits. */
typedef struct
{
  gchar *id;
  gchar *name;
  gchar *national;   /* the mobile as a host types it: "194 1970 7806" */
  gchar *card;
} Regular;

static void
regular_clear (Regular *r)
{
  g_free (r->id);
  g_free (r->name);
  g_free (r->national);
  g_free (r->card);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Regular, regular_clear)

static void
find_regular (RgDb    *db,
              Regular *r)
{
  g_autofree gchar *e164 = NULL;

  r->id = rg_ui_test_query_text (db,
    "SELECT g.id FROM guest g JOIN local_guest_stats s ON s.guest_id = g.id"
    " WHERE g.deleted = 0 AND g.merged_into IS NULL"
    "   AND EXISTS (SELECT 1 FROM guest_phone p WHERE p.guest_id = g.id AND p.deleted = 0 AND p.e164 LIKE '+861%')"
    "   AND EXISTS (SELECT 1 FROM member_card c WHERE c.guest_id = g.id AND c.deleted = 0 AND c.revoked_ms IS NULL)"
    " ORDER BY s.visit_count DESC, g.id LIMIT 1");
  r->name = rg_test_query_textf (db, "SELECT name FROM guest WHERE id = '%s'", r->id);
  e164 = rg_test_query_textf (db, "SELECT e164 FROM guest_phone WHERE guest_id = '%s' AND deleted = 0 AND e164 LIKE '+861%%' LIMIT 1", r->id);
  /* +86 138 0013 8000 → "138 0013 8000" */
  r->national = g_strdup_printf ("%.3s %.4s %.4s", e164 + 3, e164 + 6, e164 + 10);
  r->card = rg_test_query_textf (db, "SELECT number FROM member_card WHERE guest_id = '%s' AND deleted = 0 AND revoked_ms IS NULL LIMIT 1", r->id);
}

/* ------------------------------------------------------ window accessors */

static RgLookupPage *
lookup_page (RgWindow *window)
{
  return RG_LOOKUP_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_LOOKUP_PAGE, NULL));
}

static RgGuestCard *
guest_card (RgWindow *window)
{
  return RG_GUEST_CARD (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_GUEST_CARD, NULL));
}

static RgFloorPage *
floor_page (RgWindow *window)
{
  return RG_FLOOR_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_FLOOR_PAGE, NULL));
}

static const gchar *
detail_shown (RgWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (rg_ui_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));

  return adw_view_stack_get_visible_child_name (stack);
}

static AdwLeaflet *
leaflet (RgWindow *window)
{
  return ADW_LEAFLET (rg_ui_test_find (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
}

typedef struct
{
  RgWindow    *window;
  const gchar *guest_id;
} CardWait;

static gboolean
card_shows (gpointer data)
{
  CardWait *w = data;

  return g_strcmp0 (rg_guest_card_get_guest_id (guest_card (w->window)), w->guest_id) == 0
         && g_strcmp0 (detail_shown (w->window), "guest") == 0;
}

static void
assert_card_shows (RgWindow    *window,
                   const gchar *guest_id)
{
  CardWait w = { window, guest_id };

  ck_assert_msg (rg_ui_test_wait_until (card_shows, &w, WAIT_MS),
                 "the card of %s did not open (card shows %s, detail %s)", guest_id,
                 rg_guest_card_get_guest_id (guest_card (window)), detail_shown (window));
}

static gboolean
lookup_settled (gpointer data)
{
  return !rg_lookup_page_is_busy (data);
}

static void
wait_for_lookup (RgWindow *window)
{
  ck_assert (rg_ui_test_wait_until (lookup_settled, lookup_page (window), WAIT_MS));
  rg_ui_test_run_for (50);
}

static gboolean
model_has_guest (GListModel  *results,
                 const gchar *guest_id,
                 guint       *position)
{
  guint n = g_list_model_get_n_items (results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgGuestMatch) match = g_list_model_get_item (results, i);

      if (g_strcmp0 (rg_guest_match_get_guest_id (match), guest_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The first row under @root whose subtitle is @subtitle. */
static AdwActionRow *
find_row (GtkWidget   *root,
          const gchar *subtitle)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), subtitle) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, subtitle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The last list box under @root: the guest card's visit history. */
static GtkWidget *
last_list (GtkWidget *root)
{
  GtkWidget *found = GTK_IS_LIST_BOX (root) ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *deeper = last_list (child);

      if (deeper != NULL)
        found = deeper;
    }
  return found;
}

static gboolean
focus_within (RgWindow  *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static const gchar *
focus_name (RgWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing";
}

/* The header's floor plan button: visible, and not the search. */
static GtkWidget *
floor_button (RgWindow *window)
{
  GtkWidget *header = gtk_widget_get_prev_sibling (GTK_WIDGET (lookup_page (window)));
  GtkWidget *button = rg_ui_test_find (header, GTK_TYPE_BUTTON, NULL);

  ck_assert_str_eq (gtk_button_get_icon_name (GTK_BUTTON (button)), "view-grid-symbolic");
  return button;
}

/* ----------------------------------------------------------------- start */

static gboolean
demo_dialog_open (gpointer data)
{
  return rg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
staff_picker_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (rg_ui_test_find (GTK_WIDGET (data), GTK_TYPE_STACK, NULL));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "staff") == 0;
}

START_TEST (test_start_offers_demo_then_staff_picker)
{
  g_autofree gchar *dir = rg_test_make_dir ();
  g_autofree gchar *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgDb) check = NULL;
  RgDb *db = rg_db_open (path, &error);
  AdwMessageDialog *dialog;
  GtkStack *stack;
  GtkListBox *staff;
  RgWindow *window;

  ck_assert_no_error (error);
  session = rg_session_new (db, NULL, NULL);
  window = rg_window_new (ADW_APPLICATION (g_application_get_default ()), session);
  gtk_window_present (GTK_WINDOW (window));
  rg_window_start (window);

  ck_assert (rg_ui_test_wait_until (demo_dialog_open, NULL, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (rg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert_str_eq (adw_message_dialog_get_default_response (dialog), "demo");
  adw_message_dialog_response (dialog, "demo");
  gtk_window_destroy (GTK_WINDOW (dialog));

  ck_assert_msg (rg_ui_test_wait_until (staff_picker_shown, window, 120000), "no staff picker after the demo");
  check = rg_db_open (path, &error);
  ck_assert_no_error (error);
  ck_assert_int_gt (rg_test_query_int (check, "SELECT count(*) FROM guest"), 100);
  ck_assert_ptr_nonnull (rg_session_get_branch_id (session));
  ck_assert_ptr_null (rg_session_get_staff_id (session));

  /* Picking a name starts the shift. */
  staff = GTK_LIST_BOX (rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "boxed-list"));
  g_signal_emit_by_name (staff, "row-activated", gtk_list_box_get_row_at_index (staff, 0));
  stack = GTK_STACK (rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_STACK, NULL));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "work");
  ck_assert_ptr_nonnull (rg_session_get_staff_id (session));
  ck_assert_msg (focus_within (window, GTK_WIDGET (rg_lookup_page_get_entry (lookup_page (window)))),
                 "focus is on %s", focus_name (window));

  gtk_window_destroy (GTK_WINDOW (window));
  rg_test_remove_tree (dir);
}
END_TEST

static gboolean
main_page_is (gpointer data)
{
  const gchar * const *want = data;   /* window, page name */
  GtkStack *stack = GTK_STACK (rg_ui_test_find (GTK_WIDGET (want[0]), GTK_TYPE_STACK, NULL));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), want[1]) == 0;
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static GtkListBoxRow *
staff_row (RgWindow    *window,
           const gchar *name)
{
  GtkListBox *list = GTK_LIST_BOX (rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "boxed-list"));

  for (gint i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
        return row;
    }
  ck_abort_msg ("no staff row for %s", name);
  return NULL;
}

static void
tap_digits (GtkWidget   *pad,
            const gchar *digits)
{
  for (const gchar *d = digits; *d != '\0'; d++)
    {
      gchar key[2] = { *d, '\0' };

      rg_ui_test_tap (rg_ui_test_find_button (pad, key));
    }
}

START_TEST (test_pin_unlocks_the_terminal)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) owner = rg_auth_add_staff (t->db, NULL, "Aa Owner", RG_ROLE_OWNER, "2468", &error);
  g_autoptr(RgSession) session = NULL;
  g_autofree gchar *own_path = g_strdup (rg_db_get_path (t->db));
  RgDb *own = rg_db_open (own_path, &error);
  RgWindow *window;
  GtkWidget *pad;
  GtkLabel *pin_error;

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (owner);
  rg_ui_test_close_all ();
  session = rg_session_new (own, NULL, NULL);
  window = rg_window_new (ADW_APPLICATION (g_application_get_default ()), session);
  gtk_window_present (GTK_WINDOW (window));
  rg_window_start (window);
  ck_assert (rg_ui_test_wait_until (main_page_is, (gpointer) (const gchar *[]) { (gpointer) window, "staff" }, WAIT_MS));

  g_signal_emit_by_name (rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "boxed-list"),
                         "row-activated", staff_row (window, "Aa Owner"));
  ck_assert (main_page_is ((const gchar *[]) { (gpointer) window, "pin" }));
  /* The PIN page comes first in the window, so its pad is found first. */
  pad = rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_DIGIT_PAD, NULL);
  ck_assert (gtk_widget_get_mapped (pad));
  pin_error = GTK_LABEL (rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL, "error"));

  /* A wrong PIN is refused, audited, and the terminal stays locked. */
  tap_digits (pad, "1357");
  rg_ui_test_tap (rg_ui_test_find_button (pad, "Unlock"));
  ck_assert (rg_ui_test_wait_until (widget_visible, pin_error, WAIT_MS));
  ck_assert (main_page_is ((const gchar *[]) { (gpointer) window, "pin" }));
  ck_assert_ptr_null (rg_session_get_staff_id (session));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed' AND staff_id = '%s'",
                                        rg_staff_get_id (owner)), 1);
  g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "pin-wrong"));

  /* The right one hands the terminal over. */
  tap_digits (pad, "2468");
  rg_ui_test_tap (rg_ui_test_find_button (pad, "Unlock"));
  ck_assert (rg_ui_test_wait_until (main_page_is, (gpointer) (const gchar *[]) { (gpointer) window, "work" }, WAIT_MS));
  ck_assert_str_eq (rg_session_get_staff_id (session), rg_staff_get_id (owner));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_idle_terminal_locks)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  RgWindow *window;
  RgSession *session;

  /* The shortest idle time the core accepts. */
  ck_assert (rg_db_set_setting (t->db, "idle_lock_seconds", "10", &error));
  ck_assert_no_error (error);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  session = rg_window_get_session (window);
  ck_assert_ptr_nonnull (rg_session_get_staff_id (session));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.enrol", NULL));
  rg_ui_test_run_for (200);
  ck_assert_ptr_nonnull (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));

  ck_assert (rg_ui_test_wait_until (main_page_is, (gpointer) (const gchar *[]) { (gpointer) window, "staff" }, 15000));
  ck_assert_ptr_null (rg_session_get_staff_id (session));
  ck_assert_ptr_null (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ---------------------------------------------------------------- lookup */

START_TEST (test_phone_typed_at_the_keyboard_opens_the_card)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  gint64 visits_before;
  g_autofree gchar *shot = NULL;

  find_regular (t->db, &r);
  visits_before = rg_test_query_int (t->db, "SELECT count(*) FROM visit");
  window = rg_ui_test_window_new (t->db, 1280, 800);
  ck_assert (!adw_leaflet_get_folded (leaflet (window)));
  ck_assert_str_eq (detail_shown (window), "empty");

  /* A person typing: the lookup follows each keystroke; the whole number
   * is certain enough to open the card without Enter. */
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "type", "--delay", "60", r.national, NULL });
  assert_card_shows (window, r.id);
  ck_assert_str_eq (gtk_editable_get_text (rg_lookup_page_get_entry (lookup_page (window))), r.national);
  /* The host can keep typing: the card did not take the focus. */
  ck_assert_msg (focus_within (window, GTK_WIDGET (rg_lookup_page_get_entry (lookup_page (window)))),
                 "focus is on %s", focus_name (window));
  ck_assert_msg (g_str_has_prefix (rg_guest_card_get_greeting (guest_card (window)), "Welcome back, "),
                 "greeting: %s", rg_guest_card_get_greeting (guest_card (window)));
  ck_assert_ptr_nonnull (strstr (rg_guest_card_get_greeting (guest_card (window)), " visit, last on "));

  /* The history starts with the newest visit. */
  {
    GtkWidget *visits = last_list (GTK_WIDGET (guest_card (window)));
    AdwPreferencesRow *first = ADW_PREFERENCES_ROW (gtk_widget_get_first_child (visits));
    g_autofree gchar *newest = rg_ui_format_day (rg_test_query_intf (t->db,
      "SELECT max (seated_ms) FROM visit WHERE guest_id = '%s' AND status <> 'void'", r.id));

    ck_assert_msg (g_str_has_prefix (adw_preferences_row_get_title (first), newest),
                   "first visit row: %s, newest visit: %s", adw_preferences_row_get_title (first), newest);
  }

  rg_ui_test_run_for (300);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "card-1280x800");
  ck_assert (g_file_test (shot, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM visit"), visits_before);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_last_digits_on_the_digit_pad)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  RgDigitPad *pad;
  const gchar *last4;
  GListModel *results;
  guint position;

  find_regular (t->db, &r);
  last4 = r.national + strlen (r.national) - 4;
  window = rg_ui_test_window_new (t->db, 1280, 800);
  pad = RG_DIGIT_PAD (rg_ui_test_find (GTK_WIDGET (lookup_page (window)), RG_TYPE_DIGIT_PAD, NULL));

  for (const gchar *d = last4; *d != '\0'; d++)
    {
      gchar key[2] = { *d, '\0' };

      rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (pad), key));
    }
  ck_assert_str_eq (gtk_editable_get_text (rg_lookup_page_get_entry (lookup_page (window))), last4);
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (pad), "Look Up"));
  wait_for_lookup (window);

  results = rg_lookup_page_get_results (lookup_page (window));
  ck_assert_msg (model_has_guest (results, r.id, &position), "%s not among the matches of %s", r.id, last4);
  if (g_list_model_get_n_items (results) == 1)
    assert_card_shows (window, r.id);
  else
    {
      GtkListView *view = GTK_LIST_VIEW (rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL));

      /* Several: the list has the focus; picking the row opens the card. */
      g_signal_emit_by_name (view, "activate", position);
      assert_card_shows (window, r.id);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_several_names_are_told_apart)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *family = rg_ui_test_query_text (t->db,
    "SELECT family_name FROM guest WHERE family_name IS NOT NULL GROUP BY family_name ORDER BY count(*) DESC LIMIT 1");
  RgWindow *window = rg_ui_test_window_new (t->db, 800, 1280);
  GtkEditable *entry = rg_lookup_page_get_entry (lookup_page (window));
  GListModel *results;
  GtkStack *results_stack;
  g_autofree gchar *shot = NULL;

  ck_assert (adw_leaflet_get_folded (leaflet (window)));
  gtk_editable_set_text (entry, family);
  wait_for_lookup (window);
  results = rg_lookup_page_get_results (lookup_page (window));
  ck_assert_uint_gt (g_list_model_get_n_items (results), 1);
  results_stack = GTK_STACK (gtk_widget_get_parent (gtk_widget_get_parent (
    rg_ui_test_find (GTK_WIDGET (lookup_page (window)), GTK_TYPE_LIST_VIEW, NULL))));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (results_stack), "list");

  /* Each row tells the guest apart: a masked phone or a last visit. */
  rg_ui_test_run_for (300);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (results), 5); i++)
    {
      g_autoptr(RgGuestMatch) match = g_list_model_get_item (results, i);

      ck_assert (rg_guest_match_get_masked_phone (match) != NULL || rg_guest_match_get_last_visit_ms (match) > 0);
    }

  /* Enter with several matches moves to the list; the leaflet stays on
   * the lookup. */
  g_signal_emit_by_name (entry, "activate");
  rg_ui_test_run_for (100);
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet (window)), "lookup");
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "lookup-800x1280");
  ck_assert (g_file_test (shot, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static gboolean
widget_has_focus (gpointer data)
{
  return gtk_widget_has_focus (GTK_WIDGET (data));
}

static gboolean
enrol_dialog_is_open (gpointer data)
{
  return rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG) != NULL;
}

START_TEST (test_no_match_offers_to_enrol)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  RgWindow *window = rg_ui_test_window_new (t->db, 1280, 800);
  GtkEditable *entry = rg_lookup_page_get_entry (lookup_page (window));
  GtkButton *enrol;
  RgEnrolDialog *dialog;

  gtk_editable_set_text (entry, "Zqxwv Jjkkl");
  wait_for_lookup (window);
  ck_assert_uint_eq (g_list_model_get_n_items (rg_lookup_page_get_results (lookup_page (window))), 0);
  enrol = rg_ui_test_find_button (GTK_WIDGET (lookup_page (window)), "_Enrol New Guest");
  ck_assert (gtk_widget_is_drawable (GTK_WIDGET (enrol)));

  g_signal_emit_by_name (entry, "activate");
  ck_assert (rg_ui_test_wait_until (widget_has_focus, enrol, 2000));

  rg_ui_test_tap (enrol);
  ck_assert (rg_ui_test_wait_until (enrol_dialog_is_open, NULL, 2000));
  dialog = RG_ENROL_DIALOG (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (gtk_editable_get_text (rg_enrol_dialog_get_field (dialog, "name")), "Zqxwv Jjkkl");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_scanner_burst_opens_the_member_card)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree gchar *other = NULL;
  RgWindow *window;

  find_regular (t->db, &r);
  other = rg_test_query_textf (t->db, "SELECT id FROM guest WHERE id <> '%s' AND merged_into IS NULL LIMIT 1", r.id);
  window = rg_ui_test_window_new (t->db, 1280, 800);

  /* Another guest's card is open and has the focus, not the search. */
  rg_lookup_page_open (lookup_page (window), "");
  g_signal_emit_by_name (lookup_page (window), "guest-activated", other, TRUE);
  assert_card_shows (window, other);
  gtk_widget_grab_focus (GTK_WIDGET (rg_ui_test_find_button (GTK_WIDGET (guest_card (window)), "_Edit")));

  /* The scanner types the code in a burst and presses Enter.  On a loaded
   * test machine xdotool itself can stall past the 30 ms gap, so a burst
   * that did not come through as one is sent again, up to three times. */
  g_ptr_array_add (args, g_strdup ("key"));
  g_ptr_array_add (args, g_strdup ("--delay"));
  g_ptr_array_add (args, g_strdup ("2"));
  for (const gchar *c = r.card; *c != '\0'; c++)
    g_ptr_array_add (args, g_strndup (c, 1));
  g_ptr_array_add (args, g_strdup ("Return"));
  g_ptr_array_add (args, NULL);
  for (guint tries = 0; tries < 3; tries++)
    {
      CardWait w = { window, r.id };

      rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar * const *) args->pdata);
      if (rg_ui_test_wait_until (card_shows, &w, 2000))
        break;
    }
  assert_card_shows (window, r.id);
  ck_assert_str_eq (gtk_editable_get_text (rg_lookup_page_get_entry (lookup_page (window))), r.card);
  /* The Enter of the scan did not press the focused Edit button. */
  ck_assert_ptr_null (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_phone_masked_for_a_waiter)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  g_autofree gchar *waiter = rg_ui_test_query_text (t->db, "SELECT id FROM staff WHERE role = 'waiter' ORDER BY name LIMIT 1");
  g_autofree gchar *manager = rg_ui_test_query_text (t->db, "SELECT id FROM staff WHERE role = 'manager' ORDER BY name LIMIT 1");
  g_autofree gchar *last4 = NULL;
  RgWindow *window;
  RgSession *session;
  GtkWidget *facts;

  find_regular (t->db, &r);
  last4 = g_strdup (r.national + strlen (r.national) - 4);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  session = rg_window_get_session (window);

  rg_session_set_staff_id (session, waiter);
  rg_lookup_page_open (lookup_page (window), r.card);
  assert_card_shows (window, r.id);
  facts = gtk_widget_get_next_sibling (rg_ui_test_find (GTK_WIDGET (guest_card (window)), GTK_TYPE_LABEL, "greeting"));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (GTK_LABEL (facts)), "•"));
  ck_assert_ptr_null (strstr (gtk_label_get_label (GTK_LABEL (facts)), r.national));

  /* A manager sees the number in full. */
  rg_session_set_staff_id (session, manager);
  g_signal_emit_by_name (lookup_page (window), "guest-activated", r.id, TRUE);
  ck_assert_msg (strstr (gtk_label_get_label (GTK_LABEL (facts)), r.national) != NULL,
                 "facts: %s", gtk_label_get_label (GTK_LABEL (facts)));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (GTK_LABEL (facts)), last4));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ----------------------------------------------------------------- enrol */

static RgEnrolDialog *
open_enrol (RgWindow *window)
{
  RgEnrolDialog *dialog;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.enrol", NULL));
  rg_ui_test_run_for (200);
  dialog = RG_ENROL_DIALOG (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  return dialog;
}

static GtkButton *
save_button (RgEnrolDialog *dialog)
{
  GtkButton *button = GTK_BUTTON (rg_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "suggested-action"));

  ck_assert_ptr_nonnull (button);
  return button;
}

START_TEST (test_enrol_warns_of_duplicates_first)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  RgEnrolDialog *dialog;
  GListModel *duplicates;
  g_autoptr(RgGuestDuplicate) first = NULL;
  g_autofree gchar *new_id = NULL;
  g_autofree gchar *shot = NULL;
  gint64 guests;

  find_regular (t->db, &r);
  {
    const RgGuestFields ana = { .name = "Ana Pereira" };
    const gchar *phones[] = { "137 0000 5678", NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(RgGuest) added = rg_guest_add (t->db, &ana, phones, NULL, &error);

    ck_assert_no_error (error);
    ck_assert_ptr_nonnull (added);
  }
  guests = rg_test_query_int (t->db, "SELECT count(*) FROM guest");
  window = rg_ui_test_window_new (t->db, 1280, 800);

  /* Same phone as a regular: warned, nothing written. */
  dialog = open_enrol (window);
  gtk_editable_set_text (rg_enrol_dialog_get_field (dialog, "name"), "Testa Person");
  gtk_editable_set_text (rg_enrol_dialog_get_field (dialog, "phone"), r.national);
  rg_ui_test_tap (save_button (dialog));
  duplicates = rg_enrol_dialog_get_duplicates (dialog);
  ck_assert_ptr_nonnull (duplicates);
  ck_assert_uint_ge (g_list_model_get_n_items (duplicates), 1);
  first = g_list_model_get_item (duplicates, 0);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (first), r.id);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (first), RG_DUPLICATE_SAME_PHONE);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), guests);
  ck_assert (gtk_widget_get_visible (rg_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BOX, "duplicate-banner")));

  /* Insisting cannot take a number another guest holds: still nothing. */
  rg_ui_test_tap (save_button (dialog));
  ck_assert_ptr_nonnull (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), guests);

  /* "Open" on the candidate shows the regular instead. */
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (dialog), "_Open"));
  assert_card_shows (window, r.id);
  ck_assert_ptr_null (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));

  /* Same name as another guest (case folded), new phone, an allergy and a
   * zone: warned once, then enrolled anyway on the second press. */
  dialog = open_enrol (window);
  gtk_editable_set_text (rg_enrol_dialog_get_field (dialog, "name"), "ana PEREIRA");
  gtk_editable_set_text (rg_enrol_dialog_get_field (dialog, "phone"), "139 0000 1234");
  gtk_editable_set_text (rg_enrol_dialog_get_field (dialog, "allergy"), "Peanut");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rg_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL)), 1);
  rg_ui_test_tap (save_button (dialog));
  ck_assert_uint_ge (g_list_model_get_n_items (rg_enrol_dialog_get_duplicates (dialog)), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), guests);
  ck_assert_str_eq (gtk_button_get_label (save_button (dialog)), "_Enrol Anyway");
  rg_ui_test_tap (save_button (dialog));
  ck_assert_ptr_null (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));

  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), guests + 1);
  new_id = rg_ui_test_query_text (t->db, "SELECT guest_id FROM guest_phone WHERE e164 = '+8613900001234' AND deleted = 0");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM guest_allergy WHERE guest_id = '%s' AND allergen = 'peanut' AND deleted = 0", new_id), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM seating_pref WHERE guest_id = '%s' AND kind = 'zone' AND value = 'window' AND deleted = 0", new_id), 1);

  /* The new guest's card is open, the allergy impossible to miss. */
  assert_card_shows (window, new_id);
  {
    GtkWidget *banner = rg_ui_test_find (GTK_WIDGET (guest_card (window)), GTK_TYPE_BOX, "allergy-banner");
    GtkWidget *label = rg_ui_test_find (banner, GTK_TYPE_LABEL, NULL);

    ck_assert (gtk_widget_get_visible (banner));
    ck_assert_ptr_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "peanut"));
  }
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "card-new-guest-1280x800");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_edit_a_guest_in_place)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  RgEnrolDialog *dialog;
  g_autofree gchar *title = NULL;

  find_regular (t->db, &r);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  rg_lookup_page_open (lookup_page (window), r.card);
  assert_card_shows (window, r.id);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-guest", NULL));
  rg_ui_test_run_for (200);
  dialog = RG_ENROL_DIALOG (rg_ui_test_find_window (RG_TYPE_ENROL_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (gtk_editable_get_text (rg_enrol_dialog_get_field (dialog, "name")), r.name);
  gtk_editable_set_text (rg_enrol_dialog_get_field (dialog, "title"), "Dr");
  ck_assert (rg_enrol_dialog_save (dialog) || rg_enrol_dialog_save (dialog));
  rg_ui_test_run_for (100);

  title = rg_test_query_textf (t->db, "SELECT title FROM guest WHERE id = '%s'", r.id);
  ck_assert_str_eq (title, "Dr");
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest WHERE merged_into IS NULL AND deleted = 0 AND title = 'Dr'"), 1);
  assert_card_shows (window, r.id);
  ck_assert_ptr_nonnull (strstr (rg_guest_card_get_greeting (guest_card (window)), "Dr "));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ------------------------------------------------------------------ seat */

static gboolean
floor_shown (gpointer data)
{
  return g_strcmp0 (detail_shown (data), "floor") == 0;
}

START_TEST (test_seat_a_guest_with_one_tap)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  RgFloorPlan *plan;
  GListModel *suggestions;
  g_autoptr(RgTableSuggestion) best = NULL;
  const gchar *table_id;
  graphene_rect_t bounds;
  graphene_point_t p;
  g_autofree gchar *x = NULL;
  g_autofree gchar *y = NULL;
  g_autofree gchar *shot = NULL;

  find_regular (t->db, &r);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  rg_lookup_page_open (lookup_page (window), r.national);
  assert_card_shows (window, r.id);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rg_ui_test_find (GTK_WIDGET (guest_card (window)), GTK_TYPE_SPIN_BUTTON, NULL)), 3);
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (guest_card (window)), "_Seat…"));
  ck_assert (rg_ui_test_wait_until (floor_shown, window, WAIT_MS));
  rg_ui_test_run_for (400);

  suggestions = rg_floor_page_get_suggestions (floor_page (window));
  ck_assert_uint_gt (g_list_model_get_n_items (suggestions), 0);
  best = g_list_model_get_item (suggestions, 0);
  table_id = rg_dining_table_get_id (rg_table_suggestion_get_table (best));
  ck_assert_int_ge (rg_dining_table_get_seats (rg_table_suggestion_get_table (best)), 3);
  ck_assert_int_eq (rg_dining_table_get_status (rg_table_suggestion_get_table (best)), RG_TABLE_FREE);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "floor-1280x800");

  /* One real tap on the best table, scrolled into view. */
  plan = rg_floor_page_get_plan (floor_page (window));
  ck_assert_uint_eq (rg_floor_plan_get_rank (plan, table_id), 1);
  ck_assert (rg_floor_plan_get_table_bounds (plan, table_id, &bounds));
  ck_assert (gtk_widget_compute_point (GTK_WIDGET (plan), GTK_WIDGET (window),
                                       &GRAPHENE_POINT_INIT (bounds.origin.x + bounds.size.width / 2,
                                                             bounds.origin.y + bounds.size.height / 2), &p));
  ck_assert_msg (p.x > 0 && p.y > 0 && p.x < 1280 && p.y < 800, "the best table is off screen at %g,%g", p.x, p.y);
  x = g_strdup_printf ("%d", (gint) p.x);
  y = g_strdup_printf ("%d", (gint) p.y);
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "mousemove", "--window", "XID", x, y, "click", "1", NULL });
  rg_ui_test_run_for (300);

  /* The visit is open, the table seated, in the database and on screen. */
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM visit WHERE guest_id = '%s' AND table_id = '%s' AND status = 'open' AND party_size = 3", r.id, table_id), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM dining_table WHERE id = '%s' AND status = 'seated'", table_id), 1);
  {
    GListModel *tables = rg_floor_plan_get_tables (plan);
    guint n = g_list_model_get_n_items (tables);
    gboolean seen = FALSE;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RgDiningTable) table = g_list_model_get_item (tables, i);

        if (g_strcmp0 (rg_dining_table_get_id (table), table_id) == 0)
          {
            ck_assert_int_eq (rg_dining_table_get_status (table), RG_TABLE_SEATED);
            seen = TRUE;
          }
      }
    ck_assert (seen);
    ck_assert_int_eq (rg_floor_plan_get_rank (plan, table_id), 0);
  }
  g_free (shot);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "floor-seated-1280x800");

  /* The card's history starts with the open visit. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  assert_card_shows (window, r.id);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_portrait_seats_from_the_suggestion_list)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  GListModel *suggestions;
  g_autoptr(RgTableSuggestion) best = NULL;
  g_autofree gchar *shot = NULL;
  g_autofree gchar *table_id = NULL;

  find_regular (t->db, &r);
  window = rg_ui_test_window_new (t->db, 800, 1280);
  ck_assert (adw_leaflet_get_folded (leaflet (window)));
  /* Portrait: the card comes to the front over the lookup. */
  rg_lookup_page_open (lookup_page (window), r.card);
  assert_card_shows (window, r.id);
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet (window)), "detail");
  rg_ui_test_run_for (300);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "card-800x1280");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.seat", NULL));
  ck_assert (rg_ui_test_wait_until (floor_shown, window, WAIT_MS));
  rg_ui_test_run_for (400);
  g_free (shot);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "floor-800x1280");

  suggestions = rg_floor_page_get_suggestions (floor_page (window));
  ck_assert_uint_gt (g_list_model_get_n_items (suggestions), 0);
  best = g_list_model_get_item (suggestions, 0);
  table_id = g_strdup (rg_dining_table_get_id (rg_table_suggestion_get_table (best)));
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (floor_page (window)), "Seat"));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM visit WHERE guest_id = '%s' AND table_id = '%s' AND status = 'open'", r.id, table_id), 1);

  /* Escape goes back to the card, then to the lookup. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  ck_assert_str_eq (detail_shown (window), "guest");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet (window)), "lookup");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ---------------------------------------------------------------- layout */

/* Every button on screen under @root is a touch target of 44 px or more. */
static void
assert_touch_targets (GtkWidget *root,
                      guint     *checked)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root))
    {
      ck_assert_msg (gtk_widget_get_width (root) >= 44 && gtk_widget_get_height (root) >= 44,
                     "%s “%s” is %d×%d", G_OBJECT_TYPE_NAME (root),
                     gtk_button_get_label (GTK_BUTTON (root)) ?: gtk_button_get_icon_name (GTK_BUTTON (root)),
                     gtk_widget_get_width (root), gtk_widget_get_height (root));
      (*checked)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_touch_targets (child, checked);
}

START_TEST (test_touch_targets)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  guint checked = 0;

  find_regular (t->db, &r);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  rg_lookup_page_open (lookup_page (window), r.card);
  assert_card_shows (window, r.id);
  rg_ui_test_run_for (200);
  assert_touch_targets (GTK_WIDGET (window), &checked);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.seat", NULL));
  ck_assert (rg_ui_test_wait_until (floor_shown, window, WAIT_MS));
  rg_ui_test_run_for (200);
  assert_touch_targets (GTK_WIDGET (window), &checked);
  ck_assert_uint_gt (checked, 30);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ------------------------------------------------------- results, tiers */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static gboolean
count_tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Types @text at the end of the field, one character at a time, the way a
 * key press inserts it, without waiting for the lookups. */
static void
type_text (GtkEditable *entry,
           const gchar *text)
{
  for (const gchar *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gint position;

      gtk_editable_set_position (entry, -1);
      position = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, c, g_utf8_next_char (c) - c, &position);
    }
}

/* Each keystroke of a name brings the matches of the field's text, the
 * regular among them once the prefix is theirs. */
START_TEST (test_results_follow_each_keystroke)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  g_autofree gchar *word = NULL;
  RgWindow *window;
  GtkEditable *entry;
  guint notified = 0;
  glong n_chars;

  find_regular (t->db, &r);
  word = g_utf8_substring (r.name, 0, MIN (g_utf8_strlen (r.name, -1), 4));
  n_chars = g_utf8_strlen (word, -1);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  entry = rg_lookup_page_get_entry (lookup_page (window));
  wait_for_lookup (window);
  g_signal_connect (lookup_page (window), "notify::results", G_CALLBACK (count_notify_cb), &notified);

  for (glong i = 1; i <= n_chars; i++)
    {
      g_autofree gchar *prefix = g_utf8_substring (word, 0, i);
      g_autofree gchar *typed = g_utf8_substring (word, i - 1, i);
      guint before = notified;
      guint position;

      type_text (entry, typed);
      wait_for_lookup (window);
      ck_assert_str_eq (gtk_editable_get_text (entry), prefix);
      ck_assert_uint_gt (notified, before);
      if (i == n_chars)
        ck_assert_msg (model_has_guest (rg_lookup_page_get_results (lookup_page (window)), r.id, &position),
                       "typing “%s” did not find %s", prefix, r.name);
    }
  g_signal_handlers_disconnect_by_data (lookup_page (window), &notified);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* The page's thread held up (here: its first job, the day's tier cut,
 * waits to save the cut while another connection holds the write lock)
 * leaves the window running: the main loop turns, the field takes the
 * whole number as typed, no answer lands for the text of a moment ago,
 * and when the lock goes only the answer for the whole number does,
 * opening the card. */
START_TEST (test_slow_lookup_does_not_block)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  GtkEditable *entry;
  guint notified = 0;
  guint ticks = 0;
  guint tick_id;

  find_regular (t->db, &r);
  ck_assert (rg_db_exec (t->db, "DELETE FROM setting WHERE key = 'guest_tier_cut'; BEGIN IMMEDIATE", &error));
  ck_assert_no_error (error);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  entry = rg_lookup_page_get_entry (lookup_page (window));
  g_signal_connect (lookup_page (window), "notify::results", G_CALLBACK (count_notify_cb), &notified);
  ck_assert (rg_lookup_page_is_busy (lookup_page (window)));

  type_text (entry, r.national);
  tick_id = g_timeout_add (10, count_tick_cb, &ticks);
  rg_ui_test_run_for (400);
  g_source_remove (tick_id);

  ck_assert_str_eq (gtk_editable_get_text (entry), r.national);
  ck_assert (rg_lookup_page_is_busy (lookup_page (window)));
  ck_assert_uint_eq (notified, 0);
  /* A blocked main loop would have run the 10 ms timer once at most. */
  ck_assert_uint_gt (ticks, 5);

  ck_assert (rg_db_exec (t->db, "COMMIT", &error));
  ck_assert_no_error (error);
  assert_card_shows (window, r.id);
  wait_for_lookup (window);
  ck_assert_uint_eq (notified, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (rg_lookup_page_get_results (lookup_page (window))), 1);
  g_signal_handlers_disconnect_by_data (lookup_page (window), &notified);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* A keystroke hands its query to the page's thread and waits for the
 * answer a bounded time only (half a frame): with the thread held up (its
 * lookup must work out the day's tier cut and save it, while another
 * connection holds the write lock) the keystroke returns at once, the main
 * loop turns, and the answer lands when the lock goes. */
START_TEST (test_keystroke_waits_a_bounded_time)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_auto(Regular) r = { 0 };
  g_autofree gchar *first = NULL;
  RgWindow *window;
  GtkEditable *entry;
  guint notified = 0;
  guint ticks = 0;
  guint tick_id;
  gint64 start;
  gint64 took;

  find_regular (t->db, &r);
  first = g_utf8_substring (r.name, 0, 1);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  entry = rg_lookup_page_get_entry (lookup_page (window));
  wait_for_lookup (window);
  ck_assert (rg_db_exec (t->db, "DELETE FROM setting WHERE key = 'guest_tier_cut'; BEGIN IMMEDIATE", &error));
  ck_assert_no_error (error);
  g_signal_connect (lookup_page (window), "notify::results", G_CALLBACK (count_notify_cb), &notified);

  start = g_get_monotonic_time ();
  type_text (entry, first);
  took = g_get_monotonic_time () - start;
  /* The bound is 8 ms; a blocked keystroke would wait for the lock (5 s).
   * The rest is room for a loaded machine. */
  ck_assert_msg (took < 150 * G_TIME_SPAN_MILLISECOND, "the keystroke took %" G_GINT64_FORMAT " µs", took);
  ck_assert (rg_lookup_page_is_busy (lookup_page (window)));
  tick_id = g_timeout_add (10, count_tick_cb, &ticks);
  rg_ui_test_run_for (300);
  g_source_remove (tick_id);
  ck_assert_uint_gt (ticks, 5);
  ck_assert_uint_eq (notified, 0);

  ck_assert (rg_db_exec (t->db, "COMMIT", &error));
  ck_assert_no_error (error);
  wait_for_lookup (window);
  ck_assert_uint_eq (notified, 1);
  ck_assert_str_eq (gtk_editable_get_text (entry), first);
  ck_assert_uint_gt (g_list_model_get_n_items (rg_lookup_page_get_results (lookup_page (window))), 0);
  g_signal_handlers_disconnect_by_data (lookup_page (window), &notified);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

typedef struct
{
  RgWindow    *window;
  const gchar *guest_id;
  gboolean     answered;
  gboolean     painted;
  gboolean     card_with_list;   /* the frame that drew the list showed the card */
} BesideWait;

static void
on_lone_match_notify_cb (GObject    *object,
                         GParamSpec *pspec,
                         BesideWait *w)
{
  guint position;

  w->answered |= model_has_guest (rg_lookup_page_get_results (lookup_page (w->window)), w->guest_id, &position);
}

/* Connected before the page's own handler, so it sees the list's frame as
 * it was painted. */
static void
on_lone_match_after_paint_cb (GdkFrameClock *clock,
                              BesideWait    *w)
{
  if (!w->answered || w->painted)
    return;
  w->painted = TRUE;
  w->card_with_list = g_strcmp0 (rg_guest_card_get_guest_id (guest_card (w->window)), w->guest_id) == 0;
}

/* A lone name match is shown beside the search after the frame that
 * draws the list, not in it. */
START_TEST (test_lone_name_shown_after_the_list)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *id = NULL;
  g_autofree gchar *name = rg_ui_test_query_text (t->db,
    "SELECT name FROM guest g WHERE deleted = 0 AND merged_into IS NULL AND name GLOB '* *'"
    " AND (SELECT count(*) FROM guest h WHERE h.name = g.name) = 1 ORDER BY rowid LIMIT 1");
  RgWindow *window;
  BesideWait w = { 0 };

  ck_assert_ptr_nonnull (name);
  id = rg_test_query_textf (t->db, "SELECT id FROM guest WHERE name = '%s'", name);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  wait_for_lookup (window);
  w.window = window;
  w.guest_id = id;
  g_signal_connect (lookup_page (window), "notify::results", G_CALLBACK (on_lone_match_notify_cb), &w);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_lone_match_after_paint_cb), &w);

  gtk_editable_set_text (rg_lookup_page_get_entry (lookup_page (window)), name);
  wait_for_lookup (window);
  assert_card_shows (window, id);
  ck_assert (w.answered && w.painted);
  ck_assert_uint_eq (g_list_model_get_n_items (rg_lookup_page_get_results (lookup_page (window))), 1);
  ck_assert (!w.card_with_list);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), &w);
  g_signal_handlers_disconnect_by_data (lookup_page (window), &w);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static GtkLabel *
visible_tier_badge (GtkWidget   *root,
                    const gchar *css_class)
{
  GtkWidget *badge = rg_ui_test_find (root, GTK_TYPE_LABEL, css_class);

  ck_assert_msg (badge != NULL, "no %s badge", css_class);
  ck_assert (gtk_widget_get_visible (badge));
  return GTK_LABEL (badge);
}

/* The match row and the card show the spend tier of the owner's pyramid:
 * the year's biggest spender is in the top 1%, and a guest who never came
 * has no tier badge. */
START_TEST (test_tier_badges_show_the_spend_pyramid)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *top = rg_ui_test_query_text (t->db,
    "SELECT guest_id FROM visit WHERE guest_id IS NOT NULL AND status = 'closed' AND deleted = 0"
    " GROUP BY guest_id ORDER BY sum (subtotal) DESC LIMIT 1");
  g_autofree gchar *top_name = rg_test_query_textf (t->db, "SELECT name FROM guest WHERE id = '%s'", top);
  g_autofree gchar *never = rg_ui_test_query_text (t->db,
    "SELECT id FROM guest g WHERE merged_into IS NULL AND deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.guest_id = g.id) LIMIT 1");
  g_autofree gchar *shot = NULL;
  RgGuestTier tier = RG_GUEST_TIER_NONE;
  RgWindow *window;
  GtkLabel *badge;
  GtkWidget *rows;
  gboolean seen = FALSE;
  guint position;

  ck_assert (rg_guest_tier_get (t->db, top, rg_now_ms (), &tier, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (tier, RG_GUEST_TIER_TOP1);
  ck_assert_ptr_nonnull (never);

  window = rg_ui_test_window_new (t->db, 1280, 800);
  /* The name's first word finds several guests, the top spender among
   * them: their row wears the gold badge. */
  {
    g_auto(GStrv) words = g_strsplit (top_name, " ", 2);

    gtk_editable_set_text (rg_lookup_page_get_entry (lookup_page (window)), words[0]);
  }
  wait_for_lookup (window);
  ck_assert (model_has_guest (rg_lookup_page_get_results (lookup_page (window)), top, &position));
  ck_assert_int_eq (rg_lookup_page_get_tier (lookup_page (window), position), RG_GUEST_TIER_TOP1);
  rg_ui_test_run_for (200);
  rows = rg_ui_test_find (GTK_WIDGET (lookup_page (window)), GTK_TYPE_LIST_VIEW, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (rows); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = rg_ui_test_find (child, RG_TYPE_MATCH_ROW, NULL);
      RgGuestMatch *match = row != NULL ? rg_match_row_get_match (RG_MATCH_ROW (row)) : NULL;

      if (match != NULL && g_strcmp0 (rg_guest_match_get_guest_id (match), top) == 0)
        {
          badge = visible_tier_badge (row, "tier-gold");
          ck_assert_str_eq (gtk_label_get_label (badge), "Top 1%");
          seen = TRUE;
        }
    }
  ck_assert_msg (seen, "no row of the top spender %s", top_name);

  g_signal_emit_by_name (lookup_page (window), "guest-activated", top, TRUE);
  assert_card_shows (window, top);
  badge = visible_tier_badge (GTK_WIDGET (guest_card (window)), "tier-gold");
  ck_assert_str_eq (gtk_label_get_label (badge), "Top 1%");
  rg_ui_test_run_for (200);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "card-top-tier-1280x800");

  g_signal_emit_by_name (lookup_page (window), "guest-activated", never, TRUE);
  assert_card_shows (window, never);
  badge = GTK_LABEL (rg_ui_test_find (GTK_WIDGET (guest_card (window)), GTK_TYPE_LABEL, "tier-gold"));
  ck_assert (badge == NULL || !gtk_widget_get_visible (GTK_WIDGET (badge)));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static gboolean
cut_saved (gpointer data)
{
  return rg_test_query_int (data, "SELECT count(*) FROM setting WHERE key = 'guest_tier_cut'") > 0;
}

static gboolean
tier_badge_shown (gpointer data)
{
  GtkWidget *badge = rg_ui_test_find (GTK_WIDGET (guest_card (data)), GTK_TYPE_LABEL, "tier-gold");

  return badge != NULL && gtk_widget_get_visible (badge);
}

/* The first card of the day, opened before the day's tier cut is made,
 * does not make it on the main thread: the card shows at once without the
 * badge (here the write lock held elsewhere keeps every cut unsaved), and
 * the badge comes when a thread has the cut.  A card opened meanwhile for
 * another guest never gets the first one's badge. */
START_TEST (test_tier_badge_comes_later)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *top = rg_ui_test_query_text (t->db,
    "SELECT guest_id FROM visit WHERE guest_id IS NOT NULL AND status = 'closed' AND deleted = 0"
    " GROUP BY guest_id ORDER BY sum (subtotal) DESC LIMIT 1");
  g_autofree gchar *never = rg_ui_test_query_text (t->db,
    "SELECT id FROM guest g WHERE merged_into IS NULL AND deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.guest_id = g.id) LIMIT 1");
  RgWindow *window;

  ck_assert (rg_db_exec (t->db, "DELETE FROM setting WHERE key = 'guest_tier_cut'; BEGIN IMMEDIATE", &error));
  ck_assert_no_error (error);
  window = rg_ui_test_window_new (t->db, 1280, 800);

  g_signal_emit_by_name (lookup_page (window), "guest-activated", top, TRUE);
  assert_card_shows (window, top);
  ck_assert (!tier_badge_shown (window));
  ck_assert (rg_db_exec (t->db, "COMMIT", &error));
  ck_assert_no_error (error);
  ck_assert (rg_ui_test_wait_until (tier_badge_shown, window, WAIT_MS));
  ck_assert_str_eq (rg_guest_card_get_guest_id (guest_card (window)), top);

  /* Again without a cut: the top spender, then at once a guest who never
   * came; the first thread's answer does not land on the second card. */
  wait_for_lookup (window);
  ck_assert (rg_db_exec (t->db, "DELETE FROM setting WHERE key = 'guest_tier_cut'; BEGIN IMMEDIATE", &error));
  ck_assert_no_error (error);
  g_signal_emit_by_name (lookup_page (window), "guest-activated", top, TRUE);
  g_signal_emit_by_name (lookup_page (window), "guest-activated", never, TRUE);
  assert_card_shows (window, never);
  ck_assert (rg_db_exec (t->db, "COMMIT", &error));
  ck_assert_no_error (error);
  ck_assert (rg_ui_test_wait_until (cut_saved, t->db, WAIT_MS));
  rg_ui_test_run_for (300);
  ck_assert (!tier_badge_shown (window));
  ck_assert_str_eq (rg_guest_card_get_guest_id (guest_card (window)), never);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* -------------------------------------------------------- uplift logging */

/* Seats @guest_id at a free table of the terminal's branch; returns the
 * visit id. */
static gchar *
seat_guest (RgDb        *db,
            const gchar *guest_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgVisit) visit = NULL;
  g_autofree gchar *branch_id = rg_ui_test_query_text (db, "SELECT id FROM branch WHERE deleted = 0 ORDER BY name LIMIT 1");
  g_autofree gchar *table_id = rg_test_query_textf (db, "SELECT id FROM dining_table WHERE branch_id = '%s' AND deleted = 0"
                                                        " AND status = 'free' AND seats >= 2 ORDER BY name LIMIT 1", branch_id);
  RgSeating seating = { .branch_id = branch_id, .table_id = table_id, .guest_id = guest_id, .party_size = 2 };

  visit = rg_visit_seat (db, &seating, &error);
  ck_assert_no_error (error);
  return g_strdup (rg_visit_get_id (visit));
}

typedef struct
{
  RgDb        *db;
  const gchar *visit_id;
} LogWait;

static gboolean
suggestions_logged (gpointer data)
{
  LogWait *w = data;

  return rg_test_query_intf (w->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s'", w->visit_id) > 0;
}

/* A regular outside the holdout and one inside it, both seated: the card
 * logs the suggestions of each open visit once, shows them to the first
 * and hides them from the second. */
START_TEST (test_suggestions_logged_and_held_out)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regulars = g_ptr_array_new_with_free_func (g_free);
  g_autofree gchar *shown_visit = NULL;
  g_autofree gchar *held_visit = NULL;
  const gchar *shown_id = NULL;
  const gchar *held_id = NULL;
  GtkWidget *heading;
  GtkWidget *recommend_list;
  RgWindow *window;
  gint64 logged;
  gint64 rows = 0;

  /* Half the guests held out, so both kinds are among the regulars. */
  ck_assert (rg_recommend_set_holdout_share (t->db, 0.5, &error));
  ck_assert_no_error (error);
  {
    g_autoptr(RgStmt) stmt = rg_db_prepare (t->db,
        "SELECT guest_id FROM local_guest_stats ORDER BY visit_count DESC, guest_id LIMIT 40", &error);

    ck_assert_no_error (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (regulars, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  }
  for (guint i = 0; i < regulars->len; i++)
    {
      const gchar *id = regulars->pdata[i];

      if (rg_recommend_is_holdout (t->db, id, NULL))
        held_id = held_id != NULL ? held_id : id;
      else
        shown_id = shown_id != NULL ? shown_id : id;
    }
  ck_assert (shown_id != NULL && held_id != NULL);
  shown_visit = seat_guest (t->db, shown_id);
  held_visit = seat_guest (t->db, held_id);

  window = rg_ui_test_window_new (t->db, 1280, 800);
  g_signal_emit_by_name (lookup_page (window), "guest-activated", shown_id, TRUE);
  assert_card_shows (window, shown_id);
  ck_assert (rg_ui_test_wait_until (suggestions_logged, &(LogWait) { t->db, shown_visit }, WAIT_MS));
  rg_ui_test_run_for (100);
  logged = rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND shown = 1", shown_visit);
  ck_assert_int_gt (logged, 0);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND shown = 0", shown_visit), 0);
  /* The card shows what was logged: one row per suggested dish. */
  heading = rg_ui_test_find_label (GTK_WIDGET (guest_card (window)), "Recommended");
  ck_assert (heading != NULL && gtk_widget_get_visible (heading));
  recommend_list = gtk_widget_get_next_sibling (heading);
  ck_assert (GTK_IS_LIST_BOX (recommend_list) && gtk_widget_get_visible (recommend_list));
  for (GtkWidget *row = gtk_widget_get_first_child (recommend_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    rows++;
  ck_assert_int_eq (rows, logged);

  /* Shown again for the same visit: not logged twice. */
  g_signal_emit_by_name (lookup_page (window), "guest-activated", held_id, TRUE);
  assert_card_shows (window, held_id);
  ck_assert (rg_ui_test_wait_until (suggestions_logged, &(LogWait) { t->db, held_visit }, WAIT_MS));
  g_signal_emit_by_name (lookup_page (window), "guest-activated", shown_id, TRUE);
  assert_card_shows (window, shown_id);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s'", shown_visit), logged);

  /* The held-out guest: logged as not shown, and the card has no
   * suggestions. */
  g_signal_emit_by_name (lookup_page (window), "guest-activated", held_id, TRUE);
  assert_card_shows (window, held_id);
  rg_ui_test_run_for (100);
  ck_assert_int_gt (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND shown = 0", held_visit), 0);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND shown = 1", held_visit), 0);
  ck_assert (!gtk_widget_get_visible (heading));
  ck_assert (!gtk_widget_get_visible (recommend_list));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ----------------------------------------------------- occasions, style */

START_TEST (test_birthday_dislike_and_dark_style)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) guest = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 3);
  g_autofree gchar *birthday = g_date_time_format (soon, "--%m-%d");
  AdwStyleManager *style = adw_style_manager_get_default ();
  RgGuestFields fields;
  RgWindow *window;
  GtkLabel *occasion;
  AdwActionRow *dislike;
  g_autofree gchar *item_id = NULL;
  g_autofree gchar *item_name = NULL;
  g_autofree gchar *pref_id = NULL;
  g_autofree gchar *shot = NULL;

  find_regular (t->db, &r);
  guest = rg_guest_get (t->db, r.id, &error);
  ck_assert_no_error (error);
  rg_guest_fields_init_from (&fields, guest);
  fields.birthday = birthday;
  fields.vip = TRUE;
  ck_assert (rg_guest_edit (t->db, r.id, &fields, &error));
  ck_assert_no_error (error);
  item_id = rg_ui_test_query_text (t->db, "SELECT id FROM menu_item WHERE deleted = 0 ORDER BY name LIMIT 1");
  item_name = rg_ui_test_query_text (t->db, "SELECT name FROM menu_item WHERE deleted = 0 ORDER BY name LIMIT 1");
  pref_id = rg_prefs_add_dish (t->db, r.id, item_id, "dislike", "too spicy", &error);
  ck_assert_no_error (error);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  rg_lookup_page_open (lookup_page (window), r.card);
  assert_card_shows (window, r.id);

  occasion = GTK_LABEL (rg_ui_test_find (GTK_WIDGET (guest_card (window)), GTK_TYPE_LABEL, "occasion-banner"));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (occasion)));
  ck_assert_str_eq (gtk_label_get_label (occasion), "Birthday in 3 days");
  ck_assert (gtk_widget_get_visible (rg_ui_test_find (GTK_WIDGET (guest_card (window)), GTK_TYPE_LABEL, "vip")));
  dislike = find_row (GTK_WIDGET (guest_card (window)), "Dislikes · too spicy");
  ck_assert_ptr_nonnull (dislike);
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (dislike)), item_name);

  ck_assert (adw_style_manager_get_dark (style));
  rg_ui_test_run_for (300);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "card-dark-1280x800");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* -------------------------------------------------------------- keyboard */

START_TEST (test_keyboard_only)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Regular) r = { 0 };
  RgWindow *window;
  GtkWidget *entry;
  g_autofree gchar *family = rg_ui_test_query_text (t->db,
    "SELECT family_name FROM guest WHERE family_name GLOB '[A-Z][a-z]*' GROUP BY family_name"
    " ORDER BY count(*) DESC, family_name LIMIT 1");

  find_regular (t->db, &r);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  entry = GTK_WIDGET (rg_lookup_page_get_entry (lookup_page (window)));

  /* Ctrl+? lists the shortcuts. */
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "ctrl+question", NULL });
  rg_ui_test_run_for (300);
  ck_assert_ptr_nonnull (rg_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_window_destroy (rg_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));
  rg_ui_test_run_for (100);

  /* Ctrl+F from anywhere returns to the search field; typing and Enter
   * open the card; Ctrl+Enter seats; Escape comes back. */
  ck_assert (gtk_widget_grab_focus (floor_button (window)));
  ck_assert_msg (!focus_within (window, entry), "focus is still on %s", focus_name (window));
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "ctrl+f", NULL });
  rg_ui_test_run_for (100);
  ck_assert_msg (focus_within (window, entry), "focus is on %s", focus_name (window));

  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "type", "--delay", "50", r.card, NULL });
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "Return", NULL });
  assert_card_shows (window, r.id);

  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "ctrl+Return", NULL });
  ck_assert (rg_ui_test_wait_until (floor_shown, window, WAIT_MS));
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "Escape", NULL });
  rg_ui_test_run_for (100);
  ck_assert_str_eq (detail_shown (window), "guest");

  /* A name with several matches: Down walks into the list, Enter opens
   * the first. */
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "ctrl+f", NULL });
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "type", "--delay", "50", family, NULL });
  wait_for_lookup (window);
  ck_assert_uint_gt (g_list_model_get_n_items (rg_lookup_page_get_results (lookup_page (window))), 1);
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "Down", NULL });
  rg_ui_test_run_for (100);
  ck_assert_msg (focus_within (window, rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL)),
                 "focus is on %s", focus_name (window));
  rg_ui_test_xdotool (GTK_WINDOW (window), (const gchar *[]) { "key", "Return", NULL });
  {
    g_autoptr(RgGuestMatch) first = g_list_model_get_item (rg_lookup_page_get_results (lookup_page (window)), 0);

    assert_card_shows (window, rg_guest_match_get_guest_id (first));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
flow_suite (void)
{
  Suite *s = suite_create ("ui-flow");
  TCase *tc;

  tc = tcase_create ("start");
  tcase_add_test (tc, test_start_offers_demo_then_staff_picker);
  tcase_add_test (tc, test_pin_unlocks_the_terminal);
  tcase_add_test (tc, test_idle_terminal_locks);
  suite_add_tcase (s, tc);

  tc = tcase_create ("lookup");
  tcase_add_test (tc, test_phone_typed_at_the_keyboard_opens_the_card);
  tcase_add_test (tc, test_last_digits_on_the_digit_pad);
  tcase_add_test (tc, test_several_names_are_told_apart);
  tcase_add_test (tc, test_no_match_offers_to_enrol);
  tcase_add_test (tc, test_scanner_burst_opens_the_member_card);
  tcase_add_test (tc, test_phone_masked_for_a_waiter);
  suite_add_tcase (s, tc);

  tc = tcase_create ("enrol");
  tcase_add_test (tc, test_enrol_warns_of_duplicates_first);
  tcase_add_test (tc, test_edit_a_guest_in_place);
  suite_add_tcase (s, tc);

  tc = tcase_create ("seat");
  tcase_add_test (tc, test_seat_a_guest_with_one_tap);
  tcase_add_test (tc, test_portrait_seats_from_the_suggestion_list);
  suite_add_tcase (s, tc);

  tc = tcase_create ("layout");
  tcase_add_test (tc, test_touch_targets);
  suite_add_tcase (s, tc);

  tc = tcase_create ("results and tiers");
  tcase_add_test (tc, test_results_follow_each_keystroke);
  tcase_add_test (tc, test_slow_lookup_does_not_block);
  tcase_add_test (tc, test_tier_badges_show_the_spend_pyramid);
  tcase_add_test (tc, test_keystroke_waits_a_bounded_time);
  tcase_add_test (tc, test_lone_name_shown_after_the_list);
  tcase_add_test (tc, test_tier_badge_comes_later);
  suite_add_tcase (s, tc);

  tc = tcase_create ("uplift");
  tcase_add_test (tc, test_suggestions_logged_and_held_out);
  suite_add_tcase (s, tc);

  tc = tcase_create ("occasions and style");
  tcase_add_test (tc, test_birthday_dislike_and_dark_style);
  suite_add_tcase (s, tc);

  tc = tcase_create ("keyboard");
  tcase_add_test (tc, test_keyboard_only);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr(AdwApplication) app = rg_ui_test_init ();
  int status = rg_test_run (flow_suite ());

  g_application_release (G_APPLICATION (app));
  return status;
}
