package dev.saker.format;

import dev.saker.scap.GroupEntry;
import dev.saker.scap.UserEntry;
import dev.saker.state.FdInfo;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;

/** Renders arguments against the live system state, for one event's thread at a time. */
public final class StateArgContext implements ArgContext {
    private final SystemState state;
    private ThreadInfo thread;

    public StateArgContext(SystemState state) {
        this.state = state;
    }

    /** Points the context at the thread of the event about to be rendered (null when unknown). */
    public StateArgContext on(ThreadInfo eventThread) {
        this.thread = eventThread;
        return this;
    }

    @Override
    public boolean hasThread() {
        return thread != null;
    }

    @Override
    public FdView fd(long fd) {
        FdInfo f = state.fd(thread, fd);
        return f == null ? null : new FdView(f.typeChar(), f.isInet() ? f.l4Char() : 0, f.name);
    }

    @Override
    public String threadName(long tid) {
        ThreadInfo t = state.thread(tid);
        return t == null ? null : t.comm;
    }

    @Override
    public String cwd() {
        return thread == null ? null : state.threads().cwd(thread);
    }

    @Override
    public String userName(long uid) {
        UserEntry u = state.users().user("", (int) uid);
        return u == null ? null : u.name();
    }

    @Override
    public String groupName(long gid) {
        GroupEntry g = state.users().group("", (int) gid);
        return g == null ? null : g.name();
    }
}
