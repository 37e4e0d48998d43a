package dev.saker.fields;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.EventTypes;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.ParamType;
import dev.saker.scap.RawEvent;
import java.nio.charset.StandardCharsets;

/**
 * evt.* fields read from one parameter of the event: evt.rawarg.NAME (the value as recorded) and the
 * open-mode tests evt.is_open_read/write/exec/create. evt.buffer waits for a byte-buffer field type:
 * its only use in the official rules is {@code bcontains}, which string fields reject. evt.arg.NAME, a rendering, lives with
 * the other renderings in dev.saker.format. Current libsinsp reads the current-schema event, 2022's
 * the event as recorded.
 */
final class EvtArgFields {
    static final int O_RDONLY = 1;
    static final int O_WRONLY = 1 << 1;
    static final int O_CREAT = 1 << 2;
    static final int O_TMPFILE = 1 << 13;
    static final int O_F_CREATED = 1 << 14;
    /** PPM_S_IXUSR | PPM_S_IXGRP | PPM_S_IXOTH. */
    static final int EXEC_MODE_BITS = (1 << 6) | (1 << 3) | 1;

    private EvtArgFields() {
    }

    static void register(FieldRegistry r) {
        r.add(new Field("evt.rawarg", FieldType.STRING, Field.Argument.REQUIRED,
                "an argument by name as recorded (evt.rawarg.res): numbers as numbers",
                new FieldRegistry.TypedByArgument() {
                    @Override
                    public Object extract(EventContext c, String arg) {
                        return rawarg(c, arg);
                    }

                    @Override
                    public FieldType typeFor(String arg) {
                        ParamType t = declaredType(arg);
                        return t != null && isNumeric(t) ? FieldType.NUMBER : FieldType.STRING;
                    }
                }));
        r.add("evt.is_open_read", FieldType.BOOL, "whether an open call opened for reading",
                (c, a) -> openFlags(c, O_RDONLY));
        r.add("evt.is_open_write", FieldType.BOOL, "whether an open call opened for writing",
                (c, a) -> openFlags(c, O_WRONLY));
        r.add("evt.is_open_create", FieldType.BOOL, "whether an open call created its file", EvtArgFields::openCreate);
        r.add("evt.is_open_exec", FieldType.BOOL, "whether an open or creat call created an executable file",
                (c, a) -> openExec(c));
    }

    /** The event fields read: the current-schema form for current libs, the recorded one for 2022. */
    static RawEvent event(EventContext c) {
        return c.edition() == LibsEdition.CURRENT && c.current() != null ? c.current() : c.raw();
    }

    /** The type libsinsp gives evt.rawarg.NAME: the first event in the table with such a parameter. */
    static ParamType declaredType(String name) {
        EventSchema s = EventSchema.current();
        for (int t = 0; t < s.size(); t++) {
            EventInfo info = s.info(t);
            if (info == null) {
                continue;
            }
            for (ParamInfo p : info.params()) {
                if (p.name().equals(name)) {
                    return p.type();
                }
            }
        }
        return null;
    }

    static boolean isNumeric(ParamType t) {
        return switch (t) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, ERRNO, FD, PID, SYSCALLID, SIGTYPE,
                    RELTIME, ABSTIME, PORT, L4PROTO, SOCKFAMILY, BOOL, FLAGS8, FLAGS16, FLAGS32, UID, GID, SIGSET,
                    MODE, ENUMFLAGS8, ENUMFLAGS16, ENUMFLAGS32, FD32, PID32 -> true;
            default -> false;
        };
    }

    private static Object rawarg(EventContext c, String name) {
        RawEvent e = event(c);
        EventInfo info = e.info();
        if (info == null || name == null) {
            return null;
        }
        int i = info.paramIndex(name);
        if (i < 0 || i >= e.nparams() || e.isEmpty(i)) {
            return null;
        }
        ParamType t = info.params().get(i).type();
        if (isNumeric(t)) {
            return t.isSigned() ? e.signed(i) : e.number(i);
        }
        if (t.isString()) {
            return e.string(i);
        }
        return new String(e.bytes(i), StandardCharsets.ISO_8859_1);
    }

    private static boolean isOpenExit(int type) {
        return type == EventTypes.SYSCALL_OPEN_X || type == EventTypes.SYSCALL_OPENAT_2_X
                || type == EventTypes.SYSCALL_OPENAT2_X || type == EventTypes.SYSCALL_OPEN_BY_HANDLE_AT_X;
    }

    private static long param(RawEvent e, String name) {
        int i = e.info() == null ? -1 : e.info().paramIndex(name);
        return i < 0 || i >= e.nparams() || e.isEmpty(i) ? 0 : e.number(i);
    }

    private static Object openFlags(EventContext c, int bit) {
        RawEvent e = event(c);
        return isOpenExit(e.type()) && (param(e, "flags") & bit) != 0;
    }

    private static Object openCreate(EventContext c, String arg) {
        RawEvent e = event(c);
        if (!isOpenExit(e.type())) {
            return false;
        }
        long flags = param(e, "flags");
        if ((flags & O_F_CREATED) != 0) {
            return true;
        }
        int res = EvtFields.resIndex(e);
        return (flags & O_TMPFILE) != 0 && res >= 0 && e.signed(res) >= 0;
    }

    private static Object openExec(EventContext c) {
        RawEvent e = event(c);
        if (e.type() == EventTypes.SYSCALL_CREAT_X) {
            return (param(e, "mode") & EXEC_MODE_BITS) != 0;
        }
        if (!isOpenExit(e.type()) || e.type() == EventTypes.SYSCALL_OPEN_BY_HANDLE_AT_X) {
            return false;
        }
        long flags = param(e, "flags");
        return (flags & (O_TMPFILE | O_CREAT)) != 0 && (param(e, "mode") & EXEC_MODE_BITS) != 0;
    }
}
