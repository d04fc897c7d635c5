/* rg-feedback-dialog.c — star rows per aspect and per dish, a comment.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-feedback-dialog.h"

#include <glib/gi18n.h>

#include "rg-visit.h"

#define STARS 5
/* Room for "Tableware" and most dish names before they are cut. */
#define LABEL_CHARS 16

struct _RgFeedbackDialog
{
  AdwMessageDialog parent_instance;

  /* owned */
  RgSession *session;
  gchar     *visit_id;
  gchar     *guest_id;
  GPtrArray *rows;            /* of StarRow */

  /* children */
  GtkBox    *box;
  GtkEntry  *comment_entry;
};

/* One aspect or dish and the stars chosen for it. */
typedef struct
{
  RgFeedbackAspect aspect;
  gchar           *item_id;   /* for RG_ASPECT_DISH */
  gint             rating;    /* 0 until tapped */
} StarRow;

G_DEFINE_FINAL_TYPE (RgFeedbackDialog, rg_feedback_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
star_row_free (StarRow *row)
{
  g_free (row->item_id);
  g_free (row);
}

static void
on_star_toggled_cb (GtkToggleButton *button,
                    StarRow         *row)
{
  if (gtk_toggle_button_get_active (button))
    row->rating = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "stars"));
}

static void
add_star_row (RgFeedbackDialog *self,
              const gchar      *title,
              RgFeedbackAspect  aspect,
              const gchar      *item_id)
{
  StarRow *row = g_new0 (StarRow, 1);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkToggleButton *group = NULL;

  row->aspect = aspect;
  row->item_id = g_strdup (item_id);
  g_ptr_array_add (self->rows, row);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), LABEL_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LABEL_CHARS);
  gtk_widget_set_tooltip_text (label, title);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);
  for (gint stars = 1; stars <= STARS; stars++)
    {
      g_autofree gchar *text = g_strdup_printf ("%d", stars);
      g_autofree gchar *name = NULL;
      /* Translators: accessible name of a rating button, "Food: 4 of 5" */
      g_autofree gchar *spoken = g_strdup_printf (_("%s: %d of 5"), title, stars);
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      if (aspect == RG_ASPECT_DISH)
        name = g_strdup_printf ("rate-dish-%s-%d", item_id, stars);
      else
        name = g_strdup_printf ("rate-%s-%d", rg_feedback_aspect_to_string (aspect), stars);
      gtk_widget_set_name (button, name);
      gtk_widget_add_css_class (button, "star-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      g_object_set_data (G_OBJECT (button), "stars", GINT_TO_POINTER (stars));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_star_toggled_cb), row);
      gtk_box_append (GTK_BOX (line), button);
    }
  gtk_box_append (self->box, line);
}

static void
rg_feedback_dialog_dispose (GObject *object)
{
  RgFeedbackDialog *self = RG_FEEDBACK_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->visit_id, g_free);
  g_clear_pointer (&self->guest_id, g_free);

  G_OBJECT_CLASS (rg_feedback_dialog_parent_class)->dispose (object);
}

static void
rg_feedback_dialog_finalize (GObject *object)
{
  RgFeedbackDialog *self = RG_FEEDBACK_DIALOG (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (rg_feedback_dialog_parent_class)->finalize (object);
}

static void
rg_feedback_dialog_class_init (RgFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_feedback_dialog_dispose;
  object_class->finalize = rg_feedback_dialog_finalize;
}

static void
rg_feedback_dialog_init (RgFeedbackDialog *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) star_row_free);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  self->comment_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->comment_entry, _("Comment (optional)"));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->box));
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->comment_entry));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), outer);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Ratings"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

RgFeedbackDialog *
rg_feedback_dialog_new (GtkWindow    *parent,
                        RgSession    *session,
                        const gchar  *visit_id,
                        GError      **error)
{
  const struct { RgFeedbackAspect aspect; const gchar *title; } aspects[] = {
    { RG_ASPECT_OVERALL, C_("rating", "Overall") },
    { RG_ASPECT_FOOD, C_("rating", "Food") },
    { RG_ASPECT_SERVICE, C_("rating", "Service") },
    { RG_ASPECT_AMBIENCE, C_("rating", "Ambience") },
    { RG_ASPECT_TABLEWARE, C_("rating", "Tableware") },
  };
  RgDb *db;
  g_autoptr(RgVisit) visit = NULL;
  g_autoptr(GListModel) lines = NULL;
  /* borrows the ids of the lines, freed before them */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  RgFeedbackDialog *self;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  db = rg_session_get_db (session);
  visit = rg_visit_get (db, visit_id, error);
  if (visit == NULL)
    return NULL;
  lines = rg_visit_list_lines (db, visit_id, error);
  if (lines == NULL)
    return NULL;

  self = g_object_new (RG_TYPE_FEEDBACK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("How Was It?"),
                       "body", _("Tap the stars the guests give; leave a row empty to skip it."),
                       NULL);
  self->session = g_object_ref (session);
  self->visit_id = g_strdup (visit_id);
  self->guest_id = g_strdup (rg_visit_get_guest_id (visit));
  for (gsize i = 0; i < G_N_ELEMENTS (aspects); i++)
    add_star_row (self, aspects[i].title, aspects[i].aspect, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RgOrderLine) line = g_list_model_get_item (lines, i);
      const gchar *item_id = rg_order_line_get_item_id (line);

      if (rg_order_line_get_voided (line) || !g_hash_table_add (seen, (gpointer) item_id))
        continue;
      add_star_row (self, rg_order_line_get_item_name (line), RG_ASPECT_DISH, item_id);
    }
  return self;
}

gint
rg_feedback_dialog_apply (RgFeedbackDialog  *self,
                          GError           **error)
{
  RgDb *db;
  g_autoptr(RgTransaction) txn = NULL;
  const gchar *comment;
  StarRow *with_comment = NULL;
  gint stored = 0;

  g_return_val_if_fail (RG_IS_FEEDBACK_DIALOG (self), -1);

  db = rg_session_get_db (self->session);
  comment = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));
  for (guint i = 0; i < self->rows->len; i++)
    {
      StarRow *row = g_ptr_array_index (self->rows, i);

      if (row->rating > 0 && (with_comment == NULL || row->aspect == RG_ASPECT_OVERALL))
        with_comment = row;
    }

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return -1;
  for (guint i = 0; i < self->rows->len; i++)
    {
      StarRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(RgFeedback) feedback = NULL;

      if (row->rating == 0)
        continue;
      feedback = rg_feedback_add (db, self->visit_id, row->aspect, row->item_id, row->rating,
                                  row == with_comment && comment[0] != '\0' ? comment : NULL,
                                  rg_session_get_staff_id (self->session), self->guest_id, error);
      if (feedback == NULL)
        return -1;
      stored++;
    }
  if (!rg_transaction_commit (g_steal_pointer (&txn), error))
    return -1;
  return stored;
}
