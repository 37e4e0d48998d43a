package dev.saker.filter;

import dev.saker.fields.ByteValue;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The right-hand side of a check, prepared at compile time for the left side's type, applied to a
 * value that is present (a missing value never reaches a test: the check is false). Values come
 * from extractors as String, Long or Boolean; a value of an unexpected class is compared as text.
 */
interface ValueTest {
    boolean test(Object value);

    static String text(Object v) {
        return v instanceof String s ? s : String.valueOf(v);
    }

    /** {@code value op operand} for one string operand. */
    record StringOne(Operator op, String operand) implements ValueTest {
        @Override
        public boolean test(Object v) {
            return StringOps.apply(op, text(v), operand);
        }
    }

    /** in / intersects over strings: set membership. */
    record StringSet(Set<String> members) implements ValueTest {
        StringSet(List<String> values) {
            this(new HashSet<>(values));
        }

        @Override
        public boolean test(Object v) {
            return members.contains(text(v));
        }
    }

    /** pmatch. */
    record PathPrefix(PathPrefixes prefixes) implements ValueTest {
        @Override
        public boolean test(Object v) {
            return prefixes.matches(text(v));
        }
    }

    /** regex: RE2 full match in libs; java.util.regex here, anchored at both ends. */
    record Regex(Pattern pattern) implements ValueTest {
        @Override
        public boolean test(Object v) {
            return pattern.matcher(text(v)).matches();
        }
    }

    /** {@code op oneof|anyof|allof (…)}: how many of the per-item tests hold. */
    record Modified(Operator.Modifier modifier, ValueTest[] items) implements ValueTest {
        @Override
        public boolean test(Object v) {
            int hits = 0;
            for (ValueTest t : items) {
                if (t.test(v)) {
                    hits++;
                    if (modifier == Operator.Modifier.ANYOF) {
                        return true;
                    }
                } else if (modifier == Operator.Modifier.ALLOF) {
                    return false;
                }
            }
            return switch (modifier) {
                case ONEOF -> hits == 1;
                case ALLOF -> true;
                default -> false;
            };
        }
    }

    /** Numeric comparisons and membership, on the field's number. */
    record Number(Operator op, long[] operands) implements ValueTest {
        public Number {
            operands = operands.clone();
            if (op == Operator.IN || op == Operator.INTERSECTS) {
                Arrays.sort(operands);
            }
        }

        @Override
        public boolean test(Object v) {
            if (!(v instanceof java.lang.Number n)) {
                return false;
            }
            return testLong(n.longValue());
        }

        /** The test on a number already unboxed. */
        boolean testLong(long x) {
            if (op == Operator.IN || op == Operator.INTERSECTS) {
                return Arrays.binarySearch(operands, x) >= 0;
            }
            return compare(op, x, operands[0]);
        }

        static boolean compare(Operator op, long x, long y) {
            return switch (op) {
                case EQ, EQEQ, IN, INTERSECTS -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                default -> false;
            };
        }
    }

    /** Boolean equality and membership. */
    record Bool(Operator op, boolean[] operands) implements ValueTest {
        @Override
        public boolean test(Object v) {
            if (!(v instanceof Boolean b)) {
                return false;
            }
            return switch (op) {
                case EQ, EQEQ -> b == operands[0];
                case NE -> b != operands[0];
                case IN, INTERSECTS -> {
                    for (boolean o : operands) {
                        if (o == b) {
                            yield true;
                        }
                    }
                    yield false;
                }
                default -> false;
            };
        }
    }

    /** Buffer comparisons (libsinsp flt_compare_buffer): byte-wise, on a {@link ByteValue}. */
    record Bytes(Operator op, byte[][] operands) implements ValueTest {
        @Override
        public boolean test(Object v) {
            byte[] b = v instanceof ByteValue bv ? bv.bytes()
                    : ValueTest.text(v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return switch (op) {
                case IN, INTERSECTS -> {
                    for (byte[] o : operands) {
                        if (Arrays.equals(b, o)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                default -> one(b, operands[0]);
            };
        }

        private boolean one(byte[] b, byte[] o) {
            return switch (op) {
                case EQ, EQEQ -> Arrays.equals(b, o);
                case NE -> !Arrays.equals(b, o);
                case CONTAINS, BCONTAINS -> indexOf(b, o) >= 0;
                case STARTSWITH, BSTARTSWITH -> o.length <= b.length && Arrays.equals(b, 0, o.length, o, 0, o.length);
                case ENDSWITH -> o.length <= b.length
                        && Arrays.equals(b, b.length - o.length, b.length, o, 0, o.length);
                default -> false;
            };
        }

        static int indexOf(byte[] b, byte[] o) {
            outer:
            for (int i = 0; i + o.length <= b.length; i++) {
                for (int j = 0; j < o.length; j++) {
                    if (b[i + j] != o[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** exists: any present value. */
    ValueTest PRESENT = v -> true;
}
