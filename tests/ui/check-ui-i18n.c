/* check-ui-i18n.c — the app in Simplified Chinese, chosen by the locale
 * (LANGUAGE=zh_CN in this program's environment).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "rg-guest-card.h"
#include "rg-lookup-page.h"
#include "rg-ui-test-util.h"

static gboolean
card_open (gpointer data)
{
  RgGuestCard *card = RG_GUEST_CARD (rg_ui_test_find (GTK_WIDGET (data), RG_TYPE_GUEST_CARD, NULL));

  return rg_guest_card_get_greeting (card) != NULL;
}

START_TEST (test_catalogue_is_installed)
{
  ck_assert_str_eq (g_dgettext ("regulars", "Find a Guest"), "查找顾客");
  ck_assert_str_eq (g_dpgettext2 ("regulars", "table status", "Seated"), "用餐中");
  ck_assert_str_eq (g_dngettext ("regulars", "%d seat", "%d seats", 4), "%d 座");
}
END_TEST

START_TEST (test_window_speaks_chinese)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *card = rg_ui_test_query_text (t->db,
    "SELECT c.number FROM member_card c JOIN local_guest_stats s ON s.guest_id = c.guest_id"
    " WHERE c.revoked_ms IS NULL AND c.deleted = 0 ORDER BY s.visit_count DESC LIMIT 1");
  RgWindow *window = rg_ui_test_window_new (t->db, 1280, 800);
  RgLookupPage *page = RG_LOOKUP_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_LOOKUP_PAGE, NULL));
  RgGuestCard *guest_card = RG_GUEST_CARD (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_GUEST_CARD, NULL));
  g_autofree gchar *shot = NULL;

  /* The digit pad and the search field, translated from the templates. */
  rg_ui_test_find_button (GTK_WIDGET (page), "查找");
  ck_assert_str_eq (gtk_text_get_placeholder_text (GTK_TEXT (rg_ui_test_find (GTK_WIDGET (rg_lookup_page_get_entry (page)), GTK_TYPE_TEXT, NULL))),
                    "电话、尾号、会员卡或姓名");

  /* And the greeting, translated in the code. */
  rg_lookup_page_open (page, card);
  ck_assert (rg_ui_test_wait_until (card_open, window, 10000));
  ck_assert_msg (g_str_has_prefix (rg_guest_card_get_greeting (guest_card), "欢迎回来，"),
                 "greeting: %s", rg_guest_card_get_greeting (guest_card));
  rg_ui_test_run_for (300);
  shot = rg_ui_test_screenshot (GTK_WIDGET (window), "card-zh_CN-1280x800");
  ck_assert (g_file_test (shot, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
i18n_suite (void)
{
  Suite *s = suite_create ("ui-i18n");
  TCase *tc = tcase_create ("zh_CN");

  tcase_add_test (tc, test_catalogue_is_installed);
  tcase_add_test (tc, test_window_speaks_chinese);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr(AdwApplication) app = rg_ui_test_init ();
  int status = rg_test_run (i18n_suite ());

  g_application_release (G_APPLICATION (app));
  return status;
}
