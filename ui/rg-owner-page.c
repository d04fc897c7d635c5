/* rg-owner-page.c — the owner's dashboard.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tab per report kind (peak, dishes, guests, segments, service,
 * feedback, revenue), each a chart with its switch beside the tables of
 * exact numbers.  A change of range or branch starts a load (rg-owner-load)
 * that makes the report of the visible tab first and hands each report
 * back as soon as it is made, so the first chart shows while the others
 * are still being computed; only the tab in view is redrawn, the others
 * when they are shown.  A newer load cancels the older one, whose late
 * results are dropped.
 */
#include "rg-owner-page.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rg-branch.h"
#include "rg-error.h"
#include "rg-chart-bars.h"
#include "rg-chart-heatmap.h"
#include "rg-chart-lines.h"
#include "rg-chart-pyramid.h"
#include "rg-feedback.h"
#include "rg-owner-load.h"
#include "rg-owner-pdf.h"
#include "rg-owner-table.h"
#include "rg-report-export.h"
#include "rg-ui-format.h"

/* Below this width a tab puts its tables under the chart. */
#define WIDE_WIDTH 1000

/* The most bars a chart of dishes shows. */
#define MAX_DISH_BARS 12

struct _RgOwnerPage
{
  GtkWidget parent_instance;

  /* owned */
  RgSession      *session;
  GCancellable   *cancellable;            /* the load in progress */
  RgReport       *reports[RG_REPORT_N_KINDS];
  RgReport       *tiers_by_profit;
  GListModel     *low_ratings;            /* RgFeedback */
  GPtrArray      *branch_ids;             /* of the branch picker; NULL first */
  gchar          *from;
  gchar          *to;
  gchar          *error_message;
  gboolean        stale[RG_REPORT_N_KINDS]; /* a hidden tab to redo when shown */
  guint           pending;                /* jobs of the load not yet back */
  guint           relayout_source;
  gboolean        wide;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwViewStack    *view_stack;
  GtkSpinner      *spinner;
  GtkDropDown     *range_dropdown;
  GtkDropDown     *branch_dropdown;
  GtkEditable     *from_entry;
  GtkEditable     *to_entry;
  GtkLabel        *range_label;
  GtkLabel        *error_label;
  GtkBox          *tab_boxes[RG_REPORT_N_KINDS];
  GtkBox          *tab_tables[RG_REPORT_N_KINDS];
  RgChart         *charts[RG_REPORT_N_KINDS];
  GtkToggleButton *peak_covers;
  GtkToggleButton *peak_visits;
  GtkToggleButton *peak_revenue;
  GtkToggleButton *dishes_revenue;
  GtkToggleButton *dishes_margin;
  GtkToggleButton *tiers_spend;
  GtkToggleButton *tiers_profit;
  GtkToggleButton *revenue_days;
  GtkToggleButton *revenue_weeks;
  GtkToggleButton *revenue_months;
};

G_DEFINE_FINAL_TYPE (RgOwnerPage, rg_owner_page, GTK_TYPE_WIDGET)

/* The tables of each tab, in the order they show. */
static const RgOwnerTableSpec table_specs[] = {
  { RG_REPORT_PEAK, "busiest", N_("Busiest Slots"), NULL,
    { RG_MEASURE_RANK, RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE }, 4,
    { RG_MEASURE_RANK, RG_MEASURE_COVERS }, 2 },
  { RG_REPORT_DISHES, "items", N_("Dishes and Margins"), N_("Category"),
    { RG_MEASURE_QTY, RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_MARGIN_PCT, RG_MEASURE_SHARE_PCT }, 5 },
  { RG_REPORT_DISHES, "high-margin-low-sales", N_("High Margin, Selling Too Little"), NULL,
    { RG_MEASURE_QTY, RG_MEASURE_MARGIN_PCT }, 2 },
  { RG_REPORT_DISHES, "popular-low-margin", N_("Popular, Earning Little"), NULL,
    { RG_MEASURE_QTY, RG_MEASURE_MARGIN_PCT }, 2 },
  { RG_REPORT_TIERS, "tiers", N_("Tiers"), NULL,
    { RG_MEASURE_GUESTS, RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_SHARE_PCT }, 4 },
  { RG_REPORT_TIERS, "lapsed", N_("Lapsed Regulars to Win Back"), NULL,
    { RG_MEASURE_VISITS, RG_MEASURE_REVENUE, RG_MEASURE_DAYS }, 3 },
  { RG_REPORT_TIERS, "dates", N_("Birthdays and Anniversaries Coming"), N_("Occasion"),
    { RG_MEASURE_DAYS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE }, 3 },
  { RG_REPORT_TIERS, "counts", N_("Guests"), NULL, { RG_MEASURE_GUESTS }, 1 },
  { RG_REPORT_RFM, "segments", N_("RFM Segments"), NULL,
    { RG_MEASURE_GUESTS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE, RG_MEASURE_R, RG_MEASURE_F, RG_MEASURE_M }, 6 },
  { RG_REPORT_RFM, "visits", N_("New and Returning Visits"), NULL,
    { RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE }, 3 },
  { RG_REPORT_SERVICE, "tables", N_("Tables"), N_("Zone"),
    { RG_MEASURE_VISITS, RG_MEASURE_TURNOVER, RG_MEASURE_DINE_MIN, RG_MEASURE_REVENUE }, 4 },
  { RG_REPORT_SERVICE, "party", N_("Spend per Cover by Party Size"), NULL,
    { RG_MEASURE_VISITS, RG_MEASURE_SPEND_PER_COVER, RG_MEASURE_DINE_MIN }, 3 },
  { RG_REPORT_FEEDBACK, "lowest-dishes", N_("Lowest-Rated Dishes"), NULL,
    { RG_MEASURE_RATINGS, RG_MEASURE_RATING_AVG }, 2 },
  { RG_REPORT_FEEDBACK, "lowest-tables", N_("Lowest-Rated Tables"), NULL,
    { RG_MEASURE_RATINGS, RG_MEASURE_RATING_AVG }, 2 },
  { RG_REPORT_REVENUE, "days", N_("Revenue by Day"), NULL,
    { RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_VISITS, RG_MEASURE_COVERS }, 4 },
  { RG_REPORT_REVENUE, "weeks", N_("Revenue by Week"), NULL,
    { RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_VISITS, RG_MEASURE_COVERS }, 4 },
  { RG_REPORT_REVENUE, "months", N_("Revenue by Month"), NULL,
    { RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_VISITS, RG_MEASURE_MOM_PCT }, 4 },
};

/* --------------------------------------------------------------- helpers */

static RgReportKind
visible_kind (RgOwnerPage *self)
{
  RgReportKind kind = RG_REPORT_PEAK;

  rg_report_kind_from_string (adw_view_stack_get_visible_child_name (self->view_stack), &kind);
  return kind;
}

static const gchar *
revenue_section (RgOwnerPage *self)
{
  if (gtk_toggle_button_get_active (self->revenue_months))
    return "months";
  if (gtk_toggle_button_get_active (self->revenue_weeks))
    return "weeks";
  return "days";
}

/* The tiers report shown: by profit or by spend. */
static RgReport *
shown_report (RgOwnerPage  *self,
              RgReportKind  kind)
{
  if (kind == RG_REPORT_TIERS && gtk_toggle_button_get_active (self->tiers_profit))
    return self->tiers_by_profit;
  return self->reports[kind];
}

/* Whether @spec is among the tables shown now (revenue shows the one of
 * the chosen buckets). */
static gboolean
spec_shown (RgOwnerPage            *self,
            const RgOwnerTableSpec *spec)
{
  return spec->kind != RG_REPORT_REVENUE || g_strcmp0 (spec->section, revenue_section (self)) == 0;
}

/* The dishes with the most of @measure, the most first. */
static GListModel *
top_rows (GListModel *rows,
          RgMeasure   measure,
          guint       limit)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (RG_TYPE_REPORT_ROW);
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (rows, i));
  for (guint i = 1; i < sorted->len; i++)
    for (guint j = i; j > 0 && rg_report_row_get_value (sorted->pdata[j], measure) >
                               rg_report_row_get_value (sorted->pdata[j - 1], measure); j--)
      {
        gpointer swap = sorted->pdata[j];

        sorted->pdata[j] = sorted->pdata[j - 1];
        sorted->pdata[j - 1] = swap;
      }
  for (guint i = 0; i < MIN (limit, sorted->len); i++)
    g_list_store_append (store, sorted->pdata[i]);
  return G_LIST_MODEL (store);
}

static void
update_chart (RgOwnerPage  *self,
              RgReportKind  kind)
{
  RgReport *report = shown_report (self, kind);
  RgChart *chart = self->charts[kind];
  g_autoptr(GListModel) top = NULL;
  RgMeasure measure;

  if (report == NULL)
    {
      rg_chart_set_rows (chart, NULL, RG_MEASURE_REVENUE);
      return;
    }
  switch (kind)
    {
    case RG_REPORT_PEAK:
      measure = gtk_toggle_button_get_active (self->peak_visits) ? RG_MEASURE_VISITS
                : gtk_toggle_button_get_active (self->peak_revenue) ? RG_MEASURE_REVENUE : RG_MEASURE_COVERS;
      rg_chart_set_rows (chart, rg_report_get_section (report, "heatmap"), measure);
      break;
    case RG_REPORT_DISHES:
      measure = gtk_toggle_button_get_active (self->dishes_margin) ? RG_MEASURE_MARGIN : RG_MEASURE_REVENUE;
      top = top_rows (rg_report_get_section (report, "items"), measure, MAX_DISH_BARS);
      rg_chart_set_rows (chart, top, measure);
      break;
    case RG_REPORT_TIERS:
      measure = gtk_toggle_button_get_active (self->tiers_profit) ? RG_MEASURE_MARGIN : RG_MEASURE_REVENUE;
      rg_chart_set_rows (chart, rg_report_get_section (report, "tiers"), measure);
      break;
    case RG_REPORT_RFM:
      rg_chart_set_rows (chart, rg_report_get_section (report, "segments"), RG_MEASURE_GUESTS);
      break;
    case RG_REPORT_SERVICE:
      rg_chart_set_rows (chart, rg_report_get_section (report, "hours"), RG_MEASURE_COVERS);
      break;
    case RG_REPORT_FEEDBACK:
      rg_chart_set_rows (chart, rg_report_get_section (report, "aspects"), RG_MEASURE_RATING_AVG);
      break;
    case RG_REPORT_REVENUE:
    default:
      rg_chart_set_rows (chart, rg_report_get_section (report, revenue_section (self)), RG_MEASURE_REVENUE);
      break;
    }
}

static GtkWidget *
make_low_ratings (GListModel *ratings)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Low Ratings"));
  GtkWidget *list = gtk_list_box_new ();
  guint n = g_list_model_get_n_items (ratings);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgFeedback) feedback = g_list_model_get_item (ratings, i);
      g_autofree gchar *day = rg_ui_format_day (rg_feedback_get_created_ms (feedback));
      g_autofree gchar *title = NULL;
      const gchar *what = rg_feedback_get_item_name (feedback) ?: rg_feedback_get_table_name (feedback);
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a low rating, "★2 · Tiramisu · 3 Nov" */
      title = g_strdup_printf (_("★%d · %s · %s"), rg_feedback_get_rating (feedback),
                               what != NULL ? what : rg_feedback_aspect_to_string (rg_feedback_get_aspect (feedback)),
                               day);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rg_feedback_get_comment (feedback));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("Nothing in this period"));

      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (box), empty);
      g_object_ref_sink (list);
      g_object_unref (list);
      return box;
    }
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

static void
update_tables (RgOwnerPage  *self,
               RgReportKind  kind)
{
  GtkBox *box = self->tab_tables[kind];
  RgReport *report = shown_report (self, kind);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  if (report == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (table_specs); i++)
    if (table_specs[i].kind == kind && spec_shown (self, &table_specs[i]))
      gtk_box_append (box, rg_owner_table_new (&table_specs[i],
                                               rg_report_get_section (report, table_specs[i].section)));
  if (kind == RG_REPORT_FEEDBACK && self->low_ratings != NULL)
    gtk_box_append (box, make_low_ratings (self->low_ratings));
}

static void
update_tab (RgOwnerPage  *self,
            RgReportKind  kind)
{
  update_chart (self, kind);
  update_tables (self, kind);
  self->stale[kind] = FALSE;
}

/* Redraws the tab of @kind if it is in view, or marks it to be redone when
 * it is: building the tables of hidden tabs would delay the first chart. */
static void
refresh_tab (RgOwnerPage  *self,
             RgReportKind  kind)
{
  if (kind == visible_kind (self))
    update_tab (self, kind);
  else
    self->stale[kind] = TRUE;
}

static void
update_export (RgOwnerPage *self)
{
  gboolean ready = shown_report (self, visible_kind (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "owner.export-csv", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "owner.export-pdf", ready);
}

static void
show_error (RgOwnerPage *self,
            const gchar *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gchar *
dup_branch_name (RgOwnerPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->branch_dropdown);
  GListModel *names = gtk_drop_down_get_model (self->branch_dropdown);

  if (names == NULL || selected >= g_list_model_get_n_items (names))
    return g_strdup (_("All branches"));
  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
}

/* "2026-10-01 to 2026-10-28 · All branches" */
static gchar *
dup_subtitle (RgOwnerPage *self)
{
  g_autofree gchar *branch = dup_branch_name (self);

  /* Translators: under a printed report's title: first day, last day, branch */
  return g_strdup_printf (_("%s to %s · %s"), self->from, self->to, branch);
}

static void on_branch_dropdown_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, RgOwnerPage *self);

/* ------------------------------------------------------------ the loads */

static void
on_load_job_done_cb (GObject      *owner,
             guint         job,
             RgReport     *report,
             GListModel   *list,
             const GError *error)
{
  RgOwnerPage *self = RG_OWNER_PAGE (owner);

  if (error != NULL)
    {
      show_error (self, error->message);
      /* Without the permission nothing else will come. */
      if (g_error_matches (error, RG_ERROR, RG_ERROR_PERMISSION))
        g_cancellable_cancel (self->cancellable);
      return;
    }
  if (job == RG_OWNER_JOB_LOW_RATINGS)
    {
      g_set_object (&self->low_ratings, list);
      refresh_tab (self, RG_REPORT_FEEDBACK);
    }
  else if (job == RG_OWNER_JOB_TIERS_BY_PROFIT)
    {
      g_set_object (&self->tiers_by_profit, report);
      if (gtk_toggle_button_get_active (self->tiers_profit))
        refresh_tab (self, RG_REPORT_TIERS);
    }
  else
    {
      g_autofree gchar *before = NULL;

      g_set_object (&self->reports[job], report);
      refresh_tab (self, (RgReportKind) job);
      /* Translators: beside the range picker, the period compared with */
      before = g_strdup_printf (_("Compared with %s to %s"), rg_report_get_previous_from (report),
                                rg_report_get_previous_to (report));
      if (job != RG_REPORT_TIERS && job != RG_REPORT_RFM)
        gtk_label_set_label (self->range_label, before);
    }
  update_export (self);
}

static void
on_load_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RgOwnerPage *self = RG_OWNER_PAGE (source_object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* A load replaced by a newer one, or of a page being destroyed. */
  if (cancellable != self->cancellable)
    return;
  self->pending = 0;
  gtk_spinner_stop (self->spinner);
}

/* Starts a new load of every report; the visible tab's report comes first. */
static void
reload (RgOwnerPage *self)
{
  RgOwnerLoadRequest request = { NULL, };

  if (self->session == NULL || self->from == NULL || self->to == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    g_clear_object (&self->reports[k]);
  g_clear_object (&self->tiers_by_profit);
  g_clear_object (&self->low_ratings);
  show_error (self, NULL);
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    refresh_tab (self, (RgReportKind) k);
  update_export (self);

  request.path = rg_db_get_path (rg_session_get_db (self->session));
  request.staff_id = rg_session_get_staff_id (self->session);
  request.branch_id = rg_owner_page_get_branch_id (self);
  request.from = self->from;
  request.to = self->to;
  request.first = visible_kind (self);
  self->pending = RG_OWNER_N_JOBS;
  gtk_spinner_start (self->spinner);
  rg_owner_load_start (G_OBJECT (self), &request, self->cancellable, on_load_job_done_cb, on_load_done_cb, NULL);
}

/* ---------------------------------------------------------- date ranges */

static GDateTime *
today (RgOwnerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (self->session != NULL && rg_session_get_branch_id (self->session) != NULL)
    branch = rg_branch_get (rg_session_get_db (self->session), rg_session_get_branch_id (self->session), &error);
  tz = branch != NULL ? rg_branch_dup_time_zone (branch) : g_time_zone_new_local ();
  return g_date_time_new_now (tz);
}

static gchar *
format_day (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

static void
preset_days (RgOwnerPage  *self,
             RgOwnerRange  range,
             gchar       **from,
             gchar       **to)
{
  g_autoptr(GDateTime) now = today (self);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = g_date_time_ref (now);

  switch (range)
    {
    case RG_OWNER_RANGE_THIS_WEEK:
      first = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
      break;
    case RG_OWNER_RANGE_THIS_MONTH:
      first = g_date_time_add_days (now, 1 - g_date_time_get_day_of_month (now));
      break;
    case RG_OWNER_RANGE_LAST_MONTH:
      g_clear_pointer (&last, g_date_time_unref);
      last = g_date_time_add_days (now, -g_date_time_get_day_of_month (now));
      first = g_date_time_add_days (last, 1 - g_date_time_get_day_of_month (last));
      break;
    case RG_OWNER_RANGE_THIS_YEAR:
      first = g_date_time_add_days (now, 1 - g_date_time_get_day_of_year (now));
      break;
    case RG_OWNER_RANGE_LAST_4_WEEKS:
    case RG_OWNER_RANGE_CUSTOM:
    default:
      first = g_date_time_add_days (now, -27);
      break;
    }
  *from = format_day (first);
  *to = format_day (last);
}

static void
apply_days (RgOwnerPage *self,
            gchar       *from,
            gchar       *to)
{
  g_free (self->from);
  g_free (self->to);
  self->from = from;
  self->to = to;
  gtk_editable_set_text (self->from_entry, from);
  gtk_editable_set_text (self->to_entry, to);
  reload (self);
}

static void
fill_branches (RgOwnerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) branches = rg_branch_list (rg_session_get_db (self->session), &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->branch_ids, 0);
  gtk_string_list_append (names, _("All branches"));
  g_ptr_array_add (self->branch_ids, NULL);
  for (guint i = 0; branches != NULL && i < g_list_model_get_n_items (branches); i++)
    {
      g_autoptr(RgBranch) branch = g_list_model_get_item (branches, i);

      gtk_string_list_append (names, rg_branch_get_name (branch));
      g_ptr_array_add (self->branch_ids, g_strdup (rg_branch_get_id (branch)));
    }
  if (error != NULL)
    show_error (self, error->message);
  g_signal_handlers_block_by_func (self->branch_dropdown, on_branch_dropdown_selected_cb, self);
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->branch_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->branch_dropdown, on_branch_dropdown_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->branch_dropdown), self->branch_ids->len > 2);
}

/* ------------------------------------------------------------- callbacks */

static void
on_range_dropdown_selected_cb (GtkDropDown *dropdown,
                               GParamSpec  *pspec,
                               RgOwnerPage *self)
{
  RgOwnerRange range = gtk_drop_down_get_selected (dropdown);
  gchar *from, *to;

  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), range == RG_OWNER_RANGE_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), range == RG_OWNER_RANGE_CUSTOM);
  if (range == RG_OWNER_RANGE_CUSTOM)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
      return;
    }
  preset_days (self, range, &from, &to);
  apply_days (self, from, to);
}

static void
on_date_entry_activate_cb (GtkEntry    *entry,
                           RgOwnerPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_owner_page_set_days (self, gtk_editable_get_text (self->from_entry),
                               gtk_editable_get_text (self->to_entry), &error))
    show_error (self, error->message);
}

static void
on_branch_dropdown_selected_cb (GtkDropDown *dropdown,
                                GParamSpec  *pspec,
                                RgOwnerPage *self)
{
  reload (self);
}

static void
on_toggle_toggled_cb (GtkToggleButton *button,
                      RgOwnerPage     *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    if (gtk_widget_is_ancestor (GTK_WIDGET (button), GTK_WIDGET (self->tab_boxes[k])))
      update_tab (self, (RgReportKind) k);
  update_export (self);
}

static void
on_view_stack_visible_child_cb (AdwViewStack *stack,
                                GParamSpec   *pspec,
                                RgOwnerPage  *self)
{
  RgReportKind kind = visible_kind (self);

  if (self->stale[kind])
    update_tab (self, kind);
  update_export (self);
}

static gboolean
relayout_cb (gpointer user_data)
{
  RgOwnerPage *self = user_data;

  self->relayout_source = 0;
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->tab_boxes[k]),
                                    self->wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  return G_SOURCE_REMOVE;
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       gint             response,
                       RgOwnerPage     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree gchar *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pdf"));
  gboolean saved;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  saved = pdf ? rg_owner_page_export_pdf (self, path, &error) : rg_owner_page_export_csv (self, path, &error);
  if (saved)
    {
      g_autofree gchar *name = g_file_get_basename (file);
      /* Translators: after an export, "Saved peak-2026-11-01.pdf" */
      g_autofree gchar *message = g_strdup_printf (_("Saved %s"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  RgOwnerPage *self = RG_OWNER_PAGE (widget);
  gboolean pdf = g_str_has_suffix (action_name, "pdf");
  GtkFileChooserNative *dialog;
  g_autofree gchar *name = g_strdup_printf ("%s-%s-%s.%s", rg_report_kind_to_string (visible_kind (self)),
                                            self->from, self->to, pdf ? "pdf" : "csv");

  dialog = gtk_file_chooser_native_new (pdf ? _("Export as PDF") : _("Export as CSV"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------- overrides */

static void
rg_owner_page_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       gint            for_size,
                       gint           *minimum,
                       gint           *natural,
                       gint           *minimum_baseline,
                       gint           *natural_baseline)
{
  RgOwnerPage *self = RG_OWNER_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
rg_owner_page_size_allocate (GtkWidget *widget,
                             gint       width,
                             gint       height,
                             gint       baseline)
{
  RgOwnerPage *self = RG_OWNER_PAGE (widget);
  gboolean wide = width >= WIDE_WIDTH;

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);
  /* Changing the layout while allocating would ask for another
   * allocation: do it right after. */
  if (wide != self->wide && self->relayout_source == 0)
    {
      self->wide = wide;
      self->relayout_source = g_idle_add (relayout_cb, self);
    }
}

static void
rg_owner_page_dispose (GObject *object)
{
  RgOwnerPage *self = RG_OWNER_PAGE (object);

  /* A load still running finds no cancellable of its own: it is over. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->relayout_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_OWNER_PAGE);
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    g_clear_object (&self->reports[k]);
  g_clear_object (&self->tiers_by_profit);
  g_clear_object (&self->low_ratings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rg_owner_page_parent_class)->dispose (object);
}

static void
rg_owner_page_finalize (GObject *object)
{
  RgOwnerPage *self = RG_OWNER_PAGE (object);

  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->branch_ids);
  g_free (self->from);
  g_free (self->to);
  g_free (self->error_message);

  G_OBJECT_CLASS (rg_owner_page_parent_class)->finalize (object);
}

static void
rg_owner_page_class_init (RgOwnerPageClass *klass)
{
  static const gchar * const kinds[RG_REPORT_N_KINDS] = {
    "peak", "dishes", "tiers", "rfm", "service", "feedback", "revenue",
  };
  static const gchar * const charts[RG_REPORT_N_KINDS] = {
    "heatmap", "dishes_chart", "pyramid", "rfm_chart", "service_chart", "feedback_chart", "lines",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_owner_page_dispose;
  object_class->finalize = rg_owner_page_finalize;
  widget_class->measure = rg_owner_page_measure;
  widget_class->size_allocate = rg_owner_page_size_allocate;

  g_type_ensure (RG_TYPE_CHART_HEATMAP);
  g_type_ensure (RG_TYPE_CHART_BARS);
  g_type_ensure (RG_TYPE_CHART_LINES);
  g_type_ensure (RG_TYPE_CHART_PYRAMID);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-owner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, peak_covers);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, peak_visits);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, peak_revenue);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, dishes_revenue);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, dishes_margin);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, tiers_spend);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, tiers_profit);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, revenue_days);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, revenue_weeks);
  gtk_widget_class_bind_template_child (widget_class, RgOwnerPage, revenue_months);
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    {
      g_autofree gchar *box = g_strdup_printf ("%s_box", kinds[k]);
      g_autofree gchar *tables = g_strdup_printf ("%s_tables", kinds[k]);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (box), FALSE,
                                                 G_STRUCT_OFFSET (RgOwnerPage, tab_boxes) + k * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (tables), FALSE,
                                                 G_STRUCT_OFFSET (RgOwnerPage, tab_tables) + k * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, charts[k], FALSE,
                                                 G_STRUCT_OFFSET (RgOwnerPage, charts) + k * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_range_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_toggle_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "owner.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "owner.export-pdf", NULL, export_action);
}

static void
rg_owner_page_init (RgOwnerPage *self)
{
  static const gchar * const ranges[] = {
    N_("This week"), N_("Last 4 weeks"), N_("This month"), N_("Last month"), N_("This year"), N_("Custom"),
  };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->branch_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    gtk_string_list_append (names, _(ranges[i]));
  g_signal_handlers_block_by_func (self->range_dropdown, on_range_dropdown_selected_cb, self);
  gtk_drop_down_set_model (self->range_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->range_dropdown, RG_OWNER_RANGE_LAST_4_WEEKS);
  g_signal_handlers_unblock_by_func (self->range_dropdown, on_range_dropdown_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), FALSE);
  rg_chart_lines_set_previous_name (RG_CHART_LINES (self->charts[RG_REPORT_REVENUE]), _("A year before"));
  update_export (self);
}

/* ------------------------------------------------------------ public API */

/**
 * rg_owner_page_set_session:
 * @self: the page
 * @session: what the page reads through; it keeps a reference
 */
void
rg_owner_page_set_session (RgOwnerPage *self,
                           RgSession   *session)
{
  g_return_if_fail (RG_IS_OWNER_PAGE (self));
  g_return_if_fail (RG_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/**
 * rg_owner_page_open:
 * @self: the page
 *
 * Shows the page afresh: the branches of the picker, the range of the
 * chosen preset, and every report loading in the background.  Staff who
 * may not view reports get the reason instead.
 */
void
rg_owner_page_open (RgOwnerPage *self)
{
  RgOwnerRange range;
  gchar *from, *to;

  g_return_if_fail (RG_IS_OWNER_PAGE (self));
  g_return_if_fail (self->session != NULL);

  fill_branches (self);
  range = gtk_drop_down_get_selected (self->range_dropdown);
  if (range == RG_OWNER_RANGE_CUSTOM && self->from != NULL)
    {
      reload (self);
      return;
    }
  preset_days (self, range, &from, &to);
  apply_days (self, from, to);
}

/* Picks a preset as the range picker does. */
void
rg_owner_page_set_range (RgOwnerPage  *self,
                         RgOwnerRange  range)
{
  g_return_if_fail (RG_IS_OWNER_PAGE (self));

  gtk_drop_down_set_selected (self->range_dropdown, range);
}

/**
 * rg_owner_page_set_days:
 * @self: the page
 * @from: the first day, YYYY-MM-DD
 * @to: the last day, YYYY-MM-DD, not before @from
 * @error: return location for a #GError
 *
 * Reports on a custom range, as typing it in the two date fields does.
 *
 * Returns: %FALSE with %RG_ERROR_INVALID when a day is not a real
 *   YYYY-MM-DD date or @to is before @from; the range is then unchanged.
 */
gboolean
rg_owner_page_set_days (RgOwnerPage  *self,
                        const gchar  *from,
                        const gchar  *to,
                        GError      **error)
{
  const gchar *days[2] = { from, to };

  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  for (guint i = 0; i < 2; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (strlen (days[i]) == 10 && days[i][4] == '-' && days[i][7] == '-')
        g_date_set_parse (&date, days[i]);
      if (!g_date_valid (&date) || !g_date_valid_dmy (atoi (days[i] + 8), atoi (days[i] + 5), atoi (days[i])))
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID, _("“%s” is not a day: write it as YYYY-MM-DD."),
                       g_utf8_validate (days[i], -1, NULL) ? days[i] : "?");
          return FALSE;
        }
    }
  if (strcmp (from, to) > 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, _("The last day %s is before the first day %s."), to, from);
      return FALSE;
    }
  g_signal_handlers_block_by_func (self->range_dropdown, on_range_dropdown_selected_cb, self);
  gtk_drop_down_set_selected (self->range_dropdown, RG_OWNER_RANGE_CUSTOM);
  g_signal_handlers_unblock_by_func (self->range_dropdown, on_range_dropdown_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), TRUE);
  apply_days (self, g_strdup (from), g_strdup (to));
  return TRUE;
}

const gchar *
rg_owner_page_get_from (RgOwnerPage *self)
{
  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), NULL);
  return self->from;
}

const gchar *
rg_owner_page_get_to (RgOwnerPage *self)
{
  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), NULL);
  return self->to;
}

/* The branch picked, %NULL for all. */
const gchar *
rg_owner_page_get_branch_id (RgOwnerPage *self)
{
  guint selected;

  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), NULL);

  selected = gtk_drop_down_get_selected (self->branch_dropdown);
  return selected < self->branch_ids->len ? self->branch_ids->pdata[selected] : NULL;
}

/* Whether reports of the current range are still being made. */
gboolean
rg_owner_page_is_loading (RgOwnerPage *self)
{
  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), FALSE);
  return self->pending > 0;
}

/* Shows the tab of @kind. */
void
rg_owner_page_show_report (RgOwnerPage  *self,
                           RgReportKind  kind)
{
  g_return_if_fail (RG_IS_OWNER_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, rg_report_kind_to_string (kind));
}

/**
 * rg_owner_page_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown in the tab of
 *   @kind (the tiers by profit when that is chosen), %NULL until it is made.
 */
RgReport *
rg_owner_page_get_report (RgOwnerPage  *self,
                          RgReportKind  kind)
{
  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), NULL);
  g_return_val_if_fail (kind < RG_REPORT_N_KINDS, NULL);

  return shown_report (self, kind);
}

/**
 * rg_owner_page_get_chart:
 *
 * Returns: (transfer none): the chart of the tab of @kind.
 */
RgChart *
rg_owner_page_get_chart (RgOwnerPage  *self,
                         RgReportKind  kind)
{
  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), NULL);
  g_return_val_if_fail (kind < RG_REPORT_N_KINDS, NULL);

  return self->charts[kind];
}

/* The message shown for the last failure, %NULL when all went well. */
const gchar *
rg_owner_page_get_error (RgOwnerPage *self)
{
  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), NULL);
  return self->error_message;
}

/**
 * rg_owner_page_export_csv:
 * @self: the page
 * @path: (type filename): the file to write
 * @error: return location for a #GError
 *
 * Saves the visible tab's report as `regulars-cli report KIND --format
 * csv` prints it, as rg_report_export() lets it out.
 *
 * Returns: %FALSE with %RG_ERROR_NOT_FOUND while the report is not made
 *   yet, %RG_ERROR_PERMISSION for staff who may not export, or
 *   %RG_ERROR_IO when the file cannot be written.
 */
gboolean
rg_owner_page_export_csv (RgOwnerPage  *self,
                          const gchar  *path,
                          GError      **error)
{
  RgReport *report;
  g_autoptr(RgReport) exported = NULL;

  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), FALSE);

  report = shown_report (self, visible_kind (self));
  if (report == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, _("The report is still being made: export it in a moment."));
      return FALSE;
    }
  exported = rg_report_export (rg_session_get_db (self->session), rg_session_get_staff_id (self->session),
                               report, error);
  return exported != NULL && rg_report_write_csv (exported, path, error);
}

/**
 * rg_owner_page_export_pdf:
 * @self: the page
 * @path: (type filename): the file to write
 * @error: return location for a #GError
 *
 * Prints the visible tab (its title, the range and branch, the chart and
 * the tables, as rg_report_export() lets them out) to an A4 PDF.
 *
 * Returns: %FALSE with %RG_ERROR_NOT_FOUND while the report is not made
 *   yet, %RG_ERROR_PERMISSION for staff who may not export, or
 *   %RG_ERROR_IO when the file cannot be written.
 */
gboolean
rg_owner_page_export_pdf (RgOwnerPage  *self,
                          const gchar  *path,
                          GError      **error)
{
  RgReportKind kind;
  RgReport *report;
  g_autoptr(RgReport) exported = NULL;
  AdwViewStackPage *page;
  g_autofree gchar *subtitle = NULL;
  g_autoptr(GArray) specs = g_array_new (FALSE, FALSE, sizeof (RgOwnerTableSpec));

  g_return_val_if_fail (RG_IS_OWNER_PAGE (self), FALSE);

  kind = visible_kind (self);
  report = shown_report (self, kind);
  if (report == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, _("The report is still being made: export it in a moment."));
      return FALSE;
    }
  exported = rg_report_export (rg_session_get_db (self->session), rg_session_get_staff_id (self->session),
                               report, error);
  if (exported == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (table_specs); i++)
    if (table_specs[i].kind == kind && spec_shown (self, &table_specs[i]))
      g_array_append_val (specs, table_specs[i]);
  page = adw_view_stack_get_page (self->view_stack, adw_view_stack_get_visible_child (self->view_stack));
  subtitle = dup_subtitle (self);
  return rg_owner_pdf_write (path, adw_view_stack_page_get_title (page), subtitle, self->charts[kind], exported,
                             (const RgOwnerTableSpec *) specs->data, specs->len, error);
}
