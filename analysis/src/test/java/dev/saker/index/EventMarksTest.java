package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventMarksTest {
    @TempDir
    Path dir;

    @Test
    void marksCommentsAndNavigationInEventOrder() {
        EventMarks m = new EventMarks();
        assertThat(m.next(5)).isEqualTo(-1);
        assertThat(m.toggle(1312)).isTrue();
        m.comment(1195, "  DNS query for www.google.com ");
        m.mark(1343);
        m.mark(1312);
        assertThat(m.all()).containsExactly(new EventMarks.Mark(1195, "DNS query for www.google.com"),
                new EventMarks.Mark(1312, ""), new EventMarks.Mark(1343, ""));
        assertThat(m.next(1195)).isEqualTo(1312);
        assertThat(m.next(1343)).isEqualTo(1195);
        assertThat(m.previous(1195)).isEqualTo(1343);
        assertThat(m.previous(1300)).isEqualTo(1195);
        assertThat(m.toggle(1312)).isFalse();
        assertThat(m.comment(1312)).isNull();
        assertThat(m.comment(1343)).isEmpty();
    }

    @Test
    void aSavedFileLoadsBackTheSameMarksWhateverTheComments() throws IOException {
        Random random = new Random(20261128);
        String alphabet = "ab \t\n\\é→x";
        for (int round = 0; round < 50; round++) {
            EventMarks m = new EventMarks();
            for (int i = random.nextInt(20); i > 0; i--) {
                StringBuilder c = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    c.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                m.comment(random.nextInt(1_000_000), c.toString());
            }
            Path f = dir.resolve("c.scap.saker-marks");
            m.save(f);
            assertThat(Files.exists(f)).isEqualTo(m.size() > 0);
            assertThat(EventMarks.load(f).all()).isEqualTo(m.all());
        }
    }

    @Test
    void theSidecarSitsNextToTheCaptureAndDamageNamesFileAndLine() throws IOException {
        assertThat(EventMarks.sidecarOf(Path.of("/x/curl.scap"))).isEqualTo(Path.of("/x/curl.scap.saker-marks"));
        Path f = dir.resolve("bad.saker-marks");
        Files.writeString(f, EventMarks.HEADER + "\n12\tok\nnot-a-number\tx\n");
        assertThatThrownBy(() -> EventMarks.load(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.saker-marks: line 3: expected an event number");
        Files.writeString(f, "hello\n");
        assertThatThrownBy(() -> EventMarks.load(f)).hasMessageContaining("line 1: not a saker marks file");
        assertThat(EventMarks.load(dir.resolve("absent")).size()).isZero();
    }
}
