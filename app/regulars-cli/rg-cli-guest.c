/* rg-cli-guest.c — regulars-cli lookup and guest: recognising guests and
 * keeping their records.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-cli.h"

#include <stdio.h>
#include <string.h>

#include "rg-guest.h"
#include "rg-guest-lookup.h"
#include "rg-guest-merge.h"
#include "rg-prefs.h"
#include "rg-visit.h"

#define LOOKUP_LIMIT 20
#define HISTORY_LIMIT 10

static const gchar * const match_kinds[] = { "phone", "card", "phone_suffix", "name" };
static const gchar * const duplicate_reasons[] = { "same_phone", "same_card", "similar_name", "same_name" };
static const gchar * const fact_kinds[] = { "tag", "allergy", "seating", "dish", "note", "link" };

/* ---------------------------------------------------------------- lookup */

static void
build_matches (JsonBuilder *b,
               const gchar *query,
               GListModel  *matches)
{
  g_autofree gchar *shown = g_utf8_make_valid (query, -1);

  json_builder_begin_object (b);
  rg_cli_json_string (b, "query", shown);
  json_builder_set_member_name (b, "matches");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(RgGuestMatch) m = g_list_model_get_item (matches, i);

      json_builder_begin_object (b);
      rg_cli_json_string (b, "id", rg_guest_match_get_guest_id (m));
      rg_cli_json_string (b, "name", rg_guest_match_get_name (m));
      rg_cli_json_string (b, "phone", rg_guest_match_get_masked_phone (m));
      rg_cli_json_string (b, "match", match_kinds[rg_guest_match_get_kind (m)]);
      rg_cli_json_int (b, "visits", rg_guest_match_get_visit_count (m));
      rg_cli_json_int (b, "last_visit_ms", rg_guest_match_get_last_visit_ms (m));
      rg_cli_json_int (b, "total_spend", rg_guest_match_get_total_spend (m));
      json_builder_set_member_name (b, "vip");
      json_builder_add_boolean_value (b, rg_guest_match_get_vip (m));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_matches (GListModel *matches)
{
  const gchar * const headers[] = { "NAME", "PHONE", "VISITS", "LAST VISIT", "MATCH", "ID", NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(RgGuestMatch) m = g_list_model_get_item (matches, i);
      gchar **row = g_new0 (gchar *, 7);

      row[0] = g_strdup_printf ("%s%s", rg_guest_match_get_name (m), rg_guest_match_get_vip (m) ? " ★" : "");
      row[1] = g_strdup (rg_guest_match_get_masked_phone (m) != NULL ? rg_guest_match_get_masked_phone (m) : "-");
      row[2] = g_strdup_printf ("%u", rg_guest_match_get_visit_count (m));
      row[3] = rg_cli_format_time (rg_guest_match_get_last_visit_ms (m));
      row[4] = g_strdup (match_kinds[rg_guest_match_get_kind (m)]);
      row[5] = g_strdup (rg_guest_match_get_guest_id (m));
      g_ptr_array_add (rows, row);
    }
  rg_cli_print_table (headers, rows);
}

/* One JSON line per line of standard input, flushed at once, errors
 * included, so a scanner or another program can talk to it. */
static gboolean
lookup_batch (RgCli    *cli,
              guint     limit,
              GError  **error)
{
  g_autofree gchar *line = NULL;
  gsize size = 0;
  gssize len;

  while ((len = getline (&line, &size, stdin)) >= 0)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GListModel) matches = NULL;

      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      matches = rg_guest_lookup (cli->db, line, 0, limit, &local_error);
      if (matches != NULL)
        build_matches (b, line, matches);
      else
        {
          g_autofree gchar *shown = g_utf8_make_valid (line, -1);

          json_builder_begin_object (b);
          rg_cli_json_string (b, "query", shown);
          rg_cli_json_string (b, "error", local_error->message);
          rg_cli_json_int (b, "status", rg_error_exit_status (local_error));
          json_builder_end_object (b);
        }
      rg_cli_print_json (b);
      fflush (stdout);
    }
  if (ferror (stdin))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_IO, "Standard input could not be read.");
      return FALSE;
    }
  return TRUE;
}

gboolean
rg_cli_lookup (RgCli   *cli,
               gint     argc,
               gchar  **argv,
               GError **error)
{
  gboolean batch = FALSE;
  gint limit = LOOKUP_LIMIT;
  g_autoptr(GListModel) matches = NULL;
  const GOptionEntry entries[] = {
    { "batch", 0, 0, G_OPTION_ARG_NONE, &batch, "Read one query per line from standard input", NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Most guests to list (20)", "N" },
    { NULL }
  };

  if (!rg_cli_parse ("QUERY | --batch", entries, &argc, &argv, 0, 1, error) ||
      !rg_cli_check_range (limit, 1, 1000, "limit", error))
    return FALSE;
  if (batch == (argc == 2))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Give either a query or --batch (usage: regulars-cli lookup QUERY | --batch).");
      return FALSE;
    }
  if (rg_cli_open (cli, error) == NULL)
    return FALSE;
  if (batch)
    return lookup_batch (cli, (guint) limit, error);

  matches = rg_guest_lookup (cli->db, argv[1], 0, (guint) limit, error);
  if (matches == NULL)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      build_matches (b, argv[1], matches);
      rg_cli_print_json (b);
    }
  else if (g_list_model_get_n_items (matches) > 0)
    print_matches (matches);
  if (g_list_model_get_n_items (matches) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "No guest matches '%s'.", argv[1]);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------- guest add / edit */

/* What guest add and guest edit take besides the fields. */
typedef struct
{
  gchar **phones;
  gchar  *card;
  gchar **tags;
  gchar **allergies;   /* "peanut" or "peanut:anaphylactic" */
  gchar **likes;
  gchar **dislikes;
  gchar **zones;
  gchar  *note;
} Facts;

static void
facts_clear (Facts *f)
{
  g_strfreev (f->phones);
  g_free (f->card);
  g_strfreev (f->tags);
  g_strfreev (f->allergies);
  g_strfreev (f->likes);
  g_strfreev (f->dislikes);
  g_strfreev (f->zones);
  g_free (f->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

/* Field options, as bytes; NULL when not given. */
typedef struct
{
  gchar    *name;
  gchar    *family_name;
  gchar    *title;
  gchar    *gender;
  gchar    *birthday;
  gchar    *anniversary;
  gchar    *language;
  gchar    *notes;
  gchar    *external_ref;
  gboolean  vip;
  gboolean  not_vip;
  gboolean  consent;
  gboolean  no_consent;
} Fields;

static void
fields_clear (Fields *f)
{
  g_free (f->name);
  g_free (f->family_name);
  g_free (f->title);
  g_free (f->gender);
  g_free (f->birthday);
  g_free (f->anniversary);
  g_free (f->language);
  g_free (f->notes);
  g_free (f->external_ref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

#define FIELD_ENTRIES(f) \
  { "name", 0, 0, G_OPTION_ARG_FILENAME, &(f).name, "The name the guest goes by", "NAME" }, \
  { "family-name", 0, 0, G_OPTION_ARG_FILENAME, &(f).family_name, "Family name", "NAME" }, \
  { "title", 0, 0, G_OPTION_ARG_FILENAME, &(f).title, "Title (Ms, Dr, 王总)", "TITLE" }, \
  { "gender", 0, 0, G_OPTION_ARG_FILENAME, &(f).gender, "female, male or other", "GENDER" }, \
  { "birthday", 0, 0, G_OPTION_ARG_FILENAME, &(f).birthday, "YYYY-MM-DD or --MM-DD", "DATE" }, \
  { "anniversary", 0, 0, G_OPTION_ARG_FILENAME, &(f).anniversary, "YYYY-MM-DD or --MM-DD", "DATE" }, \
  { "language", 0, 0, G_OPTION_ARG_FILENAME, &(f).language, "Language tag (zh-CN, en)", "TAG" }, \
  { "notes", 0, 0, G_OPTION_ARG_FILENAME, &(f).notes, "Notes for the staff", "TEXT" }, \
  { "external-ref", 0, 0, G_OPTION_ARG_FILENAME, &(f).external_ref, "Id in another system", "REF" }, \
  { "vip", 0, 0, G_OPTION_ARG_NONE, &(f).vip, "A VIP", NULL }, \
  { "not-vip", 0, 0, G_OPTION_ARG_NONE, &(f).not_vip, "Not a VIP", NULL }, \
  { "consent", 0, 0, G_OPTION_ARG_NONE, &(f).consent, "Agreed to marketing messages", NULL }, \
  { "no-consent", 0, 0, G_OPTION_ARG_NONE, &(f).no_consent, "Withdrew consent to marketing", NULL }

#define FACT_ENTRIES(x) \
  { "phone", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &(x).phones, "A phone number (repeatable)", "NUMBER" }, \
  { "card", 0, 0, G_OPTION_ARG_FILENAME, &(x).card, "A member card number to bind", "CARD" }, \
  { "tag", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &(x).tags, "A taste or lifestyle tag (repeatable)", "TAG" }, \
  { "allergy", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &(x).allergies, "An allergen, optionally :mild, :severe or :anaphylactic", "ALLERGEN" }, \
  { "like", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &(x).likes, "A dish the guest likes (name or id)", "DISH" }, \
  { "dislike", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &(x).dislikes, "A dish the guest dislikes", "DISH" }, \
  { "zone", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &(x).zones, "A preferred zone (window, booth, patio…)", "ZONE" }, \
  { "note", 0, 0, G_OPTION_ARG_FILENAME, &(x).note, "A dated note", "TEXT" }

static void
apply_fields (RgGuestFields *out,
              const Fields  *in)
{
  if (in->name != NULL)
    out->name = in->name;
  if (in->family_name != NULL)
    out->family_name = in->family_name;
  if (in->title != NULL)
    out->title = in->title;
  if (in->gender != NULL)
    out->gender = in->gender;
  if (in->birthday != NULL)
    out->birthday = in->birthday;
  if (in->anniversary != NULL)
    out->anniversary = in->anniversary;
  if (in->language != NULL)
    out->language = in->language;
  if (in->notes != NULL)
    out->notes = in->notes;
  if (in->external_ref != NULL)
    out->external_ref = in->external_ref;
  if (in->vip || in->not_vip)
    out->vip = in->vip;
  if (in->consent || in->no_consent)
    out->consent_marketing = in->consent;
}

static gboolean
add_dish_prefs (RgCli        *cli,
                const gchar  *guest_id,
                gchar       **dishes,
                const gchar  *pref,
                GError      **error)
{
  for (guint i = 0; dishes != NULL && dishes[i] != NULL; i++)
    {
      g_autofree gchar *item_id = rg_cli_resolve_item (cli, dishes[i], error);
      g_autofree gchar *id = NULL;

      if (item_id == NULL || (id = rg_prefs_add_dish (cli->db, guest_id, item_id, pref, NULL, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Adds what @f gives to the guest; the caller's transaction makes it all
 * or nothing. */
static gboolean
add_facts (RgCli        *cli,
           const gchar  *guest_id,
           const Facts  *f,
           gboolean      with_phones,
           GError      **error)
{
  for (guint i = 0; with_phones && f->phones != NULL && f->phones[i] != NULL; i++)
    {
      g_autofree gchar *e164 = rg_guest_add_phone (cli->db, guest_id, f->phones[i], NULL, error);

      if (e164 == NULL)
        return FALSE;
    }
  if (with_phones && f->card != NULL)
    {
      g_autofree gchar *card = rg_guest_bind_card (cli->db, guest_id, f->card, error);

      if (card == NULL)
        return FALSE;
    }
  for (guint i = 0; f->tags != NULL && f->tags[i] != NULL; i++)
    {
      g_autofree gchar *id = rg_prefs_add_tag (cli->db, guest_id, f->tags[i], error);

      if (id == NULL)
        return FALSE;
    }
  for (guint i = 0; f->allergies != NULL && f->allergies[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (f->allergies[i], ":", 2);
      g_autofree gchar *id = rg_prefs_add_allergy (cli->db, guest_id, parts[0], parts[1], NULL, error);

      if (id == NULL)
        return FALSE;
    }
  for (guint i = 0; f->zones != NULL && f->zones[i] != NULL; i++)
    {
      g_autofree gchar *id = rg_prefs_add_seating (cli->db, guest_id, "zone", f->zones[i], 1.0, NULL, error);

      if (id == NULL)
        return FALSE;
    }
  if (!add_dish_prefs (cli, guest_id, f->likes, "like", error) ||
      !add_dish_prefs (cli, guest_id, f->dislikes, "dislike", error))
    return FALSE;
  if (f->note != NULL)
    {
      g_autofree gchar *id = rg_prefs_add_note (cli->db, guest_id, NULL, f->note, error);

      if (id == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
build_guest (JsonBuilder *b,
             RgGuest     *g)
{
  rg_cli_json_string (b, "id", rg_guest_get_id (g));
  rg_cli_json_string (b, "name", rg_guest_get_name (g));
  rg_cli_json_string (b, "family_name", rg_guest_get_family_name (g));
  rg_cli_json_string (b, "title", rg_guest_get_title (g));
  rg_cli_json_string (b, "gender", rg_guest_get_gender (g));
  rg_cli_json_string (b, "birthday", rg_guest_get_birthday (g));
  rg_cli_json_string (b, "anniversary", rg_guest_get_anniversary (g));
  rg_cli_json_string (b, "language", rg_guest_get_language (g));
  json_builder_set_member_name (b, "vip");
  json_builder_add_boolean_value (b, rg_guest_get_vip (g));
  json_builder_set_member_name (b, "consent_marketing");
  json_builder_add_boolean_value (b, rg_guest_get_consent_marketing (g));
  rg_cli_json_string (b, "notes", rg_guest_get_notes (g));
  rg_cli_json_string (b, "external_ref", rg_guest_get_external_ref (g));
  rg_cli_json_strv (b, "phones", rg_guest_get_phones (g));
  rg_cli_json_strv (b, "cards", rg_guest_get_cards (g));
  rg_cli_json_int (b, "visits", rg_guest_get_visit_count (g));
  rg_cli_json_int (b, "first_visit_ms", rg_guest_get_first_visit_ms (g));
  rg_cli_json_int (b, "last_visit_ms", rg_guest_get_last_visit_ms (g));
  rg_cli_json_int (b, "total_spend", rg_guest_get_total_spend (g));
}

static gboolean
print_saved (RgCli        *cli,
             const gchar  *guest_id,
             const gchar  *verb,
             GError      **error)
{
  g_autoptr(RgGuest) g = rg_guest_get (cli->db, guest_id, error);

  if (g == NULL)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      build_guest (b, g);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("%s %s (%s).\n", verb, rg_guest_get_name (g), rg_guest_get_id (g));
  return TRUE;
}

static gboolean
guest_add (RgCli   *cli,
           gint     argc,
           gchar  **argv,
           GError **error)
{
  g_auto(Fields) fields = { 0 };
  g_auto(Facts) facts = { 0 };
  RgGuestFields spec = { 0 };
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgGuest) guest = NULL;
  const GOptionEntry entries[] = { FIELD_ENTRIES (fields), FACT_ENTRIES (facts), { NULL } };

  if (!rg_cli_parse ("--name NAME [--phone NUMBER…] [--card CARD] [--tag TAG…] [--allergy ALLERGEN…]",
                     entries, &argc, &argv, 0, 0, error))
    return FALSE;
  if (fields.name == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "A new guest needs a --name.");
      return FALSE;
    }
  if (rg_cli_open (cli, error) == NULL)
    return FALSE;

  apply_fields (&spec, &fields);
  txn = rg_db_begin (cli->db, error);
  if (txn == NULL)
    return FALSE;
  guest = rg_guest_add (cli->db, &spec, (const gchar * const *) facts.phones, facts.card, error);
  if (guest == NULL || !add_facts (cli, rg_guest_get_id (guest), &facts, FALSE, error) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  return print_saved (cli, rg_guest_get_id (guest), "Added", error);
}

static gboolean
guest_edit (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_auto(Fields) fields = { 0 };
  g_auto(Facts) facts = { 0 };
  RgGuestFields spec = { 0 };
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgGuest) guest = NULL;
  const GOptionEntry entries[] = { FIELD_ENTRIES (fields), FACT_ENTRIES (facts), { NULL } };

  if (!rg_cli_parse ("ID [--name NAME] [--phone NUMBER…] [--tag TAG…] [--allergy ALLERGEN…] …",
                     entries, &argc, &argv, 1, 1, error) ||
      rg_cli_open (cli, error) == NULL)
    return FALSE;

  txn = rg_db_begin (cli->db, error);
  if (txn == NULL)
    return FALSE;
  guest = rg_guest_get (cli->db, argv[1], error);
  if (guest == NULL)
    return FALSE;
  rg_guest_fields_init_from (&spec, guest);
  apply_fields (&spec, &fields);
  if (!rg_guest_edit (cli->db, rg_guest_get_id (guest), &spec, error) ||
      !add_facts (cli, rg_guest_get_id (guest), &facts, TRUE, error) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  return print_saved (cli, rg_guest_get_id (guest), "Saved", error);
}

/* ------------------------------------------------------------ guest show */

static void
build_fact (JsonBuilder *b,
            RgGuestFact *f)
{
  json_builder_begin_object (b);
  rg_cli_json_string (b, "id", rg_guest_fact_get_id (f));
  rg_cli_json_string (b, "kind", fact_kinds[rg_guest_fact_get_kind (f)]);
  rg_cli_json_string (b, "value", rg_guest_fact_get_value (f));
  rg_cli_json_string (b, "label", rg_guest_fact_get_label (f));
  rg_cli_json_string (b, "detail", rg_guest_fact_get_detail (f));
  rg_cli_json_string (b, "note", rg_guest_fact_get_note (f));
  json_builder_set_member_name (b, "weight");
  json_builder_add_double_value (b, rg_guest_fact_get_weight (f));
  json_builder_end_object (b);
}

static void
build_visit (JsonBuilder *b,
             RgVisit     *v)
{
  json_builder_begin_object (b);
  rg_cli_json_string (b, "id", rg_visit_get_id (v));
  rg_cli_json_string (b, "branch", rg_visit_get_branch_name (v));
  rg_cli_json_string (b, "table", rg_visit_get_table_name (v));
  rg_cli_json_int (b, "party_size", rg_visit_get_party_size (v));
  rg_cli_json_int (b, "seated_ms", rg_visit_get_seated_ms (v));
  rg_cli_json_string (b, "status", rg_visit_status_to_string (rg_visit_get_status (v)));
  rg_cli_json_int (b, "subtotal", rg_visit_get_subtotal (v));
  rg_cli_json_strv (b, "dishes", rg_visit_get_dish_names (v));
  rg_cli_json_string (b, "feedback", rg_visit_get_feedback_summary (v));
  json_builder_end_object (b);
}

static void
print_guest (RgGuest    *g,
             GListModel *facts,
             GListModel *history)
{
  g_autofree gchar *spend = rg_cli_format_money (rg_guest_get_total_spend (g));
  g_autofree gchar *last = rg_cli_format_time (rg_guest_get_last_visit_ms (g));
  g_autofree gchar *phones = g_strjoinv (", ", (gchar **) rg_guest_get_phones (g));
  g_autofree gchar *cards = g_strjoinv (", ", (gchar **) rg_guest_get_cards (g));

  rg_cli_print ("%s%s\n", rg_guest_get_name (g), rg_guest_get_vip (g) ? " ★ VIP" : "");
  rg_cli_print ("  id        %s\n", rg_guest_get_id (g));
  rg_cli_print ("  phones    %s\n", *phones != '\0' ? phones : "-");
  rg_cli_print ("  cards     %s\n", *cards != '\0' ? cards : "-");
  rg_cli_print ("  birthday  %s\n", rg_guest_get_birthday (g) != NULL ? rg_guest_get_birthday (g) : "-");
  rg_cli_print ("  visits    %u, last %s, spent %s\n", rg_guest_get_visit_count (g), last, spend);
  if (*rg_guest_get_notes (g) != '\0')
    rg_cli_print ("  notes     %s\n", rg_guest_get_notes (g));

  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(RgGuestFact) f = g_list_model_get_item (facts, i);
      const gchar *detail = rg_guest_fact_get_detail (f);

      rg_cli_print ("  %-9s %s%s%s%s\n", fact_kinds[rg_guest_fact_get_kind (f)],
                    rg_guest_fact_get_label (f), detail != NULL ? " (" : "",
                    detail != NULL ? detail : "", detail != NULL ? ")" : "");
    }

  rg_cli_print ("History:\n");
  if (g_list_model_get_n_items (history) == 0)
    rg_cli_print ("  no visits yet\n");
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(RgVisit) v = g_list_model_get_item (history, i);
      g_autofree gchar *when = rg_cli_format_time (rg_visit_get_seated_ms (v));
      g_autofree gchar *total = rg_cli_format_money (rg_visit_get_subtotal (v));
      g_autofree gchar *dishes = g_strjoinv (", ", (gchar **) rg_visit_get_dish_names (v));

      rg_cli_print ("  %s  %s, table %s, %d people, %s, %s: %s\n", when, rg_visit_get_branch_name (v),
                    rg_visit_get_table_name (v) != NULL ? rg_visit_get_table_name (v) : "-",
                    rg_visit_get_party_size (v), rg_visit_status_to_string (rg_visit_get_status (v)),
                    total, dishes);
    }
}

static gboolean
guest_show (RgCli   *cli,
            gint     argc,
            gchar  **argv,
            GError **error)
{
  g_autoptr(RgGuest) g = NULL;
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(GListModel) history = NULL;

  if (!rg_cli_parse ("ID", NULL, &argc, &argv, 1, 1, error) || rg_cli_open (cli, error) == NULL)
    return FALSE;
  g = rg_guest_get (cli->db, argv[1], error);
  if (g == NULL)
    return FALSE;
  facts = rg_prefs_list_all (cli->db, rg_guest_get_id (g), error);
  if (facts == NULL)
    return FALSE;
  history = rg_visit_list_for_guest (cli->db, rg_guest_get_id (g), 0, HISTORY_LIMIT, error);
  if (history == NULL)
    return FALSE;

  if (!cli->json)
    {
      print_guest (g, facts, history);
      return TRUE;
    }
  {
    g_autoptr(JsonBuilder) b = json_builder_new ();

    json_builder_begin_object (b);
    build_guest (b, g);
    json_builder_set_member_name (b, "facts");
    json_builder_begin_array (b);
    for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
      {
        g_autoptr(RgGuestFact) f = g_list_model_get_item (facts, i);

        build_fact (b, f);
      }
    json_builder_end_array (b);
    json_builder_set_member_name (b, "history");
    json_builder_begin_array (b);
    for (guint i = 0; i < g_list_model_get_n_items (history); i++)
      {
        g_autoptr(RgVisit) v = g_list_model_get_item (history, i);

        build_visit (b, v);
      }
    json_builder_end_array (b);
    json_builder_end_object (b);
    rg_cli_print_json (b);
  }
  return TRUE;
}

/* ------------------------------------------------------ merge, duplicates */

static gboolean
guest_merge (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  if (!rg_cli_parse ("KEEP OTHER", NULL, &argc, &argv, 2, 2, error) ||
      rg_cli_open (cli, error) == NULL ||
      !rg_guest_merge (cli->db, argv[1], argv[2], NULL, error))
    return FALSE;
  return print_saved (cli, argv[1], "Merged into", error);
}

static gboolean
guest_duplicates (RgCli   *cli,
                  gint     argc,
                  gchar  **argv,
                  GError **error)
{
  g_autofree gchar *name = NULL;
  g_autofree gchar *card = NULL;
  g_auto(GStrv) phones = NULL;
  g_autoptr(RgGuest) guest = NULL;
  g_autoptr(GListModel) found = NULL;
  const gchar *exclude = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, "A name", "NAME" },
    { "phone", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &phones, "A phone number (repeatable)", "NUMBER" },
    { "card", 0, 0, G_OPTION_ARG_FILENAME, &card, "A member card", "CARD" },
    { NULL }
  };

  if (!rg_cli_parse ("ID | [--name NAME] [--phone NUMBER…] [--card CARD]", entries, &argc, &argv, 0, 1, error) ||
      rg_cli_open (cli, error) == NULL)
    return FALSE;

  if (argc == 2)
    {
      guest = rg_guest_get (cli->db, argv[1], error);
      if (guest == NULL)
        return FALSE;
      exclude = rg_guest_get_id (guest);
      found = rg_guest_find_duplicates (cli->db, rg_guest_get_name (guest), rg_guest_get_phones (guest),
                                        rg_guest_get_cards (guest)[0], exclude, error);
    }
  else if (name == NULL && phones == NULL && card == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Give a guest id, or a --name, --phone or --card to compare.");
      return FALSE;
    }
  else
    found = rg_guest_find_duplicates (cli->db, name, (const gchar * const *) phones, card, NULL, error);
  if (found == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(RgGuestDuplicate) dup = g_list_model_get_item (found, i);

          json_builder_begin_object (b);
          rg_cli_json_string (b, "id", rg_guest_duplicate_get_guest_id (dup));
          rg_cli_json_string (b, "name", rg_guest_duplicate_get_name (dup));
          rg_cli_json_string (b, "reason", duplicate_reasons[rg_guest_duplicate_get_reason (dup)]);
          rg_cli_json_string (b, "detail", rg_guest_duplicate_get_detail (dup));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      rg_cli_print_json (b);
    }
  else
    {
      const gchar * const headers[] = { "NAME", "REASON", "DETAIL", "ID", NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(RgGuestDuplicate) dup = g_list_model_get_item (found, i);
          gchar **row = g_new0 (gchar *, 5);

          row[0] = g_strdup (rg_guest_duplicate_get_name (dup));
          row[1] = g_strdup (duplicate_reasons[rg_guest_duplicate_get_reason (dup)]);
          /* a NULL here would end the row early for g_strfreev */
          row[2] = g_strdup (rg_guest_duplicate_get_detail (dup) ? rg_guest_duplicate_get_detail (dup) : "");
          row[3] = g_strdup (rg_guest_duplicate_get_guest_id (dup));
          g_ptr_array_add (rows, row);
        }
      if (rows->len > 0)
        rg_cli_print_table (headers, rows);
    }
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "No guest looks like a duplicate.");
      return FALSE;
    }
  return TRUE;
}

gboolean
rg_cli_guest (RgCli   *cli,
              gint     argc,
              gchar  **argv,
              GError **error)
{
  static const RgCliCommand commands[] = {
    { "add", guest_add, "add a guest with phones, card, tags, allergies" },
    { "edit", guest_edit, "change a guest's details, add phones, tags, allergies, likes" },
    { "show", guest_show, "a guest's card: details, preferences, allergies, history" },
    { "merge", guest_merge, "merge OTHER into KEEP" },
    { "duplicates", guest_duplicates, "guests that may be the same person" },
    { "export", rg_cli_guest_export, "everything held about a guest, as JSON (owner)" },
    { "forget", rg_cli_guest_forget, "erase a guest's personal data; visits stay (owner)" },
  };

  return rg_cli_run_group (cli, "guest", commands, G_N_ELEMENTS (commands), argc, argv, error);
}
