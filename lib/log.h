/*
 * log: one line per event on stderr (journald or the stack's terminal),
 * "prog: area: what failed: why".  Messages are lower case and never
 * contain secrets: callers pass names and ids, never tokens, numbers,
 * session ids or mail bodies.  log_debug lines appear only when the
 * SHINDAN_DEBUG environment variable is set.
 */
#ifndef SHINDAN_LOG_H
#define SHINDAN_LOG_H

void	log_init(const char *prog);
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_err(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
