/* check-ui-crash.c — crash safety of order entry: a child process drives
 * the real table sheet, tapping a dish again and again, and says which
 * lines were confirmed; it is killed with SIGKILL in the middle of it.
 * After the kill every confirmed line is in the database, no line is
 * without its visit, every closed check adds up, the file passes
 * PRAGMA integrity_check, and the app opens the table again with every
 * line on it.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>

#include "rg-ui-waiter-util.h"

#define ROUNDS 3

/* ------------------------------------------------------------ the child */

/* What the child was asked to drive: argv of "--child DB VISIT TABLE ITEM". */
static const gchar *child_args[4];

static void
on_line_added_cb (RgOrderEntry *entry,
                  const gchar  *line_id,
                  gpointer      user_data)
{
  /* The line is committed when the entry says so: tell the parent. */
  g_print ("LINE %s\n", line_id);
  fflush (stdout);
}

START_TEST (test_child_taps_until_killed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDb) db = rg_db_open (child_args[0], &error);
  RgWindow *window;
  RgTableSheet *sheet;

  ck_assert_no_error (error);
  window = rg_ui_test_window_new (db, 1280, 800);
  sheet = rg_ui_waiter_open_table (window, child_args[2], child_args[1]);
  g_signal_connect (rg_table_sheet_get_order_entry (sheet), "line-added", G_CALLBACK (on_line_added_cb), NULL);
  g_print ("READY\n");
  fflush (stdout);
  for (;;)
    {
      rg_ui_waiter_tap_row (rg_ui_waiter_menu_row (sheet, child_args[3]));
      rg_ui_test_run_for (1);
    }
}
END_TEST

/* ----------------------------------------------------------- the parent */

/* Runs the child on @path until @n lines are confirmed, kills it, and
 * returns the confirmed line ids. */
static GPtrArray *
tap_then_kill (const gchar *path,
               const gchar *visit,
               const gchar *table,
               const gchar *item,
               guint        n)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                   self, "--child", path, visit, table, item, NULL);
  g_autoptr(GDataInputStream) out = NULL;
  GPtrArray *confirmed = g_ptr_array_new_with_free_func (g_free);
  gboolean ready = FALSE;

  ck_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while (confirmed->len < n)
    {
      g_autofree gchar *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      ck_assert_no_error (error);
      ck_assert_msg (line != NULL, "the child stopped after %u lines", confirmed->len);
      if (g_str_equal (line, "READY"))
        ready = TRUE;
      else if (g_str_has_prefix (line, "LINE "))
        g_ptr_array_add (confirmed, g_strdup (line + 5));
    }
  ck_assert (ready);
  /* The child is tapping the next dish right now. */
  g_subprocess_send_signal (child, SIGKILL);
  ck_assert (g_subprocess_wait (child, NULL, &error));
  ck_assert (g_subprocess_get_if_signaled (child));
  ck_assert_int_eq (g_subprocess_get_term_sig (child), SIGKILL);
  return confirmed;
}

/* The rows of the check on the reopened table sheet. */
static guint
rows_on_sheet (RgTableSheet *sheet)
{
  GtkWidget *list = rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_LIST_BOX, "boxed-list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

START_TEST (test_kill_in_the_middle_of_order_entry)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *guest = rg_ui_waiter_regular (t->db, 0);
  g_autofree gchar *table = NULL;
  g_autofree gchar *visit = rg_ui_waiter_seat (t->db, guest, NULL, 2, &table);
  g_autofree gchar *item = rg_ui_test_query_text (t->db, "SELECT id FROM menu_item WHERE allergens = ''"
                                                         " AND available = 1 AND deleted = 0 ORDER BY name LIMIT 1");
  guint total = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) confirmed = tap_then_kill (t->path, visit, table, item, 10 + g_random_int_range (0, 30));
      g_autoptr(RgDb) reopened = rg_db_open (t->path, &error);
      g_autofree gchar *integrity = NULL;
      gint64 stored;

      ck_assert_no_error (error);
      integrity = rg_ui_test_query_text (reopened, "PRAGMA integrity_check");
      ck_assert_str_eq (integrity, "ok");
      for (guint i = 0; i < confirmed->len; i++)
        ck_assert_int_eq (rg_test_query_intf (reopened, "SELECT count(*) FROM order_line WHERE id = '%s' AND visit_id = '%s'",
                                              (const gchar *) confirmed->pdata[i], visit), 1);
      /* At most the one line being written when the kill came is there
       * unconfirmed, whole. */
      stored = rg_test_query_intf (reopened, "SELECT count(*) FROM order_line WHERE visit_id = '%s'", visit);
      ck_assert_int_ge (stored, total + confirmed->len);
      ck_assert_int_le (stored, total + confirmed->len + 1);
      total = stored;
      ck_assert_int_eq (rg_test_query_intf (reopened, "SELECT count(*) FROM order_line WHERE visit_id = '%s'"
                                            " AND (qty < 1 OR unit_price < 0 OR created_ms <= 0)", visit), 0);
      /* Every line has its visit; every closed check adds up; the open one
       * is still open, its table seated. */
      ck_assert_int_eq (rg_test_query_int (reopened, "SELECT count(*) FROM order_line l"
                                           " LEFT JOIN visit v ON v.id = l.visit_id WHERE v.id IS NULL"), 0);
      ck_assert_int_eq (rg_test_query_int (reopened,
                        "SELECT count(*) FROM visit v WHERE v.status = 'closed' AND v.subtotal <>"
                        " (SELECT coalesce (sum (qty * unit_price - discount), 0) FROM order_line"
                        "  WHERE visit_id = v.id AND voided = 0 AND deleted = 0)"), 0);
      ck_assert_int_eq (rg_test_query_intf (reopened, "SELECT count(*) FROM visit WHERE id = '%s' AND status = 'open'", visit), 1);
      ck_assert_int_eq (rg_test_query_intf (reopened, "SELECT count(*) FROM dining_table WHERE id = '%s' AND status = 'seated'",
                                            table), 1);
      ck_assert_int_eq (rg_test_query_int (reopened, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    }

  /* The app, restarted, shows the table with every line. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RgDb) db = rg_db_open (t->path, &error);
    RgWindow *window = rg_ui_test_window_new (db, 1280, 800);
    RgTableSheet *sheet = rg_ui_waiter_open_table (window, table, visit);

    ck_assert_no_error (error);
    ck_assert_uint_eq (rows_on_sheet (sheet), total);
    gtk_window_destroy (GTK_WINDOW (window));
  }
}
END_TEST

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = rg_ui_test_init ();
  Suite *s = suite_create ("ui-crash");
  TCase *tc = tcase_create (argc == 6 && g_str_equal (argv[1], "--child") ? "child" : "crash");
  int status;

  if (argc == 6 && g_str_equal (argv[1], "--child"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (child_args); i++)
        child_args[i] = argv[2 + i];
      tcase_add_test (tc, test_child_taps_until_killed);
    }
  else
    tcase_add_test (tc, test_kill_in_the_middle_of_order_entry);
  suite_add_tcase (s, tc);
  status = rg_test_run (s);
  g_application_release (G_APPLICATION (app));
  return status;
}
