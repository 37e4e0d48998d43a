package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
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
    void withoutADisplayItPrintsWhatScanPrintsThenSaysWhy() throws Exception {
        String capture = ConformanceCaptures.capture("libs/curl_google.scap").toString();
        java.nio.file.Path rules = java.nio.file.Files.createTempFile("saker-open", ".yaml");
        java.nio.file.Files.writeString(rules, """
                - rule: Outbound connect
                  desc: any connect
                  condition: evt.type = connect and evt.dir = <
                  output: connect by %proc.name to %fd.name
                  priority: NOTICE
                """);
        String before = System.getProperty("saker.display");
        System.setProperty("saker.display", "none");
        try {
            CliRun scan = CliRun.of("scan", "-r", rules.toString(), capture);
            CliRun open = CliRun.of("open", capture, "-r", rules.toString());
            assertThat(scan.exitCode()).isZero();
            assertThat(scan.stdout()).contains("connect by curl to");
            assertThat(open.exitCode()).isZero();
            assertThat(open.stdout()).isEqualTo(scan.stdout());
            assertThat(open.stderr()).startsWith(scan.stderr());
            String note = open.stderr().substring(scan.stderr().length());
            assertThat(note.strip().lines()).hasSize(1);
            assertThat(note).contains("no display").contains("workbench").contains(capture);
        } finally {
            restore(before);
            java.nio.file.Files.delete(rules);
        }
    }

    @Test
    void withoutADisplayTheBundledRulesRunAsScanRunsThem() {
        String capture = ConformanceCaptures.capture("libs/curl_google.scap").toString();
        String before = System.getProperty("saker.display");
        System.setProperty("saker.display", "none");
        try {
            CliRun scan = CliRun.of("scan", capture);
            CliRun open = CliRun.of("open", capture);
            assertThat(open.exitCode()).isZero();
            assertThat(open.stdout()).isEqualTo(scan.stdout());
            assertThat(open.stderr()).startsWith(scan.stderr()).contains("Events detected:");
        } finally {
            restore(before);
        }
    }

    @Test
    void withoutADisplayOrACaptureItSaysSo() {
        String before = System.getProperty("saker.display");
        System.setProperty("saker.display", "none");
        try {
            CliRun r = CliRun.of("open");
            assertThat(r.exitCode()).isEqualTo(UserErrorHandler.BAD_INPUT);
            assertThat(r.stderr()).contains("no display");
        } finally {
            restore(before);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty("saker.display");
        } else {
            System.setProperty("saker.display", before);
        }
    }

    @Test
    void helpListsTheOpenCommand() {
        assertThat(CliRun.of("--help").stdout()).contains("open");
    }
}
