package dev.saker.rules;

import java.util.List;

/**
 * Falco's textual list expansion (resolve_list): every whole-token occurrence of a list name in a
 * condition is replaced by its items joined with ", ", wherever it appears, before parsing. The
 * quirks are kept on purpose, as Falco keeps them: an item is quoted only when it contains a
 * space and does not already start with a quote, and an empty list swallows one adjacent comma.
 */
final class ListSubstitution {
    private static final String BLANKS = " \t\n\r";
    private static final String DELIMS = BLANKS + "(),=";

    private ListSubstitution() {
    }

    static String quote(String item) {
        if (item.contains(" ") && !item.startsWith("\"") && !item.startsWith("'")) {
            return "\"" + item + "\"";
        }
        return item;
    }

    /** One of the characters that end a list name in a condition (blanks, parentheses, comma, equals). */
    static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == ',' || c == '=';
    }

    /**
     * Whether a name is a word: non-empty, without delimiters. Such a name occurs as a whole token in a
     * condition exactly when it is one of the condition's maximal runs of non-delimiters, which lets
     * {@link ListTable} find the lists a condition names without trying each one.
     */
    static boolean isWord(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (isDelimiter(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The condition with the list substituted, or null when the name does not occur. */
    static String substitute(String cnd, String name, List<String> items) {
        boolean used = false;
        int start = cnd.indexOf(name);
        while (start >= 0) {
            int end = start + name.length();
            if ((start == 0 || DELIMS.indexOf(cnd.charAt(start - 1)) >= 0)
                    && (end >= cnd.length() || DELIMS.indexOf(cnd.charAt(end)) >= 0)) {
                while (start > 0 && BLANKS.indexOf(cnd.charAt(start - 1)) >= 0) {
                    start--;
                }
                while (end < cnd.length() && BLANKS.indexOf(cnd.charAt(end)) >= 0) {
                    end++;
                }
                StringBuilder sub = new StringBuilder();
                for (String v : items) {
                    if (sub.length() > 0) {
                        sub.append(", ");
                    }
                    sub.append(quote(v));
                }
                if (sub.length() == 0) {
                    if (start > 0 && cnd.charAt(start - 1) == ',') {
                        start--;
                    } else if (end < cnd.length() && cnd.charAt(end) == ',') {
                        end++;
                    }
                }
                StringBuilder next = new StringBuilder();
                if (start > 0) {
                    next.append(cnd, 0, start).append(' ');
                }
                next.append(sub).append(' ');
                if (end <= cnd.length()) {
                    next.append(cnd.substring(end));
                }
                cnd = next.toString();
                start += sub.length() + 1;
                used = true;
            }
            start = cnd.indexOf(name, start + 1);
        }
        return used ? cnd : null;
    }
}
