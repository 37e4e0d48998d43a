package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.LibsEdition;
import dev.saker.format.FieldOutput;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRowsTest {
    private static final String DEFAULT =
            "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";

    static List<String> readLines(Path capture) throws IOException {
        StringBuilder out = new StringBuilder();
        FieldOutput.text(DEFAULT).write(capture, LibsEdition.CURRENT, out, -1);
        return out.toString().lines().toList();
    }

    @Test
    void rowsRenderedOnDemandEqualTheSequentialRendering() throws IOException {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        CaptureIndex index = CaptureIndexer.build(capture);
        List<String> expected = readLines(capture);
        assertThat(index.size()).isEqualTo(expected.size());
        try (EventRows rows = new EventRows(index)) {
            // backwards, so that nothing depends on reading in order
            int differ = 0;
            for (int i = index.size() - 1; i >= 0; i--) {
                if (!rows.row(i).line().equals(expected.get(i))) {
                    differ++;
                    if (differ < 5) {
                        System.out.println("row " + i + "\n  got  " + rows.row(i).line() + "\n  want " + expected.get(i));
                    }
                }
            }
            assertThat(differ).isZero();
        }
    }
}
