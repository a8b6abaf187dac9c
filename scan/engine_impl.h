/*
 * engine_impl: the engine itself, behind the sandbox (engine_sandbox.c).
 *
 * engine.h is what the runner sees; engine_sandbox.c implements it by
 * running the functions below in a sandboxed child process, and one of
 * engine_detect.c (the detection library) or engine_min.c (a small
 * built-in rule set) implements them.  They make the same promises as
 * their engine.h namesakes; the sandbox only adds a process boundary.
 * Nothing but engine_sandbox.c and the tests includes this header.
 */
#ifndef SHINDAN_SCAN_ENGINE_IMPL_H
#define SHINDAN_SCAN_ENGINE_IMPL_H

#include "engine.h"

struct impl;
struct impl_ctx;

struct impl	*impl_open(const struct conf *);
void		 impl_close(struct impl *);
struct impl_ctx	*impl_ctx_new(struct impl *);
void		 impl_ctx_free(struct impl_ctx *);
int		 impl_ctx_set_org(struct impl_ctx *, const char *const *domains,
		    const char *const *people, const char *const *correspondents,
		    const char *reader);
const char	*impl_select(const struct impl *);
enum engine_need impl_needs(struct impl *, const cJSON *msg,
		    const cJSON *attachments);
int		 impl_scan(struct impl_ctx *, struct arena *, const cJSON *msg,
		    const cJSON *attachments, const char *mime, size_t mimelen,
		    struct engine_result *);
const char	*impl_name(const struct impl *);

#endif
