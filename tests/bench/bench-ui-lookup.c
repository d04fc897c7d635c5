/* bench-ui-lookup.c — from a keystroke in the host's search field to the
 * result list drawn, in the real window on a large database.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1280x1280x24" \
 *     bench-ui-lookup --db /tmp/bench-100k.db [--guests 100000] [--queries 30] [--trace] [--cards]
 *
 * The window is the app's own (RgWindow on a session of the first staff
 * member), 1280×800.  Each query (a phone number as printed or as +E.164,
 * the last four digits of one, a member card, the first letters of a
 * name) is typed one character at a time into the search field, the way a
 * key press inserts it, with a pause between keys as a person types.  A keystroke is timed
 * from the insertion to the first frame painted after the page's results
 * changed (its "results" property notified, then the frame clock's
 * "after-paint"); the time to the model alone is printed beside it.  A
 * whole phone number or card opens the guest card at once, so the
 * keystrokes that open it are counted apart.  Last, the card itself: a guest chosen in the
 * list (the page's "guest-activated") to the card drawn.  The database is
 * made with the demo generator when it has no guests.
 *
 * Beside wall time, each keystroke's CPU time: the main thread's (model
 * update, rows, the frame) and the rest of the process's, which is the
 * page's lookup thread when GTK draws on the main thread (GSK_RENDERER=cairo,
 * set here unless given), so a loaded machine's waits do not count.
 *
 * --cards types member card numbers too.  Their first digits find a lone
 * guest by the last digits, whose card the window fills beside the list,
 * so their keystrokes also time the card's layout (a card with a long
 * history takes a few hundred ms of main-thread CPU to lay out).
 *
 * --trace prints a line per keystroke: the frames begun in the pause
 * before it, when the model changed, when each frame after it began.  A
 * frame clock that ticks while nobody types (an animation, even one of a
 * hidden widget, or the blinking cursor) paints a keystroke on its next
 * tick, up to a frame later, whatever the lookup costs.
 */
#include <adwaita.h>
#include <locale.h>
#include <time.h>

#include "rg-bench-util.h"
#include "rg-db.h"
#include "rg-demo.h"
#include "rg-lookup-page.h"
#include "rg-match-row.h"
#include "rg-phone.h"
#include "rg-text.h"
#include "rg-window.h"

#define KEY_GAP_MS   80     /* between two keys, a fast typist */
#define WAIT_MS    2000     /* a keystroke not answered by then is a miss */

typedef enum {
  KIND_PHONE,
  KIND_E164,
  KIND_SUFFIX,
  KIND_CARD,
  KIND_NAME,
  N_KINDS
} Kind;

static const gchar *kind_labels[N_KINDS] = {
  "full phone", "phone as +E.164", "last 4 digits", "member card", "name"
};

typedef struct
{
  RgLookupPage  *page;
  GdkFrameClock *clock;
  gint64         typed_ns;
  gint64         model_ns;     /* 0 until the results change */
  gint64         begin_ns;     /* the frame that shows them begins */
  gint64         laid_out_ns;  /* … its layout phase is over */
  gint64         painted_ns;   /* … painted; 0 until then */
  gboolean       opened_card;  /* the answer opened a guest card */
  gint64         main_cpu_ns;  /* CPU clocks at the insertion */
  gint64         all_cpu_ns;
  GArray        *frames;       /* the start of every frame, ns */
  gboolean       trace;        /* print each keystroke's timeline */
} Keystroke;

/* Where the time of a keystroke goes, summed over all kinds. */
typedef struct
{
  RgBenchSamples *painted;
  RgBenchSamples *to_frame;    /* model changed to the frame's start */
  RgBenchSamples *layout;      /* the frame's start to its layout done */
  RgBenchSamples *drawing;     /* layout done to painted */
  RgBenchSamples *frame;       /* the frame: style, layout, drawing */
} Breakdown;

/* --------------------------------------------------------------- helpers */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Rows of the list on screen that show a guest not among the page's
 * results: a row kept from an earlier answer and not filled again (a
 * hidden list, as when nobody matches, draws none). */
static guint
count_stale_rows (RgLookupPage *page)
{
  GListModel *results = rg_lookup_page_get_results (page);
  GtkWidget *view = find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);
  guint n = g_list_model_get_n_items (results);
  guint stale = 0;

  if (!gtk_widget_get_mapped (view))
    return 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_widget (child, RG_TYPE_MATCH_ROW);
      RgGuestMatch *match = row != NULL ? rg_match_row_get_match (RG_MATCH_ROW (row)) : NULL;
      gboolean found = FALSE;

      for (guint i = 0; match != NULL && i < n && !found; i++)
        {
          g_autoptr(RgGuestMatch) item = g_list_model_get_item (results, i);

          found = item == match;
        }
      stale += match != NULL && !found;
    }
  return stale;
}

static gint64
cpu_ns (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }
}

static gchar *
query_text (RgDb        *db,
            const gchar *sql,
            gint64       rowid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
}

/* What the host types for a random guest: the number as printed
 * ("+86 138 0013 8000"), the same without spaces, the last four digits, a
 * member card number, or the first word of the name (up to five letters;
 * two characters of a Chinese name). */
static gchar *
draw_query (RgDb  *db,
            Kind   kind,
            GRand *rand)
{
  g_autofree gchar *value = NULL;

  if (kind == KIND_NAME)
    {
      g_autofree gchar *tokens = NULL;
      g_auto(GStrv) words = NULL;

      value = query_text (db, "SELECT name FROM guest WHERE rowid >= ?1 AND deleted = 0 ORDER BY rowid LIMIT 1",
                          g_rand_int_range (rand, 1, 100000));
      if (value == NULL)
        return NULL;
      tokens = rg_text_fold_tokens (value);
      words = g_strsplit (tokens, " ", -1);
      if (words[0] == NULL)
        return NULL;
      return g_utf8_substring (words[0], 0, MIN (g_utf8_strlen (words[0], -1),
                                                 g_utf8_get_char (words[0]) < 0x2e80 ? 5 : 2));
    }

  if (kind == KIND_CARD)
    return query_text (db, "SELECT number FROM member_card WHERE deleted = 0 AND revoked_ms IS NULL "
                           "LIMIT 1 OFFSET ?1 % (SELECT count(*) FROM member_card WHERE deleted = 0 AND revoked_ms IS NULL)",
                       g_rand_int_range (rand, 0, 100000));

  value = query_text (db, "SELECT e164 FROM guest_phone WHERE rowid >= ?1 AND deleted = 0 ORDER BY rowid LIMIT 1",
                      g_rand_int_range (rand, 1, 100000));
  if (value == NULL)
    return NULL;
  if (kind == KIND_SUFFIX)
    return g_strdup (value + strlen (value) - 4);
  if (kind == KIND_E164)
    return g_steal_pointer (&value);
  return rg_phone_format (value);
}

/* ------------------------------------------------------------- callbacks */

static void
on_page_notify_results_cb (GObject    *object,
                           GParamSpec *pspec,
                           Keystroke  *key)
{
  if (key->model_ns == 0)
    key->model_ns = rg_bench_now_ns ();
}

static void
on_page_guest_activated_cb (RgLookupPage *page,
                            const gchar  *guest_id,
                            gboolean      navigate,
                            Keystroke    *key)
{
  key->opened_card |= navigate;
}

static void
on_clock_before_paint_cb (GdkFrameClock *clock,
                          Keystroke     *key)
{
  gint64 now = rg_bench_now_ns ();

  g_array_append_val (key->frames, now);
  if (key->model_ns != 0 && key->painted_ns == 0)
    key->begin_ns = now;
}

/* Connected after GTK's own handlers, so the layout is done. */
static void
on_clock_layout_cb (GdkFrameClock *clock,
                    Keystroke     *key)
{
  if (key->begin_ns != 0 && key->painted_ns == 0)
    key->laid_out_ns = rg_bench_now_ns ();
}

static void
on_clock_after_paint_cb (GdkFrameClock *clock,
                         Keystroke     *key)
{
  if (key->model_ns != 0 && key->painted_ns == 0)
    key->painted_ns = rg_bench_now_ns ();
}

/* ---------------------------------------------------------------- timing */

/* How many frames began from @since_ns up to the one painted last. */
static guint
frames_since (Keystroke *key,
              gint64     since_ns)
{
  guint n = 0;

  for (guint i = 0; i < key->frames->len; i++)
    {
      gint64 frame = g_array_index (key->frames, gint64, i);

      n += frame >= since_ns && frame <= key->painted_ns;
    }
  return n;
}

/* One line per keystroke: the frames begun in the pause before it (a
 * frame clock that keeps ticking paints on its own grid), when the model
 * changed, and when each frame after the key began, up to the one that
 * showed the answer. */
static void
print_trace (Keystroke   *key,
             const gchar *text,
             glong        typed)
{
  g_autoptr(GString) after = g_string_new (NULL);
  gint64 last_before = 0;
  guint n_before = 0;

  for (guint i = 0; i < key->frames->len; i++)
    {
      gint64 frame = g_array_index (key->frames, gint64, i);

      if (frame < key->typed_ns)
        {
          last_before = frame;
          n_before++;
        }
      else if (key->painted_ns == 0 || frame <= key->painted_ns)
        g_string_append_printf (after, " %+.1f", (frame - key->typed_ns) / 1e6);
    }
  g_print ("trace %-14s key %2ld: %2u frames in the pause, the last %6.1f ms before;"
           " model %+6.1f ms; frames at%s; painted %+6.1f ms; main thread CPU %.1f ms; %u results%s\n",
           text, typed, n_before, last_before != 0 ? (key->typed_ns - last_before) / 1e6 : -1.0,
           key->model_ns != 0 ? (key->model_ns - key->typed_ns) / 1e6 : -1.0, after->str,
           key->painted_ns != 0 ? (key->painted_ns - key->typed_ns) / 1e6 : -1.0,
           (cpu_ns (CLOCK_THREAD_CPUTIME_ID) - key->main_cpu_ns) / 1e6,
           g_list_model_get_n_items (rg_lookup_page_get_results (key->page)),
           key->opened_card ? " (card)" : "");
}

/* Keystrokes that opened a guest card rather than only changed the list. */
typedef struct
{
  RgBenchSamples *list;
  RgBenchSamples *card;
  RgBenchSamples *main_cpu;    /* list keystrokes: main thread CPU */
  RgBenchSamples *other_cpu;   /* … the other threads' (the lookup) */
  guint           stale;       /* rows seen showing a guest not found */
  guint           later;       /* list keystrokes drawn after their first frame */
} Painted;

/* Types @text into the empty field; returns how many keystrokes missed. */
static guint
type_query (Keystroke      *key,
            const gchar    *text,
            Painted        *painted,
            RgBenchSamples *model,
            Breakdown      *all)
{
  GtkEditable *entry = rg_lookup_page_get_entry (key->page);
  guint missed = 0;

  gtk_editable_set_text (entry, "");
  run_for (KEY_GAP_MS);
  for (const gchar *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gint position = -1;
      gint64 deadline;

      key->model_ns = key->begin_ns = key->laid_out_ns = key->painted_ns = 0;
      key->opened_card = FALSE;
      key->typed_ns = rg_bench_now_ns ();
      key->main_cpu_ns = cpu_ns (CLOCK_THREAD_CPUTIME_ID);
      key->all_cpu_ns = cpu_ns (CLOCK_PROCESS_CPUTIME_ID);
      gtk_editable_set_position (entry, -1);
      position = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, c, g_utf8_next_char (c) - c, &position);
      deadline = key->typed_ns + (gint64) WAIT_MS * 1000000;
      while (key->painted_ns == 0 && rg_bench_now_ns () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (key->trace)
        print_trace (key, text, g_utf8_pointer_to_offset (text, c) + 1);
      if (key->painted_ns == 0)
        missed++;
      else if (key->opened_card)
        rg_bench_samples_add (painted->card, key->painted_ns - key->typed_ns);
      else
        {
          gint64 main_cpu = cpu_ns (CLOCK_THREAD_CPUTIME_ID) - key->main_cpu_ns;

          rg_bench_samples_add (painted->main_cpu, main_cpu);
          rg_bench_samples_add (painted->other_cpu, cpu_ns (CLOCK_PROCESS_CPUTIME_ID) - key->all_cpu_ns - main_cpu);
          painted->stale += count_stale_rows (key->page);
          painted->later += frames_since (key, key->typed_ns) > 1;
          rg_bench_samples_add (painted->list, key->painted_ns - key->typed_ns);
          rg_bench_samples_add (all->painted, key->painted_ns - key->typed_ns);
          /* A frame begun before the answer (whose layout took it in)
           * has no start after it. */
          if (key->begin_ns != 0)
            {
              rg_bench_samples_add (all->to_frame, key->begin_ns - key->model_ns);
              rg_bench_samples_add (all->frame, key->painted_ns - key->begin_ns);
              if (key->laid_out_ns != 0)
                {
                  rg_bench_samples_add (all->layout, key->laid_out_ns - key->begin_ns);
                  rg_bench_samples_add (all->drawing, key->painted_ns - key->laid_out_ns);
                }
            }
          rg_bench_samples_add (model, key->model_ns - key->typed_ns);
        }
      g_array_set_size (key->frames, 0);
      run_for (KEY_GAP_MS);
    }
  return missed;
}

static void
print_ms (RgBenchSamples *samples,
          const gchar    *label)
{
  g_print ("%-30s n=%-4u median %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  IQR %5.2f ms  min %5.2f  max %6.2f ms\n",
           label, rg_bench_samples_count (samples),
           rg_bench_samples_quantile (samples, 0.5) / 1e6,
           rg_bench_samples_quantile (samples, 0.9) / 1e6,
           rg_bench_samples_quantile (samples, 0.99) / 1e6,
           (rg_bench_samples_quantile (samples, 0.75) - rg_bench_samples_quantile (samples, 0.25)) / 1e6,
           rg_bench_samples_quantile (samples, 0.0) / 1e6,
           rg_bench_samples_quantile (samples, 1.0) / 1e6);
}

/* A guest chosen in the list, as a tap on a row does, to the card drawn;
 * and the part of it spent filling the card. */
static void
time_cards (Keystroke *key,
            RgDb      *db,
            gint       n,
            GRand     *rand)
{
  g_autoptr(RgBenchSamples) drawn = rg_bench_samples_new (n);
  g_autoptr(RgBenchSamples) filled = rg_bench_samples_new (n);
  g_autoptr(RgBenchSamples) to_frame = rg_bench_samples_new (n);
  g_autoptr(RgBenchSamples) frame = rg_bench_samples_new (n);

  for (gint i = 0; i < n; i++)
    {
      g_autofree gchar *guest_id = query_text (db, "SELECT id FROM guest WHERE rowid >= ?1 AND deleted = 0 "
                                                   "AND merged_into IS NULL ORDER BY rowid LIMIT 1",
                                               g_rand_int_range (rand, 1, 100000));
      gint64 deadline;

      if (guest_id == NULL)
        continue;
      key->model_ns = key->begin_ns = key->painted_ns = 0;
      key->typed_ns = rg_bench_now_ns ();
      g_signal_emit_by_name (key->page, "guest-activated", guest_id, TRUE);
      key->model_ns = rg_bench_now_ns ();
      deadline = key->typed_ns + (gint64) WAIT_MS * 1000000;
      while (key->painted_ns == 0 && rg_bench_now_ns () < deadline)
        g_main_context_iteration (NULL, TRUE);
      rg_bench_samples_add (filled, key->model_ns - key->typed_ns);
      if (key->painted_ns != 0 && key->begin_ns != 0)
        {
          rg_bench_samples_add (drawn, key->painted_ns - key->typed_ns);
          rg_bench_samples_add (to_frame, key->begin_ns - key->model_ns);
          rg_bench_samples_add (frame, key->painted_ns - key->begin_ns);
        }
      run_for (KEY_GAP_MS);
    }
  print_ms (drawn, "guest chosen: to card drawn");
  print_ms (filled, "  filling the card");
  print_ms (to_frame, "  filled to frame start");
  print_ms (frame, "  the frame (style, layout, drawing)");
}

static gboolean
ensure_guests (RgDb     *db,
               guint     guests,
               GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT count(*) FROM guest", error);
  RgDemoOptions options = { .guests = guests, .days = 365, .branches = 1, .seed = 7 };
  RgDemoCounts counts;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "counting guests");
  if (sqlite3_column_int64 (stmt, 0) > 0)
    return TRUE;
  rg_stmt_release (stmt);

  g_print ("making %u demo guests…\n", guests);
  if (!rg_demo_generate (db, &options, &counts, error))
    return FALSE;
  g_print ("demo: %u guests, %u visits\n", counts.guests, counts.visits);
  return TRUE;
}

static gchar *
first_staff_id (RgDb *db)
{
  return query_text (db, "SELECT id FROM staff WHERE deleted = 0 ORDER BY name LIMIT 1", 0);
}

int
main (int argc, char **argv)
{
  g_autofree gchar *path = NULL;
  gint guests = 100000;
  gint queries = 30;
  gboolean trace = FALSE;
  gboolean cards = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database file (made if it has no guests)", "PATH" },
    { "guests", 0, 0, G_OPTION_ARG_INT, &guests, "Guests to generate", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &queries, "Random queries per kind", "N" },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &trace, "Print the frames around each keystroke", NULL },
    { "cards", 0, 0, G_OPTION_ARG_NONE, &cards, "Type member card numbers too", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— keystroke to result list in the real window");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDb) db = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  Breakdown all;
  g_autofree gchar *staff_id = NULL;
  Keystroke key = { 0 };
  RgWindow *window;
  gint64 t0;

  setlocale (LC_ALL, "");
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || guests <= 0 || queries <= 0)
    {
      g_printerr ("usage: bench-ui-lookup --db PATH [--guests N] [--queries N] [--trace] [--cards]%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return 2;
    }
  /* SQLite bounded as in the app (app/regulars/main.c). */
  rg_db_bound_memory (RG_DB_APP_HEAP_LIMIT);
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run\n");
      return 2;
    }

  db = rg_db_open (path, &error);
  if (db == NULL || !ensure_guests (db, (guint) guests, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }
  staff_id = first_staff_id (db);

  app = adw_application_new ("org.regulars.Regulars", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_hold (G_APPLICATION (app));
  {
    RgDb *own = rg_db_open (path, &error);

    g_assert_no_error (error);
    session = rg_session_new (own, NULL, staff_id);
  }
  window = rg_window_new (app, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  rg_window_start (window);

  key.page = RG_LOOKUP_PAGE (find_widget (GTK_WIDGET (window), RG_TYPE_LOOKUP_PAGE));
  /* The page works out the day's tier cut on its thread first. */
  t0 = rg_bench_now_ns ();
  run_for (300);
  while (rg_lookup_page_is_busy (key.page))
    g_main_context_iteration (NULL, TRUE);
  g_print ("window up, tier cut ready %.0f ms after start (incl. 300 ms settling)\n",
           (rg_bench_now_ns () - t0) / 1e6);
  key.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  key.frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  key.trace = trace;
  g_signal_connect (key.page, "notify::results", G_CALLBACK (on_page_notify_results_cb), &key);
  g_signal_connect (key.page, "guest-activated", G_CALLBACK (on_page_guest_activated_cb), &key);
  g_signal_connect (key.clock, "before-paint", G_CALLBACK (on_clock_before_paint_cb), &key);
  g_signal_connect (key.clock, "layout", G_CALLBACK (on_clock_layout_cb), &key);
  g_signal_connect (key.clock, "after-paint", G_CALLBACK (on_clock_after_paint_cb), &key);
  if (trace)
    {
      run_for (1000);
      g_print ("trace: %u frames in a second of no typing\n", key.frames->len);
      g_array_set_size (key.frames, 0);
    }

  g_print ("keystroke to result list drawn, %s, %d queries per kind, %d ms between keys\n\n",
           path, queries, KEY_GAP_MS);
  all.painted = rg_bench_samples_new (1024);
  all.to_frame = rg_bench_samples_new (1024);
  all.layout = rg_bench_samples_new (1024);
  all.drawing = rg_bench_samples_new (1024);
  all.frame = rg_bench_samples_new (1024);
  for (Kind kind = 0; kind < N_KINDS; kind++)
    {
      if (kind == KIND_CARD && !cards)
        continue;

      g_autoptr(RgBenchSamples) list = rg_bench_samples_new (256);
      g_autoptr(RgBenchSamples) card = rg_bench_samples_new (256);
      g_autoptr(RgBenchSamples) model = rg_bench_samples_new (256);
      g_autoptr(RgBenchSamples) main_cpu = rg_bench_samples_new (256);
      g_autoptr(RgBenchSamples) other_cpu = rg_bench_samples_new (256);
      Painted painted = { list, card, main_cpu, other_cpu, 0, 0 };
      g_autofree gchar *list_label = g_strdup_printf ("%s: to list drawn", kind_labels[kind]);
      g_autofree gchar *model_label = g_strdup_printf ("%s: to model changed", kind_labels[kind]);
      g_autofree gchar *card_label = g_strdup_printf ("%s: to card drawn", kind_labels[kind]);
      g_autofree gchar *main_label = g_strdup_printf ("%s: CPU main thread", kind_labels[kind]);
      g_autofree gchar *other_label = g_strdup_printf ("%s: CPU lookup thread", kind_labels[kind]);
      guint missed = 0;

      for (gint i = 0; i < queries; i++)
        {
          g_autofree gchar *text = draw_query (db, kind, rand);

          if (text != NULL)
            missed += type_query (&key, text, &painted, model, &all);
        }
      print_ms (list, list_label);
      print_ms (model, model_label);
      print_ms (main_cpu, main_label);
      print_ms (other_cpu, other_label);
      if (rg_bench_samples_count (card) > 0)
        print_ms (card, card_label);
      if (missed > 0)
        g_print ("  %u keystrokes not answered within %d ms\n", missed, WAIT_MS);
      if (painted.stale > 0)
        g_print ("  %u rows drawn with a guest not among the results\n", painted.stale);
      g_print ("  %u of %u list keystrokes drawn after the keystroke's first frame\n",
               painted.later, rg_bench_samples_count (list));
    }
  g_print ("\n");
  print_ms (all.painted, "all kinds: to list drawn");
  print_ms (all.to_frame, "  model changed to frame start");
  print_ms (all.frame, "  the frame (style, layout, drawing)");
  print_ms (all.layout, "    its update and layout");
  print_ms (all.drawing, "    its drawing");
  time_cards (&key, db, queries, rand);
  g_print ("peak resident memory of this process: %" G_GINT64_FORMAT " MiB\n", rg_bench_peak_rss_kib () / 1024);

  g_signal_handlers_disconnect_by_data (key.clock, &key);
  g_signal_handlers_disconnect_by_data (key.page, &key);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (key.frames);
  rg_bench_samples_free (all.painted);
  rg_bench_samples_free (all.to_frame);
  rg_bench_samples_free (all.layout);
  rg_bench_samples_free (all.drawing);
  rg_bench_samples_free (all.frame);
  return 0;
}
