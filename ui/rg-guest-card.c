/* rg-guest-card.c — filling the guest card from the core.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card is read on the main thread: a guest, their preferences and
 * their last visits are a handful of indexed reads, well inside a frame.
 * Only the lookup that finds the guest among a million runs in a thread.
 * The tier badge reads the day's cut of the spend pyramid, which the lookup
 * page's thread works out when the app starts.  A card opened before that
 * (or on the first card of a new day) never works the cut out itself: it
 * shows no tier badge, has a thread of its own make the cut, and shows the
 * badge when the thread is done, if the card still shows that guest.
 *
 * Suggestions follow the uplift experiment (rg-recommend-log.h): a guest
 * in the holdout never sees them, and while the guest is seated they are
 * logged for the open visit, once per visit and card.
 */
#include "rg-guest-card.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rg-branch.h"
#include "rg-guest.h"
#include "rg-id.h"
#include "rg-phone.h"
#include "rg-prefs.h"
#include "rg-recommend-log.h"
#include "rg-ui-format.h"
#include "rg-visit.h"

#define HISTORY_LIMIT     20
#define RECOMMEND_LIMIT    4
#define OCCASION_AHEAD    14   /* days before a birthday it shows */
#define OCCASION_BEHIND    3   /* days after */

struct _RgGuestCard
{
  GtkWidget parent_instance;

  /* owned */
  RgSession      *session;
  RgRecommender  *recommender;
  gchar          *guest_id;
  gchar          *guest_name;
  gchar          *greeting;
  gchar          *open_visit_id;     /* the guest's visit in progress */
  GHashTable     *logged_visits;     /* ids of the visits whose suggestions are logged */
  GCancellable   *tier_cancellable;  /* the thread finding the shown guest's tier */

  /* template children */
  GtkWidget      *scroller;
  AdwAvatar      *avatar;
  GtkLabel       *greeting_label;
  GtkLabel       *facts_label;
  GtkLabel       *vip_badge;
  GtkLabel       *tier_badge;
  GtkWidget      *allergy_banner;
  GtkLabel       *allergy_label;
  GtkLabel       *occasion_label;
  GtkSpinButton  *party_spin;
  GtkBox         *columns;
  GtkListBox     *seating_list;
  GtkListBox     *dish_list;
  GtkFlowBox     *tag_box;
  GtkListBox     *note_list;
  GtkWidget      *recommend_heading;
  GtkListBox     *recommend_list;
  GtkListBox     *visit_list;
};

G_DEFINE_FINAL_TYPE (RgGuestCard, rg_guest_card, GTK_TYPE_WIDGET)

enum {
  SEAT_REQUESTED,
  EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --------------------------------------------------------------- helpers */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_row (GtkListBox  *list,
         const gchar *title,
         const gchar *subtitle,
         const gchar *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The subtitle wraps whole: a line limit makes GTK 4.8's label wrap and
   * ellipsize at once, whose minimum width can exceed its natural width,
   * and some visits' text then sent the card's layout into a loop. */
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (css_class != NULL)
    gtk_widget_add_css_class (row, css_class);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
  return row;
}

static void
add_empty_row (GtkListBox  *list,
               const gchar *text)
{
  GtkWidget *row = add_row (list, text, NULL, NULL);

  gtk_widget_add_css_class (row, "dim-label");
}

/* How the host addresses the guest: "Mr Zhang" when a title and family
 * name are known, else the name they go by. */
static gchar *
dup_address (RgGuest *guest)
{
  const gchar *title = rg_guest_get_title (guest);
  const gchar *family = rg_guest_get_family_name (guest);

  if (title != NULL && family != NULL)
    /* Translators: a title and a family name, "Mr Zhang"; Chinese puts
     * the family name first: "%2$s%1$s" gives "张先生" */
    return g_strdup_printf (C_("address", "%1$s %2$s"), title, family);
  if (title != NULL)
    return g_strdup_printf (C_("address", "%1$s %2$s"), title, rg_guest_get_name (guest));
  return g_strdup (rg_guest_get_name (guest));
}

static gchar *
dup_greeting (RgGuest *guest)
{
  g_autofree gchar *address = dup_address (guest);
  guint visits = rg_guest_get_visit_count (guest);
  g_autofree gchar *nth = NULL;
  g_autofree gchar *last = NULL;

  if (visits == 0 || rg_guest_get_last_visit_ms (guest) == 0)
    /* Translators: greeting a guest on their first visit */
    return g_strdup_printf (_("Welcome, %s — first visit"), address);
  nth = rg_ui_format_nth_visit (visits + 1);
  last = rg_ui_format_day (rg_guest_get_last_visit_ms (guest));
  /* Translators: "Welcome back, Mr Zhang — 12th visit, last on 3 Nov" */
  return g_strdup_printf (_("Welcome back, %s — %s visit, last on %s"), address, nth, last);
}

static gchar *
dup_facts (RgGuestCard *self,
           RgGuest     *guest)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint visits = rg_guest_get_visit_count (guest);
  const gchar * const *phones = rg_guest_get_phones (guest);
  const gchar * const *cards = rg_guest_get_cards (guest);

  if (visits > 0)
    {
      g_autofree gchar *since = rg_ui_format_day (rg_guest_get_first_visit_ms (guest));
      g_autofree gchar *spend = rg_ui_format_money (rg_guest_get_total_spend (guest));

      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u visit since %s", "%u visits since %s", visits),
                                               visits, since));
      /* Translators: the guest's total spend, "spent ¥1234.00" */
      g_ptr_array_add (parts, g_strdup_printf (_("spent %s"), spend));
    }
  /* Hosts and waiters see the number masked; managers and owners in full. */
  if (phones[0] != NULL)
    g_ptr_array_add (parts, rg_session_may (self->session, RG_PERMISSION_SEE_PHONES)
                            ? rg_phone_format (phones[0]) : rg_phone_mask (phones[0]));
  if (cards[0] != NULL)
    /* Translators: a member card number */
    g_ptr_array_add (parts, g_strdup_printf (_("card %s"), cards[0]));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (gchar **) parts->pdata);
}

/* Days from today to the next "MM-DD" of @date ("YYYY-MM-DD" or
 * "--MM-DD"), negative when it was a few days ago; G_MAXINT when unknown. */
static gint
days_to_occasion (const gchar *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint month, day, year, best = G_MAXINT;

  if (date == NULL || strlen (date) < 7
      || sscanf (date + strlen (date) - 5, "%2d-%2d", &month, &day) != 2)
    return G_MAXINT;

  for (year = g_date_time_get_year (now) - 1; year <= g_date_time_get_year (now) + 1; year++)
    {
      g_autoptr(GDateTime) when = NULL;
      gint days;

      if (!g_date_valid_dmy (day, month, year))
        continue;
      when = g_date_time_new_local (year, month, day,
                                    g_date_time_get_hour (now), g_date_time_get_minute (now),
                                    g_date_time_get_seconds (now));
      days = (gint) (g_date_time_difference (when, now) / G_TIME_SPAN_DAY);
      if (days >= -OCCASION_BEHIND && days <= OCCASION_AHEAD && ABS (days) < ABS (best))
        best = days;
    }
  return best;
}

static gchar *
describe_occasion (const gchar *what,
                   gint         days)
{
  if (days == 0)
    /* Translators: "Birthday today!" */
    return g_strdup_printf (_("%s today!"), what);
  if (days > 0)
    return g_strdup_printf (ngettext ("%s in %d day", "%s in %d days", days), what, days);
  return g_strdup_printf (ngettext ("%s was %d day ago", "%s was %d days ago", -days), what, -days);
}

static void
show_occasions (RgGuestCard *self,
                RgGuest     *guest)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  gint birthday = days_to_occasion (rg_guest_get_birthday (guest));
  gint anniversary = days_to_occasion (rg_guest_get_anniversary (guest));
  g_autofree gchar *text = NULL;

  if (birthday != G_MAXINT)
    g_ptr_array_add (lines, describe_occasion (_("Birthday"), birthday));
  if (anniversary != G_MAXINT)
    g_ptr_array_add (lines, describe_occasion (_("Anniversary"), anniversary));
  g_ptr_array_add (lines, NULL);
  text = g_strjoinv ("\n", (gchar **) lines->pdata);
  gtk_label_set_label (self->occasion_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->occasion_label), *text != '\0');
}

static const gchar *
zone_label (const gchar *kind)
{
  static const struct { const gchar *kind; const gchar *label; } zones[] = {
    { "main", N_("Main hall") },
    { "window", N_("By the window") },
    { "booth", N_("Booth") },
    { "patio", N_("Patio") },
    { "bar", N_("At the bar") },
    { "quiet", N_("Quiet corner") },
    { "private", N_("Private room") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_strcmp0 (zones[i].kind, kind) == 0)
      return _(zones[i].label);
  return kind;
}

static const gchar *
severity_label (const gchar *severity)
{
  if (g_strcmp0 (severity, "anaphylactic") == 0)
    return _("anaphylactic");
  if (g_strcmp0 (severity, "mild") == 0)
    return _("mild");
  return _("severe");
}

static void
add_seating_fact (RgGuestCard *self,
                  RgGuestFact *fact)
{
  const gchar *detail = rg_guest_fact_get_detail (fact);
  g_autofree gchar *title = NULL;

  if (g_strcmp0 (detail, "table") == 0)
    /* Translators: a preferred table, "Table T2" */
    title = g_strdup_printf (_("Table %s"), rg_guest_fact_get_label (fact));
  else if (g_strcmp0 (detail, "zone") == 0)
    title = g_strdup (zone_label (rg_guest_fact_get_value (fact)));
  else
    title = g_strdup (rg_guest_fact_get_label (fact));
  if (rg_guest_fact_get_weight (fact) < 0)
    {
      g_autofree gchar *avoid = g_strdup_printf (_("Avoid: %s"), title);

      add_row (self->seating_list, avoid, rg_guest_fact_get_note (fact), "dislike");
    }
  else
    add_row (self->seating_list, title, rg_guest_fact_get_note (fact), NULL);
}

static void
add_dish_fact (RgGuestCard *self,
               RgGuestFact *fact)
{
  gboolean likes = g_strcmp0 (rg_guest_fact_get_detail (fact), "like") == 0;
  const gchar *note = rg_guest_fact_get_note (fact);
  g_autofree gchar *subtitle = NULL;

  subtitle = g_strconcat (likes ? _("Likes") : _("Dislikes"),
                          note != NULL ? " · " : "", note != NULL ? note : "", NULL);
  add_row (self->dish_list, rg_guest_fact_get_label (fact), subtitle, likes ? "like" : "dislike");
}

static void
add_tag (RgGuestCard *self,
         const gchar *text,
         const gchar *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  gtk_flow_box_append (self->tag_box, label);
}

static void
show_facts (RgGuestCard *self,
            RgDb        *db,
            RgGuest     *guest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) facts = rg_prefs_list_all (db, self->guest_id, &error);
  g_autoptr(GString) allergies = g_string_new (NULL);
  GtkWidget *child;
  guint n;

  clear_list (self->seating_list);
  clear_list (self->dish_list);
  clear_list (self->note_list);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_box))) != NULL)
    gtk_flow_box_remove (self->tag_box, child);

  if (*rg_guest_get_notes (guest) != '\0')
    add_row (self->note_list, rg_guest_get_notes (guest), NULL, NULL);

  n = facts != NULL ? g_list_model_get_n_items (facts) : 0;
  if (facts == NULL)
    add_empty_row (self->note_list, error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgGuestFact) fact = g_list_model_get_item (facts, i);
      g_autofree gchar *day = NULL;
      g_autofree gchar *link = NULL;

      switch (rg_guest_fact_get_kind (fact))
        {
        case RG_FACT_TAG:
          add_tag (self, rg_guest_fact_get_label (fact), "tag");
          break;
        case RG_FACT_ALLERGY:
          if (allergies->len > 0)
            g_string_append (allergies, "; ");
          /* Translators: an allergy on the guest card, "peanut (severe)" */
          g_string_append_printf (allergies, _("%s (%s)"), rg_guest_fact_get_value (fact),
                                  severity_label (rg_guest_fact_get_detail (fact)));
          if (rg_guest_fact_get_note (fact) != NULL)
            g_string_append_printf (allergies, " — %s", rg_guest_fact_get_note (fact));
          break;
        case RG_FACT_SEATING:
          add_seating_fact (self, fact);
          break;
        case RG_FACT_DISH:
          add_dish_fact (self, fact);
          break;
        case RG_FACT_NOTE:
          day = rg_ui_format_day (rg_guest_fact_get_created_ms (fact));
          add_row (self->note_list, rg_guest_fact_get_value (fact), day, NULL);
          break;
        case RG_FACT_LINK:
          /* Translators: a related guest, "partner: Li Na" */
          link = g_strdup_printf (_("%s: %s"), rg_guest_fact_get_detail (fact), rg_guest_fact_get_label (fact));
          add_tag (self, link, "tag");
          break;
        default:
          break;
        }
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->seating_list)) == NULL)
    add_empty_row (self->seating_list, _("No seating preference yet"));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->dish_list)) == NULL)
    add_empty_row (self->dish_list, _("No dish noted yet"));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->note_list)) == NULL)
    add_empty_row (self->note_list, _("No notes"));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->tag_box)) == NULL)
    add_tag (self, _("No tags yet"), "dim-label");

  if (allergies->len > 0)
    {
      /* Translators: the allergy banner, "ALLERGIES: peanut (severe)" */
      g_autofree gchar *text = g_strdup_printf (_("ALLERGIES: %s"), allergies->str);

      gtk_label_set_label (self->allergy_label, text);
    }
  gtk_widget_set_visible (self->allergy_banner, allergies->len > 0);
}

static void
show_visits (RgGuestCard *self,
             RgDb        *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) visits = rg_visit_list_for_guest (db, self->guest_id, 0, HISTORY_LIMIT, &error);
  guint n;

  clear_list (self->visit_list);
  g_clear_pointer (&self->open_visit_id, g_free);
  if (visits == NULL)
    {
      add_empty_row (self->visit_list, error->message);
      return;
    }
  n = g_list_model_get_n_items (visits);
  if (n == 0)
    add_empty_row (self->visit_list, _("No visits yet"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgVisit) visit = g_list_model_get_item (visits, i);
      g_autofree gchar *day = rg_ui_format_day (rg_visit_get_seated_ms (visit));
      g_autofree gchar *spend = rg_ui_format_money (rg_visit_get_subtotal (visit));
      g_autofree gchar *dishes = g_strjoinv (", ", (gchar **) rg_visit_get_dish_names (visit));
      g_autofree gchar *title = NULL;
      g_autofree gchar *subtitle = NULL;
      const gchar *feedback = rg_visit_get_feedback_summary (visit);
      const gchar *table = rg_visit_get_table_name (visit);

      /* Translators: one visit, "3 Nov · Riverside · T2 · party of 4" */
      title = g_strdup_printf (ngettext ("%s · %s · %s · party of %d", "%s · %s · %s · party of %d",
                                         rg_visit_get_party_size (visit)),
                               day, rg_visit_get_branch_name (visit),
                               table != NULL ? table : "—", rg_visit_get_party_size (visit));
      if (rg_visit_get_status (visit) == RG_VISIT_OPEN)
        {
          subtitle = g_strdup (_("Seated now"));
          if (self->open_visit_id == NULL)
            self->open_visit_id = g_strdup (rg_visit_get_id (visit));
        }
      else
        subtitle = g_strconcat (spend,
                                *dishes != '\0' ? " · " : "", dishes,
                                feedback != NULL ? " · " : "", feedback != NULL ? feedback : "",
                                NULL);
      add_row (self->visit_list, title, subtitle, NULL);
    }
}

static void
add_recommendations (RgGuestCard *self,
                     GListModel  *list)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgRecommendation) rec = g_list_model_get_item (list, i);

      add_row (self->recommend_list, rg_recommendation_get_name (rec), rg_recommendation_get_reason (rec), NULL);
    }
}

/* Logs the suggestions for the open visit the first time they are made for
 * it; returns whether they may be shown. */
static gboolean
log_suggestions (RgGuestCard  *self,
                 RgDb         *db,
                 GListModel   *usual,
                 GListModel   *fresh,
                 GError      **error)
{
  gboolean show = TRUE;

  if (self->open_visit_id == NULL || g_hash_table_contains (self->logged_visits, self->open_visit_id))
    return !rg_recommend_is_holdout (db, self->guest_id, self->open_visit_id);
  if (!rg_recommend_log (db, self->open_visit_id, self->guest_id, usual, fresh, &show, error))
    return FALSE;
  g_hash_table_add (self->logged_visits, g_strdup (self->open_visit_id));
  return show;
}

static void
show_recommendations (RgGuestCard *self,
                      RgDb        *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(RgBranch) branch = NULL;
  RgDaypart daypart;
  gboolean show;

  clear_list (self->recommend_list);
  gtk_widget_set_visible (self->recommend_heading, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->recommend_list), TRUE);
  if (self->recommender == NULL)
    {
      add_empty_row (self->recommend_list, _("Recommendations are being prepared…"));
      return;
    }
  branch = rg_branch_get (db, rg_session_get_branch_id (self->session), NULL);
  daypart = rg_daypart_for_time (rg_now_ms (), branch != NULL ? rg_branch_get_tz (branch) : "UTC");
  if (!rg_recommender_for_guest (self->recommender, db, self->guest_id, daypart,
                                 RECOMMEND_LIMIT, &usual, &fresh, &error))
    {
      add_empty_row (self->recommend_list, error->message);
      return;
    }
  show = log_suggestions (self, db, usual, fresh, &error);
  if (error != NULL)
    {
      add_empty_row (self->recommend_list, error->message);
      return;
    }
  gtk_widget_set_visible (self->recommend_heading, show);
  gtk_widget_set_visible (GTK_WIDGET (self->recommend_list), show);
  if (!show)
    return;
  add_recommendations (self, usual);
  add_recommendations (self, fresh);
  if (g_list_model_get_n_items (usual) + g_list_model_get_n_items (fresh) == 0)
    add_empty_row (self->recommend_list, _("Nothing to recommend yet"));
}

/* Runs in a thread on a connection of its own: the day's cut, then the
 * guest's tier against it. */
static void
find_tier_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const gchar *const *job = task_data;   /* the database path, the guest id */
  GError *error = NULL;
  g_autoptr(RgDb) db = rg_db_open (job[0], &error);
  RgGuestTier tier = RG_GUEST_TIER_NONE;

  if (db == NULL || !rg_guest_tier_get (db, job[1], rg_now_ms (), &tier, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, tier);
}

static void
on_tier_found_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RgGuestCard *self = RG_GUEST_CARD (source_object);
  const gchar *const *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize tier = g_task_propagate_int (G_TASK (result), &error);

  /* Without its tier the card still says all a host needs; a database
   * that cannot be read shows on the next lookup. */
  if (tier < 0 || g_strcmp0 (self->guest_id, job[1]) != 0)
    return;
  rg_ui_show_tier (self->tier_badge, (RgGuestTier) tier);
}

/* Hides the tier badge until a thread has worked out the day's cut and
 * the tier of the card's guest against it. */
static void
find_tier_later (RgGuestCard *self,
                 RgDb        *db)
{
  g_autoptr(GTask) task = NULL;
  gchar **job = g_new0 (gchar *, 3);

  rg_ui_show_tier (self->tier_badge, RG_GUEST_TIER_NONE);
  job[0] = g_strdup (rg_db_get_path (db));
  job[1] = g_strdup (self->guest_id);
  self->tier_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->tier_cancellable, on_tier_found_cb, NULL);
  g_task_set_source_tag (task, find_tier_later);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, find_tier_in_thread);
}

/* ------------------------------------------------------------- callbacks */

static void
on_seat_button_clicked_cb (GtkButton   *button,
                           RgGuestCard *self)
{
  g_signal_emit (self, signals[SEAT_REQUESTED], 0, rg_guest_card_get_party_size (self));
}

static void
on_edit_button_clicked_cb (GtkButton   *button,
                           RgGuestCard *self)
{
  g_signal_emit (self, signals[EDIT_REQUESTED], 0);
}

/* ------------------------------------------------------------- overrides */

static void
rg_guest_card_dispose (GObject *object)
{
  RgGuestCard *self = RG_GUEST_CARD (object);

  g_cancellable_cancel (self->tier_cancellable);
  g_clear_object (&self->tier_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_GUEST_CARD);
  g_clear_object (&self->session);
  g_clear_object (&self->recommender);

  G_OBJECT_CLASS (rg_guest_card_parent_class)->dispose (object);
}

static void
rg_guest_card_finalize (GObject *object)
{
  RgGuestCard *self = RG_GUEST_CARD (object);

  g_free (self->guest_id);
  g_free (self->guest_name);
  g_free (self->greeting);
  g_free (self->open_visit_id);
  g_hash_table_unref (self->logged_visits);

  G_OBJECT_CLASS (rg_guest_card_parent_class)->finalize (object);
}

static void
rg_guest_card_class_init (RgGuestCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_guest_card_dispose;
  object_class->finalize = rg_guest_card_finalize;

  /**
   * RgGuestCard::seat-requested:
   * @party_size: how many are coming
   */
  signals[SEAT_REQUESTED] = g_signal_new ("seat-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * RgGuestCard::edit-requested:
   *
   * The host wants to change the guest's details.
   */
  signals[EDIT_REQUESTED] = g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-guest-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, facts_label);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, vip_badge);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, tier_badge);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, allergy_banner);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, allergy_label);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, occasion_label);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, party_spin);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, columns);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, seating_list);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, dish_list);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, tag_box);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, note_list);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, recommend_heading);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, recommend_list);
  gtk_widget_class_bind_template_child (widget_class, RgGuestCard, visit_list);
  gtk_widget_class_bind_template_callback (widget_class, on_seat_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_button_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "guestcard");
}

static void
rg_guest_card_init (RgGuestCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->logged_visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ------------------------------------------------------------ public API */

void
rg_guest_card_set_session (RgGuestCard *self,
                           RgSession   *session)
{
  g_return_if_fail (RG_IS_GUEST_CARD (self));
  g_return_if_fail (RG_IS_SESSION (session));

  g_set_object (&self->session, session);
}

void
rg_guest_card_set_recommender (RgGuestCard   *self,
                               RgRecommender *recommender)
{
  g_return_if_fail (RG_IS_GUEST_CARD (self));

  if (g_set_object (&self->recommender, recommender) && self->guest_id != NULL)
    show_recommendations (self, rg_session_get_db (self->session));
}

gboolean
rg_guest_card_show_guest (RgGuestCard  *self,
                          const gchar  *guest_id,
                          GError      **error)
{
  RgDb *db;
  g_autoptr(RgGuest) guest = NULL;
  g_autofree gchar *facts = NULL;
  gint64 now_ms = rg_now_ms ();
  RgGuestTier tier = RG_GUEST_TIER_NONE;
  gboolean tier_ready;

  g_return_val_if_fail (RG_IS_GUEST_CARD (self), FALSE);
  g_return_val_if_fail (guest_id != NULL, FALSE);

  db = rg_session_get_db (self->session);
  guest = rg_guest_get (db, guest_id, error);
  if (guest == NULL)
    return FALSE;
  /* The day's cut is never worked out here, on the main thread. */
  tier_ready = rg_guest_tier_is_ready (db, now_ms);
  if (tier_ready && !rg_guest_tier_get (db, rg_guest_get_id (guest), now_ms, &tier, error))
    return FALSE;
  g_cancellable_cancel (self->tier_cancellable);
  g_clear_object (&self->tier_cancellable);

  g_free (self->guest_id);
  self->guest_id = g_strdup (rg_guest_get_id (guest));
  g_free (self->guest_name);
  self->guest_name = g_strdup (rg_guest_get_name (guest));
  g_free (self->greeting);
  self->greeting = dup_greeting (guest);

  facts = dup_facts (self, guest);
  adw_avatar_set_text (self->avatar, rg_guest_get_name (guest));
  gtk_label_set_label (self->greeting_label, self->greeting);
  gtk_label_set_label (self->facts_label, facts);
  gtk_widget_set_visible (GTK_WIDGET (self->vip_badge), rg_guest_get_vip (guest));
  if (tier_ready)
    rg_ui_show_tier (self->tier_badge, tier);
  else
    find_tier_later (self, db);

  show_occasions (self, guest);
  show_facts (self, db, guest);
  show_visits (self, db);
  show_recommendations (self, db);
  return TRUE;
}

const gchar *
rg_guest_card_get_guest_id (RgGuestCard *self)
{
  g_return_val_if_fail (RG_IS_GUEST_CARD (self), NULL);

  return self->guest_id;
}

const gchar *
rg_guest_card_get_guest_name (RgGuestCard *self)
{
  g_return_val_if_fail (RG_IS_GUEST_CARD (self), NULL);

  return self->guest_name;
}

const gchar *
rg_guest_card_get_greeting (RgGuestCard *self)
{
  g_return_val_if_fail (RG_IS_GUEST_CARD (self), NULL);

  return self->greeting;
}

gint
rg_guest_card_get_party_size (RgGuestCard *self)
{
  g_return_val_if_fail (RG_IS_GUEST_CARD (self), 1);

  return gtk_spin_button_get_value_as_int (self->party_spin);
}

void
rg_guest_card_set_compact (RgGuestCard *self,
                           gboolean     compact)
{
  g_return_if_fail (RG_IS_GUEST_CARD (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_homogeneous (self->columns, !compact);
}
