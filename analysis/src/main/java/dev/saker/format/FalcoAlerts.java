package dev.saker.format;

import dev.saker.engine.Detection;
import dev.saker.engine.OutputRenderer;
import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.JsonText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Falco's alerts: a rule's output with {@code %field} substituted as Falco formats it (Falco always
 * prepends {@code *}, so missing values show {@code <NA>}), the text line
 * {@code TIME: Priority message} with {@code evt.time} (local HH:MM:SS.nnnnnnnnn) or, with
 * {@code time_format_iso_8601}, {@code evt.time.iso8601} (UTC, {@code +0000}), and the JSON alert with
 * nlohmann's sorted keys: hostname, output, output_fields (each %field by name, typed; the prefix time
 * field as nanoseconds; fields under transformers left out), priority, rule, source, tags (sorted), time.
 * With suggested output (Falco's default {@code append_output: [suggested_output: true]}), each syscall
 * rule's output gets the fields the container plugin suggests appended as {@code name_with_underscores=%name},
 * so every alert says which container and Pod it came from.
 */
public final class FalcoAlerts implements OutputRenderer {
    /** The container plugin's suggested output fields, in its order. */
    static final List<String> SUGGESTED_FIELDS = List.of("container.id", "container.name",
            "container.image.repository", "container.image.tag", "k8s.pod.name", "k8s.ns.name");
    private static final String SUGGESTED_FORMAT = suggestedFormat();

    private final FieldRegistry registry;
    private final boolean iso8601;
    private final boolean suggestedOutput;
    private final Map<String, FieldFormat> formats = new HashMap<>();

    public FalcoAlerts(FieldRegistry registry, boolean iso8601, boolean suggestedOutput) {
        this.registry = registry;
        this.iso8601 = iso8601;
        this.suggestedOutput = suggestedOutput;
    }

    /** Alerts with the rules' outputs as written (Falco without append_output, as before 0.41). */
    public FalcoAlerts(boolean iso8601) {
        this(RenderedFields.registry(), iso8601, false);
    }

    /** Alerts as current Falco prints them by default: suggested output fields appended. */
    public static FalcoAlerts withSuggestedOutput(boolean iso8601) {
        return new FalcoAlerts(RenderedFields.registry(), iso8601, true);
    }

    private static String suggestedFormat() {
        StringBuilder b = new StringBuilder();
        for (String f : SUGGESTED_FIELDS) {
            b.append(' ').append(f.replace('.', '_')).append("=%").append(f);
        }
        return b.toString();
    }

    @Override
    public Rendered render(CompiledRule rule, EventContext ctx) {
        String written = rule.output() == null ? "" : rule.output();
        String output = suggestedOutput && "syscall".equals(rule.source()) ? written + SUGGESTED_FORMAT : written;
        FieldFormat f = formats.computeIfAbsent(rule.name() + "\u0000" + output, k -> parse(output));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(iso8601 ? "evt.time.iso8601" : "evt.time", ctx.raw().ts());
        if (f == null) {
            return new Rendered(escape(output), fields);
        }
        StringBuilder b = new StringBuilder();
        f.render(ctx, b);
        for (FieldFormat.Token t : f.tokens()) {
            if (t.field() != null) {
                Object v = t.field().extract(ctx);
                FieldType type = t.field().type();
                Object typed;
                if (v == null) {
                    typed = null;
                } else if ((type == FieldType.NUMBER || type == FieldType.TIME) && v instanceof Number) {
                    typed = v;
                } else if (type == FieldType.BOOL && v instanceof Boolean) {
                    typed = v;
                } else {
                    typed = t.field().text(ctx);
                }
                fields.put(t.field().text(), typed);
            }
        }
        return new Rendered(escape(b.toString()), fields);
    }

    private FieldFormat parse(String output) {
        try {
            return FieldFormat.parse("*" + output, registry);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Control characters escaped as in a JSON string (Falco escapes the message so). */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                switch (c) {
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(String.format("\\u%04x", (int) c));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The prefix time: evt.time (local) or evt.time.iso8601 (UTC). */
    public String time(long ts) {
        long sec = Math.floorDiv(ts, 1_000_000_000L);
        long ns = Math.floorMod(ts, 1_000_000_000L);
        if (iso8601) {
            ZonedDateTime t = Instant.ofEpochSecond(sec).atZone(ZoneOffset.UTC);
            return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09d+0000", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), ns);
        }
        ZonedDateTime t = Instant.ofEpochSecond(sec).atZone(ZoneId.systemDefault());
        return String.format("%02d:%02d:%02d.%09d", t.getHour(), t.getMinute(), t.getSecond(), ns);
    }

    /** Falco's text alert line. */
    public String textLine(Detection d) {
        return time(d.timeNs()) + ": " + d.priority().text() + " " + d.output();
    }

    /** Falco's JSON alert, one line. */
    public String jsonLine(Detection d, String hostname) {
        Map<String, Object> o = new TreeMap<>();
        o.put("hostname", hostname);
        o.put("output", textLine(d));
        Map<String, Object> fields = new TreeMap<>();
        d.outputFields().forEach(fields::put);
        o.put("output_fields", fields);
        o.put("priority", d.priority().text());
        o.put("rule", d.rule());
        o.put("source", d.source());
        List<Object> tags = new ArrayList<>(new java.util.TreeSet<>(d.tags()));
        o.put("tags", tags);
        ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(d.timeNs(), 1_000_000_000L)).atZone(ZoneOffset.UTC);
        o.put("time", String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09dZ", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), Math.floorMod(d.timeNs(), 1_000_000_000L)));
        return JsonText.write(o);
    }

    /** Falco's hostname: FALCO_HOSTNAME when set, else the machine's name. */
    public static String hostname() {
        String h = System.getenv("FALCO_HOSTNAME");
        if (h != null && !h.isEmpty()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
