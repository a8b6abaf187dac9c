/*
 * 16-http: reading Retry-After (RFC 9110 10.2.3) as Microsoft sends it
 * and as a hostile or broken server might: seconds, fractions, an
 * HTTP-date, and values no caller could convert safely.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http.h"
#include "tap.h"

int
main(void)
{
	char		 date[64];
	struct tm	 tm;
	time_t		 t = time(NULL) + 120;
	double		 d;

	ok(http_retry_after("5") == 5.0, "whole seconds");
	ok(http_retry_after(" 0.25") == 0.25, "fractional seconds");
	ok(http_retry_after("0") == 0.0, "zero");
	ok(http_retry_after("-3") == -1, "a negative value says nothing");
	ok(http_retry_after("nan") == -1, "nor does NaN");
	ok(http_retry_after("inf") == RETRY_AFTER_MAX, "inf is at most an hour");
	ok(http_retry_after("1e300") == RETRY_AFTER_MAX, "so is 1e300");
	ok(http_retry_after("soon") == -1, "words are unparseable");
	ok(http_retry_after("5s") == -1, "a unit after the number too");
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
	d = http_retry_after(date);
	ok(d >= 115 && d <= 121, "an HTTP-date two minutes ahead (%s): %.0f s",
	    date, d);
	ok(http_retry_after("Mon, 01 Jan 1990 00:00:00 GMT") == 0,
	    "a date in the past: no wait");
	ok(http_retry_after("Fri, 01 Jan 9999 00:00:00 GMT") ==
	    RETRY_AFTER_MAX, "a date centuries ahead: at most an hour");
	ok(isfinite(http_retry_after("1e308")), "always finite");
	return done_testing();
}
