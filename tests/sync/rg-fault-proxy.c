/* rg-fault-proxy.c — a loopback TCP proxy that injects faults.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-fault-proxy.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct _RgFaultProxy
{
  GThread *thread;
  GMutex   lock;
  gint     listen_fd;
  guint    port;
  guint    target_port;

  /* under lock */
  RgFault  fault;
  guint    remaining;
  guint    delay_ms;
  guint    faults;
};

typedef struct
{
  gint    client;
  guint   target_port;
  RgFault fault;
  guint   delay_ms;
} Connection;

static gint
connect_target (guint port)
{
  struct sockaddr_in address = { 0 };
  gint fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  address.sin_family = AF_INET;
  address.sin_port = htons ((guint16) port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &address, sizeof address) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static void
reset_and_close (gint fd)
{
  struct linger linger = { 1, 0 };

  setsockopt (fd, SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  close (fd);
}

/* Reads what the client sends until it pauses for @idle_ms. */
static void
drain (gint fd,
       gint idle_ms)
{
  gchar buf[16384];
  struct pollfd p = { fd, POLLIN, 0 };

  while (poll (&p, 1, idle_ms) > 0 && read (fd, buf, sizeof buf) > 0)
    ;
}

/* Copies both ways until both sides are done; with @drop_answer the
 * target's answer is read and thrown away. */
static void
forward (gint     client,
         gint     target,
         gboolean drop_answer)
{
  struct pollfd fds[2] = { { client, POLLIN, 0 }, { target, POLLIN, 0 } };
  gboolean open[2] = { TRUE, TRUE };
  gchar buf[65536];

  while (open[0] || open[1])
    {
      if (poll (fds, 2, 30000) <= 0)
        break;
      for (gint i = 0; i < 2; i++)
        {
          gint from = i == 0 ? client : target;
          gint to = i == 0 ? target : client;
          gssize n;

          if (!open[i] || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
          n = read (from, buf, sizeof buf);
          if (n <= 0)
            {
              open[i] = FALSE;
              fds[i].fd = -1;
              shutdown (to, SHUT_WR);
              if (i == 1 && drop_answer)
                return;
              continue;
            }
          if (i == 1 && drop_answer)
            continue;
          for (gssize done = 0; done < n;)
            {
              gssize w = send (to, buf + done, (gsize) (n - done), MSG_NOSIGNAL);

              /* the other side stopped reading (it answered early):
               * stop this direction, keep relaying its answer */
              if (w <= 0)
                {
                  open[i] = FALSE;
                  fds[i].fd = -1;
                  break;
                }
              done += w;
            }
        }
    }
}

static gpointer
serve_connection (gpointer data)
{
  g_autofree Connection *c = data;
  gint target;

  switch (c->fault)
    {
    case RG_FAULT_RESET:
      reset_and_close (c->client);
      return NULL;
    case RG_FAULT_ERROR_500:
      {
        static const gchar answer[] =
          "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
          "Content-Length: 30\r\nConnection: close\r\n\r\n{\"error\":\"injected failure\"}\r\n";

        drain (c->client, 100);
        if (send (c->client, answer, sizeof answer - 1, MSG_NOSIGNAL) < 0)
          g_debug ("the client left before the injected 500");
        close (c->client);
        return NULL;
      }
    case RG_FAULT_SLOW:
      g_usleep ((gulong) c->delay_ms * 1000);
      break;
    case RG_FAULT_NONE:
    case RG_FAULT_DROP_ANSWER:
    default:
      break;
    }

  target = connect_target (c->target_port);
  if (target < 0)
    {
      reset_and_close (c->client);
      return NULL;
    }
  forward (c->client, target, c->fault == RG_FAULT_DROP_ANSWER);
  if (c->fault == RG_FAULT_DROP_ANSWER)
    reset_and_close (c->client);
  else
    close (c->client);
  close (target);
  return NULL;
}

static gpointer
accept_loop (gpointer data)
{
  RgFaultProxy *self = data;

  for (;;)
    {
      gint client = accept4 (self->listen_fd, NULL, NULL, SOCK_CLOEXEC);
      Connection *c;

      if (client < 0)
        {
          if (errno == EINTR || errno == ECONNABORTED)
            continue;
          return NULL;
        }
      c = g_new0 (Connection, 1);
      c->client = client;
      c->target_port = self->target_port;
      g_mutex_lock (&self->lock);
      if (self->remaining > 0)
        {
          c->fault = self->fault;
          c->delay_ms = self->delay_ms;
          self->remaining--;
          self->faults++;
        }
      g_mutex_unlock (&self->lock);
      g_thread_unref (g_thread_new ("fault-proxy-connection", serve_connection, c));
    }
}

RgFaultProxy *
rg_fault_proxy_new (guint target_port)
{
  RgFaultProxy *self = g_new0 (RgFaultProxy, 1);
  struct sockaddr_in address = { 0 };
  socklen_t length = sizeof address;
  gint one = 1;

  g_mutex_init (&self->lock);
  self->target_port = target_port;
  self->listen_fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  setsockopt (self->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (self->listen_fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (listen (self->listen_fd, 64), ==, 0);
  getsockname (self->listen_fd, (struct sockaddr *) &address, &length);
  self->port = ntohs (address.sin_port);
  self->thread = g_thread_new ("fault-proxy", accept_loop, self);
  return self;
}

void
rg_fault_proxy_free (RgFaultProxy *self)
{
  if (self == NULL)
    return;
  shutdown (self->listen_fd, SHUT_RDWR);
  close (self->listen_fd);
  g_thread_join (self->thread);
  g_mutex_clear (&self->lock);
  g_free (self);
}

guint
rg_fault_proxy_get_port (RgFaultProxy *self)
{
  return self->port;
}

void
rg_fault_proxy_inject (RgFaultProxy *self,
                       RgFault       fault,
                       guint         count,
                       guint         delay_ms)
{
  g_mutex_lock (&self->lock);
  self->fault = fault;
  self->remaining = count;
  self->delay_ms = delay_ms;
  g_mutex_unlock (&self->lock);
}

guint
rg_fault_proxy_get_faults (RgFaultProxy *self)
{
  guint faults;

  g_mutex_lock (&self->lock);
  faults = self->faults;
  g_mutex_unlock (&self->lock);
  return faults;
}
