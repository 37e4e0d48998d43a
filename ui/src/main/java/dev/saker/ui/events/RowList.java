package dev.saker.ui.events;

import dev.saker.index.RowSet;
import javafx.collections.ObservableListBase;

/**
 * The table's items without holding them: position i is index row i (every row shown) or the i-th
 * row of a query's {@link RowSet}. Growing (while indexing) fires one add change; a new query gets a
 * new list, so no change ever has to list millions of removed items.
 */
public final class RowList extends ObservableListBase<Integer> {
    private final RowSet set;
    private int size;

    /** Every index row, {@code size} of them so far. */
    public RowList(int size) {
        this.set = null;
        this.size = size;
    }

    /** The rows of a query. */
    public RowList(RowSet set) {
        this.set = set;
        this.size = set.size();
    }

    /** Shows index rows up to {@code newSize} (every-row lists only). */
    public void grow(int newSize) {
        if (set != null || newSize <= size) {
            return;
        }
        int from = size;
        size = newSize;
        beginChange();
        nextAdd(from, newSize);
        endChange();
    }

    public boolean showsAll() {
        return set == null;
    }

    @Override
    public Integer get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return set == null ? i : set.row(i);
    }

    @Override
    public int size() {
        return size;
    }

    /** The position of index row {@code row} in this list, or -1. */
    public int positionOf(int row) {
        if (set == null) {
            return row < size ? row : -1;
        }
        return set.positionOf(row);
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof Integer r ? positionOf(r) : -1;
    }

    /** Identity: comparing lists of millions of rows element by element (AbstractList's way) is never wanted. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
