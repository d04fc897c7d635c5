/* rg-ticket.c — the kitchen ticket: read once, laid out as rows of
 * RG_TICKET_COLUMNS characters, written as text or drawn into a PDF.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both renderings share the same rows, so the PDF says exactly what the
 * thermal printer would; the PDF draws the allergy rows in bold and repeats
 * the table and its allergens at the top of every further page.  Pango
 * draws the text, so Chinese dish and guest names find a font.
 */
#include "rg-ticket.h"

#include <errno.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib/gstdio.h>

#include "rg-branch.h"
#include "rg-error.h"
#include "rg-id.h"
#include "rg-visit-private.h"

#define POINTS_PER_MM (72.0 / 25.4)
#define MARGIN_MM     4.0
#define FONT_POINTS   8.0
#define LINE_POINTS   10.0
/* The allergy box: "* " before and " *" after its text. */
#define BOX_INNER     (RG_TICKET_COLUMNS - 4)
/* A line's note for the kitchen, under its dish. */
#define NOTE_LEAD     "     >> "
#define NOTE_INDENT   "        "

typedef struct
{
  gchar    *text;
  gboolean  bold;
} Row;

struct _RgTicket
{
  GObject parent_instance;

  /* owned */
  gchar     *table_name;
  GPtrArray *rows;           /* of Row */
  GPtrArray *continuation;   /* of Row: the top of every further page */

  gint64     printed_ms;
};

G_DEFINE_FINAL_TYPE (RgTicket, rg_ticket, G_TYPE_OBJECT)

/* What one ticket reads from the database before laying it out. */
typedef struct
{
  RgVisit   *visit;
  gchar     *server;
  GTimeZone *zone;
  GPtrArray *allergies;      /* of Allergy */
} Party;

typedef struct
{
  gchar *guest;
  gchar *allergen;           /* normalised like the menu's words */
  gchar *severity;
  gchar *note;
} Allergy;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->text);
  g_free (row);
}

static void
allergy_free (gpointer data)
{
  Allergy *allergy = data;

  g_free (allergy->guest);
  g_free (allergy->allergen);
  g_free (allergy->severity);
  g_free (allergy->note);
  g_free (allergy);
}

static void
party_clear (Party *party)
{
  g_clear_object (&party->visit);
  g_clear_pointer (&party->server, g_free);
  g_clear_pointer (&party->zone, g_time_zone_unref);
  g_clear_pointer (&party->allergies, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Party, party_clear)

/* ---------------------------------------------------------------- layout */

/* Printer columns a character takes: two for a wide (CJK) one. */
static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

static guint
text_width (const gchar *text)
{
  guint width = 0;

  for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

static void
add_row (GPtrArray   *rows,
         const gchar *text,
         gboolean     bold)
{
  Row *row = g_new0 (Row, 1);

  row->text = g_strdup (text);
  row->bold = bold;
  g_ptr_array_add (rows, row);
}

/* Adds @text in rows of at most @width columns after @lead (the first row)
 * or @indent (the others), both narrower than @width, breaking at the last space that fits and
 * inside a word only when no space does; @tail pads each row to @width and
 * closes it ("*" for the allergy box), or is %NULL. */
static void
add_wrapped (GPtrArray   *rows,
             const gchar *lead,
             const gchar *indent,
             const gchar *text,
             guint        width,
             const gchar *tail,
             gboolean     bold)
{
  const gchar *p = text;
  gboolean first = TRUE;

  g_return_if_fail (width > text_width (lead) + 1 && width > text_width (indent) + 1);

  do
    {
      const gchar *end = p;
      const gchar *last_space = NULL;
      guint used = 0;
      g_autoptr(GString) line = g_string_new (first ? lead : indent);
      guint room = width - text_width (line->str);

      while (*end != '\0' && used + char_width (g_utf8_get_char (end)) <= room)
        {
          if (*end == ' ')
            last_space = end;
          used += char_width (g_utf8_get_char (end));
          end = g_utf8_next_char (end);
        }
      if (*end != '\0' && last_space != NULL && last_space > p)
        end = last_space;
      if (end == p)
        end = g_utf8_next_char (p);
      g_string_append_len (line, p, end - p);
      if (tail != NULL)
        {
          guint pad = width - text_width (line->str);

          for (guint i = 0; i < pad; i++)
            g_string_append_c (line, ' ');
          g_string_append (line, tail);
        }
      add_row (rows, line->str, bold);
      p = end;
      while (*p == ' ')
        p++;
      first = FALSE;
    }
  while (*p != '\0');
}

/* @lead and @left, then @right against the right edge of the row; when
 * they do not fit on one row, @left wraps under itself and @right gets a
 * row of its own. */
static void
add_two_columns (GPtrArray   *rows,
                 const gchar *lead,
                 const gchar *left,
                 const gchar *right,
                 gboolean     bold)
{
  guint right_width = text_width (right);
  g_autoptr(GString) line = g_string_new (lead);

  g_string_append (line, left);
  if (text_width (line->str) + 1 + right_width > RG_TICKET_COLUMNS)
    {
      g_autofree gchar *indent = g_strnfill (text_width (lead), ' ');

      add_wrapped (rows, lead, indent, left, RG_TICKET_COLUMNS, NULL, bold);
      if (right_width == 0)
        return;
      g_string_truncate (line, 0);
    }
  while (right_width > 0 && text_width (line->str) + right_width < RG_TICKET_COLUMNS)
    g_string_append_c (line, ' ');
  g_string_append (line, right);
  add_row (rows, line->str, bold);
}

static void
add_rule (GPtrArray   *rows,
          gchar        fill,
          const gchar *title)
{
  g_autofree gchar *rule = g_strnfill (RG_TICKET_COLUMNS, fill);

  if (title != NULL)
    memcpy (rule + 3, title, MIN (strlen (title), RG_TICKET_COLUMNS - 4));
  add_row (rows, rule, FALSE);
}

static gchar *
format_time (gint64       ms,
             GTimeZone   *zone,
             const gchar *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, format);
}

/* The allergens of the party that @item_allergens holds, each with who is
 * allergic: "gluten: Ana; peanut: Li Wei"; %NULL when none. */
static gchar *
flag_dish (const Party *party,
           const gchar *item_allergens)
{
  g_auto(GStrv) holds = g_strsplit (item_allergens, ",", -1);
  g_autoptr(GString) flags = g_string_new (NULL);

  for (guint i = 0; i < party->allergies->len; i++)
    {
      const Allergy *allergy = party->allergies->pdata[i];

      if (g_strv_contains ((const gchar * const *) holds, allergy->allergen))
        g_string_append_printf (flags, "%s%s: %s", flags->len > 0 ? "; " : "",
                                allergy->allergen, allergy->guest);
    }
  return flags->len > 0 ? g_string_free (g_steal_pointer (&flags), FALSE) : NULL;
}

static void
lay_out_header (RgTicket    *self,
                const Party *party)
{
  RgVisit *visit = party->visit;
  g_autofree gchar *table = g_strdup_printf ("Table %s", self->table_name);
  g_autofree gchar *server = g_strdup_printf ("Server: %s", party->server != NULL ? party->server : "-");
  g_autofree gchar *printed = format_time (self->printed_ms, party->zone, "%d %b %H:%M");
  g_autofree gchar *seated_at = format_time (rg_visit_get_seated_ms (visit), party->zone, "%H:%M");
  g_autofree gchar *seated = g_strdup_printf ("seated %s", seated_at);
  g_autoptr(GString) people = g_string_new (NULL);

  g_string_printf (people, "Party of %d", rg_visit_get_party_size (visit));
  if (rg_visit_get_children (visit) > 0)
    g_string_append_printf (people, ", %d %s", rg_visit_get_children (visit),
                            rg_visit_get_children (visit) == 1 ? "child" : "children");

  add_rule (self->rows, '=', NULL);
  add_two_columns (self->rows, "", "KITCHEN TICKET", table, TRUE);
  add_two_columns (self->rows, "", server, printed, FALSE);
  add_two_columns (self->rows, "", people->str, seated, FALSE);
  add_rule (self->rows, '=', NULL);
}

static void
lay_out_allergies (RgTicket    *self,
                   const Party *party)
{
  g_autofree gchar *stars = g_strnfill (RG_TICKET_COLUMNS, '*');
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree gchar *joined = NULL;
  g_autofree gchar *reminder = NULL;
  g_autofree gchar *table = g_strdup_printf ("Table %s (continued)", self->table_name);

  if (party->allergies->len == 0)
    {
      add_row (self->rows, "No known allergies at this table", FALSE);
      add_two_columns (self->continuation, "", table, "", TRUE);
      return;
    }
  add_row (self->rows, stars, TRUE);
  add_wrapped (self->rows, "* ", "* ", "ALLERGIES AT THIS TABLE", BOX_INNER + 2, " *", TRUE);
  for (guint i = 0; i < party->allergies->len; i++)
    {
      const Allergy *allergy = party->allergies->pdata[i];
      g_autofree gchar *upper = g_utf8_strup (allergy->allergen, -1);
      g_autofree gchar *text = g_strdup_printf ("%s: %s (%s)%s%s", allergy->guest, upper, allergy->severity,
                                                allergy->note != NULL ? " - " : "",
                                                allergy->note != NULL ? allergy->note : "");

      add_wrapped (self->rows, "* ", "*   ", text, BOX_INNER + 2, " *", TRUE);
      if (!g_ptr_array_find_with_equal_func (words, allergy->allergen, g_str_equal, NULL))
        g_ptr_array_add (words, allergy->allergen);
    }
  add_row (self->rows, stars, TRUE);

  g_ptr_array_add (words, NULL);
  joined = g_strjoinv (", ", (gchar **) words->pdata);
  reminder = g_utf8_strup (joined, -1);
  add_two_columns (self->continuation, "", table, "", TRUE);
  add_wrapped (self->continuation, "!! ALLERGIES: ", "              ", reminder, RG_TICKET_COLUMNS, NULL, TRUE);
  add_rule (self->continuation, '-', NULL);
}

/* The dishes by course, courses in order and the uncoursed ones last;
 * returns how many dishes (the sum of quantities). */
static gboolean
lay_out_dishes (RgTicket     *self,
                RgDb         *db,
                const Party  *party,
                gint         *n_items,
                GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT m.name, m.allergens, l.qty, coalesce (l.seat, 0), coalesce (l.course, 0), l.allergen_override, "
      "  l.note "
      "FROM order_line l JOIN menu_item m ON m.id = l.item_id "
      "WHERE l.visit_id = ? AND l.voided = 0 AND l.deleted = 0 "
      "ORDER BY coalesce (l.course, 0) = 0, l.course, l.created_ms, l.rowid", error);
  gint course = -1;
  int rc;

  if (stmt == NULL)
    return FALSE;
  *n_items = 0;
  sqlite3_bind_text (stmt, 1, rg_visit_get_id (party->visit), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *name = (const gchar *) sqlite3_column_text (stmt, 0);
      const gchar *note = (const gchar *) sqlite3_column_text (stmt, 6);
      gint qty = sqlite3_column_int (stmt, 2);
      gint seat = sqlite3_column_int (stmt, 3);
      g_autofree gchar *flags = flag_dish (party, (const gchar *) sqlite3_column_text (stmt, 1));
      g_autofree gchar *lead = g_strdup_printf ("%2d x ", qty);
      g_autofree gchar *seat_text = seat > 0 ? g_strdup_printf ("seat %d", seat) : g_strdup ("");

      if (sqlite3_column_int (stmt, 4) != course)
        {
          g_autofree gchar *title = NULL;

          course = sqlite3_column_int (stmt, 4);
          title = course > 0 ? g_strdup_printf (" Course %d ", course) : g_strdup (" No course ");
          add_rule (self->rows, '-', title);
        }
      add_two_columns (self->rows, lead, name, seat_text, flags != NULL);
      if (note != NULL)
        add_wrapped (self->rows, NOTE_LEAD, NOTE_INDENT, note, RG_TICKET_COLUMNS, NULL, TRUE);
      if (flags != NULL)
        {
          add_wrapped (self->rows, "     !! ALLERGEN ", "                 ", flags, RG_TICKET_COLUMNS, NULL, TRUE);
          add_row (self->rows,
                   sqlite3_column_type (stmt, 5) != SQLITE_NULL ? "        confirmed with the guest"
                                                                : "        NOT CONFIRMED: ask the table",
                   TRUE);
        }
      *n_items += qty;
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the order for the kitchen ticket");
  return TRUE;
}

/* ------------------------------------------------------------ reading */

static gboolean
read_party (RgDb         *db,
            const gchar  *visit_id,
            Party        *party,
            GError      **error)
{
  g_autoptr(RgStmt) server = NULL;
  g_autoptr(RgStmt) allergies = NULL;
  g_autoptr(RgBranch) branch = NULL;
  int rc;

  party->visit = rg_visit_get (db, visit_id, error);
  if (party->visit == NULL)
    return FALSE;
  branch = rg_branch_get (db, rg_visit_get_branch_id (party->visit), NULL);
  party->zone = branch != NULL ? rg_branch_dup_time_zone (branch) : g_time_zone_new_utc ();

  server = rg_db_prepare (db, "SELECT name FROM staff WHERE id = ?", error);
  if (server == NULL)
    return FALSE;
  sqlite3_bind_text (server, 1, rg_visit_get_server_id (party->visit), -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (server)) == SQLITE_ROW)
    party->server = _rg_service_dup_column (server, 0);
  else if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the server of the table");

  allergies = rg_db_prepare (db,
      "SELECT g.name, a.allergen, a.severity, a.note FROM guest_allergy a JOIN guest g ON g.id = a.guest_id "
      "WHERE a.deleted = 0 AND a.guest_id IN "
      "  (SELECT guest_id FROM visit WHERE id = ?1 AND guest_id IS NOT NULL "
      "   UNION SELECT guest_id FROM visit_guest WHERE visit_id = ?1 AND deleted = 0) "
      "ORDER BY g.name, a.allergen", error);
  if (allergies == NULL)
    return FALSE;
  party->allergies = g_ptr_array_new_with_free_func (allergy_free);
  sqlite3_bind_text (allergies, 1, visit_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (allergies)) == SQLITE_ROW)
    {
      Allergy *allergy = g_new0 (Allergy, 1);

      allergy->guest = _rg_service_dup_column (allergies, 0);
      allergy->allergen = _rg_visit_normalize_allergen ((const gchar *) sqlite3_column_text (allergies, 1));
      allergy->severity = _rg_service_dup_column (allergies, 2);
      allergy->note = _rg_service_dup_column (allergies, 3);
      if (allergy->note != NULL && *allergy->note == '\0')
        g_clear_pointer (&allergy->note, g_free);
      g_ptr_array_add (party->allergies, allergy);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the allergies at the table");
  return TRUE;
}

/* --------------------------------------------------------------- pages */

/* How many ticket rows fit on a page of the PDF. */
static guint
rows_per_page (void)
{
  return (guint) ((RG_TICKET_HEIGHT_MM - 2 * MARGIN_MM) * POINTS_PER_MM / LINE_POINTS);
}

/* Calls @draw for every page: its first row and how many rows follow. */
typedef void (*PageFunc) (RgTicket *self, guint page, guint first, guint n, gpointer data);

static guint
paginate (RgTicket *self,
          PageFunc  draw,
          gpointer  data)
{
  guint first = 0;
  guint page = 0;

  while (first < self->rows->len || page == 0)
    {
      guint room = rows_per_page () - (page > 0 ? self->continuation->len : 0);
      guint n = MIN (room, self->rows->len - first);

      if (draw != NULL)
        draw (self, page, first, n, data);
      first += n;
      page++;
    }
  return page;
}

static void
draw_row (cairo_t     *cr,
          PangoLayout *layout,
          const Row   *row,
          guint        line)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Monospace");

  pango_font_description_set_size (font, (gint) (FONT_POINTS * PANGO_SCALE));
  pango_font_description_set_weight (font, row->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, row->text, -1);
  cairo_move_to (cr, MARGIN_MM * POINTS_PER_MM, MARGIN_MM * POINTS_PER_MM + line * LINE_POINTS);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_page (RgTicket *self,
           guint     page,
           guint     first,
           guint     n,
           gpointer  data)
{
  cairo_t *cr = data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  guint line = 0;

  if (page > 0)
    for (guint i = 0; i < self->continuation->len; i++)
      draw_row (cr, layout, self->continuation->pdata[i], line++);
  for (guint i = first; i < first + n; i++)
    draw_row (cr, layout, self->rows->pdata[i], line++);
  cairo_show_page (cr);
}

/* ------------------------------------------------------------- GObject */

static void
rg_ticket_finalize (GObject *object)
{
  RgTicket *self = RG_TICKET (object);

  g_free (self->table_name);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->continuation);

  G_OBJECT_CLASS (rg_ticket_parent_class)->finalize (object);
}

static void
rg_ticket_class_init (RgTicketClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_ticket_finalize;
}

static void
rg_ticket_init (RgTicket *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->continuation = g_ptr_array_new_with_free_func (row_free);
}

/* ---------------------------------------------------------- public API */

RgTicket *
rg_ticket_new (RgDb         *db,
               const gchar  *visit_id,
               GError      **error)
{
  g_autoptr(RgTicket) self = NULL;
  g_auto(Party) party = { NULL, };
  g_autofree gchar *total = NULL;
  gint n_items = 0;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  if (!read_party (db, visit_id, &party, error))
    return NULL;
  self = g_object_new (RG_TYPE_TICKET, NULL);
  self->printed_ms = rg_now_ms ();
  self->table_name = g_strdup (rg_visit_get_table_name (party.visit) != NULL ? rg_visit_get_table_name (party.visit)
                                                                                : "-");
  lay_out_header (self, &party);
  lay_out_allergies (self, &party);
  if (!lay_out_dishes (self, db, &party, &n_items, error))
    return NULL;
  if (n_items == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "table %s has nothing on the check to send to the kitchen", self->table_name);
      return NULL;
    }
  add_rule (self->rows, '=', NULL);
  total = g_strdup_printf ("%d %s", n_items, n_items == 1 ? "dish" : "dishes");
  add_two_columns (self->rows, "", "END OF TICKET", total, FALSE);
  return g_steal_pointer (&self);
}

gchar *
rg_ticket_to_text (RgTicket *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (RG_IS_TICKET (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    g_string_append_printf (text, "%s\n", ((const Row *) self->rows->pdata[i])->text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

guint
rg_ticket_get_n_pages (RgTicket *self)
{
  g_return_val_if_fail (RG_IS_TICKET (self), 0);

  return paginate (self, NULL, NULL);
}

gboolean
rg_ticket_write_pdf (RgTicket     *self,
                     const gchar  *path,
                     GError      **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (RG_IS_TICKET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, RG_TICKET_WIDTH_MM * POINTS_PER_MM,
                                      RG_TICKET_HEIGHT_MM * POINTS_PER_MM);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  paginate (self, draw_page, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_IO, "writing the kitchen ticket to %s: %s",
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gchar *
rg_ticket_save (RgTicket     *self,
                const gchar  *folder,
                GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree gchar *stamp = NULL;
  g_autofree gchar *table = NULL;
  g_autofree gchar *base = NULL;
  g_autofree gchar *text_path = NULL;
  g_autofree gchar *pdf_path = NULL;
  g_autofree gchar *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RG_IS_TICKET (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, RG_ERROR, RG_ERROR_IO, "making the folder for kitchen tickets %s: %s",
                   folder, g_strerror (saved));
      return NULL;
    }
  now = g_date_time_new_from_unix_utc (self->printed_ms / 1000);
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  table = g_strdup (self->table_name);
  g_strcanon (table, G_CSET_a_2_z G_CSET_A_2_Z G_CSET_DIGITS "-", '-');
  base = g_strdup_printf ("table-%s-%s-%03d", table, stamp, (gint) (self->printed_ms % 1000));
  text_path = g_strdup_printf ("%s/%s.txt", folder, base);
  pdf_path = g_strdup_printf ("%s/%s.pdf", folder, base);
  text = rg_ticket_to_text (self);
  if (!g_file_set_contents (text_path, text, -1, &local_error))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_IO, "saving the kitchen ticket: %s", local_error->message);
      return NULL;
    }
  if (!rg_ticket_write_pdf (self, pdf_path, error))
    return NULL;
  return g_steal_pointer (&pdf_path);
}
