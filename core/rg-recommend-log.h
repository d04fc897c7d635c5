/* rg-recommend-log.h — the suggestion log and the uplift report: does
 * showing suggestions make guests order the suggested dishes?
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every time suggestions are made for a visit they are logged (guest,
 * visit, dishes, reasons).  A settable share of guests, the holdout
 * (`recommend_holdout_share`, 10% by default), have theirs logged but not
 * shown; who is in it is decided by a hash of the guest id, so it does not
 * change between visits or terminals.  The uplift report compares how often
 * a suggested dish was then ordered in the same visit, shown against held
 * out.
 */
#pragma once

#include "rg-recommend.h"

G_BEGIN_DECLS

#define RG_RECOMMEND_DEFAULT_HOLDOUT_SHARE 0.10

/**
 * rg_recommend_get_holdout_share:
 *
 * Returns: the share of guests in the holdout, 0–1; the default when the
 *   setting is unset or unreadable.
 */
gdouble  rg_recommend_get_holdout_share (RgDb *db);

/**
 * rg_recommend_set_holdout_share:
 * @share: 0 (show everyone everything) to 0.5
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID outside 0–0.5
 *   (a holdout larger than the shown group would cost more than it tells).
 */
gboolean rg_recommend_set_holdout_share (RgDb *db, gdouble share, GError **error);

/**
 * rg_recommend_is_holdout:
 * @db: a connection (for the setting)
 * @guest_id: (nullable): the guest; %NULL for a walk-in
 * @visit_id: the visit; decides for a walk-in
 *
 * Returns: %TRUE if suggestions for this guest must be logged, not shown.
 */
gboolean rg_recommend_is_holdout (RgDb *db, const gchar *guest_id, const gchar *visit_id);

/**
 * rg_recommend_log:
 * @db: a connection
 * @visit_id: the visit the suggestions are made for
 * @guest_id: (nullable): the guest they are for; %NULL for a walk-in or a
 *   table
 * @usual: (nullable): the "your usual" list (#RgRecommendation)
 * @new_items: (nullable): the "something new" list
 * @show: (out) (optional): %TRUE if the caller may show the lists, %FALSE
 *   for a guest in the holdout
 * @error: return location for a #GError
 *
 * Logs the suggestions, in one transaction.
 *
 * Returns: %TRUE on success; %FALSE with nothing logged: %RG_ERROR_NOT_FOUND
 *   (no such visit or guest) or a database error.
 */
gboolean rg_recommend_log (RgDb         *db,
                           const gchar  *visit_id,
                           const gchar  *guest_id,
                           GListModel   *usual,
                           GListModel   *new_items,
                           gboolean     *show,
                           GError      **error);

#define RG_TYPE_RECOMMEND_UPLIFT (rg_recommend_uplift_get_type ())
G_DECLARE_FINAL_TYPE (RgRecommendUplift, rg_recommend_uplift, RG, RECOMMEND_UPLIFT, GObject)

/* Closed visits with logged suggestions, shown (@shown TRUE) or held out. */
guint   rg_recommend_uplift_get_visits      (RgRecommendUplift *self, gboolean shown);
/* Distinct (visit, dish) suggestions of those visits. */
guint   rg_recommend_uplift_get_suggestions (RgRecommendUplift *self, gboolean shown);
/* Of those, how many dishes were ordered in the same visit. */
guint   rg_recommend_uplift_get_ordered     (RgRecommendUplift *self, gboolean shown);
/* Visits that ordered at least one suggested dish. */
guint   rg_recommend_uplift_get_converted   (RgRecommendUplift *self, gboolean shown);
/* ordered / suggestions, 0–1 (0 without suggestions). */
gdouble rg_recommend_uplift_get_rate        (RgRecommendUplift *self, gboolean shown);
/* The shown rate minus the holdout rate, in percentage points. */
gdouble rg_recommend_uplift_get_uplift      (RgRecommendUplift *self);

/**
 * rg_recommend_uplift_report:
 * @db: a connection
 * @staff_id: (nullable): who asks; must have %RG_PERMISSION_VIEW_REPORTS
 *   (the owner), else %RG_ERROR_PERMISSION (%RG_ERROR_NOT_FOUND for an
 *   unknown staff id)
 * @from_ms: start of the period (suggestions logged at or after), UTC ms
 * @to_ms: end of the period (before), UTC ms; > @from_ms
 * @error: return location for a #GError
 *
 * Counts, for the closed visits whose suggestions were logged in the
 * period, how many suggested dishes were ordered in that visit, for the
 * shown group and the holdout.
 *
 * Returns: (transfer full): the report, or %NULL with %RG_ERROR_INVALID
 *   (an empty period) or a database error.
 */
RgRecommendUplift *rg_recommend_uplift_report (RgDb *db, const gchar *staff_id, gint64 from_ms, gint64 to_ms, GError **error);

/**
 * rg_recommend_uplift_format:
 *
 * Returns: (transfer full): the report in a few lines of text for the
 *   owner.
 */
gchar *rg_recommend_uplift_format (RgRecommendUplift *self);

G_END_DECLS
