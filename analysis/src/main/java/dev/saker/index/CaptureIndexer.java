package dev.saker.index;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.format.EventArgs;
import dev.saker.format.FdView;
import dev.saker.format.StateArgContext;
import dev.saker.scap.CaptureFormatException;
import dev.saker.state.FdInfo;
import dev.saker.state.ThreadInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a {@link CaptureIndex} in one pass of the shared reading pipeline, with current libs'
 * (Falco's) semantics so that row numbers are the event numbers rules report. Rows are usable while
 * the pass runs. Damage part-way keeps every row before it and is reported on the index.
 */
public final class CaptureIndexer {
    /** Progress of a running pass: rows indexed and the fraction of the file read (0..1). */
    @FunctionalInterface
    public interface Progress {
        void update(int rows, double fraction);
    }

    /** How often (in rows) progress is reported. */
    static final int REPORT_EVERY = 4096;

    /**
     * Also reported once at this many rows: a screenful, so the table shows rows as soon as they exist
     * instead of after the first 4096 (0.4-0.7 s on a cold JVM, measured on a 1,000,000-event capture).
     */
    static final int FIRST_PAGE = 64;

    private CaptureIndexer() {
    }

    /** An empty index to be filled by {@link #fill}: lets a caller show rows while the pass runs. */
    public static CaptureIndex create(Path capture) {
        return new CaptureIndex(capture);
    }

    /** Indexes the whole capture and returns the complete index. */
    public static CaptureIndex build(Path capture) throws IOException {
        CaptureIndex index = create(capture);
        fill(index, (r, f) -> { }, () -> false);
        return index;
    }

    /**
     * Fills {@code index} from its capture. Opening failures (not a capture, unreadable) throw; damage
     * after the first events ends the pass with {@link CaptureIndex#problem()} set. {@code cancelled}
     * is polled between events.
     */
    public static void fill(CaptureIndex index, Progress progress, java.util.function.BooleanSupplier cancelled)
            throws IOException {
        Path capture = index.capture();
        long fileSize = Math.max(1, Files.size(capture));
        String problem = null;
        try (InspectedEvents events = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            events.demand(InspectedEvents.Wanted.DELIVERED);
            boolean gzip = isGzip(capture);
            StateArgContext args = new StateArgContext(events.state());
            for (EventContext c; (c = events.next()) != null; ) {
                ThreadInfo t = c.thread();
                FdInfo fd = c.fd();
                FdView view = fd == null ? null : new FdView(fd.typeChar(), fd.isInet() ? fd.l4Char() : 0, fd.name);
                String cwd = t == null ? null : c.state().threads().cwd(t);
                index.add(c.raw().offset(), c.num(), c.raw().ts(), t == null ? null : t.comm, c.fdNum(), view, cwd);
                if (t != null) {
                    index.processes().seen(t, c.state(), c.raw().ts(), fd);
                }
                if (StateDependentArgs.of(c.raw())) {
                    StringBuilder info = new StringBuilder(128);
                    EventArgs.append(info, c.raw(), args.on(t));
                    index.addStateInfo(index.size() - 1, info.toString());
                }
                int rows = index.size();
                if (rows % REPORT_EVERY == 0 || rows == FIRST_PAGE) {
                    if (cancelled.getAsBoolean()) {
                        problem = "cancelled";
                        break;
                    }
                    // a gzip capture's position is in the inflated stream: the ratio is only a hint
                    double f = gzip ? 0.5 : Math.min(1.0, events.position() / (double) fileSize);
                    progress.update(rows, f);
                }
            }
            index.processes().containers(events.state().containers().all());
        } catch (CaptureFormatException e) {
            if (index.size() == 0) {
                throw e;
            }
            problem = e.getMessage();
        }
        index.finish(problem);
        progress.update(index.size(), 1.0);
    }

    private static boolean isGzip(Path p) throws IOException {
        try (var in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
