package dev.saker.format;

import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import java.util.Map;
import java.util.TreeMap;

/**
 * sysdig's {@code -j} output: one JSON object per event whose members are the format's fields, by
 * field name in sorted order (jsoncpp writes object members sorted), numbers and booleans unquoted.
 * Literal text of the format is dropped. Missing values skip the event unless the format starts
 * with {@code *}, in which case they are written as null.
 */
public final class JsonEventFormat {
    /** sysdig's default line format, which {@code -j} without {@code -p} uses. */
    public static final String DEFAULT_FORMAT = "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";

    private final FieldFormat format;

    public JsonEventFormat(FieldFormat format) {
        this.format = format;
    }

    /** The default fields, leaving out any the registry does not have yet (evt.info before rendering lands). */
    public static JsonEventFormat defaults(FieldRegistry registry) {
        String f = DEFAULT_FORMAT;
        if (registry.get("evt.info") == null) {
            f = f.replace(" %evt.info", "");
        }
        return new JsonEventFormat(FieldFormat.parse(f, registry));
    }

    /** The event's JSON object on one line, or null when it is skipped for a missing value. */
    public String render(EventContext ctx) {
        Map<String, Object> members = new TreeMap<>();
        for (FieldFormat.Token t : format.tokens()) {
            if (t.field() == null) {
                continue;
            }
            Object v = RenderedFields.isRendered(t.field().field()) ? RenderedFields.argsInFull(ctx) : t.field().extract(ctx);
            if (v == null && format.requiresAllValues()) {
                return null;
            }
            members.put(t.field().text(), v == null ? null : typed(v, t.field().type()));
        }
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> m : members.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, m.getKey());
            sb.append(':');
            Object v = m.getValue();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Long || v instanceof Boolean) {
                sb.append(v);
            } else {
                string(sb, v.toString());
            }
        }
        return sb.append('}').toString();
    }

    private static Object typed(Object v, FieldType type) {
        return switch (type) {
            case NUMBER, TIME -> v instanceof Long ? v : v.toString();
            case BOOL -> v instanceof Boolean ? v : v.toString();
            case STRING, BYTES -> v.toString();
        };
    }

    /** A JSON string as jsoncpp writes it: quotes, backslashes and control characters escaped. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
