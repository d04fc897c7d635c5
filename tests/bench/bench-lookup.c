/* bench-lookup.c — recognition at the door on a large database: lookup by
 * full phone, last four digits, member card and name prefix, each through
 * the core and as the bare prepared SQLite statement that answers it on the
 * same file, so the core's overhead reads as a ratio.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-lookup --db /tmp/bench-1m.db [--guests 1000000] [--queries 10000] [--kind K]
 *
 * The database is made with the demo generator when it has no guests.
 */
#include <locale.h>

#include "rg-bench-util.h"
#include "rg-demo.h"
#include "rg-guest-lookup.h"
#include "rg-phone.h"
#include "rg-text.h"

#define PAGE 20

typedef enum {
  KIND_PHONE,
  KIND_SUFFIX,
  KIND_CARD,
  KIND_NAME,
  N_KINDS
} Kind;

static const gchar *kind_names[N_KINDS] = { "phone", "suffix", "card", "name" };

static const gchar *kind_labels[N_KINDS] = {
  "full phone", "last 4 digits", "member card", "name prefix",
};

/* The bare statement for each kind: the query the core runs for it, with
 * the same columns (who, name, visits, last seen, the number to show), so
 * the ratio is what the core adds around SQLite. */
#define COLUMNS "g.id, g.name, g.vip, s.visit_count, s.last_visit_ms, s.total_spend"
#define FIRST_PHONE "(SELECT p.e164 FROM guest_phone p WHERE p.guest_id = g.id AND p.deleted = 0 ORDER BY p.rowid LIMIT 1)"
static const gchar *bare_sql[N_KINDS] = {
  "SELECT " COLUMNS ", p.e164 FROM guest_phone p JOIN guest g ON g.id = p.guest_id "
  "LEFT JOIN local_guest_stats s ON s.guest_id = g.id WHERE p.e164 = ?1 AND p.deleted = 0",

  "WITH page AS (SELECT p.guest_id AS id, min (p.e164) AS e164, max (k.fts_rowid) AS recency "
  "  FROM guest_phone p JOIN local_guest_key k ON k.guest_id = p.guest_id "
  "  WHERE p.digits_rev >= ?1 AND p.digits_rev < ?1 || ':' AND p.deleted = 0 "
  "  GROUP BY p.guest_id ORDER BY recency DESC LIMIT 20) "
  "SELECT " COLUMNS ", page.e164 FROM page JOIN guest g ON g.id = page.id "
  "LEFT JOIN local_guest_stats s ON s.guest_id = g.id ORDER BY page.recency DESC",

  "SELECT " COLUMNS ", " FIRST_PHONE " FROM member_card c JOIN guest g ON g.id = c.guest_id "
  "LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
  "WHERE c.number = ?1 AND c.deleted = 0 AND c.revoked_ms IS NULL",

  "WITH page AS (SELECT f.rowid AS recency, k.guest_id AS id FROM guest_name_fts f "
  "  JOIN local_guest_key k ON k.fts_rowid = f.rowid "
  "  WHERE guest_name_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT 20) "
  "SELECT " COLUMNS ", " FIRST_PHONE " FROM page JOIN guest g ON g.id = page.id "
  "LEFT JOIN local_guest_stats s ON s.guest_id = g.id ORDER BY page.recency DESC",
};

typedef struct
{
  gchar *typed;   /* what the host types */
  gchar *bound;   /* what the bare statement binds */
} Query;

static void
query_clear (Query *q)
{
  g_free (q->typed);
  g_free (q->bound);
}

/* The phone as a person might type it: national digits with spaces or
 * dashes, or international. */
static gchar *
retype_phone (const gchar *e164,
              GRand       *rand)
{
  g_autofree gchar *formatted = rg_phone_format (e164);

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      return g_strdup (e164);
    case 1:
      return g_strdelimit (g_steal_pointer (&formatted), " ", '-');
    default:
      return g_steal_pointer (&formatted);
    }
}

static gchar *
name_prefix (const gchar *name)
{
  g_autofree gchar *tokens = rg_text_fold_tokens (name);
  g_auto(GStrv) words = g_strsplit (tokens, " ", -1);
  const gchar *word = words[0] != NULL ? words[0] : "";
  /* three letters of a Latin name; the family character of a Chinese one */
  glong take = g_utf8_get_char (word) < 0x2e80 ? 3 : 1;

  return g_utf8_substring (word, 0, MIN (g_utf8_strlen (word, -1), take));
}

static GArray *
draw_queries (RgDb   *db,
              Kind    kind,
              guint   n,
              GRand  *rand)
{
  static const gchar *pick_sql[N_KINDS] = {
    "SELECT e164 FROM guest_phone WHERE deleted = 0 AND rowid >= ?1 ORDER BY rowid LIMIT 1",
    "SELECT e164 FROM guest_phone WHERE deleted = 0 AND rowid >= ?1 ORDER BY rowid LIMIT 1",
    "SELECT number FROM member_card WHERE revoked_ms IS NULL AND rowid >= ?1 ORDER BY rowid LIMIT 1",
    "SELECT name FROM guest WHERE deleted = 0 AND merged_into IS NULL AND rowid >= ?1 ORDER BY rowid LIMIT 1",
  };
  static const gchar *max_sql[N_KINDS] = {
    "SELECT max (rowid) FROM guest_phone",
    "SELECT max (rowid) FROM guest_phone",
    "SELECT max (rowid) FROM member_card",
    "SELECT max (rowid) FROM guest",
  };
  GArray *queries = g_array_sized_new (FALSE, TRUE, sizeof (Query), n);
  g_autoptr(GError) error = NULL;
  gint64 max_rowid;

  g_array_set_clear_func (queries, (GDestroyNotify) query_clear);
  {
    g_autoptr(RgStmt) stmt = rg_db_prepare (db, max_sql[kind], &error);

    g_assert_no_error (error);
    sqlite3_step (stmt);
    max_rowid = sqlite3_column_int64 (stmt, 0);
  }
  if (max_rowid == 0)
    return queries;

  while (queries->len < n)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, pick_sql[kind], &error);
      const gchar *value;
      Query q = { NULL, NULL };

      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) MIN (max_rowid, G_MAXINT32 - 1) + 1));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      value = (const gchar *) sqlite3_column_text (stmt, 0);

      switch (kind)
        {
        case KIND_PHONE:
          q.typed = retype_phone (value, rand);
          q.bound = g_strdup (value);
          break;
        case KIND_SUFFIX:
          {
            g_autofree gchar *reversed = rg_phone_digits_reversed (value);

            q.bound = g_strndup (reversed, 4);
            q.typed = g_strreverse (g_strdup (q.bound));
          }
          break;
        case KIND_CARD:
          q.typed = g_strdup (value);
          q.bound = g_strdup (value);
          break;
        case KIND_NAME:
        case N_KINDS:
        default:
          q.typed = name_prefix (value);
          q.bound = rg_text_fold_query (q.typed);
          break;
        }
      if (q.bound == NULL)
        {
          query_clear (&q);
          continue;
        }
      g_array_append_val (queries, q);
    }
  return queries;
}

static GListModel *
core_lookup (RgDb         *db,
             Kind          kind,
             const gchar  *typed,
             GError      **error)
{
  switch (kind)
    {
    case KIND_PHONE:
      return rg_guest_lookup_phone (db, typed, error);
    case KIND_SUFFIX:
      return rg_guest_lookup_phone_suffix (db, typed, 0, PAGE, error);
    case KIND_CARD:
      return rg_guest_lookup_card (db, typed, error);
    case KIND_NAME:
    case N_KINDS:
    default:
      return rg_guest_lookup_name (db, typed, 0, PAGE, error);
    }
}

/* Returns whether the core found a guest. */
static gboolean
time_core (RgDb           *db,
           Kind            kind,
           const Query    *q,
           RgBenchSamples *samples)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) matches = NULL;
  gint64 t0 = rg_bench_now_ns ();

  matches = core_lookup (db, kind, q->typed, &error);
  rg_bench_samples_add (samples, rg_bench_now_ns () - t0);
  g_assert_no_error (error);
  return g_list_model_get_n_items (matches) > 0;
}

static void
time_bare (RgDb           *db,
           Kind            kind,
           const Query    *q,
           RgBenchSamples *samples)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, bare_sql[kind], &error);
  gint64 t0;

  g_assert_no_error (error);
  t0 = rg_bench_now_ns ();
  sqlite3_bind_text (stmt, 1, q->bound, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  rg_bench_samples_add (samples, rg_bench_now_ns () - t0);
}

static void
run_kind (RgDb  *db,
          Kind   kind,
          guint  n,
          GRand *rand)
{
  g_autoptr(GArray) queries = draw_queries (db, kind, n, rand);
  g_autoptr(RgBenchSamples) core = rg_bench_samples_new (n);
  g_autoptr(RgBenchSamples) bare = rg_bench_samples_new (n);
  g_autofree gchar *core_label = g_strdup_printf ("%s, core", kind_labels[kind]);
  g_autofree gchar *bare_label = g_strdup_printf ("%s, bare SQLite", kind_labels[kind]);
  guint found = 0;

  if (queries->len == 0)
    {
      g_print ("%-34s no data\n", kind_labels[kind]);
      return;
    }

  /* The same query runs through the core and as the bare statement; which
   * goes first alternates, so neither always finds the pages the other just
   * read. */
  for (guint i = 0; i < queries->len; i++)
    {
      Query *q = &g_array_index (queries, Query, i);

      if (i % 2 == 0)
        found += time_core (db, kind, q, core);
      time_bare (db, kind, q, bare);
      if (i % 2 == 1)
        found += time_core (db, kind, q, core);
    }

  rg_bench_samples_print_us (core, core_label);
  rg_bench_samples_print_us (bare, bare_label);
  g_print ("%-34s median %.2f×  p99 %.2f×  (found %u of %u)\n\n", "  core / bare",
           (gdouble) rg_bench_samples_quantile (core, 0.5) / MAX (rg_bench_samples_quantile (bare, 0.5), 1),
           (gdouble) rg_bench_samples_quantile (core, 0.99) / MAX (rg_bench_samples_quantile (bare, 0.99), 1),
           found, queries->len);
}

static gboolean
ensure_guests (RgDb     *db,
               guint     guests,
               GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT count(*) FROM guest", error);
  RgDemoOptions options = { .guests = guests, .days = 60, .branches = 1, .seed = 7,
                            .last_day = "2026-10-31" };
  RgDemoCounts counts;
  gint64 t0;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "counting guests");
  if (sqlite3_column_int64 (stmt, 0) > 0)
    return TRUE;
  rg_stmt_release (stmt);

  g_print ("making %u demo guests…\n", guests);
  t0 = rg_bench_now_ns ();
  if (!rg_demo_generate (db, &options, &counts, error))
    return FALSE;
  g_print ("demo: %u guests, %u visits, %u lines in %.1f s\n\n", counts.guests,
           counts.visits, counts.lines, (rg_bench_now_ns () - t0) / 1e9);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree gchar *path = NULL;
  gint guests = 1000000;
  gint queries = 10000;
  g_autofree gchar *only = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database file (made if it has no guests)", "PATH" },
    { "guests", 0, 0, G_OPTION_ARG_INT, &guests, "Guests to generate", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &queries, "Random queries per kind", "N" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &only, "Only this kind: phone, suffix, card or name", "KIND" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— lookup benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDb) db = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || guests <= 0 || queries <= 0)
    {
      g_printerr ("usage: bench-lookup --db PATH [--guests N] [--queries N]%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return 2;
    }

  db = rg_db_open (path, &error);
  if (db == NULL || !ensure_guests (db, (guint) guests, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  g_print ("lookup on %s, %d random queries per kind\n\n", path, queries);
  for (Kind kind = 0; kind < N_KINDS; kind++)
    if (only == NULL || g_str_equal (only, kind_names[kind]))
      run_kind (db, kind, (guint) queries, rand);
  return 0;
}
