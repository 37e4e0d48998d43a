package dev.saker.filter;

import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.LongExtractor;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The compiled tree's nodes. Each prints as an s-expression naming how it evaluates (the compiler
 * stage's debug dump), e.g. {@code (and (check (= proc.name bash)) (any-ancestor proc.aname …))}.
 */
final class CompiledNodes {
    private CompiledNodes() {
    }

    record And(Filter[] children) implements Filter {
        @Override
        public boolean matches(EventContext ctx) {
            for (Filter f : children) {
                if (!f.matches(ctx)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "(and " + Arrays.stream(children).map(Object::toString).collect(Collectors.joining(" ")) + ")";
        }
    }

    record Or(Filter[] children) implements Filter {
        @Override
        public boolean matches(EventContext ctx) {
            for (Filter f : children) {
                if (f.matches(ctx)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "(or " + Arrays.stream(children).map(Object::toString).collect(Collectors.joining(" ")) + ")";
        }
    }

    record Not(Filter child) implements Filter {
        @Override
        public boolean matches(EventContext ctx) {
            return !child.matches(ctx);
        }

        @Override
        public String toString() {
            return "(not " + child + ")";
        }
    }

    /** A missing value makes the check false, for every operator. */
    record Check(ValueSource left, ValueTest test, String source) implements Filter {
        @Override
        public boolean matches(EventContext ctx) {
            Object v = left.get(ctx);
            return v != null && test.test(v);
        }

        @Override
        public String toString() {
            return "(check " + left.type().name().toLowerCase() + " " + source + ")";
        }
    }

    /** A numeric check on a field with a primitive extractor: no boxing per event. */
    record NumberCheck(ValueSource left, LongExtractor field, String arg, ValueTest.Number test, String source)
            implements Filter {
        @Override
        public boolean matches(EventContext ctx) {
            long v = field.extractLong(ctx, arg);
            return v != LongExtractor.NA && test.testLong(v);
        }

        @Override
        public String toString() {
            return "(check number " + source + ")";
        }
    }

    /**
     * An ancestor field without an index ({@code proc.aname in (bash, sh)}): true when any ancestor,
     * parent first, passes the test; the walk stops at the first missing one (libsinsp's
     * compare_full_aname and friends).
     */
    record AnyAncestor(Field field, ValueTest test, String source) implements Filter {
        static final int MAX_DEPTH = 64;
        private static final String[] INDEX = new String[MAX_DEPTH + 1];

        static {
            for (int i = 0; i < INDEX.length; i++) {
                INDEX[i] = Integer.toString(i);
            }
        }

        @Override
        public boolean matches(EventContext ctx) {
            for (int n = 1; n <= MAX_DEPTH; n++) {
                Object v = field.extractor().extract(ctx, INDEX[n]);
                if (v == null) {
                    return false;
                }
                if (test.test(v)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "(any-ancestor " + source + ")";
        }
    }

    /** A field compared with another value computed per event (val() or a transformer on the right). */
    record Comparison(ValueSource left, Operator op, ValueSource right, String source) implements Filter {
        @Override
        public boolean matches(EventContext ctx) {
            Object a = left.get(ctx);
            if (a == null) {
                return false;
            }
            Object b = right.get(ctx);
            if (b == null) {
                return false;
            }
            if (a instanceof Number x && b instanceof Number y) {
                return ValueTest.Number.compare(op, x.longValue(), y.longValue());
            }
            if (a instanceof Boolean x && b instanceof Boolean y) {
                return switch (op) {
                    case EQ, EQEQ, IN, INTERSECTS -> x.equals(y);
                    case NE -> !x.equals(y);
                    default -> false;
                };
            }
            String s = ValueTest.text(b);
            if (op != Operator.REGEX) {
                return StringOps.apply(op, ValueTest.text(a), s);
            }
            try {
                return java.util.regex.Pattern.compile(s).matcher(ValueTest.text(a)).matches();
            } catch (java.util.regex.PatternSyntaxException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "(compare " + source + ")";
        }
    }
}
