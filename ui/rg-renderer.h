/* rg-renderer.h — which renderer draws the app: OpenGL on a GPU, Cairo
 * where OpenGL would only be a software rasteriser.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 draws with OpenGL when it can get a context, and on a machine
 * without a GPU driver Mesa hands it llvmpipe, a rasteriser on the CPU.
 * Measured with the 100 000-guest demo under Xvfb on a 2-core machine
 * (tests/bench/bench-ui-start.c, 9 starts of each, interleaved, load 2-4):
 * with llvmpipe the app is interactive after 590 ms (p90 645) instead of
 * 211 ms (p90 269) with Cairo, and keeps 212 MiB resident instead of
 * 73 MiB (libLLVM's 54 MiB of code, some 80 MiB of heap for its shaders
 * and surfaces), for a screen of text, buttons and a floor plan that
 * Cairo draws on the same CPU at once (the UI tests and the keystroke
 * benchmark draw with Cairo too).  A
 * restaurant's terminal is often such a machine: a fanless box or an old
 * PC with an unsupported or missing GPU.  So the app draws with Cairo
 * there, and with OpenGL wherever a GPU can run it.
 *
 * The choice is GTK's own environment (GTK 4.8 has no API for it), made
 * before GTK starts: GSK_RENDERER=cairo, and gl-disable added to
 * GDK_DEBUG, without which GDK still loads the GL driver when it opens
 * the display (43 MiB of libLLVM resident with GSK_RENDERER=cairo
 * alone).  Whoever sets GSK_RENDERER themselves keeps their choice.
 *
 * Limit: a GPU behind an X server that cannot share it (Xvfb, VNC) is
 * taken for a GPU; GTK then uses llvmpipe as before.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder of the machine's GPU device nodes. */
#define RG_RENDERER_DRI_DIR "/dev/dri"

gboolean     rg_renderer_gl_is_software (const gchar *dri_dir);
const gchar *rg_renderer_choose         (const gchar *dri_dir);

G_END_DECLS
