/* rg-digit-pad.h — an on-screen digit pad for typing phones and card numbers
 * by touch into a text field.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_TYPE_DIGIT_PAD (rg_digit_pad_get_type ())
G_DECLARE_FINAL_TYPE (RgDigitPad, rg_digit_pad, RG, DIGIT_PAD, GtkWidget)

GtkWidget   *rg_digit_pad_new        (void);

/* (transfer none) (nullable): the field the pad types into */
GtkEditable *rg_digit_pad_get_target (RgDigitPad  *self);
void         rg_digit_pad_set_target (RgDigitPad  *self,
                                      GtkEditable *target);

G_END_DECLS
