# lib/: what every part shares, as one static library.
LIB_SRCS := $(wildcard lib/*.c)
LIB_OBJS := $(LIB_SRCS:%.c=$(O)/%.o)
LIBSHINDAN := $(O)/libshindan.a
LIB_LDLIBS = $(call pc_libs,$(PKGS_LIB)) -lm

$(LIBSHINDAN): $(LIB_OBJS)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

# libFuzzer target for lib/'s parsers of what browsers and Microsoft
# send (make fuzz): tests/fuzz/lib_parsers.c.
FUZZERS += $(O)/fuzz/lib_parsers
fuzzers: $(FUZZERS)

$(O)/fuzz/lib_parsers: $(O)/tests/fuzz/lib_parsers.o $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LIB_LDLIBS)
