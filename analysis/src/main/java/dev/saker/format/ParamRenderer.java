package dev.saker.format;

import dev.saker.scap.EventInfo;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.ParamType;
import dev.saker.scap.PrintFormat;
import dev.saker.scap.RawEvent;
import dev.saker.state.SocketNames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Renders one parameter of a recorded event following 2022 libsinsp's sinsp_evt::get_param_as_str,
 * with sysdig's defaults (no name resolution, byte buffers cut at 80 characters). The parameter's
 * print format and flag table come from the table entry passed in, which for sysdig compatibility is
 * the 2022 one.
 */
final class ParamRenderer {
    private static final long AT_FDCWD = -100;

    private ParamRenderer() {
    }

    static ParamText render(RawEvent e, EventInfo info, int index, ArgContext ctx, int maxBufferLen) {
        ParamInfo declared = info.params().get(index);
        ParamInfo effective = declared;
        ByteBuffer b = e.buffer();
        int off = e.paramOffset(index);
        int len = e.paramLength(index);
        if (declared.type() == ParamType.DYN && !declared.dynamic().isEmpty() && len != 0) {
            int selector = Byte.toUnsignedInt(b.get(off));
            if (selector < declared.dynamic().size()) {
                effective = declared.dynamic().get(selector);
                off++;
                len--;
            }
        }
        // libsinsp formats numbers with the declared parameter's format, even for a DYN alternative.
        PrintFormat fmt = declared.format();
        ParamType type = effective.type();
        if (len == 0 && type.width > 0) {
            return ParamText.of("<NA>");
        }
        return switch (type) {
            case INT8 -> ParamText.of(CNumbers.int32(b.get(off), fmt));
            case INT16 -> ParamText.of(CNumbers.int32(b.getShort(off), fmt));
            case INT32 -> ParamText.of(CNumbers.int32(b.getInt(off), fmt));
            case UINT8 -> ParamText.of(CNumbers.int32(Byte.toUnsignedInt(b.get(off)), fmt));
            case UINT16 -> ParamText.of(CNumbers.int32(Short.toUnsignedInt(b.getShort(off)), fmt));
            case UINT32 -> ParamText.of(CNumbers.int32(b.getInt(off), fmt));
            case INT64, UINT64 -> ParamText.of(CNumbers.int64(b.getLong(off), fmt));
            case ERRNO -> errno(b.getLong(off));
            case FD -> fd(b.getLong(off), ctx);
            case PID -> pid(b.getLong(off), ctx);
            case FD32 -> fd(b.getInt(off), ctx);
            case PID32 -> pid(b.getInt(off), ctx);
            case CHARBUF -> ParamText.of(PrintableText.cString(b, off, len));
            case FSPATH, FSRELPATH -> path(e, info, declared, b, off, len, ctx);
            case BYTEBUF -> ParamText.of(ByteBufferText.dots(b, off, len, maxBufferLen));
            case SOCKADDR -> ParamText.of(SocketAddresses.sockaddr(b, off, len));
            case SOCKTUPLE -> ParamText.of(SocketAddresses.socktuple(b, off, len));
            case FDLIST -> ParamText.of(FdListText.of(b, off, len, ctx));
            case SYSCALLID -> syscallId(Short.toUnsignedInt(b.getShort(off)));
            case SIGTYPE -> {
                int sig = Byte.toUnsignedInt(b.get(off));
                yield ParamText.of(Integer.toString(sig), SignalNames.of(sig));
            }
            case RELTIME -> relTime(b.getLong(off));
            case FLAGS8, FLAGS16, FLAGS32 -> {
                long v = unsignedOfWidth(b, off, type.width);
                yield ParamText.of(Long.toString(v), FlagNames.of(declared.flags(), v));
            }
            case MODE -> {
                int v = b.getInt(off);
                yield ParamText.of(CNumbers.int32(v, fmt), FlagNames.of(declared.flags(), Integer.toUnsignedLong(v)));
            }
            case ENUMFLAGS8, ENUMFLAGS16, ENUMFLAGS32 -> {
                long v = unsignedOfWidth(b, off, type.width);
                yield ParamText.of(Long.toString(v), FlagNames.enumName(declared.flags(), v));
            }
            case UID -> owner(b.getInt(off), ctx.userName(Integer.toUnsignedLong(b.getInt(off))));
            case GID -> owner(b.getInt(off), ctx.groupName(Integer.toUnsignedLong(b.getInt(off))));
            case SIGSET -> ParamText.of(SignalNames.ofMask(Integer.toUnsignedLong(b.getInt(off))));
            case L4PROTO, SOCKFAMILY -> ParamText.of(Integer.toString(Byte.toUnsignedInt(b.get(off))));
            case PORT -> ParamText.of(Integer.toString(Short.toUnsignedInt(b.getShort(off))));
            case BOOL -> ParamText.of(b.getInt(off) != 0 ? "true" : "false");
            case IPV4ADDR -> ParamText.of(SocketNames.ipv4(b, off));
            case IPV6ADDR -> ParamText.of(SocketNames.ipv6(b, off));
            case DOUBLE -> ParamText.of(CNumbers.g(b.getDouble(off)));
            case CHARBUFARRAY -> ParamText.of(nulSeparated(b, off, len, '.'));
            // 2022 libsinsp has no text form for absolute times and falls through to this message.
            case ABSTIME, DYN -> ParamText.of("INVALID DYNAMIC PARAMETER");
            default -> ParamText.of("(n.a.)");
        };
    }

    /**
     * Appends a number-like parameter straight to {@code out}, exactly as {@link #render} would give
     * it, and answers true: plain decimal integers, pids (with the thread's name) and non-negative
     * errno results. Those are most of what sysdig's lines print, and this skips a String and a
     * ParamText per value. False, with nothing appended, for every other parameter.
     */
    static boolean appendNumber(StringBuilder out, RawEvent e, ParamInfo declared, int index, ArgContext ctx) {
        int len = e.paramLength(index);
        if (len == 0) {
            return false;
        }
        ByteBuffer b = e.buffer();
        int off = e.paramOffset(index);
        ParamType type = declared.type();
        switch (type) {
            case PID -> appendPid(out, b.getLong(off), ctx);
            case PID32 -> appendPid(out, b.getInt(off), ctx);
            case ERRNO -> {
                long v = b.getLong(off);
                if (v < 0) {
                    return false;
                }
                out.append(v);
            }
            default -> {
                PrintFormat fmt = declared.format();
                if (fmt == PrintFormat.HEX || fmt == PrintFormat.OCT || fmt == PrintFormat.PADDED_DEC_10) {
                    return false;
                }
                switch (type) {
                    case INT8 -> out.append((int) b.get(off));
                    case INT16 -> out.append((int) b.getShort(off));
                    case INT32, UINT32 -> out.append(b.getInt(off));
                    case UINT8 -> out.append(Byte.toUnsignedInt(b.get(off)));
                    case UINT16 -> out.append(Short.toUnsignedInt(b.getShort(off)));
                    case INT64, UINT64 -> out.append(b.getLong(off));
                    default -> {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** {@link #pid} appended: the number, then the thread's name in parentheses when there is one. */
    private static void appendPid(StringBuilder out, long pid, ArgContext ctx) {
        out.append(pid);
        String name = ctx.threadName(pid);
        if (name != null && !name.isEmpty()) {
            out.append('(').append(name).append(')');
        }
    }

    private static long unsignedOfWidth(ByteBuffer b, int off, int width) {
        return switch (width) {
            case 1 -> Byte.toUnsignedLong(b.get(off));
            case 2 -> Short.toUnsignedLong(b.getShort(off));
            default -> Integer.toUnsignedLong(b.getInt(off));
        };
    }

    private static ParamText errno(long v) {
        return ParamText.of(Long.toString(v), v < 0 ? ErrnoNames.ofResult(v) : null);
    }

    /** render_fd: "<type>name" when the thread knows the fd, AT_FDCWD, or the errno name of a negative fd. */
    private static ParamText fd(long fd, ArgContext ctx) {
        String raw = Long.toString(fd);
        if (!ctx.hasThread()) {
            return ParamText.of(raw);
        }
        if (fd >= 0) {
            FdView view = ctx.fd(fd);
            if (view == null) {
                return ParamText.of(raw);
            }
            StringBuilder tag = new StringBuilder("<");
            tag.append(view.typeChar());
            if (view.l4Char() != 0) {
                tag.append(view.l4Char());
            }
            return ParamText.of(raw, tag.append('>').append(PrintableText.sanitize(view.name())).toString());
        }
        if (fd == AT_FDCWD) {
            return ParamText.of(raw, "AT_FDCWD");
        }
        return ParamText.of(raw, ErrnoNames.ofResult(fd));
    }

    private static ParamText pid(long pid, ArgContext ctx) {
        return ParamText.of(Long.toString(pid), ctx.threadName(pid));
    }

    private static ParamText path(RawEvent e, EventInfo info, ParamInfo declared, ByteBuffer b, int off, int len,
                                  ArgContext ctx) {
        String raw = PrintableText.sanitizedCString(b, off, len);
        if (!ctx.hasThread() || len == 0 || raw.startsWith("<NA>")) {
            return ParamText.of(raw);
        }
        String base = baseDirectory(e, info, declared, ctx);
        // libsinsp resolves the recorded bytes, not the sanitised text: bytes map 1:1 to chars here.
        String recorded = latin1UpToNul(b, off, len);
        return ParamText.of(raw, PathResolution.resolve(base, recorded));
    }

    /** get_base_dir: the cwd, or for a *at path with a real dirfd that fd's path plus '/' ("" when unknown). */
    private static String baseDirectory(RawEvent e, EventInfo info, ParamInfo declared, ArgContext ctx) {
        String cwd = ctx.cwd() == null ? "" : ctx.cwd();
        int dirIndex = declared.dirfdIndex();
        if (declared.type() != ParamType.FSRELPATH || dirIndex < 0 || dirIndex >= info.nparams()
                || info.params().get(dirIndex).type() != ParamType.FD || e.paramLength(dirIndex) != 8) {
            return cwd;
        }
        long dirfd = e.signed(dirIndex);
        if (dirfd == AT_FDCWD) {
            return cwd;
        }
        FdView dir = ctx.fd(dirfd);
        if (dir == null || dir.name() == null || dir.name().isEmpty()) {
            return "";
        }
        return PrintableText.sanitize(dir.name()) + "/";
    }

    private static String latin1UpToNul(ByteBuffer b, int off, int len) {
        int end = off;
        while (end < off + len && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - off];
        b.get(off, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static ParamText syscallId(int id) {
        String name = dev.saker.scap.EventSchema.legacy2022().syscallName(id);
        if (name == null) {
            return ParamText.of("<unknown syscall>");
        }
        return ParamText.of(Integer.toString(id), name);
    }

    private static ParamText relTime(long v) {
        if (v == -1) {
            return ParamText.of("none");
        }
        double seconds = unsignedToDouble(v) / 1_000_000_000d;
        return ParamText.of(Long.toUnsignedString(v), CNumbers.g(seconds) + "s");
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0 + (v & 1);
        return v >= 0 ? (double) v : d;
    }

    /** UID/GID: "-1(<NONE>)" for the unset value, else the number with the name or "<NA>". */
    private static ParamText owner(int id, String name) {
        if (id == -1) {
            return ParamText.of("-1", "<NONE>");
        }
        return ParamText.of(Integer.toString(id), name == null ? "<NA>" : PrintableText.sanitize(name));
    }

    private static String nulSeparated(ByteBuffer b, int off, int len, char separator) {
        byte[] bytes = new byte[len];
        b.get(off, bytes);
        int end = len > 0 && bytes[len - 1] == 0 ? len - 1 : len;
        return new String(bytes, 0, end, StandardCharsets.UTF_8).replace('\0', separator);
    }
}
