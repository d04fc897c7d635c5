/* rg-report-export.h — a report written out as CSV, the same for the
 * command line and the owner dashboard.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV is one long table (section, key, label, group, measure, value,
 * previous) so that every report has the same columns: one line per row and
 * measure, numbers in the C locale with up to six significant digits, an
 * empty field where a measure does not apply.
 */
#pragma once

#include <gio/gio.h>

#include "rg-report.h"

G_BEGIN_DECLS

RgReport *rg_report_export     (RgDb         *db,
                                const gchar  *staff_id,
                                RgReport     *report,
                                GError      **error);
gchar    *rg_report_to_csv    (RgReport     *report);
gboolean  rg_report_write_csv (RgReport     *report,
                               const gchar  *path,
                               GError      **error);

G_END_DECLS
