package dev.saker.index;

/** Rows of an index that a query selected, ascending. */
public final class RowSet {
    private final IntColumn rows = new IntColumn();

    void add(int row) {
        rows.add(row);
    }

    public int size() {
        return rows.size();
    }

    /** The index row of the {@code i}-th selected row. */
    public int row(int i) {
        return rows.get(i);
    }

    /** Position of index row {@code row} in this set, or -1 when it is not selected. */
    public int positionOf(int row) {
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = rows.get(mid);
            if (r < row) {
                lo = mid + 1;
            } else if (r > row) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Position of the first selected row at or after index row {@code row}, or size() when none. */
    public int positionAtOrAfter(int row) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid) < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
