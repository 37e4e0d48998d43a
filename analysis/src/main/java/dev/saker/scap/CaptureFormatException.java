package dev.saker.scap;

import java.io.IOException;

/**
 * The capture is damaged or is not a capture at all. Carries the byte offset (in the uncompressed
 * stream) of the block where reading stopped; every event before it has already been delivered.
 */
public final class CaptureFormatException extends IOException {
    private final long offset;

    public CaptureFormatException(long offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** For a failure whose underlying cause is worth keeping (a decompression error, a reader bug). */
    public CaptureFormatException(long offset, String message, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Offset of the damaged block in the uncompressed capture. */
    public long offset() {
        return offset;
    }

    /** One line for the user: where and what. */
    public String describe() {
        return "at byte offset " + offset + ": " + getMessage();
    }
}
