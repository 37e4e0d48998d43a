package dev.saker.state;

import dev.saker.scap.ConversionTable;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.EventTypes;

/**
 * The event types (as recorded) whose events may change the state beyond libsinsp's per-event
 * bookkeeping ({@link SystemState#observe}: thread creation, delayed removal): the ones
 * {@link SystemState#apply} acts on, directly or after the converter rebuilt them as another type.
 * An event of any other type can be passed over by a consumer that does not read it, with only the
 * bookkeeping done, and every later event is still exact. Conservative on purpose:
 * <ul>
 *   <li>the types ProcessEvents and FdEvents handle (keep the lists below in step with their switches);</li>
 *   <li>every type that reads or writes an fd (ReadWriteTuples: a transfer marks an inet socket
 *       connected, sendto/recvfrom and friends name sockets), creates or destroys one;</li>
 *   <li>every old type the converter may turn into one of those;</li>
 *   <li>the other direction of each of these (an exit's conversion reads its stored enter event).</li>
 * </ul>
 */
public final class StateChangingTypes {
    /** ProcessEvents.apply's cases. */
    private static final int[] PROCESS = {
        EventTypes.SYSCALL_CLONE_20_X, EventTypes.SYSCALL_FORK_20_X, EventTypes.SYSCALL_VFORK_20_X,
        EventTypes.SYSCALL_CLONE3_X, EventTypes.SYSCALL_EXECVE_19_X, EventTypes.SYSCALL_EXECVEAT_X,
        EventTypes.PROCEXIT_1_E, EventTypes.SYSCALL_CHDIR_X, EventTypes.SYSCALL_FCHDIR_X, EventTypes.SYSCALL_SETUID_X,
        EventTypes.SYSCALL_SETGID_X, EventTypes.SYSCALL_SETRESUID_X, EventTypes.SYSCALL_SETREUID_X,
        EventTypes.SYSCALL_SETRESGID_X, EventTypes.SYSCALL_SETREGID_X, EventTypes.SYSCALL_CHROOT_X,
        EventTypes.USER_ADDED_E, EventTypes.USER_DELETED_E, EventTypes.GROUP_ADDED_E, EventTypes.GROUP_DELETED_E,
        EventTypes.CONTAINER_JSON_E, EventTypes.CONTAINER_JSON_2_E,
    };
    /** FdEvents.apply's cases (its default, ReadWriteTuples, is covered by the fd flags). */
    private static final int[] FD = {
        EventTypes.SYSCALL_OPEN_X, EventTypes.SYSCALL_CREAT_X, EventTypes.SYSCALL_OPENAT_2_X, EventTypes.SYSCALL_OPENAT2_X,
        EventTypes.SYSCALL_OPEN_BY_HANDLE_AT_X, EventTypes.SOCKET_SOCKET_X, EventTypes.SOCKET_BIND_X,
        EventTypes.SOCKET_CONNECT_E, EventTypes.SOCKET_CONNECT_X, EventTypes.SOCKET_ACCEPT_5_X,
        EventTypes.SOCKET_ACCEPT4_6_X, EventTypes.SYSCALL_CLOSE_X, EventTypes.SYSCALL_DUP_1_X, EventTypes.SYSCALL_DUP2_X,
        EventTypes.SYSCALL_DUP3_X, EventTypes.SYSCALL_FCNTL_X, EventTypes.SYSCALL_PIPE_X, EventTypes.SYSCALL_PIPE2_X,
        EventTypes.SOCKET_SOCKETPAIR_X, EventTypes.SYSCALL_EVENTFD_X, EventTypes.SYSCALL_EVENTFD2_X,
        EventTypes.SYSCALL_SIGNALFD_X, EventTypes.SYSCALL_SIGNALFD4_X, EventTypes.SYSCALL_TIMERFD_CREATE_X,
        EventTypes.SYSCALL_INOTIFY_INIT_X, EventTypes.SYSCALL_INOTIFY_INIT1_X, EventTypes.SYSCALL_EPOLL_CREATE_X,
        EventTypes.SYSCALL_EPOLL_CREATE1_X, EventTypes.SYSCALL_USERFAULTFD_X, EventTypes.SYSCALL_IO_URING_SETUP_X,
        EventTypes.SYSCALL_BPF_2_X, EventTypes.SYSCALL_MEMFD_CREATE_X, EventTypes.SYSCALL_PIDFD_OPEN_X,
        EventTypes.SYSCALL_PIDFD_GETFD_X,
    };
    private static final int FD_STATE_FLAGS = EventInfo.EF_CREATES_FD | EventInfo.EF_DESTROYS_FD
            | EventInfo.EF_READS_FROM_FD | EventInfo.EF_WRITES_TO_FD | EventInfo.EF_MODIFIES_STATE;
    private static final boolean[] CHANGING = compute(EventSchema.current(), EventSchema.legacy2022(),
            ConversionTable.libscap());

    private StateChangingTypes() {
    }

    /** Whether events of this recorded type may change the state (true for types outside the table). */
    public static boolean mayChange(int type) {
        return type < 0 || type >= CHANGING.length || CHANGING[type];
    }

    static boolean[] compute(EventSchema schema, EventSchema legacy, ConversionTable table) {
        int n = schema.size();
        boolean[] out = new boolean[n];
        for (int t : PROCESS) {
            out[t] = true;
        }
        for (int t : FD) {
            out[t] = true;
        }
        for (int t = 0; t < n; t++) {
            EventInfo info = schema.info(t);
            EventInfo old = legacy.info(t);
            if (info == null || (info.flags() & FD_STATE_FLAGS) != 0 || old != null && (old.flags() & FD_STATE_FLAGS) != 0) {
                out[t] = true;
            }
        }
        // an old type the converter rebuilds as a changing one changes state too; pairs go together
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ConversionTable.Conversion c : table.entries()) {
                if (c.action() == ConversionTable.Action.CHANGE_TYPE && c.targetType() >= 0 && c.targetType() < n
                        && out[c.targetType()] && c.type() < n && !out[c.type()]) {
                    out[c.type()] = true;
                    grew = true;
                }
            }
            for (int t = 0; t < n; t++) {
                if (out[t] && (t ^ 1) < n && !out[t ^ 1]) {
                    out[t ^ 1] = true;
                    grew = true;
                }
            }
        }
        return out;
    }
}
