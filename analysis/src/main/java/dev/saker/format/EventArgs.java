package dev.saker.format;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.RawEvent;

/**
 * The type and arguments of an event exactly as sysdig 0.29.3 prints them in its default line
 * ({@code ... %evt.dir %evt.type %evt.info}): each argument as {@code name=value } or
 * {@code name=value(resolved) }, every one followed by a space.
 *
 * <p>Event types the 2022 libs know are rendered with the 2022 table (names, print formats, flag
 * tables), and only the parameters both the table and the event have, as 2022 libsinsp does; later
 * types use the current table.
 */
public final class EventArgs {
    private static final int GENERIC_E = 0;
    private static final int GENERIC_X = 1;

    private EventArgs() {
    }

    /** Appends the args part of sysdig's line, with its trailing space, using sysdig's 80-character buffer limit. */
    public static void append(StringBuilder out, RawEvent e, ArgContext ctx) {
        append(out, e, ctx, ByteBufferText.SYSDIG_MAX_OUTPUT_LEN);
    }

    /**
     * Appends the args part with a chosen byte-buffer limit; 0 means no limit (sysdig -v).
     */
    public static void append(StringBuilder out, RawEvent e, ArgContext ctx, int maxBufferLen) {
        int type = e.type();
        // sysdig prints no arguments for generic events: their ID is only used to name the syscall.
        if (type == GENERIC_E || type == GENERIC_X) {
            return;
        }
        EventInfo info = tableEntry(e);
        if (info == null) {
            return;
        }
        int n = Math.min(info.nparams(), e.nparams());
        for (int i = 0; i < n; i++) {
            ParamInfo declared = info.params().get(i);
            out.append(declared.name()).append('=');
            if (!ParamRenderer.appendNumber(out, e, declared, i, ctx)) {
                ParamRenderer.render(e, info, i, ctx, maxBufferLen).appendTo(out);
            }
            out.append(' ');
        }
    }

    /**
     * One argument as evt.arg shows it (the resolved part of its text in the line, else the raw): by name, or by
     * position when {@code name} is a number. Null when the event has no such argument; buffers in full.
     */
    public static String one(RawEvent e, ArgContext ctx, String name) {
        // unlike the args line, evt.arg has the arguments of generic events too (ID, nativeID)
        EventInfo info = tableEntry(e);
        if (info == null || name == null) {
            return null;
        }
        // a position (evt.arg[0]) or a name (evt.arg.flags); no exception for names, this runs per event
        int i = isIndex(name) ? Integer.parseInt(name.trim()) : info.paramIndex(name);
        if (i < 0 || i >= Math.min(info.nparams(), e.nparams())) {
            return null;
        }
        boolean flags = info.params().get(i).type().isFlags();
        if (flags) {
            String known = FlagTexts.get(info, i, flagKey(e, i));
            if (known != null) {
                return known;
            }
        }
        // libsinsp's evt.arg is the resolved text when there is one (O_RDONLY, <f>/etc/passwd), else the raw
        ParamText t = ParamRenderer.render(e, info, i, ctx, 0);
        String text = t.resolved().isEmpty() ? t.raw() : t.resolved();
        if (flags) {
            FlagTexts.put(info, i, flagKey(e, i), text);
        }
        return text;
    }

    /**
     * {@link #one} when the argument is a flags or mode value whose text is already known, else null:
     * lets the per-event path skip building an argument context.
     */
    public static String knownFlagText(RawEvent e, String name) {
        EventInfo info = tableEntry(e);
        if (info == null || name == null || isIndex(name)) {
            return null;
        }
        int i = info.paramIndex(name);
        if (i < 0 || i >= Math.min(info.nparams(), e.nparams()) || !info.params().get(i).type().isFlags()) {
            return null;
        }
        return FlagTexts.get(info, i, flagKey(e, i));
    }

    /** The flags value, or for an empty parameter a key no value has (its text is fixed too). */
    private static long flagKey(RawEvent e, int i) {
        return e.isEmpty(i) ? Long.MIN_VALUE : e.number(i);
    }

    private static boolean isIndex(String name) {
        String t = name.trim();
        if (t.isEmpty() || t.length() > 9) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (!Character.isDigit(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The args part as a string (see {@link #append(StringBuilder, RawEvent, ArgContext)}). */
    public static String of(RawEvent e, ArgContext ctx) {
        StringBuilder out = new StringBuilder();
        append(out, e, ctx);
        return out.toString();
    }

    /**
     * evt.type: the event name, or for a generic event the syscall named by its ID parameter
     * ("<unknown>" for an id outside the table, where sysdig would read past its own table).
     */
    public static String typeName(RawEvent e) {
        int type = e.type();
        if ((type == GENERIC_E || type == GENERIC_X) && e.paramLength(0) == 2) {
            String name = EventSchema.legacy2022().syscallName(e.u16(0, 0));
            if (name == null) {
                name = EventSchema.current().syscallName(e.u16(0, 0));
            }
            return name == null ? "<unknown>" : name;
        }
        EventInfo info = tableEntry(e);
        return info == null ? "<unknown>" : info.name();
    }

    static EventInfo tableEntry(RawEvent e) {
        EventInfo legacy = EventSchema.legacy2022().info(e.type());
        return legacy != null ? legacy : EventSchema.current().info(e.type());
    }
}
