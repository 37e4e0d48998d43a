package dev.saker.scap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A test-side walk over a savefile's block framing, independent of ScapReader. */
record SavefileBlocks(ByteBuffer bytes, List<Block> blocks) {
    record Block(int offset, int type, int totalLength, int trailer) {
        int bodyOffset() {
            return offset + 8;
        }
    }

    static SavefileBlocks read(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length > 1 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                raw = in.readAllBytes();
            }
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while (at + 8 <= raw.length) {
            int total = b.getInt(at + 4);
            blocks.add(new Block(at, b.getInt(at), total, b.getInt(at + total - 4)));
            at += total;
        }
        return new SavefileBlocks(b, blocks);
    }

    List<Block> ofType(int type) {
        return blocks.stream().filter(x -> x.type() == type).toList();
    }
}
