package dev.saker.format;

import dev.saker.scap.EventInfo;
import dev.saker.scap.FlagTable;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.ParamType;
import dev.saker.scap.PrintFormat;
import dev.saker.scap.RawEvent;
import java.nio.ByteBuffer;

/**
 * {@link EventArgs#append} written as UTF-8 bytes: the same text, byte for byte. The parameter types
 * most lines carry (numbers, fds with their names, errno results, flags, byte buffers, plain strings)
 * are written straight from the event's bytes and from texts encoded once; every other type goes
 * through {@link ParamRenderer#render}, the one definition of the text, and is encoded here.
 * One instance per output (it keeps caches); not for sharing between threads.
 */
final class ArgBytes {
    private static final long AT_FDCWD = -100;
    private static final int FLAG_CACHE = 1024;

    /** Flag texts by table and value: the names a flags value resolves to never change. */
    private final FlagTable[] flagTables = new FlagTable[FLAG_CACHE];
    private final long[] flagValues = new long[FLAG_CACHE];
    private final String[] flagTexts = new String[FLAG_CACHE];
    /** "name=" of every parameter, encoded, by event type (the table entry of a type never changes). */
    private byte[][][] paramNames = new byte[512][][];

    /** Appends the args part of sysdig's line, with its trailing space (see {@link EventArgs#append}). */
    void append(LineBytes out, RawEvent e, ArgContext ctx, int maxBufferLen) {
        int type = e.type();
        // sysdig prints no arguments for generic events: their ID is only used to name the syscall.
        if (type == 0 || type == 1) {
            return;
        }
        EventInfo info = EventArgs.tableEntry(e);
        if (info == null) {
            return;
        }
        int n = Math.min(info.nparams(), e.nparams());
        byte[][] names = names(info);
        for (int i = 0; i < n; i++) {
            ParamInfo declared = info.params().get(i);
            out.bytes(names[i]);
            if (!direct(out, e, declared, i, ctx, maxBufferLen)) {
                ParamText t = ParamRenderer.render(e, info, i, ctx, maxBufferLen);
                out.fresh(t.raw());
                if (!t.resolved().isEmpty()) {
                    out.ascii('(').fresh(t.resolved()).ascii(')');
                }
            }
            out.ascii(' ');
        }
    }

    private byte[][] names(EventInfo info) {
        int type = info.type();
        if (type >= paramNames.length) {
            paramNames = java.util.Arrays.copyOf(paramNames, Math.max(type + 1, paramNames.length * 2));
        }
        byte[][] names = paramNames[type];
        if (names == null) {
            names = new byte[info.nparams()][];
            for (int i = 0; i < names.length; i++) {
                names[i] = (info.params().get(i).name() + "=").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            paramNames[type] = names;
        }
        return names;
    }

    /**
     * Writes the parameter when its type has a byte path here and answers true; false, with nothing
     * written, for the others. Each case follows the matching one of {@link ParamRenderer#render}.
     */
    private boolean direct(LineBytes out, RawEvent e, ParamInfo declared, int i, ArgContext ctx, int maxBufferLen) {
        int len = e.paramLength(i);
        ParamType type = declared.type();
        if (len == 0 && type != ParamType.BYTEBUF && type != ParamType.CHARBUF) {
            return false;   // "<NA>" and friends: the general path
        }
        ByteBuffer b = e.buffer();
        int off = e.paramOffset(i);
        switch (type) {
            case INT8 -> number(out, b.get(off), declared.format(), true);
            case INT16 -> number(out, b.getShort(off), declared.format(), true);
            case INT32, UINT32 -> number(out, b.getInt(off), declared.format(), true);
            case UINT8 -> number(out, Byte.toUnsignedInt(b.get(off)), declared.format(), true);
            case UINT16 -> number(out, Short.toUnsignedInt(b.getShort(off)), declared.format(), true);
            case INT64, UINT64 -> number(out, b.getLong(off), declared.format(), false);
            case PID -> pid(out, b.getLong(off), ctx);
            case PID32 -> pid(out, b.getInt(off), ctx);
            case ERRNO -> {
                long v = b.getLong(off);
                out.number(v);
                String name = v < 0 ? ErrnoNames.ofResult(v) : null;
                if (name != null) {
                    out.ascii('(').text(name).ascii(')');
                }
            }
            case FD -> fd(out, b.getLong(off), ctx);
            case FD32 -> fd(out, b.getInt(off), ctx);
            case FLAGS8, FLAGS16, FLAGS32 -> {
                long v = switch (type.width) {
                    case 1 -> Byte.toUnsignedLong(b.get(off));
                    case 2 -> Short.toUnsignedLong(b.getShort(off));
                    default -> Integer.toUnsignedLong(b.getInt(off));
                };
                out.number(v);
                String names = flagNames(declared.flags(), v);
                if (!names.isEmpty()) {
                    out.ascii('(').text(names).ascii(')');
                }
            }
            case BYTEBUF -> {
                boolean cut = maxBufferLen > 0 && len > maxBufferLen;
                out.dots(b, off, cut ? maxBufferLen - 3 : len);
                if (cut) {
                    out.ascii('.').ascii('.').ascii('.');
                }
            }
            case CHARBUF -> {
                // PrintableText.cString decodes UTF-8: only pure ASCII is its own encoding.
                if (!out.asciiCString(b, off, len)) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A plain number parameter: decimal, or the promoted value's upper-case hex (CNumbers). */
    private static void number(LineBytes out, long v, PrintFormat fmt, boolean int32) {
        if (fmt == PrintFormat.HEX) {
            out.hex(int32 ? Integer.toUnsignedLong((int) v) : v);
        } else if (fmt == PrintFormat.OCT || fmt == PrintFormat.PADDED_DEC_10) {
            out.fresh(int32 ? CNumbers.int32((int) v, fmt) : CNumbers.int64(v, fmt));
        } else {
            out.number(v);
        }
    }

    private static void pid(LineBytes out, long pid, ArgContext ctx) {
        out.number(pid);
        String name = ctx.threadName(pid);
        if (name != null && !name.isEmpty()) {
            out.ascii('(').text(name).ascii(')');
        }
    }

    /** ParamRenderer.fd: "fd(<type>name)" when the thread knows the fd, AT_FDCWD, or the errno name. */
    private static void fd(LineBytes out, long fd, ArgContext ctx) {
        out.number(fd);
        if (!ctx.hasThread()) {
            return;
        }
        if (fd >= 0) {
            FdView view = ctx.fd(fd);
            if (view == null) {
                return;
            }
            out.ascii('(').ascii('<').utf8Char(view.typeChar());
            if (view.l4Char() != 0) {
                out.utf8Char(view.l4Char());
            }
            out.ascii('>');
            if (view.name() != null) {
                out.sanitized(view.name());
            }
            out.ascii(')');
        } else if (fd == AT_FDCWD) {
            out.ascii('(').text("AT_FDCWD").ascii(')');
        } else {
            String name = ErrnoNames.ofResult(fd);
            if (name != null) {
                out.ascii('(').text(name).ascii(')');
            }
        }
    }

    private String flagNames(FlagTable table, long value) {
        if (table == null) {
            return "";
        }
        long h = (System.identityHashCode(table) * 31L + value) * 0x9E3779B97F4A7C15L;
        int slot = (int) ((h ^ (h >>> 29)) & (FLAG_CACHE - 1));
        if (flagTables[slot] == table && flagValues[slot] == value) {
            return flagTexts[slot];
        }
        String text = FlagNames.of(table, value);
        flagTables[slot] = table;
        flagValues[slot] = value;
        flagTexts[slot] = text;
        return text;
    }
}
