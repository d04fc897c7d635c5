/* rg-window.c — the start of a shift, navigation and shortcuts.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns no data: pages read and write through the session's core
 * functions.  It decides what is shown where: on a wide screen the lookup
 * stays on the left and the guest card or floor plan fills the right; on a
 * narrow one the leaflet folds and the host moves between them.
 */
#include "rg-window.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "rg-auth.h"
#include "rg-branch.h"
#include "rg-demo.h"
#include "rg-digit-pad.h"
#include "rg-enrol-dialog.h"
#include "rg-floor-page.h"
#include "rg-guest-card.h"
#include "rg-lookup-page.h"
#include "rg-owner-page.h"
#include "rg-recommend.h"
#include "rg-scan-detector.h"
#include "rg-sync-status.h"
#include "rg-waiter-page.h"

/* How often the window asks whether it has been idle too long. */
#define IDLE_CHECK_SECONDS 1

/* How long after checks closed at other terminals arrive the model of
 * recommendations is learnt again (in the background), so that a burst of
 * synced rows makes one rebuild. */
#define RELEARN_AFTER_SYNC_SECONDS 60

/* The demo restaurant offered on an empty database. */
#define DEMO_GUESTS 2000
#define DEMO_DAYS   180
#define DEMO_SEED   20261125

struct _RgWindow
{
  AdwApplicationWindow parent_instance;

  /* owned */
  RgSession       *session;
  RgScanDetector  *scanner;
  RgRecommender   *recommender;     /* nullable: until learnt */
  GCancellable    *cancellable;     /* work that outlives a page change */
  gchar           *unlocking_id;    /* the staff member typing a PIN */
  gboolean         unlocking;       /* a PIN is being checked */
  gint64           last_activity_ms;  /* monotonic: the last input seen */
  guint            idle_source;
  guint            learn_source;    /* the first learning, once idle */
  guint            relearn_source;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  AdwStatusPage   *busy_page;
  GtkSpinner      *busy_spinner;   /* spins only while the busy page shows: a
                                      spinning one keeps the frame clock at
                                      every frame even when hidden */
  GtkListBox      *staff_list;
  AdwStatusPage   *pin_page;
  GtkEditable     *pin_entry;
  GtkLabel        *pin_error_label;
  AdwLeaflet      *leaflet;
  AdwHeaderBar    *lookup_header;
  AdwWindowTitle  *lookup_title;
  RgLookupPage    *lookup_page;
  AdwViewStack    *detail_stack;
  AdwWindowTitle  *detail_title;
  RgGuestCard     *guest_card;
  RgFloorPage     *floor_page;
  RgWaiterPage    *waiter_page;
  GtkWidget       *reports_button;
  RgOwnerPage     *owner_page;
};

G_DEFINE_FINAL_TYPE (RgWindow, rg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECOMMENDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --------------------------------------------------------------- helpers */

static void
toast (RgWindow    *self,
       const gchar *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_actions (RgWindow *self)
{
  gboolean has_guest = rg_guest_card_get_guest_id (self->guest_card) != NULL;
  gboolean working = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "work") == 0;
  gboolean may_report = rg_session_may (self->session, RG_PERMISSION_VIEW_REPORTS);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.seat", working && has_guest);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-guest", working && has_guest);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.enrol", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.floor", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tables", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reports", working && may_report);
  gtk_widget_set_visible (self->reports_button, may_report);
}

static void
show_work (RgWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = rg_branch_get (rg_session_get_db (self->session),
                                              rg_session_get_branch_id (self->session), &error);

  adw_window_title_set_subtitle (self->lookup_title, branch != NULL ? rg_branch_get_name (branch) : NULL);
  gtk_spinner_stop (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "work");
  update_actions (self);
  rg_lookup_page_reset (self->lookup_page);
}

static const gchar *
role_label (RgRole role)
{
  switch (role)
    {
    case RG_ROLE_HOST:
      return C_("role", "Host");
    case RG_ROLE_WAITER:
      return C_("role", "Waiter");
    case RG_ROLE_MANAGER:
      return C_("role", "Manager");
    case RG_ROLE_OWNER:
    default:
      return C_("role", "Owner");
    }
}

static void
show_staff_picker (RgWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = rg_auth_list_staff (rg_session_get_db (self->session), FALSE, &error);
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list))) != NULL)
    gtk_list_box_remove (self->staff_list, child);

  n = staff != NULL ? g_list_model_get_n_items (staff) : 0;
  if (n == 0)
    {
      /* Nobody to pick: the terminal works without a name until staff are
       * added. */
      if (error != NULL)
        toast (self, error->message);
      show_work (self);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStaff) member = g_list_model_get_item (staff, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_staff_get_name (member));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role_label (rg_staff_get_role (member)));
      if (!rg_staff_get_has_pin (member))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_("no PIN yet")));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "staff-id", g_strdup (rg_staff_get_id (member)), g_free);
      g_object_set_data_full (G_OBJECT (row), "staff-name", g_strdup (rg_staff_get_name (member)), g_free);
      g_object_set_data (G_OBJECT (row), "has-pin", GINT_TO_POINTER (rg_staff_get_has_pin (member)));
      gtk_list_box_append (self->staff_list, row);
    }
  gtk_stack_set_visible_child_name (self->main_stack, "staff");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->staff_list, 0)));
}

/* Gives the pages freed by learning the model (its visits, the parties,
 * the worker's page cache) and the model it replaced back to the system:
 * glibc keeps them resident otherwise, some 25 MiB on 100 000 guests. */
static void
release_freed_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static void
on_recommender_ready_cb (GObject      *source_object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(RgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgRecommender) recommender = rg_recommender_new_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (recommender == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  rg_guest_card_set_recommender (self->guest_card, recommender);
  rg_waiter_page_set_recommender (self->waiter_page, recommender);
  g_set_object (&self->recommender, recommender);
  release_freed_memory ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDER]);
}

/* Learns the recommendations from past orders in a worker thread; the
 * pages keep the model they have until the new one is ready. */
static void
learn_from_orders (RgWindow *self)
{
  rg_recommender_new_async (rg_db_get_path (rg_session_get_db (self->session)),
                            self->cancellable, on_recommender_ready_cb, g_object_ref (self));
}

static gboolean
on_relearn_timeout_cb (gpointer data)
{
  RgWindow *self = data;

  self->relearn_source = 0;
  learn_from_orders (self);
  return G_SOURCE_REMOVE;
}

/* Checks closed here are counted into the model as they close; those that
 * sync brings from other terminals, by learning it again a little later. */
static void
on_changes_applied_cb (RgWindow *self,
                       guint     n_rows)
{
  if (self->relearn_source == 0)
    self->relearn_source = g_timeout_add_seconds (RELEARN_AFTER_SYNC_SECONDS, on_relearn_timeout_cb, self);
}

static gboolean
on_learn_idle_cb (gpointer data)
{
  RgWindow *self = data;

  self->learn_source = 0;
  learn_from_orders (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame_learn_cb (GdkFrameClock *clock,
                         RgWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_learn_cb, self);
  if (self->learn_source == 0)
    self->learn_source = g_idle_add_full (G_PRIORITY_LOW, on_learn_idle_cb, self, NULL);
}

/* After the branch is known: learn from past orders in the background once
 * the window has drawn and then had nothing left to do (the model's thread
 * would take the CPU from the first frame and the first input on a
 * two-core machine), and pick who is at the door unless the session
 * already says so. */
static void
continue_with_branch (RgWindow *self,
                      RgBranch *branch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  rg_session_set_branch_id (self->session, rg_branch_get_id (branch));
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame_learn_cb), self, 0);
  else
    learn_from_orders (self);
  if (rg_session_get_staff_id (self->session) != NULL)
    show_work (self);
  else
    show_staff_picker (self);
}

static void
fail_start (RgWindow     *self,
            const GError *error)
{
  adw_status_page_set_title (self->busy_page, _("Cannot Open the Database"));
  adw_status_page_set_description (self->busy_page, error->message);
  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");
}

static void
start_empty (RgWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const gchar *tz_id = g_time_zone_get_identifier (tz);
  g_autoptr(RgBranch) branch = NULL;

  branch = rg_branch_setup_terminal (rg_session_get_db (self->session),
                                     _("My Restaurant"),
                                     rg_branch_check_tz (tz_id, NULL) ? tz_id : "UTC",
                                     RG_BRANCH_DEFAULT_COUNTRY, &error);
  if (branch == NULL)
    fail_start (self, error);
  else
    continue_with_branch (self, branch);
}

static void
generate_demo_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  const RgDemoOptions options = {
    .guests = DEMO_GUESTS,
    .days = DEMO_DAYS,
    .branches = 1,
    .seed = DEMO_SEED,
  };
  GError *error = NULL;
  g_autoptr(RgDb) db = rg_db_open (task_data, &error);

  if (db == NULL || !rg_demo_generate (db, &options, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------- callbacks */

static void
on_demo_generated_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  RgWindow *self = RG_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      fail_start (self, error);
      return;
    }
  branch = rg_branch_get_current (rg_session_get_db (self->session), &error);
  if (branch == NULL)
    fail_start (self, error);
  else
    continue_with_branch (self, branch);
}

static void
on_demo_dialog_response_cb (AdwMessageDialog *dialog,
                            const gchar      *response,
                            RgWindow         *self)
{
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "demo") != 0)
    {
      start_empty (self);
      return;
    }
  adw_status_page_set_title (self->busy_page, _("Preparing the Demo Restaurant…"));
  adw_status_page_set_description (self->busy_page, _("A menu, a floor plan, guests and their visits."));
  gtk_spinner_start (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");

  task = g_task_new (self, NULL, on_demo_generated_cb, NULL);
  g_task_set_task_data (task, g_strdup (rg_db_get_path (rg_session_get_db (self->session))), g_free);
  g_task_run_in_thread (task, generate_demo_in_thread);
}

static void
show_pin_error (RgWindow    *self,
                const gchar *message)
{
  gtk_label_set_label (self->pin_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_error_label), message != NULL);
}

static void
unlock_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const gchar * const *job = task_data;   /* path, staff id, PIN */
  GError *error = NULL;
  g_autoptr(RgDb) db = rg_db_open (job[0], &error);
  g_autoptr(RgStaff) staff = db != NULL ? rg_auth_unlock (db, job[1], job[2], &error) : NULL;

  if (staff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup (rg_staff_get_id (staff)), g_free);
}

static void
on_unlocked_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RgWindow *self = RG_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *staff_id = g_task_propagate_pointer (G_TASK (result), &error);

  self->unlocking = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_editable_set_text (self->pin_entry, "");
  if (staff_id == NULL)
    {
      show_pin_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
      return;
    }
  rg_session_set_staff_id (self->session, staff_id);
  show_work (self);
}

/* A PIN takes tens of milliseconds of key derivation: check it in a thread
 * on a connection of its own. */
static void
check_pin (RgWindow *self)
{
  g_autoptr(GTask) task = NULL;
  gchar **job;

  if (self->unlocking || self->unlocking_id == NULL)
    return;
  job = g_new0 (gchar *, 4);
  job[0] = g_strdup (rg_db_get_path (rg_session_get_db (self->session)));
  job[1] = g_strdup (self->unlocking_id);
  job[2] = g_strdup (gtk_editable_get_text (self->pin_entry));
  self->unlocking = TRUE;
  show_pin_error (self, NULL);
  task = g_task_new (self, NULL, on_unlocked_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, unlock_in_thread);
}

static void
on_pin_entry_activate_cb (GtkEditable *entry,
                          RgWindow    *self)
{
  check_pin (self);
}

static void
on_pin_pad_submit_cb (RgDigitPad *pad,
                      RgWindow   *self)
{
  check_pin (self);
}

static void
on_staff_list_row_activated_cb (GtkListBox    *list,
                                GtkListBoxRow *row,
                                RgWindow      *self)
{
  const gchar *staff_id = g_object_get_data (G_OBJECT (row), "staff-id");
  g_autofree gchar *title = NULL;

  /* Staff without a PIN (a new terminal, the demo) start at once until a
   * manager gives them one. */
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "has-pin")))
    {
      rg_session_set_staff_id (self->session, staff_id);
      show_work (self);
      return;
    }
  g_free (self->unlocking_id);
  self->unlocking_id = g_strdup (staff_id);
  /* Translators: above the PIN field, "PIN for Li Wei" */
  title = g_strdup_printf (_("PIN for %s"), (const gchar *) g_object_get_data (G_OBJECT (row), "staff-name"));
  adw_status_page_set_title (self->pin_page, title);
  gtk_editable_set_text (self->pin_entry, "");
  show_pin_error (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "pin");
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

static void
on_lookup_page_guest_activated_cb (RgLookupPage *page,
                                   const gchar  *guest_id,
                                   gboolean      navigate,
                                   RgWindow     *self)
{
  g_autoptr(GError) error = NULL;

  /* On a folded window a lone name match waits for Enter: the host is
   * still typing and the card would hide the field. */
  if (!navigate && adw_leaflet_get_folded (self->leaflet))
    return;
  if (!rg_guest_card_show_guest (self->guest_card, guest_id, &error))
    {
      toast (self, error->message);
      return;
    }
  adw_window_title_set_title (self->detail_title, rg_guest_card_get_guest_name (self->guest_card));
  adw_window_title_set_subtitle (self->detail_title, NULL);
  adw_view_stack_set_visible_child_name (self->detail_stack, "guest");
  update_actions (self);
  /* Only a folded leaflet needs to move; unfolded, moving would take the
   * focus from the search field while the host types. */
  if (navigate && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_enrol_dialog_saved_cb (RgEnrolDialog *dialog,
                          const gchar   *guest_id,
                          RgWindow      *self)
{
  on_lookup_page_guest_activated_cb (self->lookup_page, guest_id, TRUE, self);
  rg_lookup_page_refresh (self->lookup_page);
}

static void
open_enrol_dialog (RgWindow    *self,
                   const gchar *query)
{
  RgEnrolDialog *dialog = rg_enrol_dialog_new (GTK_WINDOW (self), self->session, query);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_enrol_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_lookup_page_enrol_requested_cb (RgLookupPage *page,
                                   const gchar  *query,
                                   RgWindow     *self)
{
  open_enrol_dialog (self, query);
}

static void
show_floor (RgWindow    *self,
            const gchar *guest_id,
            const gchar *guest_name,
            gint         party_size)
{
  g_autoptr(GError) error = NULL;

  if (!rg_floor_page_load (self->floor_page, guest_id, guest_name, party_size, &error))
    {
      toast (self, error->message);
      return;
    }
  adw_window_title_set_title (self->detail_title, _("Floor Plan"));
  adw_window_title_set_subtitle (self->detail_title, guest_name);
  adw_view_stack_set_visible_child_name (self->detail_stack, "floor");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->floor_page));
}

static void
on_guest_card_seat_requested_cb (RgGuestCard *card,
                                 gint         party_size,
                                 RgWindow    *self)
{
  show_floor (self, rg_guest_card_get_guest_id (card), rg_guest_card_get_guest_name (card), party_size);
}

static void
on_guest_card_edit_requested_cb (RgGuestCard *card,
                                 RgWindow    *self)
{
  g_autoptr(GError) error = NULL;
  RgEnrolDialog *dialog = rg_enrol_dialog_new_edit (GTK_WINDOW (self), self->session,
                                                    rg_guest_card_get_guest_id (card), &error);

  if (dialog == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_enrol_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_floor_page_seated_cb (RgFloorPage *page,
                         const gchar *visit_id,
                         const gchar *message,
                         RgWindow    *self)
{
  const gchar *guest_id = rg_guest_card_get_guest_id (self->guest_card);
  g_autoptr(GError) error = NULL;

  toast (self, message);
  /* The card's history now starts with the open visit. */
  if (guest_id != NULL)
    {
      g_autofree gchar *id = g_strdup (guest_id);

      if (!rg_guest_card_show_guest (self->guest_card, id, &error))
        toast (self, error->message);
    }
}

/* Whatever dialog was open belongs to the person who walked away. */
static void
close_dialogs (RgWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        gtk_window_destroy (window);
    }
}

static gboolean
on_activity_event_cb (GtkEventControllerLegacy *controller,
                      GdkEvent                 *event,
                      RgWindow                 *self)
{
  self->last_activity_ms = g_get_monotonic_time () / 1000;
  return GDK_EVENT_PROPAGATE;
}

/* Locks the terminal once nobody has touched it for the idle time set for
 * the branch (rg_auth_get_idle_lock_ms()): the next person unlocks it. */
static gboolean
on_idle_check_cb (gpointer user_data)
{
  RgWindow *self = user_data;
  RgDb *db = rg_session_get_db (self->session);
  gint64 now_ms = g_get_monotonic_time () / 1000;

  if (rg_session_get_staff_id (self->session) == NULL
      || rg_auth_idle_remaining_ms (self->last_activity_ms, now_ms, rg_auth_get_idle_lock_ms (db)) > 0)
    return G_SOURCE_CONTINUE;

  close_dialogs (self);
  rg_session_set_staff_id (self->session, NULL);
  show_staff_picker (self);
  return G_SOURCE_CONTINUE;
}

static void
on_scanner_scanned_cb (RgScanDetector *scanner,
                       const gchar    *code,
                       RgWindow       *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "work") != 0)
    return;
  rg_lookup_page_open (self->lookup_page, code);
}

/* Whoever signs in, the reports button follows their permissions. */
static void
on_session_staff_changed_cb (RgSession  *session,
                             GParamSpec *pspec,
                             RgWindow   *self)
{
  update_actions (self);
}

static void
on_leaflet_folded_changed_cb (AdwLeaflet *leaflet,
                              GParamSpec *pspec,
                              RgWindow   *self)
{
  rg_floor_page_set_compact (self->floor_page, adw_leaflet_get_folded (leaflet));
  rg_waiter_page_set_compact (self->waiter_page, adw_leaflet_get_folded (leaflet));
  rg_guest_card_set_compact (self->guest_card, adw_leaflet_get_folded (leaflet));
}

/* --------------------------------------------------------------- actions */

static void
search_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "lookup");
  gtk_widget_grab_focus (GTK_WIDGET (rg_lookup_page_get_entry (self->lookup_page)));
  gtk_editable_select_region (rg_lookup_page_get_entry (self->lookup_page), 0, -1);
}

static void
back_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  const gchar *detail = adw_view_stack_get_visible_child_name (self->detail_stack);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "pin") == 0)
    {
      show_staff_picker (self);
      return;
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "reports") == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "work");
      update_actions (self);
      return;
    }
  if (g_strcmp0 (detail, "floor") == 0 && rg_guest_card_get_guest_id (self->guest_card) != NULL)
    {
      adw_window_title_set_title (self->detail_title, rg_guest_card_get_guest_name (self->guest_card));
      adw_window_title_set_subtitle (self->detail_title, NULL);
      adw_view_stack_set_visible_child_name (self->detail_stack, "guest");
      return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "lookup");
  gtk_widget_grab_focus (GTK_WIDGET (rg_lookup_page_get_entry (self->lookup_page)));
}

static void
enrol_action (GtkWidget   *widget,
              const gchar *action_name,
              GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  g_autofree gchar *query = g_strstrip (g_strdup (gtk_editable_get_text (rg_lookup_page_get_entry (self->lookup_page))));

  open_enrol_dialog (self, query);
}

static void
edit_guest_action (GtkWidget   *widget,
                   const gchar *action_name,
                   GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  on_guest_card_edit_requested_cb (self->guest_card, self);
}

static void
seat_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  on_guest_card_seat_requested_cb (self->guest_card, rg_guest_card_get_party_size (self->guest_card), self);
}

static void
floor_action (GtkWidget   *widget,
              const gchar *action_name,
              GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  /* Without a guest in mind: seat a walk-in, or just look at the room. */
  show_floor (self, NULL, NULL, 2);
}

/* The waiter's mode: the seated tables and their checks. */
static void
tables_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!rg_waiter_page_load (self->waiter_page, &error))
    {
      toast (self, error->message);
      return;
    }
  adw_window_title_set_title (self->detail_title, _("Tables"));
  adw_window_title_set_subtitle (self->detail_title, NULL);
  adw_view_stack_set_visible_child_name (self->detail_stack, "tables");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/* The owner's dashboard, for those who may read the reports. */
static void
reports_action (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  if (!rg_session_may (self->session, RG_PERMISSION_VIEW_REPORTS))
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "reports");
  update_actions (self);
  rg_owner_page_open (self->owner_page);
}

static void
switch_staff_action (GtkWidget   *widget,
                     const gchar *action_name,
                     GVariant    *parameter)
{
  RgWindow *self = RG_WINDOW (widget);

  rg_session_set_staff_id (self->session, NULL);
  show_staff_picker (self);
}

/* ------------------------------------------------------------- overrides */

static void
rg_window_constructed (GObject *object)
{
  RgWindow *self = RG_WINDOW (object);
  GtkWidget *sync_status;

  G_OBJECT_CLASS (rg_window_parent_class)->constructed (object);

  rg_lookup_page_set_session (self->lookup_page, self->session);
  rg_guest_card_set_session (self->guest_card, self->session);
  rg_floor_page_set_session (self->floor_page, self->session);
  rg_waiter_page_set_session (self->waiter_page, self->session);
  rg_owner_page_set_session (self->owner_page, self->session);
  sync_status = rg_sync_status_new (self->session);
  g_signal_connect_object (sync_status, "changes-applied", G_CALLBACK (on_changes_applied_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (self->lookup_header, sync_status);
  g_signal_connect_object (self->session, "notify::staff-id", G_CALLBACK (on_session_staff_changed_cb), self, 0);
  on_leaflet_folded_changed_cb (self->leaflet, NULL, self);
  update_actions (self);
}

static void
rg_window_dispose (GObject *object)
{
  RgWindow *self = RG_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->learn_source, g_source_remove);
  g_clear_handle_id (&self->relearn_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_WINDOW);
  g_clear_object (&self->scanner);
  g_clear_object (&self->recommender);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rg_window_parent_class)->dispose (object);
}

static void
rg_window_finalize (GObject *object)
{
  RgWindow *self = RG_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->unlocking_id);

  G_OBJECT_CLASS (rg_window_parent_class)->finalize (object);
}

static void
rg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RgWindow *self = RG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RECOMMENDER:
      g_value_set_object (value, self->recommender);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RgWindow *self = RG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_window_class_init (RgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_window_constructed;
  object_class->dispose = rg_window_dispose;
  object_class->finalize = rg_window_finalize;
  object_class->get_property = rg_window_get_property;
  object_class->set_property = rg_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The model of recommendations once learnt in the background after the
   * first frame, and each time it is learnt again. */
  properties[PROP_RECOMMENDER] =
    g_param_spec_object ("recommender", NULL, NULL, RG_TYPE_RECOMMENDER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RG_TYPE_DIGIT_PAD);
  g_type_ensure (RG_TYPE_LOOKUP_PAGE);
  g_type_ensure (RG_TYPE_GUEST_CARD);
  g_type_ensure (RG_TYPE_FLOOR_PAGE);
  g_type_ensure (RG_TYPE_WAITER_PAGE);
  g_type_ensure (RG_TYPE_OWNER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, staff_list);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, pin_page);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, pin_error_label);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, lookup_header);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, lookup_title);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, lookup_page);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, guest_card);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, floor_page);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, waiter_page);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, reports_button);
  gtk_widget_class_bind_template_child (widget_class, RgWindow, owner_page);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pin_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pin_pad_submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lookup_page_guest_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lookup_page_enrol_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_guest_card_seat_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_guest_card_edit_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_floor_page_seated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "win.edit-guest", NULL, edit_guest_action);
  gtk_widget_class_install_action (widget_class, "win.seat", NULL, seat_action);
  gtk_widget_class_install_action (widget_class, "win.floor", NULL, floor_action);
  gtk_widget_class_install_action (widget_class, "win.tables", NULL, tables_action);
  gtk_widget_class_install_action (widget_class, "win.switch-staff", NULL, switch_staff_action);
  gtk_widget_class_install_action (widget_class, "win.reports", NULL, reports_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.enrol", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-guest", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.seat", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.floor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reports", NULL);
}

static void
rg_window_init (RgWindow *self)
{
  GtkEventController *activity;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A steady text cursor: GTK fades a blinking one frame by frame, which
   * keeps the frame clock painting 60 times a second while the search field
   * has the focus, all service long; a keystroke then waits for the next of
   * those frames instead of being drawn at once (and a tablet's battery
   * pays for it). */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-cursor-blink", FALSE, NULL);

  self->cancellable = g_cancellable_new ();
  self->scanner = rg_scan_detector_new ();
  g_signal_connect_object (self->scanner, "scanned", G_CALLBACK (on_scanner_scanned_cb), self, 0);
  rg_scan_detector_attach (self->scanner, GTK_WIDGET (self));

  activity = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (activity, GTK_PHASE_CAPTURE);
  g_signal_connect (activity, "event", G_CALLBACK (on_activity_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), activity);
  self->last_activity_ms = g_get_monotonic_time () / 1000;
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, on_idle_check_cb, self);
}

/* ------------------------------------------------------------ public API */

RgWindow *
rg_window_new (AdwApplication *app,
               RgSession      *session)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  return g_object_new (RG_TYPE_WINDOW,
                       "application", app,
                       "session", session,
                       NULL);
}

RgSession *
rg_window_get_session (RgWindow *self)
{
  g_return_val_if_fail (RG_IS_WINDOW (self), NULL);

  return self->session;
}

RgRecommender *
rg_window_get_recommender (RgWindow *self)
{
  g_return_val_if_fail (RG_IS_WINDOW (self), NULL);

  return self->recommender;
}

void
rg_window_start (RgWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(GListModel) branches = NULL;
  RgDb *db;
  AdwMessageDialog *dialog;

  g_return_if_fail (RG_IS_WINDOW (self));

  db = rg_session_get_db (self->session);
  branch = rg_branch_get_current (db, &error);
  if (branch != NULL)
    {
      continue_with_branch (self, branch);
      return;
    }
  g_clear_error (&error);

  branches = rg_branch_list (db, &error);
  if (branches == NULL)
    {
      fail_start (self, error);
      return;
    }
  if (g_list_model_get_n_items (branches) > 0)
    {
      g_autoptr(RgBranch) first = g_list_model_get_item (branches, 0);

      if (!rg_branch_set_current (db, rg_branch_get_id (first), &error))
        fail_start (self, error);
      else
        continue_with_branch (self, first);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Load Demo Data?"),
                                                       _("This database is empty. Load a demo restaurant with a menu, a floor plan, guests and their visits to try Regulars, or start with an empty restaurant.")));
  adw_message_dialog_add_responses (dialog,
                                    "empty", _("Start _Empty"),
                                    "demo", _("Load _Demo Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "demo", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "demo");
  adw_message_dialog_set_close_response (dialog, "empty");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_demo_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
