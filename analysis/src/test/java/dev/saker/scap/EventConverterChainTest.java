package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Conversions that chain through several event versions or change the length width. */
class EventConverterChainTest {
    private static final long TID = 77;
    private static final int EXECVE_X_PARAMS = 31;
    private final EventConverter converter = new EventConverter();

    private RawEvent convert(SyntheticEvent e) throws CaptureFormatException {
        return converter.convert(e.build());
    }

    private static SyntheticEvent execve8Exit() {
        return SyntheticEvent.of(EventTypes.SYSCALL_EXECVE_8_X, TID)
                .u64(0).str("/bin/ls").raw("ls\0-l\0".getBytes()).u64(TID).u64(TID).u64(1).str("/root").u64(1024);
    }

    @Test
    void execve8EnterIsDeliveredAsExecve19EnterWithEmptyFilename() throws CaptureFormatException {
        RawEvent e = convert(SyntheticEvent.of(EventTypes.SYSCALL_EXECVE_8_E, TID));
        assertThat(e.type()).isEqualTo(EventTypes.SYSCALL_EXECVE_19_E);
        assertThat(e.nparams()).isEqualTo(1);
        assertThat(e.isEmpty(0)).isTrue();
    }

    @Test
    void execve8ExitBecomesExecve19ExitKeepingItsEightParameters() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_EXECVE_8_E, TID));
        RawEvent x = convert(execve8Exit());
        assertThat(x.type()).isEqualTo(EventTypes.SYSCALL_EXECVE_19_X);
        assertThat(x.nparams()).isEqualTo(EXECVE_X_PARAMS);
        assertThat(x.string(1)).isEqualTo("/bin/ls");
        assertThat(x.bytes(2)).isEqualTo("ls\0-l\0".getBytes());
        assertThat(x.signed(5)).isEqualTo(1);
        assertThat(x.string(6)).isEqualTo("/root");
        assertThat(x.number(7)).isEqualTo(1024);
        for (int i = 8; i < EXECVE_X_PARAMS; i++) {
            assertThat(x.isEmpty(i)).as("param %d", i).isTrue();
        }
    }

    @Test
    void execve19ExitOf2022TakesFilenameFromItsEnterEvent() throws CaptureFormatException {
        RawEvent enter = convert(SyntheticEvent.of(EventTypes.SYSCALL_EXECVE_19_E, TID).str("/usr/bin/id"));
        assertThat(enter.string(0)).isEqualTo("/usr/bin/id");
        SyntheticEvent exit = SyntheticEvent.of(EventTypes.SYSCALL_EXECVE_19_X, TID)
                .u64(0).str("/usr/bin/id").empty().u64(TID).u64(TID).u64(1).str("/").u64(1024)
                .u64(0).u64(0).u32(0).u32(0).u32(0).str("id").empty().empty().u32(0).u64(TID).u32(0).u32(0);
        RawEvent x = convert(exit);
        assertThat(x.nparams()).isEqualTo(EXECVE_X_PARAMS);
        assertThat(x.string(13)).isEqualTo("id");
        assertThat(x.isEmpty(20)).isTrue();
        assertThat(x.string(30)).isEqualTo("/usr/bin/id");
    }

    @Test
    void connectEnterWithTwoParametersIsStoredAndDelivered() throws CaptureFormatException {
        RawEvent e = SyntheticEvent.of(EventTypes.SOCKET_CONNECT_E, TID).u64(3).raw(new byte[] {2, 1, 2, 3, 4, 0, 80}).build();
        assertThat(converter.convert(e)).isSameAs(e);
        assertThat(converter.storedEnter(TID).type()).isEqualTo(EventTypes.SOCKET_CONNECT_E);
    }

    @Test
    void connectExitWithThreeParametersGainsAddressFromItsEnterEvent() throws CaptureFormatException {
        byte[] addr = {2, 1, 2, 3, 4, 0, 80};
        convert(SyntheticEvent.of(EventTypes.SOCKET_CONNECT_E, TID).u64(3).raw(addr));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SOCKET_CONNECT_X, TID).u64(0).empty().u64(3));
        assertThat(x.nparams()).isEqualTo(4);
        assertThat(x.bytes(3)).isEqualTo(addr);
    }

    /**
     * libscap forgets the enter event after the first step that uses it, so the 2022 layout (2
     * parameters) gets the fd in step one and, in step two, an empty address.
     */
    @Test
    void connectExitOf2022GainsFdButNotAddressAsInLibscap() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SOCKET_CONNECT_E, TID).u64(3).raw(new byte[] {2, 1, 2, 3, 4, 0, 80}));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SOCKET_CONNECT_X, TID).u64(0).empty());
        assertThat(x.nparams()).isEqualTo(4);
        assertThat(x.signed(2)).isEqualTo(3);
        assertThat(x.isEmpty(3)).isTrue();
    }

    @Test
    void connectEnterWithOneParameterGainsDefaultAddressAndIsDelivered() throws CaptureFormatException {
        RawEvent e = convert(SyntheticEvent.of(EventTypes.SOCKET_CONNECT_E, TID).u64(3));
        assertThat(e.nparams()).isEqualTo(2);
        assertThat(e.isEmpty(1)).isTrue();
    }

    @Test
    void containerEventBecomesLargePayloadJsonEvent() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.CONTAINER_E, TID).str("abc123").u32(0).str("web").str("nginx:1"));
        assertThat(x.type()).isEqualTo(EventTypes.CONTAINER_JSON_2_E);
        assertThat(x.info().isLargePayload()).isTrue();
        assertThat(x.string(0)).isEqualTo("{\"id\":\"abc123\",\"type\":0,\"name\":\"web\",\"image\":\"nginx:1\"}");
    }

    /** libscap reads an empty type into an uninitialised variable; Saker writes 0 there. */
    @Test
    void containerEventWithEmptyTypeGetsTypeZeroInItsJson() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.CONTAINER_E, TID).str("abc").empty().str("web").str("img"));
        assertThat(x.string(0)).isEqualTo("{\"id\":\"abc\",\"type\":0,\"name\":\"web\",\"image\":\"img\"}");
    }

    @Test
    void containerEventWithEmptyIdGetsEmptyJson() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.CONTAINER_E, TID).empty().u32(1).str("web").str("img"));
        assertThat(x.type()).isEqualTo(EventTypes.CONTAINER_JSON_2_E);
        assertThat(x.isEmpty(0)).isTrue();
    }

    @Test
    void bpfExitTakesCommandFromEnterTruncatedToThirtyTwoBits() throws CaptureFormatException {
        convert(SyntheticEvent.of(EventTypes.SYSCALL_BPF_E, TID).u64(0x1_0000_0005L));
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SYSCALL_BPF_X, TID).raw(new byte[] {0, 9, 0, 0, 0, 0, 0, 0, 0}));
        assertThat(x.type()).isEqualTo(EventTypes.SYSCALL_BPF_2_X);
        assertThat(x.paramLength(1)).isEqualTo(4);
        assertThat(x.number(1)).isEqualTo(5);
    }

    @Test
    void schedSwitchOfOneParameterBecomesSchedSwitch6() throws CaptureFormatException {
        RawEvent x = convert(SyntheticEvent.of(EventTypes.SCHEDSWITCH_1_E, TID).u64(99));
        assertThat(x.type()).isEqualTo(EventTypes.SCHEDSWITCH_6_E);
        assertThat(x.nparams()).isEqualTo(6);
        assertThat(x.signed(0)).isEqualTo(99);
    }
}
