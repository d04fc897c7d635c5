/* rg-session.c — the database, branch and staff member the UI works with.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-session.h"

struct _RgSession
{
  GObject parent_instance;

  /* owned */
  RgDb   *db;
  gchar  *branch_id;
  gchar  *staff_id;
};

G_DEFINE_FINAL_TYPE (RgSession, rg_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  PROP_BRANCH_ID,
  PROP_STAFF_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --------------------------------------------------------------- helpers */

/* g_set_str() arrives in GLib 2.76; we build against 2.74. */
static gboolean
replace_string (gchar       **field,
                const gchar  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* ------------------------------------------------------------- overrides */

static void
rg_session_finalize (GObject *object)
{
  RgSession *self = RG_SESSION (object);

  g_clear_pointer (&self->db, rg_db_close);
  g_clear_pointer (&self->branch_id, g_free);
  g_clear_pointer (&self->staff_id, g_free);

  G_OBJECT_CLASS (rg_session_parent_class)->finalize (object);
}

static void
rg_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RgSession *self = RG_SESSION (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_pointer (value, self->db);
      break;
    case PROP_BRANCH_ID:
      g_value_set_string (value, self->branch_id);
      break;
    case PROP_STAFF_ID:
      g_value_set_string (value, self->staff_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RgSession *self = RG_SESSION (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_get_pointer (value);
      break;
    case PROP_BRANCH_ID:
      rg_session_set_branch_id (self, g_value_get_string (value));
      break;
    case PROP_STAFF_ID:
      rg_session_set_staff_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_session_class_init (RgSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_session_finalize;
  object_class->get_property = rg_session_get_property;
  object_class->set_property = rg_session_set_property;

  /* A plain pointer: RgDb is not a GObject.  The session takes ownership. */
  properties[PROP_DB] =
    g_param_spec_pointer ("db", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BRANCH_ID] =
    g_param_spec_string ("branch-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_ID] =
    g_param_spec_string ("staff-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_session_init (RgSession *self)
{
}

/* ------------------------------------------------------------ public API */

RgSession *
rg_session_new (RgDb        *db,
                const gchar *branch_id,
                const gchar *staff_id)
{
  g_return_val_if_fail (db != NULL, NULL);

  return g_object_new (RG_TYPE_SESSION,
                       "db", db,
                       "branch-id", branch_id,
                       "staff-id", staff_id,
                       NULL);
}

RgDb *
rg_session_get_db (RgSession *self)
{
  g_return_val_if_fail (RG_IS_SESSION (self), NULL);

  return self->db;
}

const gchar *
rg_session_get_branch_id (RgSession *self)
{
  g_return_val_if_fail (RG_IS_SESSION (self), NULL);

  return self->branch_id;
}

void
rg_session_set_branch_id (RgSession   *self,
                          const gchar *branch_id)
{
  g_return_if_fail (RG_IS_SESSION (self));

  if (replace_string (&self->branch_id, branch_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANCH_ID]);
}

const gchar *
rg_session_get_staff_id (RgSession *self)
{
  g_return_val_if_fail (RG_IS_SESSION (self), NULL);

  return self->staff_id;
}

void
rg_session_set_staff_id (RgSession   *self,
                         const gchar *staff_id)
{
  g_return_if_fail (RG_IS_SESSION (self));

  if (replace_string (&self->staff_id, staff_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

gboolean
rg_session_may (RgSession    *self,
                RgPermission  permission)
{
  g_return_val_if_fail (RG_IS_SESSION (self), FALSE);

  return self->staff_id != NULL && rg_auth_require (self->db, self->staff_id, permission, NULL);
}
