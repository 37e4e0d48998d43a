package dev.saker.format;

import dev.saker.scap.SyntheticEvent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventArgsTest {
    private static final ArgContext THREAD_WITH_FD3 = new ArgContext() {
        @Override
        public boolean hasThread() {
            return true;
        }

        @Override
        public FdView fd(long fd) {
            return fd == 3 ? new FdView('f', "/tmp/test") : null;
        }

        @Override
        public String threadName(long tid) {
            return tid == 2987 ? "sysdig" : null;
        }

        @Override
        public String cwd() {
            return "/home/u/";
        }
    };

    @Test
    void everyArgumentIsFollowedByASpace() {
        var e = SyntheticEvent.of(5).u64(0).toRaw();
        assertThat(EventArgs.of(e, ArgContext.NONE)).isEqualTo("res=0 ");
    }

    @Test
    void negativeResultShowsErrnoName() {
        var e = SyntheticEvent.of(5).u64(-2).toRaw();
        assertThat(EventArgs.of(e, ArgContext.NONE)).isEqualTo("res=-2(ENOENT) ");
    }

    @Test
    void knownFdShowsTypeAndName() {
        var e = SyntheticEvent.of(4).u64(3).toRaw();
        assertThat(EventArgs.of(e, THREAD_WITH_FD3)).isEqualTo("fd=3(<f>/tmp/test) ");
    }

    @Test
    void socketFdShowsTransportAfterType() {
        ArgContext ctx = new ArgContext() {
            @Override
            public boolean hasThread() {
                return true;
            }

            @Override
            public FdView fd(long fd) {
                return new FdView('4', 't', "1.2.3.4:80->5.6.7.8:443");
            }
        };
        var e = SyntheticEvent.of(4).u64(7).toRaw();
        assertThat(EventArgs.of(e, ctx)).isEqualTo("fd=7(<4t>1.2.3.4:80->5.6.7.8:443) ");
    }

    @Test
    void negativeFdWithoutThreadIsOnlyTheNumber() {
        var e = SyntheticEvent.of(4).u64(-1).toRaw();
        assertThat(EventArgs.of(e, ArgContext.NONE)).isEqualTo("fd=-1 ");
    }

    @Test
    void negativeFdWithThreadShowsErrnoName() {
        var e = SyntheticEvent.of(4).u64(-1).toRaw();
        assertThat(EventArgs.of(e, THREAD_WITH_FD3)).isEqualTo("fd=-1(EPERM) ");
    }

    @Test
    void pidShowsThreadName() {
        var e = SyntheticEvent.of(152).u64(2987).u64(0).u64(0).u32(0).u32(0).u32(0).toRaw();
        assertThat(EventArgs.of(e, THREAD_WITH_FD3)).startsWith("next=2987(sysdig) pgft_maj=0 ");
    }

    @Test
    void relativePathShowsResolvedPathAgainstCwd() {
        var e = SyntheticEvent.of(301).u64(0).str("../x/./y").toRaw();
        assertThat(EventArgs.of(e, THREAD_WITH_FD3)).isEqualTo("res=0 path=../x/./y(/home/x/y) ");
    }

    @Test
    void absolutePathHasNoResolvedForm() {
        var e = SyntheticEvent.of(301).u64(0).str("/etc/passwd").toRaw();
        assertThat(EventArgs.of(e, THREAD_WITH_FD3)).isEqualTo("res=0 path=/etc/passwd ");
    }

    @Test
    void openFlagsAreNamedInTableOrder() {
        var e = SyntheticEvent.of(3).u64(3).str("/tmp/test").u32(0x106).u32(0666).u32(0x2d).toRaw();
        assertThat(EventArgs.of(e, THREAD_WITH_FD3))
                .isEqualTo("fd=3(<f>/tmp/test) name=/tmp/test flags=262(O_TRUNC|O_CREAT|O_WRONLY) mode=0666 dev=2D ");
    }

    @Test
    void genericEventsPrintNoArguments() {
        var e = SyntheticEvent.of(0).u16(60).u16(60).toRaw();
        assertThat(EventArgs.of(e, ArgContext.NONE)).isEmpty();
    }

    @Test
    void genericEventTypeIsTheSyscallName() {
        var e = SyntheticEvent.of(1).u16(1).toRaw();
        assertThat(EventArgs.typeName(e)).isEqualTo("restart_syscall");
    }

    @Test
    void eventTypeIsTheTableName() {
        assertThat(EventArgs.typeName(SyntheticEvent.of(152).toRaw())).isEqualTo("switch");
    }

    @Test
    void parametersBeyondThe2022TableAreNotShown() {
        // close exit: the 2022 table has only res; current files append fd.
        var e = SyntheticEvent.of(5).u64(0).u64(3).toRaw();
        assertThat(EventArgs.of(e, THREAD_WITH_FD3)).isEqualTo("res=0 ");
    }

    @Test
    void byteBuffersLongerThan80AreCutWithDots() {
        byte[] data = new byte[100];
        java.util.Arrays.fill(data, (byte) 'x');
        var e = SyntheticEvent.of(7).u64(100).raw(data).toRaw();
        assertThat(EventArgs.of(e, ArgContext.NONE)).isEqualTo("res=100 data=" + "x".repeat(77) + "... ");
    }

    @Test
    void verboseBufferLimitOfZeroShowsTheWholeBuffer() {
        byte[] data = new byte[100];
        java.util.Arrays.fill(data, (byte) 'x');
        var e = SyntheticEvent.of(7).u64(100).raw(data).toRaw();
        StringBuilder out = new StringBuilder();
        EventArgs.append(out, e, ArgContext.NONE, 0);
        assertThat(out.toString()).isEqualTo("res=100 data=" + "x".repeat(100) + " ");
    }
}
