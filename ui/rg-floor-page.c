/* rg-floor-page.c — reading the floor, ranking tables and seating.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page re-reads the tables from the core after every seating, so the
 * status drawn is the status stored: the host sees the table turn seated
 * the moment the visit is open.
 */
#include "rg-floor-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-floor.h"
#include "rg-visit.h"

/* The plan is laid out at its new size one frame after a reload; scroll
 * on the frame after that. */
#define SCROLL_AFTER_FRAMES 2
#define COMPACT_PLAN_HEIGHT 420
#define COMPACT_LIST_HEIGHT 420

struct _RgFloorPage
{
  GtkWidget parent_instance;

  /* owned */
  RgSession     *session;
  GListModel    *tables;
  GListModel    *suggestions;
  gchar         *guest_id;
  gchar         *guest_name;

  guint          scroll_frames;

  /* template children */
  GtkBox        *body;
  GtkSpinButton *party_spin;
  GtkScrolledWindow *plan_scroller;
  RgFloorPlan   *plan;
  GtkLabel      *info_label;
  GtkScrolledWindow *side;
  GtkListBox    *suggestion_list;
  GtkLabel      *no_table_label;
};

static void on_seat_button_clicked_cb (GtkButton *button, RgFloorPage *self);
static gboolean on_plan_scroller_tick_cb (GtkWidget     *widget,
                                          GdkFrameClock *clock,
                                          gpointer       user_data);

G_DEFINE_FINAL_TYPE (RgFloorPage, rg_floor_page, GTK_TYPE_WIDGET)

enum {
  SEATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --------------------------------------------------------------- helpers */

static gint
party_size (RgFloorPage *self)
{
  return gtk_spin_button_get_value_as_int (self->party_spin);
}

static GtkWidget *
make_suggestion_row (RgFloorPage       *self,
                     RgTableSuggestion *suggestion,
                     guint              rank)
{
  RgDiningTable *table = rg_table_suggestion_get_table (suggestion);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Seat"));
  g_autofree gchar *title = NULL;

  /* Translators: a suggested table, "Table 2 (Window) is free" */
  title = g_strdup_printf (_("%s (%s) is free"),
                           rg_dining_table_get_name (table),
                           rg_dining_table_get_zone_name (table) != NULL
                           ? rg_dining_table_get_zone_name (table) : _("no zone"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rg_table_suggestion_get_reason (suggestion));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (rank == 1)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "seat-button");
  g_object_set_data_full (G_OBJECT (button), "table-id",
                          g_strdup (rg_dining_table_get_id (table)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_seat_button_clicked_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
scroll_to_best (RgFloorPage *self)
{
  if (self->scroll_frames == 0)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->plan_scroller), on_plan_scroller_tick_cb, self, NULL);
  self->scroll_frames = SCROLL_AFTER_FRAMES;
}

static gboolean
reload (RgFloorPage  *self,
        GError      **error)
{
  RgDb *db = rg_session_get_db (self->session);
  const gchar *branch_id = rg_session_get_branch_id (self->session);
  g_autoptr(GListModel) tables = NULL;
  g_autoptr(GListModel) live = NULL;
  g_autoptr(GListModel) suggestions = NULL;
  GtkWidget *child;
  guint n;

  tables = rg_floor_list_tables (db, branch_id, error);
  if (tables == NULL)
    return FALSE;
  live = rg_floor_list_live (db, branch_id, error);
  if (live == NULL)
    return FALSE;
  suggestions = rg_floor_suggest_tables (db, branch_id, party_size (self), self->guest_id, error);
  if (suggestions == NULL)
    return FALSE;

  g_set_object (&self->tables, tables);
  g_set_object (&self->suggestions, suggestions);
  rg_floor_plan_set_tables (self->plan, tables);
  rg_floor_plan_set_live (self->plan, live);
  rg_floor_plan_set_suggestions (self->plan, suggestions);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);
  n = g_list_model_get_n_items (suggestions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgTableSuggestion) suggestion = g_list_model_get_item (suggestions, i);

      gtk_list_box_append (self->suggestion_list, make_suggestion_row (self, suggestion, i + 1));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_table_label), n == 0);
  if (n == 0)
    {
      g_autofree gchar *text = g_strdup_printf (ngettext ("No free table seats a party of %d right now.",
                                                          "No free table seats a party of %d right now.",
                                                          party_size (self)),
                                                party_size (self));

      gtk_label_set_label (self->no_table_label, text);
    }
  return TRUE;
}

/* Brings the best table into view once the plan has its new size. */
static void
say (RgFloorPage *self,
     const gchar *message)
{
  gtk_label_set_label (self->info_label, message);
}

static void
seat_or_say (RgFloorPage *self,
             const gchar *table_id)
{
  g_autoptr(GError) error = NULL;

  if (!rg_floor_page_seat (self, table_id, &error))
    say (self, error->message);
}

/* Scrolls so that @start…@start + @size is in the middle of the view, or
 * as near as the plan's edges allow: the best table with its neighbours
 * around it, not at the very edge. */
static void
center_on (GtkAdjustment *adjustment,
           gdouble        start,
           gdouble        size)
{
  gtk_adjustment_set_value (adjustment, start + size / 2 - gtk_adjustment_get_page_size (adjustment) / 2);
}

/* ------------------------------------------------------------- callbacks */

static gboolean
on_plan_scroller_tick_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  RgFloorPage *self = user_data;
  g_autoptr(RgTableSuggestion) best = NULL;
  graphene_rect_t r;

  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;
  if (self->suggestions != NULL && g_list_model_get_n_items (self->suggestions) > 0)
    {
      best = g_list_model_get_item (self->suggestions, 0);
      if (rg_floor_plan_get_table_bounds (self->plan, rg_dining_table_get_id (rg_table_suggestion_get_table (best)), &r))
        {
          center_on (gtk_scrolled_window_get_hadjustment (self->plan_scroller), r.origin.x, r.size.width);
          center_on (gtk_scrolled_window_get_vadjustment (self->plan_scroller), r.origin.y, r.size.height);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
on_seat_button_clicked_cb (GtkButton   *button,
                           RgFloorPage *self)
{
  g_autofree gchar *table_id = g_strdup (g_object_get_data (G_OBJECT (button), "table-id"));

  seat_or_say (self, table_id);
}

static void
on_plan_table_activated_cb (RgFloorPlan *plan,
                            const gchar *table_id,
                            RgFloorPage *self)
{
  g_autofree gchar *id = g_strdup (table_id);

  seat_or_say (self, id);
}

static void
on_party_spin_value_changed_cb (GtkSpinButton *spin,
                                RgFloorPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->tables == NULL)
    return;
  if (!reload (self, &error))
    say (self, error->message);
  else
    scroll_to_best (self);
}

/* ------------------------------------------------------------- overrides */

static void
rg_floor_page_dispose (GObject *object)
{
  RgFloorPage *self = RG_FLOOR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_FLOOR_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->tables);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (rg_floor_page_parent_class)->dispose (object);
}

static void
rg_floor_page_finalize (GObject *object)
{
  RgFloorPage *self = RG_FLOOR_PAGE (object);

  g_free (self->guest_id);
  g_free (self->guest_name);

  G_OBJECT_CLASS (rg_floor_page_parent_class)->finalize (object);
}

static gboolean
rg_floor_page_grab_focus (GtkWidget *widget)
{
  RgFloorPage *self = RG_FLOOR_PAGE (widget);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->suggestion_list, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->suggestion_list)))
    return gtk_widget_grab_focus (GTK_WIDGET (first));
  return gtk_widget_grab_focus (GTK_WIDGET (self->plan));
}

static void
rg_floor_page_class_init (RgFloorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_floor_page_dispose;
  object_class->finalize = rg_floor_page_finalize;
  widget_class->grab_focus = rg_floor_page_grab_focus;

  /**
   * RgFloorPage::seated:
   * @visit_id: the visit just opened
   * @message: what happened, for the host: "Seated Li Wei at table 2"
   */
  signals[SEATED] = g_signal_new ("seated", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (RG_TYPE_FLOOR_PLAN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-floor-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, body);
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, party_spin);
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, plan_scroller);
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, plan);
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, info_label);
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, side);
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, RgFloorPage, no_table_label);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_table_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_party_spin_value_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "floorpage");
}

static void
rg_floor_page_init (RgFloorPage *self)
{
  GtkWidget *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the host sees each party and when it sat down, not its check */
  rg_floor_plan_set_show_check (self->plan, FALSE);
  /* The plan is one focusable widget larger than the view: following its
   * focus would jump to its corner at every tap. */
  viewport = gtk_scrolled_window_get_child (self->plan_scroller);
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
}

/* ------------------------------------------------------------ public API */

void
rg_floor_page_set_session (RgFloorPage *self,
                           RgSession   *session)
{
  g_return_if_fail (RG_IS_FLOOR_PAGE (self));
  g_return_if_fail (RG_IS_SESSION (session));

  g_set_object (&self->session, session);
}

gboolean
rg_floor_page_load (RgFloorPage  *self,
                    const gchar  *guest_id,
                    const gchar  *guest_name,
                    gint          party,
                    GError      **error)
{
  g_return_val_if_fail (RG_IS_FLOOR_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  g_free (self->guest_id);
  self->guest_id = g_strdup (guest_id);
  g_free (self->guest_name);
  self->guest_name = g_strdup (guest_name);
  rg_floor_plan_set_selected_id (self->plan, NULL);

  /* Setting the spin reloads only once tables were read; read them here. */
  g_clear_object (&self->tables);
  gtk_spin_button_set_value (self->party_spin, MAX (party, 1));
  say (self, _("Tap a free table to seat the party there."));
  if (!reload (self, error))
    return FALSE;
  scroll_to_best (self);
  return TRUE;
}

gboolean
rg_floor_page_seat (RgFloorPage  *self,
                    const gchar  *table_id,
                    GError      **error)
{
  RgSeating seating = { 0 };
  g_autoptr(RgVisit) visit = NULL;
  g_autofree gchar *message = NULL;

  g_return_val_if_fail (RG_IS_FLOOR_PAGE (self), FALSE);
  g_return_val_if_fail (table_id != NULL, FALSE);

  seating.branch_id = rg_session_get_branch_id (self->session);
  seating.table_id = table_id;
  seating.guest_id = self->guest_id;
  seating.party_size = party_size (self);
  visit = rg_visit_seat (rg_session_get_db (self->session), &seating, error);
  if (visit == NULL)
    return FALSE;

  if (self->guest_name != NULL)
    /* Translators: "Seated Li Wei at T2, party of 3" */
    message = g_strdup_printf (_("Seated %s at %s, party of %d"), self->guest_name,
                               rg_visit_get_table_name (visit), rg_visit_get_party_size (visit));
  else
    /* Translators: "Seated a walk-in at T2, party of 3" */
    message = g_strdup_printf (_("Seated a walk-in at %s, party of %d"),
                               rg_visit_get_table_name (visit), rg_visit_get_party_size (visit));
  rg_floor_plan_set_selected_id (self->plan, table_id);
  if (!reload (self, error))
    return FALSE;
  say (self, message);
  g_signal_emit (self, signals[SEATED], 0, rg_visit_get_id (visit), message);
  return TRUE;
}

void
rg_floor_page_set_compact (RgFloorPage *self,
                           gboolean     compact)
{
  g_return_if_fail (RG_IS_FLOOR_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* Stacked, the plan keeps half the height rather than a sliver. */
  gtk_scrolled_window_set_min_content_height (self->plan_scroller, compact ? COMPACT_PLAN_HEIGHT : -1);
  gtk_scrolled_window_set_max_content_height (self->side, compact ? COMPACT_LIST_HEIGHT : -1);
}

RgFloorPlan *
rg_floor_page_get_plan (RgFloorPage *self)
{
  g_return_val_if_fail (RG_IS_FLOOR_PAGE (self), NULL);

  return self->plan;
}

GListModel *
rg_floor_page_get_suggestions (RgFloorPage *self)
{
  g_return_val_if_fail (RG_IS_FLOOR_PAGE (self), NULL);

  return self->suggestions;
}
