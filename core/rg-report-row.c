/* rg-report-row.c — one row of a report: a key, a label, a group and the
 * numbers of the period and of the period before.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rg-report-private.h"

struct _RgReportRow
{
  GObject parent_instance;

  /* owned */
  gchar  *key;
  gchar  *label;
  gchar  *group;
  gdouble values[RG_MEASURE_N];
  gdouble previous[RG_MEASURE_N];
};

G_DEFINE_FINAL_TYPE (RgReportRow, rg_report_row, G_TYPE_OBJECT)

static void
rg_report_row_finalize (GObject *object)
{
  RgReportRow *self = RG_REPORT_ROW (object);

  g_free (self->key);
  g_free (self->label);
  g_free (self->group);
  G_OBJECT_CLASS (rg_report_row_parent_class)->finalize (object);
}

static void
rg_report_row_class_init (RgReportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_report_row_finalize;
}

static void
rg_report_row_init (RgReportRow *self)
{
  for (guint i = 0; i < RG_MEASURE_N; i++)
    self->values[i] = self->previous[i] = NAN;
}

RgReportRow *
_rg_report_row_new (const gchar *key,
                    const gchar *label,
                    const gchar *group)
{
  RgReportRow *self = g_object_new (RG_TYPE_REPORT_ROW, NULL);

  self->key = g_strdup (key);
  self->label = g_strdup (label != NULL ? label : key);
  self->group = g_strdup (group);
  return self;
}

void
_rg_report_row_set (RgReportRow *row,
                    RgMeasure    measure,
                    gdouble      value)
{
  row->values[measure] = value;
}

void
_rg_report_row_set_previous (RgReportRow *row,
                             RgMeasure    measure,
                             gdouble      value)
{
  row->previous[measure] = value;
}

/**
 * rg_report_row_get_key:
 * @self: a row
 *
 * Returns: (transfer none): what the row is about: an id, a day
 *   "YYYY-MM-DD", a week "YYYY-Www", a month "YYYY-MM", "W-HH" for a
 *   weekday and hour, or a word ("top1", "champions", "new"…).
 */
const gchar *
rg_report_row_get_key (RgReportRow *self)
{
  g_return_val_if_fail (RG_IS_REPORT_ROW (self), NULL);
  return self->key;
}

/**
 * rg_report_row_get_label:
 * @self: a row
 *
 * Returns: (transfer none): the row's name for people (a dish, a table, a
 *   guest); the key when there is no other.
 */
const gchar *
rg_report_row_get_label (RgReportRow *self)
{
  g_return_val_if_fail (RG_IS_REPORT_ROW (self), NULL);
  return self->label;
}

/**
 * rg_report_row_get_group:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the group of the row: a dish's
 *   category, a table's zone, a guest's segment, "birthday" or
 *   "anniversary".
 */
const gchar *
rg_report_row_get_group (RgReportRow *self)
{
  g_return_val_if_fail (RG_IS_REPORT_ROW (self), NULL);
  return self->group;
}

/**
 * rg_report_row_get_value:
 * @self: a row
 * @measure: which number
 *
 * Returns: the number in the report's period; NaN when it does not apply.
 */
gdouble
rg_report_row_get_value (RgReportRow *self,
                         RgMeasure    measure)
{
  g_return_val_if_fail (RG_IS_REPORT_ROW (self), NAN);
  g_return_val_if_fail ((guint) measure < RG_MEASURE_N, NAN);
  return self->values[measure];
}

/**
 * rg_report_row_get_previous:
 * @self: a row
 * @measure: which number
 *
 * Returns: the number in the period before (for rows of the "revenue"
 *   report: the same day, week or month a year before); NaN when it does
 *   not apply.
 */
gdouble
rg_report_row_get_previous (RgReportRow *self,
                            RgMeasure    measure)
{
  g_return_val_if_fail (RG_IS_REPORT_ROW (self), NAN);
  g_return_val_if_fail ((guint) measure < RG_MEASURE_N, NAN);
  return self->previous[measure];
}

/**
 * rg_report_row_get_change_pct:
 * @self: a row
 * @measure: which number
 *
 * Returns: the change from the previous figure in percent; NaN when there
 *   is no previous figure or it is 0.
 */
gdouble
rg_report_row_get_change_pct (RgReportRow *self,
                              RgMeasure    measure)
{
  gdouble now = rg_report_row_get_value (self, measure);
  gdouble before = rg_report_row_get_previous (self, measure);

  if (isnan (now) || isnan (before) || before == 0)
    return NAN;
  return (now - before) / fabs (before) * 100.0;
}
