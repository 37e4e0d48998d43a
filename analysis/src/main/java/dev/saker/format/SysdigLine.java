package dev.saker.format;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.RawEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * sysdig 0.29.3's default event line,
 * {@code *%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info},
 * and which events it numbers and prints. The process name and thread id come from the state layer
 * ("<NA>" when there is no thread).
 */
public final class SysdigLine {
    /** PPM_EVENT_MAX of the 2022 libs: its reader skips larger types without numbering them. */
    private static final int LEGACY_EVENT_MAX = EventSchema.legacy2022().size();
    /** scap dump flag of events recorded only to rebuild state (Falco writes them). */
    private static final int DF_STATE_ONLY = 1;
    /** EC_INTERNAL in the 2022 category numbering (1 << 8; current libs moved it). */
    private static final int LEGACY_EC_INTERNAL = 1 << 8;
    private static final int CONTAINER_JSON_E = 272;
    private static final int CONTAINER_JSON_2_E = 324;

    private SysdigLine() {
    }

    /** Whether sysdig's reader delivers the event, so that it gets an evt.num. */
    public static boolean isNumbered(RawEvent e) {
        return e.type() < LEGACY_EVENT_MAX;
    }

    /**
     * Whether sysdig prints a numbered event: internal events (PROCINFO and the like) and state-only
     * events are parsed but not shown. Container JSON events are the exception this cannot decide:
     * libsinsp hides those whose lookup is incomplete or whose container it already knows, which is
     * the state layer's call ({@link #isContainerEvent}); this answers true for them.
     */
    public static boolean isPrinted(RawEvent e) {
        if (!isNumbered(e) || (e.dumpFlags() & DF_STATE_ONLY) != 0) {
            return false;
        }
        EventInfo info = EventSchema.legacy2022().info(e.type());
        return info != null && (info.category() & LEGACY_EC_INTERNAL) == 0;
    }

    public static boolean isContainerEvent(RawEvent e) {
        return e.type() == CONTAINER_JSON_E || e.type() == CONTAINER_JSON_2_E;
    }

    /** Appends the whole line, without the line terminator (sysdig ends it with '\n'). */
    public static void append(StringBuilder out, long num, RawEvent e, String procName, String threadTid, ArgContext ctx,
                              ZoneId zone) {
        out.append(num).append(' ');
        appendTime(out, e.ts(), zone);
        out.append(' ').append(e.cpu()).append(' ').append(procName).append(" (").append(threadTid).append(") ")
                .append((e.type() & 1) == 0 ? '>' : '<').append(' ').append(EventArgs.typeName(e)).append(' ');
        EventArgs.append(out, e, ctx);
    }

    /**
     * evt.outputtime in sysdig's default mode: HH:MM:SS.nnnnnnnnn of the day in local time. Like
     * libsinsp, it applies the zone's offset as of now, not as of the event.
     */
    static void appendTime(StringBuilder out, long ts, ZoneId zone) {
        long offset = offsetNow(zone);
        long seconds = Long.divideUnsigned(ts, 1_000_000_000L);
        long nanos = Long.remainderUnsigned(ts, 1_000_000_000L);
        long s = Math.floorMod(seconds + offset, 86_400L);
        TimeOfDay day = lastTimeOfDay;
        if (day.second != s) {
            day = new TimeOfDay(s);
            lastTimeOfDay = day;
        }
        out.append(day.text);
        // "1nnnnnnnnn" is the zero-padded nanoseconds behind a leading 1, which becomes the '.'.
        int dot = out.length();
        out.append(1_000_000_000L + nanos);
        out.setCharAt(dot, '.');
    }

    /**
     * The last second of the day printed and its "HH:MM:SS": consecutive events mostly fall in the
     * same second. Immutable, so sharing it between threads through a plain field is safe.
     */
    private static final class TimeOfDay {
        final long second;
        final String text;

        TimeOfDay(long second) {
            this.second = second;
            StringBuilder b = new StringBuilder(8);
            two(b, (int) (second / 3600)).append(':');
            two(b, (int) (second % 3600 / 60)).append(':');
            two(b, (int) (second % 60));
            this.text = b.toString();
        }
    }

    private static TimeOfDay lastTimeOfDay = new TimeOfDay(0);

    /**
     * The zone's offset now. A fixed-offset zone (UTC, the usual case on servers) needs no clock read,
     * which matters at one call per printed event.
     */
    private static long offsetNow(ZoneId zone) {
        if (zone instanceof ZoneOffset fixed) {
            return fixed.getTotalSeconds();
        }
        ZoneRules rules = zone.getRules();
        return (rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : rules.getOffset(Instant.now())).getTotalSeconds();
    }

    /** Two digits, zero-padded, appended without a temporary string. */
    private static StringBuilder two(StringBuilder out, int v) {
        return out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
