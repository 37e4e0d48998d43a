package dev.saker.scap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a libscap savefile as libscap's own writer lays it out: SHB 1.2 (no options), MI, IL_V2,
 * UL_V2, PL_V9, one FDL_V2 per thread, then one EV_V2/EVF_V2 block per event, or the _LARGE
 * variants for large-payload event types. Plain or gzip. Files from {@link Target#LIBS_2022} (the
 * default) are read by sysdig 0.29.3 and by current libscap; see {@link MetadataBlocks} for what
 * that costs.
 */
public final class ScapWriter implements AutoCloseable {
    /** Which libscap reader the metadata layout must suit. */
    public enum Target {
        /**
         * Readable by the March 2022 libscap (sysdig 0.29.3) and by current libscap: fd types newer than
         * 2022 become UNSUPPORTED, and process entries use the pre-0.10 tail unless they carry newer fields.
         */
        LIBS_2022,
        /** Current libscap's own layout: every fd type, the full process tail (the 2022 reader misreads its loginuid). */
        LIBS_CURRENT
    }

    public enum Compression { PLAIN, GZIP }

    private static final int MAJOR = 1;
    private static final int MINOR = 2;
    private static final int SHB_TOTAL_LENGTH = 28;
    /** READER_BUF_SIZE: both readers refuse a non-large event block whose length minus 8 exceeds it. */
    private static final int READER_BUF_SIZE = 1 << 16;
    /** SCAP_DF_LARGE: selects the block type, never written as a flag. */
    private static final int DF_LARGE = 4;

    private final OutputStream out;
    private final BlockEncoder block = new BlockEncoder();
    private final EventSchema schema = EventSchema.current();
    private long events;
    private boolean closed;

    private ScapWriter(OutputStream out) {
        this.out = out;
    }

    /** Creates (or replaces) {@code path} and writes the section header and metadata blocks. */
    public static ScapWriter open(Path path, CaptureMetadata metadata, Compression compression) throws IOException {
        return open(path, metadata, compression, Target.LIBS_2022);
    }

    public static ScapWriter open(Path path, CaptureMetadata metadata, Compression compression, Target target)
            throws IOException {
        OutputStream file = Files.newOutputStream(path);
        try {
            return open(file, metadata, compression, target);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Writes to a stream; {@link #close()} closes it. */
    public static ScapWriter open(OutputStream sink, CaptureMetadata metadata, Compression compression, Target target)
            throws IOException {
        OutputStream out = compression == Compression.GZIP
                ? new GZIPOutputStream(sink, 1 << 16)
                : new BufferedOutputStream(sink, 1 << 16);
        ScapWriter w = new ScapWriter(out);
        try {
            w.writeHeader(metadata, target);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return w;
    }

    private void writeHeader(CaptureMetadata m, Target target) throws IOException {
        block.begin(BlockType.SHB);
        block.u32(BlockType.BYTE_ORDER_MAGIC);
        block.u16(MAJOR);
        block.u16(MINOR);
        block.u64(-1L); // section length unknown, as libscap writes it
        block.finish();
        assert block.size() == SHB_TOTAL_LENGTH;
        block.writeTo(out);
        if (m.machine() != null) {
            MetadataBlocks.machineInfo(block, m.machine());
            block.writeTo(out);
        }
        // Empty lists are left out as libscap does; the 2022 reader also fails on an empty IL block
        // (it allocates the block length and treats a null result as out of memory).
        if (!m.interfaces().isEmpty()) {
            MetadataBlocks.interfaceList(block, m.interfaces());
            block.writeTo(out);
        }
        if (!m.users().isEmpty() || !m.groups().isEmpty()) {
            MetadataBlocks.userList(block, m.users(), m.groups());
            block.writeTo(out);
        }
        if (!m.processes().isEmpty()) {
            MetadataBlocks.processList(block, m.processes(), target);
            block.writeTo(out);
        }
        for (Map.Entry<Long, List<FdEntry>> t : fdsByThread(m.fds()).entrySet()) {
            MetadataBlocks.fdList(block, t.getKey(), t.getValue(), target);
            block.writeTo(out);
        }
    }

    private static Map<Long, List<FdEntry>> fdsByThread(List<FdEntry> fds) {
        Map<Long, List<FdEntry>> byTid = new LinkedHashMap<>();
        for (FdEntry fd : fds) {
            byTid.computeIfAbsent(fd.tid(), k -> new ArrayList<>()).add(fd);
        }
        return byTid;
    }

    /**
     * Appends one event with its cpu and dump flags. The event bytes are copied unchanged; events
     * read from v1 blocks already carry the 26-byte header, so every block written is a V2 block.
     */
    public void writeEvent(RawEvent e) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        int len = e.length();
        if (len < RawEvent.HEADER_LEN) {
            throw new IllegalArgumentException("event length " + len + " is shorter than an event header");
        }
        int flags = e.dumpFlags() & ~DF_LARGE;
        int prefix = flags != 0 ? 6 : 2;
        int paddedBody = (prefix + len + 3) & ~3;
        // A large-payload type goes in a _LARGE block as libscap writes it; any other event too big for
        // the readers' fixed buffer does as well, since both readers only grow the buffer for _LARGE.
        boolean large = isLargePayload(e) || paddedBody + 4 > READER_BUF_SIZE;
        int type = flags != 0 ? (large ? BlockType.EVF_V2_LARGE : BlockType.EVF_V2)
                : (large ? BlockType.EV_V2_LARGE : BlockType.EV_V2);
        block.begin(type);
        block.u16(e.cpu());
        if (flags != 0) {
            block.u32(flags);
        }
        block.bytes(e.buffer(), e.base(), len);
        block.finish();
        block.writeTo(out);
        events++;
    }

    private boolean isLargePayload(RawEvent e) {
        EventInfo info = e.info() != null ? e.info() : schema.info(e.type());
        return info != null && info.isLargePayload();
    }

    /** Events written so far. */
    public long eventsWritten() {
        return events;
    }

    /** Flushes (finishing the gzip stream) and closes the output. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
