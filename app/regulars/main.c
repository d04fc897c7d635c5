/* main.c — regulars, the front-of-house app: opens the database and hands
 * a session to the window.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With REGULARS_TRACE_START set, the app prints to stderr when its window
 * drew its first frame, when the main loop was next idle (the window
 * answers input) and when the model of recommendations learnt in the
 * background is ready, as CLOCK_MONOTONIC microseconds, for the start-up
 * benchmark (tests/bench/bench-ui-start.c) to subtract its spawn time from.
 *
 * The app keeps SQLite's memory bounded (rg_db_bound_memory()): mapped, the
 * pages of every whole-history read would stay resident (600 MiB on a
 * 100 000-guest database).  Where OpenGL would be a software rasteriser it
 * draws with Cairo and keeps OpenGL out of the process (rg-renderer.h):
 * 139 MiB less resident and interactive 380 ms sooner on such a machine.
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "rg-db.h"
#include "rg-renderer.h"
#include "rg-window.h"

typedef struct
{
  gchar *db_path;   /* --db, or NULL for the XDG data dir */
} AppOptions;

static gint
on_app_handle_local_options_cb (GApplication *app,
                                GVariantDict *options,
                                AppOptions   *opts)
{
  g_variant_dict_lookup (options, "db", "^ay", &opts->db_path);
  return -1;
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const gchar      *response,
                             GApplication     *app)
{
  g_application_release (app);
}

static void
show_error (GApplication *app,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_application_hold (app);
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), app);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_first_idle_cb (gpointer user_data)
{
  g_printerr ("regulars: idle %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  return G_SOURCE_REMOVE;
}

static void
on_window_recommender_cb (RgWindow   *window,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  if (rg_window_get_recommender (window) != NULL)
    g_printerr ("regulars: model ready %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

static void
on_first_frame_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  g_printerr ("regulars: first frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, user_data);
  g_idle_add_full (G_PRIORITY_LOW, on_first_idle_cb, NULL, NULL);
}

static void
on_window_map_cb (GtkWidget *window,
                  gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, on_window_map_cb, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame_cb), NULL);
}

static void
on_app_activate_cb (GApplication *app,
                    AppOptions   *opts)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *path = NULL;
  g_autofree gchar *folder = NULL;
  g_autoptr(RgSession) session = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  RgDb *db;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = opts->db_path != NULL ? g_strdup (opts->db_path) : rg_db_default_path ();
  folder = g_path_get_dirname (path);
  g_mkdir_with_parents (folder, 0700);
  db = rg_db_open (path, &error);
  if (db == NULL)
    {
      show_error (app, error);
      return;
    }

  session = rg_session_new (db, NULL, NULL);
  window = GTK_WINDOW (rg_window_new (ADW_APPLICATION (app), session));
  if (g_getenv ("REGULARS_TRACE_START") != NULL)
    {
      g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);
      g_signal_connect (window, "notify::recommender", G_CALLBACK (on_window_recommender_cb), NULL);
    }
  gtk_window_present (window);
  rg_window_start (RG_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  AppOptions opts = { NULL };
  const gchar *localedir = g_getenv ("REGULARS_LOCALEDIR");
  int status;

  /* Before any connection opens. */
  rg_db_bound_memory (RG_DB_APP_HEAP_LIMIT);
  /* Before GTK starts: it reads the choice when it opens the display. */
  rg_renderer_choose (RG_RENDERER_DRI_DIR);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = adw_application_new ("org.regulars.Regulars", G_APPLICATION_DEFAULT_FLAGS);
  g_application_add_main_option (G_APPLICATION (app), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("The database file (default: regulars.db in the XDG data folder)"),
                                 _("PATH"));
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_app_handle_local_options_cb), &opts);
  g_signal_connect (app, "activate", G_CALLBACK (on_app_activate_cb), &opts);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_free (opts.db_path);
  return status;
}
