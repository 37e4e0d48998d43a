package dev.saker.index;

import dev.saker.format.FdView;
import java.nio.file.Path;

/**
 * What the workbench keeps of a capture: one compact entry per shown event (its block offset, number,
 * time and the few bits of state its row needs: thread name, the fd it refers to, the working
 * directory), so that a table of millions of rows reads each visible event back from the file on
 * demand instead of holding events as objects. About 32 bytes per event plus the distinct strings.
 *
 * <p>Written by one indexing thread while others read: {@link #size()} is published after an entry is
 * complete, so every row below it can be read at any time, also while indexing goes on.
 */
public final class CaptureIndex {
    private final Path capture;
    private final LongColumn offsets = new LongColumn();
    private final LongColumn times = new LongColumn();
    private final IntColumn numbers = new IntColumn();
    private final IntColumn threadNames = new IntColumn();
    private final IntColumn fds = new IntColumn();
    private final IntColumn cwds = new IntColumn();
    private final StringPool names = new StringPool();
    private final StringPool fdViews = new StringPool();
    private final StringPool dirs = new StringPool();
    private final ProcessTable processes = new ProcessTable();
    // rows whose arguments name state the columns do not keep (other threads, fd lists, users):
    // their info text as rendered during the pass; rows ascending, so a lookup is a binary search
    // (a map would cost about 50 bytes more per entry, and busy captures have millions of switches)
    private final IntColumn stateInfoRows = new IntColumn();
    private final java.util.List<String> stateInfoTexts = new java.util.ArrayList<>();
    private volatile int size;
    private volatile boolean complete;
    private volatile String problem;

    CaptureIndex(Path capture) {
        this.capture = capture;
    }

    public Path capture() {
        return capture;
    }

    /** Rows indexed so far; each row below this is readable. */
    public int size() {
        return size;
    }

    /** Whether indexing reached the end of the capture (or stopped at damage, see {@link #problem()}). */
    public boolean complete() {
        return complete;
    }

    /** Why indexing stopped before the end (damaged capture), or null. Rows before the damage stay usable. */
    public String problem() {
        return problem;
    }

    public long offset(int row) {
        return offsets.get(row);
    }

    /** evt.num of the row's event. */
    public long number(int row) {
        return Integer.toUnsignedLong(numbers.get(row));
    }

    public long time(int row) {
        return times.get(row);
    }

    /** The thread's command name when the event happened, or null when the event has no thread. */
    public String threadName(int row) {
        return names.get(threadNames.get(row));
    }

    /** The fd the event refers to as the state knew it, with its number, or null. */
    public FdRef fd(int row) {
        String s = fdViews.get(fds.get(row));
        return s == null ? null : FdRef.decode(s);
    }

    /** An id equal for rows that refer to the same fd (number and name), -1 without an fd; cheap to compare. */
    int fdKey(int row) {
        return fds.get(row);
    }

    /** The thread's working directory when the event happened, or null. */
    public String cwd(int row) {
        return dirs.get(cwds.get(row));
    }

    /** The info text rendered with the full state during the pass, for rows that need it; else null. */
    public synchronized String stateInfo(int row) {
        int lo = 0;
        int hi = stateInfoRows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = stateInfoRows.get(mid);
            if (r < row) {
                lo = mid + 1;
            } else if (r > row) {
                hi = mid - 1;
            } else {
                return stateInfoTexts.get(mid);
            }
        }
        return null;
    }

    /** The processes seen in the capture (complete once indexing is). */
    public ProcessTable processes() {
        return processes;
    }

    /** Distinct thread names seen so far (for completion of proc.name values). */
    public java.util.List<String> threadNames() {
        return names.values();
    }

    /** Distinct names of the fds events referred to, so far (for completion of fd.name values). */
    public java.util.List<String> fdNames() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String s : fdViews.values()) {
            out.add(FdRef.decode(s).view().name());
        }
        return java.util.List.copyOf(out);
    }

    /** Whether {@link #valuesOf} knows the values of {@code field} (the rest need a pass, see {@link CaptureValues}). */
    public boolean keepsValuesOf(String field) {
        return switch (field) {
            case "proc.name", "thread.comm", "proc.pname", "proc.aname", "fd.name", "proc.cwd" -> true;
            default -> false;
        };
    }

    /** Values present in the capture for a field, where the index knows them (else empty). */
    public java.util.List<String> valuesOf(String field) {
        return switch (field) {
            case "proc.name", "thread.comm", "proc.pname", "proc.aname" -> threadNames();
            case "fd.name" -> fdNames();
            case "proc.cwd" -> dirs.values();
            default -> java.util.List.of();
        };
    }

    /** The row of event number {@code num}, or -1 when no row has it (hidden or not indexed yet). */
    public int rowOfEvent(long num) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long n = number(mid);
            if (n < num) {
                lo = mid + 1;
            } else if (n > num) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Bytes held by the per-event columns (the strings are extra and few). */
    public long columnBytes() {
        return offsets.bytes() + times.bytes() + numbers.bytes() + threadNames.bytes() + fds.bytes() + cwds.bytes();
    }

    /** An fd as an event's row shows it: its number and how libsinsp names it. */
    public record FdRef(long num, FdView view) {
        static String encode(long num, FdView v) {
            return num + "\u0000" + v.typeChar() + (v.l4Char() == 0 ? '-' : v.l4Char()) + v.name();
        }

        static FdRef decode(String s) {
            int z = s.indexOf('\u0000');
            char type = s.charAt(z + 1);
            char l4 = s.charAt(z + 2);
            return new FdRef(Long.parseLong(s.substring(0, z)),
                    new FdView(type, l4 == '-' ? 0 : l4, s.substring(z + 3)));
        }
    }

    void add(long offset, long num, long ts, String threadName, long fdNum, FdView fd, String cwd) {
        offsets.add(offset);
        times.add(ts);
        numbers.add((int) num);
        threadNames.add(names.id(threadName));
        fds.add(fd == null ? -1 : fdViews.id(FdRef.encode(fdNum, fd)));
        cwds.add(dirs.id(cwd));
        size = offsets.size();
    }

    synchronized void addStateInfo(int row, String info) {
        stateInfoRows.add(row);
        stateInfoTexts.add(info);
    }

    /** Rows whose info text was kept from the pass (see {@link #stateInfo}). */
    public synchronized int stateInfoRows() {
        return stateInfoRows.size();
    }

    void finish(String problem) {
        this.problem = problem;
        this.complete = true;
    }
}
