package dev.saker.fields;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import dev.saker.state.CaptureInspector;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A capture's events with their field context, as sysdig presents them: the shared reading pipeline
 * ({@link CaptureInspector}: reader, converter, state) plus libsinsp's per-event fd resolution, with
 * fields evaluated on the event as recorded after the state has applied it. Events sysdig never
 * prints are numbered but not returned: internal ones (EC_INTERNAL, e.g. procinfo), state-only ones
 * (dump flag 1), and in the {@link LibsEdition#SYSDIG_2022} edition the container events that open a
 * capture. That edition also numbers only the event types the 2022 reader knows.
 */
public final class InspectedEvents implements AutoCloseable {
    private static final int DF_STATE_ONLY = 1;

    private final CaptureInspector inspector;
    private final EventFdTracker fds;
    private final LibsEdition edition;
    private final EventContext ctx = new EventContext();
    private long num;
    private long delivered;
    private long unknownToEdition;
    private boolean sawOtherThanContainer;
    private Wanted wanted;

    /**
     * Which delivered events a consumer reads fields of. {@code delivered} is how many events
     * {@link #next()} returned before this one (so a consumer that works on slices of the stream can
     * tell which slice an event falls in).
     */
    @FunctionalInterface
    public interface Wanted {
        /** Every delivered event: only the events the pass never returns (internal ones) are passed over. */
        Wanted DELIVERED = (raw, delivered) -> true;

        boolean wants(RawEvent raw, long delivered);
    }

    private InspectedEvents(Path capture, LibsEdition edition) throws IOException {
        this.edition = edition;
        this.fds = new EventFdTracker(edition);
        this.inspector = CaptureInspector.open(capture, edition.parserRevision(), fds::beforeApply);
    }

    /** The capture's events with current libsinsp's (Falco's) semantics. */
    public static InspectedEvents open(Path capture) throws IOException {
        return open(capture, LibsEdition.CURRENT);
    }

    public static InspectedEvents open(Path capture, LibsEdition edition) throws IOException {
        return new InspectedEvents(capture, edition);
    }

    /**
     * Makes the pass demand-driven: an event {@code w} does not want, or that is never delivered
     * (internal, state-only), is passed over when its type cannot change the state
     * ({@link dev.saker.state.StateChangingTypes}): only the bookkeeping that keeps later events exact
     * is done (threads, the converter's stored enter events, each thread's last fd and enter type,
     * numbering). Such an event is still delivered when printable, numbered and with its thread, but
     * {@link EventContext#passedOver()} is true and no other field may be evaluated on it. Every
     * other event gets the full treatment, so its fields are exactly those of a full pass.
     */
    public void demand(Wanted w) {
        this.wanted = w;
        inspector.demand(w == null ? null : this::wantsFully);
    }

    private boolean wantsFully(RawEvent raw) {
        return delivers(raw) && wanted.wants(raw, delivered);
    }

    /** Whether {@link #next()} may return this event (the 2022 edition's leading containers aside). */
    private boolean delivers(RawEvent raw) {
        return !hidden(raw) && (edition != LibsEdition.SYSDIG_2022 || EventSchema.legacy2022().info(raw.type()) != null);
    }

    /** Events sysdig never prints: internal ones (EC_INTERNAL, e.g. procinfo) and state-only ones. */
    private static boolean hidden(RawEvent raw) {
        EventInfo info = raw.info();
        return info == null || (info.category() & EventInfo.EC_INTERNAL) != 0 || (raw.dumpFlags() & DF_STATE_ONLY) != 0;
    }

    /** Events read but not delivered because the edition's event table does not know their type. */
    public long unknownToEdition() {
        return unknownToEdition;
    }

    /** Bytes of the (uncompressed) capture read so far: progress for a caller that knows the size. */
    public long position() {
        return inspector.reader().position();
    }

    public SystemState state() {
        return inspector.state();
    }

    /** The next printable event's context (valid until the next call), or null at the end. */
    public EventContext next() throws IOException {
        while (inspector.next()) {
            RawEvent raw = inspector.raw();
            if (edition == LibsEdition.SYSDIG_2022 && EventSchema.legacy2022().info(raw.type()) == null) {
                // the 2022 reader skips types newer than its table without numbering them
                unknownToEdition++;
                continue;
            }
            num++;
            RawEvent current = inspector.converted();
            SystemState state = inspector.state();
            boolean passedOver = inspector.passedOver();
            EventInfo info = raw.info();
            boolean hidden = hidden(raw);
            if (!passedOver) {
                ctx.set(num, raw, current, state, threadOf(raw, state), false, -1, null);
                fds.afterApply(raw, current, state, ctx);
            } else if (!hidden) {
                // a passed-over event is not a container event (those change the state): its thread,
                // when it has one, is its tid's, looked up only if the consumer asks
                ctx.set(num, raw, null, state, null, false, -1, null);
                ctx.passedOver = true;
                ctx.threadPending = (info.flags() & EventInfo.EF_SKIPPARSERESET) == 0;
            }
            if (hidden) {
                sawOtherThanContainer = true;
                continue;
            }
            boolean container = isContainerEvent(raw.type());
            boolean leading = container && !sawOtherThanContainer;
            sawOtherThanContainer |= !container;
            if (leading && edition == LibsEdition.SYSDIG_2022) {
                continue;
            }
            delivered++;
            return ctx;
        }
        return null;
    }

    /**
     * The event's thread. Current libs give container metadata events none; 2022 libsinsp shows a
     * stand-in "container:ID" thread, which the state keeps. Events that skip libsinsp's per-event
     * reset (procinfo and the like) have none either.
     */
    private ThreadInfo threadOf(RawEvent raw, SystemState state) {
        EventInfo info = raw.info();
        if (info == null || (info.flags() & EventInfo.EF_SKIPPARSERESET) != 0) {
            return null;
        }
        if (isContainerEvent(raw.type())) {
            return edition == LibsEdition.SYSDIG_2022 ? state.eventThread(raw) : null;
        }
        return state.eventThread(raw);
    }

    private static boolean isContainerEvent(int type) {
        return type == EventTypes.CONTAINER_JSON_E || type == EventTypes.CONTAINER_JSON_2_E || type == EventTypes.CONTAINER_E;
    }

    @Override
    public void close() throws IOException {
        inspector.close();
    }
}
