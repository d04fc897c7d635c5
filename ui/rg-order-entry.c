/* rg-order-entry.c — the menu list, its search, and adding lines.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every tap is one call to rg_visit_add_line(): the line is committed
 * before the list says so.  The allergen guard is the core's: the widget
 * only asks the waiter and repeats the call with the confirmation.
 */
#include "rg-order-entry.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-error.h"
#include "rg-menu.h"
#include "rg-prefs.h"
#include "rg-ui-format.h"
#include "rg-visit.h"

struct _RgOrderEntry
{
  GtkWidget parent_instance;

  /* owned */
  RgSession      *session;
  gchar          *visit_id;
  GStrv           allergens;        /* of the guests at the table */

  /* template children */
  GtkSearchEntry *search_entry;
  GtkSpinButton  *qty_spin;
  GtkSpinButton  *seat_spin;
  GtkSpinButton  *course_spin;
  GtkListBox     *menu_list;
  GtkLabel       *info_label;
};

G_DEFINE_FINAL_TYPE (RgOrderEntry, rg_order_entry, GTK_TYPE_WIDGET)

enum {
  LINE_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a pending allergen confirmation will add. */
typedef struct
{
  RgOrderEntry *self;
  gchar        *item_id;
  gint          qty;
  gint          seat;
  gint          course;
} PendingLine;

static void
pending_line_free (gpointer  data,
                   GClosure *closure)
{
  PendingLine *pending = data;

  g_object_unref (pending->self);
  g_free (pending->item_id);
  g_free (pending);
}

/* --------------------------------------------------------------- helpers */

/* (transfer full) (nullable): the table's allergens that @item holds,
 * "egg, soy"; %NULL when none. */
static gchar *
risky_allergens (RgOrderEntry *self,
                 RgMenuItem   *item)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; self->allergens != NULL && self->allergens[i] != NULL; i++)
    if (rg_menu_item_has_allergen (item, self->allergens[i]))
      g_ptr_array_add (found, self->allergens[i]);
  if (found->len == 0)
    return NULL;
  g_ptr_array_add (found, NULL);
  return g_strjoinv (", ", (gchar **) found->pdata);
}

static GtkWidget *
make_item_row (RgOrderEntry *self,
               RgMenuItem   *item)
{
  GtkWidget *row = adw_action_row_new ();
  const gchar * const *allergens = rg_menu_item_get_allergens (item);
  g_autofree gchar *price = rg_ui_format_money (rg_menu_item_get_price (item));
  g_autofree gchar *listed = g_strjoinv (", ", (gchar **) allergens);
  g_autofree gchar *subtitle = NULL;
  g_autofree gchar *risky = risky_allergens (self, item);

  if (!rg_menu_item_get_available (item))
    /* Translators: a menu item that is 86'd, "¥12.00 · off today" */
    subtitle = g_strdup_printf (_("%s · off today"), price);
  else if (risky != NULL)
    /* Translators: a dish holding an allergen of someone at the table,
     * "¥12.00 · ⚠ egg: allergy at this table" */
    subtitle = g_strdup_printf (_("%s · ⚠ %s: allergy at this table"), price, risky);
  else if (allergens[0] != NULL)
    /* Translators: "¥12.00 · contains gluten, milk" */
    subtitle = g_strdup_printf (_("%s · contains %s"), price, listed);
  else
    subtitle = g_steal_pointer (&price);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rg_menu_item_get_name (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), rg_menu_item_get_available (item));
  gtk_widget_set_sensitive (row, rg_menu_item_get_available (item));
  if (risky != NULL)
    gtk_widget_add_css_class (row, "error");
  if (rg_menu_item_get_available (item))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  else
    gtk_widget_add_css_class (row, "off-today");
  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (rg_menu_item_get_id (item)), g_free);
  g_object_set_data_full (G_OBJECT (row), "category", g_strdup (rg_menu_item_get_category (item)), g_free);
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const gchar *category = g_object_get_data (G_OBJECT (row), "category");
  GtkWidget *label;

  if (before != NULL && g_strcmp0 (category, g_object_get_data (G_OBJECT (before), "category")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (category);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "menu-category");
  gtk_list_box_row_set_header (row, label);
}

static gboolean
fill_menu (RgOrderEntry  *self,
           GError       **error)
{
  RgDb *db = rg_session_get_db (self->session);
  const gchar *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListModel) items = NULL;
  GtkWidget *child;
  guint n;

  if (text[0] != '\0')
    items = rg_menu_search (db, text, error);
  else
    items = rg_menu_list (db, NULL, error);
  if (items == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->menu_list))) != NULL)
    gtk_list_box_remove (self->menu_list, child);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgMenuItem) item = g_list_model_get_item (items, i);

      gtk_list_box_append (self->menu_list, make_item_row (self, item));
    }
  return TRUE;
}

static void
say (RgOrderEntry *self,
     const gchar  *message)
{
  gtk_label_set_label (self->info_label, message);
}

static gboolean
add_line (RgOrderEntry  *self,
          const gchar   *item_id,
          gint           qty,
          gint           seat,
          gint           course,
          gboolean       confirm,
          GError       **error)
{
  g_autoptr(RgOrderLine) line = NULL;
  g_autofree gchar *message = NULL;

  line = rg_visit_add_line (rg_session_get_db (self->session), self->visit_id, item_id,
                            qty, seat, course, rg_session_get_staff_id (self->session),
                            confirm, error);
  if (line == NULL)
    return FALSE;
  /* Translators: "Added 2 × Margherita" */
  message = g_strdup_printf (_("Added %d × %s"), rg_order_line_get_qty (line),
                             rg_order_line_get_item_name (line));
  say (self, message);
  g_signal_emit (self, signals[LINE_ADDED], 0, rg_order_line_get_id (line));
  return TRUE;
}

/* ------------------------------------------------------------- callbacks */

static void
on_allergen_dialog_response_cb (AdwMessageDialog *dialog,
                                const gchar      *response,
                                PendingLine      *pending)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") == 0 &&
      !add_line (pending->self, pending->item_id, pending->qty, pending->seat,
                 pending->course, TRUE, &error))
    say (pending->self, error->message);
}

static void
on_menu_list_row_activated_cb (GtkListBox    *list,
                               GtkListBoxRow *row,
                               RgOrderEntry  *self)
{
  g_autofree gchar *item_id = g_strdup (g_object_get_data (G_OBJECT (row), "item-id"));
  g_autoptr(GError) error = NULL;

  if (!rg_order_entry_add_item (self, item_id, &error))
    say (self, error->message);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry *entry,
                                   RgOrderEntry   *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session != NULL && !fill_menu (self, &error))
    say (self, error->message);
}

/* ------------------------------------------------------------- overrides */

static void
rg_order_entry_dispose (GObject *object)
{
  RgOrderEntry *self = RG_ORDER_ENTRY (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_ORDER_ENTRY);
  /* the template's outer box is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->visit_id, g_free);
  g_clear_pointer (&self->allergens, g_strfreev);

  G_OBJECT_CLASS (rg_order_entry_parent_class)->dispose (object);
}

static void
rg_order_entry_class_init (RgOrderEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_order_entry_dispose;

  /**
   * RgOrderEntry::line-added:
   * @line_id: the line just committed
   */
  signals[LINE_ADDED] = g_signal_new ("line-added", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-order-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, RgOrderEntry, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RgOrderEntry, qty_spin);
  gtk_widget_class_bind_template_child (widget_class, RgOrderEntry, seat_spin);
  gtk_widget_class_bind_template_child (widget_class, RgOrderEntry, course_spin);
  gtk_widget_class_bind_template_child (widget_class, RgOrderEntry, menu_list);
  gtk_widget_class_bind_template_child (widget_class, RgOrderEntry, info_label);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "orderentry");
}

static void
rg_order_entry_init (RgOrderEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->menu_list, header_func, NULL, NULL);
}

/* ------------------------------------------------------------ public API */

void
rg_order_entry_set_session (RgOrderEntry *self,
                            RgSession    *session)
{
  g_return_if_fail (RG_IS_ORDER_ENTRY (self));
  g_return_if_fail (RG_IS_SESSION (session));

  g_set_object (&self->session, session);
}

gboolean
rg_order_entry_load (RgOrderEntry  *self,
                     const gchar   *visit_id,
                     GError       **error)
{
  g_auto(GStrv) guest_ids = NULL;
  g_auto(GStrv) allergens = NULL;

  g_return_val_if_fail (RG_IS_ORDER_ENTRY (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  guest_ids = rg_visit_list_guest_ids (rg_session_get_db (self->session), visit_id, error);
  if (guest_ids == NULL)
    return FALSE;
  allergens = rg_prefs_list_allergens_for_guests (rg_session_get_db (self->session),
                                                  (const gchar * const *) guest_ids, error);
  if (allergens == NULL)
    return FALSE;
  g_strfreev (self->allergens);
  self->allergens = g_steal_pointer (&allergens);
  g_free (self->visit_id);
  self->visit_id = g_strdup (visit_id);
  rg_order_entry_set_amounts (self, 1, 0, 0);
  say (self, _("Tap a dish to add it to the check."));
  return fill_menu (self, error);
}

gboolean
rg_order_entry_add_item (RgOrderEntry  *self,
                         const gchar   *item_id,
                         GError       **error)
{
  gint qty, seat, course;
  g_autoptr(GError) local_error = NULL;
  AdwMessageDialog *dialog;
  PendingLine *pending;

  g_return_val_if_fail (RG_IS_ORDER_ENTRY (self), FALSE);
  g_return_val_if_fail (self->visit_id != NULL, FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  qty = gtk_spin_button_get_value_as_int (self->qty_spin);
  seat = gtk_spin_button_get_value_as_int (self->seat_spin);
  course = gtk_spin_button_get_value_as_int (self->course_spin);
  if (add_line (self, item_id, qty, seat, course, FALSE, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, RG_ERROR, RG_ERROR_ALLERGEN))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Allergy Warning"), local_error->message));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Don't Add"),
                                    "add", _("_Confirmed With Guest, Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "allergen-dialog");

  pending = g_new0 (PendingLine, 1);
  pending->self = g_object_ref (self);
  pending->item_id = g_strdup (item_id);
  pending->qty = qty;
  pending->seat = seat;
  pending->course = course;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_allergen_dialog_response_cb),
                         pending, pending_line_free, 0);
  say (self, local_error->message);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
rg_order_entry_set_amounts (RgOrderEntry *self,
                            gint          qty,
                            gint          seat,
                            gint          course)
{
  g_return_if_fail (RG_IS_ORDER_ENTRY (self));

  gtk_spin_button_set_value (self->qty_spin, qty);
  gtk_spin_button_set_value (self->seat_spin, seat);
  gtk_spin_button_set_value (self->course_spin, course);
}
