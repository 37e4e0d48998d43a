package dev.saker.state;

import dev.saker.scap.LongKeyMap;
import java.util.Collection;

/** Every thread known so far, keyed by tid (libsinsp's thread manager). */
public final class ThreadTable {
    private final LongKeyMap<ThreadInfo> threads = new LongKeyMap<>();
    /**
     * The last two threads found: one event looks its thread up several times (reset, parse, fields),
     * and for a thread of a multi-threaded process its main thread in between (fd table, cwd), which
     * would evict a single cached entry on every event.
     */
    private ThreadInfo last;
    private ThreadInfo previous;
    /**
     * The current event's thread, pinned by {@link #findOrCreateForEvent}: the look-ups of other
     * threads while the event is parsed and printed (parents, main threads, pids in arguments) do
     * not evict it, so the event's later look-ups of its own thread do not reach the map.
     */
    private ThreadInfo pinned;

    public ThreadInfo find(long tid) {
        ThreadInfo t = pinned;
        if (t != null && t.tid == tid) {
            return t;
        }
        t = last;
        if (t != null && t.tid == tid) {
            return t;
        }
        t = previous;
        if (t != null && t.tid == tid) {
            previous = last;
            last = t;
            return t;
        }
        t = threads.get(tid);
        if (t != null) {
            previous = last;
            last = t;
        }
        return t;
    }

    /** The thread, created as an unknown thread ({@code <NA>}) when the capture never introduced it. */
    public ThreadInfo findOrCreate(long tid) {
        ThreadInfo t = find(tid);
        if (t == null) {
            t = new ThreadInfo();
            t.tid = tid;
            t.pid = tid;
            add(t);
        }
        return t;
    }

    /** As {@link #findOrCreate}, for the thread of the event being read, which stays cached. */
    public ThreadInfo findOrCreateForEvent(long tid) {
        ThreadInfo t = findOrCreate(tid);
        pinned = t;
        return t;
    }

    public void add(ThreadInfo t) {
        threads.put(t.tid, t);
        if (pinned != null && pinned.tid == t.tid) {
            pinned = t;   // replaced: the cache must not hand out the old thread
        }
        if (previous != null && previous.tid == t.tid) {
            previous = null;   // replaced: the cache must not hand out the old thread
        }
        if (last != null && last.tid != t.tid) {
            previous = last;
        }
        last = t;
    }

    public void remove(long tid) {
        threads.remove(tid);
        if (pinned != null && pinned.tid == tid) {
            pinned = null;
        }
        if (last != null && last.tid == tid) {
            last = null;
        }
        if (previous != null && previous.tid == tid) {
            previous = null;
        }
    }

    /** A snapshot of every thread, in unspecified order. */
    public Collection<ThreadInfo> all() {
        return threads.values();
    }

    public int size() {
        return threads.size();
    }

    /**
     * The main thread of the thread's process (itself when it is one); like libsinsp, an unknown
     * main thread is created as an unknown ({@code <NA>}) thread.
     */
    public ThreadInfo mainThread(ThreadInfo t) {
        if (t.isMainThread() || (t.flags & ThreadInfo.CL_IS_MAIN_THREAD) != 0) {
            return t;
        }
        return findOrCreate(t.pid);
    }

    /** The fd table the thread uses: its process's when it shares it. */
    public FdTable fds(ThreadInfo t) {
        if (t.sharesProcessState()) {
            ThreadInfo main = mainThread(t);
            if (main != null) {
                return main.fdTable;
            }
        }
        return t.fdTable;
    }

    /** The working directory: always the process's (libsinsp assumes CLONE_FS for threads). */
    public String cwd(ThreadInfo t) {
        ThreadInfo main = mainThread(t);
        return main != null ? main.cwd : t.cwd;
    }

    public void setCwd(ThreadInfo t, String cwd) {
        ThreadInfo main = mainThread(t);
        (main != null ? main : t).cwd = cwd;
    }

    /** The parent process's main thread, libsinsp's get_ancestor_process step, or null. */
    public ThreadInfo parentProcess(ThreadInfo t) {
        ThreadInfo main = mainThread(t);
        if (main == null) {
            return null;
        }
        ThreadInfo parent = threads.get(main.ptid);
        return parent == null ? null : mainThread(parent);
    }
}
