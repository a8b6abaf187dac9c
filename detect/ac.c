/*
 * ac: Aho-Corasick multi-pattern matching, compiled once per engine into
 * a full DFA over byte classes (only the bytes that occur in patterns get
 * a class of their own), so that a scan costs one table load per byte.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

struct ac_edge {
	unsigned char	 c;
	int		 to;
	int		 next;	/* next edge of the same state, -1 */
};

struct ac_out {
	int		 id;
	int		 len;
	int		 next;	/* next output of the same state, -1 */
};

struct ac {
	/* build time */
	struct ac_edge	*edges;
	size_t		 nedges, edges_cap;
	int		*first;		/* first edge per state */
	/* both */
	int		*fail;
	int		*outs;		/* first output per state, -1 */
	int		*dict;		/* nearest state on the fail chain with
					   outputs, -1 */
	struct ac_out	*out;
	size_t		 nout, out_cap;
	size_t		 nstates, states_cap;
	/* run time */
	unsigned char	 cls[256];
	int		 ncls;
	int		*delta;		/* nstates * ncls */
};

static int
ac_state_new(struct ac *ac)
{
	if (ac->nstates == ac->states_cap) {
		ac->states_cap = ac->states_cap ? ac->states_cap * 2 : 256;
		ac->first = xrealloc(ac->first,
		    ac->states_cap * sizeof(*ac->first));
		ac->outs = xrealloc(ac->outs,
		    ac->states_cap * sizeof(*ac->outs));
	}
	ac->first[ac->nstates] = -1;
	ac->outs[ac->nstates] = -1;
	return (int)ac->nstates++;
}

struct ac *
ac_new(void)
{
	struct ac	*ac = xcalloc(1, sizeof(*ac));

	ac_state_new(ac);
	return ac;
}

static int
ac_goto(const struct ac *ac, int st, unsigned char c)
{
	int	 e;

	for (e = ac->first[st]; e != -1; e = ac->edges[e].next)
		if (ac->edges[e].c == c)
			return ac->edges[e].to;
	return -1;
}

void
ac_add(struct ac *ac, const char *pat, size_t len, int id)
{
	int	 st = 0, nx;
	size_t	 i;

	if (len == 0 || ac->delta != NULL)
		abort();
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)pat[i];

		nx = ac_goto(ac, st, c);
		if (nx == -1) {
			nx = ac_state_new(ac);
			if (ac->nedges == ac->edges_cap) {
				ac->edges_cap = ac->edges_cap ?
				    ac->edges_cap * 2 : 256;
				ac->edges = xrealloc(ac->edges,
				    ac->edges_cap * sizeof(*ac->edges));
			}
			ac->edges[ac->nedges].c = c;
			ac->edges[ac->nedges].to = nx;
			ac->edges[ac->nedges].next = ac->first[st];
			ac->first[st] = (int)ac->nedges++;
		}
		st = nx;
	}
	if (ac->nout == ac->out_cap) {
		ac->out_cap = ac->out_cap ? ac->out_cap * 2 : 64;
		ac->out = xrealloc(ac->out, ac->out_cap * sizeof(*ac->out));
	}
	ac->out[ac->nout].id = id;
	ac->out[ac->nout].len = (int)len;
	ac->out[ac->nout].next = ac->outs[st];
	ac->outs[st] = (int)ac->nout++;
}

void
ac_build(struct ac *ac)
{
	size_t	 i, qh = 0, qt = 0, n = ac->nstates;
	int	*queue, c, e;

	/* Byte classes: 0 for every byte no pattern uses. */
	memset(ac->cls, 0, sizeof(ac->cls));
	ac->ncls = 1;
	for (i = 0; i < ac->nedges; i++)
		if (ac->cls[ac->edges[i].c] == 0)
			ac->cls[ac->edges[i].c] = (unsigned char)ac->ncls++;
	if (ac->ncls > 255)
		abort();
	ac->fail = xcalloc(n, sizeof(int));
	ac->dict = xcalloc(n, sizeof(int));
	ac->delta = xcalloc(n * (size_t)ac->ncls, sizeof(int));
	queue = xcalloc(n, sizeof(int));

	/* Breadth first: a state's fail target is complete before it. */
	ac->fail[0] = 0;
	ac->dict[0] = -1;
	queue[qt++] = 0;
	while (qh < qt) {
		int st = queue[qh++];

		for (c = 0; c < ac->ncls; c++)
			ac->delta[(size_t)st * ac->ncls + c] = st == 0 ? 0 :
			    ac->delta[(size_t)ac->fail[st] * ac->ncls + c];
		for (e = ac->first[st]; e != -1; e = ac->edges[e].next) {
			int to = ac->edges[e].to;
			int k = ac->cls[ac->edges[e].c];

			ac->fail[to] = st == 0 ? 0 :
			    ac->delta[(size_t)ac->fail[st] * ac->ncls + k];
			ac->delta[(size_t)st * ac->ncls + k] = to;
			ac->dict[to] = ac->outs[ac->fail[to]] != -1 ?
			    ac->fail[to] : ac->dict[ac->fail[to]];
			queue[qt++] = to;
		}
	}
	free(queue);
	free(ac->edges);
	ac->edges = NULL;
	free(ac->first);
	ac->first = NULL;
}

void
ac_scan(const struct ac *ac, const char *s, size_t n, ac_fn fn, void *arg)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;
	int			 st = 0, t, o;

	if (ac == NULL || ac->delta == NULL)
		return;
	for (i = 0; i < n; i++) {
		st = ac->delta[(size_t)st * ac->ncls + ac->cls[p[i]]];
		for (t = st; t > 0; t = ac->dict[t]) {
			for (o = ac->outs[t]; o != -1; o = ac->out[o].next)
				if (fn(arg, ac->out[o].id,
				    i + 1 - (size_t)ac->out[o].len, i + 1))
					return;
			if (ac->dict[t] < 0)
				break;
		}
	}
}

size_t
ac_states(const struct ac *ac)
{
	return ac ? ac->nstates : 0;
}

void
ac_free(struct ac *ac)
{
	if (ac == NULL)
		return;
	free(ac->edges);
	free(ac->first);
	free(ac->fail);
	free(ac->outs);
	free(ac->dict);
	free(ac->out);
	free(ac->delta);
	free(ac);
}
