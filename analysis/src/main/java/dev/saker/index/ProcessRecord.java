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
    // the fds its events used, "typechar name" -> events; capped so a process touching millions of
    // files keeps the first ones it touched
    final java.util.Map<String, Long> fds = new java.util.LinkedHashMap<>();
    static final int MAX_FDS = 2000;

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

    /** One file or connection the process used: libsinsp's fd type character, its name, how many events. */
    public record FdUse(char type, String name, long events) {
    }

    /** The files, sockets, pipes... its events used, in the order first used (at most {@value #MAX_FDS}). */
    public java.util.List<FdUse> fdUses() {
        synchronized (fds) {
            java.util.List<FdUse> out = new java.util.ArrayList<>();
            fds.forEach((k, n) -> out.add(new FdUse(k.charAt(0), k.substring(2), n)));
            return out;
        }
    }

    void usedFd(char type, String name) {
        synchronized (fds) {
            String key = type + " " + name;
            Long n = fds.get(key);
            if (n != null) {
                fds.put(key, n + 1);
            } else if (fds.size() < MAX_FDS) {
                fds.put(key, 1L);
            }
        }
    }

    @Override
    public String toString() {
        return pid + " " + cmdline;
    }
}
