package dev.saker.state;

import java.util.List;

/**
 * One thread as libsinsp knows it. A thread first seen by an event it cannot be traced to (not in the
 * capture's process list, no clone seen) gets comm and exe {@code <NA>}, pid = tid, ptid = -1, an
 * empty cwd and uid/gid/loginuid unknown (0xffffffff), as libsinsp does for offline captures.
 */
public final class ThreadInfo {
    public static final String NA = "<NA>";
    public static final int CL_CLONE_FILES = 1;
    public static final int CL_CLONE_NEWPID = 1 << 6;
    public static final int CL_CLONE_THREAD = 1 << 13;
    public static final int CL_CLONE_INVERTED = 1 << 16;
    public static final int CL_CLOSED = 1 << 18;
    public static final int CL_ACTIVE = 1 << 19;
    public static final int CL_PIPE_SRC = 1 << 21;
    public static final int CL_PIPE_DST = 1 << 22;
    public static final int CL_CHILD_IN_PIDNS = 1 << 29;
    public static final int CL_IS_MAIN_THREAD = 1 << 30;

    public long tid;
    public long pid;
    public long ptid = -1;
    public long sid = -1;
    public long vpgid = -1;
    public long vtid = -1;
    public long vpid = -1;
    public String comm = NA;
    public String exe = NA;
    public String exepath = "";
    public List<String> args = List.of();
    public List<String> env = List.of();
    public List<String> cgroups = List.of();
    public String cwd = "";
    public String root = "/";
    public long fdlimit;
    public int flags;
    public int uid = -1;
    public int gid = -1;
    public int loginuid = -1;
    public int tty;
    public long capInheritable;
    public long capPermitted;
    public long capEffective;
    public long cloneTs;
    /** Start of the thread's pid namespace, ns since the epoch (0 = unknown): container.start_ts. */
    public long pidnsInitStartTs;
    public boolean exeWritable;
    /** execve's PPM_EXE_UPPER_LAYER and PPM_EXE_FROM_MEMFD flags (current drivers only). */
    public boolean exeUpperLayer;
    public boolean exeFromMemfd;
    /** The executable's inode and its ctime/mtime in ns (0 = unknown, as libsinsp keeps them). */
    public long exeIno;
    public long exeInoCtime;
    public long exeInoMtime;
    /** clone_ts - exe ctime, set at execve when the clone time is known; 0 = unknown. */
    public long exeInoCtimeDurationCloneTs;
    public String containerId = "";
    /**
     * The fd of the thread's last event and the type of its last enter event, {0, -1} at first
     * (libsinsp's m_lastevent_fd and m_lastevent_type; the fields layer's EventFdTracker keeps them).
     */
    public final long[] lastEvent = {0, -1};
    /** Own table; threads of a process reach the main thread's through {@link ThreadTable#fds}. */
    FdTable fdTable = new FdTable();

    /** A thread known only by its tid: no process-list entry, clone or execve described it. */
    public boolean isUnknown() {
        return NA.equals(comm) && uid == -1;
    }

    public boolean isMainThread() {
        return tid == pid;
    }

    /** Whether this thread borrows its process's fd table and cwd (libsinsp's CLONE_FILES rule). */
    boolean sharesProcessState() {
        return (flags & CL_CLONE_FILES) != 0 && !isMainThread();
    }

    // The joined texts below are asked for by many rules on every event; each is kept with the
    // values it was built from (compared by identity: the state replaces, never mutates, them).
    private String cmdlineText;
    private String cmdlineComm;
    private List<String> cmdlineArgs;
    private String argsText;
    private List<String> argsTextOf;
    private String envText;
    private List<String> envTextOf;

    /** proc.cmdline: comm followed by the arguments, space-separated. */
    public String cmdline() {
        if (cmdlineText == null || cmdlineComm != comm || cmdlineArgs != args) {
            StringBuilder sb = new StringBuilder(comm);
            for (String a : args) {
                sb.append(' ').append(a);
            }
            cmdlineText = sb.toString();
            cmdlineComm = comm;
            cmdlineArgs = args;
        }
        return cmdlineText;
    }

    /** proc.args: the arguments, space-separated. */
    public String argsText() {
        if (argsText == null || argsTextOf != args) {
            argsText = String.join(" ", args);
            argsTextOf = args;
        }
        return argsText;
    }

    /** proc.env: the environment, space-separated. */
    public String envText() {
        if (envText == null || envTextOf != env) {
            envText = String.join(" ", env);
            envTextOf = env;
        }
        return envText;
    }
}
