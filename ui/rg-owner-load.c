/* rg-owner-load.c — the owner dashboard's worker.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One thread runs the jobs one after the other on its own connection
 * (reports are milliseconds each; one connection writes the audit row
 * without contending with itself): one "report.view" row for them all,
 * naming every report the dashboard shows.  Each result is posted to the main
 * context of the caller: the first at the default priority, so it is shown
 * at once; the others below the priority of redrawing, so the frame that
 * shows the first is painted before they are taken in.
 */
#include "rg-owner-load.h"

#include <stdlib.h>

#include "rg-feedback.h"

typedef struct
{
  gchar          *path;
  gchar          *staff_id;
  gchar          *branch_id;
  gchar          *from;
  gchar          *to;
  guint           order[RG_OWNER_N_JOBS];
  RgOwnerJobFunc  on_job;
} Load;

/* One job's outcome, handed to the main loop. */
typedef struct
{
  GTask      *task;       /* owned: the load's */
  guint       job;
  RgReport   *report;
  GListModel *list;
  GError     *error;
} JobResult;

static void
load_free (Load *load)
{
  g_free (load->path);
  g_free (load->staff_id);
  g_free (load->branch_id);
  g_free (load->from);
  g_free (load->to);
  g_free (load);
}

static void
job_result_free (JobResult *result)
{
  g_clear_object (&result->task);
  g_clear_object (&result->report);
  g_clear_object (&result->list);
  g_clear_error (&result->error);
  g_free (result);
}

static gboolean
deliver_cb (gpointer user_data)
{
  JobResult *result = user_data;
  Load *load = g_task_get_task_data (result->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (result->task)))
    load->on_job (g_task_get_source_object (result->task), result->job, result->report, result->list,
                  result->error);
  return G_SOURCE_REMOVE;
}

/* Takes @report, @list and @error. */
static void
post_result (GTask      *task,
             gboolean    first,
             guint       job,
             RgReport   *report,
             GListModel *list,
             GError     *error)
{
  JobResult *result = g_new0 (JobResult, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  result->task = g_object_ref (task);
  result->job = job;
  result->report = report;
  result->list = list;
  result->error = error;
  /* A source of the caller's context, never g_main_context_invoke(): that
   * runs the function in this thread whenever it can acquire the context,
   * and GTK must only be touched from the main thread. */
  g_source_set_priority (source, first ? G_PRIORITY_DEFAULT : G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, deliver_cb, result, (GDestroyNotify) job_result_free);
  g_source_set_static_name (source, "[rg-owner-load] deliver");
  g_source_attach (source, g_task_get_context (task));
}

/* Midnight UTC of @day: the low ratings of the range are those from the
 * first day's to the one after the last day's. */
static gint64
day_start_ms (const gchar *day)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (atoi (day), atoi (day + 5), atoi (day + 8), 0, 0, 0);

  return start != NULL ? g_date_time_to_unix (start) * 1000 : 0;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  g_autoptr(RgDb) db = rg_db_open (load->path, &error);
  RgReportQuery viewed = {
    .staff_id = load->staff_id,
    .from = load->from,
    .to = load->to,
    .branch_id = load->branch_id,
  };
  RgReportKind kinds[RG_REPORT_N_KINDS];

  /* One audit row for the whole dashboard, written before its first
   * report; the reports then do not audit themselves. */
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    kinds[k] = (RgReportKind) load->order[k];
  if (db == NULL || !rg_report_log_views (db, &viewed, kinds, RG_REPORT_N_KINDS, &error))
    {
      post_result (task, TRUE, load->order[0], NULL, NULL, error);
      g_task_return_boolean (task, FALSE);
      return;
    }
  for (guint i = 0; i < RG_OWNER_N_JOBS && !g_cancellable_is_cancelled (cancellable); i++)
    {
      guint job = load->order[i];

      if (job == RG_OWNER_JOB_LOW_RATINGS)
        {
          GListModel *low = rg_feedback_list_low (db, load->branch_id, day_start_ms (load->from),
                                                 day_start_ms (load->to) + G_TIME_SPAN_DAY / 1000, &error);

          post_result (task, i == 0, job, NULL, low, error);
        }
      else
        {
          RgReportQuery query = {
            .staff_id = load->staff_id,
            .from = load->from,
            .to = load->to,
            .branch_id = load->branch_id,
            .by_profit = job == RG_OWNER_JOB_TIERS_BY_PROFIT,
            .logged = TRUE,
          };
          RgReportKind kind = job == RG_OWNER_JOB_TIERS_BY_PROFIT ? RG_REPORT_TIERS : (RgReportKind) job;
          RgReport *report = rg_report_run (db, kind, &query, &error);

          post_result (task, i == 0, job, report, NULL, error);
        }
      error = NULL;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * rg_owner_load_start:
 * @owner: the object the results are for; kept until the load ends
 * @request: what to load
 * @cancellable: stops the load; results not yet delivered are dropped
 * @on_job: called for each job done
 * @on_done: called once the thread has finished, after every @on_job
 * @user_data: for @on_done
 *
 * Makes every report of @request in a thread, @request->first first, then
 * the other kinds in order, the tiers by profit and the low ratings.
 */
void
rg_owner_load_start (GObject                  *owner,
                     const RgOwnerLoadRequest *request,
                     GCancellable             *cancellable,
                     RgOwnerJobFunc            on_job,
                     GAsyncReadyCallback       on_done,
                     gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;
  guint n = 0;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (request != NULL && request->path != NULL && request->from != NULL && request->to != NULL);
  g_return_if_fail (request->first < RG_REPORT_N_KINDS);

  load = g_new0 (Load, 1);
  load->path = g_strdup (request->path);
  load->staff_id = g_strdup (request->staff_id);
  load->branch_id = g_strdup (request->branch_id);
  load->from = g_strdup (request->from);
  load->to = g_strdup (request->to);
  load->on_job = on_job;
  load->order[n++] = request->first;
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    if (k != request->first)
      load->order[n++] = k;
  load->order[n++] = RG_OWNER_JOB_TIERS_BY_PROFIT;
  load->order[n++] = RG_OWNER_JOB_LOW_RATINGS;

  task = g_task_new (owner, cancellable, on_done, user_data);
  g_task_set_source_tag (task, rg_owner_load_start);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_in_thread);
}
