package dev.saker.index;

/**
 * One process of a capture as the process tree shows it: the values of its main thread as last seen
 * (so a process that exec'd shows what it became), when it was first and last seen, and how many of
 * the shown events its threads produced. Ancestors known only from the capture's process table have
 * no events.
 */
public final class ProcessRecord {
    final long pid;
    long ppid;
    String comm;
    String exe;
    String cmdline;
    String containerId;
    long firstTs;
    long lastTs;
    long events;

    ProcessRecord(long pid) {
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }

    /** The parent's pid, or -1 when unknown. */
    public long ppid() {
        return ppid;
    }

    public String comm() {
        return comm;
    }

    public String exe() {
        return exe;
    }

    /** exe and arguments, as proc.cmdline shows them. */
    public String cmdline() {
        return cmdline;
    }

    /** The container id, "" on the host. */
    public String containerId() {
        return containerId;
    }

    /** Time of its first shown event, 0 when it has none. */
    public long firstTs() {
        return firstTs;
    }

    public long lastTs() {
        return lastTs;
    }

    public long events() {
        return events;
    }

    @Override
    public String toString() {
        return pid + " " + cmdline;
    }
}
