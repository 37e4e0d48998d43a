package dev.saker.format;

import java.util.HashMap;
import java.util.Map;

/** A hand-kept thread and fd table for synthetic captures; snapshots are the contexts of single events. */
final class ScriptedState {
    private final Map<Long, String> comms = new HashMap<>();
    private final Map<Long, String> cwds = new HashMap<>();
    private final Map<Long, FdView> fds = new HashMap<>();

    ScriptedState thread(long tid, String comm, String cwd) {
        comms.put(tid, comm);
        cwds.put(tid, cwd);
        return this;
    }

    ScriptedState fd(long fd, char type, String name) {
        fds.put(fd, new FdView(type, name));
        return this;
    }

    /** The context of an event of thread {@code tid}, frozen now. */
    ArgContext snapshot(long tid) {
        Map<Long, String> names = Map.copyOf(comms);
        Map<Long, FdView> table = Map.copyOf(fds);
        String cwd = cwds.get(tid);
        boolean known = names.containsKey(tid);
        return new ArgContext() {
            @Override
            public boolean hasThread() {
                return known;
            }

            @Override
            public FdView fd(long fd) {
                return known ? table.get(fd) : null;
            }

            @Override
            public String threadName(long t) {
                return names.get(t);
            }

            @Override
            public String cwd() {
                return cwd;
            }
        };
    }
}
