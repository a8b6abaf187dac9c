# detect/: the detection engine (libdetect.a), shindan-scan, its tests
# (family 2x) and fuzz targets.  The runner links
#	$(LIBDETECT) $(DETECT_LDLIBS)
# and includes detect/detect.h only.

PKGS_DETECT := gmime-3.0 libmagic libclamav yara libarchive libpsl \
	libidn2 zbar libpng libjpeg libwebp libwebpdemux zlib libcjson libsodium \
	libcrypto
PKGS_ALL += $(PKGS_DETECT)

DETECT_SRCS := $(filter-out detect/shindan-scan.c,$(wildcard detect/*.c))
DETECT_OBJS := $(DETECT_SRCS:%.c=$(O)/%.o)
LIBDETECT := $(O)/libdetect.a
DETECT_LDLIBS = $(call pc_libs,$(PKGS_DETECT)) -lgif -lm -lpthread

$(LIBDETECT): $(DETECT_OBJS)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

BINS += $(O)/bin/shindan-scan

$(O)/bin/shindan-scan: $(O)/detect/shindan-scan.o $(LIBDETECT) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $< $(LIBDETECT) $(LIBSHINDAN) \
	    $(DETECT_LDLIBS) $(LIB_LDLIBS)

# Tests: tests/detect/2N-name.c -> $(O)/tests/2N-name
DETECT_TEST_SRCS := $(wildcard tests/detect/2*.c)
DETECT_TESTS := $(DETECT_TEST_SRCS:tests/detect/%.c=$(O)/tests/%)
TESTBINS += $(DETECT_TESTS)

$(DETECT_TESTS): $(O)/tests/%: $(O)/tests/detect/%.o $(LIBDETECT) \
    $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $< $(LIBDETECT) $(LIBSHINDAN) \
	    $(DETECT_LDLIBS) $(LIB_LDLIBS)

# Fuzz targets (make BUILD=fuzz fuzzers): tests/fuzz/detect_*.c
DETECT_FUZZ_SRCS := $(wildcard tests/fuzz/detect_*.c)
DETECT_FUZZERS := $(DETECT_FUZZ_SRCS:tests/fuzz/%.c=$(O)/fuzz/%)
FUZZERS += $(DETECT_FUZZERS)

$(DETECT_FUZZERS): $(O)/fuzz/%: $(O)/tests/fuzz/%.o $(LIBDETECT) \
    $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -fsanitize=fuzzer -o $@ $< $(LIBDETECT) \
	    $(LIBSHINDAN) $(DETECT_LDLIBS) $(LIB_LDLIBS)

fuzzers: $(DETECT_FUZZERS)

# Tests and fuzz targets include detect.h (and, for units, internal.h).
$(O)/tests/detect/%.o: CFLAGS += -Idetect
$(O)/tests/fuzz/detect_%.o: CFLAGS += -Idetect

