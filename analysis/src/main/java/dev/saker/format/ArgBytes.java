package dev.saker.format;

import dev.saker.scap.EventInfo;
import dev.saker.scap.FlagTable;
import dev.saker.scap.ParamInfo;
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

    // How a parameter is written, decided once per event type from its declared type and format:
    // a style in the low byte, the value's width in bytes above it, and whether it is read signed.
    private static final int GENERAL = 0;
    private static final int DEC = 1;
    private static final int HEX = 2;
    private static final int PID = 3;
    private static final int ERRNO = 4;
    private static final int FD = 5;
    private static final int FLAGS = 6;
    private static final int BYTEBUF = 7;
    private static final int CHARBUF = 8;
    /** Texts that depend on the value alone (ParamRenderer's relTime, with C's %g, and signal names). */
    private static final int BY_VALUE = 9;
    private static final int SIGNED = 1 << 16;
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
        int number = fmt == PrintFormat.HEX ? HEX : fmt == PrintFormat.OCT || fmt == PrintFormat.PADDED_DEC_10 ? GENERAL : DEC;
        // C promotes 8- and 16-bit values to int and prints a uint32 with %d: only UINT8/16 read unsigned
        return switch (p.type()) {
            case INT8 -> how(number, 1, true);
            case INT16 -> how(number, 2, true);
            case INT32, UINT32 -> how(number, 4, true);
            case UINT8 -> how(number, 1, false);
            case UINT16 -> how(number, 2, false);
            case INT64, UINT64 -> how(number, 8, true);
            case PID -> how(PID, 8, true);
            case PID32 -> how(PID, 4, true);
            case ERRNO -> how(ERRNO, 8, true);
            case FD -> how(FD, 8, true);
            case FD32 -> how(FD, 4, true);
            case FLAGS8 -> how(FLAGS, 1, false);
            case FLAGS16 -> how(FLAGS, 2, false);
            case FLAGS32 -> how(FLAGS, 4, false);
            case BYTEBUF -> BYTEBUF;
            case CHARBUF -> CHARBUF;
            case RELTIME -> how(BY_VALUE, 8, true);
            case SIGTYPE -> how(BY_VALUE, 1, false);
            default -> GENERAL;
        };
    }

    private static int how(int style, int width, boolean signed) {
        return style == GENERAL ? GENERAL : style | width << 8 | (signed ? SIGNED : 0);
    }

    /**
     * Writes the parameter and answers true, or answers false with nothing written (an empty
     * fixed-width value, "<NA>", and non-ASCII strings take the general path). Every numeric style
     * but hex starts with the decimal value, written at one place, then adds its resolved part:
     * keeping one copy of the digit code makes this hot method small for the JIT.
     */
    private boolean direct(LineBytes out, RawEvent e, int how, Layout layout, int i, ArgContext ctx,
                           int maxBufferLen) {
        int len = e.paramLength(i);
        ByteBuffer b = e.buffer();
        int off = e.paramOffset(i);
        int style = how & 0xFF;
        if (style == BYTEBUF) {
            boolean cut = maxBufferLen > 0 && len > maxBufferLen;
            out.dots(b, off, cut ? maxBufferLen - 3 : len);
            if (cut) {
                out.ascii('.').ascii('.').ascii('.');
            }
            return true;
        }
        if (style == CHARBUF) {
            // PrintableText.cString decodes UTF-8: only pure ASCII is its own encoding.
            return out.asciiCString(b, off, len);
        }
        if (len == 0) {
            return false;   // "<NA>"
        }
        int width = (how >>> 8) & 0xFF;
        long v = e.fixed(i, width, (how & SIGNED) != 0);
        if (style == HEX) {
            out.hex(width == 8 ? v : v & 0xFFFF_FFFFL);   // the hex of C's promoted int
            return true;
        }
        if (style == BY_VALUE) {
            byValue(out, e, how, layout, i, ctx, v);
            return true;
        }
        out.number(v);
        switch (style) {
            case PID -> threadName(out, v, ctx);
            case ERRNO -> errnoName(out, v);
            case FD -> fdName(out, v, ctx);
            case FLAGS -> flagNames(out, layout.flags[i], v);
            default -> {
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

    private static void errnoName(LineBytes out, long v) {
        String name = v < 0 ? ErrnoNames.ofResult(v) : null;
        if (name != null) {
            out.ascii('(').text(name).ascii(')');
        }
    }

    private void flagNames(LineBytes out, FlagTable table, long v) {
        String names = flagNames(table, v);
        if (!names.isEmpty()) {
            out.ascii('(').text(names).ascii(')');
        }
    }

    /** ParamRenderer.pid's resolved part: the thread's name, when there is a thread with one. */
    private static void threadName(LineBytes out, long pid, ArgContext ctx) {
        String name = ctx.threadName(pid);
        if (name != null && !name.isEmpty()) {
            out.ascii('(').text(name).ascii(')');
        }
    }

    /** ParamRenderer.fd's resolved part: "(<type>name)" when the thread knows the fd, AT_FDCWD, or the errno name. */
    private static void fdName(LineBytes out, long fd, ArgContext ctx) {
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
            errnoName(out, fd);
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
