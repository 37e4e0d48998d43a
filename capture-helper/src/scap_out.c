#include "scap_out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct scap_out {
	int fd;
	gzFile gz;
	uint8_t buf[1 << 16];
	size_t used;
	unsigned long long committed; /* bytes of whole blocks the file holds */
	int regular;                  /* a regular file, which can be cut back after a failed write */
	int failed;
};

struct scap_out *scap_out_open(const char *path, int gzip, char *err, size_t errlen)
{
	int fd, regular = 0;
	if (strcmp(path, "-") == 0) {
		fd = dup(STDOUT_FILENO);
	} else {
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		struct stat st;
		/* an existing file keeps its mode through O_CREAT; a device (/dev/full, a pipe) is left alone */
		regular = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
		if (regular && fchmod(fd, 0600) != 0) {
			snprintf(err, errlen, "cannot make %s mode 0600: %s", path, strerror(errno));
			close(fd);
			return NULL;
		}
	}
	if (fd < 0) {
		snprintf(err, errlen, "cannot open %s for writing: %s", path, strerror(errno));
		return NULL;
	}
	struct scap_out *o = calloc(1, sizeof(*o));
	if (!o) {
		snprintf(err, errlen, "out of memory");
		close(fd);
		return NULL;
	}
	o->fd = fd;
	o->regular = regular;
	if (gzip) {
		o->gz = gzdopen(fd, "wb");
		if (!o->gz) {
			snprintf(err, errlen, "cannot start gzip output on %s", path);
			close(fd);
			free(o);
			return NULL;
		}
	}
	return o;
}

static int raw_write(struct scap_out *o, const void *p, size_t n)
{
	if (o->failed)
		return -1;
	if (o->gz) {
		if (n && gzwrite(o->gz, p, (unsigned)n) != (int)n) {
			o->failed = errno ? errno : EIO;
			return -1;
		}
		return 0;
	}
	const uint8_t *c = p;
	size_t total = n;
	while (n > 0) {
		ssize_t w = write(o->fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			o->failed = errno ? errno : EIO;
			/* Only whole blocks are handed to raw_write: cut a partly written one off (disk full),
			 * so the file ends on a block boundary and reads to its end. */
			if (o->regular && ftruncate(o->fd, (off_t)o->committed) != 0)
				o->regular = 0; /* the reader will report the last block as truncated */
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	o->committed += total;
	return 0;
}

/* Buffered so that a block is handed to the kernel whole or not at all before a flush. */
static int out_write(struct scap_out *o, const void *p, size_t n)
{
	if (o->used + n > sizeof(o->buf)) {
		if (scap_flush(o))
			return -1;
		if (n > sizeof(o->buf))
			return raw_write(o, p, n);
	}
	memcpy(o->buf + o->used, p, n);
	o->used += n;
	return 0;
}

int scap_flush(struct scap_out *o)
{
	int rc = raw_write(o, o->buf, o->used);
	o->used = 0;
	if (rc == 0 && o->gz && gzflush(o->gz, Z_SYNC_FLUSH) != Z_OK) {
		o->failed = errno ? errno : EIO;
		rc = -1;
	}
	return rc;
}

unsigned long long scap_out_size(const struct scap_out *o)
{
	return o->committed + o->used;
}

int scap_out_failed(const struct scap_out *o)
{
	return o->failed;
}

int scap_out_close(struct scap_out *o)
{
	int rc = scap_flush(o);
	if (o->gz) {
		if (gzclose(o->gz) != Z_OK)
			rc = -1;
	} else if (close(o->fd) != 0) {
		rc = -1;
	}
	free(o);
	return rc;
}

static void block_reserve(struct block *b, size_t n)
{
	if (b->len + n <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + n)
		cap *= 2;
	uint8_t *d = realloc(b->data, cap);
	if (!d) {
		b->oom = 1;
		return;
	}
	b->data = d;
	b->cap = cap;
}

void block_bytes(struct block *b, const void *p, size_t n)
{
	block_reserve(b, n);
	if (b->oom)
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void block_u8(struct block *b, uint8_t v) { block_bytes(b, &v, 1); }
void block_u16(struct block *b, uint16_t v) { block_bytes(b, &v, 2); }
void block_u32(struct block *b, uint32_t v) { block_bytes(b, &v, 4); }
void block_u64(struct block *b, uint64_t v) { block_bytes(b, &v, 8); }

void block_put_u32(struct block *b, size_t at, uint32_t v)
{
	if (!b->oom && at + 4 <= b->len)
		memcpy(b->data + at, &v, 4);
}

void block_str(struct block *b, const char *s, size_t n, size_t max)
{
	if (n > max)
		n = max;
	block_u16(b, (uint16_t)n);
	block_bytes(b, s, n);
}

void block_begin(struct block *b, uint32_t type)
{
	b->len = 0;
	b->oom = 0;
	block_u32(b, type);
	block_u32(b, 0); /* total length, set by block_write */
}

int block_write(struct scap_out *o, struct block *b)
{
	static const uint8_t zeros[4];
	block_bytes(b, zeros, (4 - (b->len & 3)) & 3);
	uint32_t total = (uint32_t)b->len + 4;
	block_put_u32(b, 4, total);
	block_u32(b, total);
	if (b->oom)
		return -1;
	if (o->used + b->len > sizeof(o->buf) && scap_flush(o))
		return -1;
	return out_write(o, b->data, b->len);
}

void block_free(struct block *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

int scap_write_shb(struct scap_out *o)
{
	struct block b = {0};
	block_begin(&b, SCAP_BLOCK_SHB);
	block_u32(&b, 0x1A2B3C4D);
	block_u16(&b, 1);
	block_u16(&b, 2);
	block_u64(&b, UINT64_MAX);
	int rc = block_write(o, &b);
	block_free(&b);
	return rc;
}

int scap_write_mi(struct scap_out *o, uint64_t boot_ts_epoch)
{
	struct block b = {0};
	char host[128] = {0};
	gethostname(host, sizeof(host) - 1);
	long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
	uint64_t max_pid = 32768;
	FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
	if (f) {
		unsigned long long v;
		if (fscanf(f, "%llu", &v) == 1)
			max_pid = v;
		fclose(f);
	}
	block_begin(&b, SCAP_BLOCK_MI);
	block_u32(&b, (uint32_t)sysconf(_SC_NPROCESSORS_ONLN));
	block_u64(&b, (uint64_t)pages * (uint64_t)page);
	block_u64(&b, max_pid);
	block_bytes(&b, host, sizeof(host));
	block_u64(&b, boot_ts_epoch);
	block_u64(&b, 0); /* flags */
	block_u64(&b, 0);
	block_u64(&b, 0);
	int rc = block_write(o, &b);
	block_free(&b);
	return rc;
}

int scap_write_event(struct scap_out *o, uint16_t cpu, const void *event, uint32_t len)
{
	static const uint8_t zeros[4];
	uint32_t body = 2 + len;
	uint32_t pad = (4 - (body & 3)) & 3;
	uint32_t total = 8 + body + pad + 4;
	uint32_t hdr[2] = { SCAP_BLOCK_EV_V2, total };
	/* A block goes to the kernel in one piece, so a killed capture ends on a block boundary. */
	if (o->used + total > sizeof(o->buf) && scap_flush(o))
		return -1;
	if (out_write(o, hdr, sizeof(hdr)) || out_write(o, &cpu, 2) || out_write(o, event, len) ||
	    out_write(o, zeros, pad) || out_write(o, &total, 4))
		return -1;
	return 0;
}
