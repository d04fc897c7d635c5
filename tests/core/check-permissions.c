/* check-permissions.c — every guarded core function, called by every role,
 * by nobody and by a disabled or unknown staff member: allowed as
 * DESIGN.md's table of roles says, refused with RG_ERROR_PERMISSION
 * otherwise, and a refused call writes nothing.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "rg-test-util.h"
#include "rg-audit.h"
#include "rg-auth.h"
#include "rg-branch.h"
#include "rg-floor.h"
#include "rg-guest.h"
#include "rg-menu.h"
#include "rg-privacy.h"
#include "rg-recommend-log.h"
#include "rg-recommend.h"
#include "rg-report.h"
#include "rg-sync.h"
#include "rg-visit.h"

/* What every call may need, made by the owner before the call. */
typedef struct
{
  RgTestDb *t;
  gchar    *branch;
  gchar    *zone;
  gchar    *table;
  gchar    *spare_table;
  gchar    *item;
  gchar    *guest;
  gchar    *visit;
  gchar    *empty_visit;
  gchar    *line;
} Scene;

static void
scene_free (Scene *s)
{
  rg_test_db_free (s->t);
  g_free (s->branch);
  g_free (s->zone);
  g_free (s->table);
  g_free (s->spare_table);
  g_free (s->item);
  g_free (s->guest);
  g_free (s->visit);
  g_free (s->empty_visit);
  g_free (s->line);
  g_free (s);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scene, scene_free)

/* A branch with a zone, three tables, a dish, a guest seated at the first
 * table with one order line, a walk-in at the third with nothing ordered;
 * the staff of rg_test_db_new_staffed(),
 * "disabled", an owner who was disabled, and "cook", a host whose PIN and
 * job the others may change. */
static Scene *
scene_new (void)
{
  g_autoptr(GError) error = NULL;
  Scene *s = g_new0 (Scene, 1);
  RgDb *db;
  RgMenuItemSpec dish = { .name = "Mapo Tofu", .price = 3650, .cost = 1100 };
  RgGuestFields fields = { .name = "Li Wei", .consent_marketing = TRUE };
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(RgZone) zone = NULL;
  g_autoptr(RgMenuItem) item = NULL;
  g_autoptr(RgGuest) guest = NULL;
  g_autoptr(RgVisit) visit = NULL;
  g_autoptr(RgVisit) empty_visit = NULL;
  g_autoptr(RgOrderLine) line = NULL;
  g_autofree gchar *third_table = NULL;
  RgSeating seating = { .party_size = 2 };
  char *message = NULL;

  s->t = rg_test_db_new_staffed ();
  db = s->t->db;
  sqlite3_exec (rg_db_get_handle (db),
                "INSERT INTO staff (id, name, role, active) VALUES ('disabled', 'Dora', 'owner', 0), "
                "  ('cook', 'Kai', 'host', 1)",
                NULL, NULL, &message);
  ck_assert_msg (message == NULL, "adding a disabled owner: %s", message);

  branch = rg_branch_add (db, "Riverside", "Asia/Shanghai", &error);
  ck_assert_no_error (error);
  s->branch = g_strdup (rg_branch_get_id (branch));
  zone = rg_floor_add_zone (db, "owner", s->branch, "Terrace", RG_ZONE_PATIO, &error);
  ck_assert_no_error (error);
  s->zone = g_strdup (rg_zone_get_id (zone));
  s->table = rg_test_add_table (db, "owner", s->branch, "1");
  s->spare_table = rg_test_add_table (db, "owner", s->branch, "2");
  item = rg_menu_add (db, "owner", &dish, &error);
  ck_assert_no_error (error);
  s->item = g_strdup (rg_menu_item_get_id (item));
  guest = rg_guest_add (db, &fields, NULL, NULL, &error);
  ck_assert_no_error (error);
  s->guest = g_strdup (rg_guest_get_id (guest));

  seating.branch_id = s->branch;
  seating.table_id = s->table;
  seating.guest_id = s->guest;
  visit = rg_visit_seat (db, &seating, &error);
  ck_assert_no_error (error);
  line = rg_visit_add_line (db, rg_visit_get_id (visit), s->item, 1, 0, 0, "waiter", FALSE, &error);
  ck_assert_no_error (error);
  s->line = g_strdup (rg_order_line_get_id (line));
  s->visit = g_strdup (rg_visit_get_id (visit));

  third_table = rg_test_add_table (db, "owner", s->branch, "9");
  seating.table_id = third_table;
  seating.guest_id = NULL;
  empty_visit = rg_visit_seat (db, &seating, &error);
  ck_assert_no_error (error);
  s->empty_visit = g_strdup (rg_visit_get_id (empty_visit));
  return s;
}

/* One guarded call as @staff_id; TRUE when it succeeded. */
typedef gboolean (*GuardedCall) (Scene *s, const gchar *staff_id, GError **error);

static gboolean
call_report (Scene *s, const gchar *staff_id, GError **error)
{
  RgReportQuery query = { .staff_id = staff_id, .from = "2026-06-01", .to = "2026-06-30" };
  g_autoptr(RgReport) report = rg_report_run (s->t->db, RG_REPORT_PEAK, &query, error);

  return report != NULL;
}

static gboolean
call_uplift (Scene *s, const gchar *staff_id, GError **error)
{
  g_autoptr(RgRecommendUplift) uplift = rg_recommend_uplift_report (s->t->db, staff_id, 0, G_MAXINT64, error);

  return uplift != NULL;
}

static gboolean
call_margin_weight (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_recommend_set_margin_weight (s->t->db, staff_id, 0.25, error);
}

static gboolean
call_menu_add (Scene *s, const gchar *staff_id, GError **error)
{
  RgMenuItemSpec spec = { .name = "Jasmine Tea", .price = 1800 };
  g_autoptr(RgMenuItem) item = rg_menu_add (s->t->db, staff_id, &spec, error);

  return item != NULL;
}

static gboolean
call_menu_edit (Scene *s, const gchar *staff_id, GError **error)
{
  RgMenuItemSpec spec = { .name = "Mapo Tofu", .price = 3900, .cost = 1100 };
  g_autoptr(RgMenuItem) item = rg_menu_edit (s->t->db, staff_id, s->item, &spec, error);

  return item != NULL;
}

static gboolean
call_menu_86 (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_menu_set_available (s->t->db, staff_id, s->item, FALSE, error);
}

static gboolean
call_menu_remove (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_menu_remove (s->t->db, staff_id, s->item, error);
}

static gboolean
call_zone_add (Scene *s, const gchar *staff_id, GError **error)
{
  g_autoptr(RgZone) zone = rg_floor_add_zone (s->t->db, staff_id, s->branch, "Bar", RG_ZONE_BAR, error);

  return zone != NULL;
}

static gboolean
call_zone_edit (Scene *s, const gchar *staff_id, GError **error)
{
  g_autoptr(RgZone) zone = rg_floor_edit_zone (s->t->db, staff_id, s->zone, "Garden", RG_ZONE_QUIET, error);

  return zone != NULL;
}

static gboolean
call_table_add (Scene *s, const gchar *staff_id, GError **error)
{
  RgDiningTableSpec spec = { .name = "3", .seats = 2 };
  g_autoptr(RgDiningTable) table = rg_floor_add_table (s->t->db, staff_id, s->branch, &spec, error);

  return table != NULL;
}

static gboolean
call_table_edit (Scene *s, const gchar *staff_id, GError **error)
{
  RgDiningTableSpec spec = { .name = "2", .seats = 6 };
  g_autoptr(RgDiningTable) table = rg_floor_edit_table (s->t->db, staff_id, s->spare_table, &spec, error);

  return table != NULL;
}

static gboolean
call_table_remove (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_floor_remove_table (s->t->db, staff_id, s->spare_table, error);
}

static gboolean
call_void_line (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_visit_void_line (s->t->db, staff_id, s->line, "sent back", error);
}

static gboolean
call_void_visit (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_visit_void (s->t->db, staff_id, s->visit, error);
}

static gboolean
call_void_empty_visit (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_visit_void (s->t->db, staff_id, s->empty_visit, error);
}

static gboolean
call_guest_export (Scene *s, const gchar *staff_id, GError **error)
{
  g_autoptr(JsonNode) exported = rg_privacy_export (s->t->db, staff_id, s->guest, error);

  return exported != NULL;
}

static gboolean
call_guest_erase (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_privacy_erase (s->t->db, staff_id, s->guest, error);
}

static gboolean
call_segment_export (Scene *s, const gchar *staff_id, GError **error)
{
  const gchar *ids[] = { s->guest, NULL };
  g_autoptr(JsonNode) list = rg_privacy_export_segment (s->t->db, staff_id, "lapsed", ids, error);

  return list != NULL;
}

static gboolean
call_audit (Scene *s, const gchar *staff_id, GError **error)
{
  g_autoptr(GListModel) entries = rg_privacy_list_audit (s->t->db, staff_id, NULL, 0, 10, error);

  return entries != NULL;
}

static gboolean
call_staff_add (Scene *s, const gchar *staff_id, GError **error)
{
  g_autoptr(RgStaff) added = rg_auth_add_staff (s->t->db, staff_id, "Bo", RG_ROLE_HOST, NULL, error);

  return added != NULL;
}

static gboolean
call_staff_pin (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_auth_set_pin (s->t->db, staff_id, "cook", "1357", error);
}

static gboolean
call_staff_disable (Scene *s, const gchar *staff_id, GError **error)
{
  return rg_auth_disable_staff (s->t->db, staff_id, "cook", error);
}

/* Past the guard, the plain-http address is refused: no store is needed
 * to tell an allowed call from a refused one. */
static gboolean
call_enrol (Scene *s, const gchar *staff_id, GError **error)
{
  g_autoptr(RgSync) sync = rg_sync_new (s->t->db);

  return rg_sync_enrol (sync, staff_id, "http://localhost:1", "ABCD-EFGH-JKLM", error);
}

static const struct
{
  const gchar *name;
  GuardedCall  call;
  const gchar *roles;   /* who may, as initials: h w m o (DESIGN.md, "Roles") */
  gboolean     invalid; /* when allowed, refused past the guard as RG_ERROR_INVALID */
} guarded[] = {
  { "rg_report_run", call_report, "o" },
  { "rg_recommend_uplift_report", call_uplift, "o" },
  { "rg_recommend_set_margin_weight", call_margin_weight, "o" },
  { "rg_menu_add", call_menu_add, "mo" },
  { "rg_menu_edit", call_menu_edit, "mo" },
  { "rg_menu_set_available", call_menu_86, "mo" },
  { "rg_menu_remove", call_menu_remove, "mo" },
  { "rg_floor_add_zone", call_zone_add, "mo" },
  { "rg_floor_edit_zone", call_zone_edit, "mo" },
  { "rg_floor_add_table", call_table_add, "mo" },
  { "rg_floor_edit_table", call_table_edit, "mo" },
  { "rg_floor_remove_table", call_table_remove, "mo" },
  { "rg_visit_void_line", call_void_line, "mo" },
  { "rg_visit_void (a check with lines)", call_void_visit, "mo" },
  { "rg_visit_void (an empty check)", call_void_empty_visit, "hmo" },
  { "rg_privacy_export", call_guest_export, "o" },
  { "rg_privacy_erase", call_guest_erase, "o" },
  { "rg_privacy_list_audit", call_audit, "o" },
  { "rg_privacy_export_segment", call_segment_export, "o" },
  { "rg_auth_add_staff", call_staff_add, "o" },
  { "rg_auth_set_pin", call_staff_pin, "o" },
  { "rg_auth_disable_staff", call_staff_disable, "o" },
  { "rg_sync_enrol", call_enrol, "o", TRUE },
};

/* Who acts: the four roles by their ids in rg_test_db_new_staffed(), then
 * people who may do nothing at all. */
static const struct
{
  const gchar *staff_id;
  gchar        initial;   /* 0: never allowed */
  gint         code;      /* the error when refused */
} actors[] = {
  { "host", 'h', RG_ERROR_PERMISSION },
  { "waiter", 'w', RG_ERROR_PERMISSION },
  { "manager", 'm', RG_ERROR_PERMISSION },
  { "owner", 'o', RG_ERROR_PERMISSION },
  { NULL, 0, RG_ERROR_PERMISSION },
  { "disabled", 0, RG_ERROR_PERMISSION },
  { "no-such-staff", 0, RG_ERROR_NOT_FOUND },
};

static gboolean
actor_may (guint f,
           guint a)
{
  return actors[a].initial != 0 && strchr (guarded[f].roles, actors[a].initial) != NULL;
}

static const gchar *
actor_name (guint a)
{
  return actors[a].staff_id != NULL ? actors[a].staff_id : "nobody";
}

/* Loop over guarded[]: one Check iteration per function.  The actors who
 * may not call it share one scene (a refusal writes nothing: that is
 * checked); each actor who may gets a fresh scene. */
START_TEST (test_matrix)
{
  const guint f = (guint) _i;
  g_autoptr(Scene) shared = scene_new ();
  sqlite3 *handle = rg_db_get_handle (shared->t->db);
  const gint64 changes = sqlite3_total_changes64 (handle);
  const gint64 audit = rg_test_query_int (shared->t->db, "SELECT count (*) FROM audit_log");

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    {
      g_autoptr(GError) error = NULL;

      if (actor_may (f, a))
        continue;
      ck_assert_msg (!guarded[f].call (shared, actors[a].staff_id, &error), "%s as %s was allowed",
                     guarded[f].name, actor_name (a));
      ck_assert_msg (g_error_matches (error, RG_ERROR, actors[a].code), "%s as %s: expected code %d, got %s",
                     guarded[f].name, actor_name (a), actors[a].code, error ? error->message : "no error");
    }
  ck_assert_msg (sqlite3_total_changes64 (handle) == changes, "%s was refused but wrote", guarded[f].name);
  ck_assert_int_eq (rg_test_query_int (shared->t->db, "SELECT count (*) FROM audit_log"), audit);

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    {
      g_autoptr(Scene) s = NULL;
      g_autoptr(GError) error = NULL;
      gboolean done;

      if (!actor_may (f, a))
        continue;
      s = scene_new ();
      done = guarded[f].call (s, actors[a].staff_id, &error);
      if (guarded[f].invalid)
        ck_assert_msg (!done && g_error_matches (error, RG_ERROR, RG_ERROR_INVALID),
                       "%s as %s did not get past the guard: %s", guarded[f].name, actor_name (a),
                       error ? error->message : "no error");
      else
        ck_assert_msg (done && error == NULL, "%s as %s: %s", guarded[f].name, actor_name (a),
                       error ? error->message : "failed without an error");
    }
}
END_TEST

/* The messages say who may not do what, for a person at the till. */
START_TEST (test_refusal_names_the_person)
{
  g_autoptr(Scene) s = scene_new ();
  g_autoptr(GError) error = NULL;

  ck_assert (!call_menu_add (s, "waiter", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  ck_assert_ptr_nonnull (strstr (error->message, "Wen"));
  g_clear_error (&error);
  ck_assert (!call_report (s, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "Nobody is signed in"));
}
END_TEST

/* A report the owner reads is audited; a refused one is not. */
START_TEST (test_report_view_audited)
{
  g_autoptr(Scene) s = scene_new ();
  g_autoptr(GError) error = NULL;

  ck_assert (!call_report (s, "manager", &error));
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (s->t->db, "SELECT count (*) FROM audit_log WHERE action = 'report.view'"), 0);
  ck_assert (call_report (s, "owner", &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (s->t->db,
                                       "SELECT count (*) FROM audit_log WHERE action = 'report.view' "
                                       "AND staff_id = 'owner' AND subject = 'peak' "
                                       "AND detail = '2026-06-01 to 2026-06-30'"), 1);
}
END_TEST

static Suite *
permissions_suite (void)
{
  Suite *s = suite_create ("permissions");
  TCase *tc;

  tc = tcase_create ("matrix");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_matrix, 0, G_N_ELEMENTS (guarded));
  suite_add_tcase (s, tc);

  tc = tcase_create ("messages");
  tcase_add_test (tc, test_refusal_names_the_person);
  tcase_add_test (tc, test_report_view_audited);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (permissions_suite ());
}
