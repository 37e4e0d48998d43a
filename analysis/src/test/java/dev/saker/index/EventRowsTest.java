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

    /** One entry per printed event (FieldOutput appends each line in one call; a value may hold a newline). */
    static List<String> readLines(Path capture) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        Appendable out = new Appendable() {
            @Override
            public Appendable append(CharSequence s) {
                String line = s.toString();
                lines.add(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
                return this;
            }

            @Override
            public Appendable append(CharSequence s, int start, int end) {
                return append(s.subSequence(start, end));
            }

            @Override
            public Appendable append(char c) {
                throw new UnsupportedOperationException("lines are appended whole");
            }
        };
        FieldOutput.text(DEFAULT).write(capture, LibsEdition.CURRENT, out, -1);
        return lines;
    }

    @Test
    void rowsRenderedOnDemandEqualTheSequentialRenderingOnEveryConformanceCapture() throws IOException {
        for (Path capture : ConformanceCaptures.captures()) {
            assertRowsEqualSequentialRendering(capture);
        }
    }

    private static void assertRowsEqualSequentialRendering(Path capture) throws IOException {
        CaptureIndex index = CaptureIndexer.build(capture);
        List<String> expected = readLines(capture);
        assertThat(index.size()).as(capture.toString()).isEqualTo(expected.size());
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
            assertThat(differ).as(capture.toString()).isZero();
        }
    }
}
