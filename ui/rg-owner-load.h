/* rg-owner-load.h — the owner dashboard's worker: every report of a range
 * made in a thread on a connection of its own, each handed back to the main
 * loop as soon as it is made.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rg-report.h"

G_BEGIN_DECLS

/* The jobs of a load: each report kind (its RgReportKind), the tiers by
 * profit, and the low ratings (a GListModel of RgFeedback). */
#define RG_OWNER_JOB_TIERS_BY_PROFIT RG_REPORT_N_KINDS
#define RG_OWNER_JOB_LOW_RATINGS     (RG_REPORT_N_KINDS + 1)
#define RG_OWNER_N_JOBS              (RG_REPORT_N_KINDS + 2)

/**
 * RgOwnerLoadRequest:
 * @path: the database file
 * @staff_id: (nullable): who asks; rg_report_run() checks the permission
 * @branch_id: (nullable): one branch, %NULL for all
 * @from: the first day, YYYY-MM-DD
 * @to: the last day
 * @first: the report to make first (the tab in view)
 *
 * What to load; the strings are copied.
 */
typedef struct
{
  const gchar  *path;
  const gchar  *staff_id;
  const gchar  *branch_id;
  const gchar  *from;
  const gchar  *to;
  RgReportKind  first;
} RgOwnerLoadRequest;

/**
 * RgOwnerJobFunc:
 * @owner: the object that started the load
 * @job: which job: a #RgReportKind or an RG_OWNER_JOB_ number
 * @report: (nullable): the report made
 * @list: (nullable): the low ratings
 * @error: (nullable): why the job failed
 *
 * Called on the main loop for each job done, in the order they were made,
 * unless the load was cancelled by then.
 */
typedef void (*RgOwnerJobFunc) (GObject      *owner,
                                guint         job,
                                RgReport     *report,
                                GListModel   *list,
                                const GError *error);

void rg_owner_load_start (GObject                  *owner,
                          const RgOwnerLoadRequest *request,
                          GCancellable             *cancellable,
                          RgOwnerJobFunc            on_job,
                          GAsyncReadyCallback       on_done,
                          gpointer                  user_data);

G_END_DECLS
