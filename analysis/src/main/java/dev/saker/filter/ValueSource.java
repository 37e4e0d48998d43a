package dev.saker.filter;

import dev.saker.fields.BoundField;
import dev.saker.fields.EventContext;
import dev.saker.fields.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a check's operand value comes from: a field, or a transformer over other sources. Returns
 * null when the value is missing (then the check is false).
 */
interface ValueSource {
    Object get(EventContext ctx);

    /** The kind of value it yields, which decides how right-hand values are read and compared. */
    FieldType type();

    /** A field, as the field layer extracts it. */
    record FieldValue(BoundField field) implements ValueSource {
        @Override
        public Object get(EventContext ctx) {
            return field.extract(ctx);
        }

        @Override
        public FieldType type() {
            return field.type() == FieldType.TIME ? FieldType.NUMBER : field.type();
        }
    }

    /** A literal inside a transformer ({@code join("-", …)}). */
    record Literal(String text) implements ValueSource {
        @Override
        public Object get(EventContext ctx) {
            return text;
        }

        @Override
        public FieldType type() {
            return FieldType.STRING;
        }
    }

    /**
     * tolower, toupper, b64 (decode), basename, len, concat and join, with libsinsp's meanings:
     * case mapping is per ASCII byte, basename of a path ending in '/' is empty, len counts bytes,
     * a b64 text that does not decode has no value, and any missing input makes the result missing.
     */
    record Transformed(Operand.Transformer kind, List<ValueSource> inputs) implements ValueSource {
        @Override
        public Object get(EventContext ctx) {
            if (kind == Operand.Transformer.CONCAT || kind == Operand.Transformer.JOIN) {
                return joined(ctx);
            }
            Object v = inputs.get(0).get(ctx);
            if (v == null) {
                return null;
            }
            String s = ValueTest.text(v);
            return switch (kind) {
                case TOLOWER -> asciiCase(s, false);
                case TOUPPER -> asciiCase(s, true);
                case BASENAME -> s.substring(s.lastIndexOf('/') + 1);
                case LEN -> (long) s.getBytes(StandardCharsets.UTF_8).length;
                case B64 -> decode(s);
                default -> null;
            };
        }

        private Object joined(EventContext ctx) {
            StringBuilder b = new StringBuilder();
            String sep = "";
            List<ValueSource> parts = inputs;
            if (kind == Operand.Transformer.JOIN) {
                Object s = inputs.get(0).get(ctx);
                sep = s == null ? "" : ValueTest.text(s);
                parts = inputs.subList(1, inputs.size());
            }
            for (int i = 0; i < parts.size(); i++) {
                Object v = parts.get(i).get(ctx);
                if (v == null) {
                    return null;
                }
                if (i > 0) {
                    b.append(sep);
                }
                b.append(ValueTest.text(v));
            }
            return b.toString();
        }

        private static String asciiCase(String s, boolean upper) {
            char[] out = s.toCharArray();
            for (int i = 0; i < out.length; i++) {
                char c = out[i];
                if (upper && c >= 'a' && c <= 'z') {
                    out[i] = (char) (c - 32);
                } else if (!upper && c >= 'A' && c <= 'Z') {
                    out[i] = (char) (c + 32);
                }
            }
            return new String(out);
        }

        private static String decode(String s) {
            try {
                return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public FieldType type() {
            return kind == Operand.Transformer.LEN ? FieldType.NUMBER : FieldType.STRING;
        }
    }
}
