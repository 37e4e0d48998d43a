package dev.saker.format;

import dev.saker.scap.FdEntry;
import dev.saker.scap.GroupEntry;
import dev.saker.scap.MetadataListener;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.RawEvent;
import dev.saker.scap.UserEntry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@link ArgContext} learned from sysdig itself, standing in for the state layer in the oracle
 * test: per displayed event, sysdig's own view of the event's thread (tid, pid, comm, cwd) and of the
 * event's fd. Fds and thread names not touched by the current event come from the latest event that
 * showed them, seeded with the capture's process, fd and user tables, plus two parser rules sysdig's
 * fields cannot show (a clone names its child thread; pipe creates two fds). It is an approximation
 * of libsinsp's state, so a mismatch it causes is reported as a context difference, not a rendering one.
 */
final class OracleContext implements MetadataListener {
    /** The -p format that prints the facts, tab separated. */
    static final String FORMAT =
            "*%evt.num\t%thread.tid\t%proc.pid\t%proc.name\t%proc.cwd\t%fd.num\t%fd.typechar\t%fd.l4proto\t%fd.type\t%fd.name";

    record Facts(String threadTid, long tid, long pid, String comm, String cwd, long fdNum, FdView fd) {
    }

    private final Map<Long, Facts> factsByNum = new HashMap<>();
    private final Map<Long, String> comms = new HashMap<>();
    private final Map<Long, Long> pidOfTid = new HashMap<>();
    private final Map<Long, Map<Long, FdView>> fdsByPid = new HashMap<>();
    private final Map<Long, String> users = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();

    static OracleContext learn(Path capture) {
        OracleContext ctx = new OracleContext();
        for (String line : SysdigRun.output(capture, "-p", FORMAT).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 10 || !f[0].matches("\\d+")) {
                continue;
            }
            long fdNum = f[5].matches("-?\\d+") ? Long.parseLong(f[5]) : Long.MIN_VALUE;
            // Without an fd table entry sysdig still prints a type character ('o') but no fd.type.
            FdView fd = fdNum == Long.MIN_VALUE || f[6].equals("<NA>") || f[8].equals("<NA>") ? null
                    : new FdView(f[6].isEmpty() ? 0 : f[6].charAt(0), l4Char(f[7]), f[9]);
            ctx.factsByNum.put(Long.parseLong(f[0]), new Facts(f[1], parse(f[1]), parse(f[2]), f[3], f[4], fdNum, fd));
        }
        return ctx;
    }

    private static final int CLONE_X = 15;
    private static final int PIPE_X = 61;
    private static final int TID_INDEX = 3;
    private static final int VTID_INDEX = 18;
    private static final java.util.Set<Integer> CLONE_EXITS = java.util.Set.of(CLONE_X, 157, 183, 185, 217, 219, 221,
            223, 225, 227, 335);

    private static long parse(String s) {
        return s.matches("-?\\d+") ? Long.parseLong(s) : Long.MIN_VALUE;
    }

    private static char l4Char(String proto) {
        return switch (proto) {
            case "tcp" -> 't';
            case "udp" -> 'u';
            case "icmp" -> 'i';
            case "raw" -> 'r';
            default -> 0;
        };
    }

    @Override
    public void onProcess(ProcessEntry p) {
        comms.put(p.tid, p.comm);
        pidOfTid.put(p.tid, p.pid);
    }

    @Override
    public void onFd(FdEntry fd) {
        char type = typeChar(fd.type());
        if (type != 0) {
            fdsByPid.computeIfAbsent(fd.tid(), k -> new HashMap<>()).put(fd.fd(), new FdView(type, fd.name()));
        }
    }

    /** libsinsp's fd type characters (socket names are left to the events that show them). */
    private static char typeChar(int type) {
        return switch (type) {
            case FdEntry.FILE, FdEntry.FILE_V2 -> 'f';
            case FdEntry.DIRECTORY -> 'd';
            case FdEntry.FIFO -> 'p';
            case FdEntry.EVENT -> 'e';
            case FdEntry.SIGNALFD -> 's';
            case FdEntry.EVENTPOLL -> 'l';
            case FdEntry.INOTIFY -> 'i';
            case FdEntry.TIMERFD -> 't';
            case FdEntry.IPV4_SOCK, FdEntry.IPV4_SERVSOCK -> '4';
            case FdEntry.IPV6_SOCK, FdEntry.IPV6_SERVSOCK -> '6';
            case FdEntry.UNIX_SOCK -> 'u';
            case FdEntry.NETLINK -> 'n';
            default -> 0;
        };
    }

    @Override
    public void onUser(UserEntry u) {
        users.put(Integer.toUnsignedLong(u.uid()), u.name());
    }

    @Override
    public void onGroup(GroupEntry g) {
        groups.put(Integer.toUnsignedLong(g.gid()), g.name());
    }

    /** What sysdig printed as proc.name and thread.tid for displayed event {@code num}. */
    Facts facts(long num) {
        return factsByNum.get(num);
    }

    /** The context for displayed event {@code num}, after folding in what sysdig showed for it. */
    ArgContext at(long num, RawEvent e) {
        Facts facts = factsByNum.get(num);
        if (facts == null) {
            return ArgContext.NONE;
        }
        boolean hasThread = !facts.comm().equals("<NA>") || facts.pid() != Long.MIN_VALUE;
        if (hasThread) {
            comms.put(facts.tid(), facts.comm());
            pidOfTid.put(facts.tid(), facts.pid());
        }
        Map<Long, FdView> fds = fdsByPid.computeIfAbsent(facts.pid(), k -> new HashMap<>());
        if (facts.fd() != null) {
            fds.put(facts.fdNum(), facts.fd());
        }
        // A parent's clone exit adds the child, unless the parent is in a pid namespace (res is then a vtid).
        boolean inNamespace = e.nparams() > VTID_INDEX && e.signed(TID_INDEX) != e.signed(VTID_INDEX);
        if (CLONE_EXITS.contains(e.type()) && e.nparams() > 0 && e.signed(0) > 0 && !inNamespace) {
            comms.put(e.signed(0), facts.comm());
        }
        if (e.type() == PIPE_X && e.nparams() >= 3 && facts.fd() != null) {
            fds.put(e.signed(1), facts.fd());
            fds.put(e.signed(2), facts.fd());
        }
        return new ArgContext() {
            @Override
            public boolean hasThread() {
                return hasThread;
            }

            @Override
            public FdView fd(long fd) {
                return fds.get(fd);
            }

            @Override
            public String threadName(long tid) {
                return comms.get(tid);
            }

            @Override
            public String cwd() {
                return facts.cwd().equals("<NA>") ? null : facts.cwd();
            }

            @Override
            public String userName(long uid) {
                return users.get(uid);
            }

            @Override
            public String groupName(long gid) {
                return groups.get(gid);
            }
        };
    }
}
