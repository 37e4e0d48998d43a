package dev.saker.index;

import dev.saker.state.ContainerInfo;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capture's processes and who started whom, gathered while indexing. A pid used twice in one
 * capture keeps its first process's place in the tree (pid reuse within a capture is rare).
 */
public final class ProcessTable {
    private final Map<Long, ProcessRecord> byPid = new LinkedHashMap<>();
    private final Map<Long, Long> pidOfTid = new java.util.HashMap<>();
    private Map<String, ContainerInfo> containers = Map.of();

    /** Counts an event of {@code t} and refreshes its process (and ancestors) from the state. */
    synchronized void seen(ThreadInfo t, SystemState state, long ts) {
        if (t.pid < 0) {
            // a thread the capture never described (no proc entry, no clone seen): nothing to place in a tree
            return;
        }
        if (pidOfTid.get(t.tid) == null) {
            pidOfTid.put(t.tid, t.pid);
        }
        ProcessRecord p = record(t.pid, state);
        ThreadInfo main = state.thread(t.pid);
        refresh(p, main != null && !main.isUnknown() ? main : t, state);
        if (p.firstTs == 0) {
            p.firstTs = ts;
        }
        p.lastTs = ts;
        p.events++;
    }

    private ProcessRecord record(long pid, SystemState state) {
        ProcessRecord p = byPid.get(pid);
        if (p != null) {
            return p;
        }
        p = new ProcessRecord(pid);
        byPid.put(pid, p);
        ThreadInfo main = state.thread(pid);
        if (main != null) {
            refresh(p, main, state);
            // ancestors known to the state, so that a process's ancestry can be shown even when they
            // did nothing during the capture; stop at a loop or at pid 0/1's parent
            long parent = p.ppid;
            int guard = 0;
            while (parent > 0 && !byPid.containsKey(parent) && guard++ < 64) {
                ThreadInfo a = state.thread(parent);
                if (a == null) {
                    break;
                }
                ProcessRecord ar = new ProcessRecord(parent);
                byPid.put(parent, ar);
                refresh(ar, a, state);
                parent = ar.ppid;
            }
        } else {
            p.ppid = -1;
            p.comm = ThreadInfo.NA;
            p.exe = ThreadInfo.NA;
            p.cmdline = ThreadInfo.NA;
            p.containerId = "";
        }
        return p;
    }

    private static void refresh(ProcessRecord p, ThreadInfo t, SystemState state) {
        p.comm = t.comm;
        p.exe = t.exe;
        p.cmdline = t.cmdline();
        p.containerId = t.containerId == null ? "" : t.containerId;
        ThreadInfo parent = t.ptid < 0 ? null : state.thread(t.ptid);
        long ppid = parent != null ? parent.pid : t.ptid;
        if (ppid != p.pid) {
            p.ppid = ppid;
        }
    }

    /** The process of thread {@code tid} (first seen), or -1. */
    public synchronized long pidOfThread(long tid) {
        Long p = pidOfTid.get(tid);
        return p == null ? -1 : p;
    }

    synchronized void containers(Map<String, ContainerInfo> all) {
        containers = Map.copyOf(all);
    }

    /** A container by id (known once indexing is complete), or null. */
    public synchronized ContainerInfo container(String id) {
        return id == null ? null : containers.get(id);
    }

    public synchronized ProcessRecord get(long pid) {
        return byPid.get(pid);
    }

    public synchronized List<ProcessRecord> all() {
        return List.copyOf(byPid.values());
    }

    /** Processes whose parent is not in the table, by pid. */
    public synchronized List<ProcessRecord> roots() {
        List<ProcessRecord> out = new ArrayList<>();
        for (ProcessRecord p : byPid.values()) {
            if (!byPid.containsKey(p.ppid) || p.ppid == p.pid) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingLong(ProcessRecord::pid));
        return out;
    }

    /** Direct children of {@code pid}, by pid. */
    public synchronized List<ProcessRecord> children(long pid) {
        List<ProcessRecord> out = new ArrayList<>();
        for (ProcessRecord p : byPid.values()) {
            if (p.ppid == pid && p.pid != pid) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingLong(ProcessRecord::pid));
        return out;
    }

    /** {@code pid} and its known ancestors, the process first. */
    public synchronized List<ProcessRecord> ancestry(long pid) {
        List<ProcessRecord> out = new ArrayList<>();
        ProcessRecord p = byPid.get(pid);
        while (p != null && out.size() < 64 && !out.contains(p)) {
            out.add(p);
            p = p.ppid == p.pid ? null : byPid.get(p.ppid);
        }
        return out;
    }

    /** {@code pid} and all its descendants. */
    public synchronized java.util.Set<Long> subtree(long pid) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        out.add(pid);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ProcessRecord p : byPid.values()) {
                if (!out.contains(p.pid) && out.contains(p.ppid)) {
                    out.add(p.pid);
                    grew = true;
                }
            }
        }
        return out;
    }
}
