package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventConverterTest {
    private static final long TID = 4242;
    private final EventConverter converter = new EventConverter();

    private RawEvent convert(SyntheticEvent e) throws CaptureFormatException {
        return converter.convert(e.build());
    }

    @Test
    void eventInCurrentLayoutPassesAsTheSameView() throws CaptureFormatException {
        RawEvent read = SyntheticEvent.of(EventTypes.SYSCALL_READ_X, TID).u64(5).str("data").u64(3).u32(64).build();
        assertThat(converter.convert(read)).isSameAs(read);
        assertThat(converter.convertedCount()).isZero();
    }

    @Test
    void storedEnterEventIsConsumed() throws CaptureFormatException {
        assertThat(convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_E, TID).u64(5))).isNull();
        assertThat(converter.storedEnter(TID).type()).isEqualTo(EventTypes.SYSCALL_CLOSE_E);
        assertThat(converter.consumedCount()).isEqualTo(1);
    }

    @Test
    void closeExitGainsFdFromItsEnterEvent() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_E, TID).u64(5));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, TID).u64(0));
        assertThat(x.type()).isEqualTo(EventTypes.SYSCALL_CLOSE_X);
        assertThat(x.nparams()).isEqualTo(2);
        assertThat(x.signed(0)).isZero();
        assertThat(x.signed(1)).isEqualTo(5);
    }

    @Test
    void enterEventIsForgottenOnceItsExitUsedIt() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_E, TID).u64(5));
        convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, TID).u64(0));
        assertThat(converter.storedEnter(TID)).isNull();
    }

    @Test
    void closeExitWithoutEnterEventGetsTypedDefaultFd() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, TID).u64(0));
        assertThat(x.paramLength(1)).isEqualTo(8);
        assertThat(x.signed(1)).isZero();
    }

    @Test
    void enterEventOfAnotherThreadIsNotUsed() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_E, TID + 1).u64(5));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, TID).u64(0));
        assertThat(x.signed(1)).isZero();
    }

    @Test
    void readExitGainsFdAndSize() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_READ_E, TID).u64(7).u32(4096));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_READ_X, TID).u64(5).str("hello"));
        assertThat(x.nparams()).isEqualTo(4);
        assertThat(x.string(1)).isEqualTo("hello");
        assertThat(x.signed(2)).isEqualTo(7);
        assertThat(x.number(3)).isEqualTo(4096);
    }

    @Test
    void socketExitGainsDomainTypeProtoAndDefaultFlags() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SOCKET_SOCKET_E, TID).u32(10).u32(2).u32(17));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SOCKET_SOCKET_X, TID).u64(3));
        assertThat(x.nparams()).isEqualTo(5);
        assertThat(x.signed(0)).isEqualTo(3);
        assertThat(x.number(1)).isEqualTo(10);
        assertThat(x.number(2)).isEqualTo(2);
        assertThat(x.number(3)).isEqualTo(17);
        assertThat(x.paramLength(4)).isEqualTo(4);
        assertThat(x.number(4)).isZero();
    }

    @Test
    void openExitOf2022GainsEmptyIno() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_OPEN_X, TID).u64(3).str("/etc/passwd").u32(1).u32(0).u32(0x801));
        assertThat(x.nparams()).isEqualTo(6);
        assertThat(x.string(1)).isEqualTo("/etc/passwd");
        assertThat(x.number(4)).isEqualTo(0x801);
        assertThat(x.isEmpty(5)).isTrue();
    }

    @Test
    void openatExitOf2022GainsEmptyIno() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_OPENAT_2_X, TID)
                .u64(4).u64(-100).str("a.txt").u32(0).u32(0).u32(0x803));
        assertThat(x.nparams()).isEqualTo(7);
        assertThat(x.string(2)).isEqualTo("a.txt");
        assertThat(x.isEmpty(6)).isTrue();
    }

    @Test
    void oldOpenatBecomesOpenat2WithArgumentsFromItsEnterEvent() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_OPENAT_E, TID).u64(-100).str("rel/path").u32(2).u32(0644));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_OPENAT_X, TID).u64(9));
        assertThat(x.type()).isEqualTo(EventTypes.SYSCALL_OPENAT_2_X);
        assertThat(x.nparams()).isEqualTo(7);
        assertThat(x.signed(0)).isEqualTo(9);
        assertThat(x.signed(1)).isEqualTo(-100);
        assertThat(x.string(2)).isEqualTo("rel/path");
        assertThat(x.number(3)).isEqualTo(2);
        assertThat(x.number(4)).isEqualTo(0644);
        assertThat(x.isEmpty(5)).isTrue();
        assertThat(x.isEmpty(6)).isTrue();
    }

    @Test
    void genericExitGainsNativeIdFromItsEnterEvent() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.GENERIC_E, TID).u16(12).u16(202));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.GENERIC_X, TID).u16(12));
        assertThat(x.nparams()).isEqualTo(2);
        assertThat(x.number(0)).isEqualTo(12);
        assertThat(x.number(1)).isEqualTo(202);
    }

    @Test
    void genericExitWithoutEnterEventGetsEmptyNativeId() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.GENERIC_X, TID).u16(12));
        assertThat(x.nparams()).isEqualTo(2);
        assertThat(x.isEmpty(1)).isTrue();
    }

    @Test
    void procexitWithoutParametersBecomesProcexit1WithEmptyParameters() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.PROCEXIT_E, TID));
        assertThat(x.type()).isEqualTo(EventTypes.PROCEXIT_1_E);
        assertThat(x.nparams()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(x.isEmpty(i)).isTrue();
        }
    }

    @Test
    void eventTypeOutsideTheConverterPassesWithFewerParameters() throws CaptureFormatException {
        RawEvent old = SyntheticEvent.of(EventTypes.PROCEXIT_1_E, TID).u64(0).build();
        assertThat(converter.convert(old)).isSameAs(old);
    }

    @Test
    void oldEnterEventOutsideTheConverterIsDropped() throws CaptureFormatException {
        assertThat(convert(SyntheticEvent.of(EventTypes.SOCKET_SETSOCKOPT_E, TID))).isNull();
    }

    @Test
    void convertedEventKeepsBlockOffsetCpuAndDumpFlags() throws CaptureFormatException {
        RawEvent x = converter.convert(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, TID).u64(0).build(777, 5, 1));
        assertThat(x.offset()).isEqualTo(777);
        assertThat(x.cpu()).isEqualTo(5);
        assertThat(x.dumpFlags()).isEqualTo(1);
        assertThat(x.tid()).isEqualTo(TID);
        assertThat(x.ts()).isEqualTo(SyntheticEvent.TS);
    }

    @Test
    void storedEnterEventOfAnotherSyscallIsAnErrorAtTheEventsOffset() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_READ_E, TID).u64(7).u32(10));
        RawEvent close = SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, TID).u64(0).build(9000, 0, 0);
        assertThatThrownBy(() -> converter.convert(close))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("read")
                .satisfies(e -> assertThat(((CaptureFormatException) e).offset()).isEqualTo(9000));
    }

    @Test
    void exitWithMoreParametersThanTheTableIsAnError() {
        RawEvent close = SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, TID).u64(0).u64(1).u64(2).build();
        assertThatThrownBy(() -> converter.convert(close)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void exitWithAParameterCountTheTableDoesNotCoverIsAnError() {
        RawEvent read = SyntheticEvent.of(EventTypes.SYSCALL_READ_X, TID).u64(0).build();
        assertThatThrownBy(() -> converter.convert(read)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("does not have");
    }
}
