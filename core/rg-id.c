/* rg-id.c — UUIDv7 ids and the wall clock.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-id.h"

#include <string.h>
#include <sys/random.h>

gint64
rg_now_ms (void)
{
  return g_get_real_time () / 1000;
}

gchar *
rg_id_new (void)
{
  guint8 b[16];
  guint64 ms = (guint64) rg_now_ms ();

  if (getrandom (b + 6, sizeof b - 6, 0) != (ssize_t) (sizeof b - 6))
    {
      /* getrandom only fails before the kernel's pool is ready; GLib's
       * generator is good enough to keep ids unique then. */
      for (gsize i = 6; i < sizeof b; i++)
        b[i] = (guint8) g_random_int_range (0, 256);
    }

  for (int i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  b[6] = (guint8) (0x70 | (b[6] & 0x0f));   /* version 7 */
  b[8] = (guint8) (0x80 | (b[8] & 0x3f));   /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

gboolean
rg_id_is_valid (const gchar *text)
{
  if (text == NULL || strlen (text) != RG_ID_LEN)
    return FALSE;

  for (int i = 0; i < RG_ID_LEN; i++)
    {
      gboolean dash = (i == 8 || i == 13 || i == 18 || i == 23);

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}
