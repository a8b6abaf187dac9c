/*
 * engine_sandbox: engine.h in a sandboxed child process.
 *
 * The runner holds every tenant's tokens, the database connection and
 * the key; the engine parses hostile mail (MIME, HTML, archives, PDF,
 * Office files, images) with large C libraries.  So the engine runs in
 * a child: engine_open() starts it by re-executing the program itself
 * (/proc/self/exe) with ENGINE_CHILD_ARG, so the child starts from a
 * fresh address space (nothing of the parent's memory, a new ASLR
 * layout) and with only its socket (fd 3) and stdin/stdout/stderr open.
 * The child loads the engine (signatures, rules), then locks itself
 * down (no new privileges, not dumpable, no core, resource limits, the
 * user nobody when started as root, Landlock that confines its writes
 * to a private directory the parent made and removes, and a seccomp
 * filter) and serves requests over a socketpair: length-prefixed
 * frames holding JSON and the MIME bytes.
 *
 * Every request has a deadline (engine_timeout seconds).  A child that
 * dies (crash, seccomp violation) or misses a deadline is killed,
 * logged and replaced by a fresh one, the live contexts set up again
 * (what they had learned from earlier messages is lost); the message
 * being scanned is reported as a potential threat with the single
 * finding "engine.failed", so it is neither lost nor called clean.
 *
 * engine_sandbox_child() must be the first thing main() calls in every
 * program that links this layer: it returns at once unless the program
 * was started as the engine child, and never returns if it was.
 */
#ifndef SHINDAN_SCAN_ENGINE_SANDBOX_H
#define SHINDAN_SCAN_ENGINE_SANDBOX_H

#include <sys/types.h>

#include "engine.h"

#define ENGINE_CHILD_ARG	"--engine-child"

void		 engine_sandbox_child(int argc, char *argv[]);

/* For the logs and the tests: the child's pid (0: none running), how
 * many children died or were killed, and the seccomp filter in force:
 * "allowlist" (release builds) or "denylist" (sanitizer builds, whose
 * runtimes need more than the allowlist grants). */
pid_t		 engine_sandbox_pid(const struct engine *);
unsigned long	 engine_sandbox_deaths(const struct engine *);
const char	*engine_sandbox_filter(void);

/* The child's private directory (its TMPDIR, the one place it may
 * write, removed when the child is gone; NULL: none), and the Landlock
 * ABI that confines its writes to it (0: none, the child may write
 * nowhere). */
const char	*engine_sandbox_tmpdir(const struct engine *);
int		 engine_sandbox_landlock(const struct engine *);

#ifdef SHINDAN_TEST_HOOKS
/* Test builds only: make the child do something it must not ("socket",
 * "exec", "open-write", "abort", "hang"), or try a write: "write-tmpdir"
 * (a file and a folder in its TMPDIR, left there), "write-at:PATH"
 * (create PATH), "mkdir-at:PATH", "trunc-at:PATH" (open it read-only
 * with O_TRUNC).  -1 when the child died (and was replaced), else the
 * errno the child's attempt met (0: it succeeded, or no attempt).
 * SHINDAN_TEST_NO_LANDLOCK in the environment of engine_open(): the
 * children do without Landlock, as on a kernel without it. */
int		 engine_sandbox_test(struct engine *, const char *what);
#endif

#endif
