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
import java.util.function.Predicate;

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
    private long unknownToEdition;
    private boolean sawOtherThanContainer;
    private Predicate<RawEvent> fieldsWanted;

    private InspectedEvents(Path capture, LibsEdition edition) throws IOException {
        this.edition = edition;
        this.fds = new EventFdTracker(edition);
        this.inspector = CaptureInspector.open(capture, edition.parserRevision(),
                (raw, state) -> fds.beforeApply(raw, state, wantsFields(raw)));
    }

    /** The capture's events with current libsinsp's (Falco's) semantics. */
    public static InspectedEvents open(Path capture) throws IOException {
        return open(capture, LibsEdition.CURRENT);
    }

    public static InspectedEvents open(Path capture, LibsEdition edition) throws IOException {
        return new InspectedEvents(capture, edition);
    }

    /**
     * Limits the fd part of the context to events {@code wanted} accepts: the others still go through
     * the state and are returned, numbered and with their thread, but with no fd (fd fields must not
     * be evaluated on them). For a pass that only evaluates a condition on events of some types:
     * it saves the fd look-ups before and after parsing.
     */
    public void fieldsOnlyFor(Predicate<RawEvent> wanted) {
        this.fieldsWanted = wanted;
    }

    private boolean wantsFields(RawEvent raw) {
        return fieldsWanted == null || fieldsWanted.test(raw);
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
            ctx.set(num, raw, current, state, threadOf(raw, state), false, -1, null);
            if (wantsFields(raw)) {
                fds.afterApply(raw, current, state, ctx);
            }
            EventInfo info = raw.info();
            if (info == null || (info.category() & EventInfo.EC_INTERNAL) != 0 || (raw.dumpFlags() & DF_STATE_ONLY) != 0) {
                sawOtherThanContainer = true;
                continue;
            }
            boolean container = isContainerEvent(raw.type());
            boolean leading = container && !sawOtherThanContainer;
            sawOtherThanContainer |= !container;
            if (leading && edition == LibsEdition.SYSDIG_2022) {
                continue;
            }
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
