package dev.saker.fields;

import static dev.saker.fields.FieldsOnCaptures.all;
import static dev.saker.fields.FieldsOnCaptures.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fields the official Falco rules use, in Falco's (current libs) edition. */
class RuleFieldsTest {
    private static final String CURL = "libs/curl_google.scap";

    @Test
    void anOpenForReadingIsAnOpenReadAndNotAWrite() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 219, "evt.type", "evt.is_open_read", "evt.is_open_write",
                "evt.is_open_exec", "evt.is_open_create", "evt.rawarg.flags"))
                .containsEntry("evt.type", "open").containsEntry("evt.is_open_read", "true")
                .containsEntry("evt.is_open_write", "false").containsEntry("evt.is_open_exec", "false")
                .containsEntry("evt.is_open_create", "false").containsEntry("evt.rawarg.flags", "4097");
    }

    @Test
    void eventsOtherThanOpensAreNeverOpenReads() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 220, "evt.is_open_read")).containsEntry("evt.is_open_read", "false");
    }

    @Test
    void rawargIsTheRecordedValue() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 215, "evt.rawarg.res", "evt.rawarg.name", "evt.rawarg.nope"))
                .containsEntry("evt.rawarg.res", "-2").containsEntry("evt.rawarg.name", "/etc/ld.so.nohwcap")
                .containsEntry("evt.rawarg.nope", null);
    }

    @Test
    void anUnsetSessionIdHasAnEmptySessionLeaderNowButTheEldestAncestorIn2022() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 211, "proc.sid", "proc.sname"))
                .containsEntry("proc.sid", "-1").containsEntry("proc.sname", "");
        assertThat(at(CURL, LibsEdition.SYSDIG_2022, 211, "proc.sname")).containsEntry("proc.sname", "systemd");
    }

    @Test
    void aConnectedSocketIsConnected() throws Exception {
        assertThat(at("libs/test_ipv6_client.scap", LibsEdition.CURRENT, 227, "fd.type", "fd.connected"))
                .containsEntry("fd.type", "ipv6").containsEntry("fd.connected", "true");
    }

    @Test
    void capturesHaveNoDomainNames() throws Exception {
        assertThat(all("libs/test_ipv6_client.scap", LibsEdition.CURRENT, "fd.sip.name"))
                .allMatch(l -> l.endsWith(" null"));
    }

    @Test
    void ancestorExecutablePathsWalkTheProcessTree() throws Exception {
        var v = at(CURL, LibsEdition.CURRENT, 1051, "proc.aexepath[0]", "proc.exepath", "proc.aexe[1]", "proc.pexe");
        assertThat(v.get("proc.aexepath[0]")).isEqualTo(v.get("proc.exepath"));
        assertThat(v.get("proc.aexe[1]")).isEqualTo(v.get("proc.pexe"));
    }

    @Test
    void capabilitySetsAreNamedInBitOrder() {
        assertThat(Capabilities.names(0)).isEmpty();
        assertThat(Capabilities.names((1L << 21) | 1L | (1L << 40))).isEqualTo("CAP_CHOWN CAP_SYS_ADMIN CAP_CHECKPOINT_RESTORE");
        assertThat(Capabilities.names(1L << 63)).isEmpty();
    }
}
