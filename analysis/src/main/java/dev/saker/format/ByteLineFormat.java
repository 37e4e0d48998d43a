package dev.saker.format;

import dev.saker.fields.BoundField;
import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.state.SystemState;
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
    private static final byte[] NA = FieldFormat.NA.getBytes(StandardCharsets.UTF_8);

    // what each token is; a switch on these is cheaper per line than a call through an interface
    private static final int LITERAL = 0;
    private static final int GENERAL = 1;
    private static final int NUM = 2;
    private static final int CPU = 3;
    private static final int TID = 4;
    private static final int TIME = 5;
    /** A string value that is the same object whenever it comes back (names from tables, thread names). */
    private static final int SAME_STRING = 6;
    private static final int ARGS = 7;

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

    ByteLineFormat(FieldFormat format) {
        List<FieldFormat.Token> tokens = format.tokens();
        int n = tokens.size();
        kinds = new int[n];
        literals = new byte[n][];
        fields = new BoundField[n];
        widths = new int[n];
        requireAll = format.requiresAllValues();
        FieldRegistry standard = RenderedFields.registry();
        for (int i = 0; i < n; i++) {
            FieldFormat.Token t = tokens.get(i);
            if (t.field() == null) {
                kinds[i] = LITERAL;
                literals[i] = t.literal().getBytes(StandardCharsets.UTF_8);
                continue;
            }
            fields[i] = t.field();
            widths[i] = t.width();
            kinds[i] = t.width() > 0 || t.field().arg() != null ? GENERAL : kindOf(t.field().field(), standard);
        }
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
            case "proc.name", "evt.type", "evt.dir" -> SAME_STRING;
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
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case LITERAL -> out.bytes(literals[i]);
                case NUM -> out.number(c.num());
                case CPU -> out.number(c.raw().cpu());
                case TID -> out.number(c.raw().tid());
                case TIME -> {
                    long ts = c.raw().ts();
                    if (ts < 0) {
                        if (!general(c, i, out)) {   // before 1970: the rare slow path of EvtFields
                            out.setLength(start);
                            return false;
                        }
                    } else {
                        time(ts, out);
                    }
                }
                case SAME_STRING -> {
                    Object v = fields[i].extract(c);
                    if (v instanceof String s) {
                        out.text(s);
                    } else if (v != null) {
                        out.fresh(v.toString());
                    } else if (requireAll) {
                        out.setLength(start);
                        return false;
                    } else {
                        out.bytes(NA);
                    }
                }
                case ARGS -> args.append(out, c.raw(), argContext(c), ByteBufferText.SYSDIG_MAX_OUTPUT_LEN);
                default -> {
                    if (!general(c, i, out)) {
                        out.setLength(start);
                        return false;
                    }
                }
            }
        }
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

    /** EvtFields.appendTime for a time from 1970 on: "HH:MM:SS." kept per second, then the nanoseconds. */
    private void time(long ts, LineBytes out) {
        long sec = ts / 1_000_000_000L;
        int slot = (int) (sec & 63);
        byte[] text = secondTexts[slot];
        if (text == null || seconds[slot] != sec) {
            ZonedDateTime t = Instant.ofEpochSecond(sec).atZone(zone);
            text = (twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute()) + ":" + twoDigits(t.getSecond())
                    + ".").getBytes(StandardCharsets.US_ASCII);
            secondTexts[slot] = text;
            seconds[slot] = sec;
        }
        out.bytes(text).nineDigits((int) (ts % 1_000_000_000L));
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
