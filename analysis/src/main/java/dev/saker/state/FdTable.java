package dev.saker.state;

import dev.saker.scap.LongKeyMap;
import java.util.List;

/** The open file descriptors of one process (threads created with CLONE_FILES share it). */
public final class FdTable {
    private final LongKeyMap<FdInfo> fds;
    /**
     * The last fd looked up and its info (null: absent). One event looks its fd up several times
     * (before parsing, while parsing, for the fd fields and the line's arguments), and a thread's
     * consecutive syscalls often use the same fd; put and remove keep this entry true.
     */
    private long lastFd;
    private FdInfo lastInfo;
    private boolean hasLast;

    public FdTable() {
        this(new LongKeyMap<>(8));
    }

    private FdTable(LongKeyMap<FdInfo> fds) {
        this.fds = fds;
    }

    public FdInfo get(long fd) {
        if (hasLast && fd == lastFd) {
            return lastInfo;
        }
        FdInfo info = fds.get(fd);
        lastFd = fd;
        lastInfo = info;
        hasLast = true;
        return info;
    }

    public void put(long fd, FdInfo info) {
        fds.put(fd, info);
        if (fd == lastFd) {
            lastInfo = info;
        }
    }

    public FdInfo remove(long fd) {
        if (fd == lastFd) {
            lastInfo = null;
        }
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
