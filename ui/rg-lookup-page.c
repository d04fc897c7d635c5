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
 *
 * A keystroke waits up to FAST_ANSWER_MS for the thread (half a frame at
 * 60 Hz): a lookup that answers by then is shown in the same frame as the
 * typed character instead of one frame later, and a slower one leaves the
 * main loop free and lands when it is done.
 *
 * The list view shows "slots", not the matches: plain objects, the same
 * one at each position from one answer to the next, so the view keeps its
 * rows and only fills them again (creating a row is most of a keystroke's
 * cost); an answer with more or fewer matches adds or drops slots at the
 * end.
 *
 * A lone name match is shown beside the search (the window fills the
 * guest card), but only once the frame that draws the list is painted:
 * the card costs more to lay out than the list, and the list must not wait
 * for it.
 *
 * The thread also finds each match's spend tier (rg-guest-tier.h).  The
 * day's cut of the tier pyramid reads a year of visits, so the page has the
 * thread work it out once the window is up and idle; a lookup typed
 * meanwhile waits as pending.
 */
#include "rg-lookup-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-digit-pad.h"
#include "rg-guest-lookup.h"
#include "rg-guest-tier.h"
#include "rg-id.h"
#include "rg-match-row.h"

#define RESULT_LIMIT    25
#define FAST_ANSWER_MS   8

struct _RgLookupPage
{
  GtkWidget parent_instance;

  /* owned */
  RgSession          *session;
  RgDb               *worker_db;      /* touched only by the running task */
  gchar              *pending_query;
  GListModel         *results;
  GArray             *tiers;          /* RgGuestTier of each result */
  GListStore         *slots;          /* what the view shows, see above */
  GPtrArray          *slot_pool;      /* the slot of each position so far */

  GdkFrameClock      *beside_clock;   /* whose next paint shows a lone name match */
  gulong              beside_handler;

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

enum {
  PROP_0,
  PROP_RESULTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GListModel *results;
  GArray     *tiers;
} LookupAnswer;

typedef struct
{
  RgDb         **db;       /* the page's worker connection, opened on first use */
  gchar         *path;
  gchar         *query;    /* NULL: only work out the day's tier cut */

  /* Set by the thread once it no longer touches the connection. */
  GMutex         lock;
  GCond          answered_cond;
  gboolean       answered;
  LookupAnswer  *answer;
  GError        *error;

  gboolean       handled;  /* the page took the answer before the task ended */
} LookupJob;

static LookupJob *start_lookup (RgLookupPage *self, const gchar *query);

/* --------------------------------------------------------------- helpers */

static void
lookup_answer_free (LookupAnswer *answer)
{
  g_clear_object (&answer->results);
  g_clear_pointer (&answer->tiers, g_array_unref);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LookupAnswer, lookup_answer_free)

static void
lookup_job_free (LookupJob *job)
{
  g_free (job->path);
  g_free (job->query);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->answered_cond);
  g_clear_pointer (&job->answer, lookup_answer_free);
  g_clear_error (&job->error);
  g_free (job);
}

static GArray *
find_tiers (RgDb        *db,
            GListModel  *results,
            GError     **error)
{
  guint n = g_list_model_get_n_items (results);
  g_autoptr(GArray) tiers = g_array_sized_new (FALSE, TRUE, sizeof (RgGuestTier), n);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_full (n, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgGuestMatch) match = g_list_model_get_item (results, i);

      g_ptr_array_add (ids, g_strdup (rg_guest_match_get_guest_id (match)));
    }
  g_array_set_size (tiers, n);
  if (!rg_guest_tier_get_many (db, (const gchar * const *) ids->pdata, n, rg_now_ms (),
                               (RgGuestTier *) tiers->data, error))
    return NULL;
  return g_steal_pointer (&tiers);
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
  g_autoptr(LookupAnswer) answer = g_new0 (LookupAnswer, 1);

  if (*job->db == NULL)
    *job->db = rg_db_open (job->path, &error);
  if (*job->db != NULL && job->query == NULL)
    rg_guest_tier_refresh (*job->db, rg_now_ms (), &error);
  else if (*job->db != NULL)
    {
      answer->results = rg_guest_lookup (*job->db, job->query, 0, RESULT_LIMIT, &error);
      if (answer->results != NULL)
        answer->tiers = find_tiers (*job->db, answer->results, &error);
    }

  g_mutex_lock (&job->lock);
  if (error != NULL)
    job->error = error;
  else
    job->answer = g_steal_pointer (&answer);
  job->answered = TRUE;
  g_cond_signal (&job->answered_cond);
  g_mutex_unlock (&job->lock);
  g_task_return_boolean (task, TRUE);
}

/* Waits up to @ms for the thread's answer; returns whether it came. */
static gboolean
wait_for_answer (LookupJob *job,
                 guint      ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  gboolean answered;

  g_mutex_lock (&job->lock);
  while (!job->answered && g_cond_wait_until (&job->answered_cond, &job->lock, deadline))
    ;
  answered = job->answered;
  g_mutex_unlock (&job->lock);
  return answered;
}

static void
emit_guest (RgLookupPage *self,
            guint         position,
            gboolean      navigate)
{
  g_autoptr(RgGuestMatch) match = g_list_model_get_item (self->results, position);

  g_signal_emit (self, signals[GUEST_ACTIVATED], 0, rg_guest_match_get_guest_id (match), navigate);
}

static void
cancel_beside (RgLookupPage *self)
{
  if (self->beside_clock != NULL)
    g_clear_signal_handler (&self->beside_handler, self->beside_clock);
  g_clear_object (&self->beside_clock);
}

static void
on_beside_clock_after_paint_cb (GdkFrameClock *clock,
                                RgLookupPage  *self)
{
  cancel_beside (self);
  emit_guest (self, 0, FALSE);
}

/* Shows the lone match beside the search once the list is on screen. */
static void
show_beside_after_paint (RgLookupPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      emit_guest (self, 0, FALSE);
      return;
    }
  self->beside_clock = g_object_ref (clock);
  self->beside_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_beside_clock_after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* The field's results changed: the list, the tiers and the property. */
static void
set_results (RgLookupPage *self,
             GListModel   *results,
             GArray       *tiers)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  guint n = g_list_model_get_n_items (results);

  cancel_beside (self);
  g_set_object (&self->results, results);
  g_clear_pointer (&self->tiers, g_array_unref);
  self->tiers = tiers != NULL ? g_array_ref (tiers) : g_array_new (FALSE, FALSE, sizeof (RgGuestTier));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  while (self->slot_pool->len < n)
    g_ptr_array_add (self->slot_pool, g_object_new (G_TYPE_OBJECT, NULL));
  /* No match shows the hint or the enrol offer, not the list, and the list
   * keeps its rows for the next answer. */
  if (n > 0 && n < shown)
    g_list_store_splice (self->slots, n, shown - n, NULL, 0);
  else if (n > shown)
    g_list_store_splice (self->slots, shown, 0, self->slot_pool->pdata + shown, n - shown);
  /* The rows kept refill themselves (fill_row_cb). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
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
              LookupAnswer *answer,
              const GError *error)
{
  g_autofree gchar *query = dup_query (self);
  g_autoptr(GListStore) empty = g_list_store_new (RG_TYPE_GUEST_MATCH);
  guint n;

  if (answer != NULL)
    set_results (self, answer->results, answer->tiers);
  else
    set_results (self, G_LIST_MODEL (empty), NULL);
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
      if (kind == RG_GUEST_MATCH_PHONE || kind == RG_GUEST_MATCH_CARD)
        emit_guest (self, 0, TRUE);
      else
        show_beside_after_paint (self);
    }
}

static void
clear_results (RgLookupPage *self)
{
  g_autoptr(GListStore) empty = g_list_store_new (RG_TYPE_GUEST_MATCH);

  g_clear_pointer (&self->pending_query, g_free);
  self->open_when_ready = FALSE;
  set_results (self, G_LIST_MODEL (empty), NULL);
  gtk_stack_set_visible_child_name (self->results_stack, "hint");
}

/* ------------------------------------------------------------- callbacks */

/* Once the window is up, the day's tier cut, unless a lookup runs. */
static gboolean
warm_up_cb (gpointer user_data)
{
  RgLookupPage *self = user_data;

  if (self->session != NULL && !self->busy)
    start_lookup (self, NULL);
  return G_SOURCE_REMOVE;
}

/* The thread answered @job: the connection is free for the next lookup. */
static void
take_answer (RgLookupPage *self,
             LookupJob    *job)
{
  g_autofree gchar *query = NULL;

  job->handled = TRUE;
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
  /* A warm-up that failed says nothing the first lookup will not say. */
  if (job->query == NULL || g_strcmp0 (query, job->query) != 0)
    return;
  show_results (self, job->answer, job->error);
}

static void
on_lookup_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LookupJob *job = g_task_get_task_data (G_TASK (result));

  if (!job->handled)
    take_answer (RG_LOOKUP_PAGE (source_object), job);
}

/* Returns: (transfer none) (nullable): the job started, owned by its task;
 * %NULL when the query waits as pending. */
static LookupJob *
start_lookup (RgLookupPage *self,
              const gchar  *query)
{
  g_autoptr(GTask) task = NULL;
  LookupJob *job;

  if (self->busy)
    {
      g_free (self->pending_query);
      self->pending_query = g_strdup (query);
      return NULL;
    }

  job = g_new0 (LookupJob, 1);
  g_mutex_init (&job->lock);
  g_cond_init (&job->answered_cond);
  job->db = &self->worker_db;
  job->path = g_strdup (rg_db_get_path (rg_session_get_db (self->session)));
  job->query = g_strdup (query);

  self->busy = TRUE;
  task = g_task_new (self, NULL, on_lookup_done_cb, NULL);
  g_task_set_source_tag (task, start_lookup);
  g_task_set_task_data (task, job, (GDestroyNotify) lookup_job_free);
  g_task_run_in_thread (task, run_lookup_in_thread);
  return job;
}

static void
on_search_entry_changed_cb (GtkEditable  *entry,
                            RgLookupPage *self)
{
  g_autofree gchar *query = dup_query (self);
  LookupJob *job;

  if (self->session == NULL)
    return;
  self->open_when_ready = FALSE;
  if (*query == '\0')
    {
      clear_results (self);
      return;
    }
  /* The task's callback cannot run while this waits, so the job lives. */
  job = start_lookup (self, query);
  if (job != NULL && wait_for_answer (job, FAST_ANSWER_MS))
    take_answer (self, job);
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

/* Fills @item's row with the match at its position. */
static void
fill_row_cb (RgLookupPage *self,
             GParamSpec   *pspec,
             GtkListItem  *item)
{
  RgMatchRow *row = RG_MATCH_ROW (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  g_autoptr(RgGuestMatch) match = NULL;

  if (position >= g_list_model_get_n_items (self->results))
    return;
  match = g_list_model_get_item (self->results, position);
  rg_match_row_set_match (row, match);
  rg_match_row_set_tier (row, rg_lookup_page_get_tier (self, position));
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    RgLookupPage             *self)
{
  fill_row_cb (self, NULL, item);
  g_signal_connect_object (self, "notify::results", G_CALLBACK (fill_row_cb), item, 0);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      RgLookupPage             *self)
{
  g_signal_handlers_disconnect_by_func (self, fill_row_cb, item);
}

/* ------------------------------------------------------------- overrides */

static void
rg_lookup_page_dispose (GObject *object)
{
  RgLookupPage *self = RG_LOOKUP_PAGE (object);

  cancel_beside (self);
  g_clear_object (&self->session);
  g_clear_object (&self->results);
  g_clear_pointer (&self->tiers, g_array_unref);
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
  g_clear_object (&self->slots);
  g_clear_pointer (&self->slot_pool, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_lookup_page_parent_class)->finalize (object);
}

static void
rg_lookup_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RgLookupPage *self = RG_LOOKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = rg_lookup_page_get_property;
  widget_class->grab_focus = rg_lookup_page_grab_focus;

  /**
   * RgLookupPage:results:
   *
   * The matches shown, a #GListModel of #RgGuestMatch; notified each time
   * an answer for the field's text replaces them.
   */
  properties[PROP_RESULTS] = g_param_spec_object ("results", NULL, NULL, G_TYPE_LIST_MODEL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
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
  self->slots = g_list_store_new (G_TYPE_OBJECT);
  self->slot_pool = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->slots));
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
  g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, g_object_ref (self), g_object_unref);
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

RgGuestTier
rg_lookup_page_get_tier (RgLookupPage *self,
                         guint         position)
{
  g_return_val_if_fail (RG_IS_LOOKUP_PAGE (self), RG_GUEST_TIER_NONE);

  return position < self->tiers->len ? g_array_index (self->tiers, RgGuestTier, position) : RG_GUEST_TIER_NONE;
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
