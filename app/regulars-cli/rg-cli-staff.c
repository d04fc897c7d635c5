/* rg-cli-staff.c — regulars-cli acting as a staff member: staff and their
 * PINs, the audit log, a guest's data export and erasure, member cards.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guarded command names who runs it with --staff NAME; their PIN comes
 * from the environment variable REGULARS_PIN, or else from the first line
 * of standard input.  A new PIN (staff add, staff pin) comes from
 * REGULARS_NEW_PIN, or else from the next line of standard input.  PINs
 * are never taken as arguments, which other users could read.  A sign-in
 * that succeeds is audited even when the command is then refused.
 */
#include "rg-cli.h"

#include <stdio.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-auth.h"
#include "rg-card-sign.h"
#include "rg-guest.h"
#include "rg-id.h"
#include "rg-privacy.h"

#define PIN_LINE_MAX 64

/* --------------------------------------------------------------- helpers */

gchar *
rg_cli_read_pin (const gchar  *variable,
                 const gchar  *whose,
                 GError      **error)
{
  const gchar *given = g_getenv (variable);
  gchar line[PIN_LINE_MAX];

  if (given != NULL)
    return g_strdup (given);
  if (fgets (line, sizeof line, stdin) == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Give %s in %s or on a line of standard input.", whose, variable);
      return NULL;
    }
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* A staff member by id or by name. */
static RgStaff *
find_staff (RgCli        *cli,
            const gchar  *who,
            GError      **error)
{
  return rg_id_is_valid (who) ? rg_auth_get_staff (cli->db, who, error)
                              : rg_auth_find_staff (cli->db, who, error);
}

/* Who runs the command: nobody without --staff, else the staff member
 * after their PIN unlocks them (once per run).  With @new_pin, a new PIN
 * is read too, and checked before anyone signs in. */
static gboolean
sign_in (RgCli    *cli,
         gchar   **new_pin,
         GError  **error)
{
  g_autoptr(RgStaff) staff = NULL;
  g_autoptr(RgStaff) unlocked = NULL;
  g_autofree gchar *pin = NULL;

  if (cli->staff_name != NULL && cli->staff_id == NULL)
    {
      g_autofree gchar *whose = NULL;

      if ((staff = find_staff (cli, cli->staff_name, error)) == NULL)
        return FALSE;
      whose = g_strdup_printf ("the PIN of %s", rg_staff_get_name (staff));
      if ((pin = rg_cli_read_pin ("REGULARS_PIN", whose, error)) == NULL)
        return FALSE;
    }
  if (new_pin != NULL &&
      ((*new_pin = rg_cli_read_pin ("REGULARS_NEW_PIN", "the new PIN", error)) == NULL ||
       !rg_auth_check_pin (*new_pin, error)))
    return FALSE;
  if (staff == NULL)
    return TRUE;
  if ((unlocked = rg_auth_unlock (cli->db, rg_staff_get_id (staff), pin, error)) == NULL)
    return FALSE;
  cli->staff_id = g_strdup (rg_staff_get_id (unlocked));
  return TRUE;
}

gboolean
rg_cli_require (RgCli         *cli,
                RgPermission   permission,
                GError       **error)
{
  return rg_cli_open (cli, error) != NULL && sign_in (cli, NULL, error) &&
         rg_auth_require (cli->db, cli->staff_id, permission, error);
}

static gboolean
print_staff (RgCli   *cli,
             RgStaff *staff,
             const gchar *verb)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "id", rg_staff_get_id (staff));
      rg_cli_json_string (b, "name", rg_staff_get_name (staff));
      rg_cli_json_string (b, "role", rg_role_to_string (rg_staff_get_role (staff)));
      rg_cli_json_int (b, "active", rg_staff_get_active (staff));
      rg_cli_json_int (b, "has_pin", rg_staff_get_has_pin (staff));
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("%s %s, %s (%s).\n", verb, rg_staff_get_name (staff),
                  rg_role_to_string (rg_staff_get_role (staff)), rg_staff_get_id (staff));
  return TRUE;
}

/* ----------------------------------------------------------------- staff */

static gboolean
staff_add (RgCli   *cli,
           gint     argc,
           gchar  **argv,
           GError **error)
{
  g_autofree gchar *role_text = NULL;
  g_autofree gchar *pin = NULL;
  g_autoptr(RgStaff) staff = NULL;
  gboolean no_pin = FALSE;
  RgRole role = RG_ROLE_HOST;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_FILENAME, &role_text, "host, waiter, manager or owner", "ROLE" },
    { "no-pin", 0, 0, G_OPTION_ARG_NONE, &no_pin, "Set the PIN later (staff pin)", NULL },
    { NULL }
  };

  if (!rg_cli_parse ("NAME --role ROLE [--no-pin]", entries, &argc, &argv, 1, 1, error) ||
      !rg_role_from_string (role_text, &role, error) ||
      rg_cli_open (cli, error) == NULL || !sign_in (cli, no_pin ? NULL : &pin, error))
    return FALSE;
  staff = rg_auth_add_staff (cli->db, cli->staff_id, argv[1], role, pin, error);
  return staff != NULL && print_staff (cli, staff, "Added");
}

static gboolean
staff_list (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_autoptr(GListModel) staff = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, "Disabled staff too", NULL },
    { NULL }
  };

  if (!rg_cli_parse ("[--all]", entries, &argc, &argv, 0, 0, error) ||
      rg_cli_open (cli, error) == NULL ||
      (staff = rg_auth_list_staff (cli->db, all, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
        {
          g_autoptr(RgStaff) s = g_list_model_get_item (staff, i);

          json_builder_begin_object (b);
          rg_cli_json_string (b, "id", rg_staff_get_id (s));
          rg_cli_json_string (b, "name", rg_staff_get_name (s));
          rg_cli_json_string (b, "role", rg_role_to_string (rg_staff_get_role (s)));
          rg_cli_json_int (b, "active", rg_staff_get_active (s));
          rg_cli_json_int (b, "has_pin", rg_staff_get_has_pin (s));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      rg_cli_print_json (b);
    }
  else
    {
      const gchar * const headers[] = { "NAME", "ROLE", "STATUS", "ID", NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
        {
          g_autoptr(RgStaff) s = g_list_model_get_item (staff, i);
          gchar **row = g_new0 (gchar *, 5);

          row[0] = g_strdup (rg_staff_get_name (s));
          row[1] = g_strdup (rg_role_to_string (rg_staff_get_role (s)));
          row[2] = g_strdup (!rg_staff_get_active (s) ? "disabled"
                             : rg_staff_get_has_pin (s) ? "active" : "no PIN");
          row[3] = g_strdup (rg_staff_get_id (s));
          g_ptr_array_add (rows, row);
        }
      if (rows->len > 0)
        rg_cli_print_table (headers, rows);
    }
  if (g_list_model_get_n_items (staff) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "There are no staff yet.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
staff_pin (RgCli   *cli,
           gint     argc,
           gchar  **argv,
           GError **error)
{
  g_autoptr(RgStaff) staff = NULL;
  g_autofree gchar *pin = NULL;

  if (!rg_cli_parse ("NAME", NULL, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL ||
      (staff = find_staff (cli, argv[1], error)) == NULL ||
      !sign_in (cli, &pin, error) ||
      !rg_auth_set_pin (cli->db, cli->staff_id, rg_staff_get_id (staff), pin, error))
    return FALSE;
  return print_staff (cli, staff, "New PIN for");
}

static gboolean
staff_disable (RgCli   *cli,
               gint     argc,
               gchar  **argv,
               GError **error)
{
  g_autoptr(RgStaff) staff = NULL;

  if (!rg_cli_parse ("NAME", NULL, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL ||
      (staff = find_staff (cli, argv[1], error)) == NULL || !sign_in (cli, NULL, error) ||
      !rg_auth_disable_staff (cli->db, cli->staff_id, rg_staff_get_id (staff), error))
    return FALSE;
  return print_staff (cli, staff, "Disabled");
}

static gboolean
staff_audit (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  g_autofree gchar *subject = NULL;
  g_autoptr(GListModel) entries_found = NULL;
  gint limit = 50;
  const GOptionEntry entries[] = {
    { "subject", 0, 0, G_OPTION_ARG_FILENAME, &subject, "Only entries about this id", "ID" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Most entries to list (50; 0 for all)", "N" },
    { NULL }
  };

  if (!rg_cli_parse ("[--subject ID] [--limit N]", entries, &argc, &argv, 0, 0, error) ||
      !rg_cli_check_range (limit, 0, G_MAXINT, "limit", error) ||
      !rg_cli_require (cli, RG_PERMISSION_VIEW_AUDIT, error) ||
      (entries_found = rg_privacy_list_audit (cli->db, cli->staff_id, subject, 0, (guint) limit,
                                              error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (entries_found); i++)
        {
          g_autoptr(RgAuditEntry) e = g_list_model_get_item (entries_found, i);

          json_builder_begin_object (b);
          rg_cli_json_int (b, "at_ms", rg_audit_entry_get_at_ms (e));
          rg_cli_json_string (b, "staff", rg_audit_entry_get_staff_name (e));
          rg_cli_json_string (b, "action", rg_audit_entry_get_action (e));
          rg_cli_json_string (b, "subject", rg_audit_entry_get_subject (e));
          rg_cli_json_string (b, "detail", rg_audit_entry_get_detail (e));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      rg_cli_print_json (b);
    }
  else
    {
      const gchar * const headers[] = { "WHEN", "WHO", "ACTION", "SUBJECT", "DETAIL", NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < g_list_model_get_n_items (entries_found); i++)
        {
          g_autoptr(RgAuditEntry) e = g_list_model_get_item (entries_found, i);
          gchar **row = g_new0 (gchar *, 6);

          row[0] = rg_cli_format_time (rg_audit_entry_get_at_ms (e));
          row[1] = g_strdup (rg_audit_entry_get_staff_name (e) != NULL ? rg_audit_entry_get_staff_name (e) : "system");
          row[2] = g_strdup (rg_audit_entry_get_action (e));
          row[3] = g_strdup (rg_audit_entry_get_subject (e));
          row[4] = g_strdup (rg_audit_entry_get_detail (e));
          g_ptr_array_add (rows, row);
        }
      if (rows->len > 0)
        rg_cli_print_table (headers, rows);
    }
  return TRUE;
}

gboolean
rg_cli_staff (RgCli   *cli,
              gint     argc,
              gchar  **argv,
              GError **error)
{
  static const RgCliCommand commands[] = {
    { "add", staff_add, "add a staff member: NAME --role ROLE (PIN from REGULARS_NEW_PIN or stdin)" },
    { "list", staff_list, "the staff and their roles" },
    { "pin", staff_pin, "set a staff member's PIN (from REGULARS_NEW_PIN or stdin)" },
    { "disable", staff_disable, "stop a staff member from signing in" },
    { "audit", staff_audit, "the audit log: logins, exports, erasures, report views (owner)" },
  };

  return rg_cli_run_group (cli, "staff", commands, G_N_ELEMENTS (commands), argc, argv, error);
}

/* --------------------------------------------------------------- privacy */

gboolean
rg_cli_guest_export (RgCli   *cli,
                     gint     argc,
                     gchar  **argv,
                     GError **error)
{
  g_autoptr(JsonNode) exported = NULL;
  g_autofree gchar *text = NULL;

  if (!rg_cli_parse ("ID --staff OWNER", NULL, &argc, &argv, 1, 1, error) ||
      !rg_cli_require (cli, RG_PERMISSION_GUEST_DATA, error) ||
      (exported = rg_privacy_export (cli->db, cli->staff_id, argv[1], error)) == NULL)
    return FALSE;
  text = json_to_string (exported, TRUE);
  rg_cli_print ("%s\n", text);
  return TRUE;
}

gboolean
rg_cli_guest_forget (RgCli   *cli,
                     gint     argc,
                     gchar  **argv,
                     GError **error)
{
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, "Yes, erase: it cannot be undone", NULL },
    { NULL }
  };

  if (!rg_cli_parse ("ID --staff OWNER --yes", entries, &argc, &argv, 1, 1, error))
    return FALSE;
  if (!yes)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Erasing a guest cannot be undone: add --yes to erase their personal data.");
      return FALSE;
    }
  if (!rg_cli_require (cli, RG_PERMISSION_GUEST_DATA, error) ||
      !rg_privacy_erase (cli->db, cli->staff_id, argv[1], error))
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "erased", argv[1]);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("Erased the personal data of guest %s; their visits stay, anonymous.\n", argv[1]);
  return TRUE;
}

/* ----------------------------------------------------------------- cards */

/* Prints a card's payload and its QR code, or writes the code as SVG. */
static gboolean
print_card (RgCli        *cli,
            const gchar  *payload,
            const gchar  *svg_path,
            GError      **error)
{
  g_autoptr(RgCardQr) qr = rg_card_qr_new (payload, error);
  g_auto(GStrv) parts = NULL;

  if (qr == NULL)
    return FALSE;
  if (svg_path != NULL)
    {
      g_autofree gchar *svg = rg_card_qr_to_svg (qr, 8);

      if (!g_file_set_contents (svg_path, svg, -1, error))
        {
          g_prefix_error (error, "Writing the QR code: ");
          return FALSE;
        }
    }
  parts = g_strsplit (payload, ".", 0);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "number", parts[1]);
      rg_cli_json_string (b, "payload", payload);
      rg_cli_json_int (b, "qr_width", rg_card_qr_get_width (qr));
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    {
      g_autofree gchar *text = rg_card_qr_to_text (qr);

      rg_cli_print ("Card %s\n%s\n%s", parts[1], payload, text);
    }
  return TRUE;
}

static gboolean
card_issue (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_autofree gchar *svg = NULL;
  g_autofree gchar *payload = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, "Revoke the guest's cards first", NULL },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg, "Also write the QR code as SVG", "FILE" },
    { NULL }
  };

  if (!rg_cli_parse ("GUEST [--replace] [--svg FILE]", entries, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL ||
      (payload = rg_card_sign_issue (cli->db, argv[1], replace, error)) == NULL)
    return FALSE;
  return print_card (cli, payload, svg, error);
}

static gboolean
card_show (RgCli   *cli,
           gint     argc,
           gchar  **argv,
           GError **error)
{
  g_autofree gchar *svg = NULL;
  g_autofree gchar *payload = NULL;
  const gchar *card = NULL;
  g_autoptr(RgGuest) guest = NULL;
  const GOptionEntry entries[] = {
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg, "Also write the QR code as SVG", "FILE" },
    { NULL }
  };

  if (!rg_cli_parse ("GUEST|CARD [--svg FILE]", entries, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL)
    return FALSE;
  if (rg_id_is_valid (argv[1]))
    {
      if ((guest = rg_guest_get (cli->db, argv[1], error)) == NULL)
        return FALSE;
      card = rg_guest_get_cards (guest)[0];
      if (card == NULL)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND,
                       "%s has no member card (regulars-cli card issue gives one).",
                       rg_guest_get_name (guest));
          return FALSE;
        }
    }
  else
    card = argv[1];
  payload = rg_card_sign_payload (cli->db, card, error);
  return payload != NULL && print_card (cli, payload, svg, error);
}

static gboolean
card_revoke (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  if (!rg_cli_parse ("CARD", NULL, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL ||
      !rg_guest_revoke_card (cli->db, argv[1], error))
    return FALSE;
  if (!cli->json)
    rg_cli_print ("Card %s is revoked: it no longer opens the door.\n", argv[1]);
  return TRUE;
}

static gboolean
card_check (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_autofree gchar *number = NULL;
  g_autofree gchar *guest_id = NULL;
  g_autoptr(RgGuest) guest = NULL;

  if (!rg_cli_parse ("PAYLOAD", NULL, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL ||
      (guest_id = rg_card_sign_verify (cli->db, argv[1], &number, error)) == NULL ||
      (guest = rg_guest_get (cli->db, guest_id, error)) == NULL)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "number", number);
      rg_cli_json_string (b, "guest_id", guest_id);
      rg_cli_json_string (b, "name", rg_guest_get_name (guest));
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("Card %s is good: %s (%s).\n", number, rg_guest_get_name (guest), guest_id);
  return TRUE;
}

gboolean
rg_cli_card (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  static const RgCliCommand commands[] = {
    { "issue", card_issue, "give a guest a new member card and print its QR code" },
    { "show", card_show, "print the QR code of a guest's card" },
    { "revoke", card_revoke, "revoke a lost or replaced card" },
    { "check", card_check, "check a scanned card as the door does" },
  };

  return rg_cli_run_group (cli, "card", commands, G_N_ELEMENTS (commands), argc, argv, error);
}
