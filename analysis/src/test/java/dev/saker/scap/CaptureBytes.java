package dev.saker.scap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A conformance capture held in memory as uncompressed bytes, with its block starts (found by a
 * walk independent of the reader) and the block offsets of the events the reader returns for the
 * whole, undamaged file.
 */
record CaptureBytes(String name, byte[] plain, boolean storedGzip, int[] blockStarts, long[] eventOffsets) {
    private static final Map<Path, CaptureBytes> CACHE = new ConcurrentHashMap<>();

    static CaptureBytes of(Path file) {
        return CACHE.computeIfAbsent(file, CaptureBytes::load);
    }

    private static CaptureBytes load(Path file) {
        try {
            byte[] stored = Files.readAllBytes(file);
            boolean gz = stored.length > 1 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
            byte[] plain = gz ? gunzip(stored) : stored;
            String name = file.getParent().getFileName() + "/" + file.getFileName();
            return new CaptureBytes(name, plain, gz, walkBlocks(plain), eventOffsets(plain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Block starts, from the framing alone; a valid capture ends exactly on a block boundary. */
    static int[] walkBlocks(byte[] plain) {
        ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> starts = new ArrayList<>();
        int pos = 0;
        while (pos < plain.length) {
            starts.add(pos);
            pos += b.getInt(pos + 4);
        }
        if (pos != plain.length) {
            throw new IllegalStateException("conformance capture does not end on a block boundary");
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long[] eventOffsets(byte[] plain) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (ScapReader r = open(plain, plain.length)) {
            RawEvent e;
            while ((e = r.next()) != null) {
                offsets.add(e.offset());
            }
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }

    /** A reader over the first {@code length} bytes of {@code data}, the way a file of that size reads. */
    static ScapReader open(byte[] data, int length) throws IOException {
        return ScapReader.open(new ByteArrayInputStream(data, 0, length), length, MetadataListener.NONE);
    }

    int blockEnd(int blockIndex) {
        return blockIndex + 1 < blockStarts.length ? blockStarts[blockIndex + 1] : plain.length;
    }

    /** How many events the reader returns from blocks that start before {@code offset}. */
    int eventsBefore(long offset) {
        int n = 0;
        while (n < eventOffsets.length && eventOffsets[n] < offset) {
            n++;
        }
        return n;
    }

    /** Start of the block holding byte {@code position} (a block start holds itself). */
    int blockStartAt(long position) {
        int found = 0;
        for (int s : blockStarts) {
            if (s > position) {
                break;
            }
            found = s;
        }
        return found;
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] data, int length, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(data, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        return gzip(data, data.length, Deflater.DEFAULT_COMPRESSION);
    }
}
