#!/bin/sh
# 70-sandbox-release: scan/t/70-sandbox.c as the release build runs it,
# with the seccomp allowlist on (the sanitizer build, which `make test`
# runs as 70-sandbox, has the laxer denylist): every sample and every
# message of the synthetic tenant judged as in process, 0 sandbox kills,
# and the kills and restarts when the child breaks the rules.  `make
# test` builds it; run by hand: make BUILD=release build/release/tests/70-sandbox
cd "${SHINDAN_SRC:-.}" || exit 1
t=build/release/tests/70-sandbox
if [ ! -x "$t" ]; then
	echo "1..0 # SKIP no release build of the sandbox test ($t)"
	exit 0
fi
exec "$t" 2>>"${SHINDAN_ROOT:-/tmp}/log/sandbox-release.log"
