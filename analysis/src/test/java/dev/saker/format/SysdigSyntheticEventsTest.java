package dev.saker.format;

import static dev.saker.scap.SyntheticEvent.bytes;
import static dev.saker.scap.SyntheticEvent.bytes8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.SyntheticEvent;
import dev.saker.scap.SysdigOracle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter types and values the conformance captures never exercise (MODE, FSRELPATH with a dirfd,
 * DYN, SIGSET, INT16, RELTIME, IPv6 and unix tuples, errno fds, unset uids, out-of-range dynamic
 * selectors, flags without a name), written to a capture that sysdig 0.29.3 then prints: our
 * rendering must equal its output.
 */
class SysdigSyntheticEventsTest {
    private static final long TID = 1000;
    private static final long AT_FDCWD = -100;

    private final List<SyntheticEvent> events = new ArrayList<>();
    private final List<ArgContext> contexts = new ArrayList<>();
    private final ScriptedState state = new ScriptedState();
    private long ts = 1_600_000_000_000_000_000L;

    private SyntheticEvent add(int type) {
        return add(TID, type);
    }

    private SyntheticEvent add(long tid, int type) {
        SyntheticEvent e = SyntheticEvent.of(ts += 1000, tid, type);
        events.add(e);
        contexts.add(null);
        return e;
    }

    /** The state after the last added event was parsed is its context. */
    private void parsed(long tid) {
        contexts.set(contexts.size() - 1, state.snapshot(tid));
    }

    @Test
    void synthesizedEventsRenderAsSysdigPrintsThem(@TempDir Path dir) throws IOException {
        // A child's clone exit with an unknown parent: 2022 libsinsp creates the parent (with the
        // child's comm) and the child, whose cwd it then takes from the empty parent, not from the event.
        add(223).u64(0).str("/bin/synth").raw(bytes('a', 0, 'b', 0)).u64(TID).u64(TID).u64(1).str("/home/u").u64(1024)
                .u64(0).u64(0).u32(0).u32(0).u32(0).str("synth").empty().u32(0).u32(0).u32(0).u64(TID).u64(TID);
        state.thread(1, "synth", "").thread(TID, "synth", "");
        parsed(TID);
        add(3).u64(4).str("/etc").u32(0x401).u32(0).u32(0);
        state.fd(4, 'd', "/etc");
        parsed(TID);
        add(307).u64(5).u64(4).str("passwd").u32(0x1001).u32(0).u32(0x801);
        state.fd(5, 'f', "/etc/passwd");
        parsed(TID);
        add(307).u64(6).u64(AT_FDCWD).str("a/./b/../c//d/").u32(0x106).u32(0644).u32(0);
        state.fd(6, 'f', "a/c/d");
        parsed(TID);
        add(307).u64(-2).u64(99).str("x").u32(0).u32(0).u32(0);
        parsed(TID);
        add(313).u64(0).u64(4).str("shadow").u32(0640);
        parsed(TID);
        add(315).u64(-13).str("/tmp/x").u32(0);
        parsed(TID);
        add(317).u64(-9).u64(99).u32(04755);
        parsed(TID);
        add(169).u64(0).dyn(0, bytes8(0x7fff0000L)).dyn(1, bytes(9));
        parsed(TID);
        add(169).u64(-1).dyn(5, bytes8(1)).empty();
        parsed(TID);
        add(297).dyn(0, bytes8(5));
        parsed(TID);
        add(297).dyn(1, bytes8(-1));
        parsed(TID);
        add(45).u64(0).u64(6).u8(1).u8(0x14).dyn(4, bytes8(2_500_000)).u32(8);
        parsed(TID);
        add(45).u64(0).u64(6).u8(2).u8(0x7f).dyn(0, bytes('a', 'b', 1)).u32(3);
        parsed(TID);
        add(254).raw(fdList(new long[] {5, 77}, new int[] {1, 0xffff})).u64(1_500_000_000L).u32(0x4001);
        parsed(TID);
        add(134).u64(-1);
        parsed(TID);
        add(134).u64(123_456_789_012L);
        parsed(TID);
        add(251).u64(0).u32(2).u16(1).u16(-1).u16(3).u16(2).u16(5).u16(0);
        parsed(TID);
        add(18).u32(16).u32(2).u32(0);
        parsed(TID);
        add(18).u32(0x30).u32(0x80001).u32(0);
        parsed(TID);
        add(23).u64(-111).raw(inet4Tuple());
        parsed(TID);
        add(23).u64(0).raw(inet6Tuple(ipv6("20010db8000000000000000000000001"), 5000, ipv6("00000000000000000000000000000001"), 80));
        parsed(TID);
        add(23).u64(0).raw(inet6Tuple(ipv6("00000000000000000000ffff01020304"), 1, ipv6("00000000000000000000ffff05060708"), 2));
        parsed(TID);
        add(23).u64(0).raw(unixTuple());
        parsed(TID);
        add(21).u64(0).raw(concat(bytes(10), ipv6("fe800000000000000000000000010002"), bytes(0x90, 0x1f)));
        parsed(TID);
        add(21).u64(0).raw(concat(bytes(1), "/tmp/s\u0001x".getBytes(), bytes(0)));
        parsed(TID);
        add(21).u64(0).raw(bytes(99, 1, 2));
        parsed(TID);
        add(21).u64(0).empty();
        parsed(TID);
        add(9).u64(100).raw(binary(100));
        parsed(TID);
        add(9).u64(3).raw(bytes('a', '\t', 'b'));
        parsed(TID);
        add(198).u32(0);
        parsed(TID);
        add(192).u32(-1).u32(1000).u32(0);
        parsed(TID);
        add(24).u64(6).u32(0xFFFFFFFFL);
        parsed(TID);
        add(162).u64(0).u64(4096).u32(0).u32(0x22).u64(-1).u64(0);
        parsed(TID);
        add(0).u16(60).u16(60);
        parsed(TID);
        add(128).u64(TID).u8(15);
        parsed(TID);
        add(128).u64(4242).u8(40);
        parsed(TID);
        // An event of an unknown thread makes libsinsp create it (empty cwd) before parsing.
        add(4242, 307).u64(3).u64(AT_FDCWD).str("rel").u32(1).u32(0).u32(0);
        state.thread(4242, "", "").fd(3, 'f', "rel");
        parsed(4242);

        Path capture = dir.resolve("synthetic.scap");
        SyntheticCapture.write(capture, events);
        Map<Long, SysdigLines.Line> oracle = SysdigLines.parse(SysdigOracle.print(capture));

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SysdigLines.Line expected = oracle.get((long) i + 1);
            var raw = events.get(i).toRaw();
            String ours = EventArgs.typeName(raw) + " " + EventArgs.of(raw, contexts.get(i));
            String theirs = expected == null ? "(not printed)" : expected.type() + " " + expected.args();
            if (!ours.equals(theirs)) {
                differences.add((i + 1) + "\n  sysdig: " + theirs + "\n  saker:  " + ours);
            }
        }
        assertThat(differences).as(String.join("\n", differences)).isEmpty();
    }

    private static byte[] fdList(long[] fds, int[] flags) {
        var b = java.nio.ByteBuffer.allocate(2 + 10 * fds.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) fds.length);
        for (int i = 0; i < fds.length; i++) {
            b.putLong(fds[i]).putShort((short) flags[i]);
        }
        return b.array();
    }

    private static byte[] inet4Tuple() {
        return concat(bytes(2), bytes(10, 0, 0, 1), bytes(0x40, 0x9c), bytes(192, 168, 1, 2), bytes(0xbb, 0x01));
    }

    private static byte[] inet6Tuple(byte[] sip, int sport, byte[] dip, int dport) {
        return concat(bytes(10), sip, bytes(sport & 0xff, sport >> 8), dip, bytes(dport & 0xff, dport >> 8));
    }

    private static byte[] unixTuple() {
        return concat(bytes(1), bytes8(0xffff94dc817b9400L), bytes8(0xab), "/var/run/nscd/socket".getBytes(), bytes(0));
    }

    private static byte[] ipv6(String hex) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static byte[] binary(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i * 7 + 30);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
