package dev.saker.state;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.EventTypes;
import dev.saker.scap.FdEntry;
import dev.saker.scap.GroupEntry;
import dev.saker.scap.InterfaceEntry;
import dev.saker.scap.MachineInfo;
import dev.saker.scap.MetadataListener;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.RawEvent;
import dev.saker.scap.UserEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The system as the capture describes it at the current event: threads and their fds, users and
 * groups, containers, interfaces, the machine. Fed with the metadata blocks (as a
 * {@link MetadataListener}) and then, in order, with every event: {@link #observe} with each event
 * as recorded, then {@link #apply} with its current-schema form (see EventConverter), which is
 * where libsinsp's parsers change state.
 */
public final class SystemState implements MetadataListener {
    private final ParserRevision revision;
    private final ThreadTable threads = new ThreadTable();
    private final UserTable users = new UserTable();
    private final ContainerTable containers = new ContainerTable();
    private final List<InterfaceEntry> interfaces = new ArrayList<>();
    private final ProcessEvents processEvents = new ProcessEvents(this);
    private final FdEvents fdEvents = new FdEvents(this);
    private MachineInfo machine;
    /** A thread whose exit was seen; removed before the next event, as libsinsp delays it. */
    private long tidToRemove = -1;
    private ThreadInfo lastContainerThread;
    private final java.util.Set<Integer> serverPorts = new java.util.HashSet<>();
    private boolean socketsToOrient;
    /** What the previous process-list entry decoded to: its threads' entries follow with the same lists. */
    private final ThreadFactory.PreviousLists previousListed = new ThreadFactory.PreviousLists();

    public SystemState(ParserRevision revision) {
        this.revision = revision;
    }

    /** State with current libsinsp's (Falco's) rules. */
    public SystemState() {
        this(ParserRevision.CURRENT);
    }

    public ParserRevision revision() {
        return revision;
    }

    public ThreadTable threads() {
        return threads;
    }

    public UserTable users() {
        return users;
    }

    public ContainerTable containers() {
        return containers;
    }

    public List<InterfaceEntry> interfaces() {
        return interfaces;
    }

    public MachineInfo machine() {
        return machine;
    }

    @Override
    public void onMachineInfo(MachineInfo info) {
        machine = info;
    }

    @Override
    public void onProcess(ProcessEntry p) {
        ThreadInfo t = ThreadFactory.fromProcessEntry(p, previousListed);
        if (revision == ParserRevision.LIBS_2022) {
            // 2022 libscap read the process list only up to the capabilities (libs bd92e4fa6, 2023,
            // added the fields after them): tty, pid-namespace start and the exe inode stay unknown
            t.tty = 0;
            t.pidnsInitStartTs = 0;
            t.exeUpperLayer = false;
            t.exeFromMemfd = false;
            t.exeIno = 0;
            t.exeInoCtime = 0;
            t.exeInoMtime = 0;
        }
        threads.add(t);
    }

    @Override
    public void onFd(FdEntry fd) {
        ThreadInfo t = threads.find(fd.tid());
        if (t != null) {
            t.fdTable.put(fd.fd(), FdInfo.from(fd));
        }
        if (fd.type() == FdEntry.IPV4_SERVSOCK || fd.type() == FdEntry.IPV6_SERVSOCK) {
            serverPorts.add(fd.sport());
        }
        socketsToOrient = true;
    }

    /**
     * Sockets read from /proc carry no direction; like libsinsp, an IPv4 connection whose local port
     * is a port some process listens on is the server side (addresses swapped), any other a client.
     */
    private void orientSocketsFromProc() {
        for (ThreadInfo t : threads.all()) {
            for (FdInfo f : t.fdTable.all()) {
                if (f.type != FdEntry.IPV4_SOCK) {
                    continue;
                }
                if (serverPorts.contains(f.sport)) {
                    TupleUpdates.swap(f);
                    f.name = SocketNames.tuple(f.sip, f.sport, f.dip, f.dport);
                    f.flags |= FdInfo.FLAG_ROLE_SERVER;
                } else {
                    f.flags |= FdInfo.FLAG_ROLE_CLIENT;
                }
            }
        }
    }

    @Override
    public void onInterface(InterfaceEntry iface) {
        interfaces.add(iface);
    }

    @Override
    public void onUser(UserEntry user) {
        users.addUser("", user);
    }

    @Override
    public void onGroup(GroupEntry group) {
        users.addGroup("", group);
    }

    /**
     * Every event as recorded: finishes a pending thread removal and, like libsinsp's per-event
     * reset, makes sure the event's thread exists (an unknown tid becomes a {@code <NA>} thread),
     * except for events that never name a real thread.
     */
    public void observe(RawEvent raw) {
        if (socketsToOrient) {
            orientSocketsFromProc();
            socketsToOrient = false;
        }
        if (tidToRemove != -1) {
            threads.remove(tidToRemove);
            tidToRemove = -1;
        }
        int type = raw.type();
        EventInfo info = raw.info();
        if (info == null || (info.flags() & EventInfo.EF_SKIPPARSERESET) != 0 || createsNoThread(type)) {
            return;
        }
        threads.findOrCreateForEvent(raw.tid());
    }

    /**
     * Per type, whether the reset creates no thread for it (a table: this runs for every event). Sized
     * by the schema, not by every 16-bit type: all the types of the switch below are in the schema
     * (SystemStateTest checks the table against the switch for every type), and filling 65,536 entries
     * in the class initialiser, where the interpreter resolves each static access afresh, cost about
     * 20 ms of every start.
     */
    private static final boolean[] CREATES_NO_THREAD = createsNoThreadTable(EventSchema.current().size());

    private static boolean[] createsNoThreadTable(int size) {
        boolean[] table = new boolean[size];
        for (int t = 0; t < size; t++) {
            table[t] = createsNoThreadCase(t);
        }
        return table;
    }

    static boolean createsNoThread(int type) {
        int t = type & 0xFFFF;
        return t < CREATES_NO_THREAD.length && CREATES_NO_THREAD[t];
    }

    static boolean createsNoThreadCase(int type) {
        return switch (type) {
            case EventTypes.SYSCALL_CLONE_11_X, EventTypes.SYSCALL_CLONE_16_X, EventTypes.SYSCALL_CLONE_17_X,
                    EventTypes.SYSCALL_CLONE_20_X, EventTypes.SYSCALL_FORK_X, EventTypes.SYSCALL_FORK_17_X,
                    EventTypes.SYSCALL_FORK_20_X, EventTypes.SYSCALL_VFORK_X, EventTypes.SYSCALL_VFORK_17_X,
                    EventTypes.SYSCALL_VFORK_20_X, EventTypes.SYSCALL_CLONE3_X, EventTypes.SCHEDSWITCH_6_E,
                    EventTypes.SCHEDSWITCH_1_E, EventTypes.CONTAINER_JSON_E, EventTypes.CONTAINER_JSON_2_E,
                    EventTypes.CONTAINER_E -> true;
            default -> false;
        };
    }

    /** Applies one event in the current (exit-only) schema. */
    public void apply(RawEvent e) {
        if (!processEvents.apply(e)) {
            fdEvents.apply(e);
        }
    }

    void scheduleRemoval(long tid) {
        tidToRemove = tid;
    }

    /** The thread with this tid, or null when the capture never introduced it. */
    public ThreadInfo thread(long tid) {
        return threads.find(tid);
    }

    /**
     * The thread an event is attributed to: its tid's thread, or for a container metadata event the
     * stand-in thread libsinsp gives it (tid -1, comm "container:ID").
     */
    public ThreadInfo eventThread(RawEvent raw) {
        int type = raw.type();
        if (type == EventTypes.CONTAINER_JSON_E || type == EventTypes.CONTAINER_JSON_2_E) {
            return lastContainerThread;
        }
        return threads.find(raw.tid());
    }

    void containerSeen(ContainerInfo c) {
        ThreadInfo t = new ThreadInfo();
        t.tid = -1;
        t.pid = -1;
        t.vtid = -2;
        t.vpid = -2;
        // 2022 libsinsp's stand-in is a root thread whose parent tid is 0
        t.ptid = 0;
        t.uid = 0;
        t.gid = 0;
        t.loginuid = 0;
        t.comm = "container:" + c.id();
        t.exe = "";
        t.containerId = c.id();
        lastContainerThread = t;
    }

    /** The fd of a thread, or null. */
    public FdInfo fd(ThreadInfo t, long fd) {
        return t == null ? null : threads.fds(t).get(fd);
    }
}
