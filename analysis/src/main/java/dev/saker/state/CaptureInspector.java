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
    private Demand demand;
    private boolean passedOver;

    /**
     * Sees each event after the state observed it and before the state applies it: the moment
     * libsinsp's per-event reset runs, e.g. to look up the fd an event refers to before a close
     * removes it. {@code fully} is false for an event the pipeline passes over (see {@link #demand}),
     * whose fields nobody will read.
     */
    @FunctionalInterface
    public interface BeforeApply {
        void accept(RawEvent raw, SystemState state, boolean fully);
    }

    /**
     * Which events the consumer reads beyond the state: for the others, when their type cannot change
     * the state ({@link StateChangingTypes}), the pipeline keeps only the bookkeeping later events
     * depend on (thread creation and removal, the converter's stored enter events, numbering).
     */
    @FunctionalInterface
    public interface Demand {
        boolean wants(RawEvent raw);
    }

    private CaptureInspector(ScapReader reader, SystemState state, BeforeApply beforeApply) {
        this.reader = reader;
        this.state = state;
        this.beforeApply = beforeApply;
    }

    public static CaptureInspector open(Path capture) throws IOException {
        return open(capture, (raw, state, fully) -> { });
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
        passedOver = demand != null && !StateChangingTypes.mayChange(raw.type()) && !demand.wants(raw);
        beforeApply.accept(raw, state, !passedOver);
        if (passedOver) {
            // nobody reads it and the state cannot change: the converter's bookkeeping is all it needs
            converter.track(raw);
            converted = null;
            return true;
        }
        converted = converter.convert(raw);
        if (converted != null) {
            state.apply(converted);
        }
        return true;
    }

    /**
     * Makes the pipeline demand-driven: events {@code d} does not want and whose type cannot change
     * the state are passed over ({@link #passedOver()}); null (the default) processes every event.
     */
    public void demand(Demand d) {
        this.demand = d;
    }

    /**
     * Whether the current event was passed over: the state is exact, but {@link #converted()} is null
     * and nothing but its thread and the raw bytes may be read.
     */
    public boolean passedOver() {
        return passedOver;
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
