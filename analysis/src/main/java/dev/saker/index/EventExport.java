package dev.saker.index;

import dev.saker.scap.MetadataCollector;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.scap.ScapWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Export these events": a new capture holding the capture's metadata (machine, process and fd
 * tables, users, as recorded at its start) followed by the chosen events exactly as recorded, in
 * order. Readers rebuild state from that metadata and the exported events alone, so threads created
 * by events left out are unknown in the export, as in any capture started mid-way.
 */
public final class EventExport {
    private EventExport() {
    }

    /** Writes the rows (ascending index rows) of {@code index} to {@code out}; returns the number written. */
    public static long write(CaptureIndex index, int[] rows, Path out) throws IOException {
        Path in = index.capture();
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new IOException("refusing to export onto the open capture " + in);
        }
        MetadataCollector metadata = new MetadataCollector();
        try (ScapReader reader = ScapReader.open(in, metadata)) {
            // the metadata blocks come before the first event: reading it collects them
            reader.next();
            try (ScapWriter writer = ScapWriter.open(out, metadata.metadata(), ScapWriter.Compression.PLAIN)) {
                for (int row : rows) {
                    RawEvent e = reader.readAt(index.offset(row));
                    writer.writeEvent(e);
                }
                return writer.eventsWritten();
            }
        }
    }
}
