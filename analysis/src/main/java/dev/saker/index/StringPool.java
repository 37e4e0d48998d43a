package dev.saker.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned strings by id: process names, fd names and working directories repeat across millions of
 * events, so the index stores an int per event and each distinct string once. Id -1 is "none".
 */
final class StringPool {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    synchronized int id(String s) {
        if (s == null) {
            return -1;
        }
        Integer id = ids.get(s);
        if (id == null) {
            id = values.size();
            values.add(s);
            ids.put(s, id);
        }
        return id;
    }

    synchronized String get(int id) {
        return id < 0 ? null : values.get(id);
    }

    synchronized int size() {
        return values.size();
    }

    synchronized List<String> values() {
        return List.copyOf(values);
    }
}
