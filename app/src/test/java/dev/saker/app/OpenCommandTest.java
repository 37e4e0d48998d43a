package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `saker open` checks what it can before any window exists; the window itself is tested in the ui module. */
class OpenCommandTest {

    @Test
    void aMissingCaptureIsABadInputWithItsName() {
        CliRun r = CliRun.of("open", "/nonexistent/x.scap");
        assertThat(r.exitCode()).isEqualTo(UserErrorHandler.BAD_INPUT);
        assertThat(r.stderr()).contains("cannot open /nonexistent/x.scap: no such file");
    }

    @Test
    void rulesThatCannotBeReadAreABadInput() throws Exception {
        java.nio.file.Path capture = java.nio.file.Files.createTempFile("saker-open", ".scap");
        try {
            CliRun r = CliRun.of("open", capture.toString(), "-r", "/nonexistent/rules.yaml");
            assertThat(r.exitCode()).isEqualTo(UserErrorHandler.BAD_INPUT);
            assertThat(r.stderr()).contains("/nonexistent/rules.yaml");
        } finally {
            java.nio.file.Files.delete(capture);
        }
    }

    @Test
    void helpListsTheOpenCommand() {
        assertThat(CliRun.of("--help").stdout()).contains("open");
    }
}
