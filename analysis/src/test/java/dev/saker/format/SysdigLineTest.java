package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SysdigLineTest {

    @Test
    void lineHasNumberTimeCpuThreadDirectionTypeAndArgs() {
        var e = SyntheticEvent.of(1_534_527_348_514_670_468L, 17497, 265).u64(-2).str("/etc/ld.so.nohwcap").toRaw();
        StringBuilder out = new StringBuilder();
        SysdigLine.append(out, 215, e, "curl", "17497", ArgContext.NONE, ZoneOffset.UTC);
        assertThat(out.toString()).isEqualTo("215 17:35:48.514670468 0 curl (17497) < access res=-2(ENOENT) name=/etc/ld.so.nohwcap ");
    }

    @Test
    void timeKeepsLeadingZerosOfNanoseconds() {
        StringBuilder out = new StringBuilder();
        SysdigLine.appendTime(out, 1_000_000_007L, ZoneOffset.UTC);
        assertThat(out.toString()).isEqualTo("00:00:01.000000007");
    }

    @Test
    void internalEventsAreNumberedButNotPrinted() {
        var procinfo = SyntheticEvent.of(234).u64(0).u64(0).toRaw();
        assertThat(SysdigLine.isNumbered(procinfo)).isTrue();
        assertThat(SysdigLine.isPrinted(procinfo)).isFalse();
    }

    @Test
    void typesUnknownTo2022AreNotNumbered() {
        assertThat(SysdigLine.isNumbered(SyntheticEvent.of(336).toRaw())).isFalse();
    }
}
