package dev.saker.filter;

import dev.saker.fields.Glob;

/**
 * The string comparisons of libsinsp's flt_compare_string, on Java strings: = and != compare whole
 * strings, ordering operators compare like strcmp, contains is strstr, icontains strcasestr (ASCII
 * case folding), startswith/endswith compare the ends, glob/iglob are fnmatch. None allocates.
 */
final class StringOps {
    private StringOps() {
    }

    /** {@code value op operand} for every single-operand string operator except regex. */
    static boolean apply(Operator op, String value, String operand) {
        return switch (op) {
            case EQ, EQEQ, IN, INTERSECTS -> value.equals(operand);
            case NE -> !value.equals(operand);
            case LT -> value.compareTo(operand) < 0;
            case LE -> value.compareTo(operand) <= 0;
            case GT -> value.compareTo(operand) > 0;
            case GE -> value.compareTo(operand) >= 0;
            case CONTAINS -> value.contains(operand);
            case ICONTAINS -> indexOfIgnoreAsciiCase(value, operand) >= 0;
            case STARTSWITH -> value.startsWith(operand);
            case ENDSWITH -> value.endsWith(operand);
            case GLOB -> Glob.matches(operand, value, false);
            case IGLOB -> Glob.matches(operand, value, true);
            case PMATCH -> new PathPrefixes(java.util.List.of(operand)).matches(value);
            default -> false;
        };
    }

    static int indexOfIgnoreAsciiCase(String haystack, String needle) {
        int n = needle.length();
        outer:
        for (int i = 0; i + n <= haystack.length(); i++) {
            for (int j = 0; j < n; j++) {
                if (Glob.lower(haystack.charAt(i + j)) != Glob.lower(needle.charAt(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
