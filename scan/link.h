/*
 * link: the URLs the runner follows (SECURITY.md R-OA-12).
 *
 * An @odata.nextLink comes from Graph and is stored as a checkpoint, so
 * it is read back from the database before it is followed: a tampered
 * row must not turn the runner into a proxy to another host.  A link is
 * followed only when it starts with the configured graph_base followed
 * by '/' (so "https://graph.microsoft.com.evil/", userinfo such as
 * "https://graph.microsoft.com@evil/" and "/v1.0.evil" all fail), is
 * printable ASCII without spaces, backslashes or a fragment, holds no
 * dot segment (plain or percent-encoded), and is at most LINK_MAX bytes.
 * Pure functions: no I/O, no allocation beyond the caller's buffer.
 */
#ifndef SHINDAN_SCAN_LINK_H
#define SHINDAN_SCAN_LINK_H

#include <stddef.h>

#include "buf.h"

#define LINK_MAX	8192

/* 1 when link may be followed under base (no trailing slash), else 0. */
int	 link_ok(const char *base, const char *link);
int	 link_okn(const char *base, const char *link, size_t len);
/* Copy link into out with the value of its $top (or %24top) query
 * parameter replaced by top; 0 done, -1 when it has none. */
int	 link_set_top(const char *link, int top, struct buf *out);
/* The value of $top in link, or -1. */
int	 link_top(const char *link);

#endif
