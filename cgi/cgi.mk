# cgi/: the FastCGI portal.
PKGS_CGI := fcgi
PKGS_ALL += $(PKGS_CGI)
CGI_SRCS := $(wildcard cgi/*.c)
CGI_OBJS := $(CGI_SRCS:%.c=$(O)/%.o)
BINS += $(O)/bin/shindan-portal

$(O)/bin/shindan-portal: $(CGI_OBJS) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $(CGI_OBJS) $(LIBSHINDAN) \
	    $(call pc_libs,$(PKGS_CGI)) $(LIB_LDLIBS)
