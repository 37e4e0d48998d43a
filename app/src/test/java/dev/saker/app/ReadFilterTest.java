package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import org.junit.jupiter.api.Test;

/** `saker read CAPTURE FILTER`. */
class ReadFilterTest {
    private static String curl() {
        return ConformanceCaptures.capture("libs/curl_google.scap").toString();
    }

    @Test
    void printsOnlyMatchingEvents() {
        CliRun r = CliRun.of("read", "-p", "%evt.num %evt.type %fd.name", curl(), "evt.type=open and fd.name contains /etc");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isNotEmpty();
        assertThat(r.stdout().lines()).allMatch(l -> l.contains(" open ") && l.contains("/etc"));
    }

    @Test
    void limitCountsEventNumbersNotMatches() {
        CliRun r = CliRun.of("read", "-n", "215", "-p", "%evt.num", curl(), "evt.num > 210");
        assertThat(r.stdout()).isEqualTo("211\n212\n213\n214\n215\n");
    }

    @Test
    void invalidFilterPointsAtTheSpotAndReadsNothing() {
        CliRun r = CliRun.of("read", curl(), "evt.type=open and proc.nme = curl");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("saker: invalid filter: filter_check called with nonexistent field proc.nme\n"
                + "  evt.type=open and proc.nme = curl\n"
                + "                    ^^^^^^^^\n");
    }

    @Test
    void syntaxErrorsPointAtTheSpotToo() {
        CliRun r = CliRun.of("read", curl(), "proc.name = curl xyz");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("saker: invalid filter: unexpected token after 'curl', expecting 'or', 'and'\n"
                + "  proc.name = curl xyz\n"
                + "                   ^^^\n");
    }

    @Test
    void incompleteFilterSaysSo() {
        CliRun r = CliRun.of("read", curl(), "proc.name = curl and");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("saker: incomplete filter: ");
    }

    @Test
    void invalidFilterFailsBeforeTheCaptureIsOpened() {
        CliRun r = CliRun.of("read", "/nonexistent/file.scap", "proc.name =");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("saker: incomplete filter: ");
    }
}
