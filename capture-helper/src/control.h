/* The control channel (--control-fd OUT[,IN]): tagged, length-prefixed messages to the process that
 * launched the helper, and stop requests from it. Format in capture-helper/PROTOCOL.md. */
#ifndef SAKER_CONTROL_H
#define SAKER_CONTROL_H
#include <stddef.h>

#define CONTROL_STARTED 'S'
#define CONTROL_FILE 'F'
#define CONTROL_COUNTS 'C'
#define CONTROL_DROPS 'D'
#define CONTROL_ERROR 'E'
#define CONTROL_EXIT 'X'
#define CONTROL_STOP 'Q' /* launcher to helper */

struct control {
	int out_fd, in_fd;       /* -1: none */
	int in_closed;           /* end of file on the requests: the launcher closed its end */
	int out_broken;          /* a message could not be written: nobody reads any more */
	unsigned char in[4 + 4096];
	size_t in_len;
	size_t skip;             /* payload bytes of an ignored message still to come */
};

/* spec is "N" (one fd both ways, e.g. a socket) or "OUT,IN" (two pipes); errors name the flag. */
int control_open(struct control *c, const char *spec, char *err, size_t errlen);
/* Sends one message; nothing when there is no channel. */
void control_send(struct control *c, char tag, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* 1 when a stop request came or the launcher went away; never blocks. */
int control_stop_requested(struct control *c);
#endif
