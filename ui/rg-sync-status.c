/* rg-sync-status.c — the sync state in the header bar, syncing in the
 * background.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sync (rg_sync_run_once()) blocks on the network for as long as the
 * store takes to answer, so it runs in a GTask thread on a connection of
 * its own, opened on the session's database file for each run; the UI
 * thread only counts the outbox (one indexed count) every few seconds.
 */
#include "rg-sync-status.h"

#include <glib/gi18n.h>

#include "rg-error.h"
#include "rg-sync.h"

#define DEFAULT_INTERVAL_S  1       /* a change elsewhere shows here within ~2 s */
#define PENDING_REFRESH_S   2
#define SYNC_ATTEMPTS       3      /* the next background run tries again */
#define SYNC_FIRST_DELAY_MS 500
#define SYNC_CONNECT_MS     5000
#define SYNC_TOTAL_MS       120000
#define SPINNER_DELAY_MS    700

struct _RgSyncStatus
{
  GtkWidget     parent_instance;

  /* owned */
  RgSession    *session;
  GCancellable *cancellable;
  gchar        *summary;
  gchar        *detail;
  gchar        *last_synced;   /* "14:05", NULL before the first sync */
  gchar        *reason;        /* why the last run failed, NULL if it did not */

  /* template-free children, owned by the widget tree */
  GtkWidget    *button;
  GtkWidget    *spinner;
  GtkWidget    *icon;
  GtkWidget    *label;
  GtkWidget    *title_label;
  GtkWidget    *detail_label;
  GtkWidget    *sync_button;

  RgSyncState   state;
  gint64        pending;
  guint         interval_s;
  guint         sync_source;
  guint         pending_source;
  guint         spinner_source;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (RgSyncStatus, rg_sync_status, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGES_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const gchar *const state_classes[] = {
  "not-enrolled", "synced", "pending", "offline", "error",
};

static const gchar *const state_icons[] = {
  "network-wired-offline-symbolic",
  "emblem-ok-symbolic",
  "emblem-synchronizing-symbolic",
  "network-offline-symbolic",
  "dialog-warning-symbolic",
};

/* ------------------------------------------------------------------ state */

static void
show_state (RgSyncStatus *self,
            RgSyncState   state)
{
  g_autofree gchar *waiting = NULL;
  RgSyncState old = self->state;

  gtk_widget_remove_css_class (GTK_WIDGET (self), state_classes[self->state]);
  self->state = state;
  gtk_widget_add_css_class (GTK_WIDGET (self), state_classes[state]);

  g_free (self->summary);
  switch (state)
    {
    case RG_SYNC_STATE_NOT_ENROLLED:
      self->summary = g_strdup (_("Not connected"));
      break;
    case RG_SYNC_STATE_SYNCED:
      self->summary = g_strdup (_("Synced"));
      break;
    case RG_SYNC_STATE_PENDING:
      self->summary = g_strdup_printf (ngettext ("%d pending", "%d pending", (gulong) self->pending),
                                       (gint) self->pending);
      break;
    case RG_SYNC_STATE_OFFLINE:
      self->summary = g_strdup (_("Offline"));
      break;
    case RG_SYNC_STATE_ERROR:
    default:
      self->summary = g_strdup (_("Sync error"));
      break;
    }

  if (self->pending > 0)
    waiting = g_strdup_printf (ngettext ("%d change waits to be sent to the central store.",
                                         "%d changes wait to be sent to the central store.",
                                         (gulong) self->pending),
                               (gint) self->pending);
  g_free (self->detail);
  if (state == RG_SYNC_STATE_NOT_ENROLLED)
    self->detail = g_strdup (_("This terminal is not enrolled with a central store: "
                               "it works on its own and shares nothing with the other branches."));
  else if (self->reason != NULL)
    self->detail = g_strdup_printf ("%s%s%s", self->reason, waiting ? "\n" : "", waiting ? waiting : "");
  else if (waiting != NULL)
    self->detail = g_steal_pointer (&waiting);
  else if (self->last_synced != NULL)
    self->detail = g_strdup_printf (_("Everything is shared with the central store (last sync at %s)."),
                                    self->last_synced);
  else
    self->detail = g_strdup (_("Everything is shared with the central store."));

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), state_icons[state]);
  gtk_label_set_text (GTK_LABEL (self->label), self->summary);
  gtk_label_set_text (GTK_LABEL (self->title_label), self->summary);
  gtk_label_set_text (GTK_LABEL (self->detail_label), self->detail);
  gtk_widget_set_tooltip_text (self->button, self->detail);
  gtk_widget_set_sensitive (self->sync_button, state != RG_SYNC_STATE_NOT_ENROLLED && !self->running);
  if (old != state)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
show_spinner (RgSyncStatus *self,
              gboolean      spinning)
{
  gtk_widget_set_visible (self->spinner, spinning);
  gtk_widget_set_visible (self->icon, !spinning);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), spinning);
}

static gboolean
on_spinner_timeout_cb (gpointer data)
{
  RgSyncStatus *self = data;

  self->spinner_source = 0;
  show_spinner (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* The spinner shows only for a run that takes a while (a first sync, a
 * store that answers slowly), not for the quick run of every second. */
static void
show_running (RgSyncStatus *self,
              gboolean      running)
{
  self->running = running;
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (running)
    self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  else
    show_spinner (self, FALSE);
  gtk_widget_set_sensitive (self->sync_button, self->state != RG_SYNC_STATE_NOT_ENROLLED && !running);
}

/* The state that the outbox alone tells, between two runs: after a failed
 * run the state and its reason stay, only the count of what waits moves. */
static void
refresh_pending (RgSyncStatus *self)
{
  RgDb *db = rg_session_get_db (self->session);

  self->pending = MAX (rg_sync_count_pending (db), 0);
  if (!rg_sync_is_enrolled (db))
    {
      g_clear_pointer (&self->reason, g_free);
      show_state (self, RG_SYNC_STATE_NOT_ENROLLED);
    }
  else if (self->reason != NULL)
    show_state (self, self->state);
  else
    show_state (self, self->pending > 0 ? RG_SYNC_STATE_PENDING : RG_SYNC_STATE_SYNCED);
}

static gboolean
on_pending_timeout_cb (gpointer data)
{
  RgSyncStatus *self = data;

  if (!self->running)
    refresh_pending (self);
  return G_SOURCE_CONTINUE;
}

/* ----------------------------------------------------------------- worker */

static void
run_sync_in_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const gchar *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDb) db = rg_db_open (path, &error);
  g_autoptr(RgSync) sync = NULL;
  RgSyncStats stats = { 0, };

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sync = rg_sync_new (db);
  rg_sync_set_retries (sync, SYNC_ATTEMPTS, SYNC_FIRST_DELAY_MS);
  rg_sync_set_timeouts (sync, SYNC_CONNECT_MS, SYNC_TOTAL_MS);
  if (!rg_sync_run_once (sync, &stats, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_int (task, stats.applied);
}

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  RgSyncStatus *self = RG_SYNC_STATUS (source);
  g_autoptr(GError) error = NULL;
  gssize applied = g_task_propagate_int (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_running (self, FALSE);
  g_clear_pointer (&self->reason, g_free);
  if (error == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_free (self->last_synced);
      self->last_synced = g_date_time_format (now, "%H:%M");
      refresh_pending (self);
      if (applied > 0)
        g_signal_emit (self, signals[CHANGES_APPLIED], 0, (guint) applied);
      return;
    }
  self->pending = MAX (rg_sync_count_pending (rg_session_get_db (self->session)), 0);
  /* the message says what was being done and why, in words */
  self->reason = g_strdup (error->message);
  show_state (self, g_error_matches (error, RG_ERROR, RG_ERROR_NETWORK) ? RG_SYNC_STATE_OFFLINE
                                                                        : RG_SYNC_STATE_ERROR);
}

void
rg_sync_status_sync_now (RgSyncStatus *self)
{
  g_autoptr(GTask) task = NULL;
  RgDb *db;

  g_return_if_fail (RG_IS_SYNC_STATUS (self));

  db = rg_session_get_db (self->session);
  if (self->running)
    return;
  if (!rg_sync_is_enrolled (db))
    {
      refresh_pending (self);
      return;
    }
  show_running (self, TRUE);
  task = g_task_new (self, self->cancellable, on_sync_done_cb, NULL);
  g_task_set_source_tag (task, rg_sync_status_sync_now);
  g_task_set_task_data (task, g_strdup (rg_db_get_path (db)), g_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, run_sync_in_thread);
}

static gboolean
on_sync_timeout_cb (gpointer data)
{
  rg_sync_status_sync_now (data);
  return G_SOURCE_CONTINUE;
}

static void
start_timers (RgSyncStatus *self)
{
  g_clear_handle_id (&self->sync_source, g_source_remove);
  self->sync_source = g_timeout_add_seconds (self->interval_s, on_sync_timeout_cb, self);
  if (self->pending_source == 0)
    self->pending_source = g_timeout_add_seconds (PENDING_REFRESH_S, on_pending_timeout_cb, self);
}

void
rg_sync_status_set_interval (RgSyncStatus *self,
                             guint         seconds)
{
  g_return_if_fail (RG_IS_SYNC_STATUS (self));

  self->interval_s = MAX (seconds, 1);
  if (self->sync_source != 0)
    start_timers (self);
}

/* -------------------------------------------------------------- accessors */

RgSyncState
rg_sync_status_get_state (RgSyncStatus *self)
{
  g_return_val_if_fail (RG_IS_SYNC_STATUS (self), RG_SYNC_STATE_NOT_ENROLLED);
  return self->state;
}

const gchar *
rg_sync_status_get_summary (RgSyncStatus *self)
{
  g_return_val_if_fail (RG_IS_SYNC_STATUS (self), NULL);
  return self->summary;
}

const gchar *
rg_sync_status_get_detail (RgSyncStatus *self)
{
  g_return_val_if_fail (RG_IS_SYNC_STATUS (self), NULL);
  return self->detail;
}

gboolean
rg_sync_status_is_running (RgSyncStatus *self)
{
  g_return_val_if_fail (RG_IS_SYNC_STATUS (self), FALSE);
  return self->running;
}

/* ------------------------------------------------------------- lifecycle */

static void
on_sync_button_clicked_cb (GtkButton    *button,
                           RgSyncStatus *self)
{
  rg_sync_status_sync_now (self);
}

static void
rg_sync_status_map (GtkWidget *widget)
{
  RgSyncStatus *self = RG_SYNC_STATUS (widget);

  GTK_WIDGET_CLASS (rg_sync_status_parent_class)->map (widget);
  refresh_pending (self);
  start_timers (self);
  rg_sync_status_sync_now (self);
}

static void
rg_sync_status_unmap (GtkWidget *widget)
{
  RgSyncStatus *self = RG_SYNC_STATUS (widget);

  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  GTK_WIDGET_CLASS (rg_sync_status_parent_class)->unmap (widget);
}

static void
rg_sync_status_dispose (GObject *object)
{
  RgSyncStatus *self = RG_SYNC_STATUS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rg_sync_status_parent_class)->dispose (object);
}

static void
rg_sync_status_finalize (GObject *object)
{
  RgSyncStatus *self = RG_SYNC_STATUS (object);

  g_clear_object (&self->cancellable);
  g_free (self->summary);
  g_free (self->detail);
  g_free (self->last_synced);
  g_free (self->reason);
  G_OBJECT_CLASS (rg_sync_status_parent_class)->finalize (object);
}

static void
rg_sync_status_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RgSyncStatus *self = RG_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_sync_status_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RgSyncStatus *self = RG_SYNC_STATUS (object);

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
rg_sync_status_constructed (GObject *object)
{
  RgSyncStatus *self = RG_SYNC_STATUS (object);

  G_OBJECT_CLASS (rg_sync_status_parent_class)->constructed (object);
  g_return_if_fail (self->session != NULL);
  refresh_pending (self);
}

static void
rg_sync_status_class_init (RgSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_sync_status_dispose;
  object_class->finalize = rg_sync_status_finalize;
  object_class->get_property = rg_sync_status_get_property;
  object_class->set_property = rg_sync_status_set_property;
  object_class->constructed = rg_sync_status_constructed;
  widget_class->map = rg_sync_status_map;
  widget_class->unmap = rg_sync_status_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, RG_SYNC_STATE_NOT_ENROLLED, RG_SYNC_STATE_ERROR,
                      RG_SYNC_STATE_NOT_ENROLLED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgSyncStatus::changes-applied:
   * @self: the widget
   * @n_rows: how many rows from other terminals changed this one
   *
   * Emitted on the main thread after a sync run that brought changes made
   * elsewhere (guests, visits, orders), for what keeps figures of its own.
   */
  signals[CHANGES_APPLIED] =
    g_signal_new ("changes-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "syncstatus");
}

static void
rg_sync_status_init (RgSyncStatus *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *popover = gtk_popover_new ();

  self->cancellable = g_cancellable_new ();
  self->interval_s = DEFAULT_INTERVAL_S;

  self->spinner = gtk_spinner_new ();
  self->icon = gtk_image_new ();
  self->label = gtk_label_new (NULL);
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), self->icon);
  gtk_box_append (GTK_BOX (box), self->label);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_widget_add_css_class (self->title_label, "heading");
  self->detail_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->detail_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->detail_label), 40);
  gtk_label_set_xalign (GTK_LABEL (self->detail_label), 0);
  self->sync_button = gtk_button_new_with_label (_("Sync now"));
  gtk_widget_add_css_class (self->sync_button, "suggested-action");
  g_signal_connect (self->sync_button, "clicked", G_CALLBACK (on_sync_button_clicked_cb), self);
  gtk_box_append (GTK_BOX (popover_box), self->title_label);
  gtk_box_append (GTK_BOX (popover_box), self->detail_label);
  gtk_box_append (GTK_BOX (popover_box), self->sync_button);
  gtk_popover_set_child (GTK_POPOVER (popover), popover_box);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), state_classes[self->state]);
}

GtkWidget *
rg_sync_status_new (RgSession *session)
{
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  return g_object_new (RG_TYPE_SYNC_STATUS, "session", session, NULL);
}
