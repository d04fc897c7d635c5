/* rg-cli-visit.c — regulars-cli visit and feedback: running a table from a
 * shell.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-cli.h"

#include "rg-feedback.h"
#include "rg-ticket.h"
#include "rg-visit.h"

/* ------------------------------------------------------------- printing */

static void
build_line (JsonBuilder *b,
            RgOrderLine *line)
{
  json_builder_begin_object (b);
  rg_cli_json_string (b, "id", rg_order_line_get_id (line));
  rg_cli_json_string (b, "item_id", rg_order_line_get_item_id (line));
  rg_cli_json_string (b, "item", rg_order_line_get_item_name (line));
  rg_cli_json_int (b, "qty", rg_order_line_get_qty (line));
  rg_cli_json_int (b, "unit_price", rg_order_line_get_unit_price (line));
  rg_cli_json_int (b, "discount", rg_order_line_get_discount (line));
  rg_cli_json_int (b, "total", rg_order_line_get_total (line));
  json_builder_set_member_name (b, "voided");
  json_builder_add_boolean_value (b, rg_order_line_get_voided (line));
  rg_cli_json_string (b, "void_reason", rg_order_line_get_void_reason (line));
  rg_cli_json_string (b, "allergen_override", rg_order_line_get_allergen_override (line));
  rg_cli_json_string (b, "note", rg_order_line_get_note (line));
  json_builder_end_object (b);
}

/* What the check's NOTE column says of a line: voided and why, or the
 * allergen confirmed, then the note for the kitchen. */
static gchar *
describe_line_remarks (RgOrderLine *line)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (rg_order_line_get_voided (line))
    g_string_append_printf (text, "void: %s", rg_order_line_get_void_reason (line));
  else if (rg_order_line_get_allergen_override (line) != NULL)
    g_string_append (text, "allergen confirmed");
  if (rg_order_line_get_note (line) != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", rg_order_line_get_note (line));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
build_visit (JsonBuilder *b,
             RgVisit     *v)
{
  rg_cli_json_string (b, "id", rg_visit_get_id (v));
  rg_cli_json_string (b, "branch", rg_visit_get_branch_name (v));
  rg_cli_json_string (b, "guest_id", rg_visit_get_guest_id (v));
  rg_cli_json_string (b, "table_id", rg_visit_get_table_id (v));
  rg_cli_json_string (b, "table", rg_visit_get_table_name (v));
  rg_cli_json_int (b, "party_size", rg_visit_get_party_size (v));
  rg_cli_json_int (b, "children", rg_visit_get_children (v));
  rg_cli_json_int (b, "seated_ms", rg_visit_get_seated_ms (v));
  rg_cli_json_int (b, "left_ms", rg_visit_get_left_ms (v));
  rg_cli_json_string (b, "status", rg_visit_status_to_string (rg_visit_get_status (v)));
  rg_cli_json_int (b, "subtotal", rg_visit_get_subtotal (v));
  rg_cli_json_int (b, "tip", rg_visit_get_tip (v));
  rg_cli_json_string (b, "payment_method", rg_visit_get_payment_method (v));
  rg_cli_json_string (b, "feedback", rg_visit_get_feedback_summary (v));
}

static gboolean
print_visit (RgCli        *cli,
             const gchar  *visit_id,
             gboolean      with_lines,
             const gchar  *verb,
             GError      **error)
{
  g_autoptr(RgVisit) v = rg_visit_get (cli->db, visit_id, error);
  g_autoptr(GListModel) lines = NULL;

  if (v == NULL)
    return FALSE;
  if (with_lines && (lines = rg_visit_list_lines (cli->db, visit_id, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      build_visit (b, v);
      if (lines != NULL)
        {
          json_builder_set_member_name (b, "lines");
          json_builder_begin_array (b);
          for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
            {
              g_autoptr(RgOrderLine) line = g_list_model_get_item (lines, i);

              build_line (b, line);
            }
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      rg_cli_print_json (b);
      return TRUE;
    }

  {
    g_autofree gchar *seated = rg_cli_format_time (rg_visit_get_seated_ms (v));
    g_autofree gchar *subtotal = rg_cli_format_money (rg_visit_get_subtotal (v));

    rg_cli_print ("%s visit %s: %s, table %s, %d people, seated %s, %s, subtotal %s.\n", verb,
                  rg_visit_get_id (v), rg_visit_get_branch_name (v),
                  rg_visit_get_table_name (v) != NULL ? rg_visit_get_table_name (v) : "-",
                  rg_visit_get_party_size (v), seated,
                  rg_visit_status_to_string (rg_visit_get_status (v)), subtotal);
  }
  if (lines != NULL && g_list_model_get_n_items (lines) > 0)
    {
      const gchar * const headers[] = { "QTY", "DISH", "PRICE", "TOTAL", "NOTE", "LINE", NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(RgOrderLine) line = g_list_model_get_item (lines, i);
          gchar **row = g_new0 (gchar *, 7);

          row[0] = g_strdup_printf ("%d", rg_order_line_get_qty (line));
          row[1] = g_strdup (rg_order_line_get_item_name (line));
          row[2] = rg_cli_format_money (rg_order_line_get_unit_price (line));
          row[3] = rg_cli_format_money (rg_order_line_get_total (line));
          row[4] = describe_line_remarks (line);
          row[5] = g_strdup (rg_order_line_get_id (line));
          g_ptr_array_add (rows, row);
        }
      rg_cli_print_table (headers, rows);
    }
  if (rg_visit_get_feedback_summary (v) != NULL)
    rg_cli_print ("Feedback: %s\n", rg_visit_get_feedback_summary (v));
  return TRUE;
}

/* -------------------------------------------------------------- commands */

static gboolean
visit_seat (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_autofree gchar *table = NULL;
  g_autofree gchar *guest = NULL;
  g_autofree gchar *branch_name = NULL;
  g_autofree gchar *server = NULL;
  g_autofree gchar *table_id = NULL;
  gint party = 0, children = 0;
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(RgVisit) visit = NULL;
  RgSeating seating = { 0 };
  const GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_FILENAME, &table, "The table, by name or id", "TABLE" },
    { "guest", 0, 0, G_OPTION_ARG_FILENAME, &guest, "The host guest's id (none: a walk-in)", "ID" },
    { "party", 0, 0, G_OPTION_ARG_INT, &party, "How many sit down", "N" },
    { "children", 0, 0, G_OPTION_ARG_INT, &children, "How many of them are children", "N" },
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch_name, "The branch (this terminal's)", "NAME" },
    { "server", 0, 0, G_OPTION_ARG_FILENAME, &server, "The waiter's staff id", "ID" },
    { NULL }
  };

  if (!rg_cli_parse ("--table TABLE [--guest ID] [--party N] [--children N]", entries, &argc, &argv, 0, 0, error) ||
      !rg_cli_check_range (party, 0, 100, "party size", error) ||
      !rg_cli_check_range (children, 0, 100, "number of children", error))
    return FALSE;
  if (table == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "Say which --table the party sits at.");
      return FALSE;
    }
  if (rg_cli_open (cli, error) == NULL ||
      (branch = rg_cli_get_branch (cli, branch_name, error)) == NULL ||
      (table_id = rg_cli_resolve_table (cli, rg_branch_get_id (branch), table, error)) == NULL)
    return FALSE;

  seating.branch_id = rg_branch_get_id (branch);
  seating.table_id = table_id;
  seating.guest_id = guest;
  seating.party_size = party;
  seating.children = children;
  seating.server_id = server;
  visit = rg_visit_seat (cli->db, &seating, error);
  if (visit == NULL)
    return FALSE;
  return print_visit (cli, rg_visit_get_id (visit), FALSE, "Seated", error);
}

static gboolean
visit_add (RgCli   *cli,
           gint     argc,
           gchar  **argv,
           GError **error)
{
  gint qty = 1, seat = 0, course = 0;
  gboolean confirm = FALSE;
  g_autofree gchar *item_id = NULL;
  g_autofree gchar *note = NULL;
  g_autoptr(RgOrderLine) line = NULL;
  const GOptionEntry entries[] = {
    { "qty", 0, 0, G_OPTION_ARG_INT, &qty, "How many (1)", "N" },
    { "seat", 0, 0, G_OPTION_ARG_INT, &seat, "Seat number", "N" },
    { "course", 0, 0, G_OPTION_ARG_INT, &course, "Course number", "N" },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, "A note for the kitchen (\"no onions\")", "TEXT" },
    { "confirm-allergens", 0, 0, G_OPTION_ARG_NONE, &confirm, "The table confirmed an allergen warning", NULL },
    { NULL }
  };

  if (!rg_cli_parse ("VISIT DISH [--qty N] [--note TEXT] [--confirm-allergens]", entries, &argc, &argv, 2, 2, error) ||
      !rg_cli_check_range (qty, 1, 999, "quantity", error) ||
      !rg_cli_check_range (seat, 0, 100, "seat", error) ||
      !rg_cli_check_range (course, 0, 20, "course", error) ||
      rg_cli_open (cli, error) == NULL ||
      (item_id = rg_cli_resolve_item (cli, argv[2], error)) == NULL)
    return FALSE;

  line = rg_visit_add_noted_line (cli->db, argv[1], item_id, qty, seat, course, note, NULL, confirm, error);
  if (line == NULL)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      build_line (b, line);
      rg_cli_print_json (b);
    }
  else
    {
      g_autofree gchar *total = rg_cli_format_money (rg_order_line_get_total (line));

      rg_cli_print ("Added %d × %s (%s), line %s.\n", rg_order_line_get_qty (line),
                    rg_order_line_get_item_name (line), total, rg_order_line_get_id (line));
    }
  return TRUE;
}

static gboolean
visit_void (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_autofree gchar *line = NULL;
  g_autofree gchar *reason = NULL;
  const GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_FILENAME, &line, "Void only this line of the check", "LINE" },
    { "reason", 0, 0, G_OPTION_ARG_FILENAME, &reason, "Why the line is voided", "TEXT" },
    { NULL }
  };

  if (!rg_cli_parse ("VISIT [--line LINE --reason TEXT]", entries, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL)
    return FALSE;
  if (line == NULL && reason != NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "A --reason goes with the --line it voids.");
      return FALSE;
    }
  if (line != NULL)
    {
      g_autoptr(GListModel) lines = rg_visit_list_lines (cli->db, argv[1], error);
      gboolean on_check = FALSE;

      if (lines == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (lines) && !on_check; i++)
        {
          g_autoptr(RgOrderLine) l = g_list_model_get_item (lines, i);

          on_check = g_strcmp0 (rg_order_line_get_id (l), line) == 0;
        }
      if (!on_check)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "The check of this visit has no such line.");
          return FALSE;
        }
      if (!rg_cli_require (cli, RG_PERMISSION_VOID_LINES, error) ||
          !rg_visit_void_line (cli->db, cli->staff_id, line, reason, error))
        return FALSE;
      return print_visit (cli, argv[1], TRUE, "Voided a line of", error);
    }
  if (!rg_cli_require (cli, RG_PERMISSION_SEAT, error) ||
      !rg_visit_void (cli->db, cli->staff_id, argv[1], error))
    return FALSE;
  return print_visit (cli, argv[1], FALSE, "Voided", error);
}

static gboolean
visit_close (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  g_autofree gchar *tip_text = NULL;
  g_autofree gchar *pay = NULL;
  gint64 tip = 0;
  RgPaymentMethod method = RG_PAYMENT_CARD;
  const GOptionEntry entries[] = {
    { "tip", 0, 0, G_OPTION_ARG_FILENAME, &tip_text, "The tip (0)", "AMOUNT" },
    { "pay", 0, 0, G_OPTION_ARG_FILENAME, &pay, "cash, card, mobile, voucher or other (card)", "METHOD" },
    { NULL }
  };

  if (!rg_cli_parse ("VISIT [--tip AMOUNT] [--pay METHOD]", entries, &argc, &argv, 1, 1, error))
    return FALSE;
  if (tip_text != NULL && !rg_cli_parse_money (tip_text, "tip", &tip, error))
    return FALSE;
  if (pay != NULL && !rg_payment_method_from_string (pay, &method))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The payment method must be cash, card, mobile, voucher or other.");
      return FALSE;
    }
  if (rg_cli_open (cli, error) == NULL || !rg_visit_close (cli->db, argv[1], tip, method, 0, error))
    return FALSE;
  return print_visit (cli, argv[1], FALSE, "Closed", error);
}

static gboolean
visit_show (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  if (!rg_cli_parse ("VISIT", NULL, &argc, &argv, 1, 1, error) || rg_cli_open (cli, error) == NULL)
    return FALSE;
  return print_visit (cli, argv[1], TRUE, "The", error);
}

/* The kitchen ticket on standard output (text, or JSON with --json), and
 * with --pdf also as a PDF file. */
static gboolean
visit_ticket (RgCli   *cli,
              gint     argc,
              gchar  **argv,
              GError **error)
{
  g_autofree gchar *pdf = NULL;
  g_autofree gchar *text = NULL;
  g_autoptr(RgTicket) ticket = NULL;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, "Also write the ticket as a PDF (80 mm roll)", "FILE" },
    { NULL }
  };

  if (!rg_cli_parse ("VISIT [--pdf FILE]", entries, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL ||
      (ticket = rg_ticket_new (cli->db, argv[1], error)) == NULL ||
      (pdf != NULL && !rg_ticket_write_pdf (ticket, pdf, error)))
    return FALSE;
  text = rg_ticket_to_text (ticket);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "visit_id", argv[1]);
      rg_cli_json_string (b, "text", text);
      rg_cli_json_string (b, "pdf", pdf);
      rg_cli_json_int (b, "pages", pdf != NULL ? rg_ticket_get_n_pages (ticket) : 0);
      json_builder_end_object (b);
      rg_cli_print_json (b);
      return TRUE;
    }
  rg_cli_print ("%s", text);
  return TRUE;
}

gboolean
rg_cli_visit (RgCli   *cli,
              gint     argc,
              gchar  **argv,
              GError **error)
{
  static const RgCliCommand commands[] = {
    { "seat", visit_seat, "seat a party at a table" },
    { "add", visit_add, "add a dish to an open check" },
    { "void", visit_void, "void a visit, or one line with --line and --reason" },
    { "close", visit_close, "close the check: tip and payment" },
    { "show", visit_show, "a visit with its lines" },
    { "ticket", visit_ticket, "the kitchen ticket with the table's allergies; --pdf FILE too" },
  };

  return rg_cli_run_group (cli, "visit", commands, G_N_ELEMENTS (commands), argc, argv, error);
}

/* -------------------------------------------------------------- feedback */

gboolean
rg_cli_feedback (RgCli   *cli,
                 gint     argc,
                 gchar  **argv,
                 GError **error)
{
  g_autofree gchar *aspect_text = NULL;
  g_autofree gchar *item = NULL;
  g_autofree gchar *comment = NULL;
  g_autofree gchar *guest = NULL;
  g_autofree gchar *item_id = NULL;
  gint rating = 0;
  RgFeedbackAspect aspect = RG_ASPECT_OVERALL;
  g_autoptr(RgFeedback) feedback = NULL;
  const GOptionEntry entries[] = {
    { "rating", 0, 0, G_OPTION_ARG_INT, &rating, "1 (poor) to 5 (excellent)", "N" },
    { "aspect", 0, 0, G_OPTION_ARG_FILENAME, &aspect_text, "food, service, ambience, tableware, overall or dish", "ASPECT" },
    { "dish", 0, 0, G_OPTION_ARG_FILENAME, &item, "The dish rated (aspect dish)", "DISH" },
    { "comment", 0, 0, G_OPTION_ARG_FILENAME, &comment, "The guest's words", "TEXT" },
    { "guest", 0, 0, G_OPTION_ARG_FILENAME, &guest, "The known guest who gave it", "ID" },
    { NULL }
  };

  if (!rg_cli_parse ("VISIT --rating N [--aspect ASPECT] [--dish DISH] [--comment TEXT]",
                     entries, &argc, &argv, 1, 1, error))
    return FALSE;
  if (aspect_text != NULL && !rg_feedback_aspect_from_string (aspect_text, &aspect))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The aspect must be food, service, ambience, tableware, overall or dish.");
      return FALSE;
    }
  if (item != NULL && aspect_text == NULL)
    aspect = RG_ASPECT_DISH;
  if (rg_cli_open (cli, error) == NULL ||
      (item != NULL && (item_id = rg_cli_resolve_item (cli, item, error)) == NULL))
    return FALSE;

  feedback = rg_feedback_add (cli->db, argv[1], aspect, item_id, rating, comment, NULL, guest, error);
  if (feedback == NULL)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "id", rg_feedback_get_id (feedback));
      rg_cli_json_string (b, "visit_id", rg_feedback_get_visit_id (feedback));
      rg_cli_json_string (b, "aspect", rg_feedback_aspect_to_string (rg_feedback_get_aspect (feedback)));
      rg_cli_json_string (b, "item", rg_feedback_get_item_name (feedback));
      rg_cli_json_int (b, "rating", rg_feedback_get_rating (feedback));
      rg_cli_json_string (b, "comment", rg_feedback_get_comment (feedback));
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("Logged %s %d for visit %s.\n",
                  rg_feedback_get_item_name (feedback) != NULL
                  ? rg_feedback_get_item_name (feedback)
                  : rg_feedback_aspect_to_string (rg_feedback_get_aspect (feedback)),
                  rg_feedback_get_rating (feedback), rg_feedback_get_visit_id (feedback));
  return TRUE;
}
