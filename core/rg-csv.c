/* rg-csv.c — reading CSV records from a stream, one buffer per record.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-csv.h"

#include <string.h>

#define CHUNK_SIZE (64 * 1024)
#define GUESS_DELIMITERS ",;\t"

typedef enum {
  FIELD_START,      /* nothing of the field read yet but spaces */
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,  /* a quote inside quotes: doubled, or the closing one */
  AFTER_QUOTED,     /* spaces after the closing quote */
} ParseState;

struct _RgCsvReader
{
  /* owned */
  GInputStream *stream;
  gchar        *encoding;     /* NULL for UTF-8 */
  gchar        *chunk;        /* bytes read from the stream, not yet parsed */
  gchar        *record;       /* the current record; fields end with NUL */
  GArray       *starts;       /* offset of each field in record */
  GPtrArray    *names;        /* the header's column names, trimmed */
  GPtrArray    *keys;         /* the same, case-folded, for lookups */

  gsize         chunk_len;
  gsize         chunk_pos;
  gsize         record_len;
  gsize         record_cap;
  gsize         field_start;
  gboolean      started;      /* BOM skipped and delimiter chosen */
  gboolean      eof;
  gboolean      prev_cr;
  gchar         delimiter;
  guint         line;         /* line of the next byte */
  guint         record_line;  /* line on which the current record starts */
  guint         quote_line;   /* line of the quote that opened the field */
};

/* ------------------------------------------------------------- encodings */

/* Names people give that iconv does not know, or that mean "no conversion". */
static const gchar *
resolve_encoding (const gchar *encoding)
{
  if (encoding == NULL || *encoding == '\0' ||
      g_ascii_strcasecmp (encoding, "utf-8") == 0 || g_ascii_strcasecmp (encoding, "utf8") == 0)
    return NULL;
  if (g_ascii_strcasecmp (encoding, "latin-1") == 0)
    return "ISO-8859-1";
  return encoding;
}

static GInputStream *
convert_stream (GInputStream  *stream,
                const gchar   *encoding,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", encoding, &local_error);

  if (converter == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "“%s” is not a character set this system knows "
                   "(try windows-1252, latin-1, GBK or UTF-16)", encoding);
      return NULL;
    }
  return g_converter_input_stream_new (stream, G_CONVERTER (converter));
}

/* A file saved as "Unicode text" by a spreadsheet is UTF-16 with a byte
 * order mark; read it as such when no encoding was given. */
static gboolean
detect_utf16 (RgCsvReader  *self,
              GError      **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (self->stream);
  const guint8 *head;
  gsize n;

  g_object_unref (self->stream);
  self->stream = g_object_ref (buffered);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2, NULL, error) < 0)
    return FALSE;

  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);
  if (n >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
    {
      GInputStream *converted;

      self->encoding = g_strdup (head[0] == 0xff ? "UTF-16LE" : "UTF-16BE");
      converted = convert_stream (buffered, self->encoding, error);
      if (converted == NULL)
        return FALSE;
      g_object_unref (self->stream);
      self->stream = converted;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- errors */

static gboolean
set_read_error (RgCsvReader  *self,
                GError      **error,
                GError       *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
      g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                 "line %u: the text is not valid %s", self->line,
                 self->encoding != NULL ? self->encoding : "UTF-8");
  else
    g_set_error (error, RG_ERROR, RG_ERROR_IO,
                 "the file could not be read: %s", io_error->message);
  return FALSE;
}

static gboolean
set_parse_error (RgCsvReader  *self,
                 GError      **error,
                 const gchar  *what)
{
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "line %u, field %u: %s",
               self->line, self->starts->len + 1, what);
  return FALSE;
}

/* --------------------------------------------------------------- reading */

static gboolean
fill_chunk (RgCsvReader  *self,
            GError      **error)
{
  g_autoptr(GError) io_error = NULL;
  gsize n = 0;

  self->chunk_pos = 0;
  self->chunk_len = 0;
  if (!g_input_stream_read_all (self->stream, self->chunk, CHUNK_SIZE, &n, NULL, &io_error))
    return set_read_error (self, error, io_error);
  self->chunk_len = n;
  self->eof = n < CHUNK_SIZE;
  return TRUE;
}

/* Counts the candidate delimiters outside quotes on the first line that is
 * in the chunk, and takes the most frequent; ',' when there is none. */
static gchar
guess_delimiter (RgCsvReader *self)
{
  guint counts[sizeof GUESS_DELIMITERS - 1] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = self->chunk_pos; i < self->chunk_len; i++)
    {
      gchar c = self->chunk[i];
      const gchar *d;

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c != '\0' && (d = strchr (GUESS_DELIMITERS, c)) != NULL)
        counts[d - GUESS_DELIMITERS]++;
    }

  for (guint i = 1; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] > counts[best])
      best = i;
  return GUESS_DELIMITERS[best];
}

static gboolean
start (RgCsvReader  *self,
       GError      **error)
{
  if (self->encoding == NULL && !detect_utf16 (self, error))
    return FALSE;
  if (!fill_chunk (self, error))
    return FALSE;

  if (self->chunk_len >= 3 && memcmp (self->chunk, "\xef\xbb\xbf", 3) == 0)
    self->chunk_pos = 3;
  if (self->delimiter == 0)
    self->delimiter = guess_delimiter (self);
  self->started = TRUE;
  return TRUE;
}

static inline void
append_byte (RgCsvReader *self,
             gchar        c)
{
  if (G_UNLIKELY (self->record_len + 2 > self->record_cap))
    {
      self->record_cap *= 2;
      self->record = g_realloc (self->record, self->record_cap);
    }
  self->record[self->record_len++] = c;
}

static gboolean
end_field (RgCsvReader  *self,
           GError      **error)
{
  guint start_offset = (guint) self->field_start;

  if (!g_utf8_validate (self->record + self->field_start,
                        (gssize) (self->record_len - self->field_start), NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "line %u is not valid UTF-8 text; the file may be in another "
                   "encoding (such as windows-1252, latin-1 or GBK)", self->record_line);
      return FALSE;
    }
  append_byte (self, '\0');
  g_array_append_val (self->starts, start_offset);
  self->field_start = self->record_len;
  return TRUE;
}

static void
begin_record (RgCsvReader *self)
{
  self->record_len = 0;
  self->field_start = 0;
  g_array_set_size (self->starts, 0);
  self->record_line = self->line;
}

static gboolean
check_field_count (RgCsvReader  *self,
                   GError      **error)
{
  if (self->names == NULL || self->starts->len == self->names->len)
    return TRUE;

  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "line %u has %u fields, but the header has %u columns",
               self->record_line, self->starts->len, self->names->len);
  return FALSE;
}

/* Parses bytes until a record ends.  Returns TRUE with *done set when a
 * record is complete, TRUE with *done unset at the end of the input. */
static gboolean
parse_record (RgCsvReader  *self,
              gboolean     *done,
              GError      **error)
{
  ParseState state = FIELD_START;
  const gchar delimiter = self->delimiter;

  *done = FALSE;
  begin_record (self);

  for (;;)
    {
      gboolean newline;
      gboolean record_ends = FALSE;
      gchar c;

      if (self->chunk_pos == self->chunk_len)
        {
          if (self->eof)
            break;
          if (!fill_chunk (self, error))
            return FALSE;
          if (self->chunk_len == 0)
            break;
        }

      c = self->chunk[self->chunk_pos++];
      newline = c == '\n' || c == '\r';

      switch (state)
        {
        case FIELD_START:
          if (c == '"')
            {
              self->record_len = self->field_start;
              self->quote_line = self->line;
              state = QUOTED;
            }
          else if (c == delimiter)
            {
              if (!end_field (self, error))
                return FALSE;
            }
          else if (newline)
            {
              /* A blank line (or the LF of a CRLF) is no record. */
              if (self->starts->len == 0)
                {
                  self->record_len = 0;
                  self->record_line = self->line + (c == '\r' || !self->prev_cr);
                }
              else
                record_ends = TRUE;
            }
          else
            {
              append_byte (self, c);
              if (c != ' ')
                state = UNQUOTED;
            }
          break;

        case UNQUOTED:
          if (c == delimiter)
            {
              if (!end_field (self, error))
                return FALSE;
              state = FIELD_START;
            }
          else if (newline)
            record_ends = TRUE;
          else if (c == '"')
            return set_parse_error (self, error,
                                    "a quote in the middle of a field that does not "
                                    "start with one (quote the whole field and double "
                                    "the quotes inside it)");
          else
            append_byte (self, c);
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            append_byte (self, c);
          break;

        case QUOTE_IN_QUOTED:
        case AFTER_QUOTED:
          if (c == '"' && state == QUOTE_IN_QUOTED)
            {
              append_byte (self, '"');
              state = QUOTED;
            }
          else if (c == delimiter)
            {
              if (!end_field (self, error))
                return FALSE;
              state = FIELD_START;
            }
          else if (newline)
            record_ends = TRUE;
          else if (c == ' ' || c == '\t')
            state = AFTER_QUOTED;
          else
            return set_parse_error (self, error, "text after the closing quote of a field");
          break;

        default:
          g_assert_not_reached ();
        }

      if (c == '\r' || (c == '\n' && !self->prev_cr))
        self->line++;
      self->prev_cr = c == '\r';

      if (record_ends)
        {
          if (!end_field (self, error))
            return FALSE;
          *done = TRUE;
          return TRUE;
        }
    }

  /* The end of the input ends the last record. */
  if (state == QUOTED)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "line %u: the quote that opens a field there is never closed",
                   self->quote_line);
      return FALSE;
    }
  if (state == FIELD_START && self->starts->len == 0)
    return TRUE;
  if (!end_field (self, error))
    return FALSE;
  *done = TRUE;
  return TRUE;
}

/* ------------------------------------------------------------ public API */

RgCsvReader *
rg_csv_reader_new (GInputStream  *stream,
                   const gchar   *encoding,
                   GError       **error)
{
  g_autoptr(RgCsvReader) self = NULL;
  const gchar *charset = resolve_encoding (encoding);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (RgCsvReader, 1);
  self->line = 1;
  self->chunk = g_malloc (CHUNK_SIZE);
  self->record_cap = 1024;
  self->record = g_malloc (self->record_cap);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));

  if (charset == NULL)
    self->stream = g_object_ref (stream);
  else
    {
      self->encoding = g_strdup (charset);
      self->stream = convert_stream (stream, charset, error);
      if (self->stream == NULL)
        return NULL;
    }
  return g_steal_pointer (&self);
}

RgCsvReader *
rg_csv_reader_new_for_path (const gchar  *path,
                            const gchar  *encoding,
                            GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) io_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &io_error);
  if (stream == NULL)
    {
      g_set_error (error, RG_ERROR,
                   g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                   ? RG_ERROR_NOT_FOUND : RG_ERROR_IO,
                   "opening %s: %s", path, io_error->message);
      return NULL;
    }
  return rg_csv_reader_new (G_INPUT_STREAM (stream), encoding, error);
}

void
rg_csv_reader_free (RgCsvReader *self)
{
  if (self == NULL)
    return;

  if (self->stream != NULL)
    g_input_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_array_unref (self->starts);
  g_free (self->record);
  g_free (self->chunk);
  g_free (self->encoding);
  g_free (self);
}

void
rg_csv_reader_set_delimiter (RgCsvReader *self,
                             gchar        delimiter)
{
  g_return_if_fail (!self->started);
  g_return_if_fail (delimiter != '"' && delimiter != '\n' && delimiter != '\r');

  self->delimiter = delimiter;
}

gchar
rg_csv_reader_get_delimiter (RgCsvReader *self)
{
  return self->delimiter;
}

gboolean
rg_csv_reader_next (RgCsvReader  *self,
                    GError      **error)
{
  gboolean done;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->started && !start (self, error))
    return FALSE;
  if (!parse_record (self, &done, error))
    return FALSE;
  return done && check_field_count (self, error);
}

gboolean
rg_csv_reader_read_header (RgCsvReader  *self,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->names == NULL, FALSE);

  if (!rg_csv_reader_next (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, RG_ERROR, RG_ERROR_INVALID,
                             "the file is empty: it has no header line");
      return FALSE;
    }

  self->names = g_ptr_array_new_with_free_func (g_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->starts->len; i++)
    {
      gchar *name = g_strstrip (g_strdup (rg_csv_reader_get_field (self, i, NULL)));

      g_ptr_array_add (self->names, name);
      g_ptr_array_add (self->keys, g_utf8_casefold (name, -1));
    }
  return TRUE;
}

guint
rg_csv_reader_get_n_columns (RgCsvReader *self)
{
  return self->names != NULL ? self->names->len : 0;
}

const gchar *
rg_csv_reader_get_column_name (RgCsvReader *self,
                               guint        index)
{
  g_return_val_if_fail (self->names != NULL && index < self->names->len, NULL);

  return g_ptr_array_index (self->names, index);
}

gint
rg_csv_reader_find_column (RgCsvReader *self,
                           const gchar *name)
{
  g_autofree gchar *trimmed = NULL;
  g_autofree gchar *key = NULL;

  g_return_val_if_fail (self->names != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  trimmed = g_strstrip (g_strdup (name));
  key = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < self->keys->len; i++)
    if (strcmp (g_ptr_array_index (self->keys, i), key) == 0)
      return (gint) i;
  return -1;
}

gchar *
rg_csv_reader_dup_column_list (RgCsvReader *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (self->names != NULL, NULL);

  for (guint i = 0; i < self->names->len; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "",
                            (const gchar *) g_ptr_array_index (self->names, i));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

guint
rg_csv_reader_get_line (RgCsvReader *self)
{
  return self->record_line;
}

guint
rg_csv_reader_get_n_fields (RgCsvReader *self)
{
  return self->starts->len;
}

const gchar *
rg_csv_reader_get_field (RgCsvReader *self,
                         guint        index,
                         gsize       *length)
{
  guint start_offset;

  g_return_val_if_fail (index < self->starts->len, NULL);

  start_offset = g_array_index (self->starts, guint, index);
  if (length != NULL)
    {
      gsize end = index + 1 < self->starts->len
                  ? g_array_index (self->starts, guint, index + 1)
                  : self->record_len;
      *length = end - start_offset - 1;
    }
  return self->record + start_offset;
}
