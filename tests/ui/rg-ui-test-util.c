/* rg-ui-test-util.c — driving the real widgets under Xvfb.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-ui-test-util.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "rg-demo.h"

#define DEMO_GUESTS 400
#define DEMO_DAYS   60
#define DEMO_SEED   7

/* The demo database of this program, made on first use. */
static gchar *demo_path;

AdwApplication *
rg_ui_test_init (void)
{
  const gchar *localedir = g_getenv ("REGULARS_LOCALEDIR");
  AdwApplication *app;

  setlocale (LC_ALL, "");
  if (localedir == NULL)
    {
      g_printerr ("REGULARS_LOCALEDIR is not set: run the UI tests with meson test\n");
      exit (EXIT_FAILURE);
    }
  bindtextdomain ("regulars", localedir);
  bind_textdomain_codeset ("regulars", "UTF-8");
  textdomain ("regulars");

  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the UI tests under xvfb-run\n");
      exit (EXIT_FAILURE);
    }
  app = adw_application_new ("org.regulars.Regulars", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* Keep the application alive without windows between tests. */
  g_application_hold (G_APPLICATION (app));
  return app;
}

static void
copy_file (const gchar *from,
           const gchar *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dst = g_file_new_for_path (to);

  ck_assert_msg (g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error),
                 "copying the demo database: %s", error ? error->message : "");
}

RgTestDb *
rg_ui_test_demo_db (void)
{
  RgTestDb *t = g_new0 (RgTestDb, 1);
  g_autoptr(GError) error = NULL;

  if (demo_path == NULL)
    {
      const RgDemoOptions options = {
        .guests = DEMO_GUESTS,
        .days = DEMO_DAYS,
        .branches = 1,
        .seed = DEMO_SEED,
        .last_day = "2026-11-20",
      };
      g_autofree gchar *dir = rg_test_make_dir ();
      g_autoptr(RgDb) db = NULL;

      demo_path = g_build_filename (dir, "demo.db", NULL);
      db = rg_db_open (demo_path, &error);
      ck_assert_no_error (error);
      ck_assert (rg_demo_generate (db, &options, NULL, &error));
      ck_assert_no_error (error);
      /* Fold the write-ahead log into the file so one copy is complete. */
      ck_assert (rg_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
    }

  t->dir = rg_test_make_dir ();
  t->path = g_build_filename (t->dir, "regulars.db", NULL);
  copy_file (demo_path, t->path);
  t->db = rg_db_open (t->path, &error);
  ck_assert_no_error (error);
  return t;
}

void
rg_ui_test_close_all (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  rg_ui_test_run_for (50);
}

RgWindow *
rg_ui_test_window_new (RgDb *db,
                       gint  width,
                       gint  height)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autofree gchar *staff_id = rg_ui_test_query_text (db, "SELECT id FROM staff ORDER BY name LIMIT 1");
  g_autofree gchar *path = g_strdup (rg_db_get_path (db));
  RgDb *own;
  RgWindow *window;
  GdkSurface *surface;

  /* A test that failed half-way may have left windows open. */
  rg_ui_test_close_all ();

  /* The window's session owns its connection: give it one of its own. */
  own = rg_db_open (path, &error);
  ck_assert_no_error (error);
  session = rg_session_new (own, NULL, staff_id);
  window = rg_window_new (ADW_APPLICATION (app), session);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  rg_window_start (window);
  rg_ui_test_run_for (300);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  ck_assert_msg (gdk_surface_get_width (surface) == width && gdk_surface_get_height (surface) == height,
                 "the window is %d×%d, not %d×%d: give Xvfb a screen large enough "
                 "(xvfb-run -s \"-screen 0 1600x1400x24\")",
                 gdk_surface_get_width (surface), gdk_surface_get_height (surface), width, height);
  return window;
}

typedef struct
{
  gboolean timed_out;
} Deadline;

static gboolean
on_deadline_cb (gpointer data)
{
  ((Deadline *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
rg_ui_test_wait_until (gboolean (*done) (gpointer data),
                       gpointer   data,
                       guint      timeout_ms)
{
  Deadline deadline = { FALSE };
  guint id = g_timeout_add (timeout_ms, on_deadline_cb, &deadline);
  gboolean ok;

  while (!(ok = done (data)) && !deadline.timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!deadline.timed_out)
    g_source_remove (id);
  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
rg_ui_test_run_for (guint ms)
{
  rg_ui_test_wait_until (never, NULL, ms);
}

GtkWidget *
rg_ui_test_find (GtkWidget   *root,
                 GType        type,
                 const gchar *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rg_ui_test_find (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkButton *
find_button (GtkWidget   *root,
             const gchar *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
rg_ui_test_find_label (GtkWidget   *root,
                       const gchar *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rg_ui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkButton *
rg_ui_test_find_button (GtkWidget   *root,
                        const gchar *label)
{
  GtkButton *button = find_button (root, label);

  ck_assert_msg (button != NULL, "no button labelled “%s”", label);
  return button;
}

void
rg_ui_test_tap (GtkButton *button)
{
  ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  rg_ui_test_run_for (20);
}

GtkWindow *
rg_ui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* The list keeps the window alive: hand out a borrowed pointer. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

typedef struct
{
  gboolean exited;
  gint     status;
} Child;

static void
on_child_exited_cb (GPid     pid,
                    gint     status,
                    gpointer data)
{
  Child *child = data;

  child->status = status;
  child->exited = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
child_exited (gpointer data)
{
  return ((Child *) data)->exited;
}

void
rg_ui_test_xdotool (GtkWindow          *window,
                    const gchar *const *args)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree gchar *xid = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, 0 };
  GPid pid;

  ck_assert_msg (GDK_IS_X11_SURFACE (surface), "the UI tests need GDK_BACKEND=x11");
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  g_ptr_array_add (argv, (gpointer) "xdotool");
  g_ptr_array_add (argv, (gpointer) "windowfocus");
  g_ptr_array_add (argv, (gpointer) "--sync");
  g_ptr_array_add (argv, xid);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_equal (args[i], "XID") ? xid : (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  ck_assert_msg (g_spawn_async (NULL, (gchar **) argv->pdata, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error),
                 "running xdotool: %s", error ? error->message : "");
  g_child_watch_add (pid, on_child_exited_cb, &child);
  ck_assert_msg (rg_ui_test_wait_until (child_exited, &child, 20000), "xdotool did not finish");
  ck_assert_msg (g_spawn_check_wait_status (child.status, NULL), "xdotool failed");
}

gchar *
rg_ui_test_screenshot (GtkWidget   *widget,
                       const gchar *name)
{
  const gchar *dir = g_getenv ("REGULARS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree gchar *file = g_strconcat (name, ".png", NULL);
  gchar *path;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gint width = gtk_widget_get_width (widget);
  gint height = gtk_widget_get_height (widget);

  ck_assert_msg (dir != NULL, "REGULARS_SCREENSHOT_DIR is not set");
  /* A window drawn over by a dialog a moment ago may need a frame first. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gtk_widget_queue_draw (widget);
      rg_ui_test_run_for (100);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  ck_assert_msg (node != NULL, "%s drew nothing", G_OBJECT_TYPE_NAME (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, file, NULL);
  ck_assert_msg (gdk_texture_save_to_png (texture, path), "saving %s", path);
  return path;
}

void
rg_ui_test_shot (GtkWidget   *widget,
                 const gchar *name)
{
  g_free (rg_ui_test_screenshot (widget, name));
}

gchar *
rg_ui_test_query_text (RgDb        *db,
                       const gchar *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, &error);

  ck_assert_no_error (error);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
}
