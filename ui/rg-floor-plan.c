/* rg-floor-plan.c — drawing the floor with Cairo, to scale, and picking a
 * table by tap, click or keyboard.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions and sizes come from the core in metres from the plan's top-left
 * corner.  One scale factor maps metres to pixels in both directions, so the
 * room keeps its proportions whatever the widget's shape, as long as the
 * smallest table is still 44 px across.  When the room drawn so does not fit
 * the width given (a tablet, the plan beside a list), the plan flows zone by
 * zone instead: each zone a band with its name, its tables at the same
 * scale in their order on the floor (front to back, left to right), wrapped
 * to the width, so that no table needs scrolling sideways; the plan is
 * then as tall as it needs (height-for-width, for a scrolled window).
 * Colours are named colours of style.css (@rg_table_free…), so the dark
 * style changes them too.
 *
 * Given the live floor (rg_floor_plan_set_live()), a seated table also says
 * its party, the time it was seated and, unless show-check is off, its open
 * check total; the plan's accessible description says the same of every
 * table.  Drawing 200 tables with their text every frame is too slow for the
 * Cairo renderer, so the zones are one render node and each table another,
 * each kept until what it shows changes (its text, status, selection, rank,
 * its place or the style).  GTK compares a frame's nodes with the last
 * frame's, so only the tables whose node is new are drawn again.  Tables
 * and zones are made of GSK's own nodes (colours, a clip for round tables,
 * borders, text nodes of kept PangoLayouts), not Cairo drawings: no image
 * per table to fill and upload, no plan-sized image of the zones blended
 * again under every table redrawn, and the renderers cache the glyphs.
 * The seated time is a clock time, so no timer redraws the plan.
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
/* The plan flowed zone by zone, in pixels. */
#define FLOW_MARGIN_PX  6.0    /* around the bands */
#define FLOW_PAD_PX     10.0   /* inside a band, around its tables */
#define FLOW_TITLE_PX   18.0   /* a band's name, above its tables */
#define FLOW_GAP_PX     16.0   /* between tables: room for a rank badge */
#define FLOW_BAND_GAP   10.0   /* between bands */

/* The named colours of style.css the plan is drawn with. */
typedef enum
{
  COLOR_SEATED,
  COLOR_RESERVED,
  COLOR_TO_CLEAN,
  COLOR_FREE,
  COLOR_INK,
  COLOR_SUGGEST,
  COLOR_ZONE_FILL,
  COLOR_ZONE_LINE,
  COLOR_ZONE_TEXT,
  N_COLORS
} PlanColor;

static const struct
{
  const gchar *name;
  const gchar *fallback;
} plan_colors[N_COLORS] = {
  { "rg_table_seated", "#e66100" },
  { "rg_table_reserved", "#1c71d8" },
  { "rg_table_to_clean", "#9a9996" },
  { "rg_table_free", "#2ec27e" },
  { "rg_table_ink", "#ffffff" },
  { "rg_suggest", "#f6d32d" },
  { "rg_zone_fill", "rgba(0,0,0,0.05)" },
  { "rg_zone_line", "rgba(0,0,0,0.25)" },
  { "rg_zone_text", "rgba(0,0,0,0.6)" },
};

/* One table as drawn: its text is rebuilt only when the table, its visit
 * or the room for the text changes. */
typedef struct
{
  RgDiningTable *table;
  RgTableLive   *live;      /* (nullable): the table's open visit */
  gchar         *key;       /* what the table's drawing depends on */
  gchar         *markup;    /* (nullable) until the first draw */
  PangoLayout   *layout;
  gint           layout_width;   /* the width the layout is set to, px */
  gint           layout_height;  /* its height then, px */
  GskRenderNode *node;      /* (nullable): the table drawn, kept */
  graphene_rect_t rect;     /* where it is drawn, widget coordinates */
  gdouble        zone_y;    /* where its zone starts on the floor, metres */
  gdouble        zone_x;
  gboolean       wide;
  gboolean       tall;
} Tile;

/* A zone as drawn: an outline with the zone's name. */
typedef struct
{
  const gchar    *name;     /* borrowed from a tile's table */
  graphene_rect_t rect;
} ZoneBox;

struct _RgFloorPlan
{
  GtkWidget parent_instance;

  /* owned */
  GListModel *tables;
  GHashTable *live;           /* table id → RgTableLive with an open visit */
  GPtrArray  *tiles;          /* Tile, in the order of tables */
  GPtrArray  *flow;           /* the same tiles (borrowed), zone by zone, front to back */
  GArray     *zones;          /* ZoneBox, as last laid out: read only then */
  gchar      *zones_layout;   /* what the zones node shows, as one string */
  GHashTable *ranks;          /* table id → rank, from 1 */
  gchar      *selected_id;
  gboolean    show_check;

  /* the zones drawn, kept until the tables or the size change */
  GskRenderNode *zones_node;
  gchar      *zones_key;
  gchar      *style_key;      /* colours and font last drawn with */
  GdkRGBA     palette[N_COLORS];
  gint        node_width;
  gint        node_height;

  /* whether the tiles' rects and the zones are those of the size drawn */
  gboolean    laid_out;
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

static void update_style (RgFloorPlan *self);

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

/* What a table's drawing depends on, but for its place and the style. */
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

static gint
compare_flow (gconstpointer a,
              gconstpointer b)
{
  const Tile *ta = *(const Tile * const *) a;
  const Tile *tb = *(const Tile * const *) b;
  const gchar *za = rg_dining_table_get_zone_id (ta->table);
  const gchar *zb = rg_dining_table_get_zone_id (tb->table);
  gdouble keys_a[] = { ta->zone_y, ta->zone_x, 0, rg_dining_table_get_y (ta->table), rg_dining_table_get_x (ta->table) };
  gdouble keys_b[] = { tb->zone_y, tb->zone_x, 0, rg_dining_table_get_y (tb->table), rg_dining_table_get_x (tb->table) };
  gint zone_order = g_strcmp0 (za, zb);

  keys_a[2] = zone_order > 0;
  keys_b[2] = zone_order < 0;
  for (gsize i = 0; i < G_N_ELEMENTS (keys_a); i++)
    if (keys_a[i] != keys_b[i])
      return keys_a[i] < keys_b[i] ? -1 : 1;
  return 0;
}

/* Orders the tiles for the flowed plan: zones by where they start on the
 * floor (front first, then left), the tables without a zone last; inside
 * a zone, front to back and left to right. */
static void
order_flow (RgFloorPlan *self)
{
  g_autoptr(GHashTable) starts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < self->tiles->len; i++)
    {
      RgDiningTable *table = ((Tile *) g_ptr_array_index (self->tiles, i))->table;
      const gchar *zone_id = rg_dining_table_get_zone_id (table);
      graphene_point_t *start;

      if (zone_id == NULL)
        continue;
      start = g_hash_table_lookup (starts, zone_id);
      if (start == NULL)
        {
          start = graphene_point_init (g_new (graphene_point_t, 1), G_MAXFLOAT, G_MAXFLOAT);
          g_hash_table_insert (starts, (gpointer) zone_id, start);
        }
      start->y = MIN (start->y, rg_dining_table_get_y (table));
      start->x = MIN (start->x, rg_dining_table_get_x (table));
    }
  g_ptr_array_set_size (self->flow, 0);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);
      const gchar *zone_id = rg_dining_table_get_zone_id (tile->table);
      graphene_point_t *start = zone_id != NULL ? g_hash_table_lookup (starts, zone_id) : NULL;

      tile->zone_y = start != NULL ? start->y : G_MAXDOUBLE;
      tile->zone_x = start != NULL ? start->x : G_MAXDOUBLE;
      g_ptr_array_add (self->flow, tile);
    }
  g_ptr_array_sort (self->flow, compare_flow);
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
  g_autoptr(GHashTable) old_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = count_tables (self);

  for (guint i = 0; i < old->len; i++)
    {
      Tile *tile = g_ptr_array_index (old, i);

      g_hash_table_insert (old_by_key, tile->key, tile);
      g_hash_table_insert (old_by_id, (gpointer) rg_dining_table_get_id (tile->table), tile);
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
          tile->layout_width = before->layout_width;
          tile->layout_height = before->layout_height;
          tile->node = g_steal_pointer (&before->node);
          tile->rect = before->rect;
          tile->wide = before->wide;
          tile->tall = before->tall;
        }
      else if ((before = g_hash_table_lookup (old_by_id, rg_dining_table_get_id (tile->table))) != NULL &&
               before->layout != NULL)
        {
          /* The same table showing something else: its layout is kept,
           * its text set anew at the next draw. */
          tile->layout = g_steal_pointer (&before->layout);
          tile->layout_width = before->layout_width;
          tile->rect = before->rect;
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
  order_flow (self);
  self->laid_out = FALSE;
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

/* Whether the room drawn to scale, every table a touch target, fits
 * @width. */
static gboolean
fits_to_scale (RgFloorPlan *self,
               gdouble      width)
{
  gdouble extent_w, extent_h, min_scale;

  measure_room (self, &extent_w, &extent_h, &min_scale);
  return width >= extent_w * min_scale;
}

/* A table's size in the flowed plan: to the touch-target scale, narrowed
 * to @room if need be (never under MIN_TABLE_PX). */
static void
flow_table_size (RgDiningTable *table,
                 gdouble        min_scale,
                 gdouble        room,
                 gdouble       *width,
                 gdouble       *height)
{
  gdouble shrink;

  *width = rg_dining_table_get_width (table) * min_scale;
  *height = rg_dining_table_get_height (table) * min_scale;
  shrink = *width > room ? MAX (room, MIN_TABLE_PX) / *width : 1.0;
  *width *= shrink;
  *height = MAX (*height * shrink, MIN_TABLE_PX);
}

/* Centres the tables self->flow[@first…@end) on their row's middle. */
static void
centre_row (RgFloorPlan *self,
            guint        first,
            guint        end,
            gdouble      row_top,
            gdouble      row_height)
{
  for (guint i = first; i < end; i++)
    {
      Tile *tile = g_ptr_array_index (self->flow, i);

      tile->rect.origin.y = row_top + (row_height - tile->rect.size.height) / 2;
    }
}

/* Flows the tables zone by zone into @width: each zone a band, its tables
 * in rows wrapped to the width.  With @place, stores each tile's rect and
 * the bands in self->zones.  Returns the height it takes. */
static gdouble
flow_tables (RgFloorPlan *self,
             gdouble      width,
             gboolean     place)
{
  gdouble extent_w, extent_h, min_scale;
  gdouble left = FLOW_MARGIN_PX + FLOW_PAD_PX;
  gdouble right = width - FLOW_MARGIN_PX - FLOW_PAD_PX;
  gdouble band_top = FLOW_MARGIN_PX;
  gdouble x = left, row_top = 0, row_height = 0;
  const gchar *zone_id = NULL;
  const gchar *zone_name = NULL;
  gboolean open = FALSE;
  guint row_first = 0;

  measure_room (self, &extent_w, &extent_h, &min_scale);
  if (place)
    g_array_set_size (self->zones, 0);
  for (guint i = 0; i <= self->flow->len; i++)
    {
      Tile *tile = i < self->flow->len ? g_ptr_array_index (self->flow, i) : NULL;
      const gchar *tile_zone = tile != NULL ? rg_dining_table_get_zone_id (tile->table) : NULL;
      gdouble w, h;

      if (open && (tile == NULL || g_strcmp0 (tile_zone, zone_id) != 0))
        {
          gdouble bottom = row_top + row_height + FLOW_PAD_PX;

          if (place)
            centre_row (self, row_first, i, row_top, row_height);
          if (place && zone_id != NULL)
            {
              ZoneBox box = { zone_name, GRAPHENE_RECT_INIT (FLOW_MARGIN_PX, band_top,
                                                             width - 2 * FLOW_MARGIN_PX, bottom - band_top) };

              g_array_append_val (self->zones, box);
            }
          band_top = bottom + FLOW_BAND_GAP;
          open = FALSE;
        }
      if (tile == NULL)
        break;
      if (!open)
        {
          zone_id = tile_zone;
          zone_name = rg_dining_table_get_zone_name (tile->table);
          x = left;
          row_top = band_top + (zone_id != NULL ? FLOW_TITLE_PX : FLOW_PAD_PX);
          row_height = 0;
          row_first = i;
          open = TRUE;
        }
      flow_table_size (tile->table, min_scale, right - left, &w, &h);
      if (x > left && x + w > right)
        {
          if (place)
            centre_row (self, row_first, i, row_top, row_height);
          row_first = i;
          x = left;
          row_top += row_height + FLOW_GAP_PX;
          row_height = 0;
        }
      if (place)
        graphene_rect_init (&tile->rect, x, row_top, w, h);
      x += w + FLOW_GAP_PX;
      row_height = MAX (row_height, h);
    }
  return MAX (band_top - FLOW_BAND_GAP + FLOW_MARGIN_PX, 1.0);
}

/* The room to scale, centred: each tile's rect and the zones' outlines
 * around their tables. */
static void
place_to_scale (RgFloorPlan *self,
                gdouble      width,
                gdouble      height)
{
  gdouble extent_w, extent_h, min_scale, scale, offset_x, offset_y;
  g_autoptr(GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);

  /* pixel = offset + metres × scale */
  measure_room (self, &extent_w, &extent_h, &min_scale);
  scale = MIN (width / extent_w, height / extent_h);
  offset_x = (width - extent_w * scale) / 2.0;
  offset_y = (height - extent_h * scale) / 2.0;
  g_array_set_size (self->zones, 0);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);
      RgDiningTable *table = tile->table;
      const gchar *zone_id = rg_dining_table_get_zone_id (table);
      gdouble pad = ZONE_PADDING_M * scale;
      graphene_rect_t padded;
      gpointer index;

      graphene_rect_init (&tile->rect,
                          offset_x + rg_dining_table_get_x (table) * scale,
                          offset_y + rg_dining_table_get_y (table) * scale,
                          rg_dining_table_get_width (table) * scale,
                          rg_dining_table_get_height (table) * scale);
      if (zone_id == NULL)
        continue;
      graphene_rect_inset_r (&tile->rect, -pad, -pad, &padded);
      if (g_hash_table_lookup_extended (zones, zone_id, NULL, &index))
        {
          ZoneBox *box = &g_array_index (self->zones, ZoneBox, GPOINTER_TO_UINT (index));

          graphene_rect_union (&box->rect, &padded, &box->rect);
        }
      else
        {
          ZoneBox box = { rg_dining_table_get_zone_name (table), padded };

          g_hash_table_insert (zones, (gpointer) zone_id, GUINT_TO_POINTER (self->zones->len));
          g_array_append_val (self->zones, box);
        }
    }
}

/* The zones as laid out, names and outlines, as one string. */
static gchar *
dup_zones_layout (RgFloorPlan *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->zones->len; i++)
    {
      const ZoneBox *box = &g_array_index (self->zones, ZoneBox, i);

      g_string_append_printf (text, "%s|%g|%g|%g|%g;", box->name, box->rect.origin.x, box->rect.origin.y,
                              box->rect.size.width, box->rect.size.height);
    }
  return g_string_free (text, FALSE);
}

/* Places every table for a widget of @width × @height, to scale when it
 * fits, else flowed.  A table whose place changed loses its kept drawing;
 * the zones too when an outline moved. */
static void
lay_out (RgFloorPlan *self,
         gdouble      width,
         gdouble      height)
{
  g_autofree graphene_rect_t *before = g_new (graphene_rect_t, self->tiles->len);
  g_autofree gchar *zones_layout = NULL;

  for (guint i = 0; i < self->tiles->len; i++)
    before[i] = ((Tile *) g_ptr_array_index (self->tiles, i))->rect;
  if (!fits_to_scale (self, width))
    flow_tables (self, width, TRUE);
  else
    place_to_scale (self, width, height);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      if (!graphene_rect_equal (&before[i], &tile->rect))
        g_clear_pointer (&tile->node, gsk_render_node_unref);
    }
  zones_layout = dup_zones_layout (self);
  if (g_strcmp0 (zones_layout, self->zones_layout) != 0)
    {
      g_clear_pointer (&self->zones_node, gsk_render_node_unref);
      g_free (self->zones_layout);
      self->zones_layout = g_steal_pointer (&zones_layout);
    }
  self->laid_out = TRUE;
}

/* The tile's layout, its markup made again only when the room for it
 * changes, its width set only when the table's width changes. */
static PangoLayout *
tile_get_layout (RgFloorPlan *self,
                 Tile        *tile)
{
  const graphene_rect_t *r = &tile->rect;
  gboolean wide = r->size.width >= WIDE_TABLE_PX;
  gboolean tall = r->size.height >= TALL_TABLE_PX;
  gint width = MAX ((gint) r->size.width - 4, 1);

  if (tile->layout == NULL || tile->markup == NULL || tile->wide != wide || tile->tall != tall)
    {
      g_autofree gchar *markup = NULL;

      tile->wide = wide;
      tile->tall = tall;
      markup = dup_tile_markup (self, tile);
      if (tile->layout == NULL)
        {
          tile->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
          pango_layout_set_alignment (tile->layout, PANGO_ALIGN_CENTER);
          pango_layout_set_ellipsize (tile->layout, PANGO_ELLIPSIZE_END);
          tile->layout_width = 0;
        }
      if (g_strcmp0 (markup, tile->markup) != 0)
        {
          pango_layout_set_markup (tile->layout, markup, -1);
          g_free (tile->markup);
          tile->markup = g_steal_pointer (&markup);
          tile->layout_width = 0;
        }
    }
  if (tile->layout_width != width)
    {
      pango_layout_set_width (tile->layout, width * PANGO_SCALE);
      pango_layout_get_pixel_size (tile->layout, NULL, &tile->layout_height);
      tile->layout_width = width;
    }
  return tile->layout;
}

/* The zones as GSK nodes: each a tinted band with an outline and its
 * name; %NULL for a floor without zones.  Not a Cairo drawing: an image
 * the size of the plan would be blended again under every table drawn
 * anew. */
static GskRenderNode *
make_zones_node (RgFloorPlan *self)
{
  GtkSnapshot *snapshot;
  const gfloat widths[4] = { 1.5, 1.5, 1.5, 1.5 };
  const GdkRGBA *line = &self->palette[COLOR_ZONE_LINE];
  const GdkRGBA colors[4] = { *line, *line, *line, *line };

  if (self->zones->len == 0)
    return NULL;
  snapshot = gtk_snapshot_new ();
  for (guint i = 0; i < self->zones->len; i++)
    {
      const ZoneBox *box = &g_array_index (self->zones, ZoneBox, i);
      g_autofree gchar *markup = g_markup_printf_escaped ("<small>%s</small>", box->name);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      GskRoundedRect shape;

      gsk_rounded_rect_init_from_rect (&shape, &box->rect, 10.0);
      gtk_snapshot_push_rounded_clip (snapshot, &shape);
      gtk_snapshot_append_color (snapshot, &self->palette[COLOR_ZONE_FILL], &box->rect);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &shape, widths, colors);

      pango_layout_set_markup (layout, markup, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box->rect.origin.x + 6, box->rect.origin.y + 2));
      gtk_snapshot_append_layout (snapshot, layout, &self->palette[COLOR_ZONE_TEXT]);
      gtk_snapshot_restore (snapshot);
    }
  return gtk_snapshot_free_to_node (snapshot);
}

/* @shape grown by @width / 2 and outlined @width wide, so that the line
 * straddles the shape's edge. */
static void
append_outline (GtkSnapshot          *snapshot,
                const GskRoundedRect *shape,
                gdouble               width,
                const GdkRGBA        *color)
{
  GskRoundedRect outline = *shape;
  const gfloat widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_shrink (&outline, -width / 2, -width / 2, -width / 2, -width / 2);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* @layout's lines centred on (@cx, @cy), @width wide. */
static void
append_centred_layout (GtkSnapshot   *snapshot,
                       PangoLayout   *layout,
                       gdouble        cx,
                       gdouble        cy,
                       gint           width,
                       gint           height,
                       const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx - width / 2.0, cy - height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* One table as GSK nodes: its shape filled with its status colour, the
 * outline of the selection or of a suggestion, its text, and the rank
 * badge of the best suggestions. */
static GskRenderNode *
make_table_node (RgFloorPlan *self,
                 Tile        *tile)
{
  RgDiningTable *table = tile->table;
  const graphene_rect_t *r = &tile->rect;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  const GdkRGBA *ink = &self->palette[COLOR_INK];
  const GdkRGBA *accent = &self->palette[COLOR_SUGGEST];
  guint rank = rg_floor_plan_get_rank (self, rg_dining_table_get_id (table));
  gboolean selected = g_strcmp0 (self->selected_id, rg_dining_table_get_id (table)) == 0;
  PlanColor fill;
  GskRoundedRect shape;
  PangoLayout *layout;

  switch (rg_dining_table_get_status (table))
    {
    case RG_TABLE_SEATED:
      fill = COLOR_SEATED;
      break;
    case RG_TABLE_RESERVED:
      fill = COLOR_RESERVED;
      break;
    case RG_TABLE_TO_CLEAN:
      fill = COLOR_TO_CLEAN;
      break;
    case RG_TABLE_FREE:
    default:
      fill = COLOR_FREE;
      break;
    }
  /* A clip to a curve is the costliest thing the Cairo renderer draws
   * (twice the time of the whole plan without): only round tables get
   * one, square ones are a plain colour. */
  if (rg_dining_table_get_shape (table) == RG_TABLE_ROUND)
    {
      graphene_size_t corner = GRAPHENE_SIZE_INIT (r->size.width / 2, r->size.height / 2);

      gsk_rounded_rect_init (&shape, r, &corner, &corner, &corner, &corner);
      gtk_snapshot_push_rounded_clip (snapshot, &shape);
      gtk_snapshot_append_color (snapshot, &self->palette[fill], r);
      gtk_snapshot_pop (snapshot);
    }
  else
    {
      gsk_rounded_rect_init_from_rect (&shape, r, 0);
      gtk_snapshot_append_color (snapshot, &self->palette[fill], r);
    }

  if (selected)
    {
      append_outline (snapshot, &shape, 6.0, ink);
      append_outline (snapshot, &shape, 2.0, accent);
    }
  else if (rank > 0)
    append_outline (snapshot, &shape, rank <= RANKS_SHOWN ? 4.0 : 2.0, accent);

  layout = tile_get_layout (self, tile);
  append_centred_layout (snapshot, layout, r->origin.x + r->size.width / 2, r->origin.y + r->size.height / 2,
                         tile->layout_width, tile->layout_height, ink);

  if (rank > 0 && rank <= RANKS_SHOWN)
    {
      g_autofree gchar *number = g_strdup_printf ("<b>%u</b>", rank);
      g_autoptr(PangoLayout) badge = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      graphene_rect_t circle = GRAPHENE_RECT_INIT (r->origin.x + r->size.width - RANK_RADIUS_PX,
                                                   r->origin.y - RANK_RADIUS_PX,
                                                   2 * RANK_RADIUS_PX, 2 * RANK_RADIUS_PX);
      GskRoundedRect disc;
      gint height;

      gsk_rounded_rect_init_from_rect (&disc, &circle, RANK_RADIUS_PX);
      gtk_snapshot_push_rounded_clip (snapshot, &disc);
      gtk_snapshot_append_color (snapshot, accent, &circle);
      gtk_snapshot_pop (snapshot);
      pango_layout_set_markup (badge, number, -1);
      pango_layout_set_alignment (badge, PANGO_ALIGN_CENTER);
      pango_layout_set_width (badge, (gint) (2 * RANK_RADIUS_PX) * PANGO_SCALE);
      pango_layout_get_pixel_size (badge, NULL, &height);
      append_centred_layout (snapshot, badge, circle.origin.x + RANK_RADIUS_PX, circle.origin.y + RANK_RADIUS_PX,
                             (gint) (2 * RANK_RADIUS_PX), height, &(GdkRGBA) { 0, 0, 0, 1 });
    }
  return gtk_snapshot_free_to_node (snapshot);
}

/* (transfer none) (nullable): the table drawn at (@x, @y). */
static RgDiningTable *
table_at (RgFloorPlan *self,
          gdouble      x,
          gdouble      y)
{
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      if (graphene_rect_contains_point (&tile->rect, &GRAPHENE_POINT_INIT (x, y)))
        return tile->table;
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
  RgDiningTable *table = table_at (self, x, y);

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

  if (width <= 0 || height <= 0)
    return;
  if (self->style_key == NULL)
    update_style (self);
  if (self->node_width != width || self->node_height != height)
    {
      self->laid_out = FALSE;
      self->node_width = width;
      self->node_height = height;
    }
  if (!self->laid_out)
    lay_out (self, width, height);
  if (self->zones_node == NULL)
    self->zones_node = make_zones_node (self);
  if (self->zones_node != NULL)
    gtk_snapshot_append_node (snapshot, self->zones_node);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      if (tile->node == NULL)
        tile->node = make_table_node (self, tile);
      gtk_snapshot_append_node (snapshot, tile->node);
    }
}

/* Reads the plan's colours into the palette; returns them and the font
 * as one string. */
static gchar *
read_palette (RgFloorPlan *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  g_autofree gchar *font_name = font != NULL ? pango_font_description_to_string (font) : NULL;
  GString *key = g_string_new (font_name);

  for (guint i = 0; i < N_COLORS; i++)
    {
      g_autofree gchar *text = NULL;

      if (!gtk_style_context_lookup_color (context, plan_colors[i].name, &self->palette[i]))
        gdk_rgba_parse (&self->palette[i], plan_colors[i].fallback);
      text = gdk_rgba_to_string (&self->palette[i]);
      g_string_append_printf (key, "|%s", text);
    }
  return g_string_free (key, FALSE);
}

/* Takes the current colours and font; when they changed, every table is
 * drawn again, its text laid out anew. */
static void
update_style (RgFloorPlan *self)
{
  g_autofree gchar *style_key = read_palette (self);

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
rg_floor_plan_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rg_floor_plan_parent_class)->css_changed (widget, change);
  /* Focus and hover change the CSS too; only new colours or a new font
   * mean drawing again. */
  update_style (RG_FLOOR_PLAN (widget));
}

static GtkSizeRequestMode
rg_floor_plan_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
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
  gdouble to_scale_w, to_scale_h;

  measure_room (self, &extent_w, &extent_h, &min_scale);
  to_scale_w = ceil (extent_w * min_scale);
  to_scale_h = ceil (extent_h * min_scale);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gdouble widest = 0;

      /* Flowed, the plan needs only its widest table and the bands'
       * margins. */
      for (guint i = 0; i < self->tiles->len; i++)
        {
          RgDiningTable *table = ((Tile *) g_ptr_array_index (self->tiles, i))->table;

          widest = MAX (widest, rg_dining_table_get_width (table) * min_scale);
        }
      *minimum = (gint) MIN (to_scale_w, ceil (widest + 2 * (FLOW_MARGIN_PX + FLOW_PAD_PX)));
      *natural = (gint) to_scale_w;
      return;
    }
  if (for_size < 0 || fits_to_scale (self, for_size))
    *minimum = *natural = (gint) to_scale_h;
  else
    *minimum = *natural = (gint) ceil (flow_tables (self, for_size, FALSE));
}

static void
rg_floor_plan_size_allocate (GtkWidget *widget,
                             gint       width,
                             gint       height,
                             gint       baseline)
{
  RgFloorPlan *self = RG_FLOOR_PLAN (widget);

  lay_out (self, width, height);
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
  g_ptr_array_unref (self->flow);
  g_array_unref (self->zones);
  g_ptr_array_unref (self->tiles);
  g_clear_pointer (&self->zones_node, gsk_render_node_unref);
  g_free (self->zones_key);
  g_free (self->zones_layout);
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
  widget_class->get_request_mode = rg_floor_plan_get_request_mode;
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
  self->flow = g_ptr_array_new ();
  self->zones = g_array_new (FALSE, FALSE, sizeof (ZoneBox));
  self->show_check = TRUE;

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
  Tile *tile;

  g_return_val_if_fail (RG_IS_FLOOR_PLAN (self), FALSE);

  tile = find_tile (self, table_id);
  if (tile == NULL)
    return FALSE;
  if (!self->laid_out)
    lay_out (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  *bounds = tile->rect;
  return TRUE;
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
