/* rg-csv.h — a streaming reader of CSV files as spreadsheets and point-of-sale
 * systems export them.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 and the usual departures from it: a UTF-8 byte order mark, LF,
 * CRLF or CR line ends, ',' ';' or tab as the delimiter (guessed from the
 * header line), text in another encoding converted to UTF-8, spaces around a
 * quoted field, and blank lines, which are skipped.  A record is read into one
 * buffer and its fields point into it, so reading allocates nothing per field.
 */
#pragma once

#include <gio/gio.h>

#include "rg-error.h"

G_BEGIN_DECLS

typedef struct _RgCsvReader RgCsvReader;

/**
 * rg_csv_reader_new:
 * @stream: the bytes of the file
 * @encoding: (nullable): the file's character set ("windows-1252", "latin-1",
 *   "GBK", …), or %NULL for UTF-8 (a UTF-16 file with a byte order mark is
 *   recognised by itself)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a reader over @stream, or %NULL with
 *   %RG_ERROR_INVALID when @encoding is not a character set this system knows.
 */
RgCsvReader *rg_csv_reader_new (GInputStream *stream, const gchar *encoding, GError **error);

/**
 * rg_csv_reader_new_for_path:
 * @path: a CSV file
 * @encoding: (nullable): as for rg_csv_reader_new()
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a reader over the file at @path, or %NULL with
 *   %RG_ERROR_NOT_FOUND when there is no such file, %RG_ERROR_IO when it
 *   cannot be opened, %RG_ERROR_INVALID for an unknown @encoding.
 */
RgCsvReader *rg_csv_reader_new_for_path (const gchar *path, const gchar *encoding, GError **error);

/**
 * rg_csv_reader_free:
 * @self: (transfer full) (nullable): a reader
 *
 * Closes the stream and frees the reader.
 */
void rg_csv_reader_free (RgCsvReader *self);

/**
 * rg_csv_reader_set_delimiter:
 * @self: a reader that has read nothing yet
 * @delimiter: the field separator, or 0 to guess ',' ';' or '\t' from the
 *   first line (the default)
 */
void rg_csv_reader_set_delimiter (RgCsvReader *self, gchar delimiter);

/**
 * rg_csv_reader_get_delimiter:
 * @self: a reader
 *
 * Returns: the field separator in use, or 0 before the first record is read
 *   when it is to be guessed.
 */
gchar rg_csv_reader_get_delimiter (RgCsvReader *self);

/**
 * rg_csv_reader_read_header:
 * @self: a reader that has read nothing yet
 * @error: return location for a #GError
 *
 * Reads the first record as the names of the columns.  From then on every
 * record must have exactly as many fields as the header.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID when the file is
 *   empty or its first record cannot be read, or %RG_ERROR_IO.
 */
gboolean rg_csv_reader_read_header (RgCsvReader *self, GError **error);

/**
 * rg_csv_reader_get_n_columns:
 * @self: a reader
 *
 * Returns: the number of columns of the header, 0 before it is read.
 */
guint rg_csv_reader_get_n_columns (RgCsvReader *self);

/**
 * rg_csv_reader_get_column_name:
 * @self: a reader whose header is read
 * @index: a column, below rg_csv_reader_get_n_columns()
 *
 * Returns: (transfer none): the column's name as written in the header,
 *   with surrounding spaces removed.
 */
const gchar *rg_csv_reader_get_column_name (RgCsvReader *self, guint index);

/**
 * rg_csv_reader_find_column:
 * @self: a reader whose header is read
 * @name: a column name; compared without regard to case or surrounding spaces
 *
 * Returns: the index of the first column called @name, or -1.
 */
gint rg_csv_reader_find_column (RgCsvReader *self, const gchar *name);

/**
 * rg_csv_reader_dup_column_list:
 * @self: a reader whose header is read
 *
 * Returns: (transfer full): the column names joined by ", ", for messages
 *   that tell a person which columns the file has.
 */
gchar *rg_csv_reader_dup_column_list (RgCsvReader *self);

/**
 * rg_csv_reader_next:
 * @self: a reader
 * @error: return location for a #GError
 *
 * Reads the next record; its fields stay valid until the next call.
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the file, or
 *   on failure with @error set: %RG_ERROR_INVALID for broken quoting (a quote
 *   that is never closed, a quote inside an unquoted field, text after a
 *   closing quote), text that is not valid UTF-8 or not valid in the given
 *   encoding, or a record with more or fewer fields than the header — each
 *   with the line number; %RG_ERROR_IO when the file cannot be read.
 */
gboolean rg_csv_reader_next (RgCsvReader *self, GError **error);

/**
 * rg_csv_reader_get_line:
 * @self: a reader
 *
 * Returns: the line of the file (counting from 1) on which the current
 *   record starts.
 */
guint rg_csv_reader_get_line (RgCsvReader *self);

/**
 * rg_csv_reader_get_n_fields:
 * @self: a reader
 *
 * Returns: the number of fields of the current record.
 */
guint rg_csv_reader_get_n_fields (RgCsvReader *self);

/**
 * rg_csv_reader_get_field:
 * @self: a reader
 * @index: a field of the current record, below rg_csv_reader_get_n_fields()
 * @length: (out) (optional): the field's length in bytes
 *
 * Returns: (transfer none): the field's text, valid UTF-8 without its
 *   quotes, untrimmed; valid until the next call of rg_csv_reader_next().
 */
const gchar *rg_csv_reader_get_field (RgCsvReader *self, guint index, gsize *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgCsvReader, rg_csv_reader_free)

G_END_DECLS
