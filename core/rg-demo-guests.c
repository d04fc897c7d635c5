/* rg-demo-guests.c — the demo's guests: who they are, how to reach them,
 * and the habits their visits will follow.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phone and card numbers are unique by construction: the n-th number is an
 * affine permutation (a·n + b mod M, a prime to M) of n, so no number is
 * drawn twice and no lookup of numbers already used is needed.
 */
#include "rg-demo-private.h"

#include <math.h>
#include <string.h>

#include "rg-card.h"

#define PERMUTE_A 1000003u   /* a prime: coprime to every modulus below */
#define CN_MODULUS 1000000000u
#define US_MODULUS 7920000u     /* 792 exchanges (200–999 but N11) × 10 000 lines */
#define GB_MODULUS 100000000u
#define CARD_MODULUS G_GUINT64_CONSTANT (10000000000)

/* How a guest's visits-per-year spread: a Pareto tail, so that most
 * come rarely and a few every week. */
#define RATE_SCALE 0.53
#define RATE_SHAPE 1.3
#define RATE_MAX 120.0

#define JOINED_BEFORE_DAYS 730

typedef struct
{
  guint64 phone_offset;
  guint64 card_offset;
  guint   n_phones;     /* numbers handed out so far */
} Numbers;

static const guint us_areas[] = { 212, 415, 646, 617, 312, 206, 310, 718 };
static const gchar * const link_kinds[] = { "partner", "partner", "family", "friend", "colleague", "referred_by" };
static const gchar * const severities[] = { "mild", "severe", "severe", "anaphylactic" };
static const guint taste_weights[2][RG_DEMO_N_TASTES] = {
  { 12, 20, 12, 10, 15, 8, 20, 8 },    /* western guests */
  { 30, 15, 8, 15, 15, 10, 2, 10 },    /* chinese guests */
};
static const guint allergen_weights[RG_DEMO_N_ALLERGENS] = { 25, 25, 10, 10, 8, 5, 7, 10 };
static const guint zone_weights[RG_DEMO_N_ZONES] = { 0, 35, 30, 15, 8, 12, 0 };

/* ------------------------------------------------------------- drawing */

static guint
pick_weighted (RgDemo      *d,
               const guint *weights,
               guint        n)
{
  guint total = 0, target;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  target = _rg_demo_pick (d, total);
  for (guint i = 0; i < n; i++)
    {
      if (target < weights[i])
        return i;
      target -= weights[i];
    }
  return n - 1;
}

static guint8
draw_party (RgDemo *d)
{
  static const guint weights[8] = { 15, 40, 12, 18, 6, 4, 3, 2 };

  return (guint8) (pick_weighted (d, weights, 8) + 1);
}

static gboolean
is_favourite (const RgDemoGuest *g,
              guint              item)
{
  for (guint i = 0; i < g->n_favourites; i++)
    if (g->favourites[i] == item)
      return TRUE;
  return FALSE;
}

/* Three to six dishes the guest keeps coming back for, none they cannot eat. */
static void
draw_favourites (RgDemo      *d,
                 RgDemoGuest *g)
{
  guint wanted = 3 + _rg_demo_pick (d, 4);

  for (guint tries = 0; tries < 40 && g->n_favourites < wanted; tries++)
    {
      guint item = _rg_demo_sample_item (d, RG_DEMO_FOOD, g->tastes, 0);

      if ((d->items[item].allergens & g->allergens) == 0 && !is_favourite (g, item))
        g->favourites[g->n_favourites++] = (guint8) item;
    }
}

static void
draw_habits (RgDemo      *d,
             RgDemoGuest *g,
             guint        index,
             gint64       created_ms)
{
  guint n_tastes = 1 + _rg_demo_chance (d, 0.5);
  gdouble u = g_rand_double (d->rand);

  g->visits_per_year = (gfloat) MIN (RATE_MAX, RATE_SCALE / pow (1.0 - u, 1.0 / RATE_SHAPE));
  g->home = (guint8) _rg_demo_pick (d, d->n_branches);
  g->start_day = created_ms < d->start_ms
                 ? 0 : (guint16) ((created_ms - d->start_ms) / RG_DEMO_MS_PER_DAY);
  g->party = draw_party (d);
  g->lunch_pct = (guint8) (20 + _rg_demo_pick (d, 56));
  for (guint i = 0; i < n_tastes; i++)
    g->tastes |= 1u << pick_weighted (d, taste_weights[g->chinese], RG_DEMO_N_TASTES);
  if (_rg_demo_chance (d, 0.08))
    g->allergens |= 1u << pick_weighted (d, allergen_weights, RG_DEMO_N_ALLERGENS);
  if (_rg_demo_chance (d, 0.01))
    g->allergens |= 1u << pick_weighted (d, allergen_weights, RG_DEMO_N_ALLERGENS);
  draw_favourites (d, g);

  g->dislike = RG_DEMO_NONE;
  if (_rg_demo_chance (d, 0.08))
    {
      guint item = _rg_demo_sample_item (d, RG_DEMO_FOOD, 0, 0);

      if (!is_favourite (g, item))
        g->dislike = (guint8) item;
    }

  g->zone_pref = _rg_demo_chance (d, 0.35)
                 ? (guint8) pick_weighted (d, zone_weights, RG_DEMO_N_ZONES) : RG_DEMO_NONE;
  g->table_pref = -1;
  if (_rg_demo_chance (d, 0.05))
    {
      const RgDemoBranch *home = &d->branches[g->home];

      g->table_pref = (gint32) (home->first_table + _rg_demo_pick (d, home->n_tables));
    }
  g->tips = _rg_demo_chance (d, g->chinese ? 0.1 : 0.6);
  g->link = index > 0 && _rg_demo_chance (d, 0.04) ? (gint32) _rg_demo_pick (d, index) : -1;
}

/* ---------------------------------------------------------------- rows */

static gchar *
draw_date (RgDemo *d,
           guint   first_year,
           guint   years)
{
  guint month = 1 + _rg_demo_pick (d, 12);
  guint day = 1 + _rg_demo_pick (d, 28);

  return g_strdup_printf ("%04u-%02u-%02u", first_year + _rg_demo_pick (d, years), month, day);
}

static gchar *
draw_birthday (RgDemo *d)
{
  gdouble r = g_rand_double (d->rand);
  gchar *date;

  if (r >= 0.82)
    return NULL;
  date = draw_date (d, 1950, 56);
  if (r < 0.12)
    {
      /* the year is not known: --MM-DD */
      date[0] = date[1] = '-';
      memmove (date + 2, date + 4, strlen (date + 4) + 1);
    }
  return date;
}

static void
draw_name (RgDemo       *d,
           RgDemoGuest  *g,
           gboolean      female,
           gchar       **name,
           gchar       **family)
{
  if (g->chinese)
    {
      guint n_family, n_given;
      const RgDemoHanName *families = _rg_demo_han_family_names (&n_family);
      const RgDemoHanName *givens = _rg_demo_han_given_names (female, &n_given);
      const RgDemoHanName *f = &families[_rg_demo_pick (d, n_family)];
      const RgDemoHanName *v = &givens[_rg_demo_pick (d, n_given)];

      if (_rg_demo_chance (d, 0.85))
        {
          *name = g_strconcat (f->hanzi, v->hanzi, NULL);
          *family = g_strdup (f->hanzi);
        }
      else
        {
          *name = g_strconcat (v->pinyin, " ", f->pinyin, NULL);
          *family = g_strdup (f->pinyin);
        }
    }
  else
    {
      const gchar *given = _rg_demo_pick_word (d, _rg_demo_western_given_names (female));

      *family = g_strdup (_rg_demo_pick_word (d, _rg_demo_western_family_names ()));
      *name = g_strconcat (given, " ", *family, NULL);
    }
}

static const gchar *
draw_phone_country (RgDemo *d)
{
  static const gchar * const countries[] = { "CN", "US", "GB" };
  const gchar *home = "CN";
  guint other;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_strcmp0 (d->country, countries[i]) == 0)
      home = countries[i];
  if (_rg_demo_chance (d, 0.88))
    return home;
  do
    other = _rg_demo_pick (d, G_N_ELEMENTS (countries));
  while (countries[other] == home);
  return countries[other];
}

/* The n-th number of its country, different from every other n-th. */
static void
format_phone (const gchar *country,
              guint64      n,
              guint64      offset,
              gchar       *out,
              gsize        size)
{
  if (strcmp (country, "US") == 0)
    {
      guint64 j = (PERMUTE_A * n + offset) % US_MODULUS;
      guint k = (guint) (j / 10000), hundred = k / 99, rest = k % 99;
      guint exchange = 200 + hundred * 100 + (rest >= 11 ? rest + 1 : rest);

      g_snprintf (out, size, "+1%03u%03u%04u", us_areas[n % G_N_ELEMENTS (us_areas)],
                  exchange, (guint) (j % 10000));
    }
  else if (strcmp (country, "GB") == 0)
    g_snprintf (out, size, "+4479%08u", (guint) ((PERMUTE_A * n + offset) % GB_MODULUS));
  else
    g_snprintf (out, size, "+861%c%09u", "3456789"[n % 7],
                (guint) ((PERMUTE_A * n + offset) % CN_MODULUS));
}

static gboolean
write_phone (RgDemo             *d,
             Numbers            *numbers,
             const RgDemoGuest  *g,
             gint64              created_ms,
             const gchar        *label,
             GError            **error)
{
  RgStmt *stmt = d->stmt.phone;
  RgDemoId id;
  gchar e164[20];
  gchar reversed[20];
  gsize len, o = 0;

  format_phone (draw_phone_country (d), numbers->n_phones++, numbers->phone_offset,
                e164, sizeof e164);
  len = strlen (e164);
  for (gsize i = len; i > 1; i--)
    reversed[o++] = e164[i - 1];
  reversed[o] = '\0';

  _rg_demo_make_id (d, created_ms, id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, e164, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reversed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, label, -1, SQLITE_STATIC);
  _rg_demo_bind_synced (d, stmt, 6);
  if (!_rg_demo_step (d, stmt, "phones", error))
    return FALSE;
  d->counts.phones += sqlite3_changes (rg_db_get_handle (d->db));
  return TRUE;
}

static gboolean
write_card (RgDemo             *d,
            const Numbers      *numbers,
            const RgDemoGuest  *g,
            guint               index,
            gint64              issued_ms,
            GError            **error)
{
  RgStmt *stmt = d->stmt.card;
  RgDemoId id;
  gchar number[RG_CARD_DIGITS + 1];
  guint sum = 0;

  g_snprintf (number, sizeof number, "8%010" G_GUINT64_FORMAT,
              (PERMUTE_A * (guint64) index + numbers->card_offset) % CARD_MODULUS);
  /* Luhn: double every second digit from the right of the payload */
  for (gint i = RG_CARD_DIGITS - 2, k = 0; i >= 0; i--, k++)
    {
      guint digit = (guint) (number[i] - '0');

      if (k % 2 == 0)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
  number[RG_CARD_DIGITS - 1] = (gchar) ('0' + (10 - sum % 10) % 10);
  number[RG_CARD_DIGITS] = '\0';

  _rg_demo_make_id (d, issued_ms, id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, issued_ms);
  _rg_demo_bind_synced (d, stmt, 5);
  if (!_rg_demo_step (d, stmt, "member cards", error))
    return FALSE;
  d->counts.cards++;
  return TRUE;
}

/* One row of a facet table: (id, guest_id, word, [extra]), hlc after. */
static gboolean
write_facet (RgDemo             *d,
             RgStmt             *stmt,
             const RgDemoGuest  *g,
             gint64              made_ms,
             const gchar        *word,
             const gchar        *extra,
             const gchar        *doing,
             GError            **error)
{
  RgDemoId id;
  int next = 4;

  _rg_demo_make_id (d, made_ms, id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, word, -1, SQLITE_STATIC);
  if (extra != NULL)
    sqlite3_bind_text (stmt, next++, extra, -1, SQLITE_STATIC);
  _rg_demo_bind_synced (d, stmt, next);
  return _rg_demo_step (d, stmt, doing, error);
}

static gboolean
write_seating (RgDemo             *d,
               const RgDemoGuest  *g,
               gint64              made_ms,
               const gchar        *kind,
               const gchar        *value,
               gdouble             weight,
               GError            **error)
{
  RgStmt *stmt = d->stmt.seating;
  RgDemoId id;

  _rg_demo_make_id (d, made_ms, id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, value, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 5, weight);
  _rg_demo_bind_synced (d, stmt, 6);
  return _rg_demo_step (d, stmt, "seating preferences", error);
}

static gboolean
write_dish_pref (RgDemo             *d,
                 const RgDemoGuest  *g,
                 gint64              made_ms,
                 guint               item,
                 const gchar        *pref,
                 const gchar        *note,
                 GError            **error)
{
  RgStmt *stmt = d->stmt.dish_pref;
  RgDemoId id;

  _rg_demo_make_id (d, made_ms, id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, d->items[item].id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pref, -1, SQLITE_STATIC);
  _rg_demo_bind_text (stmt, 5, note);
  _rg_demo_bind_synced (d, stmt, 6);
  return _rg_demo_step (d, stmt, "dish preferences", error);
}

/* What the staff noted about the guest: tastes, allergies, seating, dishes. */
static gboolean
write_facets (RgDemo             *d,
              const RgDemoGuest  *g,
              gint64              made_ms,
              GError            **error)
{
  gboolean noted_tastes = _rg_demo_chance (d, 0.6);

  for (guint bit = 0; bit < RG_DEMO_N_TASTES; bit++)
    if (noted_tastes && (g->tastes & (1u << bit)) != 0 &&
        !write_facet (d, d->stmt.tag, g, made_ms, _rg_demo_taste_word (bit), NULL, "tags", error))
      return FALSE;
  if (!g->chinese && _rg_demo_chance (d, 0.1) &&
      !write_facet (d, d->stmt.tag, g, made_ms, "wine", NULL, "tags", error))
    return FALSE;
  if (g->party >= 4 && _rg_demo_chance (d, 0.25) &&
      !write_facet (d, d->stmt.tag, g, made_ms, "kids", NULL, "tags", error))
    return FALSE;

  for (guint bit = 0; bit < RG_DEMO_N_ALLERGENS; bit++)
    if ((g->allergens & (1u << bit)) != 0 &&
        !write_facet (d, d->stmt.allergy, g, made_ms, _rg_demo_allergen_word (bit),
                      severities[_rg_demo_pick (d, G_N_ELEMENTS (severities))], "allergies", error))
      return FALSE;

  if (g->zone_pref != RG_DEMO_NONE &&
      !write_seating (d, g, made_ms, "zone", _rg_demo_zone_kind (g->zone_pref),
                      1.0 + _rg_demo_pick (d, 3), error))
    return FALSE;
  if (g->table_pref >= 0 &&
      !write_seating (d, g, made_ms, "table",
                      g_array_index (d->tables, RgDemoTable, g->table_pref).id, 2.0, error))
    return FALSE;
  if (g->party >= 4 && _rg_demo_chance (d, 0.1) &&
      !write_seating (d, g, made_ms, "feature", "high-chair", 1.0, error))
    return FALSE;

  if (g->n_favourites > 0 && _rg_demo_chance (d, 0.25) &&
      !write_dish_pref (d, g, made_ms, g->favourites[0], "like", NULL, error))
    return FALSE;
  if (g->dislike != RG_DEMO_NONE &&
      !write_dish_pref (d, g, made_ms, g->dislike, "dislike", "too oily", error))
    return FALSE;
  return TRUE;
}

/* Guests join one after the other, evenly over the two years before the
 * history and the history itself, so that ids (and the indexes keyed by
 * them) grow in order.  One who joins during the history does so early on
 * the day (midnight UTC to 1 am), before any service, and may come from
 * that day on. */
static gint64
join_ms (RgDemo *d,
         guint   index)
{
  gint64 first = d->start_ms - JOINED_BEFORE_DAYS * RG_DEMO_MS_PER_DAY;
  gint64 span = (JOINED_BEFORE_DAYS + (gint64) d->options->days) * RG_DEMO_MS_PER_DAY;
  gint64 at = first + (gint64) ((index + g_rand_double (d->rand)) / d->options->guests * span);
  gint64 day;

  if (at < d->start_ms)
    return at;
  day = (at - d->start_ms) / RG_DEMO_MS_PER_DAY;
  return d->start_ms + day * RG_DEMO_MS_PER_DAY +
         (at - d->start_ms - day * RG_DEMO_MS_PER_DAY) / 24;
}

static gboolean
write_guest (RgDemo       *d,
             Numbers      *numbers,
             RgDemoGuest  *g,
             guint         index,
             gint64       created_ms,
             GError      **error)
{
  RgStmt *stmt = d->stmt.guest;
  gboolean female = _rg_demo_chance (d, 0.5);
  g_autofree gchar *name = NULL;
  g_autofree gchar *family = NULL;
  g_autofree gchar *birthday = draw_birthday (d);
  g_autofree gchar *anniversary = _rg_demo_chance (d, 0.08) ? draw_date (d, 1985, 38) : NULL;
  const gchar *notes = _rg_demo_chance (d, 0.03) ? _rg_demo_pick_word (d, _rg_demo_guest_notes ()) : "";
  gboolean vip = _rg_demo_chance (d, g->visits_per_year > 30 ? 0.4 : 0.005);
  gdouble phones = g_rand_double (d->rand);

  draw_name (d, g, female, &name, &family);
  _rg_demo_make_id (d, created_ms, g->id);

  sqlite3_bind_text (stmt, 1, g->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, family, -1, SQLITE_STATIC);
  _rg_demo_bind_text (stmt, 4, _rg_demo_chance (d, 0.92) ? (female ? "female" : "male") : NULL);
  _rg_demo_bind_text (stmt, 5, birthday);
  _rg_demo_bind_text (stmt, 6, anniversary);
  sqlite3_bind_text (stmt, 7, g->chinese ? "zh-CN" : "en", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, vip);
  sqlite3_bind_text (stmt, 9, notes, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, _rg_demo_chance (d, 0.45));
  sqlite3_bind_int64 (stmt, 11, created_ms);
  _rg_demo_bind_synced (d, stmt, 12);
  if (!_rg_demo_step (d, stmt, "guests", error))
    return FALSE;
  d->counts.guests++;

  if (phones >= 0.04 && !write_phone (d, numbers, g, created_ms, "mobile", error))
    return FALSE;
  if (phones >= 0.96 && !write_phone (d, numbers, g, created_ms, "work", error))
    return FALSE;
  if (_rg_demo_chance (d, g->visits_per_year > 6 ? 0.8 : 0.25) &&
      !write_card (d, numbers, g, index, created_ms + RG_DEMO_MS_PER_MIN, error))
    return FALSE;
  return write_facets (d, g, created_ms, error);
}

static gboolean
write_links (RgDemo  *d,
             GError **error)
{
  RgStmt *stmt = d->stmt.link;

  for (guint i = 0; i < d->options->guests; i++)
    {
      const RgDemoGuest *g = &d->guests[i];
      RgDemoId id;

      if (g->link < 0)
        continue;
      _rg_demo_make_id (d, d->start_ms, id);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, d->guests[g->link].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, link_kinds[_rg_demo_pick (d, G_N_ELEMENTS (link_kinds))],
                         -1, SQLITE_STATIC);
      _rg_demo_bind_synced (d, stmt, 5);
      if (!_rg_demo_step (d, stmt, "links between guests", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_rg_demo_make_guests (RgDemo  *d,
                      GError **error)
{
  gdouble chinese_share = g_strcmp0 (d->country, "CN") == 0 ? 0.8 : 0.3;
  Numbers numbers = {
    .phone_offset = g_rand_int (d->rand),
    .card_offset = ((guint64) g_rand_int (d->rand) << 32 | g_rand_int (d->rand)) % CARD_MODULUS,
  };

  d->guests = g_new0 (RgDemoGuest, MAX (d->options->guests, 1));
  for (guint i = 0; i < d->options->guests; i++)
    {
      RgDemoGuest *g = &d->guests[i];

      gint64 created_ms = join_ms (d, i);

      g->chinese = _rg_demo_chance (d, chinese_share);
      draw_habits (d, g, i, created_ms);
      if (!write_guest (d, &numbers, g, i, created_ms, error))
        return FALSE;
    }
  return write_links (d, error);
}
