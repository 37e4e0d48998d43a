#include "control.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PAYLOAD 0xffffff

static int parse_fd(const char *s, char **end)
{
	long v = strtol(s, end, 10);
	return (*end == s || v < 0 || v > 65535) ? -1 : (int)v;
}

int control_open(struct control *c, const char *spec, char *err, size_t errlen)
{
	memset(c, 0, sizeof(*c));
	c->out_fd = c->in_fd = -1;
	if (!spec)
		return 0;
	char *end;
	int out = parse_fd(spec, &end), in = out;
	if (out >= 0 && *end == ',')
		in = parse_fd(end + 1, &end);
	if (out < 0 || in < 0 || *end) {
		snprintf(err, errlen, "--control-fd wants N or OUT,IN (open file descriptors), not '%s'", spec);
		return -1;
	}
	if (fcntl(out, F_GETFD) < 0 || fcntl(in, F_GETFD) < 0) {
		snprintf(err, errlen, "--control-fd %s: descriptor %d is not open", spec, fcntl(out, F_GETFD) < 0 ? out : in);
		return -1;
	}
	int fl = fcntl(in, F_GETFL);
	if (fl < 0 || fcntl(in, F_SETFL, fl | O_NONBLOCK) < 0) {
		snprintf(err, errlen, "--control-fd %s: cannot make descriptor %d non-blocking: %s", spec, in, strerror(errno));
		return -1;
	}
	fcntl(out, F_SETFD, FD_CLOEXEC);
	fcntl(in, F_SETFD, FD_CLOEXEC);
	c->out_fd = out;
	c->in_fd = in;
	return 0;
}

void control_send(struct control *c, char tag, const char *fmt, ...)
{
	if (c->out_fd < 0 || c->out_broken)
		return;
	char msg[4 + 4096];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg + 4, sizeof(msg) - 4, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(msg) - 5)
		n = (int)(sizeof(msg) - 5);
	msg[0] = tag;
	msg[1] = (char)((n >> 16) & 0xff);
	msg[2] = (char)((n >> 8) & 0xff);
	msg[3] = (char)(n & 0xff);
	/* A message goes out whole even when the descriptor is shared with the non-blocking reader. */
	size_t off = 0, total = (size_t)n + 4;
	while (off < total) {
		ssize_t w = write(c->out_fd, msg + off, total - off);
		if (w < 0 && (errno == EINTR || errno == EAGAIN)) {
			if (errno == EAGAIN)
				usleep(1000);
			continue;
		}
		if (w <= 0) {
			c->out_broken = 1; /* EPIPE: nobody listens any more */
			return;
		}
		off += (size_t)w;
	}
}

int control_stop_requested(struct control *c)
{
	if (c->in_fd < 0 || c->in_closed)
		return c->out_broken || c->in_closed;
	for (;;) {
		ssize_t r = read(c->in_fd, c->in + c->in_len, sizeof(c->in) - c->in_len);
		if (r == 0) {
			c->in_closed = 1;
			break;
		}
		if (r < 0)
			break; /* EAGAIN: nothing more now */
		c->in_len += (size_t)r;
		/* a stop request ends the capture; the payload of any other message is skipped */
		while (c->in_len > 0) {
			size_t k = c->skip < c->in_len ? c->skip : c->in_len;
			if (k == 0) {
				if (c->in_len < 4)
					break;
				if (c->in[0] == CONTROL_STOP)
					return 1;
				c->skip = ((size_t)c->in[1] << 16) | ((size_t)c->in[2] << 8) | c->in[3];
				k = 4;
			} else {
				c->skip -= k;
			}
			memmove(c->in, c->in + k, c->in_len - k);
			c->in_len -= k;
		}
	}
	return c->out_broken || c->in_closed;
}
