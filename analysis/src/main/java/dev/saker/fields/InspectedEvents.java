package dev.saker.fields;

import dev.saker.scap.EventConverter;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A capture's events, each with its state applied and its field context ready, as sysdig presents
 * them: every event the reader delivers is numbered (evt.num); each is observed by the state,
 * converted to the current schema and, unless the converter consumed it, applied; fields are then
 * evaluated on the event as recorded. Internal events (EC_INTERNAL, e.g. procinfo) are numbered
 * but not returned, as sysdig never prints them.
 */
public final class InspectedEvents implements AutoCloseable {
    private final ScapReader reader;
    private final SystemState state;
    private final EventConverter converter = new EventConverter();
    private final EventFdTracker fds;
    private final EventContext ctx = new EventContext();
    private final LibsEdition edition;
    private long num;
    private boolean sawOtherThanContainer;

    private InspectedEvents(ScapReader reader, SystemState state, LibsEdition edition) {
        this.reader = reader;
        this.state = state;
        this.fds = new EventFdTracker(edition);
        this.edition = edition;
    }

    /** The capture's events with current libsinsp's (Falco's) event flags. */
    public static InspectedEvents open(Path capture) throws IOException {
        return open(capture, LibsEdition.CURRENT);
    }

    public static InspectedEvents open(Path capture, LibsEdition edition) throws IOException {
        SystemState state = new SystemState();
        return new InspectedEvents(ScapReader.open(capture, state), state, edition);
    }

    public SystemState state() {
        return state;
    }

    /** The next printable event's context (valid until the next call), or null at the end. */
    public EventContext next() throws IOException {
        for (RawEvent raw; (raw = reader.next()) != null; ) {
            if (edition == LibsEdition.SYSDIG_2022 && EventSchema.legacy2022().info(raw.type()) == null) {
                // the 2022 reader skips types newer than its table: they are neither numbered nor parsed
                continue;
            }
            num++;
            state.observe(raw);
            fds.beforeApply(raw, state);
            RawEvent current = converter.convert(raw);
            if (current != null) {
                state.apply(current);
            }
            EventInfo info = raw.info();
            ctx.set(num, raw, current, state, threadOf(raw), false, -1, null);
            fds.afterApply(raw, current, state, ctx);
            if (info == null || (info.category() & EventInfo.EC_INTERNAL) != 0) {
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

    /** libsinsp gives scheduler and container metadata events no thread. */
    private static boolean hasThread(RawEvent raw) {
        EventInfo info = raw.info();
        return info != null && (info.flags() & EventInfo.EF_SKIPPARSERESET) == 0 && !isContainerEvent(raw.type());
    }

    private static boolean isContainerEvent(int type) {
        return type == EventTypes.CONTAINER_JSON_E || type == EventTypes.CONTAINER_JSON_2_E
                || type == EventTypes.CONTAINER_E;
    }

    private ThreadInfo threadOf(RawEvent raw) {
        if (edition == LibsEdition.SYSDIG_2022 && isContainerEvent(raw.type()) && raw.type() != EventTypes.CONTAINER_E) {
            return ContainerEventThread.of(raw);
        }
        return hasThread(raw) ? state.thread(raw.tid()) : null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
