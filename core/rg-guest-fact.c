/* rg-guest-fact.c — one fact about a guest, as rg-prefs reads it.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-guest-fact-private.h"

struct _RgGuestFact
{
  GObject parent_instance;

  /* owned */
  gchar      *id;
  gchar      *guest_id;
  gchar      *value;
  gchar      *detail;
  gchar      *note;
  gchar      *label;
  gchar      *staff_id;

  RgFactKind  kind;
  gdouble     weight;
  gint64      created_ms;
  gint64      updated_hlc;
};

G_DEFINE_FINAL_TYPE (RgGuestFact, rg_guest_fact, G_TYPE_OBJECT)

static gchar *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, column));
}

/* ----------------------------------------------------------------- object */

static void
rg_guest_fact_finalize (GObject *object)
{
  RgGuestFact *self = RG_GUEST_FACT (object);

  g_free (self->id);
  g_free (self->guest_id);
  g_free (self->value);
  g_free (self->detail);
  g_free (self->note);
  g_free (self->label);
  g_free (self->staff_id);

  G_OBJECT_CLASS (rg_guest_fact_parent_class)->finalize (object);
}

static void
rg_guest_fact_class_init (RgGuestFactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_guest_fact_finalize;
}

static void
rg_guest_fact_init (RgGuestFact *self)
{
}

RgGuestFact *
_rg_guest_fact_new_from_row (RgFactKind    kind,
                             sqlite3_stmt *stmt)
{
  RgGuestFact *self = g_object_new (RG_TYPE_GUEST_FACT, NULL);

  g_assert (sqlite3_column_count (stmt) == RG_GUEST_FACT_COLUMNS);

  self->kind = kind;
  self->id = column_text (stmt, 0);
  self->guest_id = column_text (stmt, 1);
  self->value = column_text (stmt, 2);
  self->detail = column_text (stmt, 3);
  self->note = column_text (stmt, 4);
  self->weight = sqlite3_column_double (stmt, 5);
  self->staff_id = column_text (stmt, 6);
  self->created_ms = sqlite3_column_int64 (stmt, 7);
  self->updated_hlc = sqlite3_column_int64 (stmt, 8);
  self->label = column_text (stmt, 9);
  return self;
}

RgFactKind
rg_guest_fact_get_kind (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), RG_FACT_TAG);
  return self->kind;
}

const gchar *
rg_guest_fact_get_id (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), NULL);
  return self->id;
}

const gchar *
rg_guest_fact_get_guest_id (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), NULL);
  return self->guest_id;
}

const gchar *
rg_guest_fact_get_value (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), NULL);
  return self->value;
}

const gchar *
rg_guest_fact_get_detail (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), NULL);
  return self->detail;
}

const gchar *
rg_guest_fact_get_note (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), NULL);
  return self->note;
}

const gchar *
rg_guest_fact_get_label (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), NULL);
  return self->label;
}

gdouble
rg_guest_fact_get_weight (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), 0.0);
  return self->weight;
}

const gchar *
rg_guest_fact_get_staff_id (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), NULL);
  return self->staff_id;
}

gint64
rg_guest_fact_get_created_ms (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), 0);
  return self->created_ms;
}

gint64
rg_guest_fact_get_updated_hlc (RgGuestFact *self)
{
  g_return_val_if_fail (RG_IS_GUEST_FACT (self), 0);
  return self->updated_hlc;
}
