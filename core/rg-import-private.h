/* rg-import-private.h — what the files of the orders import share: the
 * state of one import and the rows, branches, items and guests it reads.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rg-import-read.c reads and checks every row of the file into an
 * RgImportRun without touching the database; rg-import-write.c then matches
 * and writes them in one transaction; rg-import.c holds the public API.
 */
#pragma once

#include "rg-csv.h"
#include "rg-import.h"
#include "rg-import-parse.h"

G_BEGIN_DECLS

/* A branch named by the file (or the default one); id and tz are set when
 * it is found or added in the database. */
typedef struct
{
  /* borrowed */
  const gchar *text;       /* interned, as written; NULL: the default branch */

  /* owned */
  gchar       *name;       /* NULL: the default branch until it is found */
  gchar       *id;
  GTimeZone   *tz;         /* NULL for UTC */
  gchar       *problem;    /* why rows of this branch cannot be imported */
} RgImportBranch;

/* An item of the file, one per folded name; id is set when it is matched
 * with the menu or added to it. */
typedef struct
{
  /* owned */
  gchar  *name;
  gchar  *category;
  gchar  *id;            /* set once matched or created */
  gchar  *problem;       /* why rows of this item cannot be imported */

  gint64  price;         /* the first price seen */
  gint64  cost;
} RgImportItem;

/* A guest of the file, by its id in the other system or else its phone. */
typedef struct
{
  /* borrowed, interned */
  const gchar *ref;
  const gchar *phone;

  /* owned */
  gchar       *id;       /* NULL: a walk-in */

  gboolean     resolved;
} RgImportGuest;

/* One row of the file that could be read. */
typedef struct
{
  RgImportStamp   stamp;

  /* borrowed */
  const gchar    *visit;       /* interned */
  const gchar    *date_text;   /* interned; set when the date order decides */
  RgImportBranch *branch;
  RgImportItem   *item;
  RgImportGuest  *guest;

  gint64          utc_ms;
  gint64          qty;
  gint64          total;       /* the line total in minor units */
  guint           line;
  gboolean        skipped;     /* its date does not exist in the file's order */
} RgImportRow;

/* The state of one import. */
typedef struct
{
  /* borrowed */
  RgDb                  *db;
  const RgImportOptions *options;
  RgCsvReader           *reader;

  /* owned */
  GStringChunk          *strings;
  GArray                *rows;            /* RgImportRow */
  GHashTable            *items_by_text;   /* interned "category\x1fname" → RgImportItem */
  GHashTable            *items_by_key;    /* folded name → RgImportItem */
  GPtrArray             *items;           /* RgImportItem, in the order first seen */
  GHashTable            *guests;          /* interned ref or phone → RgImportGuest */
  GPtrArray             *branches;        /* RgImportBranch */
  GHashTable            *menu;            /* folded name → known item, while writing */
  GString               *values[RG_IMPORT_N_ROLES];
  GString               *key;
  gchar                 *country;
  RgImportResult        *result;

  gint                   column[RG_IMPORT_N_ROLES];   /* -1: not mapped */
  gboolean               day_first;
} RgImportRun;

void      _rg_import_branch_free (RgImportBranch *branch);
void      _rg_import_item_free (RgImportItem *item);
void      _rg_import_guest_free (RgImportGuest *guest);

/* Case-folded NFC text: the key by which item names are compared. */
gchar    *_rg_import_fold_name (const gchar *name);

/* Reads the header and every row into @run, settles the order of day and
 * month, and lists the rows that cannot be read (or, when strict, fails). */
gboolean  _rg_import_read (RgImportRun *run, GError **error);

/* Writes the rows of @run in one transaction and rebuilds the rollups. */
gboolean  _rg_import_write (RgImportRun *run, GError **error);

G_END_DECLS
