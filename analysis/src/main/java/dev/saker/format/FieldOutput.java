package dev.saker.format;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * {@code saker read -p FORMAT} and {@code -j}: a capture's events printed with a field format, as
 * text lines or as one JSON object per line, the way sysdig prints them. The format is parsed
 * before the capture is opened, so a bad format fails with a {@link FormatException} and no output.
 */
public final class FieldOutput {
    private final FieldFormat text;
    private final JsonEventFormat json;

    private FieldOutput(FieldFormat text, JsonEventFormat json) {
        this.text = text;
        this.json = json;
    }

    /** Text lines for {@code -p format}. */
    public static FieldOutput text(String format) {
        return new FieldOutput(FieldFormat.parse(format, RenderedFields.registry()), null);
    }

    /** JSON objects: with {@code format} null, sysdig's default -j fields. */
    public static FieldOutput json(String format) {
        return new FieldOutput(null, format == null ? JsonEventFormat.defaults(RenderedFields.registry())
                : new JsonEventFormat(FieldFormat.parse(format, RenderedFields.registry())));
    }

    /** What a run printed: lines, and events the edition could not show (types newer than its table). */
    public record Printed(long lines, long unknownToEdition) {
    }

    /**
     * Prints every event of the capture that has the format's values, each followed by '\n'; stops
     * after event number {@code limit} when it is not negative.
     */
    public Printed write(Path capture, LibsEdition edition, Appendable out, long limit) throws IOException {
        return write(capture, edition, out, limit, c -> true);
    }

    /**
     * As {@link #write(Path, LibsEdition, Appendable, long)}, printing only the events {@code shown}
     * accepts (saker read's filter); the others still count toward {@code limit}, which is an event number.
     */
    public Printed write(Path capture, LibsEdition edition, Appendable out, long limit, Predicate<EventContext> shown)
            throws IOException {
        long lines = 0;
        StringBuilder line = new StringBuilder(1024);
        try (InspectedEvents events = delivered(capture, edition)) {
            for (EventContext c; (c = nextShown(events, limit, shown)) != null; ) {
                line.setLength(0);
                if (render(c, line)) {
                    out.append(line.append('\n'));
                    lines++;
                }
            }
            return new Printed(lines, events.unknownToEdition());
        }
    }

    /** The capture's printable events, every one read in full (lines read fields of each). */
    private static InspectedEvents delivered(Path capture, LibsEdition edition) throws IOException {
        InspectedEvents events = InspectedEvents.open(capture, edition);
        events.demand(InspectedEvents.Wanted.DELIVERED);
        return events;
    }

    /**
     * The next event {@code shown} accepts, or null at the end or past event number {@code limit}
     * (when not negative); the events it skips still count toward the limit.
     */
    private static EventContext nextShown(InspectedEvents events, long limit, Predicate<EventContext> shown)
            throws IOException {
        for (EventContext c; (c = events.next()) != null; ) {
            if (limit >= 0 && c.num() > limit) {
                return null;
            }
            if (shown.test(c)) {
                return c;
            }
        }
        return null;
    }

    /** Lines are handed to the stream in pieces of about this many bytes. */
    private static final int DRAIN_AT = 1 << 15;

    /**
     * As {@link #write(Path, LibsEdition, Appendable, long, Predicate)}, the same text as UTF-8 bytes
     * to {@code out}, built as bytes (see {@link ByteLineFormat}): what {@code saker read} prints with.
     * Lines before an error (a damaged capture) are written before the error propagates.
     */
    public Printed writeBytes(Path capture, LibsEdition edition, java.io.OutputStream out, long limit,
                              Predicate<EventContext> shown) throws IOException {
        long lines = 0;
        LineBytes buf = new LineBytes();
        int complete = 0;   // the end of the last whole line: a line cut short by an error is not printed
        ByteLineFormat bytes = text == null ? null : new ByteLineFormat(text);
        try (InspectedEvents events = delivered(capture, edition)) {
            for (EventContext c; (c = nextShown(events, limit, shown)) != null; ) {
                if (bytes != null) {
                    if (!bytes.render(c, buf)) {
                        continue;
                    }
                } else {
                    String rendered = json.render(c);
                    if (rendered == null) {
                        continue;
                    }
                    buf.fresh(rendered);
                }
                buf.ascii('\n');
                lines++;
                complete = buf.length();
                if (complete >= DRAIN_AT) {
                    buf.drainTo(out);
                    complete = 0;
                }
            }
            return new Printed(lines, events.unknownToEdition());
        } finally {
            buf.setLength(complete);
            buf.drainTo(out);
        }
    }

    /**
     * As {@link #write(Path, LibsEdition, Appendable, long, Predicate)}, the same bytes (UTF-8) to
     * {@code out}, with two readers taking turns at formatting chunks of {@code chunkEvents} events
     * (see {@link ChunkedPrinter}). Worth it on large plain files with two cores to spare.
     */
    public Printed writeChunked(Path capture, LibsEdition edition, java.io.OutputStream out, long limit,
                                Predicate<EventContext> shown, int chunkEvents) throws IOException {
        return new ChunkedPrinter(this, capture, edition, limit, shown, chunkEvents).print(out);
    }

    /** Appends the event's line (without '\n') to {@code line}; false, appending nothing, when it is not printed. */
    boolean render(EventContext c, StringBuilder line) {
        if (text != null) {
            return text.render(c, line);
        }
        String rendered = json.render(c);
        if (rendered == null) {
            return false;
        }
        line.append(rendered);
        return true;
    }
}
