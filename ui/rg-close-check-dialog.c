/* rg-close-check-dialog.c — the totals, the tip and the payment method.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-close-check-dialog.h"

#include <glib/gi18n.h>

#include "rg-ui-format.h"

/* Tips are typed in major units with two decimals. */
#define MINOR_PER_MAJOR 100.0
#define TIP_MAX         100000.0

struct _RgCloseCheckDialog
{
  AdwMessageDialog parent_instance;

  /* owned */
  RgSession     *session;
  gchar         *visit_id;

  /* children */
  GtkSpinButton *tip_spin;
  GtkDropDown   *method_drop;
};

G_DEFINE_FINAL_TYPE (RgCloseCheckDialog, rg_close_check_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
rg_close_check_dialog_dispose (GObject *object)
{
  RgCloseCheckDialog *self = RG_CLOSE_CHECK_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->visit_id, g_free);

  G_OBJECT_CLASS (rg_close_check_dialog_parent_class)->dispose (object);
}

static void
rg_close_check_dialog_class_init (RgCloseCheckDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_close_check_dialog_dispose;
}

static void
rg_close_check_dialog_init (RgCloseCheckDialog *self)
{
  const gchar *methods[] = {
    C_("payment", "Cash"), C_("payment", "Card"), C_("payment", "Mobile"),
    C_("payment", "Voucher"), C_("payment", "Other"), NULL,
  };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *tip_label = gtk_label_new_with_mnemonic (_("_Tip"));
  GtkWidget *method_label = gtk_label_new_with_mnemonic (_("_Paid by"));

  self->tip_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, TIP_MAX, 1));
  gtk_spin_button_set_digits (self->tip_spin, 2);
  self->method_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (methods));
  gtk_label_set_mnemonic_widget (GTK_LABEL (tip_label), GTK_WIDGET (self->tip_spin));
  gtk_label_set_mnemonic_widget (GTK_LABEL (method_label), GTK_WIDGET (self->method_drop));
  gtk_label_set_xalign (GTK_LABEL (tip_label), 0);
  gtk_label_set_xalign (GTK_LABEL (method_label), 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->tip_spin), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), tip_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->tip_spin), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), method_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->method_drop), 1, 1, 1, 1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), grid);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose Check"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

RgCloseCheckDialog *
rg_close_check_dialog_new (GtkWindow    *parent,
                           RgSession    *session,
                           const gchar  *visit_id,
                           GError      **error)
{
  RgCloseCheckDialog *self;
  RgVisitTotals totals = { 0 };
  g_autofree gchar *money = NULL;
  g_autofree gchar *body = NULL;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  if (!rg_visit_get_totals (rg_session_get_db (session), visit_id, &totals, error))
    return NULL;
  money = rg_ui_format_money (totals.subtotal);
  body = g_strdup_printf (ngettext ("Subtotal %s for %d item.", "Subtotal %s for %d items.", totals.items),
                          money, totals.items);

  self = g_object_new (RG_TYPE_CLOSE_CHECK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Close the Check"),
                       "body", body,
                       NULL);
  self->session = g_object_ref (session);
  self->visit_id = g_strdup (visit_id);
  return self;
}

void
rg_close_check_dialog_set_tip (RgCloseCheckDialog *self,
                               gint64              tip)
{
  g_return_if_fail (RG_IS_CLOSE_CHECK_DIALOG (self));

  gtk_spin_button_set_value (self->tip_spin, tip / MINOR_PER_MAJOR);
}

void
rg_close_check_dialog_set_method (RgCloseCheckDialog *self,
                                  RgPaymentMethod     method)
{
  g_return_if_fail (RG_IS_CLOSE_CHECK_DIALOG (self));

  gtk_drop_down_set_selected (self->method_drop, method);
}

gboolean
rg_close_check_dialog_apply (RgCloseCheckDialog  *self,
                             GError             **error)
{
  gint64 tip;

  g_return_val_if_fail (RG_IS_CLOSE_CHECK_DIALOG (self), FALSE);

  gtk_spin_button_update (self->tip_spin);
  tip = (gint64) (gtk_spin_button_get_value (self->tip_spin) * MINOR_PER_MAJOR + 0.5);
  return rg_visit_close (rg_session_get_db (self->session), self->visit_id, tip,
                         (RgPaymentMethod) gtk_drop_down_get_selected (self->method_drop),
                         0, error);
}
