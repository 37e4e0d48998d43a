package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.EventSchema;
import dev.saker.scap.PrintFormat;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The value-level pieces of the renderer, each against a value sysdig prints. */
class ValueTextTest {

    @Test
    void errnoNamesSkipNumbersLinuxLeavesUnnamed() {
        assertThat(ErrnoNames.ofResult(-41)).isNull();
    }

    @Test
    void kernelInternalErrnoIsNamed() {
        assertThat(ErrnoNames.ofResult(-512)).isEqualTo("ERESTARTSYS");
    }

    @Test
    void realTimeSignalsHaveNoName() {
        assertThat(SignalNames.of(34)).isNull();
    }

    @Test
    void signalMaskNamesSetBitsInOrder() {
        assertThat(SignalNames.ofMask(0x4001)).isEqualTo("SIGHUP SIGTERM");
    }

    @Test
    void zeroFlagsAreNamedByTheZeroEntry() {
        var table = EventSchema.legacy2022().flagTable("file_flags");
        assertThat(FlagNames.of(table, 0)).isEqualTo("O_NONE");
    }

    @Test
    void flagsEqualToAnEntryStopTheWalk() {
        var table = EventSchema.legacy2022().flagTable("socket_families");
        assertThat(FlagNames.of(table, 16)).isEqualTo("AF_ROUTE");
    }

    @Test
    void unknownFlagBitsAreNotPrinted() {
        var table = EventSchema.legacy2022().flagTable("chmod_mode");
        assertThat(FlagNames.of(table, 0x10000 | 0x1)).isEqualTo("S_IXOTH");
    }

    @Test
    void octalFormatHasALeadingZero() {
        assertThat(CNumbers.int32(0644, PrintFormat.OCT)).isEqualTo("0644");
    }

    @Test
    void unsigned32PrintsAsSignedDecimal() {
        assertThat(CNumbers.int32(0xFFFFFFFF, PrintFormat.DEC)).isEqualTo("-1");
    }

    @Test
    void hexFormatIsUpperCase() {
        assertThat(CNumbers.int64(0x55db0de73000L, PrintFormat.HEX)).isEqualTo("55DB0DE73000");
    }

    @Test
    void paddedDecimalIsNineWide() {
        assertThat(CNumbers.int32(42, PrintFormat.PADDED_DEC_10)).isEqualTo("000000042");
    }

    @Test
    void percentGDropsTrailingZeros() {
        assertThat(CNumbers.g(1.5)).isEqualTo("1.5");
    }

    @Test
    void percentGUsesExponentForSmallValues() {
        assertThat(CNumbers.g(0.00001)).isEqualTo("1e-05");
    }

    @Test
    void percentGRoundsToSixDigits() {
        assertThat(CNumbers.g(123.456789012)).isEqualTo("123.457");
    }

    @Test
    void ipv6CompressesTheLongestZeroRun() {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = 1;
        assertThat(dev.saker.state.SocketNames.ipv6(ByteBuffer.wrap(a), 0)).isEqualTo("2001:db8::1");
    }

    @Test
    void ipv4MappedIpv6PrintsDottedQuad() {
        byte[] a = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4};
        assertThat(dev.saker.state.SocketNames.ipv6(ByteBuffer.wrap(a), 0)).isEqualTo("::ffff:1.2.3.4");
    }

    @Test
    void pathResolutionClimbsParentDirectories() {
        assertThat(PathResolution.resolve("/a/b/", "../c")).isEqualTo("/a/c");
    }

    @Test
    void pathResolutionDropsTrailingSlash() {
        assertThat(PathResolution.resolve("/a/", "b/")).isEqualTo("/a/b");
    }

    @Test
    void pathResolutionNeverClimbsAboveRoot() {
        assertThat(PathResolution.resolve("/", "../../x")).isEqualTo("/x");
    }

    @Test
    void sanitizingDropsNonPrintableCharacters() {
        assertThat(PrintableText.sanitize("a\u0001b\u00e9c")).isEqualTo("abc");
    }
}
