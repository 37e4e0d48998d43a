package dev.saker.format;

/**
 * The state an event's arguments need to be rendered the way sysdig renders them: the fd table and
 * working directory of the event's thread, other threads' names and the capture's user and group
 * lists. One context describes the state as it is after the event has been parsed, which is when
 * sysdig formats it. Every lookup may answer null ("not known"), and sysdig then prints only the
 * raw value.
 */
public interface ArgContext {

    /** A context that knows nothing: every argument prints as its raw value. */
    ArgContext NONE = new ArgContext() {
    };

    /**
     * Whether libsinsp has a thread for the event. Without one it prints fds and paths unresolved, and
     * negative fds without their errno name.
     */
    default boolean hasThread() {
        return false;
    }

    /** The event thread's fd {@code fd}, or null. */
    default FdView fd(long fd) {
        return null;
    }

    /** The command name (comm) of thread {@code tid}, or null when there is no such thread. */
    default String threadName(long tid) {
        return null;
    }

    /** The event thread's working directory, ending with '/', or null when unknown. */
    default String cwd() {
        return null;
    }

    /** The user name for {@code uid} from the capture's user list, or null. */
    default String userName(long uid) {
        return null;
    }

    /** The group name for {@code gid} from the capture's group list, or null. */
    default String groupName(long gid) {
        return null;
    }
}
