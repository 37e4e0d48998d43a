package dev.saker.state;

import java.util.HashMap;
import java.util.Map;

/** The open file descriptors of one process (threads created with CLONE_FILES share it). */
public final class FdTable {
    private final Map<Long, FdInfo> fds = new HashMap<>();

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

    public Map<Long, FdInfo> view() {
        return java.util.Collections.unmodifiableMap(fds);
    }

    /** A deep copy, as a forked child receives. */
    public FdTable copy() {
        FdTable t = new FdTable();
        fds.forEach((k, v) -> t.fds.put(k, v.copy()));
        return t;
    }
}
