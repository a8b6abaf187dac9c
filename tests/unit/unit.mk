# tests/unit/: one C file per unit test program, linked with lib/ and
# mail/.  The file name carries the test family number (1x: units).
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(O)/tests/%)
TESTBINS += $(UNIT_BINS)

$(O)/tests/%: $(O)/tests/unit/%.o $(LIBMAIL) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $< $(LIBMAIL) $(LIBSHINDAN) $(MAIL_LDLIBS) \
	    $(LIB_LDLIBS)

# Programs the .t scripts drive (not tests themselves: test-run runs
# only what is directly in tests/).
HELPER_SRCS := $(wildcard tests/helpers/*.c)
HELPER_BINS := $(HELPER_SRCS:tests/helpers/%.c=$(O)/tests/helpers/%)
TESTBINS += $(HELPER_BINS)

$(O)/tests/helpers/%: $(O)/tests/helpers/%.o $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $< $(LIBSHINDAN) $(LIB_LDLIBS)
