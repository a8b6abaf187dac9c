# mail/: rendering and delivery of the outbox; shindan-mailer.
PKGS_MAIL := libesmtp-1.0 gmime-3.0
PKGS_ALL += $(PKGS_MAIL)
MAIL_LIB_SRCS := mail/render.c mail/compose.c mail/smtp.c mail/sender.c
MAIL_LIB_OBJS := $(MAIL_LIB_SRCS:%.c=$(O)/%.o)
LIBMAIL := $(O)/libmail.a
MAIL_LDLIBS = $(call pc_libs,$(PKGS_MAIL))
BINS += $(O)/bin/shindan-mailer

$(LIBMAIL): $(MAIL_LIB_OBJS)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(O)/bin/shindan-mailer: $(O)/mail/main.o $(LIBMAIL) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $(O)/mail/main.o $(LIBMAIL) $(LIBSHINDAN) \
	    $(MAIL_LDLIBS) $(LIB_LDLIBS)
