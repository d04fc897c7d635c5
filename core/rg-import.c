/* rg-import.c — order history from a CSV export, in three passes: read and
 * check every row, settle the dates, then write in one transaction.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-import.h"

#include <stdlib.h>
#include <string.h>

#include "rg-csv.h"
#include "rg-guest.h"
#include "rg-id.h"
#include "rg-import-parse.h"
#include "rg-menu.h"
#include "rg-phone.h"
#include "rg-rollup.h"
#include "rg-text.h"

#define NEW_VISIT_GAP_MS (G_GINT64_CONSTANT (6) * 3600 * 1000)
#define VISIT_REF_MAX 100
#define BRANCH_NAME_MAX 100
#define DEFAULT_BRANCH_NAME "Main"
#define IMPORT_CACHE_KIB 262144   /* 256 MiB at most, for the transaction */

typedef struct
{
  /* borrowed */
  const gchar *text;     /* interned, as written; NULL: the default branch */

  /* owned */
  gchar     *name;       /* NULL: the default branch */
  gchar     *id;
  GTimeZone *tz;         /* NULL for UTC */
  gchar     *problem;    /* why rows of this branch cannot be imported */
} Branch;

typedef struct
{
  /* owned */
  gchar  *name;
  gchar  *category;
  gchar  *id;            /* set once matched or created */
  gchar  *problem;       /* why rows of this item cannot be imported */

  gint64  price;         /* the first price seen */
  gint64  cost;
} Item;

typedef struct
{
  /* borrowed, interned */
  const gchar *ref;
  const gchar *phone;

  /* owned */
  gchar       *id;       /* NULL: a walk-in */

  gboolean     resolved;
} Guest;

typedef struct
{
  RgImportStamp stamp;

  /* borrowed */
  const gchar  *visit;       /* interned */
  const gchar  *date_text;   /* interned; set when the date order decides */
  Branch       *branch;
  Item         *item;
  Guest        *guest;

  gint64        utc_ms;
  gint64        qty;
  gint64        total;       /* the line total in minor units */
  guint         line;
  gboolean      skipped;
  gboolean      from_amount; /* the total is a line amount, not price × qty */
} Row;

typedef struct
{
  /* borrowed */
  RgDb                  *db;
  const RgImportOptions *options;
  RgCsvReader           *reader;

  /* owned */
  GStringChunk          *strings;
  GArray                *rows;            /* Row */
  GHashTable            *items_by_text;   /* interned "category\x1fname" → Item */
  GHashTable            *items_by_key;    /* folded name → Item */
  GPtrArray             *items;           /* Item, in the order first seen */
  GHashTable            *guests;          /* interned ref or phone → Guest */
  GPtrArray             *branches;        /* Branch */
  GHashTable            *menu;            /* folded name → KnownItem, while writing */
  GString               *values[RG_IMPORT_N_ROLES];
  GString               *key;
  gchar                 *country;
  RgImportResult        *result;

  gint                   column[RG_IMPORT_N_ROLES];   /* -1: not mapped */
  gboolean               day_first;
} Import;

static const gchar * const role_names[RG_IMPORT_N_ROLES] = {
  [RG_IMPORT_ROLE_VISIT] = "visit",
  [RG_IMPORT_ROLE_DATE] = "date",
  [RG_IMPORT_ROLE_TIME] = "time",
  [RG_IMPORT_ROLE_ITEM] = "item",
  [RG_IMPORT_ROLE_QTY] = "qty",
  [RG_IMPORT_ROLE_PRICE] = "price",
  [RG_IMPORT_ROLE_AMOUNT] = "amount",
  [RG_IMPORT_ROLE_GUEST] = "guest",
  [RG_IMPORT_ROLE_PHONE] = "phone",
  [RG_IMPORT_ROLE_CATEGORY] = "category",
  [RG_IMPORT_ROLE_BRANCH] = "branch",
};

/* Guest values that mean "nobody in particular". */
static const gchar * const walk_in_values[] = { "-", "null", "none", "n/a", NULL };

/* ------------------------------------------------------------- lifecycle */

static void
branch_free (Branch *branch)
{
  g_free (branch->name);
  g_free (branch->id);
  g_clear_pointer (&branch->tz, g_time_zone_unref);
  g_free (branch->problem);
  g_free (branch);
}

static void
item_free (Item *item)
{
  g_free (item->name);
  g_free (item->category);
  g_free (item->id);
  g_free (item->problem);
  g_free (item);
}

static void
guest_free (Guest *guest)
{
  g_free (guest->id);
  g_free (guest);
}

static void
issue_free (RgImportIssue *issue)
{
  g_free (issue->reason);
  g_free (issue);
}

static Import *
import_new (RgDb                  *db,
            RgCsvReader           *reader,
            const RgImportOptions *options)
{
  Import *imp = g_new0 (Import, 1);

  imp->db = db;
  imp->reader = reader;
  imp->options = options;
  imp->strings = g_string_chunk_new (64 * 1024);
  imp->rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), 1024);
  imp->items_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  imp->items_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  imp->guests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) guest_free);
  imp->branches = g_ptr_array_new_with_free_func ((GDestroyNotify) branch_free);
  for (guint i = 0; i < RG_IMPORT_N_ROLES; i++)
    imp->values[i] = g_string_sized_new (64);
  imp->key = g_string_sized_new (128);
  imp->country = options->country != NULL ? g_strdup (options->country) : rg_guest_dup_country (db);

  imp->result = g_new0 (RgImportResult, 1);
  imp->result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  imp->result->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  return imp;
}

static void
import_free (Import *imp)
{
  g_string_chunk_free (imp->strings);
  g_array_unref (imp->rows);
  g_hash_table_unref (imp->items_by_text);
  g_hash_table_unref (imp->items_by_key);
  g_ptr_array_unref (imp->items);
  g_hash_table_unref (imp->guests);
  g_ptr_array_unref (imp->branches);
  g_clear_pointer (&imp->menu, g_hash_table_unref);
  for (guint i = 0; i < RG_IMPORT_N_ROLES; i++)
    g_string_free (imp->values[i], TRUE);
  g_string_free (imp->key, TRUE);
  g_free (imp->country);
  rg_import_result_free (imp->result);
  g_free (imp);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

/* ---------------------------------------------------------------- issues */

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

/* --------------------------------------------------------------- mapping */

static gboolean
check_options (const RgImportOptions  *options,
               GError                **error)
{
  static const RgImportRole required[] = {
    RG_IMPORT_ROLE_VISIT, RG_IMPORT_ROLE_TIME, RG_IMPORT_ROLE_ITEM,
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (options->columns[required[i]] == NULL)
      {
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "the mapping needs the column of the %s (%s=COLUMN)",
                     role_names[required[i]], role_names[required[i]]);
        return FALSE;
      }
  if (options->columns[RG_IMPORT_ROLE_PRICE] == NULL &&
      options->columns[RG_IMPORT_ROLE_AMOUNT] == NULL)
    {
      g_set_error_literal (error, RG_ERROR, RG_ERROR_INVALID,
                           "the mapping needs the column of the unit price "
                           "(price=COLUMN) or of the line total (amount=COLUMN)");
      return FALSE;
    }
  return options->date_format == NULL ||
         rg_import_parse_check_format (options->date_format, error);
}

static gboolean
find_columns (Import  *imp,
              GError **error)
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
                       name, role_names[role], list);
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------ registries */

static Branch *
find_branch (Import      *imp,
             const gchar *name)
{
  Branch *branch;

  for (guint i = 0; i < imp->branches->len; i++)
    {
      branch = g_ptr_array_index (imp->branches, i);
      if (g_strcmp0 (branch->text, name) == 0)
        return branch;
    }

  branch = g_new0 (Branch, 1);
  if (name != NULL)
    {
      branch->text = g_string_chunk_insert_const (imp->strings, name);
      g_autoptr(GError) error = NULL;

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

static gchar *
fold_name (const gchar *name)
{
  g_autofree gchar *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (nfc, -1);
}

/* Items are found by the text of their name and category as written; the
 * first time a text is seen it is checked and folded, and items of the same
 * folded name are one item (the menu keeps names unique in any case). */
static Item *
find_item (Import      *imp,
           const gchar *name,
           const gchar *category,
           gint64       price)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *clean_name = NULL;
  g_autofree gchar *clean_category = NULL;
  g_autofree gchar *folded = NULL;
  const gchar *text;
  Item *item;

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
      item = g_new0 (Item, 1);
      item->problem = g_strdup (error->message);
      g_ptr_array_add (imp->items, item);
      g_hash_table_insert (imp->items_by_text, (gpointer) text, item);
      return item;
    }

  folded = fold_name (clean_name);
  item = g_hash_table_lookup (imp->items_by_key, folded);
  if (item == NULL)
    {
      item = g_new0 (Item, 1);
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

static Guest *
find_guest (Import      *imp,
            const gchar *ref,
            const gchar *phone)
{
  const gchar *key = ref != NULL ? ref : phone;
  Guest *guest = g_hash_table_lookup (imp->guests, key);

  if (guest == NULL)
    {
      guest = g_new0 (Guest, 1);
      guest->ref = ref;
      guest->phone = phone;
      g_hash_table_insert (imp->guests, (gpointer) key, guest);
    }
  else if (guest->phone == NULL)
    guest->phone = phone;
  return guest;
}

/* -------------------------------------------------------- reading a row */

/* The value of @role in the current record, trimmed; NULL when unmapped. */
static const gchar *
get_value (Import       *imp,
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
skip_row (Import      *imp,
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
read_money (Import       *imp,
            Row          *row,
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
read_total (Import *imp,
            Row    *row,
            gint64 *price)
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
      row->from_amount = TRUE;
      if (!has_unit)
        *price = row->total / row->qty;
    }
  else
    row->total = *price * row->qty;
  return TRUE;
}

static gboolean
read_stamp (Import       *imp,
            Row          *row,
            RgImportRole  role,
            const gchar  *format,
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
read_when (Import *imp,
           Row    *row)
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
read_guest (Import *imp,
            Row    *row)
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
read_row (Import *imp)
{
  Row row = { 0, };
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
read_rows (Import  *imp,
           GError **error)
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

/* Puts day and month in their places for the whole file. */
static void
settle_dates (Import *imp)
{
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = &g_array_index (imp->rows, Row, i);

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
refuse_if_strict (Import  *imp,
                  GError **error)
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

/* -------------------------------------------------------------- branches */

static gboolean
load_time_zone (Branch       *branch,
                const gchar  *tz,
                GError      **error)
{
  if (g_strcmp0 (tz, "UTC") == 0 || g_strcmp0 (tz, "Etc/UTC") == 0)
    return TRUE;

  branch->tz = g_time_zone_new_identifier (tz);
  if (branch->tz == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the branch %s has the unknown time zone “%s”",
                   branch->name != NULL ? branch->name : branch->id, tz);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lookup_branch (Import       *imp,
               Branch       *branch,
               const gchar  *sql,
               const gchar  *key,
               GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      branch->id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      if (branch->name == NULL)
        branch->name = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
      return load_time_zone (branch, (const gchar *) sqlite3_column_text (stmt, 2), error);
    case SQLITE_DONE:
      return TRUE;
    default:
      return rg_db_set_error (imp->db, error, "looking up a branch");
    }
}

static gboolean
resolve_branch (Import  *imp,
                Branch  *branch,
                GError **error)
{
  g_autoptr(RgStmt) insert = NULL;

  if (branch->name != NULL)
    {
      if (!lookup_branch (imp, branch,
                          "SELECT id, name, tz FROM branch WHERE deleted = 0 AND name = ?1 COLLATE NOCASE",
                          branch->name, error))
        return FALSE;
    }
  else
    {
      g_autofree gchar *setting = rg_db_dup_setting (imp->db, "branch_id");

      if (setting != NULL &&
          !lookup_branch (imp, branch,
                          "SELECT id, name, tz FROM branch WHERE deleted = 0 AND id = ?1",
                          setting, error))
        return FALSE;
      if (branch->id == NULL &&
          !lookup_branch (imp, branch,
                          "SELECT id, name, tz FROM branch WHERE deleted = 0 ORDER BY rowid LIMIT 1",
                          NULL, error))
        return FALSE;
      if (branch->id == NULL)
        branch->name = g_strdup (DEFAULT_BRANCH_NAME);
    }
  if (branch->id != NULL)
    return TRUE;

  insert = rg_db_prepare (imp->db,
      "INSERT INTO branch (id, name, tz, updated_hlc, origin) VALUES (?1, ?2, 'UTC', ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  branch->id = rg_id_new ();
  sqlite3_bind_text (insert, 1, branch->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, branch->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (insert, 4, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding the branch %s", branch->name);
  imp->result->new_branches++;
  return TRUE;
}

/* ----------------------------------------------------------------- items */

typedef struct
{
  gchar  *id;
  gint64  cost;
} KnownItem;

static void
known_item_free (KnownItem *known)
{
  g_free (known->id);
  g_free (known);
}

/* The live menu by folded name; the oldest item wins a name. */
static GHashTable *
load_menu (Import  *imp,
           GError **error)
{
  g_autoptr(GHashTable) menu = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) known_item_free);
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "SELECT id, name, cost FROM menu_item WHERE deleted = 0 ORDER BY rowid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree gchar *folded = fold_name ((const gchar *) sqlite3_column_text (stmt, 1));
      KnownItem *known;

      if (g_hash_table_contains (menu, folded))
        continue;
      known = g_new0 (KnownItem, 1);
      known->id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      known->cost = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (menu, g_steal_pointer (&folded), known);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (imp->db, error, "reading the menu");
      return NULL;
    }
  return g_steal_pointer (&menu);
}

static gboolean
add_item (Import  *imp,
          Item    *item,
          GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "INSERT INTO menu_item (id, name, category, price, cost, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  item->id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, item->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, item->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, item->category, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, item->price);
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding the item %s to the menu", item->name);
  imp->result->new_items++;
  return TRUE;
}

/* Matches the item with the menu by its folded name, or adds it. */
static gboolean
resolve_item (Import  *imp,
              Item    *item,
              GError **error)
{
  g_autofree gchar *folded = NULL;
  KnownItem *known;

  if (imp->menu == NULL)
    {
      imp->menu = load_menu (imp, error);
      if (imp->menu == NULL)
        return FALSE;
    }

  folded = fold_name (item->name);
  known = g_hash_table_lookup (imp->menu, folded);
  if (known == NULL)
    return add_item (imp, item, error);
  item->id = g_strdup (known->id);
  item->cost = known->cost;
  return TRUE;
}

/* ---------------------------------------------------------------- guests */

/* The live guest that @id is or was merged into; NULL for an erased one. */
static gchar *
follow_merges (Import       *imp,
               const gchar  *id,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gchar *live = rg_guest_resolve_id (imp->db, id, &local_error);

  if (live == NULL && !g_error_matches (local_error, RG_ERROR, RG_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return live;
}

/* Finds a guest by one key; *found tells a guest held by the key (even an
 * erased one, whose *id is NULL) from none. */
static gboolean
find_guest_by (Import       *imp,
               const gchar  *sql,
               const gchar  *key,
               gboolean     *found,
               gchar       **id,
               GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db, sql, error);
  g_autoptr(GError) local_error = NULL;
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (imp->db, error, "looking up the guest %s", key);

  *found = TRUE;
  *id = follow_merges (imp, (const gchar *) sqlite3_column_text (stmt, 0), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_phone (Import       *imp,
           const gchar  *guest_id,
           const gchar  *e164,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "INSERT INTO guest_phone (id, guest_id, e164, digits_rev, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autofree gchar *id = rg_id_new ();
  g_autofree gchar *digits_rev = rg_phone_digits_reversed (e164);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, e164, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, digits_rev, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding a guest's phone");
  return TRUE;
}

static gboolean
add_guest (Import  *imp,
           Guest   *guest,
           GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "INSERT INTO guest (id, name, external_ref, created_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autofree gchar *name = NULL;

  if (stmt == NULL)
    return FALSE;
  if (guest->ref != NULL)
    name = g_strdup_printf ("Guest %s", guest->ref);
  else
    name = g_strdup_printf ("Guest …%s", guest->phone + MAX (0, (gint) strlen (guest->phone) - 4));

  guest->id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, guest->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, guest->ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rg_now_ms ());
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding the guest %s", name);
  imp->result->new_guests++;

  return guest->phone == NULL || add_phone (imp, guest->id, guest->phone, error);
}

/* Finds the guest by its id in the other system, then by phone; adds it
 * when neither is known, and its phone when only the id is. */
static gboolean
resolve_guest (Import  *imp,
               Guest   *guest,
               GError **error)
{
  gboolean by_ref = FALSE, by_phone = FALSE;
  g_autofree gchar *phone_owner = NULL;

  if (guest->resolved)
    return TRUE;
  guest->resolved = TRUE;

  if (guest->ref != NULL &&
      !find_guest_by (imp, "SELECT id FROM guest WHERE external_ref = ?1",
                      guest->ref, &by_ref, &guest->id, error))
    return FALSE;
  if (guest->phone != NULL &&
      !find_guest_by (imp, "SELECT guest_id FROM guest_phone WHERE e164 = ?1 AND deleted = 0",
                      guest->phone, &by_phone, &phone_owner, error))
    return FALSE;

  if (!by_ref && !by_phone)
    return add_guest (imp, guest, error);
  if (!by_ref)
    guest->id = g_steal_pointer (&phone_owner);
  else if (!by_phone && guest->id != NULL && guest->phone != NULL)
    return add_phone (imp, guest->id, guest->phone, error);
  return TRUE;
}

/* ---------------------------------------------------------------- visits */

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = *(const Row * const *) a;
  const Row *y = *(const Row * const *) b;

  if (x->branch != y->branch)
    return (guintptr) x->branch < (guintptr) y->branch ? -1 : 1;
  if (x->visit != y->visit)
    return (guintptr) x->visit < (guintptr) y->visit ? -1 : 1;
  if (x->utc_ms != y->utc_ms)
    return x->utc_ms < y->utc_ms ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static gboolean
same_date (const RgImportStamp *a,
           const RgImportStamp *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

static gboolean
visit_exists (Import       *imp,
              const gchar  *branch_id,
              const gchar  *ref,
              gboolean     *exists,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "SELECT 1 FROM visit WHERE branch_id = ?1 AND external_ref = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "looking up the visit %s", ref);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
insert_line (Import       *imp,
             const gchar  *visit_id,
             const Row    *row,
             gint64        qty,
             gint64        unit_price,
             GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, unit_cost, created_ms, "
      "updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  g_autofree gchar *id = rg_id_new ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->item->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, qty);
  sqlite3_bind_int64 (stmt, 5, unit_price);
  sqlite3_bind_int64 (stmt, 6, row->item->cost);
  sqlite3_bind_int64 (stmt, 7, row->utc_ms);
  sqlite3_bind_int64 (stmt, 8, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 9, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "importing line %u", row->line);
  imp->result->lines++;
  return TRUE;
}

/* One row as order lines: a total that does not divide by the quantity is
 * two lines at neighbouring unit prices, so that the revenue stays exact. */
static gboolean
write_row (Import       *imp,
           const gchar  *visit_id,
           const Row    *row,
           GError      **error)
{
  gint64 unit = row->total / row->qty;
  gint64 remainder = row->total % row->qty;

  if (row->item->id == NULL && !resolve_item (imp, row->item, error))
    return FALSE;
  if (remainder != 0 &&
      !insert_line (imp, visit_id, row, remainder, unit + 1, error))
    return FALSE;
  if (!insert_line (imp, visit_id, row, row->qty - remainder, unit, error))
    return FALSE;
  imp->result->revenue += row->total;
  return TRUE;
}

static gboolean
write_visit (Import     *imp,
             Row       **rows,
             guint       n_rows,
             GError    **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  const Row *first = rows[0];
  g_autofree gchar *ref = g_strdup_printf ("%04d-%02d-%02d #%s", first->stamp.year,
                                           first->stamp.month, first->stamp.day, first->visit);
  g_autofree gchar *id = NULL;
  const gchar *guest_id = NULL;
  gint64 subtotal = 0;
  gboolean exists = FALSE;

  if (!visit_exists (imp, first->branch->id, ref, &exists, error))
    return FALSE;
  if (exists)
    {
      imp->result->duplicate_visits++;
      imp->result->duplicate_rows += n_rows;
      return TRUE;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      subtotal += rows[i]->total;
      if (guest_id == NULL && rows[i]->guest != NULL)
        {
          if (!resolve_guest (imp, rows[i]->guest, error))
            return FALSE;
          guest_id = rows[i]->guest->id;
        }
    }

  stmt = rg_db_prepare (imp->db,
      "INSERT INTO visit (id, branch_id, guest_id, seated_ms, left_ms, status, subtotal, "
      "external_ref, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5, 'closed', ?6, ?7, ?8, ?9)",
      error);
  if (stmt == NULL)
    return FALSE;
  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, first->branch->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, first->utc_ms);
  sqlite3_bind_int64 (stmt, 5, rows[n_rows - 1]->utc_ms);
  sqlite3_bind_int64 (stmt, 6, subtotal);
  sqlite3_bind_text (stmt, 7, ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 9, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "importing the visit %s", first->visit);
  imp->result->visits++;

  for (guint i = 0; i < n_rows; i++)
    if (!write_row (imp, id, rows[i], error))
      return FALSE;
  return TRUE;
}

/* Groups the rows by branch and visit id, in time order; a row of the same
 * id on a later date and long after the previous one starts a new visit. */
static gboolean
write_visits (Import  *imp,
              GError **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (imp->rows->len);
  guint i, j;

  for (i = 0; i < imp->rows->len; i++)
    {
      Row *row = &g_array_index (imp->rows, Row, i);

      if (row->skipped)
        continue;
      if (row->branch->id == NULL && !resolve_branch (imp, row->branch, error))
        return FALSE;
      row->utc_ms = rg_import_parse_stamp_to_ms (&row->stamp, row->branch->tz);
      g_ptr_array_add (order, row);
    }
  g_ptr_array_sort (order, compare_rows);

  for (i = 0; i < order->len; i = j)
    {
      Row **rows = (Row **) order->pdata;
      gint64 previous_ms = rows[i]->utc_ms;

      for (j = i + 1; j < order->len; j++)
        {
          if (rows[j]->branch != rows[i]->branch || rows[j]->visit != rows[i]->visit)
            break;
          if (rows[j]->utc_ms - previous_ms > NEW_VISIT_GAP_MS &&
              !same_date (&rows[j]->stamp, &rows[i]->stamp))
            break;
          previous_ms = rows[j]->utc_ms;
        }
      if (!write_visit (imp, rows + i, j - i, error))
        return FALSE;
    }
  return TRUE;
}

/* ----------------------------------------------------------------- write */

/* An import writes tens of megabytes in one transaction.  SQLite's default
 * 2 MB page cache would spill the same pages to the WAL over and over, and
 * a statement journal that outgrows 64 KB once (a B-tree page split) moves
 * to a temporary file for the rest of the transaction, costing a system
 * call per page of every later statement.  Both settings are the
 * connection's, so they are put back afterwards. */
typedef struct
{
  gint64 cache_size;
  gint64 temp_store;
} Tuning;

static gint64
read_pragma (RgDb        *db,
             const gchar *sql)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static void
tune_for_import (RgDb   *db,
                 Tuning *saved)
{
  saved->cache_size = read_pragma (db, "PRAGMA cache_size");
  saved->temp_store = read_pragma (db, "PRAGMA temp_store");
  rg_db_exec (db, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB) "; "
                  "PRAGMA temp_store = MEMORY", NULL);
}

static void
restore_tuning (RgDb         *db,
                const Tuning *saved)
{
  g_autofree gchar *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; "
                                           "PRAGMA temp_store = %" G_GINT64_FORMAT,
                                           saved->cache_size, saved->temp_store);

  if (saved->cache_size != -1 && saved->temp_store != -1)
    rg_db_exec (db, sql, NULL);
}

static gboolean
write_all (Import  *imp,
           GError **error)
{
  g_autoptr(RgTransaction) txn = rg_db_begin (imp->db, error);
  gint64 start;

  if (txn == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!write_visits (imp, error))
    return FALSE;
  imp->result->write_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  /* which also renumbers the guest name index by the new last visits */
  if (!rg_rollup_rebuild (imp->db, error))
    return FALSE;
  imp->result->rollup_us = g_get_monotonic_time () - start;

  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

static RgImportResult *
import_from_reader (RgDb                   *db,
                    RgCsvReader            *reader,
                    const gchar            *name,
                    const RgImportOptions  *options,
                    GError                **error)
{
  g_autoptr(Import) imp = import_new (db, reader, options);
  gint64 start = g_get_monotonic_time ();
  Tuning tuning;
  gboolean written;

  if (!rg_csv_reader_read_header (reader, error) ||
      !find_columns (imp, error) ||
      !read_rows (imp, error))
    goto fail;
  settle_dates (imp);
  if (!refuse_if_strict (imp, error))
    goto fail;
  imp->result->read_us = g_get_monotonic_time () - start;

  tune_for_import (db, &tuning);
  written = write_all (imp, error);
  restore_tuning (db, &tuning);
  if (!written)
    goto fail;
  imp->result->elapsed_us = g_get_monotonic_time () - start;
  return g_steal_pointer (&imp->result);

fail:
  g_prefix_error (error, "importing %s: ", name);
  return NULL;
}

/* ------------------------------------------------------------ public API */

const gchar *
rg_import_role_to_string (RgImportRole role)
{
  g_return_val_if_fail (role < RG_IMPORT_N_ROLES, NULL);

  return role_names[role];
}

RgImportOptions *
rg_import_options_new (void)
{
  return g_new0 (RgImportOptions, 1);
}

void
rg_import_options_free (RgImportOptions *options)
{
  if (options == NULL)
    return;

  for (guint i = 0; i < RG_IMPORT_N_ROLES; i++)
    g_free (options->columns[i]);
  g_free (options->date_format);
  g_free (options->encoding);
  g_free (options->branch);
  g_free (options->country);
  g_free (options);
}

gboolean
rg_import_options_set_map (RgImportOptions  *options,
                           const gchar      *map,
                           GError          **error)
{
  g_auto(GStrv) parts = NULL;
  gchar *columns[RG_IMPORT_N_ROLES] = { NULL, };

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  parts = g_strsplit (map, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree gchar *role = NULL;
      const gchar *eq = strchr (parts[i], '=');
      gchar *column;
      guint r;

      if (eq == NULL)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "“%s” in the mapping is not of the form role=COLUMN", g_strstrip (parts[i]));
          goto fail;
        }
      role = g_strstrip (g_strndup (parts[i], (gsize) (eq - parts[i])));
      column = g_strstrip (g_strdup (eq + 1));
      for (r = 0; r < RG_IMPORT_N_ROLES; r++)
        if (g_ascii_strcasecmp (role, role_names[r]) == 0)
          break;

      if (r == RG_IMPORT_N_ROLES)
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "the mapping names “%s”, which is none of visit, date, time, item, "
                     "qty, price, amount, guest, phone, category, branch", role);
      else if (columns[r] != NULL)
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "the mapping gives %s twice", role_names[r]);
      else if (*column == '\0')
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "the mapping gives no column for %s", role_names[r]);
      else
        {
          columns[r] = column;
          continue;
        }
      g_free (column);
      goto fail;
    }

  for (guint r = 0; r < RG_IMPORT_N_ROLES; r++)
    if (columns[r] != NULL)
      {
        g_free (options->columns[r]);
        options->columns[r] = columns[r];
      }
  return TRUE;

fail:
  for (guint r = 0; r < RG_IMPORT_N_ROLES; r++)
    g_free (columns[r]);
  return FALSE;
}

void
rg_import_result_free (RgImportResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->skipped);
  g_ptr_array_unref (result->warnings);
  g_free (result);
}

RgImportResult *
rg_import_orders (RgDb                   *db,
                  const gchar            *path,
                  const RgImportOptions  *options,
                  GError                **error)
{
  g_autoptr(RgCsvReader) reader = NULL;
  g_autofree gchar *name = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;
  reader = rg_csv_reader_new_for_path (path, options->encoding, error);
  if (reader == NULL)
    return NULL;
  name = g_path_get_basename (path);
  return import_from_reader (db, reader, name, options, error);
}

RgImportResult *
rg_import_orders_from_stream (RgDb                   *db,
                              GInputStream           *stream,
                              const RgImportOptions  *options,
                              GError                **error)
{
  g_autoptr(RgCsvReader) reader = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;
  reader = rg_csv_reader_new (stream, options->encoding, error);
  if (reader == NULL)
    return NULL;
  return import_from_reader (db, reader, "the file", options, error);
}
