# lib/: what every part shares, as one static library.
LIB_SRCS := $(wildcard lib/*.c)
LIB_OBJS := $(LIB_SRCS:%.c=$(O)/%.o)
LIBSHINDAN := $(O)/libshindan.a
LIB_LDLIBS = $(call pc_libs,$(PKGS_LIB)) -lm

$(LIBSHINDAN): $(LIB_OBJS)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^
