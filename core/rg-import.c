/* rg-import.c — order history from a CSV export, in three passes: read and
 * check every row, settle the dates (rg-import-read.c), then write in one
 * transaction (rg-import-write.c).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-import-private.h"

#include <string.h>

#include "rg-branch.h"
#include "rg-guest.h"

#define IMPORT_CACHE_KIB 262144   /* 256 MiB at most, for the transaction */

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

/* ----------------------------------------------------------- lifecycle */

void
_rg_import_branch_free (RgImportBranch *branch)
{
  g_free (branch->name);
  g_free (branch->id);
  g_clear_pointer (&branch->tz, g_time_zone_unref);
  g_free (branch->problem);
  g_free (branch);
}

void
_rg_import_item_free (RgImportItem *item)
{
  g_free (item->name);
  g_free (item->category);
  g_free (item->id);
  g_free (item->problem);
  g_free (item);
}

void
_rg_import_guest_free (RgImportGuest *guest)
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

static RgImportRun *
import_new (RgDb                  *db,
            RgCsvReader           *reader,
            const RgImportOptions *options)
{
  RgImportRun *imp = g_new0 (RgImportRun, 1);

  imp->db = db;
  imp->reader = reader;
  imp->options = options;
  imp->strings = g_string_chunk_new (64 * 1024);
  imp->rows = g_array_sized_new (FALSE, TRUE, sizeof (RgImportRow), 1024);
  imp->items_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  imp->items_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _rg_import_item_free);
  imp->guests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _rg_import_guest_free);
  imp->branches = g_ptr_array_new_with_free_func ((GDestroyNotify) _rg_import_branch_free);
  for (guint i = 0; i < RG_IMPORT_N_ROLES; i++)
    imp->values[i] = g_string_sized_new (64);
  imp->key = g_string_sized_new (128);
  imp->country = options->country != NULL ? g_strdup (options->country) : rg_branch_dup_country (db);

  imp->result = g_new0 (RgImportResult, 1);
  imp->result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  imp->result->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  return imp;
}

static void
import_free (RgImportRun *imp)
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgImportRun, import_free)

gchar *
_rg_import_fold_name (const gchar *name)
{
  g_autofree gchar *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (nfc, -1);
}

/* ------------------------------------------------------------- mapping */

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

static RgImportResult *
import_from_reader (RgDb                   *db,
                    RgCsvReader            *reader,
                    const gchar            *name,
                    const RgImportOptions  *options,
                    GError                **error)
{
  g_autoptr(RgImportRun) imp = import_new (db, reader, options);
  gint64 start = g_get_monotonic_time ();
  RgDbTuning tuning = { 0, };
  gboolean written;

  if (!_rg_import_read (imp, error))
    goto fail;
  imp->result->read_us = g_get_monotonic_time () - start;

  rg_db_tune_for_bulk (db, IMPORT_CACHE_KIB, &tuning);
  written = _rg_import_write (imp, error);
  rg_db_restore_tuning (db, &tuning);
  if (!written)
    goto fail;
  imp->result->elapsed_us = g_get_monotonic_time () - start;
  return g_steal_pointer (&imp->result);

fail:
  g_prefix_error (error, "importing %s: ", name);
  return NULL;
}

/* ---------------------------------------------------------- public API */

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
