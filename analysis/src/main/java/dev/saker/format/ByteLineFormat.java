package dev.saker.format;

import dev.saker.fields.BoundField;
import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A {@link FieldFormat} that writes its lines as UTF-8 bytes ({@link LineBytes}), the bytes the
 * StringBuilder path ({@link FieldFormat#render(EventContext, StringBuilder)}) gives once encoded.
 * The fields of sysdig's default line (evt.num, evt.outputtime, evt.cpu, proc.name, thread.tid,
 * evt.dir, evt.type, evt.info) have writers of their own here; every other field, and any field with
 * a width, goes through its text appender and is encoded. One instance per output, not shared
 * between threads (it keeps caches and scratch space).
 */
final class ByteLineFormat {
    // what each field is; a switch on these is cheaper per line than a call through an interface
    private static final int GENERAL = 1;
    private static final int NUM = 2;
    private static final int CPU = 3;
    private static final int TID = 4;
    private static final int TIME = 5;
    private static final int ARGS = 7;
    private static final int DIR = 8;
    private static final int PROC_NAME = 9;
    private static final int TYPE = 10;
    /** Remembered digits of thread ids, by tid modulo the size: a capture has a few hundred threads. */
    private static final int TID_CACHE = 256;

    /** What each field token is; literals[0] is the text before the first field, literals[i + 1] the text after field i. */
    private final int[] kinds;
    private final byte[][] literals;
    private final BoundField[] fields;
    private final int[] widths;
    private final boolean requireAll;
    private final StringBuilder scratch = new StringBuilder(256);
    private final ArgBytes args = new ArgBytes();
    private SystemState argState;
    private StateArgContext argContext;
    private final ZoneId zone = ZoneId.systemDefault();
    /**
     * "HH:MM:SS." of recent seconds by second modulo the size: events of several CPUs interleave
     * within a few seconds, so one remembered second would be recomputed over and over.
     */
    private final long[] seconds = new long[64];
    private final byte[][] secondTexts = new byte[64][];
    private final long[] tids = new long[TID_CACHE];
    private final byte[][] tidTexts = new byte[TID_CACHE][];
    /** evt.num of the previous line and its digits: the next line's number is usually one more. */
    private long lastNum = -1;
    private final byte[] numDigits = new byte[20];
    private int numFrom = numDigits.length;

    ByteLineFormat(FieldFormat format) {
        List<FieldFormat.Token> tokens = format.tokens();
        int n = 0;
        for (FieldFormat.Token t : tokens) {
            n += t.field() == null ? 0 : 1;
        }
        kinds = new int[n];
        literals = new byte[n + 1][];
        fields = new BoundField[n];
        widths = new int[n];
        requireAll = format.requiresAllValues();
        FieldRegistry standard = RenderedFields.registry();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        for (FieldFormat.Token t : tokens) {
            if (t.field() == null) {
                literal.append(t.literal());
                continue;
            }
            literals[i] = literal.toString().getBytes(StandardCharsets.UTF_8);
            literal.setLength(0);
            fields[i] = t.field();
            widths[i] = t.width();
            kinds[i] = t.width() > 0 || t.field().arg() != null ? GENERAL : kindOf(t.field().field(), standard);
            i++;
        }
        literals[n] = literal.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The byte writer for a field of the standard registry, by name; GENERAL for any other field. */
    private static int kindOf(Field f, FieldRegistry standard) {
        if (standard.get(f.name()) != f) {
            return GENERAL;   // a field of another registry that only shares the name
        }
        return switch (f.name()) {
            case "evt.num" -> NUM;
            case "evt.cpu" -> CPU;
            case "thread.tid" -> TID;
            case "evt.outputtime", "evt.time" -> TIME;
            case "evt.dir" -> DIR;
            case "proc.name" -> PROC_NAME;
            case "evt.type" -> TYPE;
            case "evt.info", "evt.args" -> ARGS;
            default -> GENERAL;
        };
    }

    /**
     * Appends the event's line (without '\n'); false, leaving {@code out} as it was, when a field has
     * no value and the format requires all values.
     */
    boolean render(EventContext c, LineBytes out) {
        int start = out.length();
        out.bytes(literals[0]);
        for (int i = 0; i < kinds.length; i++) {
            if (!field(c, i, out)) {
                out.setLength(start);
                return false;
            }
            out.bytes(literals[i + 1]);
        }
        return true;
    }

    /** Appends token {@code i}; false when it has no value and the line is dropped. */
    private boolean field(EventContext c, int i, LineBytes out) {
        switch (kinds[i]) {
            case NUM -> num(c.num(), out);
            case CPU -> {
                int cpu = c.raw().cpu();
                if (cpu >= 0 && cpu < 10) {
                    out.ascii((char) ('0' + cpu));
                } else {
                    out.number(cpu);
                }
            }
            case TID -> tid(c.raw().tid(), out);
            case DIR -> out.ascii(c.isEnter() ? '>' : '<');
            case PROC_NAME -> {
                // ProcFields' proc.name: the thread's comm, missing without a thread
                ThreadInfo t = c.thread();
                return textOrGeneral(t == null ? null : t.comm, c, i, out);
            }
            case TYPE -> {
                // EvtFields.type: a generic event's name is its syscall's, any other its table entry's
                RawEvent e = c.raw();
                EventInfo info = e.info();
                String name = info == null ? null
                        : e.type() != EventTypes.GENERIC_E && e.type() != EventTypes.GENERIC_X ? info.name()
                        : c.edition() != null ? c.edition().typeName(e) : null;   // the syscall's table name
                return textOrGeneral(name, c, i, out);
            }
            case TIME -> {
                long ts = c.raw().ts();
                if (ts < 0) {
                    return general(c, i, out);   // before 1970: the rare slow path of EvtFields
                }
                time(ts, out);
            }
            case ARGS -> args.append(out, c.raw(), argContext(c), ByteBufferText.SYSDIG_MAX_OUTPUT_LEN);
            default -> {
                return general(c, i, out);
            }
        }
        return true;
    }

    /** {@code text} when the fast path has it, else the field through {@link #general}. */
    private boolean textOrGeneral(String text, EventContext c, int i, LineBytes out) {
        if (text == null) {
            return general(c, i, out);
        }
        out.text(text);
        return true;
    }

    /** FieldFormat.render's handling of one field token, through the scratch builder; false when the line is dropped. */
    private boolean general(EventContext c, int i, LineBytes out) {
        StringBuilder s = scratch;
        s.setLength(0);
        if (!fields[i].appendText(c, s)) {
            if (requireAll) {
                return false;
            }
            s.append(FieldFormat.NA);
        }
        int width = widths[i];
        if (width > 0) {
            if (s.length() > width) {
                s.setLength(width);
            } else {
                s.append(" ".repeat(width - s.length()));
            }
        }
        out.fresh(s.toString());
        return true;
    }

    /** evt.num: the previous line's digits counted up by one when that is the number, else written anew. */
    private void num(long n, LineBytes out) {
        byte[] d = numDigits;
        if (n == lastNum + 1 && n > 0) {
            int p = d.length - 1;
            while (p >= numFrom && d[p] == '9') {
                d[p--] = '0';
            }
            if (p >= numFrom) {
                d[p]++;
            } else {
                d[--numFrom] = '1';
            }
        } else {
            int from = d.length;
            long v = n;
            if (v < 0) {
                out.number(n);   // not a real event number: no counting
                lastNum = -1;
                return;
            }
            do {
                d[--from] = (byte) ('0' + (int) (v % 10));
                v /= 10;
            } while (v > 0);
            numFrom = from;
        }
        lastNum = n;
        out.bytes(d, numFrom, d.length - numFrom);
    }

    private void tid(long tid, LineBytes out) {
        int slot = (int) (tid & (TID_CACHE - 1));
        byte[] text = tidTexts[slot];
        if (text == null || tids[slot] != tid) {
            text = Long.toString(tid).getBytes(StandardCharsets.US_ASCII);
            tidTexts[slot] = text;
            tids[slot] = tid;
        }
        out.bytes(text);
    }

    /** EvtFields.appendTime for a time from 1970 on: "HH:MM:SS." kept per second, then the nanoseconds. */
    private void time(long ts, LineBytes out) {
        long sec = ts / 1_000_000_000L;
        int slot = (int) (sec & 63);
        byte[] text = secondTexts[slot];
        if (text == null || seconds[slot] != sec) {
            text = secondText(sec, slot);
        }
        out.bytes(text).nineDigits((int) (ts % 1_000_000_000L));
    }

    /**
     * "HH:MM:SS." of a second not remembered yet, remembered in {@code slot}. A method of its own, too
     * big to be inlined where it is called once a second: inlined, its java.time calls made the
     * compiled line writer 17 kB and took C2 about 40 ms, during the warm-up when every compile counts.
     */
    private byte[] secondText(long sec, int slot) {
        ZonedDateTime t = Instant.ofEpochSecond(sec).atZone(zone);
        byte[] text = (twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute()) + ":" + twoDigits(t.getSecond())
                + ".").getBytes(StandardCharsets.US_ASCII);
        secondTexts[slot] = text;
        seconds[slot] = sec;
        return text;
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private StateArgContext argContext(EventContext c) {
        if (argContext == null || argState != c.state()) {
            argState = c.state();
            argContext = new StateArgContext(argState);
        }
        return argContext.on(c.thread());
    }
}
