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

    // How a parameter is written, decided once per event type from its declared type and format.
    private static final int GENERAL = 0;
    private static final int DEC_S8 = 1;
    private static final int DEC_S16 = 2;
    private static final int DEC_32 = 3;
    private static final int DEC_U8 = 4;
    private static final int DEC_U16 = 5;
    private static final int DEC_64 = 6;
    private static final int HEX_S8 = 7;
    private static final int HEX_S16 = 8;
    private static final int HEX_32 = 9;
    private static final int HEX_U8 = 10;
    private static final int HEX_U16 = 11;
    private static final int HEX_64 = 12;
    private static final int PID_64 = 13;
    private static final int PID_32 = 14;
    private static final int ERRNO = 15;
    private static final int FD_64 = 16;
    private static final int FD_32 = 17;
    private static final int FLAGS_8 = 18;
    private static final int FLAGS_16 = 19;
    private static final int FLAGS_32 = 20;
    private static final int BYTEBUF = 21;
    private static final int CHARBUF = 22;
    /** Texts that depend on the value alone (ParamRenderer's relTime, with C's %g, and signal names). */
    private static final int RELTIME = 23;
    private static final int SIGTYPE = 24;
    private static final int VALUE_CACHE = 256;

    private final long[] valueKeys = new long[VALUE_CACHE];
    private final int[] valueHows = new int[VALUE_CACHE];
    private final byte[][] valueTexts = new byte[VALUE_CACHE][];

    /** Per event type: "name=" of every parameter, encoded, and how each is written. */
    private record Layout(EventInfo info, byte[][] names, int[] hows, FlagTable[] flags) {
    }

    private Layout[] layouts = new Layout[512];

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
        Layout layout = layout(info);
        byte[][] names = layout.names;
        int[] hows = layout.hows;
        for (int i = 0; i < n; i++) {
            out.bytes(names[i]);
            int how = hows[i];
            if (how == GENERAL || !direct(out, e, how, layout, i, ctx, maxBufferLen)) {
                ParamText t = ParamRenderer.render(e, info, i, ctx, maxBufferLen);
                out.fresh(t.raw());
                if (!t.resolved().isEmpty()) {
                    out.ascii('(').fresh(t.resolved()).ascii(')');
                }
            }
            out.ascii(' ');
        }
    }

    private Layout layout(EventInfo info) {
        int type = info.type();
        if (type >= layouts.length) {
            layouts = java.util.Arrays.copyOf(layouts, Math.max(type + 1, layouts.length * 2));
        }
        Layout layout = layouts[type];
        if (layout == null || layout.info != info) {
            byte[][] names = new byte[info.nparams()][];
            int[] hows = new int[names.length];
            FlagTable[] flags = new FlagTable[names.length];
            for (int i = 0; i < names.length; i++) {
                ParamInfo p = info.params().get(i);
                names[i] = (p.name() + "=").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                hows[i] = howOf(p);
                flags[i] = p.flags();
            }
            layout = new Layout(info, names, hows, flags);
            layouts[type] = layout;
        }
        return layout;
    }

    /** The byte path for a declared parameter, following the matching case of {@link ParamRenderer#render}. */
    private static int howOf(ParamInfo p) {
        PrintFormat fmt = p.format();
        boolean hex = fmt == PrintFormat.HEX;
        if (fmt == PrintFormat.OCT || fmt == PrintFormat.PADDED_DEC_10) {
            switch (p.type()) {
                case INT8, INT16, INT32, UINT8, UINT16, UINT32, INT64, UINT64 -> {
                    return GENERAL;   // rare: CNumbers through the general path
                }
                default -> {
                }
            }
        }
        return switch (p.type()) {
            case INT8 -> hex ? HEX_S8 : DEC_S8;
            case INT16 -> hex ? HEX_S16 : DEC_S16;
            case INT32, UINT32 -> hex ? HEX_32 : DEC_32;
            case UINT8 -> hex ? HEX_U8 : DEC_U8;
            case UINT16 -> hex ? HEX_U16 : DEC_U16;
            case INT64, UINT64 -> hex ? HEX_64 : DEC_64;
            case PID -> PID_64;
            case PID32 -> PID_32;
            case ERRNO -> ERRNO;
            case FD -> FD_64;
            case FD32 -> FD_32;
            case FLAGS8 -> FLAGS_8;
            case FLAGS16 -> FLAGS_16;
            case FLAGS32 -> FLAGS_32;
            case BYTEBUF -> BYTEBUF;
            case CHARBUF -> CHARBUF;
            case RELTIME -> RELTIME;
            case SIGTYPE -> SIGTYPE;
            default -> GENERAL;
        };
    }

    /**
     * Writes the parameter and answers true, or answers false with nothing written (an empty
     * fixed-width value, "<NA>", and non-ASCII strings take the general path). C promotes 8- and
     * 16-bit values to int and prints a uint32 with %d; hex is that of the promoted value (CNumbers).
     */
    private boolean direct(LineBytes out, RawEvent e, int how, Layout layout, int i, ArgContext ctx,
                           int maxBufferLen) {
        int len = e.paramLength(i);
        ByteBuffer b = e.buffer();
        int off = e.paramOffset(i);
        if (how == BYTEBUF) {
            boolean cut = maxBufferLen > 0 && len > maxBufferLen;
            out.dots(b, off, cut ? maxBufferLen - 3 : len);
            if (cut) {
                out.ascii('.').ascii('.').ascii('.');
            }
            return true;
        }
        if (how == CHARBUF) {
            // PrintableText.cString decodes UTF-8: only pure ASCII is its own encoding.
            return out.asciiCString(b, off, len);
        }
        if (len == 0) {
            return false;   // "<NA>"
        }
        switch (how) {
            case DEC_S8 -> out.number(b.get(off));
            case DEC_S16 -> out.number(b.getShort(off));
            case DEC_32 -> out.number(b.getInt(off));
            case DEC_U8 -> out.number(Byte.toUnsignedInt(b.get(off)));
            case DEC_U16 -> out.number(Short.toUnsignedInt(b.getShort(off)));
            case DEC_64 -> out.number(b.getLong(off));
            case HEX_S8 -> out.hex(Integer.toUnsignedLong(b.get(off)));
            case HEX_S16 -> out.hex(Integer.toUnsignedLong(b.getShort(off)));
            case HEX_32 -> out.hex(Integer.toUnsignedLong(b.getInt(off)));
            case HEX_U8 -> out.hex(Byte.toUnsignedInt(b.get(off)));
            case HEX_U16 -> out.hex(Short.toUnsignedInt(b.getShort(off)));
            case HEX_64 -> out.hex(b.getLong(off));
            case PID_64 -> pid(out, b.getLong(off), ctx);
            case PID_32 -> pid(out, b.getInt(off), ctx);
            case ERRNO -> errno(out, b.getLong(off));
            case FD_64 -> fd(out, b.getLong(off), ctx);
            case FD_32 -> fd(out, b.getInt(off), ctx);
            case FLAGS_8 -> flags(out, layout.flags[i], Byte.toUnsignedLong(b.get(off)));
            case FLAGS_16 -> flags(out, layout.flags[i], Short.toUnsignedLong(b.getShort(off)));
            case FLAGS_32 -> flags(out, layout.flags[i], Integer.toUnsignedLong(b.getInt(off)));
            case RELTIME -> byValue(out, e, how, layout, i, ctx, b.getLong(off));
            case SIGTYPE -> byValue(out, e, how, layout, i, ctx, Byte.toUnsignedLong(b.get(off)));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The general path's text for a value whose text depends on nothing else, remembered by value. */
    private void byValue(LineBytes out, RawEvent e, int how, Layout layout, int i, ArgContext ctx, long v) {
        long h = (v * 31 + how) * 0x9E3779B97F4A7C15L;
        int slot = (int) ((h ^ (h >>> 29)) & (VALUE_CACHE - 1));
        byte[] text = valueTexts[slot];
        if (text == null || valueKeys[slot] != v || valueHows[slot] != how) {
            ParamText t = ParamRenderer.render(e, layout.info, i, ctx, 0);
            String s = t.resolved().isEmpty() ? t.raw() : t.raw() + "(" + t.resolved() + ")";
            text = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            valueKeys[slot] = v;
            valueHows[slot] = how;
            valueTexts[slot] = text;
        }
        out.bytes(text);
    }

    private static void errno(LineBytes out, long v) {
        out.number(v);
        String name = v < 0 ? ErrnoNames.ofResult(v) : null;
        if (name != null) {
            out.ascii('(').text(name).ascii(')');
        }
    }

    private void flags(LineBytes out, FlagTable table, long v) {
        out.number(v);
        String names = flagNames(table, v);
        if (!names.isEmpty()) {
            out.ascii('(').text(names).ascii(')');
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
