package dev.saker.app;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sysdig 0.29.3, an independent reader, sees the same events and the same state (processes, fds,
 * users, containers) in every conformance capture before and after `saker convert`, plain and gzip.
 */
class ConvertSysdigConformanceTest {
    /** Fields that come from the metadata blocks; '*' prints every event, with <NA> for missing fields. */
    static final String STATE_FORMAT = "*%evt.num %proc.name %thread.tid %fd.name %user.name %container.id";
    /** Fields that come from the process-list tail (loginuid, exe_writable, tty) and the parent chain. */
    static final String PROCESS_FORMAT =
            "*%evt.num %user.loginuid %proc.is_exe_writable %proc.tty %proc.cmdline %proc.pname %proc.exepath %fd.type";
    /** sysdig 0.29.3 cannot read this file (section-header options); it holds curl_google.scap's events. */
    static final String COMMENTS = "curl_google_comments.scap";
    static final String COMMENTS_TWIN = "libs/curl_google.scap";

    @TempDir
    Path dir;

    static Stream<Arguments> capturesSysdigReads() {
        return ConformanceCaptures.captures().stream()
                .filter(p -> !p.getFileName().toString().equals(COMMENTS))
                .flatMap(p -> Stream.of(Arguments.of(p, false), Arguments.of(p, true)));
    }

    private Path convert(Path capture, boolean gzip) {
        Path out = dir.resolve((gzip ? "gz-" : "plain-") + capture.getFileName());
        int code = gzip ? Saker.run("convert", capture.toString(), out.toString(), "--gzip")
                : Saker.run("convert", capture.toString(), out.toString());
        assertThat(code).as("saker convert exit code").isZero();
        return out;
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("capturesSysdigReads")
    void sysdigPrintsTheSameEventsAfterConversion(Path capture, boolean gzip) {
        String before = SysdigOracle.print(capture);
        assertThat(before).isNotEmpty();
        assertThat(SysdigOracle.print(convert(capture, gzip))).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("capturesSysdigReads")
    void sysdigSeesTheSameThreadsFdsUsersAndContainersAfterConversion(Path capture, boolean gzip) {
        String before = SysdigOracle.print(capture, "-p", STATE_FORMAT);
        assertThat(SysdigOracle.print(convert(capture, gzip), "-p", STATE_FORMAT)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("capturesSysdigReads")
    void sysdigSeesTheSameProcessDetailsAfterConversion(Path capture, boolean gzip) {
        String before = SysdigOracle.print(capture, "-p", PROCESS_FORMAT);
        assertThat(SysdigOracle.print(convert(capture, gzip), "-p", PROCESS_FORMAT)).isEqualTo(before);
    }

    @Test
    void captureWithSectionOptionsConvertsToWhatSysdigPrintsForItsTwin() {
        Path comments = ConformanceCaptures.capture("libs/" + COMMENTS);
        Path twin = ConformanceCaptures.capture(COMMENTS_TWIN);
        String expected = SysdigOracle.print(twin);
        assertThat(SysdigOracle.print(convert(comments, false))).isEqualTo(expected);
        assertThat(SysdigOracle.print(convert(comments, true))).isEqualTo(expected);
    }

    @Test
    void captureWithSectionOptionsConvertsWithItsTwinsState() {
        Path comments = ConformanceCaptures.capture("libs/" + COMMENTS);
        String expected = SysdigOracle.print(ConformanceCaptures.capture(COMMENTS_TWIN), "-p", STATE_FORMAT);
        assertThat(SysdigOracle.print(convert(comments, false), "-p", STATE_FORMAT)).isEqualTo(expected);
        assertThat(SysdigOracle.print(convert(comments, true), "-p", STATE_FORMAT)).isEqualTo(expected);
    }

    @Test
    void sysdigCannotReadTheCaptureWithSectionOptionsItself() {
        // Guards the premise of the two tests above: if sysdig ever reads it, compare it directly instead.
        assertThat(SysdigOracle.run(ConformanceCaptures.capture("libs/" + COMMENTS)).exitCode()).isNotZero();
    }
}
