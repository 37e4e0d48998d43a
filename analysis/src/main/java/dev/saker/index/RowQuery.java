package dev.saker.index;

import java.util.Set;

/**
 * What the table shows: events matching a condition (blank for all), of some processes (empty for
 * all; a process selects its threads' events), within a time window (inclusive, ns since the epoch).
 */
public record RowQuery(String condition, Set<Long> pids, long fromTs, long toTs) {
    public static final RowQuery ALL = new RowQuery("", Set.of(), Long.MIN_VALUE, Long.MAX_VALUE);

    public RowQuery {
        condition = condition == null ? "" : condition.strip();
        pids = Set.copyOf(pids);
    }

    public boolean selectsAll() {
        return condition.isEmpty() && pids.isEmpty() && fromTs == Long.MIN_VALUE && toTs == Long.MAX_VALUE;
    }

    public RowQuery withCondition(String c) {
        return new RowQuery(c, pids, fromTs, toTs);
    }

    public RowQuery withPids(Set<Long> p) {
        return new RowQuery(condition, p, fromTs, toTs);
    }

    public RowQuery withWindow(long from, long to) {
        return new RowQuery(condition, pids, from, to);
    }

    public RowQuery withoutWindow() {
        return withWindow(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
