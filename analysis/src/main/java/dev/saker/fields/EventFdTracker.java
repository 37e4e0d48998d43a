package dev.saker.fields;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventTypes;
import dev.saker.scap.ParamType;
import dev.saker.scap.RawEvent;
import dev.saker.state.FdInfo;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;

/**
 * Which file descriptor an event refers to, the way libsinsp's parser works it out and its fd
 * filterchecks read it (sinsp_parser::reset, sinsp_threadinfo::add_fd, extract_fd):
 * <ul>
 *   <li>each thread remembers the fd of its last event (m_lastevent_fd, 0 for a new thread) and the
 *       type of its last enter event;</li>
 *   <li>an enter event resets it to -1, or to its fd parameter when it uses an fd;</li>
 *   <li>an exit event keeps it when it follows its own enter event; otherwise, as current libsinsp
 *       does (2022 libsinsp kept the stale value), it is -1 and the exit's own fd parameter is used;</li>
 *   <li>adding an fd to the table (a successful open, socket, accept, dup, pipe ...) makes the new fd
 *       the thread's last fd.</li>
 * </ul>
 * The fd is looked up <em>before</em> the event changes the state, so that close still shows the fd
 * it closed, and again after, for events that create one.
 */
public final class EventFdTracker {
    private static final int FD_FLAGS = EventInfo.EF_CREATES_FD | EventInfo.EF_USES_FD | EventInfo.EF_DESTROYS_FD;

    private final LibsEdition edition;
    private FdInfo before;
    private String beforeName;
    private FdInfo parsed;

    public EventFdTracker(LibsEdition edition) {
        this.edition = edition;
    }

    /**
     * Call with each recorded event before the state applies it. Without {@code lookUp} it only keeps
     * the thread's last fd up to date (state) and skips finding the fd, for an event whose fd part
     * will not be read ({@link #afterApply} is then not called for it).
     */
    public void beforeApply(RawEvent raw, SystemState state, boolean lookUp) {
        before = null;
        beforeName = null;
        parsed = null;
        EventInfo info = raw.info();
        if (info == null || (info.flags() & EventInfo.EF_SKIPPARSERESET) != 0
                || raw.type() == EventTypes.SCHEDSWITCH_6_E || raw.type() == EventTypes.SCHEDSWITCH_1_E) {
            // libsinsp's reset leaves the last fd alone for these: scheduler switches interleave freely
            // (decided before the thread look-up, which would only push the event's own thread out of
            // the table's cache)
            return;
        }
        ThreadInfo t = state.thread(raw.tid());
        if (t == null) {
            return;
        }
        long[] last = last(t);
        int type = raw.type();
        boolean usesFd = (edition.flags(raw) & EventInfo.EF_USES_FD) != 0;
        if ((type & 1) == 0) {
            last[0] = -1;
            last[1] = type;
            if (usesFd && !raw.isEmpty(enterFdIndex(type))) {
                last[0] = raw.signed(enterFdIndex(type));
                if (lookUp) {
                    lookUpBefore(state, t, last[0]);
                }
            }
            return;
        }
        boolean paired = type == last[1] + 1
                || (type == EventTypes.SYSCALL_EXECVE_19_X && last[1] == EventTypes.SYSCALL_EXECVEAT_E);
        if (!paired) {
            if (edition == LibsEdition.SYSDIG_2022) {
                // 2022 libsinsp stops here, leaving the stale last fd for the fd fields to find
                return;
            }
            last[0] = -1;
        }
        if (!usesFd) {
            return;
        }
        if (last[0] == -1) {
            int at = exitFdIndex(info);
            if (at >= 0 && !raw.isEmpty(at)) {
                last[0] = raw.signed(at);
            }
        }
        if (lookUp) {
            lookUpBefore(state, t, last[0]);
        }
    }

    /** The event's fd before parsing, and its name then: libsinsp's get_fd records it as m_oldname. */
    private void lookUpBefore(SystemState state, ThreadInfo t, long fd) {
        before = state.fd(t, fd);
        beforeName = before == null ? null : before.name;
    }

    /**
     * Call with the recorded event and its current-schema form (null when consumed) after the state
     * applied it; fills the context's fd part.
     */
    public void afterApply(RawEvent raw, RawEvent current, SystemState state, EventContext ctx) {
        EventInfo info = raw.info();
        ThreadInfo t = ctx.thread;
        ctx.flags = edition.flags(raw);
        ctx.edition = edition;
        ctx.fdRelated = info != null && (ctx.flags & FD_FLAGS) != 0 && t != null;
        ctx.fd = null;
        ctx.fdNum = -1;
        ctx.fdNameChanged = false;
        if (!ctx.fdRelated) {
            return;
        }
        long[] last = last(t);
        RawEvent e = current != null ? current : raw;
        if ((e.type() & 1) == 1 && e.info() != null && (e.info().flags() & EventInfo.EF_CREATES_FD) != 0) {
            recordCreatedFd(e, t, state, last);
        }
        ctx.fdNum = last[0];
        FdInfo fd = parsed != null ? parsed : before;
        if (fd == null && last[0] != -1) {
            fd = state.fd(t, last[0]);
        }
        ctx.fd = fd;
        // libsinsp compares only the fd the event held while parsing: the one looked up before (its
        // name then) or the one it created (a new sinsp_fdinfo, old name ""); one found only by the
        // fd fields afterwards never changed
        if (fd != null && fd == parsed) {
            ctx.fdNameChanged = !fd.name.isEmpty();
        } else if (fd != null && fd == before) {
            ctx.fdNameChanged = !fd.name.equals(beforeName);
        }
    }

    /** A successful fd-creating exit: the new fd becomes the thread's last fd, as add_fd does. */
    private void recordCreatedFd(RawEvent e, ThreadInfo t, SystemState state, long[] last) {
        if (e.isEmpty(0) || e.signed(0) < 0) {
            return;
        }
        switch (e.type()) {
            case EventTypes.SYSCALL_PIPE_X, EventTypes.SYSCALL_PIPE2_X, EventTypes.SOCKET_SOCKETPAIR_X -> {
                // both ends are added, the second last; socketpair's parser points the event at the first
                long fd1 = e.signed(1);
                long fd2 = e.signed(2);
                if (state.fd(t, fd2) != null) {
                    last[0] = fd2;
                    parsed = state.fd(t, e.type() == EventTypes.SOCKET_SOCKETPAIR_X ? fd1 : fd2);
                }
            }
            default -> {
                long fd = e.signed(0);
                FdInfo f = state.fd(t, fd);
                if (f != null) {
                    last[0] = fd;
                    parsed = f;
                }
            }
        }
    }

    /**
     * The thread's last fd and enter type, kept on the thread as libsinsp keeps them ({0, -1} for a
     * thread not seen before: libsinsp starts m_lastevent_fd at 0; a tid reused by a new thread gets
     * a new ThreadInfo, so it starts afresh).
     */
    private static long[] last(ThreadInfo t) {
        return t.lastEvent;
    }

    /** The fd parameter of an enter event that uses one: the first, except mmap's and splice's. */
    private static int enterFdIndex(int type) {
        return switch (type) {
            case EventTypes.SYSCALL_MMAP_E, EventTypes.SYSCALL_MMAP2_E -> 4;
            case EventTypes.SYSCALL_SPLICE_E -> 1;
            default -> 0;
        };
    }

    /**
     * The fd parameter of an exit event: current libsinsp keeps a per-type table; it names the first
     * fd-typed parameter after the return value in every case but splice (whose output fd is used).
     */
    private static int exitFdIndex(EventInfo info) {
        if (info.type() == EventTypes.SYSCALL_SPLICE_X) {
            return 2;
        }
        for (int i = 1; i < info.nparams(); i++) {
            ParamType p = info.params().get(i).type();
            if (p == ParamType.FD || p == ParamType.FD32) {
                return i;
            }
        }
        return -1;
    }
}
