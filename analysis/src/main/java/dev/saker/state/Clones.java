package dev.saker.state;

import static dev.saker.state.EventParams.list;
import static dev.saker.state.EventParams.num;
import static dev.saker.state.EventParams.str;

import dev.saker.scap.RawEvent;

/**
 * Thread creation from clone/fork/vfork/clone3 exits (libsinsp parse_clone_exit). Both the parent's
 * exit (res = child tid) and the child's (res = 0) are seen; whichever comes first creates the
 * child. A child in another pid namespace is created only from its own exit, where the parent's
 * host tid is not known to the caller's event.
 */
final class Clones {
    private static final int RES = 0;
    private static final int EXE = 1;
    private static final int ARGS = 2;
    private static final int PID = 4;
    private static final int PTID = 5;
    private static final int FDLIMIT = 7;
    private static final int COMM = 13;
    private static final int CGROUPS = 14;
    private static final int FLAGS = 15;
    private static final int UID = 16;
    private static final int GID = 17;
    private static final int VTID = 18;
    private static final int VPID = 19;
    private static final int PIDNS_START = 20;

    private Clones() {
    }

    static void apply(SystemState state, RawEvent e) {
        ThreadTable threads = state.threads();
        long tid = e.tid();
        long childTid = num(e, RES, -1);
        int flags = (int) num(e, FLAGS, 0);
        if (childTid < 0) {
            return;
        }
        long vtid = num(e, VTID, tid);
        long vpid = num(e, VPID, -1);
        boolean inContainer = (flags & ThreadInfo.CL_CHILD_IN_PIDNS) != 0 || tid != vtid;
        boolean inverted = false;
        ThreadInfo self = threads.find(tid);
        if (childTid == 0) {
            long parentTid = (flags & ThreadInfo.CL_CLONE_THREAD) != 0 ? num(e, PID, -1) : num(e, PTID, -1);
            if (self == null) {
                inverted = true;
                childTid = tid;
                tid = parentTid;
            } else {
                if (inContainer) {
                    self.vtid = vtid;
                    self.vpid = vpid;
                }
                return;
            }
        } else if (inContainer) {
            return;
        }
        ThreadInfo parent = threads.findOrCreate(tid);
        ThreadInfo existing = threads.find(childTid);
        if (existing != null) {
            if ((existing.flags & ThreadInfo.CL_CLONE_INVERTED) != 0) {
                return;
            }
            threads.remove(childTid);
        }
        ThreadInfo child = new ThreadInfo();
        child.tid = childTid;
        child.ptid = tid;
        if (!parent.isUnknown()) {
            inherit(child, parent, flags);
        } else {
            // An unknown parent learns its image from the clone event, as libsinsp fills it in.
            parent.exe = str(e, EXE);
            String comm = str(e, COMM);
            parent.comm = comm.isEmpty() ? parent.exe : comm;
            parent.args = list(e, ARGS);
        }
        child.pid = (flags & ThreadInfo.CL_CLONE_THREAD) != 0 ? num(e, PID, childTid) : childTid;
        child.flags = flags;
        if ((flags & ThreadInfo.CL_CLONE_THREAD) == 0) {
            child.fdTable = threads.fds(parent).copy();
            child.cwd = threads.cwd(parent);
        }
        if (inverted) {
            child.flags |= ThreadInfo.CL_CLONE_INVERTED;
        }
        child.exe = str(e, EXE);
        String comm = str(e, COMM);
        child.comm = comm.isEmpty() ? child.exe : comm;
        child.args = list(e, ARGS);
        child.fdlimit = num(e, FDLIMIT, 0);
        child.uid = (int) num(e, UID, -1);
        child.gid = (int) num(e, GID, -1);
        child.vtid = inContainer ? vtid : child.tid;
        child.vpid = inContainer ? vpid : child.pid;
        child.cgroups = list(e, CGROUPS);
        child.containerId = ContainerIds.fromCgroups(child.cgroups);
        child.cloneTs = e.ts();
        child.pidnsInitStartTs = pidnsStart(state, e, inContainer);
        threads.add(child);
    }

    /**
     * libsinsp's m_pidns_init_start_ts for a new thread: the boot time, plus the namespace's start
     * (parameter 20, monotonic) for a child in its own pid namespace.
     */
    private static long pidnsStart(SystemState state, RawEvent e, boolean inContainer) {
        long boot = state.machine() == null ? 0 : state.machine().bootTsEpoch();
        if (inContainer && e.nparams() > PIDNS_START && !e.isEmpty(PIDNS_START)) {
            return e.number(PIDNS_START) + boot;
        }
        return boot;
    }

    private static void inherit(ThreadInfo child, ThreadInfo parent, int flags) {
        child.comm = parent.comm;
        child.exe = parent.exe;
        child.exepath = parent.exepath;
        child.exeWritable = parent.exeWritable;
        child.exeUpperLayer = parent.exeUpperLayer;
        child.exeFromMemfd = parent.exeFromMemfd;
        child.exeIno = parent.exeIno;
        child.exeInoCtime = parent.exeInoCtime;
        child.exeInoMtime = parent.exeInoMtime;
        child.exeInoCtimeDurationCloneTs = parent.exeInoCtimeDurationCloneTs;
        child.args = parent.args;
        child.root = parent.root;
        child.sid = parent.sid;
        child.vpgid = parent.vpgid;
        child.tty = parent.tty;
        child.loginuid = parent.loginuid;
        if ((flags & ThreadInfo.CL_CLONE_THREAD) == 0) {
            child.env = parent.env;
        }
    }
}
