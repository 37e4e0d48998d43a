package dev.saker.scap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A hash map from long keys (thread ids, fds) to values, for the per-event lookups of the reading
 * pipeline. A {@code HashMap<Long, V>} boxes the key of every lookup and chases a node per hit,
 * which was over a third of the time reader, converter and state spent per event; this one keeps
 * keys and values in two arrays (open addressing, linear probing, backward-shift deletion).
 * Iteration order is unspecified. Null values are not allowed.
 */
public final class LongKeyMap<V> {
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    public LongKeyMap() {
        this(16);
    }

    public LongKeyMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int slot(long key) {
        int i = hash(key) & mask;
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        return (V) values[slot(key)];
    }

    public boolean containsKey(long key) {
        return values[slot(key)] != null;
    }

    /** Associates {@code value} with {@code key}; returns the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new NullPointerException("null value for key " + key);
        }
        int i = slot(key);
        V old = (V) values[i];
        keys[i] = key;
        values[i] = value;
        if (old == null && ++size * 2 > keys.length) {
            grow();
        }
        return old;
    }

    /** The value for {@code key}, computed and stored first when absent. */
    public V computeIfAbsent(long key, LongFunction<? extends V> create) {
        V v = get(key);
        if (v == null) {
            v = create.apply(key);
            put(key, v);
        }
        return v;
    }

    /** Removes {@code key}; returns its value or null. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int i = slot(key);
        V old = (V) values[i];
        if (old == null) {
            return null;
        }
        // Backward-shift deletion: move later members of the probe run into the hole, so that every
        // key stays reachable from its home slot without tombstones.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                break;
            }
            int home = hash(keys[j]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
        keys[hole] = 0;
        size--;
        return old;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** A snapshot of the values, in unspecified order. */
    @SuppressWarnings("unchecked")
    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (Object v : values) {
            if (v != null) {
                out.add((V) v);
            }
        }
        return out;
    }

    /** Calls {@code action} for every entry, in unspecified order; the map must not change meanwhile. */
    @SuppressWarnings("unchecked")
    public void forEach(Entry<? super V> action) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                action.accept(keys[i], (V) values[i]);
            }
        }
    }

    /** One entry for {@link #forEach}. */
    @FunctionalInterface
    public interface Entry<V> {
        void accept(long key, V value);
    }

    public void clear() {
        Arrays.fill(values, null);
        Arrays.fill(keys, 0);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
                size++;
            }
        }
    }
}
