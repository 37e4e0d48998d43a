package dev.saker.fields;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.RawEvent;
import dev.saker.state.ParserRevision;

/**
 * Whose semantics the fields follow where the 2022 libs inside sysdig 0.29.3 and current libs
 * (Falco's) differ. {@link #CURRENT} is Falco's view; {@link #SYSDIG_2022} reproduces
 * {@code sysdig -r} output. The differences:
 * <ul>
 *   <li>event flags: current libs mark mmap/mmap2 as using an fd, the 2022 table does not (fd.*, evt.is_io);</li>
 *   <li>generic syscall names come from each edition's syscall table (sigreturn vs rt_sigreturn);</li>
 *   <li>an exit that does not follow its own enter event: 2022 keeps the thread's stale last fd
 *       (0 for a new thread), current libs use the exit's fd parameter;</li>
 *   <li>user and group names: 2022 looks them up in the host's table and has no name for an unknown id;
 *       current libs look in the thread's container's table and call an unknown id 0 "root";</li>
 *   <li>fd.cport of a non-IP socket: 2022 falls through to an empty port (0), current libs have none;</li>
 *   <li>event types newer than the 2022 table (e.g. user/group added) do not exist for the 2022 reader:
 *       not numbered, not parsed;</li>
 *   <li>a second connect() on a socket with a known peer: current libs take the new peer, 2022 keeps the
 *       first ({@link ParserRevision});</li>
 *   <li>container events at the very start of a capture: 2022 parses them while opening the file and
 *       never delivers them (they are still numbered).</li>
 * </ul>
 * Types the 2022 table lacks use the current flags and names.
 */
public enum LibsEdition {
    CURRENT, SYSDIG_2022;

    /** evt.type of an event in this edition: a generic event's syscall name, else its type's name (null: unknown type). */
    public String typeName(RawEvent e) {
        return EvtFields.type(e, this);
    }

    int flags(RawEvent e) {
        if (this == SYSDIG_2022) {
            EventInfo old = EventSchema.legacy2022().info(e.type());
            if (old != null) {
                return old.flags();
            }
        }
        EventInfo info = e.info();
        return info == null ? 0 : info.flags();
    }

    /** The state rules of the same libs. */
    ParserRevision parserRevision() {
        return this == SYSDIG_2022 ? ParserRevision.LIBS_2022 : ParserRevision.CURRENT;
    }

    /** The schema whose generic-syscall names evt.type shows. */
    EventSchema syscallNames() {
        return this == SYSDIG_2022 ? EventSchema.legacy2022() : EventSchema.current();
    }
}
