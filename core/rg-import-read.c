/* rg-import-read.c — the first passes of an orders import: every row of the
 * file read, checked and kept in memory, and the file's date order settled,
 * before anything is written.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-import-private.h"

#include "rg-guest.h"
#include "rg-menu.h"
#include "rg-phone.h"
#include "rg-text.h"

#define VISIT_REF_MAX 100
#define BRANCH_NAME_MAX 100
#define MAX_LINE_TOTAL G_GINT64_CONSTANT (100000000000000)   /* a trillion in major units */

/* Guest values that mean "nobody in particular". */
static const gchar * const walk_in_values[] = { "-", "null", "none", "n/a", NULL };

/* -------------------------------------------------------------- issues */

static void
add_issue (GPtrArray   *issues,
           guint        line,
           const gchar *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
add_issue (GPtrArray   *issues,
           guint        line,
           const gchar *format,
           ...)
{
  RgImportIssue *issue = g_new0 (RgImportIssue, 1);
  va_list args;

  va_start (args, format);
  issue->line = line;
  issue->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (issues, issue);
}

static gint
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const RgImportIssue *x = *(const RgImportIssue * const *) a;
  const RgImportIssue *y = *(const RgImportIssue * const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* ------------------------------------------------------------- columns */

static gboolean
find_columns (RgImportRun  *imp,
              GError      **error)
{
  for (guint role = 0; role < RG_IMPORT_N_ROLES; role++)
    {
      const gchar *name = imp->options->columns[role];

      imp->column[role] = -1;
      if (name == NULL)
        continue;
      imp->column[role] = rg_csv_reader_find_column (imp->reader, name);
      if (imp->column[role] < 0)
        {
          g_autofree gchar *list = rg_csv_reader_dup_column_list (imp->reader);

          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "the file has no column “%s” (given for %s); its columns are: %s",
                       name, rg_import_role_to_string (role), list);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------- registries */

static RgImportBranch *
find_branch (RgImportRun *imp,
             const gchar *name)
{
  RgImportBranch *branch;

  for (guint i = 0; i < imp->branches->len; i++)
    {
      branch = g_ptr_array_index (imp->branches, i);
      if (g_strcmp0 (branch->text, name) == 0)
        return branch;
    }

  branch = g_new0 (RgImportBranch, 1);
  if (name != NULL)
    {
      g_autoptr(GError) error = NULL;

      branch->text = g_string_chunk_insert_const (imp->strings, name);
      branch->name = rg_text_check (name, "the branch's name", BRANCH_NAME_MAX, &error);
      if (branch->name == NULL)
        {
          branch->name = g_strdup (name);
          branch->problem = g_strdup (error->message);
        }
    }
  g_ptr_array_add (imp->branches, branch);
  return branch;
}

/* Items are found by the text of their name and category as written; the
 * first time a text is seen it is checked and folded, and items of the same
 * folded name are one item (the menu keeps names unique in any case). */
static RgImportItem *
find_item (RgImportRun *imp,
           const gchar *name,
           const gchar *category,
           gint64       price)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *clean_name = NULL;
  g_autofree gchar *clean_category = NULL;
  g_autofree gchar *folded = NULL;
  const gchar *text;
  RgImportItem *item;

  g_string_assign (imp->key, category);
  g_string_append_c (imp->key, '\x1f');
  g_string_append (imp->key, name);
  item = g_hash_table_lookup (imp->items_by_text, imp->key->str);
  if (item != NULL)
    return item;

  text = g_string_chunk_insert_const (imp->strings, imp->key->str);
  clean_name = rg_text_check (name, "the item's name", RG_MENU_NAME_MAX, &error);
  if (clean_name != NULL && *category != '\0')
    clean_category = rg_text_check (category, "the item's category", RG_MENU_CATEGORY_MAX, &error);

  if (clean_name == NULL || (*category != '\0' && clean_category == NULL))
    {
      item = g_new0 (RgImportItem, 1);
      item->problem = g_strdup (error->message);
      g_ptr_array_add (imp->items, item);
      g_hash_table_insert (imp->items_by_text, (gpointer) text, item);
      return item;
    }

  folded = _rg_import_fold_name (clean_name);
  item = g_hash_table_lookup (imp->items_by_key, folded);
  if (item == NULL)
    {
      item = g_new0 (RgImportItem, 1);
      item->name = g_steal_pointer (&clean_name);
      item->category = clean_category != NULL ? g_steal_pointer (&clean_category) : g_strdup ("");
      item->price = price;
      g_ptr_array_add (imp->items, item);
      g_hash_table_insert (imp->items_by_key, g_steal_pointer (&folded), item);
    }
  g_hash_table_insert (imp->items_by_text, (gpointer) text, item);
  return item;
}

static gboolean
is_walk_in (const gchar *value)
{
  const gchar *p = value;

  while (*p == '0')
    p++;
  if (*value == '\0' || *p == '\0')
    return TRUE;
  for (guint i = 0; walk_in_values[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, walk_in_values[i]) == 0)
      return TRUE;
  return FALSE;
}

static RgImportGuest *
find_guest (RgImportRun *imp,
            const gchar *ref,
            const gchar *phone)
{
  const gchar *key = ref != NULL ? ref : phone;
  RgImportGuest *guest = g_hash_table_lookup (imp->guests, key);

  if (guest == NULL)
    {
      guest = g_new0 (RgImportGuest, 1);
      guest->ref = ref;
      guest->phone = phone;
      g_hash_table_insert (imp->guests, (gpointer) key, guest);
    }
  else if (guest->phone == NULL)
    guest->phone = phone;
  return guest;
}

/* ---------------------------------------------------------------- rows */

/* The value of @role in the current record, trimmed; NULL when unmapped. */
static const gchar *
get_value (RgImportRun  *imp,
           RgImportRole  role)
{
  GString *value = imp->values[role];
  const gchar *text;
  gsize length;

  if (imp->column[role] < 0)
    return NULL;

  text = rg_csv_reader_get_field (imp->reader, (guint) imp->column[role], &length);
  while (length > 0 && g_ascii_isspace (*text))
    {
      text++;
      length--;
    }
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  g_string_truncate (value, 0);
  g_string_append_len (value, text, (gssize) length);
  return value->str;
}

static gboolean
skip_row (RgImportRun *imp,
          guint        line,
          const gchar *column,
          const gchar *reason)
{
  if (column != NULL)
    add_issue (imp->result->skipped, line, "%s: %s", column, reason);
  else
    add_issue (imp->result->skipped, line, "%s", reason);
  return FALSE;
}

static gboolean
read_money (RgImportRun  *imp,
            RgImportRow  *row,
            RgImportRole  role,
            gint64       *minor)
{
  g_autoptr(GError) error = NULL;
  const gchar *text = get_value (imp, role);

  if (!rg_import_parse_money (text, minor, &error))
    return skip_row (imp, row->line, imp->options->columns[role], error->message);
  if (*minor < 0)
    return skip_row (imp, row->line, imp->options->columns[role],
                     "the amount is below zero (refunds are not imported)");
  return TRUE;
}

/* Sets the row's total from its amount or its price and quantity; *price
 * is the unit price for the menu. */
static gboolean
read_total (RgImportRun *imp,
            RgImportRow *row,
            gint64      *price)
{
  const gchar *amount = get_value (imp, RG_IMPORT_ROLE_AMOUNT);
  const gchar *unit = get_value (imp, RG_IMPORT_ROLE_PRICE);
  gboolean has_amount = amount != NULL && *amount != '\0';
  gboolean has_unit = unit != NULL && *unit != '\0';

  if (!has_amount && !has_unit)
    return skip_row (imp, row->line, NULL, "no price");

  if (has_unit && !read_money (imp, row, RG_IMPORT_ROLE_PRICE, price))
    return FALSE;
  if (has_amount)
    {
      if (!read_money (imp, row, RG_IMPORT_ROLE_AMOUNT, &row->total))
        return FALSE;
      if (!has_unit)
        *price = row->total / row->qty;
    }
  else if (*price > MAX_LINE_TOTAL / row->qty)
    return skip_row (imp, row->line, imp->options->columns[RG_IMPORT_ROLE_PRICE],
                     "the line total is too large");
  else
    row->total = *price * row->qty;
  return TRUE;
}

static gboolean
read_stamp (RgImportRun   *imp,
            RgImportRow   *row,
            RgImportRole   role,
            const gchar   *format,
            RgImportStamp *stamp)
{
  g_autoptr(GError) error = NULL;
  const gchar *text = get_value (imp, role);

  if (*text == '\0')
    return skip_row (imp, row->line, NULL, role == RG_IMPORT_ROLE_DATE ? "no date" : "no time");
  if (!rg_import_parse_stamp (text, format, stamp, &error))
    return skip_row (imp, row->line, imp->options->columns[role], error->message);
  return TRUE;
}

/* The row's date and time, from one column or two. */
static gboolean
read_when (RgImportRun *imp,
           RgImportRow *row)
{
  const gchar *format = imp->options->date_format;
  RgImportRole date_role = imp->column[RG_IMPORT_ROLE_DATE] >= 0
                           ? RG_IMPORT_ROLE_DATE : RG_IMPORT_ROLE_TIME;
  RgImportStamp *stamp = &row->stamp;

  if (!read_stamp (imp, row, date_role, format, stamp))
    return FALSE;
  if (!stamp->has_date)
    return skip_row (imp, row->line, imp->options->columns[date_role],
                     "the value has no date (map its date column with date=COLUMN)");

  if (date_role == RG_IMPORT_ROLE_DATE)
    {
      RgImportStamp time;

      if (!read_stamp (imp, row, RG_IMPORT_ROLE_TIME, NULL, &time))
        return FALSE;
      if (!time.has_time)
        return skip_row (imp, row->line, imp->options->columns[RG_IMPORT_ROLE_TIME],
                         "the value has no time of day");
      stamp->hour = time.hour;
      stamp->minute = time.minute;
      stamp->second = time.second;
      stamp->millisecond = time.millisecond;
      stamp->has_time = TRUE;
    }

  /* Remember the text of a date that only one order makes real, to say
   * which row it was if the file's order turns out to be the other. */
  if (stamp->ambiguous)
    {
      RgImportStamp month_first = *stamp, day_first = *stamp;

      if (!rg_import_parse_settle_date (&month_first, FALSE) ||
          !rg_import_parse_settle_date (&day_first, TRUE))
        row->date_text = g_string_chunk_insert_const (imp->strings,
                                                      imp->values[date_role]->str);
      if (stamp->month > 12)
        imp->day_first = TRUE;
    }
  return TRUE;
}

static void
read_guest (RgImportRun *imp,
            RgImportRow *row)
{
  const gchar *ref = get_value (imp, RG_IMPORT_ROLE_GUEST);
  const gchar *phone_text = get_value (imp, RG_IMPORT_ROLE_PHONE);
  const gchar *phone = NULL;

  if (ref != NULL && is_walk_in (ref))
    ref = NULL;
  if (ref != NULL && g_utf8_strlen (ref, -1) > RG_GUEST_REF_MAX)
    {
      add_issue (imp->result->warnings, row->line,
                 "%s: the guest id is too long; imported as a walk-in",
                 imp->options->columns[RG_IMPORT_ROLE_GUEST]);
      ref = NULL;
    }
  if (ref != NULL)
    ref = g_string_chunk_insert_const (imp->strings, ref);

  if (phone_text != NULL && *phone_text != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *e164 = rg_phone_normalize (phone_text, imp->country, &error);

      if (e164 != NULL)
        phone = g_string_chunk_insert_const (imp->strings, e164);
      else
        add_issue (imp->result->warnings, row->line, "%s: %s; the phone was left out",
                   imp->options->columns[RG_IMPORT_ROLE_PHONE], error->message);
    }

  if (ref != NULL || phone != NULL)
    row->guest = find_guest (imp, ref, phone);
}

/* Reads the current record into a row; a row that cannot be read is listed
 * in the result's skipped rows and not kept. */
static void
read_row (RgImportRun *imp)
{
  RgImportRow row = { 0, };
  const gchar *visit, *item, *category, *branch, *qty;
  gint64 price = 0;

  row.line = rg_csv_reader_get_line (imp->reader);

  visit = get_value (imp, RG_IMPORT_ROLE_VISIT);
  if (*visit == '\0')
    {
      skip_row (imp, row.line, NULL, "no visit id");
      return;
    }
  if (g_utf8_strlen (visit, -1) > VISIT_REF_MAX)
    {
      skip_row (imp, row.line, imp->options->columns[RG_IMPORT_ROLE_VISIT], "the visit id is too long");
      return;
    }

  item = get_value (imp, RG_IMPORT_ROLE_ITEM);
  if (*item == '\0')
    {
      skip_row (imp, row.line, NULL, "no item");
      return;
    }

  qty = get_value (imp, RG_IMPORT_ROLE_QTY);
  row.qty = 1;
  if (qty != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!rg_import_parse_quantity (qty, &row.qty, &error))
        {
          skip_row (imp, row.line, imp->options->columns[RG_IMPORT_ROLE_QTY], error->message);
          return;
        }
    }

  if (!read_total (imp, &row, &price) || !read_when (imp, &row))
    return;

  category = get_value (imp, RG_IMPORT_ROLE_CATEGORY);
  row.item = find_item (imp, item, category != NULL ? category : "", price);
  if (row.item->problem != NULL)
    {
      skip_row (imp, row.line, imp->options->columns[RG_IMPORT_ROLE_ITEM], row.item->problem);
      return;
    }

  branch = get_value (imp, RG_IMPORT_ROLE_BRANCH);
  row.branch = find_branch (imp, branch != NULL && *branch != '\0' ? branch : imp->options->branch);
  if (row.branch->problem != NULL)
    {
      skip_row (imp, row.line, imp->options->columns[RG_IMPORT_ROLE_BRANCH], row.branch->problem);
      return;
    }

  row.visit = g_string_chunk_insert_const (imp->strings, visit);
  read_guest (imp, &row);
  g_array_append_val (imp->rows, row);
}

static gboolean
read_rows (RgImportRun  *imp,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  while (rg_csv_reader_next (imp->reader, &local_error))
    {
      imp->result->rows++;
      read_row (imp);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* --------------------------------------------------------------- dates */

/* Puts day and month in their places for the whole file. */
static void
settle_dates (RgImportRun *imp)
{
  for (guint i = 0; i < imp->rows->len; i++)
    {
      RgImportRow *row = &g_array_index (imp->rows, RgImportRow, i);

      if (!rg_import_parse_settle_date (&row->stamp, imp->day_first))
        {
          row->skipped = TRUE;
          add_issue (imp->result->skipped, row->line,
                     "%s: “%s” is not a date (the file's dates are %s first)",
                     imp->options->columns[imp->column[RG_IMPORT_ROLE_DATE] >= 0
                                           ? RG_IMPORT_ROLE_DATE : RG_IMPORT_ROLE_TIME],
                     row->date_text != NULL ? row->date_text : "?",
                     imp->day_first ? "day" : "month");
        }
    }
}

static gboolean
refuse_if_strict (RgImportRun  *imp,
                  GError      **error)
{
  GPtrArray *skipped = imp->result->skipped;
  const RgImportIssue *first;

  g_ptr_array_sort (skipped, compare_issues);
  if (!imp->options->strict || skipped->len == 0)
    return TRUE;

  first = g_ptr_array_index (skipped, 0);
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "line %u: %s; nothing was imported (%u %s cannot be read)",
               first->line, first->reason, skipped->len, skipped->len == 1 ? "row" : "rows");
  return FALSE;
}

/* -------------------------------------------------------- internal API */

gboolean
_rg_import_read (RgImportRun  *imp,
                 GError      **error)
{
  if (!rg_csv_reader_read_header (imp->reader, error) ||
      !find_columns (imp, error) ||
      !read_rows (imp, error))
    return FALSE;
  settle_dates (imp);
  return refuse_if_strict (imp, error);
}
