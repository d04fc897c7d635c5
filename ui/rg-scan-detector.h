/* rg-scan-detector.h — tells a keyboard-wedge scanner from a person typing.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A barcode or QR scanner set up as a keyboard types the whole code in a
 * burst, each key a few milliseconds after the last, then Enter.  Nobody
 * types that fast: a run of at least min-length characters, each less than
 * max-gap-ms after the previous one, ended by Enter within the same gap, is
 * a scan.  Attach the detector to a window and it watches every key press
 * in capture phase, without taking any away from the focused widget except
 * the Enter that ends a scan.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_SCAN_DETECTOR_MAX_GAP_MS 30
#define RG_SCAN_DETECTOR_MIN_LENGTH 6

#define RG_TYPE_SCAN_DETECTOR (rg_scan_detector_get_type ())
G_DECLARE_FINAL_TYPE (RgScanDetector, rg_scan_detector, RG, SCAN_DETECTOR, GObject)

RgScanDetector *rg_scan_detector_new    (void);

/* Watches the key presses that reach @widget (usually the window). */
void            rg_scan_detector_attach (RgScanDetector *self,
                                         GtkWidget      *widget);

/*
 * rg_scan_detector_feed_char / rg_scan_detector_feed_enter:
 * @time_ms: the key event's time stamp
 *
 * What the key controller calls; public so that the timing rule can be
 * checked without a display.  feed_enter() returns %TRUE, after emitting
 * ::scanned, when the Enter ends a scan.
 */
void            rg_scan_detector_feed_char  (RgScanDetector *self,
                                             guint32         time_ms,
                                             gunichar        c);
gboolean        rg_scan_detector_feed_enter (RgScanDetector *self,
                                             guint32         time_ms);

G_END_DECLS
