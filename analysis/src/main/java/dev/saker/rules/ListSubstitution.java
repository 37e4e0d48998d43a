package dev.saker.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The words of a condition: its maximal runs of characters that are not delimiters. A list name
     * without delimiters occurs as a whole token exactly when it is one of them, so they tell which
     * lists {@link #substitute} can find at all ({@link ListTable}).
     */
    static Set<String> words(String cnd) {
        Set<String> out = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= cnd.length(); i++) {
            boolean delim = i == cnd.length() || DELIMS.indexOf(cnd.charAt(i)) >= 0;
            if (delim && start >= 0) {
                out.add(cnd.substring(start, i));
                start = -1;
            } else if (!delim && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** Whether {@link #words} can tell if this name occurs: a non-empty name without delimiters. */
    static boolean isWord(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (DELIMS.indexOf(name.charAt(i)) >= 0) {
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
