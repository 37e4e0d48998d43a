package dev.saker.rules;

import java.util.List;

/** The condition operators libsinsp's parser knows (parser::supported_operators), and the modifier forms. */
final class Operators {
    static final List<String> ALL = List.of("=", "==", "!=", "<=", ">=", "<", ">", "contains", "icontains",
            "bcontains", "startswith", "bstartswith", "endswith", "glob", "iglob", "regex", "in", "intersects",
            "pmatch", "exists");
    static final List<String> LIST_OPERATORS = List.of("in", "intersects", "pmatch");
    private static final List<String> MODIFIABLE = List.of("=", "==", "!=", "contains", "icontains", "bcontains",
            "startswith", "bstartswith", "endswith", "glob", "iglob", "regex");
    private static final List<String> MODIFIERS = List.of("oneof", "anyof", "allof");

    private Operators() {
    }

    static boolean isOperator(String op) {
        return ALL.contains(op);
    }

    /** "startswith oneof" and the like (Falco 0.44): a string operator, blanks, a modifier. */
    static boolean isModifierOperator(String op) {
        String[] parts = op.trim().split("\\s+");
        return parts.length == 2 && MODIFIABLE.contains(parts[0]) && MODIFIERS.contains(parts[1]);
    }

    /** Operators whose right side is a parenthesised list. */
    static boolean takesList(String op) {
        return LIST_OPERATORS.contains(op) || isModifierOperator(op);
    }
}
