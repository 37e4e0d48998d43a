package dev.saker.fields;

import dev.saker.scap.EventInfo;
import dev.saker.scap.RawEvent;
import dev.saker.state.FdInfo;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;

/**
 * Everything a field may look at for one event, after the event has been applied to the state (as
 * libsinsp evaluates fields after parsing): its number, the event as recorded, its current-schema
 * form, the state, the event's thread and the file descriptor the event refers to.
 *
 * <p>One context is reused for every event of a stream; values are valid until the next event.
 */
public final class EventContext {
    long num;
    RawEvent raw;
    RawEvent current;
    SystemState state;
    ThreadInfo thread;
    LibsEdition edition = LibsEdition.CURRENT;
    int flags;
    boolean fdRelated;
    long fdNum = -1;
    FdInfo fd;
    boolean fdNameChanged;
    boolean passedOver;
    /** The thread is looked up only when asked for (events a demand-driven pass passed over). */
    boolean threadPending;

    public EventContext() {
    }

    /** Sets every part at once; for callers that drive state themselves, and for tests. */
    public EventContext set(long evtNum, RawEvent recorded, RawEvent currentForm, SystemState systemState,
                            ThreadInfo eventThread, boolean fdRelatedEvent, long eventFdNum, FdInfo eventFd) {
        this.num = evtNum;
        this.raw = recorded;
        this.current = currentForm;
        this.state = systemState;
        this.thread = eventThread;
        this.fdRelated = fdRelatedEvent;
        this.flags = recorded.info() == null ? 0 : recorded.info().flags();
        this.fdNum = eventFdNum;
        this.fd = eventFd;
        this.fdNameChanged = false;
        this.passedOver = false;
        this.threadPending = false;
        return this;
    }

    /** evt.num: the event's position among the events the reader delivered, from 1. */
    public long num() {
        return num;
    }

    /** The event as recorded (sysdig 0.29.3 evaluates this form). */
    public RawEvent raw() {
        return raw;
    }

    /** The event in the current schema, or null when the converter consumed it (an old enter event). */
    public RawEvent current() {
        return current;
    }

    public SystemState state() {
        return state;
    }

    /** The event's thread, or null for events that have none (scheduler, container metadata). */
    public ThreadInfo thread() {
        if (threadPending) {
            thread = state.eventThread(raw);
            threadPending = false;
        }
        return thread;
    }

    /** Whether the event creates, uses or destroys an fd: only then do fd.* fields have values. */
    public boolean fdRelated() {
        return fdRelated;
    }

    /** libsinsp's m_lastevent_fd of the thread after parsing: fd.num. */
    public long fdNum() {
        return fdNum;
    }

    /** The fd the event refers to, or null when unknown (e.g. a failed open). */
    public FdInfo fd() {
        return fd;
    }

    /**
     * fd.name_changed: whether parsing the event changed the name of its fd (libsinsp compares the
     * name after parsing with the name the fd had when the event looked it up; a new fd had "").
     */
    public boolean fdNameChanged() {
        return fdNameChanged;
    }

    /**
     * Whether a demand-driven pass ({@link InspectedEvents#demand}) passed over this event: only its
     * number, raw bytes, state and thread are valid; no field may be evaluated on it.
     */
    public boolean passedOver() {
        return passedOver;
    }

    /** Whose semantics the fields follow where 2022 and current libs differ. */
    public LibsEdition edition() {
        return edition;
    }

    /** The event's EF_* flags, from the table the pipeline chose (see {@link LibsEdition}). */
    public int flags() {
        return flags;
    }

    public EventInfo info() {
        return raw.info();
    }

    public boolean isEnter() {
        return (raw.type() & 1) == 0;
    }
}
