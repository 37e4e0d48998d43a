package dev.saker.state;

import static dev.saker.state.EventParams.num;
import static dev.saker.state.EventParams.str;

import dev.saker.scap.EventTypes;
import dev.saker.scap.FdEntry;
import dev.saker.scap.RawEvent;

/**
 * File-descriptor state from events, with libsinsp's semantics: the open family, sockets (socket,
 * bind, connect, accept), close, the dup family, pipes and the other fd-creating calls, and the
 * tuples UDP reads and writes reveal. Parameter indexes are those of the current event table.
 */
final class FdEvents {
    private static final long AT_FDCWD = -100;
    private static final int O_DIRECTORY = 1 << 10;

    private final SystemState state;

    FdEvents(SystemState state) {
        this.state = state;
    }

    void apply(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t == null) {
            return;
        }
        switch (e.type()) {
            case EventTypes.SYSCALL_OPEN_X -> open(t, e, num(e, 0, -1), state.threads().cwd(t), str(e, 1), flags(e, 2),
                    e, 5);
            case EventTypes.SYSCALL_CREAT_X -> open(t, e, num(e, 0, -1), state.threads().cwd(t), str(e, 1), 0, e, 4);
            case EventTypes.SYSCALL_OPENAT_2_X -> open(t, e, num(e, 0, -1), dirOf(t, num(e, 1, AT_FDCWD)), str(e, 2),
                    flags(e, 3), e, 6);
            case EventTypes.SYSCALL_OPENAT2_X -> open(t, e, num(e, 0, -1), dirOf(t, num(e, 1, AT_FDCWD)), str(e, 2),
                    flags(e, 3), e, 7);
            case EventTypes.SYSCALL_OPEN_BY_HANDLE_AT_X -> open(t, e, num(e, 0, -1), "/", str(e, 3), flags(e, 2), e, 5);
            case EventTypes.SOCKET_SOCKET_X -> socket(t, num(e, 0, -1), (int) num(e, 1, 0), (int) num(e, 2, 0),
                    (int) num(e, 3, 0));
            case EventTypes.SOCKET_BIND_X -> bind(t, e);
            case EventTypes.SOCKET_CONNECT_E -> connectEnter(t, e);
            case EventTypes.SOCKET_CONNECT_X -> connectExit(t, e);
            case EventTypes.SOCKET_ACCEPT_5_X, EventTypes.SOCKET_ACCEPT4_6_X -> accept(t, e);
            case EventTypes.SYSCALL_CLOSE_X -> {
                if (num(e, 0, -1) >= 0) {
                    state.threads().fds(t).remove(num(e, 1, -1));
                }
            }
            case EventTypes.SYSCALL_DUP_1_X, EventTypes.SYSCALL_DUP2_X, EventTypes.SYSCALL_DUP3_X ->
                    dup(t, num(e, 0, -1), num(e, 1, -1));
            case EventTypes.SYSCALL_FCNTL_X -> fcntl(t, e);
            case EventTypes.SYSCALL_PIPE_X, EventTypes.SYSCALL_PIPE2_X -> pipe(t, e);
            case EventTypes.SOCKET_SOCKETPAIR_X -> socketpair(t, e);
            case EventTypes.SYSCALL_EVENTFD_X, EventTypes.SYSCALL_EVENTFD2_X -> add(t, num(e, 0, -1), FdEntry.EVENT, "");
            case EventTypes.SYSCALL_SIGNALFD_X, EventTypes.SYSCALL_SIGNALFD4_X ->
                    add(t, num(e, 0, -1), FdEntry.SIGNALFD, "");
            case EventTypes.SYSCALL_TIMERFD_CREATE_X -> add(t, num(e, 0, -1), FdEntry.TIMERFD, "");
            case EventTypes.SYSCALL_INOTIFY_INIT_X, EventTypes.SYSCALL_INOTIFY_INIT1_X ->
                    add(t, num(e, 0, -1), FdEntry.INOTIFY, "");
            case EventTypes.SYSCALL_EPOLL_CREATE_X, EventTypes.SYSCALL_EPOLL_CREATE1_X ->
                    add(t, num(e, 0, -1), FdEntry.EVENTPOLL, "");
            case EventTypes.SYSCALL_USERFAULTFD_X -> add(t, num(e, 0, -1), FdEntry.USERFAULTFD, "");
            case EventTypes.SYSCALL_IO_URING_SETUP_X -> add(t, num(e, 0, -1), FdEntry.IOURING, "");
            case EventTypes.SYSCALL_BPF_2_X -> add(t, num(e, 0, -1), FdEntry.BPF, "");
            case EventTypes.SYSCALL_MEMFD_CREATE_X -> add(t, num(e, 0, -1), FdEntry.MEMFD, str(e, 1));
            case EventTypes.SYSCALL_PIDFD_OPEN_X -> add(t, num(e, 0, -1), FdEntry.PIDFD, "");
            case EventTypes.SYSCALL_PIDFD_GETFD_X -> add(t, num(e, 0, -1), FdEntry.PIDFD, "");
            default -> ReadWriteTuples.apply(state, t, e);
        }
    }

    private static int flags(RawEvent e, int i) {
        return (int) num(e, i, 0);
    }

    /** The directory an *at() call resolves against: the cwd for AT_FDCWD, else the dirfd's path. */
    private String dirOf(ThreadInfo t, long dirfd) {
        if (dirfd == AT_FDCWD) {
            return state.threads().cwd(t);
        }
        FdInfo fd = state.fd(t, dirfd);
        return fd == null ? "<UNKNOWN>/" : ThreadFactory.withTrailingSlash(fd.name);
    }

    private void open(ThreadInfo t, RawEvent e, long fd, String dir, String name, int openFlags, RawEvent src,
                      int inoIndex) {
        if (fd < 0) {
            return;
        }
        FdInfo f = new FdInfo((openFlags & O_DIRECTORY) != 0 ? FdEntry.DIRECTORY : FdEntry.FILE_V2,
                Paths.concatenate(dir, name));
        f.nameRaw = name;
        f.openFlags = openFlags;
        f.ino = num(src, inoIndex, 0);
        state.threads().fds(t).put(fd, f);
    }

    private void add(ThreadInfo t, long fd, int type, String name) {
        if (fd >= 0) {
            state.threads().fds(t).put(fd, new FdInfo(type, name));
        }
    }

    private void socket(ThreadInfo t, long fd, int domain, int type, int proto) {
        if (fd < 0) {
            return;
        }
        FdInfo f = Sockets.create(domain, type, proto);
        if (f != null) {
            state.threads().fds(t).put(fd, f);
        }
    }

    private void bind(ThreadInfo t, RawEvent e) {
        FdInfo f = state.fd(t, num(e, 2, -1));
        if (f != null && num(e, 0, -1) >= 0 && !e.isEmpty(1)) {
            Sockets.bind(f, e, 1);
        }
    }

    private void connectEnter(ThreadInfo t, RawEvent e) {
        FdInfo f = state.fd(t, num(e, 0, -1));
        if (f != null && e.nparams() >= 2 && !e.isEmpty(1)) {
            Sockets.connectEnter(f, e, 1);
        }
    }

    private void connectExit(ThreadInfo t, RawEvent e) {
        FdInfo f = state.fd(t, num(e, 2, -1));
        long res = num(e, 0, -1);
        if (f == null || (res < 0 && res != -115) || e.isEmpty(1)) {
            return;
        }
        Sockets.connectExit(f, e, 1, state.revision() == ParserRevision.CURRENT);
    }

    private void accept(ThreadInfo t, RawEvent e) {
        long fd = num(e, 0, -1);
        if (fd < 0 || e.isEmpty(1)) {
            return;
        }
        FdInfo f = Sockets.accepted(e, 1);
        if (f != null) {
            state.threads().fds(t).put(fd, f);
        }
    }

    private void dup(ThreadInfo t, long res, long oldFd) {
        if (res < 0) {
            return;
        }
        FdTable fds = state.threads().fds(t);
        FdInfo old = fds.get(oldFd);
        if (old != null) {
            fds.put(res, old.copy());
        }
    }

    /** PPM_FCNTL_F_DUPFD (1) and PPM_FCNTL_F_DUPFD_CLOEXEC (26) duplicate fds. */
    private void fcntl(ThreadInfo t, RawEvent e) {
        long cmd = num(e, 2, -1);
        if (cmd == 1 || cmd == 26) {
            dup(t, num(e, 0, -1), num(e, 1, -1));
        }
    }

    private void pipe(ThreadInfo t, RawEvent e) {
        if (num(e, 0, -1) < 0) {
            return;
        }
        long ino = num(e, 3, 0);
        for (int i = 1; i <= 2; i++) {
            FdInfo f = new FdInfo(FdEntry.FIFO, "");
            f.ino = ino;
            state.threads().fds(t).put(num(e, i, -1), f);
        }
    }

    private void socketpair(ThreadInfo t, RawEvent e) {
        if (num(e, 0, -1) < 0) {
            return;
        }
        for (int i = 1; i <= 2; i++) {
            FdInfo f = new FdInfo(FdEntry.UNIX_SOCK, "");
            f.unixSource = num(e, 3, 0);
            f.unixDest = num(e, 4, 0);
            state.threads().fds(t).put(num(e, i, -1), f);
        }
    }
}
