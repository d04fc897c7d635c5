/* rg-central-store-private.h — one query on a pooled connection, for the
 * parts of the central store kept in files of their own (devices, rate
 * limits).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "rg-central-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Runs @sql with text parameters on a connection of the pool, as one
 * statement (its own transaction); %NULL with @error set (%RG_ERROR_DB,
 * %RG_ERROR_BUSY) unless the result has the status @expect.  @doing says
 * what for, in the message. */
PGresult *_rg_central_store_query (RgCentralStore      *self,
                                   const gchar         *sql,
                                   gint                 n_params,
                                   const gchar * const *params,
                                   ExecStatusType       expect,
                                   const gchar         *doing,
                                   GError             **error);

G_END_DECLS
