/* rg-guest.c — guests: the record, checking what people type, reading,
 * adding and editing.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-guest-private.h"

#include <string.h>

#include "rg-card.h"
#include "rg-id.h"
#include "rg-text.h"

#define MAX_REDIRECTS 32

struct _RgGuest
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *name;
  gchar *family_name;
  gchar *title;
  gchar *gender;
  gchar *birthday;
  gchar *anniversary;
  gchar *language;
  gchar *notes;
  gchar *external_ref;
  gchar *merged_into;
  GStrv  phones;
  GStrv  cards;

  gboolean vip;
  gboolean consent_marketing;
  gint64   created_ms;
  guint    visit_count;
  gint64   first_visit_ms;
  gint64   last_visit_ms;
  gint64   total_spend;
};

G_DEFINE_FINAL_TYPE (RgGuest, rg_guest, G_TYPE_OBJECT)

/* Fields checked and normalised, ready to be written. */
typedef struct
{
  gchar   *name;
  gchar   *family_name;
  gchar   *title;
  gchar   *gender;
  gchar   *birthday;
  gchar   *anniversary;
  gchar   *language;
  gchar   *notes;
  gchar   *external_ref;
  gboolean vip;
  gboolean consent_marketing;
} CleanFields;

static void
clean_fields_clear (CleanFields *clean)
{
  g_free (clean->name);
  g_free (clean->family_name);
  g_free (clean->title);
  g_free (clean->gender);
  g_free (clean->birthday);
  g_free (clean->anniversary);
  g_free (clean->language);
  g_free (clean->notes);
  g_free (clean->external_ref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanFields, clean_fields_clear)

/* ------------------------------------------------------------- checking */

static gboolean
is_blank (const gchar *text)
{
  for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
_rg_guest_check_optional (const gchar  *text,
                const gchar  *what,
                gsize         max_chars,
                gchar       **out,
                GError      **error)
{
  if (text == NULL || (g_utf8_validate (text, -1, NULL) && is_blank (text)))
    {
      *out = NULL;
      return TRUE;
    }
  *out = rg_text_check (text, what, max_chars, error);
  return *out != NULL;
}

static gboolean
parse_digits (const gchar *text,
              gsize        len,
              guint       *value)
{
  *value = 0;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) (text[i] - '0');
    }
  return TRUE;
}

/* A birthday or anniversary: "YYYY-MM-DD" (a real date, from 1900 to
 * today) or "--MM-DD" (a day that exists in some year). */
static gboolean
check_date (const gchar  *text,
            const gchar  *what,
            gchar       **out,
            GError      **error)
{
  g_autofree gchar *clean = NULL;
  g_autofree gchar *quoted = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint year = 2000, month, day;
  gboolean ok;

  if (!_rg_guest_check_optional (text, what, 10, &clean, error))
    return FALSE;
  if (clean == NULL)
    {
      *out = NULL;
      return TRUE;
    }

  now = g_date_time_new_now_utc ();
  if (strlen (clean) == 10)
    ok = parse_digits (clean, 4, &year) && clean[4] == '-' && clean[7] == '-' &&
         parse_digits (clean + 5, 2, &month) && parse_digits (clean + 8, 2, &day) &&
         year >= 1900 && (gint) year <= g_date_time_get_year (now);
  else
    ok = strlen (clean) == 7 && clean[0] == '-' && clean[1] == '-' && clean[4] == '-' &&
         parse_digits (clean + 2, 2, &month) && parse_digits (clean + 5, 2, &day);

  ok = ok && month >= 1 && month <= 12 && day >= 1 &&
       g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (ok && strlen (clean) == 10)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc ((gint) year, (gint) month, (gint) day, 0, 0, 0);

      ok = g_date_time_compare (date, now) <= 0;
    }
  if (!ok)
    {
      quoted = rg_text_quote_for_message (clean);
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "%s '%s' is not a real date: write it as YYYY-MM-DD, or --MM-DD without the year",
                   what, quoted);
      return FALSE;
    }
  *out = g_steal_pointer (&clean);
  return TRUE;
}

static gboolean
check_gender (const gchar  *text,
              gchar       **out,
              GError      **error)
{
  static const gchar * const genders[] = { "female", "male", "other", NULL };
  g_autofree gchar *clean = NULL;
  g_autofree gchar *quoted = NULL;

  if (!_rg_guest_check_optional (text, "the gender", 10, &clean, error))
    return FALSE;
  if (clean == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  *out = g_ascii_strdown (clean, -1);
  if (g_strv_contains (genders, *out))
    return TRUE;

  g_clear_pointer (out, g_free);
  quoted = rg_text_quote_for_message (clean);
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "the gender '%s' is not one of female, male or other", quoted);
  return FALSE;
}

/* A language tag such as "zh-CN": letters first, then letters, digits and
 * dashes. */
static gboolean
check_language (const gchar  *text,
                gchar       **out,
                GError      **error)
{
  g_autofree gchar *clean = NULL;
  g_autofree gchar *quoted = NULL;
  gboolean ok;

  if (!_rg_guest_check_optional (text, "the language", RG_GUEST_LANGUAGE_MAX, &clean, error))
    return FALSE;
  if (clean == NULL)
    {
      *out = NULL;
      return TRUE;
    }

  ok = strlen (clean) >= 2 && g_ascii_isalpha (clean[0]);
  for (const gchar *p = clean; ok && *p != '\0'; p++)
    ok = g_ascii_isalnum (*p) || *p == '-';
  if (!ok)
    {
      quoted = rg_text_quote_for_message (clean);
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the language '%s' is not a language tag such as zh-CN or en", quoted);
      return FALSE;
    }
  *out = g_steal_pointer (&clean);
  return TRUE;
}

static gboolean
check_fields (const RgGuestFields  *fields,
              CleanFields          *clean,
              GError              **error)
{
  clean->name = rg_text_check (fields->name, "the guest's name", RG_GUEST_NAME_MAX, error);
  if (clean->name == NULL)
    return FALSE;

  if (!_rg_guest_check_optional (fields->family_name, "the family name", RG_GUEST_NAME_MAX,
                       &clean->family_name, error) ||
      !_rg_guest_check_optional (fields->title, "the title", RG_GUEST_TITLE_MAX, &clean->title, error) ||
      !check_gender (fields->gender, &clean->gender, error) ||
      !check_date (fields->birthday, "the birthday", &clean->birthday, error) ||
      !check_date (fields->anniversary, "the anniversary", &clean->anniversary, error) ||
      !check_language (fields->language, &clean->language, error) ||
      !_rg_guest_check_optional (fields->notes, "the notes", RG_GUEST_NOTES_MAX, &clean->notes, error) ||
      !_rg_guest_check_optional (fields->external_ref, "the external reference", RG_GUEST_REF_MAX,
                       &clean->external_ref, error))
    return FALSE;

  clean->vip = fields->vip;
  clean->consent_marketing = fields->consent_marketing;
  return TRUE;
}

void
_rg_guest_bind_nullable (RgStmt      *stmt,
               int          index,
               const gchar *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* ------------------------------------------------------------- redirects */

gchar *
rg_guest_resolve_id (RgDb         *db,
                     const gchar  *guest_id,
                     GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *id = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (guest_id != NULL, NULL);

  stmt = rg_db_prepare (db, "SELECT merged_into, deleted FROM guest WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  id = g_strdup (guest_id);
  for (guint hops = 0; hops < MAX_REDIRECTS; hops++)
    {
      const gchar *next;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          rg_db_set_error (db, error, "finding a guest");
          return NULL;
        }
      if (rc == SQLITE_DONE || sqlite3_column_int (stmt, 1) != 0)
        break;

      next = (const gchar *) sqlite3_column_text (stmt, 0);
      if (next == NULL)
        return g_steal_pointer (&id);
      g_free (id);
      id = g_strdup (next);
    }

  {
    g_autofree gchar *quoted = rg_text_quote_for_message (guest_id);

    g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "no guest has the id '%s'", quoted);
  }
  return NULL;
}

gboolean
_rg_guest_resolve_live (RgDb         *db,
                        const gchar  *guest_id,
                        gchar       **out,
                        GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  *out = rg_guest_resolve_id (db, guest_id, &local_error);
  if (*out != NULL || g_error_matches (local_error, RG_ERROR, RG_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* --------------------------------------------------------------- reading */

static GStrv
collect_strings (RgDb         *db,
                 RgStmt       *stmt,
                 GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const gchar *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading a guest's numbers and cards");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static RgGuest *
guest_from_row (RgStmt *stmt)
{
  RgGuest *self = g_object_new (RG_TYPE_GUEST, NULL);

#define TEXT(i) g_strdup ((const gchar *) sqlite3_column_text (stmt, i))
  self->id = TEXT (0);
  self->name = TEXT (1);
  self->family_name = TEXT (2);
  self->title = TEXT (3);
  self->gender = TEXT (4);
  self->birthday = TEXT (5);
  self->anniversary = TEXT (6);
  self->language = TEXT (7);
  self->vip = sqlite3_column_int (stmt, 8) != 0;
  self->notes = TEXT (9);
  self->consent_marketing = sqlite3_column_int (stmt, 10) != 0;
  self->external_ref = TEXT (11);
  self->merged_into = TEXT (12);
#undef TEXT
  self->created_ms = sqlite3_column_int64 (stmt, 13);
  self->visit_count = (guint) sqlite3_column_int64 (stmt, 14);
  self->first_visit_ms = sqlite3_column_int64 (stmt, 15);
  self->last_visit_ms = sqlite3_column_int64 (stmt, 16);
  self->total_spend = sqlite3_column_int64 (stmt, 17);
  return self;
}

static RgGuest *
load_guest (RgDb         *db,
            const gchar  *id,
            GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(RgStmt) phones = NULL;
  g_autoptr(RgStmt) cards = NULL;
  g_autoptr(RgGuest) guest = NULL;

  stmt = rg_db_prepare (db,
      "SELECT g.id, g.name, g.family_name, g.title, g.gender, g.birthday, g.anniversary, "
      "       g.language, g.vip, g.notes, g.consent_marketing, g.external_ref, g.merged_into, "
      "       g.created_ms, coalesce (s.visit_count, 0), coalesce (s.first_visit_ms, 0), "
      "       coalesce (s.last_visit_ms, 0), coalesce (s.total_spend, 0) "
      "FROM guest g LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "WHERE g.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rg_db_set_error (db, error, "reading a guest");
      return NULL;
    }
  guest = guest_from_row (stmt);

  phones = rg_db_prepare (db,
      "SELECT e164 FROM guest_phone WHERE guest_id = ? AND deleted = 0 ORDER BY rowid", error);
  if (phones == NULL)
    return NULL;
  sqlite3_bind_text (phones, 1, id, -1, SQLITE_STATIC);
  guest->phones = collect_strings (db, phones, error);
  if (guest->phones == NULL)
    return NULL;

  cards = rg_db_prepare (db,
      "SELECT number FROM member_card "
      "WHERE guest_id = ? AND deleted = 0 AND revoked_ms IS NULL ORDER BY issued_ms, rowid", error);
  if (cards == NULL)
    return NULL;
  sqlite3_bind_text (cards, 1, id, -1, SQLITE_STATIC);
  guest->cards = collect_strings (db, cards, error);
  if (guest->cards == NULL)
    return NULL;

  return g_steal_pointer (&guest);
}

RgGuest *
rg_guest_get (RgDb         *db,
              const gchar  *guest_id,
              GError      **error)
{
  g_autofree gchar *id = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (guest_id != NULL, NULL);

  id = rg_guest_resolve_id (db, guest_id, error);
  if (id == NULL)
    return NULL;
  return load_guest (db, id, error);
}

gchar *
rg_guest_find_external_ref (RgDb         *db,
                            const gchar  *external_ref,
                            GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *quoted = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (external_ref != NULL, NULL);

  stmt = rg_db_prepare (db, "SELECT id FROM guest WHERE external_ref = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, external_ref, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return rg_guest_resolve_id (db, (const gchar *) sqlite3_column_text (stmt, 0), error);
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "finding a guest by external reference");
      return NULL;
    }

  quoted = rg_text_quote_for_message (external_ref);
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND,
               "no guest has the external reference '%s'", quoted);
  return NULL;
}

/* --------------------------------------------------------------- writing */

/* Fails with RG_ERROR_EXISTS when another guest than @guest_id has
 * @external_ref. */
static gboolean
check_external_ref_free (RgDb         *db,
                         const gchar  *external_ref,
                         const gchar  *guest_id,
                         GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *quoted = NULL;
  int rc;

  if (external_ref == NULL)
    return TRUE;
  stmt = rg_db_prepare (db, "SELECT id, name FROM guest WHERE external_ref = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, external_ref, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE ||
      (rc == SQLITE_ROW && g_strcmp0 ((const gchar *) sqlite3_column_text (stmt, 0), guest_id) == 0))
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "checking the external reference");

  quoted = rg_text_quote_for_message (external_ref);
  g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "the external reference '%s' already belongs to %s",
               quoted, (const gchar *) sqlite3_column_text (stmt, 1));
  return FALSE;
}

/* Binds the columns 2 to 12 of the guest's insert and update statements. */
static void
bind_fields (RgStmt            *stmt,
             const CleanFields *clean)
{
  sqlite3_bind_text (stmt, 2, clean->name, -1, SQLITE_STATIC);
  _rg_guest_bind_nullable (stmt, 3, clean->family_name);
  _rg_guest_bind_nullable (stmt, 4, clean->title);
  _rg_guest_bind_nullable (stmt, 5, clean->gender);
  _rg_guest_bind_nullable (stmt, 6, clean->birthday);
  _rg_guest_bind_nullable (stmt, 7, clean->anniversary);
  _rg_guest_bind_nullable (stmt, 8, clean->language);
  sqlite3_bind_int (stmt, 9, clean->vip ? 1 : 0);
  sqlite3_bind_text (stmt, 10, clean->notes != NULL ? clean->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, clean->consent_marketing ? 1 : 0);
  _rg_guest_bind_nullable (stmt, 12, clean->external_ref);
}

/* Normalises @phones, dropping repeats of one number in two formats. */
static GPtrArray *
normalize_phones (RgDb                *db,
                  const gchar * const *phones,
                  GError             **error)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      g_autofree gchar *e164 = rg_guest_normalize_phone (db, phones[i], error);

      if (e164 == NULL)
        return NULL;
      if (!g_ptr_array_find_with_equal_func (numbers, e164, g_str_equal, NULL))
        g_ptr_array_add (numbers, g_steal_pointer (&e164));
    }
  return g_steal_pointer (&numbers);
}

RgGuest *
rg_guest_add (RgDb                 *db,
              const RgGuestFields  *fields,
              const gchar * const  *phones,
              const gchar          *card,
              GError              **error)
{
  g_auto(CleanFields) clean = { 0 };
  g_autoptr(GPtrArray) numbers = NULL;
  g_autofree gchar *card_number = NULL;
  g_autofree gchar *id = rg_id_new ();
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!check_fields (fields, &clean, error))
    return NULL;
  numbers = normalize_phones (db, phones, error);
  if (numbers == NULL)
    return NULL;
  if (card != NULL && (card_number = rg_card_number_parse (card, error)) == NULL)
    return NULL;

  txn = rg_db_begin (db, error);
  if (txn == NULL || !check_external_ref_free (db, clean.external_ref, NULL, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "INSERT INTO guest (id, name, family_name, title, gender, birthday, anniversary, language, "
      "                   vip, notes, consent_marketing, external_ref, created_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  bind_fields (stmt, &clean);
  sqlite3_bind_int64 (stmt, 13, rg_now_ms ());
  sqlite3_bind_int64 (stmt, 14, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 15, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "adding guest %s", clean.name);
      return NULL;
    }

  for (guint i = 0; i < numbers->len; i++)
    if (!_rg_guest_insert_phone (db, id, numbers->pdata[i], NULL, error))
      return NULL;
  if (card_number != NULL && !_rg_guest_insert_card (db, id, card_number, error))
    return NULL;
  if (!_rg_guest_refresh_index (db, id, error) || !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;

  return load_guest (db, id, error);
}

gboolean
rg_guest_edit (RgDb                 *db,
               const gchar          *guest_id,
               const RgGuestFields  *fields,
               GError              **error)
{
  g_auto(CleanFields) clean = { 0 };
  g_autofree gchar *id = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (guest_id != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!check_fields (fields, &clean, error))
    return FALSE;
  id = rg_guest_resolve_id (db, guest_id, error);
  if (id == NULL)
    return FALSE;

  txn = rg_db_begin (db, error);
  if (txn == NULL || !check_external_ref_free (db, clean.external_ref, id, error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "UPDATE guest SET name = ?2, family_name = ?3, title = ?4, gender = ?5, birthday = ?6, "
      "  anniversary = ?7, language = ?8, vip = ?9, notes = ?10, consent_marketing = ?11, "
      "  external_ref = ?12, updated_hlc = ?13, origin = ?14 "
      "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  bind_fields (stmt, &clean);
  sqlite3_bind_int64 (stmt, 13, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 14, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "saving guest %s", clean.name);

  if (!_rg_guest_refresh_index (db, id, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/* ----------------------------------------------------------- RgGuest */

void
rg_guest_fields_init_from (RgGuestFields *fields,
                           RgGuest       *guest)
{
  g_return_if_fail (fields != NULL);
  g_return_if_fail (RG_IS_GUEST (guest));

  *fields = (RgGuestFields) {
    .name = guest->name,
    .family_name = guest->family_name,
    .title = guest->title,
    .gender = guest->gender,
    .birthday = guest->birthday,
    .anniversary = guest->anniversary,
    .language = guest->language,
    .vip = guest->vip,
    .notes = guest->notes,
    .consent_marketing = guest->consent_marketing,
    .external_ref = guest->external_ref,
  };
}

static void
rg_guest_finalize (GObject *object)
{
  RgGuest *self = RG_GUEST (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->family_name);
  g_free (self->title);
  g_free (self->gender);
  g_free (self->birthday);
  g_free (self->anniversary);
  g_free (self->language);
  g_free (self->notes);
  g_free (self->external_ref);
  g_free (self->merged_into);
  g_strfreev (self->phones);
  g_strfreev (self->cards);

  G_OBJECT_CLASS (rg_guest_parent_class)->finalize (object);
}

static void
rg_guest_class_init (RgGuestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_guest_finalize;
}

static void
rg_guest_init (RgGuest *self)
{
}

const gchar *
rg_guest_get_id (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->id;
}

const gchar *
rg_guest_get_name (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->name;
}

const gchar *
rg_guest_get_family_name (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->family_name;
}

const gchar *
rg_guest_get_title (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->title;
}

const gchar *
rg_guest_get_gender (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->gender;
}

const gchar *
rg_guest_get_birthday (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->birthday;
}

const gchar *
rg_guest_get_anniversary (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->anniversary;
}

const gchar *
rg_guest_get_language (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->language;
}

gboolean
rg_guest_get_vip (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), FALSE);
  return self->vip;
}

const gchar *
rg_guest_get_notes (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->notes;
}

gboolean
rg_guest_get_consent_marketing (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), FALSE);
  return self->consent_marketing;
}

const gchar *
rg_guest_get_external_ref (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->external_ref;
}

const gchar *
rg_guest_get_merged_into (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return self->merged_into;
}

gint64
rg_guest_get_created_ms (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), 0);
  return self->created_ms;
}

guint
rg_guest_get_visit_count (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), 0);
  return self->visit_count;
}

gint64
rg_guest_get_first_visit_ms (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), 0);
  return self->first_visit_ms;
}

gint64
rg_guest_get_last_visit_ms (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), 0);
  return self->last_visit_ms;
}

gint64
rg_guest_get_total_spend (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), 0);
  return self->total_spend;
}

const gchar * const *
rg_guest_get_phones (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return (const gchar * const *) self->phones;
}

const gchar * const *
rg_guest_get_cards (RgGuest *self)
{
  g_return_val_if_fail (RG_IS_GUEST (self), NULL);
  return (const gchar * const *) self->cards;
}
