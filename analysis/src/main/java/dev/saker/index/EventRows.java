package dev.saker.index;

import dev.saker.fields.BoundField;
import dev.saker.fields.EventContext;
import dev.saker.format.ArgContext;
import dev.saker.format.EventArgs;
import dev.saker.format.RenderedFields;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.state.SystemState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows rendered on demand: each is re-read from the capture by its block offset and rendered with
 * what the index kept of its state. A small cache keeps the rows around the visible ones, so scrolling
 * back and forth does not re-read. Thread-safe (one reader, one lock).
 */
public final class EventRows implements AutoCloseable {
    private static final int CACHE = 4096;
    private static final String NA = "<NA>";

    private final CaptureIndex index;
    private final ScapReader reader;
    private final EventContext ctx = new EventContext();
    private final SystemState noState = new SystemState();
    private final BoundField time = RenderedFields.registry().resolve("evt.outputtime");
    private final BoundField type = RenderedFields.registry().resolve("evt.type");
    private final Map<Integer, EventRow> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, EventRow> e) {
            return size() > CACHE;
        }
    };

    public EventRows(CaptureIndex index) throws IOException {
        this.index = index;
        this.reader = ScapReader.open(index.capture());
    }

    public CaptureIndex index() {
        return index;
    }

    /** Row {@code row} of the index (below {@link CaptureIndex#size()}). I/O failures are unchecked: the file changed under us. */
    public synchronized EventRow row(int row) {
        EventRow r = cache.get(row);
        if (r == null) {
            r = withEvent(row, e -> render(row, e));
            cache.put(row, r);
        }
        return r;
    }

    /** Applies {@code f} to the re-read event of {@code row}; the event is valid only during the call. */
    public synchronized <T> T withEvent(int row, Function<RawEvent, T> f) {
        try {
            return f.apply(reader.readAt(index.offset(row)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read event " + index.number(row) + " of " + index.capture(), e);
        }
    }

    /** The argument context of {@code row}'s event: its fd and working directory as indexed. */
    public ArgContext argContext(int row) {
        return new IndexArgContext(index, row);
    }

    private EventRow render(int row, RawEvent e) {
        long num = index.number(row);
        ctx.set(num, e, null, noState, null, false, -1, null);
        String process = index.threadName(row);
        String info = index.stateInfo(row);
        if (info == null) {
            StringBuilder b = new StringBuilder(128);
            EventArgs.append(b, e, argContext(row));
            info = b.toString();
        }
        String typeName = type.text(ctx);
        return new EventRow(row, num, e.ts(), time.text(ctx), e.cpu(), process == null ? NA : process,
                Long.toString(e.tid()), (e.type() & 1) == 0 ? ">" : "<",
                typeName == null ? NA : typeName, info);
    }

    @Override
    public synchronized void close() throws IOException {
        reader.close();
    }
}
