# report/: the CSV and PDF writers, linked into the portal (whose link
# rule in cgi/cgi.mk expands CGI_OBJS and PKGS_CGI when it runs, so
# adding to them here is enough), and their C test (8x).
PKGS_REPORT := cairo pangocairo
PKGS_ALL += $(PKGS_REPORT)
PKGS_CGI += $(PKGS_REPORT)
BASE += -Ireport
REPORT_SRCS := report/csv.c report/pdf.c
REPORT_OBJS := $(REPORT_SRCS:%.c=$(O)/%.o)
CGI_OBJS += $(REPORT_OBJS)

$(O)/bin/shindan-portal: $(REPORT_OBJS)

TESTBINS += $(O)/tests/80-report

$(O)/tests/80-report: $(O)/report/t/80-report.o $(REPORT_OBJS) $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(call pc_libs,$(PKGS_REPORT)) \
	    $(LIB_LDLIBS)

# libFuzzer target for the CSV cell writer (make fuzz).
FUZZERS += $(O)/fuzz/report_csv
fuzzers: $(FUZZERS)

$(O)/fuzz/report_csv: $(O)/report/t/fuzz_csv.o $(O)/report/csv.o \
	    $(LIBSHINDAN)
	@mkdir -p $(@D)
	$(CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LIB_LDLIBS)
