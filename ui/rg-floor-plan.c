/* rg-floor-plan.c — drawing the floor with Cairo, to scale, and picking a
 * table by tap, click or keyboard.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions and sizes come from the core in metres from the plan's top-left
 * corner.  One scale factor maps metres to pixels in both directions, so the
 * room keeps its proportions whatever the widget's shape; the widget asks
 * for enough room that the smallest table is 44 px across (put it in a
 * scrolled window for a large floor).  Colours are named
 * colours of style.css (@rg_table_free…), so the dark style changes them too.
 *
 * Given the live floor (rg_floor_plan_set_live()), a seated table also says
 * its party, the time it was seated and, unless show-check is off, its open
 * check total; the plan's accessible description says the same of every
 * table.  Drawing 200 tables with their text every frame is too slow for the
 * Cairo renderer, so the zones are one render node and each table another,
 * each kept until what it shows changes (its text, status, selection, rank,
 * the size or the style).  GTK compares a frame's nodes with the last
 * frame's, so only the tables whose node is new are drawn again.  The
 * seated time is a clock time, so no timer redraws the plan.
 */
#include "rg-floor-plan.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rg-floor.h"
#include "rg-ui-format.h"

#define MARGIN_M        0.5    /* empty floor around the outermost tables */
#define ZONE_PADDING_M  0.3    /* a zone's outline around its tables */
#define RANK_RADIUS_PX  12.0
#define MIN_TABLE_PX    44.0   /* the smallest table is still a touch target */
#define RANKS_SHOWN     3      /* the best tables get their rank drawn */
#define WIDE_TABLE_PX   72.0   /* room to write "4 seats" rather than "4" */
#define TALL_TABLE_PX   64.0   /* room for three lines: name, party, check */

/* One table as drawn: its text is rebuilt only when the table, its visit
 * or the room for the text changes. */
typedef struct
{
  RgDiningTable *table;
  RgTableLive   *live;      /* (nullable): the table's open visit */
  gchar         *key;       /* what the table's drawing depends on */
  gchar         *markup;    /* (nullable) until the first draw */
  PangoLayout   *layout;
  GskRenderNode *node;      /* (nullable): the table drawn, kept */
  gboolean       wide;
  gboolean       tall;
} Tile;

struct _RgFloorPlan
{
  GtkWidget parent_instance;

  /* owned */
  GListModel *tables;
  GHashTable *live;           /* table id → RgTableLive with an open visit */
  GPtrArray  *tiles;          /* Tile, in the order of tables */
  GHashTable *ranks;          /* table id → rank, from 1 */
  gchar      *selected_id;
  gboolean    show_check;

  /* the zones drawn, kept until the tables or the size change */
  GskRenderNode *zones_node;
  gchar      *zones_key;
  gchar      *style_key;      /* colours and font last drawn with */
  gint        node_width;
  gint        node_height;

  /* the transform of the last allocation: pixel = offset + metres × scale */
  gdouble     scale;
  gdouble     offset_x;
  gdouble     offset_y;
};

G_DEFINE_FINAL_TYPE (RgFloorPlan, rg_floor_plan, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLES,
  PROP_SELECTED_ID,
  PROP_SHOW_CHECK,
  N_PROPS
};

enum {
  TABLE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --------------------------------------------------------------- helpers */

static RgDiningTable *
dup_table (RgFloorPlan *self,
           guint        position)
{
  return g_list_model_get_item (self->tables, position);
}

static guint
count_tables (RgFloorPlan *self)
{
  return self->tables != NULL ? g_list_model_get_n_items (self->tables) : 0;
}

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_object_unref (tile->table);
  g_clear_object (&tile->live);
  g_free (tile->key);
  g_free (tile->markup);
  g_clear_object (&tile->layout);
  g_clear_pointer (&tile->node, gsk_render_node_unref);
  g_free (tile);
}

/* Drops every kept drawing; the next frame draws the whole plan again. */
static void
invalidate (RgFloorPlan *self)
{
  g_clear_pointer (&self->zones_node, gsk_render_node_unref);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      g_clear_pointer (&tile->node, gsk_render_node_unref);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gchar *
format_seated_time (RgTableLive *live)
{
  g_autoptr(GDateTime) seated = g_date_time_new_from_unix_local (rg_table_live_get_seated_ms (live) / 1000);

  return g_date_time_format (seated, "%H:%M");
}

static const gchar *
status_word (RgTableStatus status)
{
  switch (status)
    {
    case RG_TABLE_SEATED:
      return _("seated");
    case RG_TABLE_RESERVED:
      return _("reserved");
    case RG_TABLE_TO_CLEAN:
      return _("to clean");
    case RG_TABLE_FREE:
    default:
      return _("free");
    }
}

/* What a screen reader says of a table: the same as its tile, in full. */
static gchar *
dup_spoken_text (RgFloorPlan *self,
                 Tile        *tile)
{
  const gchar *name = rg_dining_table_get_name (tile->table);
  gint seats = rg_dining_table_get_seats (tile->table);
  g_autofree gchar *time = NULL;
  g_autofree gchar *money = NULL;

  if (tile->live == NULL)
    /* Translators: a table on the floor plan for a screen reader, "Table 4, 2 seats, free" */
    return g_strdup_printf (ngettext ("Table %s, %d seat, %s", "Table %s, %d seats, %s", seats),
                            name, seats, status_word (rg_dining_table_get_status (tile->table)));
  time = format_seated_time (tile->live);
  if (!self->show_check)
    /* Translators: a seated table for a screen reader, "Table 4, party of 3, seated at 19:05" */
    return g_strdup_printf (_("Table %s, party of %d, seated at %s"),
                            name, rg_table_live_get_party_size (tile->live), time);
  money = rg_ui_format_money (rg_table_live_get_check_total (tile->live));
  /* Translators: a seated table for a screen reader, "Table 4, party of 3, seated at 19:05, check ¥56.00" */
  return g_strdup_printf (_("Table %s, party of %d, seated at %s, check %s"),
                          name, rg_table_live_get_party_size (tile->live), time, money);
}

/* The tile's markup for a tile of that size: a seated table shows its
 * party and seated time, then its check when there is room, else the
 * check alone; a free one its seats. */
static gchar *
dup_tile_markup (RgFloorPlan *self,
                 Tile        *tile)
{
  const gchar *name = rg_dining_table_get_name (tile->table);
  gint seats = rg_dining_table_get_seats (tile->table);
  gint party;
  g_autofree gchar *time = NULL;
  g_autofree gchar *money = NULL;
  g_autofree gchar *who = NULL;
  g_autofree gchar *seats_text = NULL;

  if (tile->live == NULL)
    {
      if (tile->wide)
        /* Translators: how many sit at a table on the floor plan */
        seats_text = g_strdup_printf (ngettext ("%d seat", "%d seats", seats), seats);
      else
        seats_text = g_strdup_printf ("%d", seats);
      return g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", name, seats_text);
    }
  party = rg_table_live_get_party_size (tile->live);
  time = format_seated_time (tile->live);
  money = rg_ui_format_money (rg_table_live_get_check_total (tile->live));
  if (tile->wide)
    /* Translators: a seated table's party and seated time on the floor plan, "3 guests · 19:05" */
    who = g_strdup_printf (ngettext ("%d guest · %s", "%d guests · %s", party), party, time);
  else
    /* Translators: a seated table's party and seated time on a small table of the plan, "3 · 19:05" */
    who = g_strdup_printf (_("%d · %s"), party, time);
  if (!self->show_check)
    return g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", name, who);
  if (tile->tall)
    return g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>\n<small><b>%s</b></small>", name, who, money);
  return g_markup_printf_escaped ("<b>%s</b>\n<small><b>%s</b></small>", name, money);
}

/* Re-reads the tables and their visits into tiles; the text of each is
 * made again at the next draw. */
static gchar *
dup_tile_key (RgFloorPlan *self,
              Tile        *tile)
{
  RgDiningTable *t = tile->table;

  return g_strdup_printf ("%s|%s|%d|%d|%d|%g|%g|%g|%g|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d",
                          rg_dining_table_get_id (t), rg_dining_table_get_name (t),
                          rg_dining_table_get_seats (t), rg_dining_table_get_status (t),
                          rg_dining_table_get_shape (t),
                          rg_dining_table_get_x (t), rg_dining_table_get_y (t),
                          rg_dining_table_get_width (t), rg_dining_table_get_height (t),
                          tile->live != NULL ? rg_table_live_get_party_size (tile->live) : 0,
                          tile->live != NULL ? rg_table_live_get_seated_ms (tile->live) : 0,
                          tile->live != NULL ? rg_table_live_get_check_total (tile->live) : 0,
                          self->show_check);
}

/* Re-reads the tables and their visits into tiles.  A table that shows
 * the same as before keeps its drawing, so a refresh that changes one
 * table redraws that table only. */
static void
rebuild_tiles (RgFloorPlan *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) zones_key = g_string_new (NULL);
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->tiles);
  g_autoptr(GHashTable) old_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = count_tables (self);

  for (guint i = 0; i < old->len; i++)
    {
      Tile *tile = g_ptr_array_index (old, i);

      g_hash_table_insert (old_by_key, tile->key, tile);
    }
  self->tiles = g_ptr_array_new_with_free_func (tile_free);
  for (guint i = 0; i < n; i++)
    {
      Tile *tile = g_new0 (Tile, 1);
      Tile *before;
      g_autofree gchar *spoken = NULL;
      const gchar *zone_id;

      tile->table = dup_table (self, i);
      tile->live = g_hash_table_lookup (self->live, rg_dining_table_get_id (tile->table));
      if (tile->live != NULL)
        g_object_ref (tile->live);
      tile->key = dup_tile_key (self, tile);
      before = g_hash_table_lookup (old_by_key, tile->key);
      if (before != NULL)
        {
          tile->markup = g_steal_pointer (&before->markup);
          tile->layout = g_steal_pointer (&before->layout);
          tile->node = g_steal_pointer (&before->node);
          tile->wide = before->wide;
          tile->tall = before->tall;
        }
      g_ptr_array_add (self->tiles, tile);

      zone_id = rg_dining_table_get_zone_id (tile->table);
      if (zone_id != NULL)
        g_string_append_printf (zones_key, "%s|%s|%g|%g|%g|%g;", zone_id, rg_dining_table_get_zone_name (tile->table),
                                rg_dining_table_get_x (tile->table), rg_dining_table_get_y (tile->table),
                                rg_dining_table_get_width (tile->table), rg_dining_table_get_height (tile->table));
      spoken = dup_spoken_text (self, tile);
      if (description->len > 0)
        g_string_append (description, ".\n");
      g_string_append (description, spoken);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  if (g_strcmp0 (zones_key->str, self->zones_key) != 0)
    {
      g_free (self->zones_key);
      self->zones_key = g_string_free (g_steal_pointer (&zones_key), FALSE);
      g_clear_pointer (&self->zones_node, gsk_render_node_unref);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static Tile *
find_tile (RgFloorPlan *self,
           const gchar *table_id)
{
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      if (g_strcmp0 (rg_dining_table_get_id (tile->table), table_id) == 0)
        return tile;
    }
  return NULL;
}

/* Drops one table's kept drawing, when its look changes. */
static void
forget_tile_node (RgFloorPlan *self,
                  const gchar *table_id)
{
  Tile *tile = table_id != NULL ? find_tile (self, table_id) : NULL;

  if (tile != NULL)
    g_clear_pointer (&tile->node, gsk_render_node_unref);
}

static void
forget_ranked_tile_node (gpointer key,
                         gpointer value,
                         gpointer user_data)
{
  forget_tile_node (user_data, key);
}

/* The room's size in metres, and the fewest pixels per metre that keep
 * every table a touch target. */
static void
measure_room (RgFloorPlan *self,
              gdouble     *extent_w,
              gdouble     *extent_h,
              gdouble     *min_scale)
{
  gdouble smallest = G_MAXDOUBLE;
  guint n = count_tables (self);

  *extent_w = 1.0;
  *extent_h = 1.0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDiningTable) table = dup_table (self, i);

      *extent_w = MAX (*extent_w, rg_dining_table_get_x (table) + rg_dining_table_get_width (table));
      *extent_h = MAX (*extent_h, rg_dining_table_get_y (table) + rg_dining_table_get_height (table));
      smallest = MIN (smallest, MIN (rg_dining_table_get_width (table), rg_dining_table_get_height (table)));
    }
  *extent_w += MARGIN_M;
  *extent_h += MARGIN_M;
  *min_scale = n > 0 ? MIN_TABLE_PX / smallest : 1.0;
}

static void
update_transform (RgFloorPlan *self,
                  gdouble      width,
                  gdouble      height)
{
  gdouble extent_w, extent_h, min_scale;

  measure_room (self, &extent_w, &extent_h, &min_scale);

  self->scale = MIN (width / extent_w, height / extent_h);
  self->offset_x = (width - extent_w * self->scale) / 2.0;
  self->offset_y = (height - extent_h * self->scale) / 2.0;
}

static void
table_rect (RgFloorPlan     *self,
            RgDiningTable   *table,
            graphene_rect_t *rect)
{
  graphene_rect_init (rect,
                      self->offset_x + rg_dining_table_get_x (table) * self->scale,
                      self->offset_y + rg_dining_table_get_y (table) * self->scale,
                      rg_dining_table_get_width (table) * self->scale,
                      rg_dining_table_get_height (table) * self->scale);
}

static void
lookup_color (RgFloorPlan *self,
              const gchar *name,
              const gchar *fallback,
              GdkRGBA     *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
status_color (RgFloorPlan   *self,
              RgTableStatus  status,
              GdkRGBA       *color)
{
  switch (status)
    {
    case RG_TABLE_SEATED:
      lookup_color (self, "rg_table_seated", "#e66100", color);
      break;
    case RG_TABLE_RESERVED:
      lookup_color (self, "rg_table_reserved", "#1c71d8", color);
      break;
    case RG_TABLE_TO_CLEAN:
      lookup_color (self, "rg_table_to_clean", "#9a9996", color);
      break;
    case RG_TABLE_FREE:
    default:
      lookup_color (self, "rg_table_free", "#2ec27e", color);
      break;
    }
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             gdouble      cx,
             gdouble      cy,
             gdouble      max_width)
{
  gint w, h;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, (gint) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, cx - max_width / 2.0, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
show_text (RgFloorPlan *self,
           cairo_t     *cr,
           const gchar *markup,
           gdouble      cx,
           gdouble      cy,
           gdouble      max_width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  pango_layout_set_markup (layout, markup, -1);
  show_layout (cr, layout, cx, cy, max_width);
}

/* The tile's layout, made again only when its text changed. */
static PangoLayout *
tile_get_layout (RgFloorPlan           *self,
                 Tile                  *tile,
                 const graphene_rect_t *r)
{
  gboolean wide = r->size.width >= WIDE_TABLE_PX;
  gboolean tall = r->size.height >= TALL_TABLE_PX;
  g_autofree gchar *markup = NULL;

  if (tile->layout != NULL && tile->wide == wide && tile->tall == tall)
    return tile->layout;
  tile->wide = wide;
  tile->tall = tall;
  markup = dup_tile_markup (self, tile);
  if (tile->layout == NULL)
    tile->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  if (g_strcmp0 (markup, tile->markup) != 0)
    {
      pango_layout_set_markup (tile->layout, markup, -1);
      g_free (tile->markup);
      tile->markup = g_steal_pointer (&markup);
    }
  return tile->layout;
}

static void
rounded_rect (cairo_t               *cr,
              const graphene_rect_t *r,
              gdouble                radius)
{
  gdouble x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  radius = MIN (radius, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_zones (RgFloorPlan *self,
            cairo_t     *cr)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) ids = NULL;
  GdkRGBA fill, line, text;

  for (guint i = 0; i < self->tiles->len; i++)
    {
      RgDiningTable *table = ((Tile *) g_ptr_array_index (self->tiles, i))->table;
      const gchar *zone_id = rg_dining_table_get_zone_id (table);
      graphene_rect_t r, *bounds;

      if (zone_id == NULL)
        continue;
      table_rect (self, table, &r);
      bounds = g_hash_table_lookup (zones, zone_id);
      if (bounds == NULL)
        {
          g_hash_table_insert (zones, (gpointer) zone_id, graphene_rect_init_from_rect (g_new (graphene_rect_t, 1), &r));
          g_hash_table_insert (names, (gpointer) zone_id, (gpointer) rg_dining_table_get_zone_name (table));
        }
      else
        graphene_rect_union (bounds, &r, bounds);
    }

  lookup_color (self, "rg_zone_fill", "rgba(0,0,0,0.05)", &fill);
  lookup_color (self, "rg_zone_line", "rgba(0,0,0,0.25)", &line);
  lookup_color (self, "rg_zone_text", "rgba(0,0,0,0.6)", &text);

  ids = g_hash_table_get_keys (zones);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      graphene_rect_t r = *(graphene_rect_t *) g_hash_table_lookup (zones, l->data);
      g_autofree gchar *markup = NULL;
      gdouble pad = ZONE_PADDING_M * self->scale;
      const gdouble dash[] = { 6.0, 4.0 };
      g_autoptr(PangoLayout) layout = NULL;

      graphene_rect_inset (&r, -pad, -pad);
      rounded_rect (cr, &r, 10.0);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 1.5);
      gdk_cairo_set_source_rgba (cr, &line);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      markup = g_markup_printf_escaped ("<small>%s</small>", (const gchar *) g_hash_table_lookup (names, l->data));
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (layout, markup, -1);
      gdk_cairo_set_source_rgba (cr, &text);
      cairo_move_to (cr, r.origin.x + 6, r.origin.y + 2);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_table (RgFloorPlan *self,
            cairo_t     *cr,
            Tile        *tile)
{
  RgDiningTable *table = tile->table;
  graphene_rect_t r;
  GdkRGBA fill, ink, accent;
  guint rank = rg_floor_plan_get_rank (self, rg_dining_table_get_id (table));
  gboolean selected = g_strcmp0 (self->selected_id, rg_dining_table_get_id (table)) == 0;

  table_rect (self, table, &r);
  status_color (self, rg_dining_table_get_status (table), &fill);
  lookup_color (self, "rg_table_ink", "#ffffff", &ink);
  lookup_color (self, "rg_suggest", "#f6d32d", &accent);

  cairo_new_path (cr);
  if (rg_dining_table_get_shape (table) == RG_TABLE_ROUND)
    {
      cairo_save (cr);
      cairo_translate (cr, r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2);
      cairo_scale (cr, r.size.width / 2, r.size.height / 2);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
    }
  else
    rounded_rect (cr, &r, 6.0);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);

  if (rank > 0 || selected)
    {
      cairo_set_line_width (cr, selected ? 6.0 : rank <= RANKS_SHOWN ? 4.0 : 2.0);
      gdk_cairo_set_source_rgba (cr, selected ? &ink : &accent);
      cairo_stroke_preserve (cr);
      if (selected)
        {
          cairo_set_line_width (cr, 2.0);
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_stroke_preserve (cr);
        }
    }
  cairo_new_path (cr);

  gdk_cairo_set_source_rgba (cr, &ink);
  show_layout (cr, tile_get_layout (self, tile, &r),
               r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2,
               r.size.width - 4);

  if (rank > 0 && rank <= RANKS_SHOWN)
    {
      g_autofree gchar *number = g_strdup_printf ("<b>%u</b>", rank);
      gdouble cx = r.origin.x + r.size.width;
      gdouble cy = r.origin.y;

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, RANK_RADIUS_PX, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (self, cr, number, cx, cy, 2 * RANK_RADIUS_PX);
    }
}

static RgDiningTable *
dup_table_at (RgFloorPlan *self,
              gdouble      x,
              gdouble      y,
              guint       *position)
{
  guint n = count_tables (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDiningTable) table = dup_table (self, i);
      graphene_rect_t r;

      table_rect (self, table, &r);
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&table);
        }
    }
  return NULL;
}

static gint
selected_position (RgFloorPlan *self)
{
  guint n = count_tables (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDiningTable) table = dup_table (self, i);

      if (g_strcmp0 (rg_dining_table_get_id (table), self->selected_id) == 0)
        return (gint) i;
    }
  return -1;
}

static void
activate_selected (RgFloorPlan *self)
{
  if (self->selected_id != NULL)
    g_signal_emit (self, signals[TABLE_ACTIVATED], 0, self->selected_id);
}

/* ------------------------------------------------------------- callbacks */

static void
on_tables_items_changed_cb (GListModel  *model,
                            guint        position,
                            guint        removed,
                            guint        added,
                            RgFloorPlan *self)
{
  rebuild_tiles (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      gint             n_press,
                      gdouble          x,
                      gdouble          y,
                      RgFloorPlan     *self)
{
  g_autoptr(RgDiningTable) table = dup_table_at (self, x, y, NULL);

  if (table == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  rg_floor_plan_set_selected_id (self, rg_dining_table_get_id (table));
  activate_selected (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   RgFloorPlan           *self)
{
  guint n = count_tables (self);
  gint pos = selected_position (self);
  g_autoptr(RgDiningTable) table = NULL;

  if (n == 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      pos = pos < 0 ? 0 : (gint) ((pos + 1) % n);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      pos = pos <= 0 ? (gint) n - 1 : pos - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_selected (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  table = dup_table (self, (guint) pos);
  rg_floor_plan_set_selected_id (self, rg_dining_table_get_id (table));
  return GDK_EVENT_STOP;
}

/* ------------------------------------------------------------- overrides */

static void
rg_floor_plan_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (widget);
  gint width = gtk_widget_get_width (widget);
  gint height = gtk_widget_get_height (widget);
  /* room around a table for the selection's outline and the rank badge */
  gdouble margin = RANK_RADIUS_PX + 2.0;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (self->node_width != width || self->node_height != height)
    {
      invalidate (self);
      self->node_width = width;
      self->node_height = height;
    }
  update_transform (self, width, height);
  if (self->zones_node == NULL)
    {
      self->zones_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      cr = gsk_cairo_node_get_draw_context (self->zones_node);
      draw_zones (self, cr);
      cairo_destroy (cr);
    }
  gtk_snapshot_append_node (snapshot, self->zones_node);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      if (tile->node == NULL)
        {
          graphene_rect_t r;

          table_rect (self, tile->table, &r);
          graphene_rect_inset (&r, -margin, -margin);
          tile->node = gsk_cairo_node_new (&r);
          cr = gsk_cairo_node_get_draw_context (tile->node);
          draw_table (self, cr, tile);
          cairo_destroy (cr);
        }
      gtk_snapshot_append_node (snapshot, tile->node);
    }
}

/* The colours and font the plan is drawn with, as one string. */
static gchar *
dup_style_key (RgFloorPlan *self)
{
  static const gchar * const names[] = {
    "rg_table_seated", "rg_table_reserved", "rg_table_to_clean", "rg_table_free",
    "rg_table_ink", "rg_suggest", "rg_zone_fill", "rg_zone_line", "rg_zone_text",
  };
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  g_autofree gchar *font_name = font != NULL ? pango_font_description_to_string (font) : NULL;
  GString *key = g_string_new (font_name);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GdkRGBA color = { 0 };
      g_autofree gchar *text = NULL;

      gtk_style_context_lookup_color (context, names[i], &color);
      text = gdk_rgba_to_string (&color);
      g_string_append_printf (key, "|%s", text);
    }
  return g_string_free (key, FALSE);
}

static void
rg_floor_plan_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (widget);
  g_autofree gchar *style_key = NULL;

  GTK_WIDGET_CLASS (rg_floor_plan_parent_class)->css_changed (widget, change);
  /* Focus and hover change the CSS too; only new colours or a new font
   * mean drawing again. */
  style_key = dup_style_key (self);
  if (g_strcmp0 (style_key, self->style_key) == 0)
    return;
  g_free (self->style_key);
  self->style_key = g_steal_pointer (&style_key);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      g_clear_object (&tile->layout);
      g_clear_pointer (&tile->markup, g_free);
    }
  invalidate (self);
}

static void
rg_floor_plan_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       gint            for_size,
                       gint           *minimum,
                       gint           *natural,
                       gint           *minimum_baseline,
                       gint           *natural_baseline)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (widget);
  gdouble extent_w, extent_h, min_scale;

  measure_room (self, &extent_w, &extent_h, &min_scale);
  *minimum = *natural = (gint) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? extent_w : extent_h) * min_scale);
}

static void
rg_floor_plan_size_allocate (GtkWidget *widget,
                             gint       width,
                             gint       height,
                             gint       baseline)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (widget);

  update_transform (self, width, height);
}

static void
rg_floor_plan_dispose (GObject *object)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (object);

  rg_floor_plan_set_tables (self, NULL);

  G_OBJECT_CLASS (rg_floor_plan_parent_class)->dispose (object);
}

static void
rg_floor_plan_finalize (GObject *object)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (object);

  g_hash_table_unref (self->ranks);
  g_hash_table_unref (self->live);
  g_ptr_array_unref (self->tiles);
  g_clear_pointer (&self->zones_node, gsk_render_node_unref);
  g_free (self->zones_key);
  g_free (self->style_key);
  g_free (self->selected_id);

  G_OBJECT_CLASS (rg_floor_plan_parent_class)->finalize (object);
}

static void
rg_floor_plan_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (object);

  switch (prop_id)
    {
    case PROP_TABLES:
      g_value_set_object (value, self->tables);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_SHOW_CHECK:
      g_value_set_boolean (value, self->show_check);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_floor_plan_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (object);

  switch (prop_id)
    {
    case PROP_TABLES:
      rg_floor_plan_set_tables (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ID:
      rg_floor_plan_set_selected_id (self, g_value_get_string (value));
      break;
    case PROP_SHOW_CHECK:
      rg_floor_plan_set_show_check (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_floor_plan_class_init (RgFloorPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_floor_plan_dispose;
  object_class->finalize = rg_floor_plan_finalize;
  object_class->get_property = rg_floor_plan_get_property;
  object_class->set_property = rg_floor_plan_set_property;
  widget_class->snapshot = rg_floor_plan_snapshot;
  widget_class->measure = rg_floor_plan_measure;
  widget_class->size_allocate = rg_floor_plan_size_allocate;
  widget_class->css_changed = rg_floor_plan_css_changed;

  properties[PROP_TABLES] =
    g_param_spec_object ("tables", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CHECK] =
    g_param_spec_boolean ("show-check", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgFloorPlan::table-activated:
   * @table_id: the table tapped, or chosen with the keyboard and Enter
   */
  signals[TABLE_ACTIVATED] = g_signal_new ("table-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "floorplan");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rg_floor_plan_init (RgFloorPlan *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->tiles = g_ptr_array_new_with_free_func (tile_free);
  self->show_check = TRUE;
  self->scale = 1.0;

  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Floor plan"),
                                  -1);
}

/* ------------------------------------------------------------ public API */

GtkWidget *
rg_floor_plan_new (void)
{
  return g_object_new (RG_TYPE_FLOOR_PLAN, NULL);
}

GListModel *
rg_floor_plan_get_tables (RgFloorPlan *self)
{
  g_return_val_if_fail (RG_IS_FLOOR_PLAN (self), NULL);

  return self->tables;
}

void
rg_floor_plan_set_tables (RgFloorPlan *self,
                          GListModel  *tables)
{
  g_return_if_fail (RG_IS_FLOOR_PLAN (self));
  g_return_if_fail (tables == NULL || G_IS_LIST_MODEL (tables));

  if (self->tables == tables)
    return;
  if (self->tables != NULL)
    g_signal_handlers_disconnect_by_func (self->tables, on_tables_items_changed_cb, self);
  g_set_object (&self->tables, tables);
  if (self->tables != NULL)
    g_signal_connect (self->tables, "items-changed", G_CALLBACK (on_tables_items_changed_cb), self);
  rebuild_tiles (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLES]);
}

void
rg_floor_plan_set_suggestions (RgFloorPlan *self,
                               GListModel  *suggestions)
{
  guint n;

  g_return_if_fail (RG_IS_FLOOR_PLAN (self));

  /* the tables ranked before and after are drawn again, no others */
  g_hash_table_foreach (self->ranks, forget_ranked_tile_node, self);
  g_hash_table_remove_all (self->ranks);
  n = suggestions != NULL ? g_list_model_get_n_items (suggestions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgTableSuggestion) suggestion = g_list_model_get_item (suggestions, i);
      RgDiningTable *table = rg_table_suggestion_get_table (suggestion);

      g_hash_table_insert (self->ranks, g_strdup (rg_dining_table_get_id (table)), GUINT_TO_POINTER (i + 1));
    }
  g_hash_table_foreach (self->ranks, forget_ranked_tile_node, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const gchar *
rg_floor_plan_get_selected_id (RgFloorPlan *self)
{
  g_return_val_if_fail (RG_IS_FLOOR_PLAN (self), NULL);

  return self->selected_id;
}

void
rg_floor_plan_set_selected_id (RgFloorPlan *self,
                               const gchar *table_id)
{
  g_return_if_fail (RG_IS_FLOOR_PLAN (self));

  if (g_strcmp0 (self->selected_id, table_id) == 0)
    return;
  forget_tile_node (self, self->selected_id);
  g_free (self->selected_id);
  self->selected_id = g_strdup (table_id);
  forget_tile_node (self, self->selected_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

guint
rg_floor_plan_get_rank (RgFloorPlan *self,
                        const gchar *table_id)
{
  g_return_val_if_fail (RG_IS_FLOOR_PLAN (self), 0);

  return table_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, table_id)) : 0;
}

gboolean
rg_floor_plan_get_table_bounds (RgFloorPlan     *self,
                                const gchar     *table_id,
                                graphene_rect_t *bounds)
{
  guint n;

  g_return_val_if_fail (RG_IS_FLOOR_PLAN (self), FALSE);

  n = count_tables (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDiningTable) table = dup_table (self, i);

      if (g_strcmp0 (rg_dining_table_get_id (table), table_id) == 0)
        {
          table_rect (self, table, bounds);
          return TRUE;
        }
    }
  return FALSE;
}

void
rg_floor_plan_set_live (RgFloorPlan *self,
                        GListModel  *live)
{
  guint n;

  g_return_if_fail (RG_IS_FLOOR_PLAN (self));
  g_return_if_fail (live == NULL || G_IS_LIST_MODEL (live));

  g_hash_table_remove_all (self->live);
  n = live != NULL ? g_list_model_get_n_items (live) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgTableLive) table = g_list_model_get_item (live, i);
      gchar *table_id = g_strdup (rg_dining_table_get_id (rg_table_live_get_table (table)));

      if (rg_table_live_get_visit_id (table) != NULL)
        g_hash_table_insert (self->live, table_id, g_steal_pointer (&table));
      else
        g_free (table_id);
    }
  rebuild_tiles (self);
}

gboolean
rg_floor_plan_get_show_check (RgFloorPlan *self)
{
  g_return_val_if_fail (RG_IS_FLOOR_PLAN (self), FALSE);

  return self->show_check;
}

void
rg_floor_plan_set_show_check (RgFloorPlan *self,
                              gboolean     show_check)
{
  g_return_if_fail (RG_IS_FLOOR_PLAN (self));

  show_check = !!show_check;
  if (self->show_check == show_check)
    return;
  self->show_check = show_check;
  rebuild_tiles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CHECK]);
}

gchar *
rg_floor_plan_dup_table_text (RgFloorPlan *self,
                              const gchar *table_id)
{
  Tile *tile;

  g_return_val_if_fail (RG_IS_FLOOR_PLAN (self), NULL);

  tile = find_tile (self, table_id);
  return tile != NULL ? dup_spoken_text (self, tile) : NULL;
}
