package dev.saker.scap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static final EventSchema LEGACY_2022 = load("events-2022.txt");

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
        return LEGACY_2022;
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
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> eventLines = new ArrayList<>();
            Map<String, String[]> dynLines = new HashMap<>();
            Map<String, FlagTable> flags = new HashMap<>();
            Map<Integer, String> syscalls = new HashMap<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "event" -> eventLines.add(f);
                    case "dyn" -> dynLines.put(f[1], f);
                    case "flags" -> flags.put(f[1], parseFlags(f));
                    case "syscall" -> syscalls.put(Integer.parseInt(f[1]), f[2]);
                    default -> throw new IllegalStateException("bad schema line: " + line);
                }
            }
            Map<String, List<ParamInfo>> dyns = new HashMap<>();
            dynLines.forEach((name, f) -> {
                List<ParamInfo> alts = new ArrayList<>();
                for (int i = 3; i < f.length; i++) {
                    alts.add(parseParam(f[i], flags, Map.of()));
                }
                dyns.put(name, List.copyOf(alts));
            });
            EventInfo[] events = new EventInfo[eventLines.size()];
            for (String[] f : eventLines) {
                int type = Integer.parseInt(f[1]);
                List<ParamInfo> params = new ArrayList<>();
                for (int i = 7; i < f.length; i++) {
                    params.add(parseParam(f[i], flags, dyns));
                }
                events[type] = new EventInfo(type, f[3], Integer.decode(f[4]), Integer.decode(f[5]), List.copyOf(params));
            }
            int maxSc = syscalls.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            String[] names = new String[maxSc + 1];
            syscalls.forEach((id, name) -> names[id] = name);
            return new EventSchema(events, Map.copyOf(flags), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FlagTable parseFlags(String[] f) {
        List<String> names = new ArrayList<>();
        long[] values = new long[f.length - 2];
        for (int i = 2; i < f.length; i++) {
            int eq = f[i].lastIndexOf('=');
            names.add(f[i].substring(0, eq));
            values[i - 2] = Long.decode(f[i].substring(eq + 1));
        }
        return new FlagTable(f[1], List.copyOf(names), values);
    }

    private static ParamInfo parseParam(String spec, Map<String, FlagTable> flags, Map<String, List<ParamInfo>> dyns) {
        String[] p = spec.split(":", -1);
        FlagTable table = null;
        List<ParamInfo> dynamic = List.of();
        int dirfd = -1;
        if (p.length > 3) {
            String extra = p[3];
            if (extra.startsWith("flags=")) {
                table = flags.get(extra.substring(6));
            } else if (extra.startsWith("dyn=")) {
                dynamic = dyns.getOrDefault(extra.substring(4), List.of());
            } else if (extra.startsWith("dirfd=")) {
                dirfd = Integer.parseInt(extra.substring(6));
            }
        }
        return new ParamInfo(p[0].replace('+', ' '), ParamType.of(Integer.parseInt(p[1])), PrintFormat.of(Integer.parseInt(p[2])), table,
                dynamic, dirfd);
    }
}
