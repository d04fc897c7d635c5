/* rg-ticket.h — the kitchen ticket of a table's order, with the party's
 * allergies beside the dishes that hold them.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ticket is read once from the database (rg_ticket_new()) and rendered
 * as plain text for a thermal printer (RG_TICKET_COLUMNS characters wide)
 * or as a PDF on an 80 mm roll.  It carries the table, the server, the
 * time, the party, then a box with every allergy of every known guest at
 * the table, then the dishes by course with their quantities and seats.  A
 * dish that holds one of those allergens is flagged on the line under it
 * ("!! ALLERGEN gluten: Ana"), and says whether staff confirmed it with the
 * guest.  A line's note for the kitchen is printed under its dish
 * (">> no onions").  Voided lines are left out.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

/* Characters per line of the text ticket (an 80 mm thermal printer). */
#define RG_TICKET_COLUMNS   42
/* The PDF's paper: an 80 mm roll cut into pages of at most this length. */
#define RG_TICKET_WIDTH_MM  80.0
#define RG_TICKET_HEIGHT_MM 200.0

#define RG_TYPE_TICKET (rg_ticket_get_type ())
G_DECLARE_FINAL_TYPE (RgTicket, rg_ticket, RG, TICKET, GObject)

/**
 * rg_ticket_new:
 * @db: a connection
 * @visit_id: the visit whose order goes to the kitchen
 * @error: return location for a #GError
 *
 * Reads the visit, its server and table, the allergies of every known guest
 * at the table and the dishes on the check (voided lines left out).
 *
 * Returns: (transfer full): the ticket, or %NULL with %RG_ERROR_NOT_FOUND
 *   (unknown visit), %RG_ERROR_INVALID (nothing on the check to send) or a
 *   database error.
 */
RgTicket *rg_ticket_new (RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_ticket_to_text:
 * @self: a ticket
 *
 * Returns: (transfer full): the ticket as lines of at most
 *   %RG_TICKET_COLUMNS characters (a wide character counts two), each
 *   ending in a newline.
 */
gchar *rg_ticket_to_text (RgTicket *self);

/**
 * rg_ticket_get_n_pages:
 * @self: a ticket
 *
 * Returns: how many pages rg_ticket_write_pdf() writes: one per
 *   %RG_TICKET_HEIGHT_MM of ticket; every page after the first repeats the
 *   table and its allergens at the top.
 */
guint rg_ticket_get_n_pages (RgTicket *self);

/**
 * rg_ticket_write_pdf:
 * @self: a ticket
 * @path: the file to write (replaced if it exists)
 * @error: return location for a #GError
 *
 * Writes the ticket as a PDF, %RG_TICKET_WIDTH_MM wide, the flagged dishes
 * and the allergy box in bold.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_IO when the file cannot
 *   be written.
 */
gboolean rg_ticket_write_pdf (RgTicket *self, const gchar *path, GError **error);

/**
 * rg_ticket_save:
 * @self: a ticket
 * @folder: where tickets are kept (made if missing), e.g. "tickets" in the
 *   user's data folder
 * @error: return location for a #GError
 *
 * Writes the ticket twice into @folder, as text and as PDF, named after
 * the table and the time ("table-12-20261125-190512-345.txt" and ".pdf", the last
 * part the milliseconds).
 *
 * Returns: (transfer full): the path of the PDF, or %NULL with
 *   %RG_ERROR_IO (the folder or a file cannot be written).
 */
gchar *rg_ticket_save (RgTicket *self, const gchar *folder, GError **error);

G_END_DECLS
