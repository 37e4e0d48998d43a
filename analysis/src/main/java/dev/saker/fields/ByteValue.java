package dev.saker.fields;

/**
 * The value of a byte-buffer field (evt.buffer): filters compare its bytes (libsinsp's PT_BYTEBUF
 * comparisons are memcmp/memmem), output prints its text as sysdig renders the buffer.
 */
public record ByteValue(byte[] bytes, String text) {
    @Override
    public String toString() {
        return text;
    }
}
