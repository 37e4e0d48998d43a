package dev.saker.scap;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a libscap savefile block by block: section headers and metadata go to a
 * {@link MetadataListener}, events come back one at a time as a reused {@link RawEvent} view over the
 * read buffer, exactly as recorded (see {@link EventConverter} for the current-schema view).
 * Gzip-compressed files are recognised by content. Offsets are positions in the uncompressed
 * stream; {@link #readAt(long)} re-reads the event block at such an offset.
 */
public final class ScapReader implements AutoCloseable {
    private static final int BLOCK_HEADER = 8;
    private static final int V1_HEADER = V1Events.V1_HEADER;
    /** libscap's READER_BUF_SIZE: the most a non-large event block may carry after its 8-byte header. */
    private static final long MAX_EVENT_BLOCK = 1 << 16;
    /** No metadata or large event block comes near this; a bigger length is damage, not data. */
    private static final long MAX_BLOCK = 1L << 30;

    private final Path path;
    private final boolean gzip;
    private final BlockInput input;
    private final MetadataListener listener;
    private final EventSchema schema = EventSchema.current();
    private final RawEvent event = new RawEvent();
    private byte[] v1Scratch = new byte[1 << 16];
    private int sections;
    private long events;
    private long skippedUnknown;
    private boolean finished;
    private CaptureFormatException failure;
    private CaptureRandomAccess randomAccess;

    private ScapReader(Path path, boolean gzip, InputStream in, LongSupplier plainSize, MetadataListener listener) {
        this.path = path;
        this.gzip = gzip;
        this.input = new BlockInput(in, 0, gzip ? null : plainSize);
        this.listener = new ListenerShield(listener);
    }

    /** Opens a capture and reads its first section header; fails if the file is not a capture. */
    public static ScapReader open(Path path, MetadataListener listener) throws IOException {
        return open(path, Files.newInputStream(path), () -> sizeNow(path), listener);
    }

    public static ScapReader open(Path path) throws IOException {
        return open(path, MetadataListener.NONE);
    }

    /**
     * Reads a capture (plain or gzip) from a stream of {@code size} bytes (-1 if unknown). Such a reader
     * has no file behind it, so {@link #readAt(long)} is unavailable.
     */
    static ScapReader open(InputStream in, long size, MetadataListener listener) throws IOException {
        return open(null, in, size < 0 ? null : () -> size, listener);
    }

    /** The file's current size; a file that cannot be asked is treated as unbounded, the stream decides. */
    private static long sizeNow(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static ScapReader open(Path path, InputStream raw, LongSupplier size, MetadataListener listener)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        InputStream in = buffered;
        boolean gzip;
        try {
            gzip = startsWithGzipMagic(buffered);
            if (gzip) {
                in = new GZIPInputStream(buffered, 1 << 16);
            }
        } catch (EOFException | ZipException e) {
            buffered.close();
            throw new CaptureFormatException(0, "not a libscap capture: gzip-compressed, but the gzip header is damaged ("
                    + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
        ScapReader reader = new ScapReader(path, gzip, in, size, listener);
        try {
            reader.expectSectionHeader();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    public Path path() {
        return path;
    }

    public boolean isCompressed() {
        return gzip;
    }

    /** Number of section headers read so far. */
    public int sections() {
        return sections;
    }

    /** Events returned so far. */
    public long eventsRead() {
        return events;
    }

    /** Event blocks skipped because their type is beyond the event table (as libscap skips them). */
    public long skippedUnknownTypes() {
        return skippedUnknown;
    }

    /** Offset in the uncompressed stream of the next block to be read. */
    public long position() {
        return input.position();
    }

    /** Bytes the read window holds now; tests use it to show memory stays in proportion to the file. */
    int windowCapacity() {
        return input.capacity();
    }

    private void expectSectionHeader() throws IOException {
        int got = input.require(BLOCK_HEADER);
        String after = gzip ? " (after gzip decompression)" : "";
        if (got == 0) {
            throw new CaptureFormatException(0, "not a libscap capture: the file is empty" + after);
        }
        if (got < BLOCK_HEADER || input.buffer().getInt(input.index()) != BlockType.SHB) {
            throw new CaptureFormatException(0, "not a libscap capture: no section header block at the start" + after);
        }
        readGuarded();
    }

    /**
     * The next event, or null at the end of the capture. The returned view is valid until the next
     * call. A damaged block throws {@link CaptureFormatException}; the events before it have all been
     * returned, and every later call throws the same exception again.
     */
    public RawEvent next() throws IOException {
        while (!finished) {
            if (readGuarded()) {
                events++;
                return event;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    /**
     * {@link #readBlock()}, but a damaged block ends the capture for good, and a decoding slip on
     * hostile bytes (which would be a reader bug) still surfaces as a format error at the block,
     * with the bug kept as the cause.
     */
    private boolean readGuarded() throws IOException {
        long at = input.position();
        try {
            return readBlock();
        } catch (CaptureFormatException e) {
            finished = true;
            failure = e;
            throw e;
        } catch (ListenerFailure e) {
            throw e.original;
        } catch (RuntimeException e) {
            finished = true;
            failure = new CaptureFormatException(at, "unreadable block (" + e + ")", e);
            throw failure;
        }
    }

    /** Reads one block; true when it was an event now bound to {@link #event}. */
    private boolean readBlock() throws IOException {
        long at = input.position();
        int got = input.require(BLOCK_HEADER);
        if (got == 0) {
            finished = true;
            return false;
        }
        if (got < BLOCK_HEADER) {
            throw new CaptureFormatException(at, "truncated block header (" + got + " of 8 bytes)");
        }
        byte[] a = input.buffer().array();   // the window is a heap buffer at array offset 0
        int type = LittleEndian.i32(a, input.index());
        long total = Integer.toUnsignedLong(LittleEndian.i32(a, input.index() + 4));
        checkLength(type, total, at);
        int have = input.require(total);
        if (have < total) {
            throw truncated(type, total, have, at);
        }
        ByteBuffer b = input.buffer();
        a = b.array();
        int start = input.index();
        int trailer = LittleEndian.i32(a, start + (int) total - 4);
        if (Integer.toUnsignedLong(trailer) != total) {
            throw new CaptureFormatException(at, String.format("block type 0x%X: trailing length %d does not match %d",
                    type, Integer.toUnsignedLong(trailer), total));
        }
        int bodyStart = start + BLOCK_HEADER;
        int bodyLen = (int) total - BLOCK_HEADER - 4;
        boolean isEvent = false;
        try {
            if (BlockType.isEvent(type)) {
                isEvent = bindEvent(b, type, bodyStart, bodyLen, at);
            } else {
                readMetadata(b, type, bodyStart, bodyLen, at);
            }
        } catch (CaptureFormatException e) {
            throw e.offset() >= 0 ? e : new CaptureFormatException(at, e.getMessage());
        }
        input.skip((int) total);
        return isEvent;
    }

    /** Rejects a length no real block can have before anything is read or allocated for it. */
    private void checkLength(int type, long total, long at) throws CaptureFormatException {
        if (total < BLOCK_HEADER + 4) {
            throw new CaptureFormatException(at, "block length " + total + " is smaller than a block's framing");
        }
        if (BlockType.isEvent(type) && type != BlockType.EV_V2_LARGE && type != BlockType.EVF_V2_LARGE
                && total - BLOCK_HEADER > MAX_EVENT_BLOCK) {
            // libscap's reader refuses these too: its buffer for non-large event blocks is 64 KiB.
            throw new CaptureFormatException(at, String.format("event block type 0x%X declares %d bytes, more than the %d a"
                    + " non-large event block may have", type, total, MAX_EVENT_BLOCK + BLOCK_HEADER));
        }
        if (total > MAX_BLOCK) {
            throw new CaptureFormatException(at, String.format("block type 0x%X declares %d bytes, more than any real block"
                    + " (limit %d)", type, total, MAX_BLOCK));
        }
        if (!input.mayHold(total)) {
            throw truncated(type, total, input.knownRemaining(), at);
        }
    }

    private static CaptureFormatException truncated(int type, long total, long have, long at) {
        return new CaptureFormatException(at, String.format("truncated block: type 0x%X declares %d bytes, only %d present",
                type, total, have));
    }

    private void readMetadata(ByteBuffer b, int type, int bodyStart, int bodyLen, long at) throws IOException {
        int plVersion = BlockType.processListVersion(type);
        if (type == BlockType.SHB) {
            BodyCursor c = MetadataParser.cursor(b, bodyStart, bodyLen, at, "section header");
            int magic = c.u32();
            if (magic != BlockType.BYTE_ORDER_MAGIC) {
                throw new CaptureFormatException(at, String.format("invalid byte order magic 0x%08X in section header", magic));
            }
            int major = c.u16();
            int minor = c.u16();
            if (major > 1) {
                throw new CaptureFormatException(at, "unsupported capture version " + major + "." + minor);
            }
            listener.onSection(sections++, major, minor);
        } else if (type == BlockType.MI || type == BlockType.MI_INT) {
            listener.onMachineInfo(MetadataParser.machineInfo(MetadataParser.cursor(b, bodyStart, bodyLen, at, "machine info")));
        } else if (plVersion > 0) {
            MetadataParser.processList(MetadataParser.cursor(b, bodyStart, bodyLen, at, "process list"), plVersion, listener);
        } else if (type == BlockType.FDL || type == BlockType.FDL_INT || type == BlockType.FDL_V2) {
            MetadataParser.fdList(MetadataParser.cursor(b, bodyStart, bodyLen, at, "fd list"), type == BlockType.FDL_V2, listener);
        } else if (type == BlockType.IL || type == BlockType.IL_INT || type == BlockType.IL_V2) {
            MetadataParser.interfaceList(MetadataParser.cursor(b, bodyStart, bodyLen, at, "interface list"),
                    type == BlockType.IL_V2, listener);
        } else if (type == BlockType.UL || type == BlockType.UL_INT || type == BlockType.UL_V2) {
            MetadataParser.userList(MetadataParser.cursor(b, bodyStart, bodyLen, at, "user list"),
                    type == BlockType.UL_V2, listener);
        }
        // Any other block type is unknown to libscap too and is skipped.
    }

    private boolean bindEvent(ByteBuffer b, int blockType, int bodyStart, int bodyLen, long at) throws IOException {
        int prefix = BlockType.hasDumpFlags(blockType) ? 6 : 2;
        if (bodyLen < prefix) {
            throw new CaptureFormatException(at, "event block too short for its cpu id and flags");
        }
        byte[] a = b.array();
        int cpu = LittleEndian.u16(a, bodyStart);
        int flags = prefix == 6 ? LittleEndian.i32(a, bodyStart + 2) : 0;
        int evStart = bodyStart + prefix;
        int avail = bodyLen - prefix;
        if (BlockType.isV1Event(blockType)) {
            return bindV1Event(b, evStart, avail, at, cpu, flags, event, false);
        }
        if (avail < RawEvent.HEADER_LEN) {
            throw new CaptureFormatException(at, "event header exceeds block payload (" + avail + " bytes available)");
        }
        int evType = LittleEndian.u16(a, evStart + 20);
        EventInfo info = schema.info(evType);
        if (info == null) {
            skippedUnknown++;
            return false;
        }
        event.bindChecked(b, evStart, avail, info, at, cpu, flags);
        return true;
    }

    /** Upgrades a 22-byte v1 header by inserting nparams, inferred from the lengths as libscap does. */
    private boolean bindV1Event(ByteBuffer b, int evStart, int avail, long at, int cpu, int flags, RawEvent target,
                                boolean ownCopy) throws IOException {
        if (avail < V1_HEADER) {
            throw new CaptureFormatException(at, "event header exceeds block payload (" + avail + " bytes available)");
        }
        int evType = Short.toUnsignedInt(b.getShort(evStart + 20));
        EventInfo info = schema.info(evType);
        if (info == null) {
            skippedUnknown++;
            return false;
        }
        long len = Integer.toUnsignedLong(b.getInt(evStart + 16));
        if (len < V1_HEADER || len > avail) {
            throw new CaptureFormatException(at, "event length " + len + " does not fit its block (" + avail + " bytes)");
        }
        long fixedLen = len;
        if (evType == EventTypes.NOTIFICATION_E || evType == EventTypes.INFRASTRUCTURE_EVENT_E) {
            fixedLen -= 3;
        }
        if (fixedLen < V1_HEADER) {
            throw new CaptureFormatException(at, "v1 " + info.name() + " event length " + len + " is smaller than its header");
        }
        int nparams = V1Events.parameterCount(b, evStart, fixedLen, info, at);
        int newLen = (int) fixedLen + 4;
        if (!ownCopy && v1Scratch.length < newLen) {
            v1Scratch = new byte[newLen];
        }
        ByteBuffer s = ByteBuffer.wrap(ownCopy ? new byte[newLen] : v1Scratch).order(ByteOrder.LITTLE_ENDIAN);
        s.put(0, b, evStart, 20);
        s.putInt(16, newLen);
        s.putShort(20, (short) evType);
        s.putInt(22, nparams);
        s.put(26, b, evStart + V1_HEADER, (int) fixedLen - V1_HEADER);
        target.bind(s, 0, info, at, cpu, flags);
        return true;
    }

    /**
     * Re-reads the event whose block starts at {@code offset} (as reported by {@link RawEvent#offset()}).
     * The returned view is independent of {@link #next()} and valid until the next {@code readAt}.
     */
    public RawEvent readAt(long offset) throws IOException {
        if (path == null) {
            throw new IOException("random access needs a capture file; this reader reads a stream");
        }
        if (randomAccess == null) {
            randomAccess = new CaptureRandomAccess(path, gzip);
        }
        return randomAccess.read(offset, this::decodeAt);
    }

    /** Decodes one event block held in {@code b} (used by random access). */
    private RawEvent decodeAt(ByteBuffer b, int blockType, int bodyLen, long at, RawEvent target) throws IOException {
        int prefix = BlockType.hasDumpFlags(blockType) ? 6 : 2;
        if (!BlockType.isEvent(blockType) || bodyLen < prefix) {
            throw new CaptureFormatException(at, "no event block at this offset");
        }
        int cpu = Short.toUnsignedInt(b.getShort(8));
        int flags = prefix == 6 ? b.getInt(10) : 0;
        int evStart = 8 + prefix;
        int avail = bodyLen - prefix;
        if (BlockType.isV1Event(blockType)) {
            if (!bindV1Event(b, evStart, avail, at, cpu, flags, target, true)) {
                throw new CaptureFormatException(at, "event type unknown to the event table");
            }
            return target;
        }
        if (avail < RawEvent.HEADER_LEN) {
            throw new CaptureFormatException(at, "event header exceeds block payload");
        }
        EventInfo info = schema.info(Short.toUnsignedInt(b.getShort(evStart + 20)));
        if (info == null) {
            throw new CaptureFormatException(at, "event type unknown to the event table");
        }
        EventValidator.validate(b, evStart, avail, info, at);
        target.bind(b, evStart, info, at, cpu, flags);
        return target;
    }

    @Override
    public void close() throws IOException {
        input.close();
        if (randomAccess != null) {
            randomAccess.close();
        }
    }
}
