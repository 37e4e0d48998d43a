package dev.saker.state;

import dev.saker.scap.EventConverter;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The reading pipeline every consumer shares: reader, converter and system state in step. Each
 * {@link #next()} reads one event as recorded, brings the state up to date with it (through its
 * current-schema form) and leaves both forms available: displays use {@link #raw()}, the rule
 * engine {@link #converted()} (null for an old enter event the converter folded away).
 */
public final class CaptureInspector implements AutoCloseable {
    private final ScapReader reader;
    private final SystemState state;
    private final EventConverter converter = new EventConverter();
    private final BeforeApply beforeApply;
    private RawEvent raw;
    private RawEvent converted;
    private long number;

    /**
     * Sees each event after the state observed it and before the state applies it: the moment
     * libsinsp's per-event reset runs, e.g. to look up the fd an event refers to before a close
     * removes it.
     */
    @FunctionalInterface
    public interface BeforeApply {
        void accept(RawEvent raw, SystemState state);
    }

    private CaptureInspector(ScapReader reader, SystemState state, BeforeApply beforeApply) {
        this.reader = reader;
        this.state = state;
        this.beforeApply = beforeApply;
    }

    public static CaptureInspector open(Path capture) throws IOException {
        return open(capture, (raw, state) -> { });
    }

    public static CaptureInspector open(Path capture, BeforeApply beforeApply) throws IOException {
        return open(capture, ParserRevision.CURRENT, beforeApply);
    }

    public static CaptureInspector open(Path capture, ParserRevision revision, BeforeApply beforeApply)
            throws IOException {
        SystemState state = new SystemState(revision);
        return new CaptureInspector(ScapReader.open(capture, state), state, beforeApply);
    }

    /** Advances to the next event; false at the end. Damage throws after every good event was seen. */
    public boolean next() throws IOException {
        raw = reader.next();
        if (raw == null) {
            converted = null;
            return false;
        }
        number++;
        state.observe(raw);
        beforeApply.accept(raw, state);
        converted = converter.convert(raw);
        if (converted != null) {
            state.apply(converted);
        }
        return true;
    }

    /** The current event as recorded. */
    public RawEvent raw() {
        return raw;
    }

    /** The current event in the current exit-only schema, or null when the converter consumed it. */
    public RawEvent converted() {
        return converted;
    }

    /** 1-based number of the current event among all events of the capture. */
    public long number() {
        return number;
    }

    public SystemState state() {
        return state;
    }

    public ScapReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
