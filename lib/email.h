/*
 * email: the address syntax Shindan accepts, a strict subset of RFC 5321
 * chosen so that an accepted address can never inject a header or a
 * command: local@domain, ASCII only, at most 254 bytes (local part 64),
 * local part of atext characters and single dots, domain of LDH labels
 * with at least one dot and an alphabetic top label.
 */
#ifndef SHINDAN_EMAIL_H
#define SHINDAN_EMAIL_H

/* 1 valid, 0 not. */
int	email_valid(const char *);
/* Lower-cased copy into out (size >= 255); -1 when not valid. */
int	email_normalize(const char *, char out[255]);

#endif
