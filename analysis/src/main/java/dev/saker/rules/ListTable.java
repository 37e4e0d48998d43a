package dev.saker.rules;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lists of one compile in substitution order, and Falco's textual expansion of a condition with
 * them: each list in turn, in that order, is substituted wherever its name stands as a whole token
 * ({@link ListSubstitution#substitute}), so items put in by one list can name lists further on.
 * Trying every list on every condition was, cold, the largest single cost of compiling the official
 * rules; here only the lists named by one of the text's words are tried (plus any list whose name
 * has a delimiter in it, which no word can equal), in the same order, with the words looked at
 * again after each substitution.
 */
final class ListTable {
    private final String[] names;
    private final List<?>[] items;
    private final Map<String, Integer> positions = new HashMap<>();
    private final BitSet notWords = new BitSet();

    ListTable(Map<String, List<String>> lists) {
        names = new String[lists.size()];
        items = new List<?>[lists.size()];
        int i = 0;
        for (Map.Entry<String, List<String>> l : lists.entrySet()) {
            names[i] = l.getKey();
            items[i] = l.getValue();
            positions.put(l.getKey(), i);
            if (!ListSubstitution.isWord(l.getKey())) {
                notWords.set(i);
            }
            i++;
        }
    }

    /** The condition with every list substituted; the names of the lists substituted go to {@code used}. */
    @SuppressWarnings("unchecked")
    String expand(String condition, Set<String> used) {
        String text = condition;
        BitSet tried = (BitSet) notWords.clone();
        mark(text, -1, tried);
        for (int i = tried.nextSetBit(0); i >= 0; i = tried.nextSetBit(i + 1)) {
            String next = ListSubstitution.substitute(text, names[i], (List<String>) items[i]);
            if (next != null) {
                text = next;
                used.add(names[i]);
                mark(text, i, tried);
            }
        }
        return text;
    }

    /** Marks the lists after position {@code after} that one of the text's words names. */
    private void mark(String text, int after, BitSet out) {
        for (String w : ListSubstitution.words(text)) {
            Integer p = positions.get(w);
            if (p != null && p > after) {
                out.set(p);
            }
        }
    }
}
