package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every conformance capture, rewritten by ScapWriter, reads back with the same metadata and events. */
class ScapWriterConformanceTest {
    @TempDir
    Path dir;

    static Stream<Path> captures() {
        ConformanceCaptures.requireRoot();
        return ConformanceCaptures.captures().stream();
    }

    private record Capture(CaptureMetadata metadata, List<RawEvent> events) {
    }

    private static Capture read(Path file) throws IOException {
        MetadataCollector meta = new MetadataCollector();
        List<RawEvent> events = new ArrayList<>();
        try (ScapReader r = ScapReader.open(file, meta)) {
            for (RawEvent e = r.next(); e != null; e = r.next()) {
                events.add(e.copy());
            }
        }
        return new Capture(meta.metadata(), events);
    }

    private Path rewrite(Capture c, ScapWriter.Target target) throws IOException {
        Path out = dir.resolve("rewritten.scap");
        try (ScapWriter w = ScapWriter.open(out, c.metadata(), ScapWriter.Compression.PLAIN, target)) {
            for (RawEvent e : c.events()) {
                w.writeEvent(e);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("captures")
    void eventsSurviveByteForByteWithCpuAndFlags(Path capture) throws IOException {
        Capture before = read(capture);
        Capture after = read(rewrite(before, ScapWriter.Target.LIBS_2022));
        assertThat(after.events()).hasSameSizeAs(before.events());
        for (int i = 0; i < before.events().size(); i++) {
            RawEvent a = before.events().get(i);
            RawEvent b = after.events().get(i);
            assertThat(b.eventBytes()).as("event %d", i).isEqualTo(a.eventBytes());
            assertThat(b.cpu()).as("cpu of event %d", i).isEqualTo(a.cpu());
            assertThat(b.dumpFlags()).as("flags of event %d", i).isEqualTo(a.dumpFlags());
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyMetadataFieldSurvivesInTheCurrentLayout(Path capture) throws IOException {
        CaptureMetadata before = read(capture).metadata();
        CaptureMetadata after = read(rewrite(new Capture(before, List.of()), ScapWriter.Target.LIBS_CURRENT)).metadata();
        assertThat(after.machine()).isEqualTo(before.machine());
        assertThat(after.users()).isEqualTo(before.users());
        assertThat(after.groups()).isEqualTo(before.groups());
        assertThat(FieldDump.of(after.processes())).containsExactlyElementsOf(FieldDump.of(before.processes()));
        assertThat(FieldDump.of(after.fds())).containsExactlyElementsOf(FieldDump.of(before.fds()));
        // libscap writes IPv4 interfaces before IPv6 ones, so only the order within a family is kept.
        assertThat(FieldDump.of(after.interfaces())).containsExactlyElementsOf(FieldDump.of(before.interfaces().stream()
                .sorted(Comparator.comparingInt(InterfaceEntry::family)).toList()));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void onlyCurrentBlockVersionsAreWritten(Path capture) throws IOException {
        SavefileBlocks f = SavefileBlocks.read(rewrite(read(capture), ScapWriter.Target.LIBS_2022));
        assertThat(f.blocks()).extracting(SavefileBlocks.Block::type).allMatch(t -> t == BlockType.SHB
                || t == BlockType.MI || t == BlockType.IL_V2 || t == BlockType.UL_V2 || t == BlockType.PL_V9
                || t == BlockType.FDL_V2 || t == BlockType.EV_V2 || t == BlockType.EVF_V2
                || t == BlockType.EV_V2_LARGE || t == BlockType.EVF_V2_LARGE);
    }
}
