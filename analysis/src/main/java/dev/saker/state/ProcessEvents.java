package dev.saker.state;

import static dev.saker.state.EventParams.list;
import static dev.saker.state.EventParams.num;
import static dev.saker.state.EventParams.str;

import dev.saker.scap.EventTypes;
import dev.saker.scap.GroupEntry;
import dev.saker.scap.RawEvent;
import dev.saker.scap.UserEntry;

/**
 * State changes from process events, with libsinsp's semantics: clone/fork/vfork/clone3 exits create
 * the child, execve/execveat exits replace the image, procexit ends the thread, chdir moves the
 * process, setuid & co change credentials, user/group and container events feed their tables.
 * Parameter indexes are those of the current event table (they only ever grow by appending).
 */
final class ProcessEvents {
    private final SystemState state;

    ProcessEvents(SystemState state) {
        this.state = state;
    }

    /** True when the event was a process event (handled here). */
    boolean apply(RawEvent e) {
        switch (e.type()) {
            case EventTypes.SYSCALL_CLONE_20_X, EventTypes.SYSCALL_FORK_20_X, EventTypes.SYSCALL_VFORK_20_X,
                    EventTypes.SYSCALL_CLONE3_X -> Clones.apply(state, e);
            case EventTypes.SYSCALL_EXECVE_19_X, EventTypes.SYSCALL_EXECVEAT_X -> execve(e);
            case EventTypes.PROCEXIT_1_E -> procexit(e);
            case EventTypes.SYSCALL_CHDIR_X -> chdir(e);
            case EventTypes.SYSCALL_FCHDIR_X -> fchdir(e);
            case EventTypes.SYSCALL_SETUID_X -> setuid(e);
            case EventTypes.SYSCALL_SETGID_X -> setgid(e);
            case EventTypes.SYSCALL_SETRESUID_X, EventTypes.SYSCALL_SETREUID_X -> setresuid(e);
            case EventTypes.SYSCALL_SETRESGID_X, EventTypes.SYSCALL_SETREGID_X -> setresgid(e);
            case EventTypes.SYSCALL_CHROOT_X -> chroot(e);
            case EventTypes.USER_ADDED_E -> state.users().addUser(str(e, 5), new UserEntry((int) e.number(0),
                    (int) e.number(1), str(e, 2), str(e, 3), str(e, 4)));
            case EventTypes.USER_DELETED_E -> state.users().removeUser(str(e, 5), (int) e.number(0));
            case EventTypes.GROUP_ADDED_E -> state.users().addGroup(str(e, 2), new GroupEntry((int) e.number(0), str(e, 1)));
            case EventTypes.GROUP_DELETED_E -> state.users().removeGroup(str(e, 2), (int) e.number(0));
            case EventTypes.CONTAINER_JSON_E, EventTypes.CONTAINER_JSON_2_E -> {
                ContainerInfo c = state.containers().addFromJson(str(e, 0));
                if (c != null) {
                    state.containerSeen(c);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void execve(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t == null || num(e, 0, 0) < 0) {
            return;
        }
        t.exe = str(e, 1);
        t.args = list(e, 2);
        String comm = str(e, 13);
        t.comm = comm.isEmpty() ? t.exe : comm;
        t.pid = num(e, 4, t.pid);
        if (t.ptid == -1) {
            t.ptid = num(e, 5, -1);
        }
        t.fdlimit = num(e, 7, t.fdlimit);
        if (!e.isEmpty(14)) {
            t.cgroups = list(e, 14);
            t.containerId = ContainerIds.fromCgroups(t.cgroups);
        }
        if (!e.isEmpty(15)) {
            t.env = list(e, 15);
        }
        t.tty = (int) num(e, 16, t.tty);
        t.vpgid = num(e, 17, t.vpgid);
        t.loginuid = (int) num(e, 18, t.loginuid);
        if (!e.isEmpty(19)) {
            long flags = num(e, 19, 0);
            t.exeWritable = (flags & 1) != 0;
            t.exeUpperLayer = (flags & 2) != 0;
            t.exeFromMemfd = (flags & 4) != 0;
        } else {
            t.exeWritable = false;
        }
        if (!e.isEmpty(25)) {
            // libsinsp reads the three together when the last one is present
            t.exeIno = num(e, 23, 0);
            t.exeInoCtime = num(e, 24, 0);
            t.exeInoMtime = num(e, 25, 0);
            if (t.cloneTs != 0) {
                t.exeInoCtimeDurationCloneTs = t.cloneTs - t.exeInoCtime;
            }
        }
        t.capInheritable = num(e, 20, t.capInheritable);
        t.capPermitted = num(e, 21, t.capPermitted);
        t.capEffective = num(e, 22, t.capEffective);
        t.uid = (int) num(e, 26, t.uid);
        String trusted = str(e, 27);
        if (!trusted.isEmpty()) {
            t.exepath = trusted;
        } else if (e.type() == EventTypes.SYSCALL_EXECVE_19_X && !e.isEmpty(30)) {
            String filename = str(e, 30);
            t.exepath = filename.startsWith(ThreadInfo.NA) ? ThreadInfo.NA
                    : Paths.concatenate(t.cwd, filename);
        }
        t.gid = (int) num(e, 29, t.gid);
        // A new image starts with fresh clone flags, keeping only what survives exec.
        int kept = t.flags & (ThreadInfo.CL_PIPE_SRC | ThreadInfo.CL_PIPE_DST | ThreadInfo.CL_IS_MAIN_THREAD
                | ThreadInfo.CL_CLONE_INVERTED);
        t.flags = ThreadInfo.CL_ACTIVE | kept;
    }

    private void procexit(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t != null) {
            t.flags |= ThreadInfo.CL_CLOSED;
            state.scheduleRemoval(e.tid());
        }
    }

    private void chdir(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t != null && num(e, 0, -1) >= 0) {
            state.threads().setCwd(t, ThreadFactory.withTrailingSlash(
                    Paths.concatenate(state.threads().cwd(t), str(e, 1))));
        }
    }

    private void fchdir(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t == null || num(e, 0, -1) < 0) {
            return;
        }
        FdInfo fd = state.fd(t, num(e, 1, -1));
        if (fd != null) {
            state.threads().setCwd(t, ThreadFactory.withTrailingSlash(fd.name));
        }
    }

    private void setuid(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t != null && num(e, 0, -1) == 0 && !e.isEmpty(1)) {
            t.uid = (int) e.number(1);
        }
    }

    private void setgid(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t != null && num(e, 0, -1) == 0 && !e.isEmpty(1)) {
            t.gid = (int) e.number(1);
        }
    }

    /** The effective uid is parameter 2 of setresuid and setreuid; -1 leaves it unchanged. */
    private void setresuid(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t != null && num(e, 0, -1) == 0 && !e.isEmpty(2) && (int) e.number(2) != -1) {
            t.uid = (int) e.number(2);
        }
    }

    private void setresgid(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t != null && num(e, 0, -1) == 0 && !e.isEmpty(2) && (int) e.number(2) != -1) {
            t.gid = (int) e.number(2);
        }
    }

    private void chroot(RawEvent e) {
        ThreadInfo t = state.thread(e.tid());
        if (t != null && num(e, 0, -1) == 0) {
            t.root = Paths.concatenate(state.threads().cwd(t), str(e, 1));
        }
    }
}
