/* rg-demo-visits.c — the demo's history: when guests come, where they sit,
 * what they order and what they say about it.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each guest's visits are a Poisson process at their own yearly rate,
 * thinned by the day's weight (weekday, season, holidays), so a regular
 * comes weekly and busier days are busier for everyone.  Walk-ins come on
 * top, about a quarter of all visits.  All visits are then sorted by time
 * and written in that order, so that tables are given out as they free up
 * and ids (time-ordered) append to the indexes.
 */
#include "rg-demo-private.h"

#include <math.h>
#include <stdlib.h>

#define MAX_LINES 32
#define WALK_IN_SHARE (1.0 / 3.0)   /* walk-ins per known guest's visit */
#define TABLE_TURN_MS (10 * RG_DEMO_MS_PER_MIN)

typedef struct
{
  gint64  seated_ms;
  guint32 seq;        /* draw order: breaks ties so that sorting is deterministic */
  gint32  guest;      /* -1 for a walk-in */
  guint16 day;
  guint8  branch;
  guint8  party;
  guint8  lunch;
} Event;

typedef struct
{
  guint8   item;
  guint8   qty;
  guint8   course;    /* 0 when not given */
  gboolean voided;
  gint64   created_ms;
} Line;

typedef struct
{
  const Event       *event;
  const RgDemoGuest *guest;      /* NULL for a walk-in */
  const RgDemoGuest *companion;  /* a linked guest at the table, or NULL */
  const RgDemoTable *table;
  const gchar       *server_id;
  RgDemoId           id;
  gint64             left_ms;
  guint              avoid;      /* allergens of everyone known at the table */
  guint              tastes;
  guint              daypart;
  Line               lines[MAX_LINES];
  guint              n_lines;
  gint64             subtotal;
} Visit;

static const guint payment_weights[2][4] = {
  { 55, 25, 15, 5 },   /* mobile, card, cash, voucher: China */
  { 20, 60, 15, 5 },   /* elsewhere */
};
static const gchar * const payment_words[4] = { "mobile", "card", "cash", "voucher" };

/* -------------------------------------------------------------- arrivals */

static gdouble
draw_exponential (RgDemo  *d,
                  gdouble  rate)
{
  return -log (1.0 - g_rand_double (d->rand)) / rate;
}

/* Minutes after local midnight: lunch peaks at 12:20 (later and wider at
 * weekends), dinner at 19:00. */
static gint64
draw_seated_ms (RgDemo       *d,
                const Event  *e)
{
  GDate day = d->first_day;
  gboolean weekend;
  gdouble minutes;

  g_date_add_days (&day, e->day);
  weekend = g_date_get_weekday (&day) >= G_DATE_SATURDAY;
  if (e->lunch)
    {
      minutes = (weekend ? 765 : 740) + (weekend ? 45 : 35) * _rg_demo_gauss (d);
      minutes = CLAMP (minutes, 660, 885);
    }
  else
    {
      minutes = 1140 + 55 * _rg_demo_gauss (d);
      minutes = CLAMP (minutes, 1020, 1305);
    }
  return d->branches[e->branch].noon_ms[e->day] + (gint64) ((minutes - 720) * RG_DEMO_MS_PER_MIN) +
         (gint64) _rg_demo_pick (d, 60) * 1000;
}

static void
add_event (RgDemo  *d,
           GArray  *events,
           gint32   guest,
           guint    day,
           guint    branch,
           guint    party,
           gboolean lunch)
{
  Event e = {
    .seq = events->len,
    .guest = guest,
    .day = (guint16) day,
    .branch = (guint8) branch,
    .party = (guint8) party,
    .lunch = (guint8) lunch,
  };

  e.seated_ms = draw_seated_ms (d, &e);
  g_array_append_val (events, e);
}

static guint
vary_party (RgDemo *d,
            guint   usual)
{
  gint party = usual;

  if (_rg_demo_chance (d, 0.4))
    party += (gint) _rg_demo_pick (d, 4) - 1;
  return (guint) CLAMP (party, 1, 8);
}

/* Returns how many visits the known guests make. */
static guint
draw_guest_visits (RgDemo *d,
                   GArray *events)
{
  guint before = events->len;

  for (guint i = 0; i < d->options->guests; i++)
    {
      const RgDemoGuest *g = &d->guests[i];
      gdouble rate = g->visits_per_year / 365.25 * d->max_weight / d->mean_weight;

      for (gdouble t = g->start_day + draw_exponential (d, rate); t < d->options->days;
           t += draw_exponential (d, rate))
        {
          guint day = (guint) t;
          guint branch;

          if (!_rg_demo_chance (d, d->day_weight[day] / d->max_weight))
            continue;
          branch = _rg_demo_chance (d, 0.85) ? g->home : _rg_demo_pick (d, d->n_branches);
          add_event (d, events, (gint32) i, day, branch, vary_party (d, g->party),
                     _rg_demo_chance (d, g->lunch_pct / 100.0));
        }
    }
  return events->len - before;
}

static void
draw_walk_ins (RgDemo *d,
               GArray *events,
               guint   guest_visits)
{
  static const guint party_weights[4] = { 20, 45, 20, 15 };
  gdouble per_day = MAX (guest_visits, d->options->days) * WALK_IN_SHARE /
                    d->n_branches / d->options->days / d->mean_weight;

  for (guint day = 0; day < d->options->days; day++)
    for (guint b = 0; b < d->n_branches; b++)
      {
        gdouble mean = per_day * d->day_weight[day];
        gint n = (gint) lround (mean + sqrt (mean) * _rg_demo_gauss (d));

        for (gint k = 0; k < n; k++)
          {
            guint party = 1, target = _rg_demo_pick (d, 100);

            while (party < 4 && target >= party_weights[party - 1])
              target -= party_weights[party++ - 1];
            add_event (d, events, -1, day, b, party, _rg_demo_chance (d, 0.45));
          }
      }
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a;
  const Event *y = b;

  if (x->seated_ms != y->seated_ms)
    return x->seated_ms < y->seated_ms ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ---------------------------------------------------------------- tables */

static gdouble
table_score (const RgDemoTable *t,
             guint              index,
             const Visit       *v)
{
  gdouble score = -(t->seats - (gint) v->event->party);

  if (v->guest != NULL && v->guest->table_pref == (gint32) index)
    score += 20;
  if (v->guest != NULL && v->guest->zone_pref == t->zone)
    score += 8;
  return score;
}

/* The best free table that seats the party; when none is free, the one
 * that frees first (a busy night: the party waits at the bar). */
static guint
choose_table (RgDemo *d,
              Visit  *v)
{
  const RgDemoBranch *branch = &d->branches[v->event->branch];
  gint64 seated = v->event->seated_ms;
  gint best = -1, soonest = -1, biggest = -1;
  gdouble best_score = -G_MAXDOUBLE;

  for (guint i = branch->first_table; i < branch->first_table + branch->n_tables; i++)
    {
      const RgDemoTable *t = &g_array_index (d->tables, RgDemoTable, i);

      if (biggest < 0 || t->seats > g_array_index (d->tables, RgDemoTable, biggest).seats)
        biggest = (gint) i;
      if (t->seats < v->event->party)
        continue;
      if (t->busy_until_ms <= seated)
        {
          gdouble score = table_score (t, i, v);

          if (score > best_score)
            {
              best_score = score;
              best = (gint) i;
            }
        }
      else if (soonest < 0 ||
               t->busy_until_ms < g_array_index (d->tables, RgDemoTable, soonest).busy_until_ms)
        soonest = (gint) i;
    }
  if (best >= 0)
    return (guint) best;
  return (guint) (soonest >= 0 ? soonest : biggest);
}

/* ----------------------------------------------------------------- order */

static gint
find_line (const Visit *v,
           guint        item)
{
  for (guint i = 0; i < v->n_lines; i++)
    if (v->lines[i].item == item)
      return (gint) i;
  return -1;
}

static void
add_line (RgDemo *d,
          Visit  *v,
          guint   item,
          guint   qty,
          guint   course,
          gint64  created_ms)
{
  gint existing = find_line (v, item);
  Line *line;

  if (existing >= 0)
    {
      v->lines[existing].qty += qty;
      return;
    }
  if (v->n_lines == MAX_LINES)
    return;
  line = &v->lines[v->n_lines++];
  line->item = (guint8) item;
  line->qty = (guint8) qty;
  line->course = (guint8) course;
  line->created_ms = created_ms;
  line->voided = _rg_demo_chance (d, 0.006);
}

static gboolean
may_order (RgDemo      *d,
           const Visit *v,
           guint        item)
{
  const RgDemoDish *dish = d->items[item].dish;

  if ((d->items[item].allergens & v->avoid) != 0)
    return FALSE;
  if (v->guest != NULL && v->guest->dislike == item)
    return FALSE;
  return dish->dayparts == 0 || (dish->dayparts & v->daypart) != 0;
}

/* The guest's usual dishes first, then dishes of their tastes, then what
 * everyone orders. */
static guint
draw_food (RgDemo      *d,
           const Visit *v)
{
  static const guint favourite_weights[RG_DEMO_MAX_FAVOURITES] = { 8, 5, 4, 3, 2, 2 };
  gdouble r = g_rand_double (d->rand);

  if (v->guest != NULL && v->guest->n_favourites > 0 && r < 0.55)
    {
      guint total = 0, target;

      for (guint i = 0; i < v->guest->n_favourites; i++)
        total += favourite_weights[i];
      target = _rg_demo_pick (d, total);
      for (guint i = 0; i < v->guest->n_favourites; i++)
        {
          if (target < favourite_weights[i])
            return v->guest->favourites[i];
          target -= favourite_weights[i];
        }
    }
  return _rg_demo_sample_item (d, RG_DEMO_FOOD, r < 0.85 ? v->tastes : 0, v->daypart);
}

static void
draw_course (RgDemo       *d,
             Visit        *v,
             RgDemoCourse  course,
             guint         qty,
             guint         course_number,
             gint64        created_ms)
{
  for (guint tries = 0; tries < 12; tries++)
    {
      guint item = course == RG_DEMO_FOOD
                   ? draw_food (d, v)
                   : _rg_demo_sample_item (d, course, v->tastes, v->daypart);

      if (!may_order (d, v, item))
        continue;
      if (course == RG_DEMO_FOOD && find_line (v, item) >= 0 && !_rg_demo_chance (d, 0.3))
        continue;
      add_line (d, v, item, qty, course_number, created_ms);
      return;
    }
}

static void
draw_order (RgDemo *d,
            Visit  *v)
{
  gint64 seated = v->event->seated_ms;
  guint party = v->event->party;
  gint n_food = (gint) lround (party * 0.75 + 0.5 + 0.6 * _rg_demo_gauss (d));
  guint drinkers = 0;
  gboolean chinese = v->guest != NULL ? v->guest->chinese : _rg_demo_chance (d, 0.6);

  for (guint i = 0; i < MIN (party, 6); i++)
    drinkers += _rg_demo_chance (d, 0.5);
  for (guint i = 0; i < drinkers; i++)
    draw_course (d, v, RG_DEMO_DRINK, 1, 0, seated + (2 + _rg_demo_pick (d, 5)) * RG_DEMO_MS_PER_MIN);

  for (gint i = 0; i < CLAMP (n_food, 1, 10); i++)
    draw_course (d, v, RG_DEMO_FOOD, 1, 1, seated + (5 + _rg_demo_pick (d, 10)) * RG_DEMO_MS_PER_MIN);

  if (_rg_demo_chance (d, chinese ? 0.75 : 0.45))
    {
      guint before = v->n_lines;

      draw_course (d, v, RG_DEMO_STAPLE, 1, 1, seated + (10 + _rg_demo_pick (d, 10)) * RG_DEMO_MS_PER_MIN);
      /* a bowl of rice each, one plate of anything else */
      if (v->n_lines > before && d->items[v->lines[before].item].dish->price < 1000)
        {
          gint bowls = (gint) party - (gint) _rg_demo_pick (d, 2);

          v->lines[before].qty = (guint8) MAX (bowls, 1);
        }
    }

  if (_rg_demo_chance (d, 0.18))
    draw_course (d, v, RG_DEMO_DESSERT, 1 + (party > 3 && _rg_demo_chance (d, 0.4)), 2,
                 v->left_ms - 15 * RG_DEMO_MS_PER_MIN);

  for (guint i = 0; i < v->n_lines; i++)
    if (!v->lines[i].voided)
      v->subtotal += (gint64) v->lines[i].qty * d->items[v->lines[i].item].dish->price;
}

/* ------------------------------------------------------------------ rows */

static gboolean
write_visit_row (RgDemo  *d,
                 Visit   *v,
                 GError **error)
{
  RgStmt *stmt = d->stmt.visit;
  const Event *e = v->event;
  guint children = 0;
  gint64 tip = 0;
  gboolean china = g_strcmp0 (d->country, "CN") == 0;
  guint method = 0, target = _rg_demo_pick (d, 100);

  if (e->party >= 3 && _rg_demo_chance (d, 0.3))
    children = 1 + (e->party >= 5 && _rg_demo_chance (d, 0.4));
  if (v->guest != NULL && v->guest->tips && _rg_demo_chance (d, 0.7))
    tip = v->subtotal * (10 + _rg_demo_pick (d, 9)) / 100 / 100 * 100;
  while (method < 3 && target >= payment_weights[!china][method])
    target -= payment_weights[!china][method++];

  sqlite3_bind_text (stmt, 1, v->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, d->branches[e->branch].id, -1, SQLITE_STATIC);
  _rg_demo_bind_text (stmt, 3, v->guest != NULL ? v->guest->id : NULL);
  sqlite3_bind_text (stmt, 4, v->table->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, e->party);
  sqlite3_bind_int (stmt, 6, (gint) children);
  sqlite3_bind_int64 (stmt, 7, e->seated_ms);
  sqlite3_bind_int64 (stmt, 8, v->left_ms);
  sqlite3_bind_text (stmt, 9, v->server_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, v->subtotal);
  sqlite3_bind_int64 (stmt, 11, tip);
  sqlite3_bind_text (stmt, 12, payment_words[method], -1, SQLITE_STATIC);
  _rg_demo_bind_synced (d, stmt, 13);
  if (!_rg_demo_step (d, stmt, "visits", error))
    return FALSE;

  if (v->companion != NULL)
    {
      RgDemoId id;

      _rg_demo_make_id (d, e->seated_ms, id);
      sqlite3_bind_text (d->stmt.visit_guest, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.visit_guest, 2, v->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (d->stmt.visit_guest, 3, v->companion->id, -1, SQLITE_STATIC);
      _rg_demo_bind_synced (d, d->stmt.visit_guest, 4);
      if (!_rg_demo_step (d, d->stmt.visit_guest, "visit guests", error))
        return FALSE;
    }
  d->counts.visits++;
  d->counts.revenue += v->subtotal;
  return TRUE;
}

static gboolean
write_lines (RgDemo  *d,
             Visit   *v,
             GError **error)
{
  RgStmt *stmt = d->stmt.line;

  for (guint i = 0; i < v->n_lines; i++)
    {
      const Line *line = &v->lines[i];
      const RgDemoItem *item = &d->items[line->item];
      RgDemoId id;

      _rg_demo_make_id (d, line->created_ms, id);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, v->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, item->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, line->qty);
      sqlite3_bind_int (stmt, 5, item->dish->price);
      sqlite3_bind_int (stmt, 6, item->cost);
      if (line->course > 0)
        sqlite3_bind_int (stmt, 7, line->course);
      else
        sqlite3_bind_null (stmt, 7);
      sqlite3_bind_int (stmt, 8, line->voided);
      _rg_demo_bind_text (stmt, 9, line->voided ? _rg_demo_pick_word (d, _rg_demo_void_reasons ()) : NULL);
      sqlite3_bind_text (stmt, 10, v->server_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 11, line->created_ms);
      _rg_demo_bind_synced (d, stmt, 12);
      if (!_rg_demo_step (d, stmt, "order lines", error))
        return FALSE;
    }
  d->counts.lines += v->n_lines;
  return TRUE;
}

static gboolean
write_rating (RgDemo       *d,
              const Visit  *v,
              const gchar  *aspect,
              gint          rating,
              gint          item,
              gboolean      with_comment,
              GError      **error)
{
  RgStmt *stmt = d->stmt.feedback;
  gint64 at = v->left_ms - 3 * RG_DEMO_MS_PER_MIN;
  gboolean chinese = v->guest != NULL ? v->guest->chinese : _rg_demo_chance (d, 0.6);
  const gchar *comment = NULL;
  RgDemoId id;

  rating = CLAMP (rating, 1, 5);
  if (with_comment && rating != 3)
    comment = _rg_demo_pick_word (d, _rg_demo_comments (rating > 3, chinese));

  _rg_demo_make_id (d, at, id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, v->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, v->table->id, -1, SQLITE_STATIC);
  _rg_demo_bind_text (stmt, 4, item >= 0 ? d->items[item].id : NULL);
  _rg_demo_bind_text (stmt, 5, v->guest != NULL ? v->guest->id : NULL);
  sqlite3_bind_text (stmt, 6, aspect, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, rating);
  _rg_demo_bind_text (stmt, 8, comment);
  sqlite3_bind_text (stmt, 9, v->server_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, at);
  _rg_demo_bind_synced (d, stmt, 11);
  if (!_rg_demo_step (d, stmt, "feedback", error))
    return FALSE;
  d->counts.feedback++;
  return TRUE;
}

/* Some guests rate the evening, the food, the service, or a dish; their
 * usual dishes score better. */
static gboolean
write_feedback (RgDemo       *d,
                const Visit  *v,
                GError      **error)
{
  gdouble mood = 4.2 + 0.8 * _rg_demo_gauss (d);
  gint overall = (gint) lround (mood);

  if (!_rg_demo_chance (d, v->guest != NULL ? 0.07 : 0.02))
    return TRUE;
  if (!write_rating (d, v, "overall", overall, -1, _rg_demo_chance (d, 0.4), error))
    return FALSE;
  if (_rg_demo_chance (d, 0.4) &&
      !write_rating (d, v, "food", overall + (gint) _rg_demo_pick (d, 3) - 1, -1, FALSE, error))
    return FALSE;
  if (_rg_demo_chance (d, 0.3) &&
      !write_rating (d, v, "service", overall + (gint) _rg_demo_pick (d, 3) - 1, -1, FALSE, error))
    return FALSE;
  if (_rg_demo_chance (d, 0.1) &&
      !write_rating (d, v, "ambience", overall + (gint) _rg_demo_pick (d, 3) - 1, -1, FALSE, error))
    return FALSE;
  if (v->n_lines > 0 && _rg_demo_chance (d, 0.25))
    {
      guint item = v->lines[_rg_demo_pick (d, v->n_lines)].item;
      gboolean usual = v->guest != NULL && v->guest->n_favourites > 0 &&
                       v->guest->favourites[0] == item;

      if (!write_rating (d, v, "dish", overall + usual, (gint) item, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_event (RgDemo       *d,
             const Event  *e,
             GError      **error)
{
  const RgDemoBranch *branch = &d->branches[e->branch];
  Visit v = { .event = e, .daypart = e->lunch ? RG_DEMO_LUNCH : RG_DEMO_DINNER };
  RgDemoTable *table;
  guint t;
  gdouble minutes;

  if (e->guest >= 0)
    {
      v.guest = &d->guests[e->guest];
      v.avoid = v.guest->allergens;
      v.tastes = v.guest->tastes;
      if (v.guest->link >= 0 && e->party >= 2 && _rg_demo_chance (d, 0.6))
        {
          v.companion = &d->guests[v.guest->link];
          v.avoid |= v.companion->allergens;
        }
    }
  else if (_rg_demo_chance (d, 0.5))
    v.tastes = 1u << _rg_demo_pick (d, RG_DEMO_N_TASTES);

  t = choose_table (d, &v);
  table = &g_array_index (d->tables, RgDemoTable, t);
  v.table = table;
  v.server_id = g_array_index (d->staff, RgDemoId,
                               branch->first_staff + (t - branch->first_table) % branch->n_staff);
  minutes = e->lunch ? 45 + 5 * e->party + 8 * _rg_demo_gauss (d)
                     : 65 + 8 * e->party + 12 * _rg_demo_gauss (d);
  v.left_ms = e->seated_ms + (gint64) (CLAMP (minutes, 40, 120) * RG_DEMO_MS_PER_MIN);
  table->busy_until_ms = MAX (table->busy_until_ms, v.left_ms + TABLE_TURN_MS);

  _rg_demo_make_id (d, e->seated_ms, v.id);
  draw_order (d, &v);
  return write_visit_row (d, &v, error) && write_lines (d, &v, error) &&
         write_feedback (d, &v, error);
}

gboolean
_rg_demo_make_visits (RgDemo  *d,
                      GError **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  guint guest_visits = draw_guest_visits (d, events);

  draw_walk_ins (d, events, guest_visits);
  qsort (events->data, events->len, sizeof (Event), compare_events);

  for (guint i = 0; i < events->len; i++)
    if (!write_event (d, &g_array_index (events, Event, i), error))
      return FALSE;
  return TRUE;
}
