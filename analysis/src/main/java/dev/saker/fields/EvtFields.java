package dev.saker.fields;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * evt.* fields: the event's number, time, cpu, direction, type and return value, computed from the
 * event as recorded. The return value is the parameter named "res", or for fd-creating exits the one
 * named "fd" (libsinsp's rule; old open exits call their return value fd).
 */
final class EvtFields {
    private EvtFields() {
    }

    static void register(FieldRegistry r) {
        r.addLong("evt.num", "event number", (c, a) -> c.num());
        r.add("evt.time", FieldType.STRING, "event time, HH:MM:SS.nnnnnnnnn in the local time zone",
                (c, a) -> time(c.raw().ts(), false));
        r.add("evt.datetime", FieldType.STRING, "event date and time in the local time zone",
                (c, a) -> time(c.raw().ts(), true));
        r.add("evt.rawtime", FieldType.NUMBER, "event time, nanoseconds since the epoch", (c, a) -> c.raw().ts());
        r.add("evt.rawtime.s", FieldType.NUMBER, "seconds part of evt.rawtime", (c, a) -> c.raw().ts() / 1_000_000_000L);
        r.add("evt.rawtime.ns", FieldType.STRING, "nanoseconds part of evt.rawtime, zero-padded to 9 digits",
                (c, a) -> String.format("%09d", c.raw().ts() % 1_000_000_000L));
        r.add("evt.outputtime", FieldType.TIME, "event time: HH:MM:SS.nnnnnnnnn in text, nanoseconds in JSON",
                (c, a) -> c.raw().ts());
        r.add("evt.cpu", FieldType.NUMBER, "cpu the event was recorded on", (c, a) -> (long) c.raw().cpu());
        r.add("evt.dir", FieldType.STRING, "'>' for enter events, '<' for exit events", (c, a) -> c.isEnter() ? ">" : "<");
        r.add("evt.type", FieldType.STRING, "event type name", (c, a) -> type(c.raw(), c.edition()));
        r.add("evt.res", FieldType.STRING, "SUCCESS or the error name of a failed call", (c, a) -> res(c.raw()));
        r.addLong("evt.rawres", "the return value as a number", (c, a) -> rawres(c.raw()));
        r.add("evt.failed", FieldType.BOOL, "whether the call returned an error", (c, a) -> failed(c.raw()));
        r.add("evt.is_io", FieldType.BOOL, "whether the event reads or writes an fd",
                (c, a) -> hasFlag(c, EventInfo.EF_READS_FROM_FD | EventInfo.EF_WRITES_TO_FD));
        r.add("evt.is_io_read", FieldType.BOOL, "whether the event reads from an fd",
                (c, a) -> hasFlag(c, EventInfo.EF_READS_FROM_FD));
        r.add("evt.is_io_write", FieldType.BOOL, "whether the event writes to an fd",
                (c, a) -> hasFlag(c, EventInfo.EF_WRITES_TO_FD));
        r.add("evt.is_wait", FieldType.BOOL, "whether the event waits", (c, a) -> hasFlag(c, EventInfo.EF_WAITS));
    }

    static String time(long ts, boolean withDate) {
        StringBuilder b = new StringBuilder(30);
        appendTime(b, ts, withDate);
        return b.toString();
    }

    /** Appends evt.time (or evt.datetime with the date) as sysdig writes it. */
    static void appendTime(StringBuilder b, long ts, boolean withDate) {
        if (ts < 0) {
            b.append(formatted(ts, withDate));
            return;
        }
        // One call per printed event: String.format (a regex parse and locale lookups per call) was
        // over a third of saker read's time. The date and HH:MM:SS are kept per second, in a small
        // table rather than one slot: two threads printing different stretches of a capture (saker
        // read's chunks) would otherwise evict each other's second on every line.
        long second = ts / 1_000_000_000L;
        ZoneId zone = ZoneId.systemDefault();
        int slot = (int) (second & (SECONDS.length - 1));
        SecondText s = SECONDS[slot];
        if (s == null || s.epochSecond != second || !s.zone.equals(zone)) {
            s = new SecondText(second, zone);
            SECONDS[slot] = s;
        }
        if (withDate) {
            b.append(s.date).append(' ');
        }
        b.append(s.hms);
        // "1nnnnnnnnn": the zero-padded nanoseconds behind a leading 1, which becomes the '.'.
        int dot = b.length();
        b.append(1_000_000_000L + ts % 1_000_000_000L);
        b.setCharAt(dot, '.');
    }

    private static String formatted(long ts, boolean withDate) {
        ZonedDateTime t = Instant.ofEpochSecond(ts / 1_000_000_000L).atZone(ZoneId.systemDefault());
        String hms = String.format("%02d:%02d:%02d.%09d", t.getHour(), t.getMinute(), t.getSecond(), ts % 1_000_000_000L);
        return withDate ? String.format("%04d-%02d-%02d %s", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), hms) : hms;
    }

    /** One second's date and "HH:MM:SS" in one zone; immutable, so threads can share it. */
    private static final class SecondText {
        final long epochSecond;
        final ZoneId zone;
        final String date;
        final String hms;

        SecondText(long epochSecond, ZoneId zone) {
            this.epochSecond = epochSecond;
            this.zone = zone;
            ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(zone);
            // epoch seconds are not negative here (see appendTime), so the year has four digits
            this.date = t.getYear() + "-" + twoDigits(t.getMonthValue()) + "-" + twoDigits(t.getDayOfMonth());
            this.hms = twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute()) + ":" + twoDigits(t.getSecond());
        }

        private static String twoDigits(int v) {
            return v < 10 ? "0" + v : Integer.toString(v);
        }
    }

    /**
     * Recent seconds' texts by epoch second modulo the size. The entries are immutable (final fields),
     * so threads may share the table without locks: a racing write only costs a recomputation.
     */
    private static final SecondText[] SECONDS = new SecondText[64];

    /** Generic events carry the syscall's id; their type is the syscall's name. */
    static String type(RawEvent e, LibsEdition edition) {
        EventInfo info = e.info();
        if (info == null) {
            return null;
        }
        if ((e.type() == EventTypes.GENERIC_E || e.type() == EventTypes.GENERIC_X) && !e.isEmpty(0)) {
            String name = edition.syscallNames().syscallName((int) e.number(0));
            if (name != null) {
                return name;
            }
        }
        return info.name();
    }

    /** Index of the return value parameter, or -1 (enter events have none). */
    static int resIndex(RawEvent e) {
        EventInfo info = e.info();
        if (info == null) {
            return -1;
        }
        int i = info.paramIndex("res");
        if (i < 0 && !info.isEnter() && (info.flags() & EventInfo.EF_CREATES_FD) != 0) {
            i = info.paramIndex("fd");
        }
        return i >= 0 && !e.isEmpty(i) ? i : -1;
    }

    private static Object res(RawEvent e) {
        int i = resIndex(e);
        if (i < 0) {
            return null;
        }
        long res = e.signed(i);
        return res >= 0 ? "SUCCESS" : Errnos.describe(res);
    }

    private static long rawres(RawEvent e) {
        int i = resIndex(e);
        return i < 0 ? LongExtractor.NA : e.signed(i);
    }

    private static Object failed(RawEvent e) {
        int i = resIndex(e);
        return i >= 0 && e.signed(i) < 0;
    }

    private static Object hasFlag(EventContext c, int flags) {
        return (c.flags() & flags) != 0;
    }
}
