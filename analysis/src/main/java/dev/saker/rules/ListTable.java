package dev.saker.rules;

import java.util.Arrays;
import java.util.BitSet;
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
    private final BitSet notWords = new BitSet();
    /** The names' hashes in ascending order, and the position of the list each belongs to. */
    private final int[] hashes;
    private final int[] byHash;

    ListTable(Map<String, List<String>> lists) {
        names = new String[lists.size()];
        items = new List<?>[lists.size()];
        int i = 0;
        for (Map.Entry<String, List<String>> l : lists.entrySet()) {
            names[i] = l.getKey();
            items[i] = l.getValue();
            if (!ListSubstitution.isWord(l.getKey())) {
                notWords.set(i);
            }
            i++;
        }
        long[] keyed = new long[names.length];
        for (int p = 0; p < names.length; p++) {
            keyed[p] = ((long) names[p].hashCode() << 32) | p;
        }
        Arrays.sort(keyed);
        hashes = new int[names.length];
        byHash = new int[names.length];
        for (int k = 0; k < keyed.length; k++) {
            hashes[k] = (int) (keyed[k] >> 32);
            byHash[k] = (int) keyed[k];
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

    /**
     * Marks the lists after position {@code after} that one of the text's words names. Each word is
     * hashed as it is scanned and checked against the names with that hash, with no substring made.
     */
    private void mark(String text, int after, BitSet out) {
        int start = -1;
        int h = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? ' ' : text.charAt(i);
            if (ListSubstitution.isDelimiter(c)) {
                if (start >= 0) {
                    markWord(text, start, i, h, after, out);
                    start = -1;
                }
            } else {
                if (start < 0) {
                    start = i;
                    h = 0;
                }
                h = 31 * h + c;   // String.hashCode's hash
            }
        }
    }

    private void markWord(String text, int start, int end, int hash, int after, BitSet out) {
        int lo = 0;
        int hi = hashes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hashes[mid] < hash) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < hashes.length && hashes[k] == hash; k++) {
            int p = byHash[k];
            String name = names[p];
            if (p > after && name.length() == end - start && text.startsWith(name, start)) {
                out.set(p);
            }
        }
    }
}
