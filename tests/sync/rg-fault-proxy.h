/* rg-fault-proxy.h — a TCP proxy on the loopback that breaks connections
 * on purpose, for the sync fault tests.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each connection is one request (nginx speaks HTTP/1.0 to its upstream).
 * The proxy passes connections through, or for the next N connections
 * applies a fault: reset, answer 500, wait before forwarding, or forward
 * the request and drop the answer (the store committed, the client never
 * hears it).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RG_FAULT_NONE,
  RG_FAULT_RESET,         /* close at once with a TCP reset */
  RG_FAULT_ERROR_500,     /* read the request, answer 500 */
  RG_FAULT_SLOW,          /* wait the delay, then forward */
  RG_FAULT_DROP_ANSWER,   /* forward the request, drop the answer */
} RgFault;

typedef struct _RgFaultProxy RgFaultProxy;

/* Listens on a free loopback port and forwards to 127.0.0.1:@target_port. */
RgFaultProxy *rg_fault_proxy_new (guint target_port);
void          rg_fault_proxy_free (RgFaultProxy *self);
guint         rg_fault_proxy_get_port (RgFaultProxy *self);

/* The next @count connections get @fault (then it passes again);
 * @delay_ms is the wait of RG_FAULT_SLOW. */
void          rg_fault_proxy_inject (RgFaultProxy *self, RgFault fault, guint count, guint delay_ms);

/* Connections that got a fault so far. */
guint         rg_fault_proxy_get_faults (RgFaultProxy *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgFaultProxy, rg_fault_proxy_free)

G_END_DECLS
