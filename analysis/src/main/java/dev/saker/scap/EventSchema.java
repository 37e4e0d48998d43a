package dev.saker.scap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event table: every event type with its parameters, flag tables and generic-syscall names.
 * Two editions are kept as data: the current falcosecurity/libs table, which decoding, conversion and
 * state use, and the March 2022 table of the libs inside sysdig 0.29.3, which the sysdig-compatible
 * text rendering consults for parameter formats (see tools/schema/gen-schema.sh for their origin).
 */
public final class EventSchema {
    private static final EventSchema CURRENT = load("events-current.txt");

    /** Loaded on first use: commands that render no sysdig text and read no event never need it. */
    private static final class Legacy2022 {
        static final EventSchema SCHEMA = load("events-2022.txt");
    }

    private final EventInfo[] events;
    private final Map<String, FlagTable> flagTables;
    private final String[] syscallNames;

    private EventSchema(EventInfo[] events, Map<String, FlagTable> flagTables, String[] syscallNames) {
        this.events = events;
        this.flagTables = flagTables;
        this.syscallNames = syscallNames;
    }

    /** The table of current falcosecurity/libs (454 event types). */
    public static EventSchema current() {
        return CURRENT;
    }

    /** The table of the 2022 libs that sysdig 0.29.3 is built on (336 event types). */
    public static EventSchema legacy2022() {
        return Legacy2022.SCHEMA;
    }

    /** Number of event types (PPM_EVENT_MAX). */
    public int size() {
        return events.length;
    }

    /** The event type, or null when {@code type} is outside the table. */
    public EventInfo info(int type) {
        return type >= 0 && type < events.length ? events[type] : null;
    }

    public FlagTable flagTable(String name) {
        return flagTables.get(name);
    }

    /** The syscall name for a generic event's ID parameter, or null. */
    public String syscallName(int id) {
        return id >= 0 && id < syscallNames.length ? syscallNames[id] : null;
    }

    private static EventSchema load(String resource) {
        try (InputStream in = EventSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a schema text (the resource format, see its header). Every command starts by loading the
     * two tables and does so in the interpreter, so this is written for that: the text is decoded at
     * once instead of through a Reader, lines and words are cut with indexOf, a parameter spec that
     * recurs (fd:14:1 and res:11:1 appear hundreds of times) is parsed once per table, and there are
     * no streams or lambdas. ParamInfo is an immutable record, so sharing one between events is safe.
     */
    static EventSchema parse(String text) {
        List<String[]> eventLines = new ArrayList<>();
        Map<String, String[]> dynLines = new HashMap<>();
        Map<String, FlagTable> flags = new HashMap<>();
        String[] syscalls = new String[0];
        int maxSc = -1;
        if (text.indexOf('\r') >= 0) {
            // lines end where BufferedReader.readLine ended them: at "\r\n", '\n' or a lone '\r'
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            pos = end + 1;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] f = line.split(" ");
            switch (f[0]) {
                case "event" -> eventLines.add(f);
                case "dyn" -> dynLines.put(f[1], f);
                case "flags" -> flags.put(f[1], parseFlags(f));
                case "syscall" -> {
                    int id = Integer.parseInt(f[1]);
                    if (id >= syscalls.length) {
                        syscalls = Arrays.copyOf(syscalls, Math.max(id + 1, 2 * syscalls.length));
                    }
                    syscalls[id] = f[2];
                    maxSc = Math.max(maxSc, id);
                }
                default -> throw new IllegalStateException("bad schema line: " + line);
            }
        }
        Map<String, List<ParamInfo>> dyns = new HashMap<>();
        Map<String, ParamInfo> parsed = new HashMap<>();
        for (String[] f : dynLines.values()) {
            ParamInfo[] alts = new ParamInfo[f.length - 3];
            for (int i = 3; i < f.length; i++) {
                alts[i - 3] = parseParam(f[i], flags, Map.of());
            }
            dyns.put(f[1], List.of(alts));
        }
        EventInfo[] events = new EventInfo[eventLines.size()];
        for (String[] f : eventLines) {
            int type = Integer.parseInt(f[1]);
            ParamInfo[] params = new ParamInfo[Math.max(0, f.length - 7)];
            for (int i = 7; i < f.length; i++) {
                ParamInfo p = parsed.get(f[i]);
                if (p == null) {
                    p = parseParam(f[i], flags, dyns);
                    parsed.put(f[i], p);
                }
                params[i - 7] = p;
            }
            events[type] = new EventInfo(type, f[3], Integer.decode(f[4]), Integer.decode(f[5]), List.of(params));
        }
        return new EventSchema(events, Map.copyOf(flags), Arrays.copyOf(syscalls, maxSc + 1));
    }

    private static FlagTable parseFlags(String[] f) {
        String[] names = new String[f.length - 2];
        long[] values = new long[f.length - 2];
        for (int i = 2; i < f.length; i++) {
            int eq = f[i].lastIndexOf('=');
            names[i - 2] = f[i].substring(0, eq);
            values[i - 2] = Long.decode(f[i].substring(eq + 1));
        }
        return new FlagTable(f[1], List.of(names), values);
    }

    /** NAME:TYPE:FORMAT with an optional :flags=T, :dyn=T or :dirfd=N (anything after a fourth ':' is ignored). */
    private static ParamInfo parseParam(String spec, Map<String, FlagTable> flags, Map<String, List<ParamInfo>> dyns) {
        int c1 = spec.indexOf(':');
        int c2 = c1 < 0 ? -1 : spec.indexOf(':', c1 + 1);
        if (c2 < 0) {
            throw new IllegalStateException("bad parameter spec: " + spec);
        }
        int c3 = spec.indexOf(':', c2 + 1);
        FlagTable table = null;
        List<ParamInfo> dynamic = List.of();
        int dirfd = -1;
        if (c3 >= 0) {
            int c4 = spec.indexOf(':', c3 + 1);
            String extra = spec.substring(c3 + 1, c4 < 0 ? spec.length() : c4);
            if (extra.startsWith("flags=")) {
                table = flags.get(extra.substring(6));
            } else if (extra.startsWith("dyn=")) {
                dynamic = dyns.getOrDefault(extra.substring(4), List.of());
            } else if (extra.startsWith("dirfd=")) {
                dirfd = Integer.parseInt(extra.substring(6));
            }
        }
        return new ParamInfo(spec.substring(0, c1).replace('+', ' '), ParamType.of(Integer.parseInt(spec, c1 + 1, c2, 10)),
                PrintFormat.of(Integer.parseInt(spec, c2 + 1, c3 < 0 ? spec.length() : c3, 10)), table, dynamic, dirfd);
    }
}
