/* rg-ui-test-util.h — what the UI tests share: the application, a demo
 * database per test, waiting on the main loop, finding widgets, real
 * keystrokes through xdotool and screenshots.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests run in one process (CK_FORK=no): GTK is initialised once and
 * an X display must be there (xvfb-run).  Without a display the tests fail;
 * they never skip.
 */
#pragma once

#include <adwaita.h>

#include "rg-test-util.h"
#include "rg-window.h"

G_BEGIN_DECLS

/* Initialises gettext (REGULARS_LOCALEDIR), GTK and the application that
 * loads style.css; fails the program when there is no display. */
AdwApplication *rg_ui_test_init        (void);

/* A copy of a small demo database in a new temporary folder, made once per
 * program and copied per test.  Free with rg_test_db_free(). */
RgTestDb       *rg_ui_test_demo_db     (void);

/* A window on @db at @width × @height, with the first staff member signed
 * in and the start done.  Destroy with gtk_window_destroy(). */
RgWindow       *rg_ui_test_window_new  (RgDb        *db,
                                        gint         width,
                                        gint         height);

/* Destroys every open window. */
void            rg_ui_test_close_all   (void);

/* Iterates the main loop until @done returns TRUE or @timeout_ms pass;
 * returns what @done returned last. */
gboolean        rg_ui_test_wait_until  (gboolean   (*done) (gpointer data),
                                        gpointer     data,
                                        guint        timeout_ms);
/* Iterates the main loop for @ms. */
void            rg_ui_test_run_for     (guint        ms);

/* The first descendant of @root (itself included) of @type, and, with
 * @css_class, having that class; NULL when there is none. */
GtkWidget      *rg_ui_test_find        (GtkWidget   *root,
                                        GType        type,
                                        const gchar *css_class);
/* The first label under @root whose text is @text; NULL when there is
 * none. */
GtkWidget      *rg_ui_test_find_label  (GtkWidget   *root,
                                        const gchar *text);
/* The first button under @root whose label is @label. */
GtkButton      *rg_ui_test_find_button (GtkWidget   *root,
                                        const gchar *label);
/* What a tap on @button does: emits ::clicked, then lets the main loop
 * run the handlers' follow-ups. */
void            rg_ui_test_tap         (GtkButton   *button);
/* The first open toplevel of @type. */
GtkWindow      *rg_ui_test_find_window (GType        type);

/* Focuses @window's X window and runs xdotool with @args, where "XID"
 * stands for the window's id; waits for it to finish. */
void            rg_ui_test_xdotool     (GtkWindow   *window,
                                        const gchar *const *args);

/* Renders @widget and saves it as REGULARS_SCREENSHOT_DIR/@name.png;
 * returns the path. */
gchar          *rg_ui_test_screenshot  (GtkWidget   *widget,
                                        const gchar *name);
/* The same, when the path is not needed. */
void            rg_ui_test_shot        (GtkWidget   *widget,
                                        const gchar *name);

/* Runs one SQL query yielding one text value; g_free() the result. */
gchar          *rg_ui_test_query_text  (RgDb        *db,
                                        const gchar *sql);

G_END_DECLS
