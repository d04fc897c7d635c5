/* rg-import.h — importing order history from another system's CSV export.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the file is one order line.  A mapping names the columns that
 * hold each part of it (visit id, time, item, price…); rows are grouped into
 * closed visits, guests are found or created by their id in the other system
 * and by phone, unknown items become menu items, and the report rollups,
 * guest figures and name index are rebuilt — all in one transaction, so a
 * failed import leaves nothing behind.
 *
 * Decisions:
 *  - Visits are told apart by branch and visit id.  Lines of one visit id on
 *    a later local date and more than six hours after the previous line are
 *    a new visit (ticket numbers that restart each day); a visit's
 *    external_ref is "<local date of its first line> #<visit id>".
 *  - Importing a visit again (same branch and external_ref) leaves the one
 *    in the database as it is; the result counts such visits and lines as
 *    duplicates, so importing a file twice adds nothing the second time.
 *  - With both price and amount, the amount (what was paid) makes the line
 *    and the price the menu item's price.  A line total that does not divide
 *    by its quantity (3 for the price of 1) is one line at the next whole
 *    unit price with the difference as its discount, so that revenue stays
 *    exact and every row is one line.
 *  - Items are matched with the menu by name, whatever the case, as the menu
 *    keeps names unique; an unknown item is added with the category and
 *    unit price of its first row and a cost of 0.
 *  - A guest value that is empty, "0", "-", "null", "none" or "n/a" is a
 *    walk-in.  A guest found by its id that was erased is a walk-in too.
 *  - Without --date-format, dates like 4/5/2019 are month first, unless one
 *    of them has a first number above 12: then the whole file is day first.
 *  - Times are the branch's local time (branch.tz).
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * RgImportRole:
 * @RG_IMPORT_ROLE_VISIT: the visit (order, ticket, receipt) id; required
 * @RG_IMPORT_ROLE_DATE: the date, when the time column holds only a time
 * @RG_IMPORT_ROLE_TIME: the time, or date and time; required
 * @RG_IMPORT_ROLE_ITEM: the item's name (or id); required
 * @RG_IMPORT_ROLE_QTY: the quantity; without it each row is one item
 * @RG_IMPORT_ROLE_PRICE: the unit price; this or @RG_IMPORT_ROLE_AMOUNT
 * @RG_IMPORT_ROLE_AMOUNT: the line total
 * @RG_IMPORT_ROLE_GUEST: the guest's id in the other system
 * @RG_IMPORT_ROLE_PHONE: the guest's phone number
 * @RG_IMPORT_ROLE_CATEGORY: the item's menu category
 * @RG_IMPORT_ROLE_BRANCH: the branch (outlet, store) by name
 * @RG_IMPORT_N_ROLES: the number of roles
 *
 * What a column of the file means.
 */
typedef enum {
  RG_IMPORT_ROLE_VISIT,
  RG_IMPORT_ROLE_DATE,
  RG_IMPORT_ROLE_TIME,
  RG_IMPORT_ROLE_ITEM,
  RG_IMPORT_ROLE_QTY,
  RG_IMPORT_ROLE_PRICE,
  RG_IMPORT_ROLE_AMOUNT,
  RG_IMPORT_ROLE_GUEST,
  RG_IMPORT_ROLE_PHONE,
  RG_IMPORT_ROLE_CATEGORY,
  RG_IMPORT_ROLE_BRANCH,
  RG_IMPORT_N_ROLES
} RgImportRole;

/**
 * RgImportOptions:
 * @columns: for each #RgImportRole, the name of the column of the file that
 *   holds it (as in the header; case and surrounding spaces do not matter),
 *   or %NULL
 * @date_format: (nullable): a strptime-style format of the dates ("%d/%m/%Y";
 *   see rg_import_parse_stamp()), or %NULL to recognise them
 * @encoding: (nullable): the file's character set, or %NULL for UTF-8
 * @branch: (nullable): the name of the branch of rows without a branch
 *   column (created if missing), or %NULL for the setting "branch_id", else
 *   the first branch, else a new branch "Main"
 * @country: (nullable): ISO 3166 code of the country of phone numbers without
 *   a country prefix, or %NULL for the terminal's (rg_branch_dup_country())
 * @strict: refuse the whole file when a row cannot be read, instead of
 *   skipping the row
 *
 * How to read a file.  The strings are owned by the struct.
 */
typedef struct
{
  gchar    *columns[RG_IMPORT_N_ROLES];
  gchar    *date_format;
  gchar    *encoding;
  gchar    *branch;
  gchar    *country;
  gboolean  strict;
} RgImportOptions;

/**
 * RgImportIssue:
 * @line: the line of the file on which the row starts
 * @reason: what is wrong with it ("no price", "“31/02/2015” is not a date")
 *
 * A row that was skipped, or a value of a row that was ignored.
 */
typedef struct
{
  guint  line;
  gchar *reason;
} RgImportIssue;

/**
 * RgImportResult:
 * @rows: data rows read from the file
 * @lines: order lines written
 * @visits: visits written
 * @duplicate_visits: visits of the file that were imported before and left
 *   as they were
 * @duplicate_rows: rows of those visits
 * @new_guests: guests created
 * @new_items: menu items created
 * @new_branches: branches created
 * @revenue: total of the lines written, in minor units
 * @skipped: (element-type RgImportIssue): rows not imported, by line
 * @warnings: (element-type RgImportIssue): rows imported without one of
 *   their values (a phone number that is not one), by line
 * @read_us: microseconds spent reading and checking the file
 * @write_us: microseconds spent writing guests, items, visits and lines
 * @rollup_us: microseconds spent rebuilding the rollups, guest figures and
 *   guest name index
 * @elapsed_us: microseconds of the whole import, commit included
 *
 * What an import did.
 */
typedef struct
{
  guint      rows;
  guint      lines;
  guint      visits;
  guint      duplicate_visits;
  guint      duplicate_rows;
  guint      new_guests;
  guint      new_items;
  guint      new_branches;
  gint64     revenue;
  GPtrArray *skipped;
  GPtrArray *warnings;
  gint64     read_us;
  gint64     write_us;
  gint64     rollup_us;
  gint64     elapsed_us;
} RgImportResult;

/**
 * rg_import_role_to_string:
 * @role: a role
 *
 * Returns: (transfer none): the role's name in a mapping ("visit", "qty"…).
 */
const gchar *rg_import_role_to_string (RgImportRole role);

/**
 * rg_import_options_new:
 *
 * Returns: (transfer full): options with nothing mapped.
 */
RgImportOptions *rg_import_options_new (void);

/**
 * rg_import_options_free:
 * @options: (transfer full) (nullable): options
 */
void rg_import_options_free (RgImportOptions *options);

/**
 * rg_import_options_set_map:
 * @options: options
 * @map: a mapping as given on the command line:
 *   "visit=order_id,time=order_time,item=pizza_name,qty=quantity,price=unit_price"
 * @error: return location for a #GError
 *
 * Sets the column of each role that @map names.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID (and @options
 *   unchanged) for an unknown role, a role given twice, or a part without
 *   "=" or without a column.
 */
gboolean rg_import_options_set_map (RgImportOptions *options, const gchar *map, GError **error);

/**
 * rg_import_result_free:
 * @result: (transfer full) (nullable): a result
 */
void rg_import_result_free (RgImportResult *result);

/**
 * rg_import_orders:
 * @db: a connection
 * @path: the CSV file
 * @options: how to read it
 * @error: return location for a #GError
 *
 * Imports the order lines of @path as closed visits; see the top of this
 * file for the decisions it takes.  Rows that cannot be read (no visit id,
 * no item, no price, a bad quantity, date or time) are skipped and listed in
 * the result, or, with @options->strict, make the whole import fail.
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set and
 *   the database unchanged: %RG_ERROR_INVALID for a mapping that lacks a
 *   required role or names a column the file does not have, a bad date
 *   format or encoding, a file that is empty, has broken quoting, rows with
 *   more or fewer fields than the header or text that is not valid in its
 *   encoding, a strict import of a file with a bad row, or a branch with an
 *   unknown time zone; %RG_ERROR_NOT_FOUND when @path does not exist;
 *   %RG_ERROR_IO, or a database error.
 */
RgImportResult *rg_import_orders (RgDb *db, const gchar *path, const RgImportOptions *options, GError **error);

/**
 * rg_import_orders_from_stream:
 * @db: a connection
 * @stream: the CSV text
 * @options: how to read it
 * @error: return location for a #GError
 *
 * As rg_import_orders(), from a stream, which is read to its end and
 * closed.
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set.
 */
RgImportResult *rg_import_orders_from_stream (RgDb *db, GInputStream *stream, const RgImportOptions *options, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgImportOptions, rg_import_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgImportResult, rg_import_result_free)

G_END_DECLS
