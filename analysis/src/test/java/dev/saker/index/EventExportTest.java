package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventExportTest {

    @Test
    void theExportHoldsExactlyTheChosenEventsAsRecorded() throws IOException {
        Path capture = ConformanceCaptures.capture("libs/sample.scap");
        CaptureIndex index = CaptureIndexer.build(capture);
        RowSet chosen = RowFilter.run(index, RowQuery.ALL.withCondition("evt.type in (read, write)"), () -> false);
        int[] rows = new int[chosen.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = chosen.row(i);
        }
        Path out = Files.createTempFile("saker-export", ".scap");
        try {
            assertThat(EventExport.write(index, rows, out)).isEqualTo(rows.length).isPositive();
            List<byte[]> expected = new ArrayList<>();
            try (ScapReader r = ScapReader.open(capture)) {
                for (int row : rows) {
                    expected.add(r.readAt(index.offset(row)).eventBytes());
                }
            }
            List<byte[]> written = new ArrayList<>();
            try (ScapReader r = ScapReader.open(out)) {
                for (RawEvent e; (e = r.next()) != null; ) {
                    written.add(e.eventBytes());
                }
            }
            assertThat(written).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(written.get(i)).as("event %d", i).isEqualTo(expected.get(i));
            }
            // and the export opens in the workbench with those events shown
            CaptureIndex again = CaptureIndexer.build(out);
            assertThat(again.size()).isEqualTo(rows.length);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void exportingOntoTheOpenCaptureIsRefused() throws IOException {
        Path capture = ConformanceCaptures.capture("libs/sample.scap");
        CaptureIndex index = CaptureIndexer.build(capture);
        assertThatThrownBy(() -> EventExport.write(index, new int[] {0}, capture)).hasMessageContaining("refusing");
    }

    @Test
    void rowsAsJsonAreEscaped() {
        EventRow r = new EventRow(0, 7, 1, "t", 0, "a\"b", "1", ">", "write", "data=x\ny\\");
        assertThat(r.json()).isEqualTo("{\"evt.num\":7,\"evt.outputtime\":1,\"evt.cpu\":0,\"proc.name\":\"a\\\"b\","
                + "\"thread.tid\":\"1\",\"evt.dir\":\">\",\"evt.type\":\"write\",\"evt.info\":\"data=x\\ny\\\\\"}");
    }
}
