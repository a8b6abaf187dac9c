# tests/unit/: one C file per unit test program, linked with lib/ and
# mail/.  The file name carries the test family number (1x: units).
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(O)/tests/%)
TESTBINS += $(UNIT_BINS)

$(O)/tests/%: $(O)/tests/unit/%.o $(LIBMAIL) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $< $(LIBMAIL) $(LIBSHINDAN) $(MAIL_LDLIBS) \
	    $(LIB_LDLIBS)
