package dev.saker.fields;

import dev.saker.state.ThreadInfo;
import dev.saker.state.ThreadTable;
import java.util.function.Function;

/**
 * thread.* and proc.* fields: the event's thread and its process as the state knows them. Process
 * values that live on the main thread (parent, cwd) are read there, ancestors are walked as
 * libsinsp's get_ancestor_process does (main thread, its parent tid, that thread's main thread).
 */
final class ProcFields {
    private ProcFields() {
    }

    static void register(FieldRegistry r) {
        r.add("thread.tid", FieldType.NUMBER, "thread id (from the event header, even for unknown threads)",
                (c, a) -> c.raw().tid());
        r.addLong("proc.pid", "process id", (c, a) -> c.thread() == null ? LongExtractor.NA : c.thread().pid);
        thread(r, "thread.vtid", FieldType.NUMBER, "thread id in its pid namespace", t -> t.vtid == -1 ? null : t.vtid);
        r.addLong("proc.vpid", "process id in its pid namespace",
                (c, a) -> c.thread() == null || c.thread().vpid == -1 ? LongExtractor.NA : c.thread().vpid);
        thread(r, "proc.sid", FieldType.NUMBER, "session id", t -> t.sid);
        thread(r, "proc.vpgid", FieldType.NUMBER, "process group id in its pid namespace", t -> t.vpgid);
        thread(r, "proc.name", FieldType.STRING, "process name (comm)", t -> t.comm);
        thread(r, "proc.exe", FieldType.STRING, "first command-line argument (argv[0])", t -> t.exe);
        thread(r, "proc.exepath", FieldType.STRING, "full path of the executable", t -> t.exepath);
        thread(r, "proc.args", FieldType.STRING, "arguments, space-separated", ThreadInfo::argsText);
        thread(r, "proc.cmdline", FieldType.STRING, "name and arguments", ThreadInfo::cmdline);
        thread(r, "proc.env", FieldType.STRING, "environment, space-separated", ThreadInfo::envText);
        r.addLong("proc.tty", "controlling terminal", (c, a) -> c.thread() == null ? LongExtractor.NA : c.thread().tty);
        thread(r, "proc.loginuid", FieldType.NUMBER, "audit user id, -1 when unset", ProcFields::loginuid);
        thread(r, "thread.ismain", FieldType.BOOL, "whether the thread is its process's main thread",
                ThreadInfo::isMainThread);
        r.add("proc.ppid", FieldType.NUMBER, "parent process id", (c, a) -> c.thread() == null ? null
                : c.state().threads().mainThread(c.thread()).ptid);
        r.add("proc.cwd", FieldType.STRING, "working directory, with a trailing slash", (c, a) -> c.thread() == null ? null
                : c.state().threads().cwd(c.thread()));
        r.add("proc.pname", FieldType.STRING, "parent process name", (c, a) -> parent(c, t -> t.comm));
        r.add("proc.pcmdline", FieldType.STRING, "parent process command line", (c, a) -> parent(c, ThreadInfo::cmdline));
        r.add("proc.pexe", FieldType.STRING, "parent process argv[0]", (c, a) -> parent(c, t -> t.exe));
        r.add("proc.pexepath", FieldType.STRING, "parent process executable path", (c, a) -> parent(c, t -> t.exepath));
        r.add(new Field("proc.aname", FieldType.STRING, Field.Argument.OPTIONAL,
                "name of the n-th ancestor (proc.aname[1] is the parent); without n, all ancestors' names",
                (c, a) -> ancestors(c, a, t -> t.comm)));
        r.add(new Field("proc.aexe", FieldType.STRING, Field.Argument.OPTIONAL,
                "argv[0] of the n-th ancestor; without n, all ancestors' argv[0]", (c, a) -> ancestors(c, a, t -> t.exe)));
        r.add(new Field("proc.aexepath", FieldType.STRING, Field.Argument.OPTIONAL,
                "executable path of the n-th ancestor; without n, all ancestors' paths",
                (c, a) -> ancestors(c, a, t -> t.exepath)));
        r.add("proc.sname", FieldType.STRING, "name of the session leader (the process with pid proc.sid, or the"
                + " eldest ancestor in the same session)", (c, a) -> sessionLeader(c, t -> t.comm));
        r.add("proc.sid.exe", FieldType.STRING, "argv[0] of the session leader", (c, a) -> sessionLeader(c, t -> t.exe));
        r.add("proc.sid.exepath", FieldType.STRING, "executable path of the session leader",
                (c, a) -> sessionLeader(c, t -> t.exepath));
        r.add("proc.vpgid.name", FieldType.STRING, "name of the process group leader",
                (c, a) -> groupLeader(c, t -> t.comm));
        r.add("proc.vpgid.exe", FieldType.STRING, "argv[0] of the process group leader",
                (c, a) -> groupLeader(c, t -> t.exe));
        r.add("proc.vpgid.exepath", FieldType.STRING, "executable path of the process group leader",
                (c, a) -> groupLeader(c, t -> t.exepath));
        r.add("proc.ppid.duration", FieldType.NUMBER, "nanoseconds since the parent process was created", (c, a) -> {
            ThreadInfo p = ancestorOf(c, 1);
            return p == null || p.cloneTs == 0 ? null : c.raw().ts() - p.cloneTs;
        });
        thread(r, "proc.is_sid_leader", FieldType.BOOL, "whether the process leads its session",
                t -> t.sid == t.vpid);
        thread(r, "proc.is_vpgid_leader", FieldType.BOOL, "whether the process leads its process group",
                t -> t.vpgid == t.vpid);
        r.add("proc.duration", FieldType.NUMBER, "nanoseconds since the process was created", (c, a) -> {
            ThreadInfo t = c.thread();
            return t == null || t.cloneTs == 0 ? null : c.raw().ts() - t.cloneTs;
        });
        thread(r, "proc.is_exe_writable", FieldType.BOOL, "whether the executable is writable by its user",
                t -> t.exeWritable);
        thread(r, "proc.is_exe_upper_layer", FieldType.BOOL, "whether the executable is in an overlayfs upper layer",
                t -> t.exeUpperLayer);
        thread(r, "proc.is_exe_from_memfd", FieldType.BOOL, "whether the executable is a memfd_create file",
                t -> t.exeFromMemfd);
        // libsinsp reports 0 (never recorded) as missing for the inode fields
        thread(r, "proc.exe_ino", FieldType.NUMBER, "inode of the executable", t -> nonZero(t.exeIno));
        thread(r, "proc.exe_ino.ctime", FieldType.NUMBER, "ctime of the executable, ns since the epoch",
                t -> nonZero(t.exeInoCtime));
        thread(r, "proc.exe_ino.mtime", FieldType.NUMBER, "mtime of the executable, ns since the epoch",
                t -> nonZero(t.exeInoMtime));
        thread(r, "proc.exe_ino.ctime_duration_proc_start", FieldType.NUMBER,
                "ns between the executable's ctime and the process's clone", t -> nonZero(t.exeInoCtimeDurationCloneTs));
        thread(r, "thread.cap_permitted", FieldType.STRING, "permitted capabilities, space-separated",
                t -> Capabilities.names(t.capPermitted));
        thread(r, "thread.cap_inheritable", FieldType.STRING, "inheritable capabilities, space-separated",
                t -> Capabilities.names(t.capInheritable));
        thread(r, "thread.cap_effective", FieldType.STRING, "effective capabilities, space-separated",
                t -> Capabilities.names(t.capEffective));
        r.add(new Field("proc.apid", FieldType.NUMBER, Field.Argument.REQUIRED, "pid of the n-th ancestor",
                (c, a) -> ancestors(c, a, t -> t.pid)));
    }

    private static Long nonZero(long v) {
        return v == 0 ? null : v;
    }

    private static void thread(FieldRegistry r, String name, FieldType type, String description,
                               Function<ThreadInfo, Object> f) {
        r.add(name, type, description, (c, a) -> c.thread() == null ? null : f.apply(c.thread()));
    }

    /**
     * The session leader as current libsinsp finds it: the thread whose tid is the session id, looked up
     * directly unless the thread is in a pid namespace (where the id is virtual), else the eldest
     * ancestor with the same session id. Empty (not missing) when there is none.
     */
    private static Object sessionLeader(EventContext c, Function<ThreadInfo, Object> f) {
        ThreadInfo t = c.thread();
        if (t == null) {
            return null;
        }
        if (c.edition() == LibsEdition.SYSDIG_2022) {
            return sessionLeader2022(c.state().threads(), t, f);
        }
        return oldestWithSameId(c, t, t.sid, p -> p.sid, f);
    }

    /** The process group leader, found as current libsinsp finds the session leader (by vpgid). */
    private static Object groupLeader(EventContext c, Function<ThreadInfo, Object> f) {
        ThreadInfo t = c.thread();
        return t == null ? null : oldestWithSameId(c, t, t.vpgid, p -> p.vpgid, f);
    }

    private static Object oldestWithSameId(EventContext c, ThreadInfo t, long id, java.util.function.ToLongFunction<ThreadInfo> idOf,
                                           Function<ThreadInfo, Object> f) {
        ThreadTable threads = c.state().threads();
        if (id == -1) {
            return "";
        }
        boolean inPidNamespace = (t.flags & ThreadInfo.CL_CHILD_IN_PIDNS) != 0 || (t.vtid != -1 && t.tid != t.vtid);
        if (!inPidNamespace) {
            ThreadInfo leader = threads.find(id);
            if (leader != null) {
                return f.apply(leader);
            }
        }
        ThreadInfo leader = null;
        ThreadInfo p = threads.parentProcess(t);
        for (int guard = 0; p != null && guard < 4096; guard++) {
            if (idOf.applyAsLong(p) != id) {
                break;
            }
            leader = p;
            p = threads.parentProcess(p);
        }
        return leader == null ? "" : f.apply(leader);
    }

    /**
     * 2022 libsinsp: the thread whose tid is the session id, else the eldest ancestor of the main
     * thread in the same session, else the main thread itself (an unset session id of -1 included).
     */
    private static Object sessionLeader2022(ThreadTable threads, ThreadInfo t, Function<ThreadInfo, Object> f) {
        ThreadInfo leader = threads.find(t.sid);
        if (leader != null) {
            return f.apply(leader);
        }
        ThreadInfo mt = threads.mainThread(t);
        if (mt == null) {
            return null;
        }
        leader = mt;
        ThreadInfo p = threads.find(mt.ptid);
        for (int guard = 0; p != null && p.sid == mt.sid && guard < 4096; guard++) {
            leader = p;
            p = threads.find(p.ptid);
        }
        return f.apply(leader);
    }

    /** loginuid is unsigned 32-bit in the kernel; current libsinsp shows "unset" (0xffffffff) as -1. */
    private static Object loginuid(ThreadInfo t) {
        return t.loginuid == -1 ? -1L : Integer.toUnsignedLong(t.loginuid);
    }

    /**
     * The n-th ancestor process (0 is the process itself), or null. Current libs walk from the main
     * thread to its parent's main thread; 2022 libsinsp starts at the main thread and follows parent
     * tids as they are.
     */
    static ThreadInfo ancestorOf(EventContext c, int n) {
        ThreadTable threads = c.state().threads();
        ThreadInfo t = c.thread();
        if (t == null) {
            return null;
        }
        t = threads.mainThread(t);
        for (int i = 0; i < n && t != null; i++) {
            t = c.edition() == LibsEdition.SYSDIG_2022 ? threads.find(t.ptid) : threads.parentProcess(t);
        }
        return t;
    }

    /** The parent: 2022 libsinsp takes the thread's own parent tid (for a thread, the thread that made it). */
    private static Object parent(EventContext c, Function<ThreadInfo, Object> f) {
        if (c.edition() == LibsEdition.SYSDIG_2022) {
            ThreadInfo t = c.thread() == null ? null : c.state().threads().find(c.thread().ptid);
            return t == null ? null : f.apply(t);
        }
        return ancestor(c, 1, f);
    }

    private static Object ancestor(EventContext c, int n, Function<ThreadInfo, Object> f) {
        ThreadInfo t = ancestorOf(c, n);
        return t == null ? null : f.apply(t);
    }

    private static Object ancestors(EventContext c, String arg, Function<ThreadInfo, Object> f) {
        if (arg != null) {
            try {
                return ancestor(c, Integer.parseInt(arg.trim()), f);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 1; ; n++) {
            ThreadInfo t = ancestorOf(c, n);
            if (t == null || n > 64) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(f.apply(t));
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
