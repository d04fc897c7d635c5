/* rg-enrol-dialog.c — checking for duplicates, then writing the guest and
 * their first preferences in one transaction.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first press of "Enrol" asks the core for guests who may be the same
 * person (same phone or card, similar or same name).  If there are any they
 * are listed, each with "Open", and the button becomes "Enrol Anyway"; a
 * second press with the same details writes the new guest.  Changing the
 * name, phone or card asks again.
 */
#include "rg-enrol-dialog.h"

#include <glib/gi18n.h>

#include "rg-card.h"
#include "rg-guest-merge.h"
#include "rg-guest.h"
#include "rg-prefs.h"

struct _RgEnrolDialog
{
  AdwWindow parent_instance;

  /* owned */
  RgSession      *session;
  gchar          *guest_id;        /* the guest edited; NULL when enrolling */
  GListModel     *duplicates;
  gchar          *confirmed;       /* the details the host chose to enrol anyway */
  gchar          *old_phone;
  gchar          *old_card;

  /* template children */
  GtkButton      *save_button;
  GtkWidget      *duplicate_box;
  GtkListBox     *duplicate_list;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *card_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *family_row;
  GtkSwitch      *vip_switch;
  AdwEntryRow    *allergy_row;
  AdwComboRow    *zone_row;
  AdwEntryRow    *birthday_row;
  AdwEntryRow    *notes_row;
};

static void on_open_button_clicked_cb (GtkButton *button, RgEnrolDialog *self);

G_DEFINE_FINAL_TYPE (RgEnrolDialog, rg_enrol_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The zone kinds of the "Likes to sit" choices, in the order of the .ui. */
static const gchar * const zone_kinds[] = {
  NULL, "window", "booth", "patio", "quiet", "bar", "private",
};

/* --------------------------------------------------------------- helpers */

static gchar *
dup_field (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const gchar *
nonempty (const gchar *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
show_error (RgEnrolDialog *self,
            const gchar   *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* What identifies the details the duplicate check looked at. */
static gchar *
dup_signature (RgEnrolDialog *self)
{
  g_autofree gchar *name = dup_field (self->name_row);
  g_autofree gchar *phone = dup_field (self->phone_row);
  g_autofree gchar *card = dup_field (self->card_row);

  return g_strjoin ("\x1f", name, phone, card, NULL);
}

static gchar *
describe_duplicate (RgGuestDuplicate *duplicate)
{
  const gchar *detail = rg_guest_duplicate_get_detail (duplicate);

  switch (rg_guest_duplicate_get_reason (duplicate))
    {
    case RG_DUPLICATE_SAME_PHONE:
      return g_strdup_printf (_("Same phone number %s"), detail);
    case RG_DUPLICATE_SAME_CARD:
      return g_strdup_printf (_("Same member card %s"), detail);
    case RG_DUPLICATE_SIMILAR_NAME:
      return g_strdup_printf (_("Similar name, phone ending like %s"), detail != NULL ? detail : "");
    case RG_DUPLICATE_SAME_NAME:
    default:
      return g_strdup (_("Same name"));
    }
}

static void
show_duplicates (RgEnrolDialog *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (self->duplicates);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->duplicate_list))) != NULL)
    gtk_list_box_remove (self->duplicate_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgGuestDuplicate) duplicate = g_list_model_get_item (self->duplicates, i);
      g_autofree gchar *why = describe_duplicate (duplicate);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_guest_duplicate_get_name (duplicate));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (open), "guest-id",
                              g_strdup (rg_guest_duplicate_get_guest_id (duplicate)), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (on_open_button_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      gtk_list_box_append (self->duplicate_list, row);
    }
  gtk_widget_set_visible (self->duplicate_box, n > 0);
  if (n > 0)
    {
      gtk_button_set_label (self->save_button, self->guest_id == NULL ? _("_Enrol Anyway") : _("_Save Anyway"));
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->duplicate_list, 0)));
    }
}

/* Asks the core for look-alikes; %TRUE when saving may go on. */
static gboolean
check_duplicates (RgEnrolDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *name = dup_field (self->name_row);
  g_autofree gchar *phone = dup_field (self->phone_row);
  g_autofree gchar *card = dup_field (self->card_row);
  g_autofree gchar *signature = dup_signature (self);
  const gchar *phones[] = { nonempty (phone), NULL };
  g_autoptr(GListModel) found = NULL;

  if (g_strcmp0 (signature, self->confirmed) == 0)
    return TRUE;

  found = rg_guest_find_duplicates (rg_session_get_db (self->session), nonempty (name),
                                    phones, nonempty (card), self->guest_id, &error);
  if (found == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_set_object (&self->duplicates, found);
  show_duplicates (self);
  if (g_list_model_get_n_items (found) == 0)
    return TRUE;
  g_free (self->confirmed);
  self->confirmed = g_steal_pointer (&signature);
  return FALSE;
}

static gboolean
save_preferences (RgEnrolDialog  *self,
                  RgDb           *db,
                  const gchar    *guest_id,
                  GError        **error)
{
  g_autofree gchar *allergy = dup_field (self->allergy_row);
  guint zone = adw_combo_row_get_selected (self->zone_row);
  g_autofree gchar *allergy_id = NULL;
  g_autofree gchar *seating_id = NULL;

  if (*allergy != '\0')
    {
      allergy_id = rg_prefs_add_allergy (db, guest_id, allergy, NULL, NULL, error);
      if (allergy_id == NULL)
        return FALSE;
    }
  if (zone < G_N_ELEMENTS (zone_kinds) && zone_kinds[zone] != NULL)
    {
      seating_id = rg_prefs_add_seating (db, guest_id, "zone", zone_kinds[zone], 1.0, NULL, error);
      if (seating_id == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
fill_fields (RgEnrolDialog *self,
             RgGuestFields *fields,
             GStrv          texts)
{
  /* texts: name, title, family, birthday, notes — kept alive by the caller */
  fields->name = texts[0];
  fields->title = nonempty (texts[1]);
  fields->family_name = nonempty (texts[2]);
  fields->birthday = nonempty (texts[3]);
  fields->notes = texts[4];
  fields->vip = gtk_switch_get_active (self->vip_switch);
}

/* Writes the guest; returns its id, or NULL with @error set and nothing
 * written. */
static gchar *
write_guest (RgEnrolDialog  *self,
             GError        **error)
{
  RgDb *db = rg_session_get_db (self->session);
  g_autoptr(RgTransaction) txn = NULL;
  g_autofree gchar *phone = dup_field (self->phone_row);
  g_autofree gchar *card = dup_field (self->card_row);
  g_auto(GStrv) texts = g_new0 (gchar *, 6);
  g_autofree gchar *guest_id = NULL;
  RgGuestFields fields = { 0 };

  texts[0] = dup_field (self->name_row);
  texts[1] = dup_field (self->title_row);
  texts[2] = dup_field (self->family_row);
  texts[3] = dup_field (self->birthday_row);
  texts[4] = dup_field (self->notes_row);

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return NULL;

  if (self->guest_id == NULL)
    {
      const gchar *phones[] = { nonempty (phone), NULL };
      g_autoptr(RgGuest) guest = NULL;

      fill_fields (self, &fields, texts);
      guest = rg_guest_add (db, &fields, phones, nonempty (card), error);
      if (guest == NULL)
        return NULL;
      guest_id = g_strdup (rg_guest_get_id (guest));
    }
  else
    {
      g_autoptr(RgGuest) guest = rg_guest_get (db, self->guest_id, error);

      if (guest == NULL)
        return NULL;
      rg_guest_fields_init_from (&fields, guest);
      fill_fields (self, &fields, texts);
      if (!rg_guest_edit (db, self->guest_id, &fields, error))
        return NULL;
      if (*phone != '\0' && g_strcmp0 (phone, self->old_phone) != 0)
        {
          g_autofree gchar *e164 = rg_guest_add_phone (db, self->guest_id, phone, NULL, error);

          if (e164 == NULL)
            return NULL;
        }
      if (*card != '\0' && g_strcmp0 (card, self->old_card) != 0)
        {
          g_autofree gchar *bound = rg_guest_bind_card (db, self->guest_id, card, error);

          if (bound == NULL)
            return NULL;
        }
      guest_id = g_strdup (self->guest_id);
    }

  if (!save_preferences (self, db, guest_id, error)
      || !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&guest_id);
}

static void
prefill (RgEnrolDialog *self,
         const gchar   *query)
{
  g_autofree gchar *phone = NULL;

  if (query == NULL || *query == '\0')
    return;
  if (rg_card_number_looks_like (query))
    gtk_editable_set_text (GTK_EDITABLE (self->card_row), query);
  else if ((phone = rg_guest_normalize_phone (rg_session_get_db (self->session), query, NULL)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->phone_row), query);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), query);
}

/* ------------------------------------------------------------- callbacks */

static void
on_open_button_clicked_cb (GtkButton     *button,
                           RgEnrolDialog *self)
{
  g_autofree gchar *guest_id = g_strdup (g_object_get_data (G_OBJECT (button), "guest-id"));

  g_signal_emit (self, signals[SAVED], 0, guest_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_button_clicked_cb (GtkButton     *button,
                           RgEnrolDialog *self)
{
  rg_enrol_dialog_save (self);
}

/* ------------------------------------------------------------- overrides */

static void
rg_enrol_dialog_dispose (GObject *object)
{
  RgEnrolDialog *self = RG_ENROL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_ENROL_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->duplicates);

  G_OBJECT_CLASS (rg_enrol_dialog_parent_class)->dispose (object);
}

static void
rg_enrol_dialog_finalize (GObject *object)
{
  RgEnrolDialog *self = RG_ENROL_DIALOG (object);

  g_free (self->guest_id);
  g_free (self->confirmed);
  g_free (self->old_phone);
  g_free (self->old_card);

  G_OBJECT_CLASS (rg_enrol_dialog_parent_class)->finalize (object);
}

static void
rg_enrol_dialog_class_init (RgEnrolDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_enrol_dialog_dispose;
  object_class->finalize = rg_enrol_dialog_finalize;

  /**
   * RgEnrolDialog::saved:
   * @guest_id: the guest enrolled or edited, or the existing guest the
   *   host chose to open instead
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-enrol-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, duplicate_box);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, duplicate_list);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, card_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, family_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, vip_switch);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, allergy_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, RgEnrolDialog, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_enrol_dialog_init (RgEnrolDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* ------------------------------------------------------------ public API */

RgEnrolDialog *
rg_enrol_dialog_new (GtkWindow   *parent,
                     RgSession   *session,
                     const gchar *query)
{
  RgEnrolDialog *self;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  self = g_object_new (RG_TYPE_ENROL_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  prefill (self, query);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

RgEnrolDialog *
rg_enrol_dialog_new_edit (GtkWindow    *parent,
                          RgSession    *session,
                          const gchar  *guest_id,
                          GError      **error)
{
  g_autoptr(RgGuest) guest = NULL;
  RgEnrolDialog *self;
  const gchar * const *phones;
  const gchar * const *cards;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (guest_id != NULL, NULL);

  guest = rg_guest_get (rg_session_get_db (session), guest_id, error);
  if (guest == NULL)
    return NULL;

  self = g_object_new (RG_TYPE_ENROL_DIALOG,
                       "transient-for", parent,
                       "title", _("Edit Guest"),
                       NULL);
  self->session = g_object_ref (session);
  self->guest_id = g_strdup (rg_guest_get_id (guest));
  phones = rg_guest_get_phones (guest);
  cards = rg_guest_get_cards (guest);
  /* Who may not see numbers in full can add one, not read the old one. */
  self->old_phone = g_strdup (phones[0] != NULL && rg_session_may (session, RG_PERMISSION_SEE_PHONES)
                              ? phones[0] : "");
  self->old_card = g_strdup (cards[0] != NULL ? cards[0] : "");

  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rg_guest_get_name (guest));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), self->old_phone);
  gtk_editable_set_text (GTK_EDITABLE (self->card_row), self->old_card);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rg_guest_get_title (guest) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->family_row), rg_guest_get_family_name (guest) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->birthday_row), rg_guest_get_birthday (guest) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), rg_guest_get_notes (guest));
  gtk_switch_set_active (self->vip_switch, rg_guest_get_vip (guest));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

gboolean
rg_enrol_dialog_save (RgEnrolDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest_id = NULL;

  g_return_val_if_fail (RG_IS_ENROL_DIALOG (self), FALSE);

  show_error (self, NULL);
  if (!check_duplicates (self))
    return FALSE;
  guest_id = write_guest (self, &error);
  if (guest_id == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, guest_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkEditable *
rg_enrol_dialog_get_field (RgEnrolDialog *self,
                           const gchar   *name)
{
  const struct { const gchar *name; gsize offset; } fields[] = {
    { "name", G_STRUCT_OFFSET (RgEnrolDialog, name_row) },
    { "phone", G_STRUCT_OFFSET (RgEnrolDialog, phone_row) },
    { "card", G_STRUCT_OFFSET (RgEnrolDialog, card_row) },
    { "title", G_STRUCT_OFFSET (RgEnrolDialog, title_row) },
    { "family", G_STRUCT_OFFSET (RgEnrolDialog, family_row) },
    { "allergy", G_STRUCT_OFFSET (RgEnrolDialog, allergy_row) },
    { "birthday", G_STRUCT_OFFSET (RgEnrolDialog, birthday_row) },
    { "notes", G_STRUCT_OFFSET (RgEnrolDialog, notes_row) },
  };

  g_return_val_if_fail (RG_IS_ENROL_DIALOG (self), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return G_STRUCT_MEMBER (GtkEditable *, self, fields[i].offset);
  g_return_val_if_reached (NULL);
}

GListModel *
rg_enrol_dialog_get_duplicates (RgEnrolDialog *self)
{
  g_return_val_if_fail (RG_IS_ENROL_DIALOG (self), NULL);

  return self->duplicates;
}
