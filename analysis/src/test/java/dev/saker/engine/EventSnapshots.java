package dev.saker.engine;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.scap.RawEvent;
import dev.saker.state.FdInfo;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A capture's events kept in memory with what the engine looks at (the event as recorded and in
 * the current schema, its thread and fd), so that the engine's per-event work can be measured
 * without the reader and the state in the loop. Fields read the state as it is at the end of the
 * capture, which is enough to exercise every rule's checks. Used by the allocation test and the
 * JMH benchmark.
 */
public final class EventSnapshots {
    /** One event: {@link #load(EventContext)} points a context at it. */
    public record Snapshot(long num, RawEvent raw, RawEvent current, SystemState state, ThreadInfo thread,
                           boolean fdRelated, long fdNum, FdInfo fd) {
        public EventContext load(EventContext ctx) {
            return ctx.set(num, raw, current, state, thread, fdRelated, fdNum, fd);
        }
    }

    private EventSnapshots() {
    }

    /** Every event of the captures, as current libs (Falco) see them. */
    public static List<Snapshot> of(List<Path> captures) throws IOException {
        List<Snapshot> out = new ArrayList<>();
        for (Path capture : captures) {
            try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
                for (EventContext c; (c = in.next()) != null; ) {
                    out.add(new Snapshot(c.num(), c.raw().copy(), c.current() == null ? null : c.current().copy(),
                            c.state(), c.thread(), c.fdRelated(), c.fdNum(), c.fd()));
                }
            }
        }
        return out;
    }
}
