/* check-ui-renderer.c — the app's choice of renderer: Cairo, with OpenGL
 * kept out of the process, where OpenGL could only be a software
 * rasteriser; GTK's choice where a GPU can draw or the user chose.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The device folder is a temporary one, with or without a render node, so
 * the choice is checked whatever GPU this machine has.  The tests run in
 * one process (CK_FORK=no) and set the environment GTK reads: each starts
 * from an environment without the variables, and the display test, which
 * starts GTK, comes last.
 */
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "rg-renderer.h"
#include "rg-test-util.h"

/* The variables the choice reads or sets. */
static const gchar * const variables[] = { "GSK_RENDERER", "GDK_DEBUG", "LIBGL_ALWAYS_SOFTWARE" };

/* A device folder: empty, or with a node named @node. */
typedef struct
{
  gchar *path;
} DriDir;

static DriDir *
dri_dir_new (const gchar *node)
{
  DriDir *dir = g_new0 (DriDir, 1);

  dir->path = g_dir_make_tmp ("rg-dri-XXXXXX", NULL);
  ck_assert_ptr_nonnull (dir->path);
  if (node != NULL)
    {
      g_autofree gchar *file = g_build_filename (dir->path, node, NULL);

      ck_assert (g_file_set_contents (file, "", 0, NULL));
    }
  return dir;
}

static void
dri_dir_free (DriDir *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir->path, 0, NULL);
  const gchar *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree gchar *file = g_build_filename (dir->path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir->path);
  g_free (dir->path);
  g_free (dir);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DriDir, dri_dir_free)

static void
clear_environment (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    g_unsetenv (variables[i]);
}

/* ------------------------------------------------------------- detection */

START_TEST (test_no_render_node_is_software)
{
  g_autoptr(DriDir) empty = dri_dir_new (NULL);
  g_autoptr(DriDir) card_only = dri_dir_new ("card0");

  ck_assert (rg_renderer_gl_is_software (empty->path));
  /* A display controller without a render node draws nothing itself. */
  ck_assert (rg_renderer_gl_is_software (card_only->path));
  ck_assert (rg_renderer_gl_is_software ("/nonexistent/dri"));
}
END_TEST

START_TEST (test_render_node_is_gpu)
{
  g_autoptr(DriDir) gpu = dri_dir_new ("renderD128");

  ck_assert (!rg_renderer_gl_is_software (gpu->path));
}
END_TEST

START_TEST (test_always_software_is_software)
{
  g_autoptr(DriDir) gpu = dri_dir_new ("renderD128");

  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  ck_assert (rg_renderer_gl_is_software (gpu->path));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  ck_assert (!rg_renderer_gl_is_software (gpu->path));
}
END_TEST

/* ---------------------------------------------------------------- choice */

START_TEST (test_software_chooses_cairo)
{
  g_autoptr(DriDir) empty = dri_dir_new (NULL);

  ck_assert_str_eq (rg_renderer_choose (empty->path), "cairo");
  ck_assert_str_eq (g_getenv ("GSK_RENDERER"), "cairo");
  ck_assert_str_eq (g_getenv ("GDK_DEBUG"), "gl-disable");
}
END_TEST

START_TEST (test_software_keeps_debug_flags)
{
  g_autoptr(DriDir) empty = dri_dir_new (NULL);

  g_setenv ("GDK_DEBUG", "events", TRUE);
  ck_assert_str_eq (rg_renderer_choose (empty->path), "cairo");
  ck_assert_str_eq (g_getenv ("GDK_DEBUG"), "events,gl-disable");
}
END_TEST

START_TEST (test_gpu_leaves_gtk_to_choose)
{
  g_autoptr(DriDir) gpu = dri_dir_new ("renderD128");

  ck_assert_ptr_null (rg_renderer_choose (gpu->path));
  ck_assert_ptr_null (g_getenv ("GSK_RENDERER"));
  ck_assert_ptr_null (g_getenv ("GDK_DEBUG"));
}
END_TEST

START_TEST (test_user_choice_stands)
{
  g_autoptr(DriDir) empty = dri_dir_new (NULL);

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  ck_assert_ptr_null (rg_renderer_choose (empty->path));
  ck_assert_str_eq (g_getenv ("GSK_RENDERER"), "gl");
  ck_assert_ptr_null (g_getenv ("GDK_DEBUG"));
}
END_TEST

/* --------------------------------------------------------------- display */

/* Whether a mapping of this process's has @name in its path. */
static gboolean
maps_contain (const gchar *name)
{
  g_autofree gchar *maps = NULL;

  ck_assert (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

/* What the app does on a machine without a GPU: the window draws with
 * Cairo and no GL driver (Mesa's llvmpipe and its libLLVM) is loaded. */
START_TEST (test_cairo_window_loads_no_gl)
{
  g_autoptr(DriDir) empty = dri_dir_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  ck_assert_str_eq (rg_renderer_choose (empty->path), "cairo");
  ck_assert_msg (gtk_init_check (), "no display: run under xvfb-run");
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Regulars"));
  gtk_widget_realize (window);

  ck_assert (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))));
  ck_assert (!gdk_display_prepare_gl (gtk_widget_get_display (window), &error));
  ck_assert_ptr_nonnull (error);
  ck_assert (!maps_contain ("libLLVM"));
  ck_assert (!maps_contain ("_dri.so"));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
renderer_suite (void)
{
  Suite *s = suite_create ("renderer");
  TCase *tc;

  tc = tcase_create ("detection");
  tcase_add_checked_fixture (tc, clear_environment, clear_environment);
  tcase_add_test (tc, test_no_render_node_is_software);
  tcase_add_test (tc, test_render_node_is_gpu);
  tcase_add_test (tc, test_always_software_is_software);
  suite_add_tcase (s, tc);

  tc = tcase_create ("choice");
  tcase_add_checked_fixture (tc, clear_environment, clear_environment);
  tcase_add_test (tc, test_software_chooses_cairo);
  tcase_add_test (tc, test_software_keeps_debug_flags);
  tcase_add_test (tc, test_gpu_leaves_gtk_to_choose);
  tcase_add_test (tc, test_user_choice_stands);
  suite_add_tcase (s, tc);

  /* Last: it starts GTK with the environment chosen. */
  tc = tcase_create ("display");
  tcase_add_checked_fixture (tc, clear_environment, NULL);
  tcase_add_test (tc, test_cairo_window_loads_no_gl);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (renderer_suite ());
}
