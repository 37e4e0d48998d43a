package dev.saker.filter;

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
            long x = n.longValue();
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

    /** exists: any present value. */
    ValueTest PRESENT = v -> true;
}
