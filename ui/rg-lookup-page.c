/* rg-lookup-page.c — lookups off the main loop, one at a time, newest wins.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of the field asks for a lookup.  One runs at a time in a
 * GTask thread on the page's own connection (a second RgDb on the same
 * file, used only by that thread); a query typed while it runs waits as
 * "pending", replacing any older pending one, so a burst of keystrokes
 * costs at most two lookups and a result never lands for text that is no
 * longer in the field.
 */
#include "rg-lookup-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-digit-pad.h"
#include "rg-guest-lookup.h"
#include "rg-match-row.h"

#define RESULT_LIMIT 50

struct _RgLookupPage
{
  GtkWidget parent_instance;

  /* owned */
  RgSession          *session;
  RgDb               *worker_db;      /* touched only by the running task */
  gchar              *pending_query;
  GListModel         *results;

  gboolean            busy;
  gboolean            open_when_ready;

  /* template children */
  GtkSearchEntry     *search_entry;
  GtkStack           *results_stack;
  GtkListView        *results_view;
  GtkSingleSelection *selection;
  AdwStatusPage      *none_page;
  GtkButton          *enrol_button;
  RgDigitPad         *digit_pad;
};

G_DEFINE_FINAL_TYPE (RgLookupPage, rg_lookup_page, GTK_TYPE_WIDGET)

enum {
  GUEST_ACTIVATED,
  ENROL_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  RgDb  **db;       /* the page's worker connection, opened on first use */
  gchar  *path;
  gchar  *query;
} LookupJob;

static void start_lookup (RgLookupPage *self, const gchar *query);

/* --------------------------------------------------------------- helpers */

static void
lookup_job_free (LookupJob *job)
{
  g_free (job->path);
  g_free (job->query);
  g_free (job);
}

static gchar *
dup_query (RgLookupPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
run_lookup_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LookupJob *job = task_data;
  GError *error = NULL;
  GListModel *results;

  if (*job->db == NULL)
    *job->db = rg_db_open (job->path, &error);
  if (*job->db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  results = rg_guest_lookup (*job->db, job->query, 0, RESULT_LIMIT, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, g_object_unref);
}

static void
emit_guest (RgLookupPage *self,
            guint         position,
            gboolean      navigate)
{
  g_autoptr(RgGuestMatch) match = g_list_model_get_item (self->results, position);

  g_signal_emit (self, signals[GUEST_ACTIVATED], 0, rg_guest_match_get_guest_id (match), navigate);
}

/* What Enter does once the results for the field's text are in. */
static void
act_on_results (RgLookupPage *self)
{
  guint n = g_list_model_get_n_items (self->results);
  g_autofree gchar *query = dup_query (self);

  self->open_when_ready = FALSE;
  if (n == 1)
    emit_guest (self, 0, TRUE);
  else if (n > 1)
    gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
  else if (*query != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->enrol_button));
}

static void
show_results (RgLookupPage *self,
              GListModel   *results,
              const GError *error)
{
  g_autofree gchar *query = dup_query (self);
  guint n;

  g_set_object (&self->results, results);
  gtk_single_selection_set_model (self->selection, self->results);
  n = g_list_model_get_n_items (self->results);

  if (error != NULL)
    {
      adw_status_page_set_title (self->none_page, _("Cannot Look That Up"));
      adw_status_page_set_description (self->none_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "none");
    }
  else if (n == 0)
    {
      g_autofree gchar *text = g_markup_printf_escaped (_("Nobody matches “%s”. Enrol them as a new guest?"), query);

      adw_status_page_set_title (self->none_page, _("No Guest Found"));
      adw_status_page_set_description (self->none_page, text);
      gtk_stack_set_visible_child_name (self->results_stack, "none");
    }
  else
    gtk_stack_set_visible_child_name (self->results_stack, "list");

  if (self->open_when_ready)
    act_on_results (self);
  else if (n == 1)
    {
      g_autoptr(RgGuestMatch) match = g_list_model_get_item (self->results, 0);
      RgGuestMatchKind kind = rg_guest_match_get_kind (match);

      /* A whole phone number or a card is certain enough to open the card
       * at once; a lone name match is shown beside the search, if there is
       * room, and opened with Enter. */
      emit_guest (self, 0, kind == RG_GUEST_MATCH_PHONE || kind == RG_GUEST_MATCH_CARD);
    }
}

static void
clear_results (RgLookupPage *self)
{
  g_autoptr(GListStore) empty = g_list_store_new (RG_TYPE_GUEST_MATCH);

  g_clear_pointer (&self->pending_query, g_free);
  self->open_when_ready = FALSE;
  g_set_object (&self->results, G_LIST_MODEL (empty));
  gtk_single_selection_set_model (self->selection, self->results);
  gtk_stack_set_visible_child_name (self->results_stack, "hint");
}

/* ------------------------------------------------------------- callbacks */

static void
on_lookup_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RgLookupPage *self = RG_LOOKUP_PAGE (source_object);
  LookupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree gchar *query = NULL;

  self->busy = FALSE;
  if (self->session == NULL)
    return;
  if (self->pending_query != NULL)
    {
      g_autofree gchar *next = g_steal_pointer (&self->pending_query);

      start_lookup (self, next);
      return;
    }
  query = dup_query (self);
  if (g_strcmp0 (query, job->query) != 0)
    return;
  show_results (self, results, error);
}

static void
start_lookup (RgLookupPage *self,
              const gchar  *query)
{
  g_autoptr(GTask) task = NULL;
  LookupJob *job;

  if (self->busy)
    {
      g_free (self->pending_query);
      self->pending_query = g_strdup (query);
      return;
    }

  job = g_new0 (LookupJob, 1);
  job->db = &self->worker_db;
  job->path = g_strdup (rg_db_get_path (rg_session_get_db (self->session)));
  job->query = g_strdup (query);

  self->busy = TRUE;
  task = g_task_new (self, NULL, on_lookup_done_cb, NULL);
  g_task_set_source_tag (task, start_lookup);
  g_task_set_task_data (task, job, (GDestroyNotify) lookup_job_free);
  g_task_run_in_thread (task, run_lookup_in_thread);
}

static void
on_search_entry_changed_cb (GtkEditable  *entry,
                            RgLookupPage *self)
{
  g_autofree gchar *query = dup_query (self);

  if (self->session == NULL)
    return;
  self->open_when_ready = FALSE;
  if (*query == '\0')
    clear_results (self);
  else
    start_lookup (self, query);
}

static void
on_search_entry_activate_cb (GtkSearchEntry *entry,
                             RgLookupPage   *self)
{
  if (rg_lookup_page_is_busy (self))
    self->open_when_ready = TRUE;
  else
    act_on_results (self);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry *entry,
                                RgLookupPage   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Down from the field walks into the matches. */
static gboolean
on_search_keys_key_pressed_cb (GtkEventControllerKey *keys,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               RgLookupPage          *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "list") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
  return GDK_EVENT_PROPAGATE;
}

static void
on_digit_pad_submit_cb (RgDigitPad   *pad,
                        RgLookupPage *self)
{
  on_search_entry_activate_cb (self->search_entry, self);
}

static void
on_results_view_activate_cb (GtkListView  *view,
                             guint         position,
                             RgLookupPage *self)
{
  emit_guest (self, position, TRUE);
}

static void
on_enrol_button_clicked_cb (GtkButton    *button,
                            RgLookupPage *self)
{
  g_autofree gchar *query = dup_query (self);

  g_signal_emit (self, signals[ENROL_REQUESTED], 0, query);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     RgLookupPage             *self)
{
  gtk_list_item_set_child (item, rg_match_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    RgLookupPage             *self)
{
  rg_match_row_set_match (RG_MATCH_ROW (gtk_list_item_get_child (item)),
                          gtk_list_item_get_item (item));
}

/* ------------------------------------------------------------- overrides */

static void
rg_lookup_page_dispose (GObject *object)
{
  RgLookupPage *self = RG_LOOKUP_PAGE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->results);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_LOOKUP_PAGE);

  G_OBJECT_CLASS (rg_lookup_page_parent_class)->dispose (object);
}

static void
rg_lookup_page_finalize (GObject *object)
{
  RgLookupPage *self = RG_LOOKUP_PAGE (object);

  /* A running task holds a reference on the page, so by now no thread uses
   * the worker connection. */
  g_clear_pointer (&self->worker_db, rg_db_close);
  g_free (self->pending_query);

  G_OBJECT_CLASS (rg_lookup_page_parent_class)->finalize (object);
}

static gboolean
rg_lookup_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RG_LOOKUP_PAGE (widget)->search_entry));
}

static void
rg_lookup_page_class_init (RgLookupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_lookup_page_dispose;
  object_class->finalize = rg_lookup_page_finalize;
  widget_class->grab_focus = rg_lookup_page_grab_focus;

  /**
   * RgLookupPage::guest-activated:
   * @guest_id: the guest to show
   * @navigate: %TRUE when the host chose the guest (or the match is
   *   certain) and the card should come to the front
   */
  signals[GUEST_ACTIVATED] = g_signal_new ("guest-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  /**
   * RgLookupPage::enrol-requested:
   * @query: what was typed, to prefill the new guest's name or phone
   */
  signals[ENROL_REQUESTED] = g_signal_new ("enrol-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RG_TYPE_DIGIT_PAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-lookup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RgLookupPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RgLookupPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLookupPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, RgLookupPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RgLookupPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, RgLookupPage, enrol_button);
  gtk_widget_class_bind_template_child (widget_class, RgLookupPage, digit_pad);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_keys_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_digit_pad_submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enrol_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lookuppage");
}

static void
rg_lookup_page_init (RgLookupPage *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  clear_results (self);
}

/* ------------------------------------------------------------ public API */

void
rg_lookup_page_set_session (RgLookupPage *self,
                            RgSession    *session)
{
  g_return_if_fail (RG_IS_LOOKUP_PAGE (self));
  g_return_if_fail (RG_IS_SESSION (session));

  g_set_object (&self->session, session);
}

GtkEditable *
rg_lookup_page_get_entry (RgLookupPage *self)
{
  g_return_val_if_fail (RG_IS_LOOKUP_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GListModel *
rg_lookup_page_get_results (RgLookupPage *self)
{
  g_return_val_if_fail (RG_IS_LOOKUP_PAGE (self), NULL);

  return self->results;
}

gboolean
rg_lookup_page_is_busy (RgLookupPage *self)
{
  g_return_val_if_fail (RG_IS_LOOKUP_PAGE (self), FALSE);

  return self->busy || self->pending_query != NULL;
}

void
rg_lookup_page_open (RgLookupPage *self,
                     const gchar  *text)
{
  g_return_if_fail (RG_IS_LOOKUP_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_entry_activate_cb (self->search_entry, self);
}

void
rg_lookup_page_refresh (RgLookupPage *self)
{
  g_return_if_fail (RG_IS_LOOKUP_PAGE (self));

  on_search_entry_changed_cb (GTK_EDITABLE (self->search_entry), self);
}

void
rg_lookup_page_reset (RgLookupPage *self)
{
  g_return_if_fail (RG_IS_LOOKUP_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
