/* rg-digit-pad.c — ten digits, backspace, clear and "look up".
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons never take the focus, so the text field keeps its cursor and a
 * host can mix the pad with a keyboard.  "Look up" emits ::submit, which the
 * owner treats like Enter in the field.
 */
#include "rg-digit-pad.h"

struct _RgDigitPad
{
  GtkWidget parent_instance;

  /* borrowed (weak) */
  GtkEditable *target;

  /* template children */
  GtkButton   *submit_key;
};

G_DEFINE_FINAL_TYPE (RgDigitPad, rg_digit_pad, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_SUBMIT_LABEL,
  N_PROPS
};

enum {
  SUBMIT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------- callbacks */

static void
on_digit_button_clicked_cb (GtkButton  *button,
                            RgDigitPad *self)
{
  gint pos;

  if (self->target == NULL)
    return;
  pos = gtk_editable_get_position (self->target);
  gtk_editable_insert_text (self->target, gtk_button_get_label (button), -1, &pos);
  gtk_editable_set_position (self->target, pos);
}

static void
on_backspace_button_clicked_cb (GtkButton  *button,
                                RgDigitPad *self)
{
  gint pos;

  if (self->target == NULL)
    return;
  pos = gtk_editable_get_position (self->target);
  if (pos > 0)
    gtk_editable_delete_text (self->target, pos - 1, pos);
}

static void
on_clear_button_clicked_cb (GtkButton  *button,
                            RgDigitPad *self)
{
  if (self->target != NULL)
    gtk_editable_set_text (self->target, "");
}

static void
on_submit_button_clicked_cb (GtkButton  *button,
                             RgDigitPad *self)
{
  g_signal_emit (self, signals[SUBMIT], 0);
}

/* ------------------------------------------------------------- overrides */

static void
rg_digit_pad_dispose (GObject *object)
{
  RgDigitPad *self = RG_DIGIT_PAD (object);
  GtkWidget *child;

  rg_digit_pad_set_target (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_DIGIT_PAD);
  /* The template's children that are not bound are left to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rg_digit_pad_parent_class)->dispose (object);
}

static void
rg_digit_pad_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RgDigitPad *self = RG_DIGIT_PAD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_SUBMIT_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->submit_key));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_digit_pad_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RgDigitPad *self = RG_DIGIT_PAD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      rg_digit_pad_set_target (self, g_value_get_object (value));
      break;
    case PROP_SUBMIT_LABEL:
      gtk_button_set_label (self->submit_key, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_digit_pad_class_init (RgDigitPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_digit_pad_dispose;
  object_class->get_property = rg_digit_pad_get_property;
  object_class->set_property = rg_digit_pad_set_property;

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the wide key says: "Look Up" by default, "Unlock" for a PIN. */
  properties[PROP_SUBMIT_LABEL] =
    g_param_spec_string ("submit-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgDigitPad::submit:
   *
   * The "look up" key was pressed.
   */
  signals[SUBMIT] = g_signal_new ("submit", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/regulars/Regulars/ui/rg-digit-pad.ui");
  gtk_widget_class_bind_template_child (widget_class, RgDigitPad, submit_key);
  gtk_widget_class_bind_template_callback (widget_class, on_digit_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backspace_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_button_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "digitpad");
}

static void
rg_digit_pad_init (RgDigitPad *self)
{
  GtkGridLayout *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  gtk_grid_layout_set_row_spacing (layout, 8);
  gtk_grid_layout_set_column_spacing (layout, 8);
  gtk_grid_layout_set_row_homogeneous (layout, TRUE);
  gtk_grid_layout_set_column_homogeneous (layout, TRUE);
}

/* ------------------------------------------------------------ public API */

GtkWidget *
rg_digit_pad_new (void)
{
  return g_object_new (RG_TYPE_DIGIT_PAD, NULL);
}

GtkEditable *
rg_digit_pad_get_target (RgDigitPad *self)
{
  g_return_val_if_fail (RG_IS_DIGIT_PAD (self), NULL);

  return self->target;
}

void
rg_digit_pad_set_target (RgDigitPad  *self,
                         GtkEditable *target)
{
  g_return_if_fail (RG_IS_DIGIT_PAD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (self->target == target)
    return;
  if (self->target != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
  self->target = target;
  if (self->target != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}
