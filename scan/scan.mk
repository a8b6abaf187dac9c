# scan/: shindan-runner, the scan runner (cron, every minute), and its
# tests (7x) and fuzz target.
PKGS_SCAN := libcurl libcjson libsodium libseccomp
PKGS_ALL += $(PKGS_SCAN)
SCAN_SRCS := scan/main.c scan/lease.c scan/auth.c scan/graph.c \
	scan/setup.c scan/mbox.c scan/store.c scan/notify.c scan/house.c \
	scan/link.c scan/corr.c
# The engine behind scan/engine.h: engine_sandbox.c, which runs in a
# sandboxed child (see scan/engine_sandbox.h) the engine of
# scan/engine_impl.h: the detection library when detect/ builds one
# (detect/detect.mk sets LIBDETECT), else a small built-in rule set.
# The runner itself knows only scan/engine.h.
ifdef LIBDETECT
SCAN_IMPL := scan/engine_detect.c
SCAN_ENGINE_LIBS = $(LIBDETECT) $(call pc_libs,$(PKGS_DETECT)) $(DETECT_LDLIBS)
$(O)/scan/engine_detect.o: CFLAGS += -Idetect
else
SCAN_IMPL := scan/engine_min.c
SCAN_ENGINE_LIBS :=
endif
SCAN_ENGINE := scan/engine_sandbox.c $(SCAN_IMPL)
SCAN_OBJS := $(SCAN_SRCS:%.c=$(O)/%.o) $(SCAN_ENGINE:%.c=$(O)/%.o)
# The test builds' runner obeys SHINDAN_TEST_ENGINE_FAULT (the engine
# child crashes, hangs or breaks the sandbox at its Nth message); the
# release build has no such code.
ifeq ($(BUILD),asan)
$(O)/scan/engine_sandbox.o: CFLAGS += -DSHINDAN_TEST_HOOKS
endif
BINS += $(O)/bin/shindan-runner

$(O)/bin/shindan-runner: $(SCAN_OBJS) $(if $(LIBDETECT),$(LIBDETECT)) \
	    $(LIBMAIL) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $(SCAN_OBJS) $(SCAN_ENGINE_LIBS) $(LIBMAIL) \
	    $(LIBSHINDAN) $(MAIL_LDLIBS) $(call pc_libs,$(PKGS_SCAN)) \
	    $(LIB_LDLIBS)

# C tests of the runner's pure parts: 7N-name.  Their sources and the
# fuzz target include scan/'s headers.
$(O)/scan/t/%.o $(O)/tests/fuzz/runner_%.o: CFLAGS += -Iscan
SCAN_TESTS := $(O)/tests/70-link $(O)/tests/70-sandbox
TESTBINS += $(SCAN_TESTS)

$(O)/tests/70-link: $(O)/scan/t/70-link.o $(O)/scan/link.o $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIB_LDLIBS)

# The sandbox against the engine in process, with the test hooks (in
# every build, release included: tests/t/70-sandbox-release.t).
$(O)/scan/t/engine_sandbox_hooks.o: scan/engine_sandbox.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Iscan -DSHINDAN_TEST_HOOKS -c $< -o $@

$(O)/tests/70-sandbox: $(O)/scan/t/70-sandbox.o \
	    $(O)/scan/t/engine_sandbox_hooks.o $(SCAN_IMPL:%.c=$(O)/%.o) \
	    $(if $(LIBDETECT),$(LIBDETECT)) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $(O)/scan/t/70-sandbox.o \
	    $(O)/scan/t/engine_sandbox_hooks.o $(SCAN_IMPL:%.c=$(O)/%.o) \
	    $(SCAN_ENGINE_LIBS) $(LIBSHINDAN) $(call pc_libs,$(PKGS_SCAN)) \
	    $(LIB_LDLIBS)
$(O)/scan/t/70-sandbox.o: CFLAGS += -DSHINDAN_TEST_HOOKS

# libFuzzer target for the nextLink validator (make fuzz).
FUZZERS += $(O)/fuzz/runner_link
fuzzers: $(FUZZERS)

$(O)/fuzz/runner_link: $(O)/tests/fuzz/runner_link.o $(O)/scan/link.o \
	    $(O)/lib/buf.o $(O)/lib/util.o
	@mkdir -p $(@D)
	$(CC) -fsanitize=fuzzer,address,undefined -o $@ $^
