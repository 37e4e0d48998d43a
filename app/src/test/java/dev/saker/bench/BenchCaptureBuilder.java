package dev.saker.bench;

import dev.saker.scap.CaptureMetadata;
import dev.saker.scap.EventInfo;
import dev.saker.scap.FdEntry;
import dev.saker.scap.GroupEntry;
import dev.saker.scap.InterfaceEntry;
import dev.saker.scap.MachineInfo;
import dev.saker.scap.MetadataCollector;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.scap.ScapWriter;
import dev.saker.scap.UserEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds a large benchmark capture out of real ones: the event streams of the conformance captures
 * that sysdig 0.29.3 reads, repeated in turn until the wanted number of events is written, every
 * event as recorded (old v1 events become V2 blocks) with its timestamp shifted so that time keeps
 * increasing from one repetition to the next (events recorded with timestamp 0 keep it); only exits of syscalls a thread was inside when a
 * source capture started are left out (see {@link #withoutOrphanExits}). The metadata is the union of the sources' first
 * sections (machine from the first; a thread or fd already present is not added again), so every
 * source's threads have names. Benchmark tooling, run by {@code bench/read-vs-sysdig.sh} from the
 * test classpath; not a user command.
 *
 * <p>Usage: {@code BenchCaptureBuilder OUT EVENTS CAPTURE...}
 */
public final class BenchCaptureBuilder {
    /** sysdig 0.29.3 cannot read this one (section-header options), so a mix with it would stop sysdig. */
    static final String UNREADABLE_BY_SYSDIG = "curl_google_comments.scap";
    /** The timestamp of events recorded without one (sysdig's container events): kept as it is. */
    private static final long UNTIMED = 0;
    /** Pause between two repetitions, so a repetition never starts before the previous one ended. */
    private static final long GAP_NS = 1_000_000L;

    /** One source capture's events, held as owned views so a repetition only rewrites timestamps. */
    private record Source(Path path, List<RawEvent> events, long[] timestamps, long first, long last) {
    }

    private final List<Source> sources = new ArrayList<>();
    private final List<CaptureMetadata> metadata = new ArrayList<>();

    /** Loads the event streams and metadata of {@code captures}, in the order given. */
    public static BenchCaptureBuilder of(List<Path> captures) throws IOException {
        BenchCaptureBuilder b = new BenchCaptureBuilder();
        for (Path p : captures) {
            b.load(p);
        }
        if (b.sources.isEmpty()) {
            throw new IllegalArgumentException("no events in " + captures);
        }
        return b;
    }

    /** The .scap files under {@code dir} that sysdig reads, sorted by path. */
    public static List<Path> sysdigReadable(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".scap"))
                    .filter(f -> !f.getFileName().toString().equals(UNREADABLE_BY_SYSDIG))
                    .sorted().toList();
        }
    }

    private void load(Path path) throws IOException {
        MetadataCollector collector = new MetadataCollector();
        List<RawEvent> events = new ArrayList<>();
        try (ScapReader reader = ScapReader.open(path, collector)) {
            for (RawEvent e = reader.next(); e != null; e = reader.next()) {
                events.add(e.copy());
            }
        }
        metadata.add(collector.metadata());
        events = withoutOrphanExits(events);
        if (events.isEmpty()) {
            return;
        }
        long[] ts = new long[events.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < ts.length; i++) {
            ts[i] = events.get(i).ts();
            if (ts[i] != UNTIMED) {
                first = Math.min(first, ts[i]);
                last = Math.max(last, ts[i]);
            }
        }
        if (first > last) {
            first = 0;
            last = 0;
        }
        sources.add(new Source(path, events, ts, first, last));
    }

    /**
     * Drops the converter-managed exit events a thread records before its first converter-managed
     * enter event: the
     * capture started in the middle of those syscalls. Replayed after other events of the same thread
     * id, such an exit would meet a stored enter event of another syscall, which current libscap's
     * converter (and Saker's) rejects as damage; in the source capture it met none.
     */
    private static List<RawEvent> withoutOrphanExits(List<RawEvent> events) {
        Set<Long> entered = new HashSet<>();
        List<RawEvent> kept = new ArrayList<>(events.size());
        for (RawEvent e : events) {
            EventInfo info = e.info();
            if (info == null || !info.isConverterManaged()) {
                kept.add(e);
                continue;
            }
            if (info.isEnter()) {
                entered.add(e.tid());
            } else if (!entered.contains(e.tid())) {
                continue;
            }
            kept.add(e);
        }
        return kept;
    }

    /** Events in one pass over all sources. */
    public long eventsPerRound() {
        return sources.stream().mapToLong(s -> s.events.size()).sum();
    }

    /** Writes {@code count} events to {@code out}, plain (uncompressed); returns the number written. */
    public long write(Path out, long count) throws IOException {
        long written = 0;
        long clock = sources.get(0).first;
        try (ScapWriter w = ScapWriter.open(out, mergedMetadata(), ScapWriter.Compression.PLAIN)) {
            while (written < count) {
                for (Source s : sources) {
                    long shift = clock - s.first;
                    for (int i = 0; i < s.timestamps.length && written < count; i++) {
                        RawEvent e = s.events.get(i);
                        // The copy's buffer is ours: rewriting its ts field rewrites the event.
                        ByteBuffer b = e.buffer().order(ByteOrder.LITTLE_ENDIAN);
                        b.putLong(e.base(), s.timestamps[i] == UNTIMED ? UNTIMED : s.timestamps[i] + shift);
                        w.writeEvent(e);
                        written++;
                    }
                    clock = s.last + shift + GAP_NS;
                    if (written >= count) {
                        break;
                    }
                }
            }
        }
        return written;
    }

    /** Every source's metadata in one set: first machine; the first occurrence of a thread, fd, user, group or interface. */
    CaptureMetadata mergedMetadata() {
        MachineInfo machine = null;
        Map<String, InterfaceEntry> interfaces = new LinkedHashMap<>();
        Map<Integer, UserEntry> users = new LinkedHashMap<>();
        Map<Integer, GroupEntry> groups = new LinkedHashMap<>();
        Map<Long, ProcessEntry> processes = new LinkedHashMap<>();
        Map<List<Long>, FdEntry> fds = new LinkedHashMap<>();
        for (CaptureMetadata m : metadata) {
            if (machine == null) {
                machine = m.machine();
            }
            m.interfaces().forEach(i -> interfaces.putIfAbsent(i.name() + "/" + i.family(), i));
            m.users().forEach(u -> users.putIfAbsent(u.uid(), u));
            m.groups().forEach(g -> groups.putIfAbsent(g.gid(), g));
            // A tid a former source already described belongs to that source's process; its fds too.
            Set<Long> added = new HashSet<>();
            for (ProcessEntry p : m.processes()) {
                if (processes.putIfAbsent(p.tid, p) == null) {
                    added.add(p.tid);
                }
            }
            for (FdEntry fd : m.fds()) {
                if (added.contains(fd.tid())) {
                    fds.putIfAbsent(List.of(fd.tid(), fd.fd()), fd);
                }
            }
        }
        return new CaptureMetadata(machine, List.copyOf(interfaces.values()), List.copyOf(users.values()),
                List.copyOf(groups.values()), List.copyOf(processes.values()), List.copyOf(fds.values()));
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: BenchCaptureBuilder OUT EVENTS CAPTURE_OR_DIR...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long count = Long.parseLong(args[1].replace("_", ""));
        List<Path> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Path p = Path.of(args[i]);
            inputs.addAll(Files.isDirectory(p) ? sysdigReadable(p) : List.of(p));
        }
        BenchCaptureBuilder builder = of(inputs);
        long written = builder.write(out, count);
        System.err.printf("bench: wrote %d events (%d sources, %d events per round) to %s (%d MB)%n",
                written, builder.sources.size(), builder.eventsPerRound(), out, Files.size(out) >> 20);
    }
}
