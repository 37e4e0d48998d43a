package dev.saker.index;

import dev.saker.scap.EventInfo;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.ParamType;
import dev.saker.scap.RawEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The I/O of one file or socket in capture order, as Wireshark's "Follow TCP Stream" shows a
 * connection: every event of the same process on the same fd (number and name, so a reused number
 * for another file is a different stream) that carries data, each marked read or written. The data is
 * what the capture recorded (libscap's snaplen cuts buffers, 80 bytes by default), the length is what
 * the syscall returned.
 */
public record FdStream(CaptureIndex.FdRef fd, long pid, List<Chunk> chunks, boolean truncated) {
    /** More chunks than this are not collected: a stream view of millions of reads helps nobody. */
    public static final int MAX_CHUNKS = 50_000;

    public enum Direction { READ, WRITE }

    /** One syscall's data: its row and event number, direction, the bytes it moved (res) and those captured. */
    public record Chunk(int row, long number, long ts, String type, Direction direction, long length, byte[] data) {
        public String text() {
            return EventDetails.printable(data);
        }
    }

    /** The stream of the fd the event at {@code row} refers to, or null when that event has no fd. */
    public static FdStream of(EventRows rows, int row) {
        CaptureIndex index = rows.index();
        int key = index.fdKey(row);
        if (key < 0) {
            return null;
        }
        long pid = pidOf(rows, row);
        List<Chunk> chunks = new ArrayList<>();
        boolean truncated = false;
        int size = index.size();
        for (int r = 0; r < size; r++) {
            if (index.fdKey(r) != key) {
                continue;
            }
            if (chunks.size() == MAX_CHUNKS) {
                truncated = true;
                break;
            }
            int at = r;
            Chunk c = rows.withEvent(r, e -> chunk(index, at, e, pid));
            if (c != null) {
                chunks.add(c);
            }
        }
        return new FdStream(index.fd(row), pid, List.copyOf(chunks), truncated);
    }

    /** Bytes captured in one direction. */
    public long captured(Direction d) {
        return chunks.stream().filter(c -> c.direction() == d).mapToLong(c -> c.data().length).sum();
    }

    /** Bytes the syscalls moved in one direction (their results), captured or not. */
    public long moved(Direction d) {
        return chunks.stream().filter(c -> c.direction() == d).mapToLong(Chunk::length).sum();
    }

    private static long pidOf(EventRows rows, int row) {
        long tid = rows.withEvent(row, RawEvent::tid);
        long pid = rows.index().processes().pidOfThread(tid);
        return pid < 0 ? tid : pid;
    }

    private static Chunk chunk(CaptureIndex index, int row, RawEvent e, long pid) {
        EventInfo info = e.info();
        if (info == null) {
            return null;
        }
        Direction d = (info.flags() & EventInfo.EF_READS_FROM_FD) != 0 ? Direction.READ
                : (info.flags() & EventInfo.EF_WRITES_TO_FD) != 0 ? Direction.WRITE : null;
        if (d == null) {
            return null;
        }
        int data = -1;
        int res = -1;
        int n = Math.min(info.nparams(), e.nparams());
        for (int i = 0; i < n; i++) {
            ParamInfo p = info.params().get(i);
            if (p.type() == ParamType.BYTEBUF && data < 0 && !e.isEmpty(i)) {
                data = i;
            } else if (p.name().equals("res")) {
                res = i;
            }
        }
        if (data < 0) {
            return null;
        }
        long tidPid = index.processes().pidOfThread(e.tid());
        if ((tidPid < 0 ? e.tid() : tidPid) != pid) {
            return null;
        }
        byte[] bytes = e.bytes(data);
        long length = res >= 0 && !e.isEmpty(res) ? Math.max(0, e.signed(res)) : bytes.length;
        return new Chunk(row, index.number(row), e.ts(), info.name(), d, length, bytes);
    }
}
