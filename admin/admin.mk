# admin/: shindan-admin (migrate, keygen, check).
ADMIN_OBJS := $(O)/admin/main.o
BINS += $(O)/bin/shindan-admin

$(O)/bin/shindan-admin: $(ADMIN_OBJS) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $(ADMIN_OBJS) $(LIBSHINDAN) $(LIB_LDLIBS)
