/* Writing libscap savefile blocks (section 1.2 layout: SHB, MI, UL_V2, PL_V9, EV_V2), plain or gzip. */
#ifndef SAKER_SCAP_OUT_H
#define SAKER_SCAP_OUT_H
#include <stddef.h>
#include <stdint.h>

struct scap_out;

/* path "-" is stdout. Files are created mode 0600: captures hold command lines and environments. */
struct scap_out *scap_out_open(const char *path, int gzip, char *err, size_t errlen);
int scap_out_close(struct scap_out *o);
int scap_out_failed(const struct scap_out *o);
/* Bytes of capture written so far, buffered ones included (before compression). */
unsigned long long scap_out_size(const struct scap_out *o);

/* A block under construction: append fields, then finish (padding, lengths, trailer). */
struct block {
	uint8_t *data;
	size_t len, cap;
	int oom;
};
void block_begin(struct block *b, uint32_t type);
void block_u8(struct block *b, uint8_t v);
void block_u16(struct block *b, uint16_t v);
void block_u32(struct block *b, uint32_t v);
void block_u64(struct block *b, uint64_t v);
void block_bytes(struct block *b, const void *p, size_t n);
void block_str(struct block *b, const char *s, size_t n, size_t max); /* u16 length + bytes, no NUL */
void block_put_u32(struct block *b, size_t at, uint32_t v);
int block_write(struct scap_out *o, struct block *b);
void block_free(struct block *b);

int scap_write_shb(struct scap_out *o);
int scap_write_mi(struct scap_out *o, uint64_t boot_ts_epoch);
/* One EV_V2 block holding the event (its length is in the event header). */
int scap_write_event(struct scap_out *o, uint16_t cpu, const void *event, uint32_t len);
int scap_flush(struct scap_out *o);

#define SCAP_BLOCK_SHB 0x0A0D0D0Au
#define SCAP_BLOCK_MI 0x201u
#define SCAP_BLOCK_PL_V9 0x215u
#define SCAP_BLOCK_EV_V2 0x216u
#define SCAP_BLOCK_FDL_V2 0x218u
#define SCAP_BLOCK_UL_V2 0x220u
#define SCAP_BLOCK_IL_V2 0x219u
#endif
