# Shindan: plain GNU make with pkg-config.
#
#   make            release build (hardening flags, -Werror) into build/release
#   make test       ASan+UBSan build into build/asan, then every test via prove
#   make run        the whole local stack on 127.0.0.1:8080 (foreground)
#   make lint       clang-format dry run, cppcheck, banned-call grep
#   make fuzz       libFuzzer targets (clang) over their seed corpora
#   make eval       detection figures over ../shared/corpus (when present)
#   make bench      benchmarks, printed as figures
#   make install    PREFIX=/usr/local DESTDIR=
#   make deps       install the Debian packages everything needs
#
# Each part keeps its sources and rules in a fragment (lib/lib.mk,
# cgi/cgi.mk, ...); a fragment adds its programs to BINS and its test
# programs to TESTBINS.

BUILD	?= release
O	:= build/$(BUILD)
CC	?= cc
PREFIX	?= /usr/local
DESTDIR	?=

WARN	:= -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wpointer-arith \
	   -Wstrict-prototypes -Wmissing-prototypes -Wvla
BASE	:= -std=gnu11 -D_GNU_SOURCE -g -Ilib -Imail -Itests -MMD -MP

ifeq ($(BUILD),asan)
OPT	:= -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	   -fno-sanitize-recover=all
LDOPT	:= -fsanitize=address,undefined -fno-sanitize-recover=all
else ifeq ($(BUILD),fuzz)
CC	:= clang
OPT	:= -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	   -fno-sanitize-recover=all -DFUZZING
LDOPT	:= -fsanitize=address,undefined -fno-sanitize-recover=all
else
OPT	:= -O2 -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3 -fstack-protector-strong \
	   -fstack-clash-protection -fcf-protection=full -fPIE
LDOPT	:= -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack
endif

# Every fragment lists the pkg-config names it needs in PKGS_<part>.
pc_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pc_libs   = $(shell pkg-config --libs $(1) 2>/dev/null)

PKGS_LIB := libpq libsodium openssl libcurl libcjson

CFLAGS_ALL = $(BASE) $(WARN) $(OPT) $(call pc_cflags,$(PKGS_ALL)) $(CFLAGS)
LDFLAGS_ALL = $(LDOPT) $(LDFLAGS)

BINS	:=
TESTBINS :=
PKGS_ALL := $(PKGS_LIB)

all: build-all

include lib/lib.mk
-include detect/detect.mk
-include cgi/cgi.mk
-include admin/admin.mk
-include mail/mail.mk
-include scan/scan.mk
-include report/report.mk
include tests/unit/unit.mk

build-all: $(BINS)
testbins: $(TESTBINS)
# The fuzz targets' own code, compiled with every test run (make fuzz
# links and runs them with clang): an interface changed under one fails
# here, not months later.
FUZZ_OBJS = $(patsubst %.c,$(O)/%.o,$(wildcard tests/fuzz/*.c)) \
	$(O)/report/t/fuzz_csv.o
fuzzobjs: $(FUZZ_OBJS)

# V=1 shows the commands.
Q	:= $(if $(V),,@)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

# Tests: the sanitizer build, a throw-away stack, every test via prove;
# and the release build of the runner and of the sandbox test, which
# tests/t/70-*.t run with the seccomp allowlist on (sanitizer runtimes
# need a laxer filter, SECURITY.md §3.5).
test: deps-check
	$(MAKE) BUILD=asan build-all testbins fuzzobjs
	$(MAKE) BUILD=release build/release/bin/shindan-runner \
	    build/release/tests/70-sandbox
	tools/test-run build/asan

run: deps-check
	$(MAKE) BUILD=release build-all
	tools/stack run build/release

deps:
	tools/deps install

deps-check:
	@tools/deps check || tools/deps install

lint:
	tools/lint

fuzz:
	tools/fuzz-run --deps
	$(MAKE) BUILD=fuzz fuzzers
	tools/fuzz-run build/fuzz

eval: deps-check
	$(MAKE) BUILD=release build-all
	tools/eval build/release

bench: deps-check
	$(MAKE) BUILD=release build-all
	bench/run build/release

install: build-all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/shindan
	install -m 0755 $(BINS) $(DESTDIR)$(PREFIX)/bin/
	cp -R sql mail/templates static nginx deploy \
	    $(DESTDIR)$(PREFIX)/share/shindan/
	-cp -R detect/rules $(DESTDIR)$(PREFIX)/share/shindan/ 2>/dev/null

clean:
	rm -rf build

.PHONY: all build-all testbins test run deps deps-check lint fuzz eval \
	bench install clean fuzzers fuzzobjs

-include $(shell find build/$(BUILD) -name '*.d' 2>/dev/null)
