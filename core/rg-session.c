/* rg-session.c — the database, branch and staff member the UI works with.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-session.h"

struct _RgSessionStaff
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *name;
  gchar *role;
};

G_DEFINE_FINAL_TYPE (RgSessionStaff, rg_session_staff, G_TYPE_OBJECT)

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
rg_session_staff_finalize (GObject *object)
{
  RgSessionStaff *self = RG_SESSION_STAFF (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->role);

  G_OBJECT_CLASS (rg_session_staff_parent_class)->finalize (object);
}

static void
rg_session_staff_class_init (RgSessionStaffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_session_staff_finalize;
}

static void
rg_session_staff_init (RgSessionStaff *self)
{
}

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

GListModel *
rg_session_list_staff (RgSession  *self,
                       GError    **error)
{
  g_autoptr(GListStore) staff = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RG_IS_SESSION (self), NULL);

  stmt = rg_db_prepare (self->db,
                        "SELECT id, name, role FROM staff"
                        " WHERE deleted = 0 AND active = 1 ORDER BY name",
                        error);
  if (stmt == NULL)
    return NULL;
  staff = g_list_store_new (RG_TYPE_SESSION_STAFF);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgSessionStaff) member = g_object_new (RG_TYPE_SESSION_STAFF, NULL);

      member->id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      member->name = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
      member->role = g_strdup ((const gchar *) sqlite3_column_text (stmt, 2));
      g_list_store_append (staff, member);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (self->db, error, "listing the staff");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&staff));
}

const gchar *
rg_session_staff_get_id (RgSessionStaff *self)
{
  g_return_val_if_fail (RG_IS_SESSION_STAFF (self), NULL);

  return self->id;
}

const gchar *
rg_session_staff_get_name (RgSessionStaff *self)
{
  g_return_val_if_fail (RG_IS_SESSION_STAFF (self), NULL);

  return self->name;
}

const gchar *
rg_session_staff_get_role (RgSessionStaff *self)
{
  g_return_val_if_fail (RG_IS_SESSION_STAFF (self), NULL);

  return self->role;
}
