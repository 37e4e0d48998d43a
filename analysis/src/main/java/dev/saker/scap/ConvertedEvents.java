package dev.saker.scap;

import java.io.IOException;

/**
 * The events of a {@link ScapReader} as current libscap delivers them: every event passes through an
 * {@link EventConverter}, consumed events are skipped. Callers wanting the recorded layout read the
 * reader directly instead; the reader stays owned (and closed) by the caller.
 */
public final class ConvertedEvents {
    private final ScapReader reader;
    private final EventConverter converter;

    public ConvertedEvents(ScapReader reader) {
        this(reader, new EventConverter());
    }

    public ConvertedEvents(ScapReader reader, EventConverter converter) {
        this.reader = reader;
        this.converter = converter;
    }

    /**
     * The next event in the current schema, or null at the end of the capture. The view is valid
     * until the next call. Damaged blocks and events libscap cannot convert throw
     * {@link CaptureFormatException} with the block's offset.
     */
    public RawEvent next() throws IOException {
        for (RawEvent raw; (raw = reader.next()) != null; ) {
            RawEvent event = converter.convert(raw);
            if (event != null) {
                return event;
            }
        }
        return null;
    }

    public ScapReader reader() {
        return reader;
    }

    public EventConverter converter() {
        return converter;
    }
}
