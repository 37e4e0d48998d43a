package dev.saker.state;

import dev.saker.scap.LongKeyMap;
import java.util.List;

/** The open file descriptors of one process (threads created with CLONE_FILES share it). */
public final class FdTable {
    private final LongKeyMap<FdInfo> fds;

    public FdTable() {
        this(new LongKeyMap<>(8));
    }

    private FdTable(LongKeyMap<FdInfo> fds) {
        this.fds = fds;
    }

    public FdInfo get(long fd) {
        return fds.get(fd);
    }

    public void put(long fd, FdInfo info) {
        fds.put(fd, info);
    }

    public FdInfo remove(long fd) {
        return fds.remove(fd);
    }

    public int size() {
        return fds.size();
    }

    /** Every fd, in unspecified order. */
    public List<FdInfo> all() {
        return fds.values();
    }

    /** Calls {@code action} with every fd number and its info; the table must not change meanwhile. */
    public void forEach(LongKeyMap.Entry<FdInfo> action) {
        fds.forEach(action);
    }

    /** A deep copy, as a forked child receives. */
    public FdTable copy() {
        LongKeyMap<FdInfo> c = new LongKeyMap<>(Math.max(8, fds.size()));
        fds.forEach((fd, info) -> c.put(fd, info.copy()));
        return new FdTable(c);
    }
}
