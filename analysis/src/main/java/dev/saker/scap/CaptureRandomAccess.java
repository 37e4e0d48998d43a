package dev.saker.scap;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Positional reads of single blocks. A compressed capture is inflated once into a temporary file on
 * first use, so offsets (always in the uncompressed stream) work the same for both kinds.
 */
final class CaptureRandomAccess implements AutoCloseable {
    interface BlockDecoder {
        RawEvent decode(ByteBuffer block, int blockType, int bodyLen, long offset, RawEvent target) throws IOException;
    }

    private final FileChannel channel;
    private final Path inflated;
    private final RawEvent target = new RawEvent();
    private ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    CaptureRandomAccess(Path path, boolean gzip) throws IOException {
        if (gzip) {
            inflated = Files.createTempFile("saker-", ".scap");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16)) {
                Files.copy(in, inflated, StandardCopyOption.REPLACE_EXISTING);
            } catch (EOFException | ZipException e) {
                // A truncated or damaged gzip still holds every block before the damage: keep what inflated.
                if (Files.size(inflated) == 0) {
                    Files.deleteIfExists(inflated);
                    throw new CaptureFormatException(0, "compressed stream is damaged (" + e.getMessage() + ")", e);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(inflated);
                throw e;
            }
            channel = FileChannel.open(inflated, StandardOpenOption.READ);
        } else {
            inflated = null;
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
    }

    RawEvent read(long offset, BlockDecoder decoder) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        if (offset < 0 || channel.read(header, offset) != 8) {
            throw new CaptureFormatException(offset, "no block at this offset");
        }
        int type = header.getInt(0);
        long total = Integer.toUnsignedLong(header.getInt(4));
        if (total < 12 || offset + total > channel.size()) {
            throw new CaptureFormatException(offset, "block length " + total + " does not fit the capture");
        }
        if (block.capacity() < total) {
            block = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        }
        block.clear().limit((int) total);
        while (block.hasRemaining()) {
            if (channel.read(block, offset + block.position()) < 0) {
                throw new CaptureFormatException(offset, "truncated block");
            }
        }
        return decoder.decode(block, type, (int) total - 12, offset, target);
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (inflated != null) {
            Files.deleteIfExists(inflated);
        }
    }
}
