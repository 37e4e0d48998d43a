package dev.saker.state;

import dev.saker.scap.ProcessEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds threads from process-list entries and decodes the NUL-separated lists events carry. */
final class ThreadFactory {
    private ThreadFactory() {
    }

    /**
     * The lists decoded from the previous process-list entry. The list has an entry per thread, a
     * process's threads follow one another and carry the same arguments, environment and cgroups
     * (a capture of this machine: 657 entries, 209 distinct), so comparing bytes with the previous
     * entry saves decoding most of them at every start. Lists are immutable and threads share them
     * anyway (a clone takes its parent's).
     */
    static final class PreviousLists {
        private byte[] args;
        private byte[] env;
        private byte[] cgroups;
        private List<String> argsList;
        private List<String> envList;
        private List<String> cgroupsList;
        private String containerId;
    }

    static ThreadInfo fromProcessEntry(ProcessEntry p, PreviousLists previous) {
        ThreadInfo t = new ThreadInfo();
        t.tid = p.tid;
        t.pid = p.pid;
        t.ptid = p.ptid;
        t.sid = p.sid;
        t.vpgid = p.vpgid;
        t.comm = p.comm;
        t.exe = p.exe;
        t.exepath = p.exepath;
        t.args = Arrays.equals(p.args, previous.args) ? previous.argsList : nulSeparated(p.args, 0, p.args.length);
        t.env = Arrays.equals(p.env, previous.env) ? previous.envList : nulSeparated(p.env, 0, p.env.length);
        boolean sameCgroups = Arrays.equals(p.cgroups, previous.cgroups);
        t.cgroups = sameCgroups ? previous.cgroupsList : nulSeparated(p.cgroups, 0, p.cgroups.length);
        t.cwd = withTrailingSlash(p.cwd);
        t.root = p.root;
        t.fdlimit = p.fdlimit;
        t.flags = p.flags;
        t.uid = p.uid;
        t.gid = p.gid;
        t.loginuid = p.loginuid;
        t.tty = p.tty;
        t.vtid = p.vtid;
        t.vpid = p.vpid;
        t.capInheritable = p.capInheritable;
        t.capPermitted = p.capPermitted;
        t.capEffective = p.capEffective;
        t.exeWritable = p.exeWritable;
        t.pidnsInitStartTs = p.pidnsInitStartTs;
        t.exeUpperLayer = p.exeUpperLayer;
        t.exeFromMemfd = p.exeFromMemfd;
        t.exeIno = p.exeIno;
        t.exeInoCtime = p.exeInoCtime;
        t.exeInoMtime = p.exeInoMtime;
        t.containerId = sameCgroups ? previous.containerId : ContainerIds.fromCgroups(t.cgroups);
        previous.args = p.args;
        previous.env = p.env;
        previous.cgroups = p.cgroups;
        previous.argsList = t.args;
        previous.envList = t.env;
        previous.cgroupsList = t.cgroups;
        previous.containerId = t.containerId;
        return t;
    }

    /** libsinsp keeps directories with a trailing '/'. */
    static String withTrailingSlash(String dir) {
        if (dir.isEmpty() || dir.endsWith("/")) {
            return dir;
        }
        return dir + "/";
    }

    /** Splits NUL-separated strings, dropping one trailing NUL as libsinsp does. */
    static List<String> nulSeparated(byte[] b, int off, int len) {
        if (len == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int end = off + len;
        if (b[end - 1] == 0) {
            end--;
        }
        if (end == off) {
            return List.of();
        }
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == 0) {
                out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        out.add(new String(b, start, end - start, StandardCharsets.UTF_8));
        return List.copyOf(out);
    }
}
