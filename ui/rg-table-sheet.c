/* rg-table-sheet.c — one seated table for the waiter.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet re-reads the visit after every change (a line added or voided,
 * a preference logged), so what it shows is what is committed.  Allergies
 * and dislikes come first, in the red banner.  Preferences go to the host
 * guest; a walk-in has nobody to remember them for.
 */
#include "rg-table-sheet.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-auth.h"
#include "rg-branch.h"
#include "rg-close-check-dialog.h"
#include "rg-feedback-dialog.h"
#include "rg-guest.h"
#include "rg-id.h"
#include "rg-prefs.h"
#include "rg-recommend-log.h"
#include "rg-ticket.h"
#include "rg-ui-format.h"
#include "rg-visit.h"

#define RECOMMEND_LIMIT 4
/* How much a seating remark made at the table weighs. */
#define SEATING_WEIGHT  5.0

struct _RgTableSheet
{
  GtkWidget parent_instance;

  /* owned */
  RgSession     *session;
  RgRecommender *recommender;
  RgVisit       *visit;
  gchar         *guest_name;
  gchar         *logged;        /* the visit and dishes last logged as suggested */

  /* template children */
  GtkBox        *layout;       /* bound so that disposing the template unparents it */
  GtkBox        *body;
  GtkLabel      *title_label;
  GtkLabel      *party_label;
  GtkLabel      *allergy_banner;
  GtkLabel      *usual_label;
  GtkMenuButton *like_button;
  GtkMenuButton *dislike_button;
  GtkMenuButton *seating_button;
  GtkMenuButton *tag_button;
  GtkMenuButton *note_button;
  GtkEntry      *note_entry;
  GtkListBox    *lines_list;
  GtkLabel      *totals_label;
  GtkLabel      *info_label;
  RgOrderEntry  *order_entry;
};

G_DEFINE_FINAL_TYPE (RgTableSheet, rg_table_sheet, GTK_TYPE_WIDGET)

enum {
  CHECK_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_pref_choice_clicked_cb (GtkButton *button, RgTableSheet *self);
static void on_void_button_clicked_cb (GtkButton *button, RgTableSheet *self);
static void on_line_note_choice_clicked_cb (GtkButton *button, RgTableSheet *self);
static void on_line_note_entry_activate_cb (GtkEntry *entry, RgTableSheet *self);

/* --------------------------------------------------------------- helpers */

static void
say (RgTableSheet *self,
     const gchar  *message)
{
  gtk_label_set_label (self->info_label, message);
}

static RgDb *
db_of (RgTableSheet *self)
{
  return rg_session_get_db (self->session);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* A popover of flat buttons, one per choice; a tap saves the preference
 * @kind with the choice's value. */
static void
fill_choices (RgTableSheet        *self,
              GtkMenuButton       *button,
              const gchar         *kind,
              const gchar * const *labels,
              const gchar * const *values)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *popover = gtk_popover_new ();

  for (guint i = 0; labels[i] != NULL; i++)
    {
      GtkWidget *choice = gtk_button_new_with_label (labels[i]);

      gtk_widget_add_css_class (choice, "flat");
      gtk_widget_add_css_class (choice, "pref-choice");
      g_object_set_data (G_OBJECT (choice), "pref-kind", (gpointer) kind);
      g_object_set_data_full (G_OBJECT (choice), "pref-value", g_strdup (values[i]), g_free);
      g_signal_connect (choice, "clicked", G_CALLBACK (on_pref_choice_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), choice);
    }
  if (labels[0] == NULL)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("Nothing ordered yet")));
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
fill_pref_buttons (RgTableSheet *self,
                   GListModel   *lines)
{
  const gchar *seating_labels[] = {
    _("This table"), C_("zone", "Window"), C_("zone", "Booth"), C_("zone", "Quiet"), C_("zone", "Patio"), NULL,
  };
  const gchar *seating_values[] = {
    rg_visit_get_table_id (self->visit), "window", "booth", "quiet", "patio", NULL,
  };
  const gchar *tag_labels[] = {
    _("Spicy"), _("Sweet-sour"), _("Kids' chair"), _("Vegetarian"), _("Celebrating"), NULL,
  };
  const gchar *tag_values[] = {
    "spicy", "sweet-sour", "kids-chair", "vegetarian", "celebrating", NULL,
  };
  g_autoptr(GPtrArray) dish_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) dish_ids = g_ptr_array_new ();
  GtkWidget *buttons[] = {
    GTK_WIDGET (self->like_button), GTK_WIDGET (self->dislike_button), GTK_WIDGET (self->seating_button),
    GTK_WIDGET (self->tag_button), GTK_WIDGET (self->note_button),
  };
  gboolean known = rg_visit_get_guest_id (self->visit) != NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RgOrderLine) line = g_list_model_get_item (lines, i);

      if (rg_order_line_get_voided (line) ||
          g_ptr_array_find_with_equal_func (dish_ids, rg_order_line_get_item_id (line), g_str_equal, NULL))
        continue;
      /* Borrowed from the lines, which the model keeps alive; the buttons copy. */
      g_ptr_array_add (dish_labels, (gpointer) rg_order_line_get_item_name (line));
      g_ptr_array_add (dish_ids, (gpointer) rg_order_line_get_item_id (line));
    }
  g_ptr_array_add (dish_labels, NULL);
  g_ptr_array_add (dish_ids, NULL);

  fill_choices (self, self->like_button, "like",
                (const gchar * const *) dish_labels->pdata, (const gchar * const *) dish_ids->pdata);
  fill_choices (self, self->dislike_button, "dislike",
                (const gchar * const *) dish_labels->pdata, (const gchar * const *) dish_ids->pdata);
  fill_choices (self, self->seating_button, "seating", seating_labels, seating_values);
  fill_choices (self, self->tag_button, "tag", tag_labels, tag_values);

  for (gsize i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_widget_set_sensitive (buttons[i], known && rg_session_may (self->session, RG_PERMISSION_EDIT_PREFS));
      gtk_widget_set_tooltip_text (buttons[i], known ? NULL : _("A walk-in: nobody to remember this for"));
    }
}

/* Adds one guest's part to a line of the banner; @who is %NULL when the
 * party has one known guest. */
static void
append_part (GString     *line,
             const gchar *who,
             const gchar *facts)
{
  if (line->len > 0)
    g_string_append (line, "; ");
  if (who != NULL)
    /* Translators: one guest's part of the banner, "Li Wei: peanut (severe)" */
    g_string_append_printf (line, _("%s: %s"), who, facts);
  else
    g_string_append (line, facts);
}

/* One guest's allergies and dislikes appended to @allergic and @disliked,
 * each list led by the guest's name when the party has several. */
static gboolean
append_guest_facts (RgTableSheet  *self,
                    const gchar   *guest_id,
                    gboolean       named,
                    GString       *allergic,
                    GString       *disliked,
                    GError       **error)
{
  g_autoptr(RgGuest) guest = rg_guest_get (db_of (self), guest_id, error);
  g_autoptr(GListModel) allergies = NULL;
  g_autoptr(GListModel) dishes = NULL;
  g_autoptr(GString) mine = g_string_new (NULL);
  g_autoptr(GString) unliked = g_string_new (NULL);

  if (guest == NULL)
    return FALSE;
  allergies = rg_prefs_list (db_of (self), guest_id, RG_FACT_ALLERGY, error);
  if (allergies == NULL)
    return FALSE;
  dishes = rg_prefs_list (db_of (self), guest_id, RG_FACT_DISH, error);
  if (dishes == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (allergies); i++)
    {
      g_autoptr(RgGuestFact) fact = g_list_model_get_item (allergies, i);

      g_string_append_printf (mine, "%s%s", mine->len > 0 ? ", " : "", rg_guest_fact_get_label (fact));
      if (rg_guest_fact_get_detail (fact) != NULL)
        g_string_append_printf (mine, " (%s)", rg_guest_fact_get_detail (fact));
    }
  for (guint i = 0; i < g_list_model_get_n_items (dishes); i++)
    {
      g_autoptr(RgGuestFact) fact = g_list_model_get_item (dishes, i);

      if (g_strcmp0 (rg_guest_fact_get_detail (fact), "dislike") == 0)
        g_string_append_printf (unliked, "%s%s", unliked->len > 0 ? ", " : "", rg_guest_fact_get_label (fact));
    }
  if (mine->len > 0)
    append_part (allergic, named ? rg_guest_get_name (guest) : NULL, mine->str);
  if (unliked->len > 0)
    append_part (disliked, named ? rg_guest_get_name (guest) : NULL, unliked->str);
  return TRUE;
}

/* "⚠ Allergies: Li Wei: peanut (severe); Ana: gluten (anaphylactic)" and
 * "Dislikes: …" in the red banner, for every known guest at the table;
 * hidden when nobody has either. */
static gboolean
show_allergies (RgTableSheet  *self,
                GError       **error)
{
  g_auto(GStrv) guest_ids = rg_visit_list_guest_ids (db_of (self), rg_visit_get_id (self->visit), error);
  g_autoptr(GString) allergic = g_string_new (NULL);
  g_autoptr(GString) disliked = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  if (guest_ids == NULL)
    return FALSE;
  for (guint i = 0; guest_ids[i] != NULL; i++)
    if (!append_guest_facts (self, guest_ids[i], guest_ids[1] != NULL, allergic, disliked, error))
      return FALSE;
  if (allergic->len > 0)
    /* Translators: the banner on the table sheet, "Allergies: peanut (severe)" */
    g_string_append_printf (text, _("⚠ Allergies: %s"), allergic->str);
  if (disliked->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: the banner on the table sheet, "Dislikes: Hawaiian" */
      g_string_append_printf (text, _("Dislikes: %s"), disliked->str);
    }
  gtk_label_set_label (self->allergy_banner, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->allergy_banner), text->len > 0);
  return TRUE;
}

/* The visit and the suggested dishes, to log a list only when it changed. */
static gchar *
suggestion_key (RgVisit    *visit,
                GListModel *usual,
                GListModel *fresh)
{
  GListModel *lists[] = { usual, fresh };
  g_autoptr(GString) key = g_string_new (rg_visit_get_id (visit));

  for (gsize l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_string_append_c (key, '|');
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr(RgRecommendation) r = g_list_model_get_item (lists[l], i);

          g_string_append_printf (key, "%s,", rg_recommendation_get_item_id (r));
        }
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
append_names (GString    *text,
              GListModel *recommendations)
{
  for (guint i = 0; i < g_list_model_get_n_items (recommendations); i++)
    {
      g_autoptr(RgRecommendation) r = g_list_model_get_item (recommendations, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", rg_recommendation_get_name (r));
    }
}

/* The usual dishes and suggestions for everyone known at the table, logged
 * for the uplift report; a guest in the holdout gets them logged, not
 * shown. */
static void
show_usual (RgTableSheet *self,
            GListModel   *lines)
{
  g_auto(GStrv) guest_ids = NULL;
  g_autoptr(GPtrArray) item_ids = g_ptr_array_new ();
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *key = NULL;
  RgDaypart daypart;
  gboolean show = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->usual_label),
                          self->recommender != NULL && rg_visit_get_status (self->visit) == RG_VISIT_OPEN);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->usual_label)))
    return;
  guest_ids = rg_visit_list_guest_ids (db_of (self), rg_visit_get_id (self->visit), &error);
  if (guest_ids == NULL)
    {
      gtk_label_set_label (self->usual_label, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RgOrderLine) line = g_list_model_get_item (lines, i);

      g_ptr_array_add (item_ids, (gpointer) rg_order_line_get_item_id (line));
    }
  g_ptr_array_add (item_ids, NULL);
  branch = rg_branch_get (db_of (self), rg_visit_get_branch_id (self->visit), NULL);
  daypart = rg_daypart_for_time (rg_now_ms (), branch != NULL ? rg_branch_get_tz (branch) : "UTC");
  if (!rg_recommender_for_table (self->recommender, db_of (self),
                                 guest_ids[0] != NULL ? (const gchar * const *) guest_ids : NULL,
                                 (const gchar * const *) item_ids->pdata, daypart,
                                 RECOMMEND_LIMIT, &usual, &fresh, &error))
    {
      gtk_label_set_label (self->usual_label, error->message);
      return;
    }
  /* The same suggestions again (a tap that changed nothing in them) are
   * not logged twice. */
  key = suggestion_key (self->visit, usual, fresh);
  if (g_strcmp0 (key, self->logged) == 0)
    show = !rg_recommend_is_holdout (db_of (self), rg_visit_get_guest_id (self->visit),
                                     rg_visit_get_id (self->visit));
  else if (!rg_recommend_log (db_of (self), rg_visit_get_id (self->visit), rg_visit_get_guest_id (self->visit),
                              usual, fresh, &show, &error))
    {
      gtk_label_set_label (self->usual_label, error->message);
      return;
    }
  else
    {
      g_free (self->logged);
      self->logged = g_steal_pointer (&key);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->usual_label), show);
  if (!show)
    return;
  if (g_list_model_get_n_items (usual) > 0)
    {
      g_string_append (text, _("Usual: "));
      append_names (text, usual);
    }
  if (g_list_model_get_n_items (fresh) > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, _("Suggest: "));
      append_names (text, fresh);
    }
  gtk_label_set_label (self->usual_label, text->len > 0 ? text->str : _("Nothing to recommend yet"));
}

/* The kitchen note's button of a line: its popover offers the usual notes
 * (a tap writes one), a field for any other, and removing the note. */
static GtkWidget *
make_line_note_button (RgTableSheet *self,
                       RgOrderLine  *line)
{
  const gchar *usual[] = {
    N_("No onions"), N_("No spice"), N_("Extra spicy"), N_("Sauce on the side"), N_("No ice"), N_("Well done"),
  };
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *choices = gtk_flow_box_new ();
  GtkWidget *entry = gtk_entry_new ();
  const gchar *note = rg_order_line_get_note (line);
  const gchar *line_id = rg_order_line_get_id (line);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (choices), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (choices), 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (choices), TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (usual) + (note != NULL ? 1 : 0); i++)
    {
      gboolean remove = i == G_N_ELEMENTS (usual);
      GtkWidget *choice = gtk_button_new_with_label (remove ? _("Remove Note") : _(usual[i]));

      gtk_widget_add_css_class (choice, "line-note-choice");
      if (remove)
        gtk_widget_add_css_class (choice, "destructive-action");
      g_object_set_data_full (G_OBJECT (choice), "line-id", g_strdup (line_id), g_free);
      g_object_set_data_full (G_OBJECT (choice), "note", remove ? NULL : g_strdup (_(usual[i])), g_free);
      g_signal_connect (choice, "clicked", G_CALLBACK (on_line_note_choice_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (choices), choice);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Another note for the kitchen, then Enter"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), RG_VISIT_NOTE_MAX);
  gtk_editable_set_text (GTK_EDITABLE (entry), note != NULL ? note : "");
  g_object_set_data_full (G_OBJECT (entry), "line-id", g_strdup (line_id), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (on_line_note_entry_activate_cb), self);
  gtk_box_append (GTK_BOX (box), choices);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "line-note-button");
  gtk_widget_set_tooltip_text (button, _("Note for the kitchen"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note for the kitchen"), -1);
  return button;
}

static GtkWidget *
make_line_row (RgTableSheet *self,
               RgOrderLine  *line)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree gchar *title = NULL;
  g_autofree gchar *money = rg_ui_format_money (rg_order_line_get_total (line));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *total = gtk_label_new (money);

  /* Translators: a line of the check, "2 × Margherita" */
  title = g_strdup_printf (_("%d × %s"), rg_order_line_get_qty (line), rg_order_line_get_item_name (line));
  if (rg_order_line_get_note (line) != NULL)
    /* Translators: a line's note for the kitchen on the check, "“no onions”" */
    g_string_append_printf (subtitle, _("“%s”"), rg_order_line_get_note (line));
  if (rg_order_line_get_seat (line) > 0)
    {
      g_string_append (subtitle, subtitle->len > 0 ? " · " : "");
      g_string_append_printf (subtitle, _("seat %d"), rg_order_line_get_seat (line));
    }
  if (rg_order_line_get_course (line) > 0)
    {
      g_string_append (subtitle, subtitle->len > 0 ? " · " : "");
      g_string_append_printf (subtitle, _("course %d"), rg_order_line_get_course (line));
    }
  if (rg_order_line_get_allergen_override (line) != NULL)
    {
      g_string_append (subtitle, subtitle->len > 0 ? " · " : "");
      g_string_append_printf (subtitle, _("allergen confirmed: %s"), rg_order_line_get_allergen_override (line));
    }
  if (rg_order_line_get_voided (line))
    {
      g_string_append (subtitle, subtitle->len > 0 ? " · " : "");
      g_string_append_printf (subtitle, _("voided: %s"), rg_order_line_get_void_reason (line));
      gtk_widget_add_css_class (row, "voided");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_add_css_class (total, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), total);
  if (!rg_order_line_get_voided (line) && rg_visit_get_status (self->visit) == RG_VISIT_OPEN)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_line_note_button (self, line));
  if (!rg_order_line_get_voided (line))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "void-button");
      gtk_widget_set_tooltip_text (button, _("Void this line (manager)"));
      gtk_widget_set_sensitive (button, rg_session_may (self->session, RG_PERMISSION_VOID_LINES));
      g_object_set_data_full (G_OBJECT (button), "line-id", g_strdup (rg_order_line_get_id (line)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_void_button_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static gboolean
reload (RgTableSheet  *self,
        GError       **error)
{
  g_autoptr(RgVisit) visit = NULL;
  g_autoptr(GListModel) lines = NULL;
  RgVisitTotals totals = { 0 };
  g_autofree gchar *money = NULL;
  g_autofree gchar *text = NULL;

  visit = rg_visit_get (db_of (self), rg_visit_get_id (self->visit), error);
  if (visit == NULL)
    return FALSE;
  g_set_object (&self->visit, visit);
  lines = rg_visit_list_lines (db_of (self), rg_visit_get_id (visit), error);
  if (lines == NULL || !rg_visit_get_totals (db_of (self), rg_visit_get_id (visit), &totals, error))
    return FALSE;

  clear_box (GTK_WIDGET (self->lines_list));
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RgOrderLine) line = g_list_model_get_item (lines, i);

      gtk_list_box_append (self->lines_list, make_line_row (self, line));
    }
  money = rg_ui_format_money (totals.subtotal);
  text = g_strdup_printf (ngettext ("Subtotal %s · %d item", "Subtotal %s · %d items", totals.items),
                          money, totals.items);
  gtk_label_set_label (self->totals_label, text);
  fill_pref_buttons (self, lines);
  show_usual (self, lines);
  return show_allergies (self, error);
}

static void
reload_or_say (RgTableSheet *self)
{
  g_autoptr(GError) error = NULL;

  if (!reload (self, &error))
    say (self, error->message);
}

static gchar *
save_pref (RgTableSheet  *self,
           const gchar   *kind,
           const gchar   *value,
           GError       **error)
{
  const gchar *guest_id = rg_visit_get_guest_id (self->visit);
  RgDb *db = db_of (self);

  if (g_str_equal (kind, "like") || g_str_equal (kind, "dislike"))
    return rg_prefs_add_dish (db, guest_id, value, kind, NULL, error);
  if (g_str_equal (kind, "seating"))
    return rg_prefs_add_seating (db, guest_id,
                                 g_strcmp0 (value, rg_visit_get_table_id (self->visit)) == 0 ? "table" : "zone",
                                 value, SEATING_WEIGHT, NULL, error);
  if (g_str_equal (kind, "tag"))
    return rg_prefs_add_tag (db, guest_id, value, error);
  return rg_prefs_add_note (db, guest_id, rg_session_get_staff_id (self->session), value, error);
}

static void
save_pref_and_say (RgTableSheet *self,
                   const gchar  *kind,
                   const gchar  *value,
                   const gchar  *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *id = save_pref (self, kind, value, &error);
  g_autofree gchar *message = NULL;

  if (id == NULL)
    {
      say (self, error->message);
      return;
    }
  /* Translators: "Saved for Li Wei: Margherita" */
  message = g_strdup_printf (_("Saved for %s: %s"), self->guest_name, label);
  say (self, message);
  reload_or_say (self);
}

/* ------------------------------------------------------------- callbacks */

static void
on_pref_choice_clicked_cb (GtkButton    *button,
                           RgTableSheet *self)
{
  g_autofree gchar *kind = g_strdup (g_object_get_data (G_OBJECT (button), "pref-kind"));
  g_autofree gchar *value = g_strdup (g_object_get_data (G_OBJECT (button), "pref-value"));
  g_autofree gchar *label = g_strdup (gtk_button_get_label (button));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  save_pref_and_say (self, kind, value, label);
}

static void
on_note_save_button_clicked_cb (GtkButton    *button,
                                RgTableSheet *self)
{
  g_autofree gchar *body = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));

  gtk_menu_button_popdown (self->note_button);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  save_pref_and_say (self, "note", body, body);
}

static void
save_line_note (RgTableSheet *self,
                GtkWidget    *source,
                const gchar  *note)
{
  g_autofree gchar *line_id = g_strdup (g_object_get_data (G_OBJECT (source), "line-id"));
  g_autofree gchar *text = g_strdup (note);
  GtkWidget *popover = gtk_widget_get_ancestor (source, GTK_TYPE_POPOVER);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *message = NULL;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (!rg_visit_set_line_note (db_of (self), line_id, text, &error))
    {
      say (self, error->message);
      return;
    }
  if (text != NULL && *g_strstrip (text) != '\0')
    /* Translators: "Note for the kitchen: no onions" */
    message = g_strdup_printf (_("Note for the kitchen: %s"), text);
  say (self, message != NULL ? message : _("Note removed"));
  reload_or_say (self);
}

static void
on_line_note_choice_clicked_cb (GtkButton    *button,
                                RgTableSheet *self)
{
  save_line_note (self, GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "note"));
}

static void
on_line_note_entry_activate_cb (GtkEntry     *entry,
                                RgTableSheet *self)
{
  save_line_note (self, GTK_WIDGET (entry), gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_void_dialog_response_cb (AdwMessageDialog *dialog,
                            const gchar      *response,
                            RgTableSheet     *self)
{
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const gchar *line_id = g_object_get_data (G_OBJECT (dialog), "line-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "void") != 0)
    return;
  if (!rg_visit_void_line (db_of (self), rg_session_get_staff_id (self->session), line_id,
                           gtk_editable_get_text (reason), &error))
    {
      say (self, error->message);
      return;
    }
  say (self, _("Line voided"));
  reload_or_say (self);
}

static void
on_void_button_clicked_cb (GtkButton    *button,
                           RgTableSheet *self)
{
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Void This Line?"),
                                                       _("Say why: it stays on the check, struck out.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. sent back"));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "void", _("_Void"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "void", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "line-id",
                          g_strdup (g_object_get_data (G_OBJECT (button), "line-id")), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_feedback_dialog_response_cb (RgFeedbackDialog *dialog,
                                const gchar      *response,
                                RgTableSheet     *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *message = NULL;
  gint stored;

  if (g_strcmp0 (response, "save") != 0)
    return;
  stored = rg_feedback_dialog_apply (dialog, &error);
  if (stored < 0)
    {
      say (self, error->message);
      return;
    }
  message = g_strdup_printf (ngettext ("%d rating saved", "%d ratings saved", stored), stored);
  say (self, message);
}

static void
on_rate_button_clicked_cb (GtkButton    *button,
                           RgTableSheet *self)
{
  g_autoptr(GError) error = NULL;
  RgFeedbackDialog *dialog;

  dialog = rg_feedback_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->session, rg_visit_get_id (self->visit), &error);
  if (dialog == NULL)
    {
      say (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_feedback_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_ticket_button_clicked_cb (GtkButton    *button,
                             RgTableSheet *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTicket) ticket = rg_ticket_new (db_of (self), rg_visit_get_id (self->visit), &error);
  g_autofree gchar *folder = g_build_filename (g_get_user_data_dir (), "regulars", "tickets", NULL);
  g_autofree gchar *path = NULL;
  g_autofree gchar *message = NULL;

  if (ticket == NULL || (path = rg_ticket_save (ticket, folder, &error)) == NULL)
    {
      say (self, error->message);
      return;
    }
  /* Translators: "Ticket for table 12 sent to the kitchen: /home/…/table-12-….pdf" */
  message = g_strdup_printf (_("Ticket for table %s sent to the kitchen: %s"),
                             rg_visit_get_table_name (self->visit), path);
  say (self, message);
}

static void
on_close_check_dialog_response_cb (RgCloseCheckDialog *dialog,
                                   const gchar        *response,
                                   RgTableSheet       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *message = NULL;

  if (g_strcmp0 (response, "close") != 0)
    return;
  if (!rg_close_check_dialog_apply (dialog, &error))
    {
      say (self, error->message);
      return;
    }
  /* Translators: "Table 4 closed, to clean" */
  message = g_strdup_printf (_("Table %s closed, to clean"), rg_visit_get_table_name (self->visit));
  reload_or_say (self);
  say (self, message);
  if (self->recommender != NULL &&
      !rg_recommender_add_visit (self->recommender, db_of (self), rg_visit_get_id (self->visit), &error))
    say (self, error->message);
  g_signal_emit (self, signals[CHECK_CLOSED], 0, rg_visit_get_id (self->visit), message);
}

static void
on_close_button_clicked_cb (GtkButton    *button,
                            RgTableSheet *self)
{
  g_autoptr(GError) error = NULL;
  RgCloseCheckDialog *dialog;

  dialog = rg_close_check_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->session, rg_visit_get_id (self->visit), &error);
  if (dialog == NULL)
    {
      say (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_check_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_order_entry_line_added_cb (RgOrderEntry *entry,
                              const gchar  *line_id,
                              RgTableSheet *self)
{
  reload_or_say (self);
}

/* ------------------------------------------------------------- overrides */

static void
rg_table_sheet_dispose (GObject *object)
{
  RgTableSheet *self = RG_TABLE_SHEET (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_TABLE_SHEET);
  g_clear_object (&self->session);
  g_clear_object (&self->recommender);
  g_clear_object (&self->visit);
  g_clear_pointer (&self->guest_name, g_free);
  g_clear_pointer (&self->logged, g_free);

  G_OBJECT_CLASS (rg_table_sheet_parent_class)->dispose (object);
}

static void
rg_table_sheet_class_init (RgTableSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_table_sheet_dispose;

  /**
   * RgTableSheet::check-closed:
   * @visit_id: the visit whose check was closed
   * @message: what happened, "Table 4 closed, to clean"
   */
  signals[CHECK_CLOSED] = g_signal_new ("check-closed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (RG_TYPE_ORDER_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-table-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, layout);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, body);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, title_label);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, party_label);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, allergy_banner);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, usual_label);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, like_button);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, dislike_button);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, seating_button);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, tag_button);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, note_button);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, note_entry);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, lines_list);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, totals_label);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, info_label);
  gtk_widget_class_bind_template_child (widget_class, RgTableSheet, order_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_note_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_order_entry_line_added_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tablesheet");
}

static void
rg_table_sheet_init (RgTableSheet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------ public API */

void
rg_table_sheet_set_session (RgTableSheet *self,
                            RgSession    *session)
{
  g_return_if_fail (RG_IS_TABLE_SHEET (self));
  g_return_if_fail (RG_IS_SESSION (session));

  g_set_object (&self->session, session);
  rg_order_entry_set_session (self->order_entry, session);
}

void
rg_table_sheet_set_recommender (RgTableSheet  *self,
                                RgRecommender *recommender)
{
  g_return_if_fail (RG_IS_TABLE_SHEET (self));

  g_set_object (&self->recommender, recommender);
}

gboolean
rg_table_sheet_load (RgTableSheet  *self,
                     const gchar   *visit_id,
                     GError       **error)
{
  g_autoptr(RgVisit) visit = NULL;
  g_autoptr(RgGuest) guest = NULL;
  g_autoptr(GDateTime) seated = NULL;
  g_autofree gchar *time = NULL;
  g_autofree gchar *party = NULL;
  g_autofree gchar *title = NULL;

  g_return_val_if_fail (RG_IS_TABLE_SHEET (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  visit = rg_visit_get (db_of (self), visit_id, error);
  if (visit == NULL)
    return FALSE;
  if (rg_visit_get_guest_id (visit) != NULL)
    {
      guest = rg_guest_get (db_of (self), rg_visit_get_guest_id (visit), error);
      if (guest == NULL)
        return FALSE;
    }
  g_set_object (&self->visit, visit);
  g_free (self->guest_name);
  self->guest_name = g_strdup (guest != NULL ? rg_guest_get_name (guest) : NULL);

  seated = g_date_time_new_from_unix_local (rg_visit_get_seated_ms (visit) / 1000);
  time = g_date_time_format (seated, "%H:%M");
  if (guest != NULL)
    /* Translators: "Li Wei · party of 3 · seated 19:05" */
    party = g_strdup_printf (ngettext ("%s · party of %d · seated %s", "%s · party of %d · seated %s",
                                       rg_visit_get_party_size (visit)),
                             self->guest_name, rg_visit_get_party_size (visit), time);
  else
    /* Translators: "Walk-in · party of 2 · seated 19:05" */
    party = g_strdup_printf (ngettext ("Walk-in · party of %d · seated %s", "Walk-in · party of %d · seated %s",
                                       rg_visit_get_party_size (visit)),
                             rg_visit_get_party_size (visit), time);
  /* Translators: the table sheet's title, "Table W2" */
  title = g_strdup_printf (_("Table %s"), rg_visit_get_table_name (visit));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->party_label, party);
  say (self, "");
  if (!rg_order_entry_load (self->order_entry, visit_id, error))
    return FALSE;
  return reload (self, error);
}

const gchar *
rg_table_sheet_get_visit_id (RgTableSheet *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SHEET (self), NULL);

  return self->visit != NULL ? rg_visit_get_id (self->visit) : NULL;
}

RgOrderEntry *
rg_table_sheet_get_order_entry (RgTableSheet *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SHEET (self), NULL);

  return self->order_entry;
}

void
rg_table_sheet_set_compact (RgTableSheet *self,
                            gboolean      compact)
{
  g_return_if_fail (RG_IS_TABLE_SHEET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}
