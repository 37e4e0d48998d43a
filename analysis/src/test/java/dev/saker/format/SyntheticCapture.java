package dev.saker.format;

import dev.saker.scap.SyntheticEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the smallest capture sysdig 0.29.3 reads: a section header block (1.2) followed by EV_V2
 * event blocks, no metadata. A test fixture only; the project's writer lives elsewhere.
 */
final class SyntheticCapture {
    private static final int SHB = 0x0A0D0D0A;
    private static final int EV_V2 = 0x216;

    private SyntheticCapture() {
    }

    static void write(Path file, List<SyntheticEvent> events) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer shb = le(28).putInt(SHB).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 2)
                    .putLong(-1).putInt(28);
            out.write(shb.array());
            for (SyntheticEvent e : events) {
                byte[] ev = e.encode();
                int body = 2 + ev.length;
                int padded = (body + 3) & ~3;
                int total = 8 + padded + 4;
                ByteBuffer block = le(total).putInt(EV_V2).putInt(total).putShort((short) 0).put(ev);
                block.position(8 + padded);
                block.putInt(total);
                out.write(block.array());
            }
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
