/* rg-owner-pdf.h — a report printed to an A4 PDF: title, range and branch,
 * the chart, then its tables, over as many pages as they need.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-chart.h"
#include "rg-owner-table.h"

G_BEGIN_DECLS

gboolean rg_owner_pdf_write (const gchar            *path,
                             const gchar            *title,
                             const gchar            *subtitle,
                             RgChart                *chart,
                             RgReport               *report,
                             const RgOwnerTableSpec *specs,
                             guint                   n_specs,
                             GError                **error);

G_END_DECLS
