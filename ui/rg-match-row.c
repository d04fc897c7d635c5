/* rg-match-row.c — a lookup result: name, VIP and spend tier badges,
 * masked phone, last visit.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-match-row.h"

#include <glib/gi18n.h>

#include "rg-ui-format.h"

struct _RgMatchRow
{
  GtkWidget parent_instance;

  /* owned */
  RgGuestMatch *match;

  /* template children */
  GtkLabel     *name_label;
  GtkLabel     *detail_label;
  GtkLabel     *vip_badge;
  GtkLabel     *tier_badge;
};

G_DEFINE_FINAL_TYPE (RgMatchRow, rg_match_row, GTK_TYPE_WIDGET)

/* --------------------------------------------------------------- helpers */

static gchar *
describe_match (RgGuestMatch *match)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 last = rg_guest_match_get_last_visit_ms (match);

  if (rg_guest_match_get_masked_phone (match) != NULL)
    g_ptr_array_add (parts, g_strdup (rg_guest_match_get_masked_phone (match)));
  if (last > 0)
    {
      g_autofree gchar *day = rg_ui_format_day (last);

      /* Translators: in a lookup result, "last visit 3 Nov" */
      g_ptr_array_add (parts, g_strdup_printf (_("last visit %s"), day));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("no visit yet")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (gchar **) parts->pdata);
}

/* ------------------------------------------------------------- overrides */

static void
rg_match_row_dispose (GObject *object)
{
  RgMatchRow *self = RG_MATCH_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->match);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_MATCH_ROW);
  /* The template's children that are not bound are left to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rg_match_row_parent_class)->dispose (object);
}

static void
rg_match_row_class_init (RgMatchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_match_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-match-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RgMatchRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RgMatchRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, RgMatchRow, vip_badge);
  gtk_widget_class_bind_template_child (widget_class, RgMatchRow, tier_badge);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matchrow");
}

static void
rg_match_row_init (RgMatchRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
}

/* ------------------------------------------------------------ public API */

GtkWidget *
rg_match_row_new (void)
{
  return g_object_new (RG_TYPE_MATCH_ROW, NULL);
}

RgGuestMatch *
rg_match_row_get_match (RgMatchRow *self)
{
  g_return_val_if_fail (RG_IS_MATCH_ROW (self), NULL);

  return self->match;
}

void
rg_match_row_set_match (RgMatchRow   *self,
                        RgGuestMatch *match)
{
  g_autofree gchar *detail = NULL;

  g_return_if_fail (RG_IS_MATCH_ROW (self));

  if (!g_set_object (&self->match, match) || match == NULL)
    return;

  detail = describe_match (match);
  gtk_label_set_label (self->name_label, rg_guest_match_get_name (match));
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->vip_badge), rg_guest_match_get_vip (match));
}

void
rg_match_row_set_tier (RgMatchRow  *self,
                       RgGuestTier  tier)
{
  g_return_if_fail (RG_IS_MATCH_ROW (self));

  rg_ui_show_tier (self->tier_badge, tier);
}
