/* rg-cli.h — what the commands of regulars-cli share: the run's options and
 * database, argument parsing, and printing tables, lines and JSON.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A command is a function that takes its own arguments (argv[0] is its
 * name) and returns %FALSE with a #GError on failure; main() prints the
 * message on standard error and exits with rg_error_exit_status().  Bad
 * arguments are %RG_ERROR_INVALID (exit 2); "nothing found" is
 * %RG_ERROR_NOT_FOUND (exit 1).
 *
 * Text arguments are taken as bytes (G_OPTION_ARG_FILENAME) and checked as
 * UTF-8 by the core, so that a Chinese name works whatever the locale and
 * invalid UTF-8 gets the core's clear message.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rg-auth.h"
#include "rg-branch.h"
#include "rg-db.h"

G_BEGIN_DECLS

typedef struct
{
  /* owned */
  gchar   *db_path;
  RgDb    *db;
  gchar   *staff_name;    /* --staff */
  gchar   *staff_id;      /* once their PIN unlocked them */

  gboolean json;
} RgCli;

typedef gboolean (*RgCliCommandFunc) (RgCli *cli, gint argc, gchar **argv, GError **error);

typedef struct
{
  const gchar      *name;
  RgCliCommandFunc  run;
  const gchar      *summary;
} RgCliCommand;

/* --- rg-cli-common.c */
RgDb     *rg_cli_open            (RgCli *cli, GError **error);
gboolean  rg_cli_run_group       (RgCli *cli, const gchar *group, const RgCliCommand *commands,
                                  guint n_commands, gint argc, gchar **argv, GError **error);
gboolean  rg_cli_parse           (const gchar *usage, const GOptionEntry *entries,
                                  gint *argc, gchar ***argv, guint n_args, guint max_args,
                                  GError **error);
gboolean  rg_cli_parse_money     (const gchar *text, const gchar *what, gint64 *minor, GError **error);
gboolean  rg_cli_check_range     (gint value, gint min, gint max, const gchar *what, GError **error);
RgBranch *rg_cli_get_branch      (RgCli *cli, const gchar *name, GError **error);
gchar    *rg_cli_resolve_table   (RgCli *cli, const gchar *branch_id, const gchar *table, GError **error);
gchar    *rg_cli_resolve_item    (RgCli *cli, const gchar *item, GError **error);
gchar    *rg_cli_format_money    (gint64 minor);
gchar    *rg_cli_format_time     (gint64 ms);
void      rg_cli_print           (const gchar *format, ...) G_GNUC_PRINTF (1, 2);
void      rg_cli_print_table     (const gchar * const *headers, GPtrArray *rows);
void      rg_cli_print_json      (JsonBuilder *builder);
void      rg_cli_json_string     (JsonBuilder *builder, const gchar *key, const gchar *value);
void      rg_cli_json_int        (JsonBuilder *builder, const gchar *key, gint64 value);
void      rg_cli_json_strv       (JsonBuilder *builder, const gchar *key, const gchar * const *values);

/* --- rg-cli-setup.c */
gboolean rg_cli_init   (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_demo   (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_import (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-guest.c */
gboolean rg_cli_lookup (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_guest  (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-visit.c */
gboolean rg_cli_visit    (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_feedback (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-recommend.c */
gboolean rg_cli_recommend (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-floor.c */
gboolean rg_cli_menu   (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_tables (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-report.c */
gboolean rg_cli_report  (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_rollups (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-staff.c */
/* A PIN from the environment @variable, or else the next line of standard
 * input; @whose names it in the message when there is none. */
gchar   *rg_cli_read_pin     (const gchar *variable, const gchar *whose, GError **error);
/* Signs in the --staff member (once) and checks that they may. */
gboolean rg_cli_require      (RgCli *cli, RgPermission permission, GError **error);
gboolean rg_cli_staff        (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_card         (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_guest_export (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_guest_forget (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-eval.c */
gboolean rg_cli_eval          (RgCli *cli, gint argc, gchar **argv, GError **error);
/* report uplift: rg_cli_report() hands it over */
gboolean rg_cli_report_uplift (RgCli *cli, gint argc, gchar **argv, GError **error);

/* --- rg-cli-sync.c */
gboolean rg_cli_enrol (RgCli *cli, gint argc, gchar **argv, GError **error);
gboolean rg_cli_sync  (RgCli *cli, gint argc, gchar **argv, GError **error);

G_END_DECLS
