package dev.saker.index;

import dev.saker.format.ArgContext;
import dev.saker.format.EventArgs;
import dev.saker.scap.EventInfo;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.ParamType;
import dev.saker.scap.RawEvent;
import dev.saker.state.ContainerInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the details pane shows of one event: its header, every parameter decoded (buffers also
 * as bytes), its process with the ancestry, the fd it refers to, and its container and pod.
 */
public record EventDetails(long number, String time, String type, String direction, int cpu, long tid,
        List<Param> params, List<ProcessRecord> ancestry, CaptureIndex.FdRef fd, ContainerInfo container,
        String containerId) {

    /**
     * One parameter: its name and type, the text sysdig shows (evt.arg), the number as recorded for
     * fixed-width types (else ""), and the raw bytes for buffers (else null).
     */
    public record Param(String name, String type, String text, String raw, byte[] bytes) {
    }

    /** The details of index row {@code row}. */
    public static EventDetails of(EventRows rows, int row) {
        CaptureIndex index = rows.index();
        ArgContext ctx = rows.argContext(row);
        return rows.withEvent(row, e -> {
            List<Param> params = new ArrayList<>();
            EventInfo info = e.info();
            int n = info == null ? 0 : Math.min(info.nparams(), e.nparams());
            for (int i = 0; i < n; i++) {
                ParamInfo p = info.params().get(i);
                String text = EventArgs.one(e, ctx, Integer.toString(i));
                byte[] bytes = isBuffer(p.type()) && !e.isEmpty(i) ? e.bytes(i) : null;
                params.add(new Param(p.name(), p.type().name(), text == null ? "" : text, raw(e, i, p.type()), bytes));
            }
            long pid = index.processes().pidOfThread(e.tid());
            boolean hasThread = index.threadName(row) != null;
            List<ProcessRecord> ancestry = hasThread && pid >= 0 ? index.processes().ancestry(pid) : List.of();
            String cid = ancestry.isEmpty() ? "" : ancestry.get(0).containerId();
            return new EventDetails(index.number(row), dateTime(e.ts()), info == null ? "?" : typeName(rows, row),
                    (e.type() & 1) == 0 ? ">" : "<", e.cpu(), e.tid(), List.copyOf(params), ancestry, index.fd(row),
                    cid.isEmpty() ? null : index.processes().container(cid), cid);
        });
    }

    /** The time with date and nanoseconds in the local time zone, as evt.datetime shows it. */
    public static String dateTime(long ts) {
        java.time.ZonedDateTime t = java.time.Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L))
                .atZone(java.time.ZoneId.systemDefault());
        return String.format("%04d-%02d-%02d %02d:%02d:%02d.%09d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    private static String typeName(EventRows rows, int row) {
        return rows.row(row).type();
    }

    private static String raw(RawEvent e, int i, ParamType t) {
        if (t.width <= 0 || e.isEmpty(i)) {
            return "";
        }
        return switch (t) {
            case INT8, INT16, INT32, INT64, FD, PID, ERRNO, FD32, PID32, RELTIME -> Long.toString(e.signed(i));
            default -> Long.toUnsignedString(e.number(i));
        };
    }

    private static boolean isBuffer(ParamType t) {
        return t == ParamType.BYTEBUF || t == ParamType.CHARBUF || t == ParamType.FSPATH || t == ParamType.FSRELPATH
                || t == ParamType.CHARBUFARRAY || t == ParamType.SOCKADDR || t == ParamType.SOCKTUPLE;
    }

    /** The bytes as text: printable ASCII, newlines and tabs kept, everything else as '.'. */
    public static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte x : bytes) {
            int b = x & 0xff;
            out.append(b == '\n' || b == '\t' || (b >= 0x20 && b < 0x7f) ? (char) b : '.');
        }
        return out.toString();
    }

    /** A classic hex dump, 16 bytes a line. */
    public static String hexDump(byte[] bytes) {
        return hexDump(bytes, 16);
    }

    /** A hex dump: offset, {@code perLine} bytes in hex, the same bytes as text ('.' for the unprintable). */
    public static String hexDump(byte[] bytes, int perLine) {
        StringBuilder out = new StringBuilder();
        for (int off = 0; off < bytes.length; off += perLine) {
            out.append(String.format("%08x  ", off));
            for (int i = 0; i < perLine; i++) {
                if (off + i < bytes.length) {
                    out.append(String.format("%02x ", bytes[off + i] & 0xff));
                } else {
                    out.append("   ");
                }
                if (i % 8 == 7 && i + 1 < perLine) {
                    out.append(' ');
                }
            }
            out.append(' ');
            for (int i = 0; i < perLine && off + i < bytes.length; i++) {
                int b = bytes[off + i] & 0xff;
                out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
