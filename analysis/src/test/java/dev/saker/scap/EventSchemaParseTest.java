package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The start-up parser of the event tables (indexOf cutting, shared parameter specs) against the
 * straightforward reading it replaced (BufferedReader, String.split), kept here as the definition:
 * every event, parameter, flag table and syscall name of both editions must come out the same.
 */
class EventSchemaParseTest {

    @Test
    void currentTableIsParsedAsByTheReferenceReading() throws IOException {
        assertSameAsReference("events-current.txt", EventSchema.current());
    }

    @Test
    void legacyTableIsParsedAsByTheReferenceReading() throws IOException {
        assertSameAsReference("events-2022.txt", EventSchema.legacy2022());
    }

    @Test
    void windowsLineEndsAreLineEndsAsForReadLine() throws IOException {
        String text = resource("events-current.txt");
        EventSchema crlf = EventSchema.parse(text.replace("\n", "\r\n"));
        EventSchema cr = EventSchema.parse(text.replace("\n", "\r"));
        for (int t = 0; t < EventSchema.current().size(); t++) {
            assertThat(dump(crlf.info(t))).isEqualTo(dump(EventSchema.current().info(t)));
            assertThat(dump(cr.info(t))).isEqualTo(dump(EventSchema.current().info(t)));
        }
    }

    private static void assertSameAsReference(String resource, EventSchema schema) throws IOException {
        String text = resource(resource);
        Reference ref = new Reference(text);
        assertThat(schema.size()).isEqualTo(ref.events.length);
        for (int t = -1; t <= ref.events.length; t++) {
            EventInfo expected = t >= 0 && t < ref.events.length ? ref.events[t] : null;
            assertThat(dump(schema.info(t))).as("type %d", t).isEqualTo(dump(expected));
        }
        assertThat(ref.flags).isNotEmpty();
        for (String name : ref.flags.keySet()) {
            assertThat(dump(schema.flagTable(name))).isEqualTo(dump(ref.flags.get(name)));
        }
        assertThat(schema.flagTable("no_such_table")).isNull();
        assertThat(ref.syscalls).isNotEmpty();
        for (int id = -1; id <= ref.syscalls.length; id++) {
            String expected = id >= 0 && id < ref.syscalls.length ? ref.syscalls[id] : null;
            assertThat(schema.syscallName(id)).as("syscall %d", id).isEqualTo(expected);
        }
        // the parsed schema is what the resource says, not only what the reference says
        assertThat(text).contains("event 2 E open ");
        assertThat(schema.info(2).name()).isEqualTo("open");
        assertThat(schema.info(2).params().get(1).flags().names()).contains("O_RDONLY");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventSchema.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String dump(EventInfo e) {
        if (e == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(e.type() + " " + e.name() + " " + e.category() + " " + e.flags());
        for (ParamInfo p : e.params()) {
            sb.append(" | ").append(dump(p));
        }
        return sb.toString();
    }

    private static String dump(ParamInfo p) {
        StringBuilder sb = new StringBuilder(p.name() + ":" + p.type() + ":" + p.format() + ":" + dump(p.flags()) + ":"
                + p.dirfdIndex() + ":[");
        for (ParamInfo d : p.dynamic()) {
            sb.append(dump(d)).append(';');
        }
        return sb.append(']').toString();
    }

    private static String dump(FlagTable f) {
        return f == null ? "null" : f.name() + f.names() + Arrays.toString(f.values());
    }

    /** The reading the start-up parser replaced, line for line. */
    private static final class Reference {
        final EventInfo[] events;
        final Map<String, FlagTable> flags = new HashMap<>();
        final String[] syscalls;

        Reference(String text) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
            List<String[]> eventLines = new ArrayList<>();
            Map<String, String[]> dynLines = new HashMap<>();
            Map<Integer, String> sc = new HashMap<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "event" -> eventLines.add(f);
                    case "dyn" -> dynLines.put(f[1], f);
                    case "flags" -> flags.put(f[1], flags(f));
                    case "syscall" -> sc.put(Integer.parseInt(f[1]), f[2]);
                    default -> throw new IllegalStateException("bad schema line: " + line);
                }
            }
            Map<String, List<ParamInfo>> dyns = new HashMap<>();
            dynLines.forEach((name, f) -> {
                List<ParamInfo> alts = new ArrayList<>();
                for (int i = 3; i < f.length; i++) {
                    alts.add(param(f[i], Map.of()));
                }
                dyns.put(name, List.copyOf(alts));
            });
            events = new EventInfo[eventLines.size()];
            for (String[] f : eventLines) {
                int type = Integer.parseInt(f[1]);
                List<ParamInfo> params = new ArrayList<>();
                for (int i = 7; i < f.length; i++) {
                    params.add(param(f[i], dyns));
                }
                events[type] = new EventInfo(type, f[3], Integer.decode(f[4]), Integer.decode(f[5]), List.copyOf(params));
            }
            int maxSc = sc.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            syscalls = new String[maxSc + 1];
            sc.forEach((id, name) -> syscalls[id] = name);
        }

        private static FlagTable flags(String[] f) {
            List<String> names = new ArrayList<>();
            long[] values = new long[f.length - 2];
            for (int i = 2; i < f.length; i++) {
                int eq = f[i].lastIndexOf('=');
                names.add(f[i].substring(0, eq));
                values[i - 2] = Long.decode(f[i].substring(eq + 1));
            }
            return new FlagTable(f[1], List.copyOf(names), values);
        }

        private ParamInfo param(String spec, Map<String, List<ParamInfo>> dyns) {
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
            return new ParamInfo(p[0].replace('+', ' '), ParamType.of(Integer.parseInt(p[1])),
                    PrintFormat.of(Integer.parseInt(p[2])), table, dynamic, dirfd);
        }
    }
}
