/* rg-fuzz.h — what the fuzz targets share: the libFuzzer entry points, which
 * every fuzz-<target>.c defines, and a few helpers for them.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target is linked two ways: with libFuzzer (-Dfuzzing=true, clang) to
 * search for inputs that crash it, and with fuzz-replay.c in every build,
 * a Check program that runs each file of its corpus and of its crash
 * reproducers through the same LLVMFuzzerTestOneInput().  A target checks
 * what must hold with g_assert*(): a failed assertion aborts, which
 * libFuzzer reports as a finding and Check as a failed test.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "rg-db.h"

G_BEGIN_DECLS

/* Called once before the first input: sets up what every input shares. */
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* Runs one input; always returns 0 (libFuzzer reserves other values). */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Inputs longer than this are not looked at: a person types a few hundred
 * characters at most, and short inputs keep the search fast.  Files are
 * fuzzed in full. */
#define RG_FUZZ_MAX_TEXT 4096

/**
 * rg_fuzz_dup_text:
 * @data: the input
 * @size: its length in bytes
 *
 * Returns: (transfer full) (nullable): @data as a nul-terminated string,
 *   cut at its first nul byte, or %NULL when @size is over
 *   %RG_FUZZ_MAX_TEXT.
 */
gchar *rg_fuzz_dup_text (const uint8_t *data, size_t size);

/**
 * rg_fuzz_init:
 *
 * Makes a critical warning fatal, as G_DEBUG=fatal-criticals does: a
 * g_return_if_fail() reached from input is a bug to find.
 */
void rg_fuzz_init (void);

/**
 * rg_fuzz_open_db:
 *
 * Opens a new database in memory with every migration applied; aborts when
 * that fails.
 *
 * Returns: (transfer full): the connection.
 */
RgDb *rg_fuzz_open_db (void);

/**
 * rg_fuzz_add_guest:
 * @db: a connection
 * @name: the guest's name
 * @phone: (nullable): the guest's number, as typed
 * @card: (nullable): a member card number
 *
 * Adds a guest; aborts when that fails.
 *
 * Returns: (transfer full): the guest's id.
 */
gchar *rg_fuzz_add_guest (RgDb        *db,
                          const gchar *name,
                          const gchar *phone,
                          const gchar *card);

/**
 * rg_fuzz_query_int:
 * @db: a connection
 * @sql: a query that yields one integer
 *
 * Returns: the integer; aborts when the query fails.
 */
gint64 rg_fuzz_query_int (RgDb        *db,
                          const gchar *sql);

G_END_DECLS
