/* rg-renderer.c — which renderer draws the app (see rg-renderer.h for the
 * measurements behind the choice).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-renderer.h"

#include <glib/gstdio.h>
#include <unistd.h>

/* GDK_DEBUG's flag that keeps GDK from opening any GL context. */
#define GL_DISABLE_FLAG "gl-disable"

/**
 * rg_renderer_gl_is_software:
 * @dri_dir: the folder of the GPU device nodes, %RG_RENDERER_DRI_DIR
 *
 * Whether OpenGL on this machine can only be Mesa's software rasteriser:
 * @dri_dir holds no render node (`renderD*`) this user may open for
 * reading and writing, which every GPU driver draws through, or
 * LIBGL_ALWAYS_SOFTWARE asks Mesa for the rasteriser anyway.  Opens no GL
 * driver to find out: loading one is the cost this avoids.
 *
 * Returns: %TRUE when OpenGL would be drawn by the CPU.
 */
gboolean
rg_renderer_gl_is_software (const gchar *dri_dir)
{
  g_autoptr(GDir) dir = NULL;
  const gchar *software = g_getenv ("LIBGL_ALWAYS_SOFTWARE");
  const gchar *name;

  g_return_val_if_fail (dri_dir != NULL, TRUE);

  if (software != NULL && *software != '\0' && g_strcmp0 (software, "0") != 0)
    return TRUE;
  dir = g_dir_open (dri_dir, 0, NULL);
  if (dir == NULL)
    return TRUE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = NULL;

      if (!g_str_has_prefix (name, "renderD"))
        continue;
      path = g_build_filename (dri_dir, name, NULL);
      if (g_access (path, R_OK | W_OK) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * rg_renderer_choose:
 * @dri_dir: the folder of the GPU device nodes, %RG_RENDERER_DRI_DIR
 *
 * Chooses how the app draws, before GTK starts (call it before
 * gtk_init() or the application's startup; it sets the process's
 * environment, which GTK reads then): Cairo, with OpenGL kept out of the
 * process (GSK_RENDERER=cairo, gl-disable added to GDK_DEBUG), when
 * rg_renderer_gl_is_software(); GTK's own choice otherwise, and whenever
 * GSK_RENDERER is already set.
 *
 * Returns: (nullable): "cairo" when it chose Cairo, %NULL when GTK chooses.
 */
const gchar *
rg_renderer_choose (const gchar *dri_dir)
{
  const gchar *debug = g_getenv ("GDK_DEBUG");
  g_autofree gchar *flags = NULL;

  g_return_val_if_fail (dri_dir != NULL, NULL);

  if (g_getenv ("GSK_RENDERER") != NULL || !rg_renderer_gl_is_software (dri_dir))
    return NULL;
  flags = debug != NULL && *debug != '\0'
          ? g_strconcat (debug, ",", GL_DISABLE_FLAG, NULL)
          : g_strdup (GL_DISABLE_FLAG);
  g_setenv ("GDK_DEBUG", flags, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return "cairo";
}
