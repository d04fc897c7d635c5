/* rg-scan-detector.c — bursts of keys ended by Enter are scans.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-scan-detector.h"

struct _RgScanDetector
{
  GObject parent_instance;

  /* owned */
  GString *run;           /* the characters of the current fast run */

  guint32  last_ms;
  guint    max_gap_ms;
  guint    min_length;
};

G_DEFINE_FINAL_TYPE (RgScanDetector, rg_scan_detector, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_GAP_MS,
  PROP_MIN_LENGTH,
  N_PROPS
};

enum {
  SCANNED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --------------------------------------------------------------- helpers */

static gboolean
follows_closely (RgScanDetector *self,
                 guint32         time_ms)
{
  return self->run->len > 0 && time_ms - self->last_ms < self->max_gap_ms;
}

/* ------------------------------------------------------------- callbacks */

static gboolean
on_key_controller_key_pressed_cb (GtkEventControllerKey *controller,
                                  guint                  keyval,
                                  guint                  keycode,
                                  GdkModifierType        state,
                                  RgScanDetector        *self)
{
  guint32 time_ms = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller));
  gunichar c;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    return rg_scan_detector_feed_enter (self, time_ms);

  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isgraph (c) && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    rg_scan_detector_feed_char (self, time_ms, c);
  return GDK_EVENT_PROPAGATE;
}

/* ------------------------------------------------------------- overrides */

static void
rg_scan_detector_finalize (GObject *object)
{
  RgScanDetector *self = RG_SCAN_DETECTOR (object);

  g_string_free (self->run, TRUE);

  G_OBJECT_CLASS (rg_scan_detector_parent_class)->finalize (object);
}

static void
rg_scan_detector_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RgScanDetector *self = RG_SCAN_DETECTOR (object);

  switch (prop_id)
    {
    case PROP_MAX_GAP_MS:
      g_value_set_uint (value, self->max_gap_ms);
      break;
    case PROP_MIN_LENGTH:
      g_value_set_uint (value, self->min_length);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_scan_detector_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RgScanDetector *self = RG_SCAN_DETECTOR (object);

  switch (prop_id)
    {
    case PROP_MAX_GAP_MS:
      self->max_gap_ms = g_value_get_uint (value);
      break;
    case PROP_MIN_LENGTH:
      self->min_length = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_scan_detector_class_init (RgScanDetectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_scan_detector_finalize;
  object_class->get_property = rg_scan_detector_get_property;
  object_class->set_property = rg_scan_detector_set_property;

  properties[PROP_MAX_GAP_MS] =
    g_param_spec_uint ("max-gap-ms", NULL, NULL, 1, 1000, RG_SCAN_DETECTOR_MAX_GAP_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_LENGTH] =
    g_param_spec_uint ("min-length", NULL, NULL, 1, 256, RG_SCAN_DETECTOR_MIN_LENGTH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgScanDetector::scanned:
   * @code: the characters the scanner typed, without the Enter
   */
  signals[SCANNED] = g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rg_scan_detector_init (RgScanDetector *self)
{
  self->run = g_string_new (NULL);
}

/* ------------------------------------------------------------ public API */

RgScanDetector *
rg_scan_detector_new (void)
{
  return g_object_new (RG_TYPE_SCAN_DETECTOR, NULL);
}

void
rg_scan_detector_attach (RgScanDetector *self,
                         GtkWidget      *widget)
{
  GtkEventController *controller;

  g_return_if_fail (RG_IS_SCAN_DETECTOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "rg-scan-detector");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_key_controller_key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

void
rg_scan_detector_feed_char (RgScanDetector *self,
                            guint32         time_ms,
                            gunichar        c)
{
  g_return_if_fail (RG_IS_SCAN_DETECTOR (self));

  if (!follows_closely (self, time_ms))
    g_string_truncate (self->run, 0);
  g_string_append_unichar (self->run, c);
  self->last_ms = time_ms;
}

gboolean
rg_scan_detector_feed_enter (RgScanDetector *self,
                             guint32         time_ms)
{
  g_autofree gchar *code = NULL;

  g_return_val_if_fail (RG_IS_SCAN_DETECTOR (self), FALSE);

  if (!follows_closely (self, time_ms)
      || g_utf8_strlen (self->run->str, -1) < (glong) self->min_length)
    {
      g_string_truncate (self->run, 0);
      return FALSE;
    }
  code = g_strdup (self->run->str);
  g_string_truncate (self->run, 0);
  g_signal_emit (self, signals[SCANNED], 0, code);
  return TRUE;
}
