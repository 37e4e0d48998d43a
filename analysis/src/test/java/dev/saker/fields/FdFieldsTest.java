package dev.saker.fields;

import static dev.saker.fields.FieldsOnCaptures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** fd.* fields with libsinsp's fd resolution, on curl_google.scap and its neighbours. */
class FdFieldsTest {
    private static final String CURL = "libs/curl_google.scap";

    @Test
    void failedOpenNamesThePathItTriedAndHasNoFd() throws Exception {
        Map<String, String> v = at(CURL, LibsEdition.CURRENT, 980, "evt.type", "evt.res", "fd.name", "fd.num", "fd.type",
                "fd.typechar", "fd.directory");
        assertThat(v).containsEntry("evt.type", "open").containsEntry("evt.res", "ENOENT")
                .containsEntry("fd.name", "/home/ubuntu/.curlrc").containsEntry("fd.num", "-1")
                .containsEntry("fd.type", null).containsEntry("fd.typechar", "f")
                .containsEntry("fd.directory", "/home/ubuntu");
    }

    @Test
    void closeStillShowsTheFdItClosed() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 225, "evt.type", "evt.dir", "fd.num", "fd.name"))
                .containsEntry("evt.type", "close").containsEntry("evt.dir", "<")
                .containsEntry("fd.num", "3").containsEntry("fd.name", "/etc/ld.so.cache");
    }

    @Test
    void openEnterHasNoFdYetButIsAFileCreator() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 218, "fd.num", "fd.typechar", "fd.name"))
                .containsEntry("fd.num", "-1").containsEntry("fd.typechar", "f").containsEntry("fd.name", null);
    }

    @Test
    void exitKeepsTheFdOfItsEnterAcrossSchedulerSwitches() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 1353, "evt.type", "fd.num")).containsEntry("evt.type", "write")
                .containsEntry("fd.num", "1");
    }

    @Test
    void mmapUsesAnFdForCurrentLibsButNotFor2022Sysdig() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 222, "evt.type", "fd.num", "fd.name"))
                .containsEntry("evt.type", "mmap").containsEntry("fd.num", "3").containsEntry("fd.name", "/etc/ld.so.cache");
        assertThat(at(CURL, LibsEdition.SYSDIG_2022, 222, "fd.num", "fd.name"))
                .containsEntry("fd.num", null).containsEntry("fd.name", null);
    }

    @Test
    void dnsOverUdpIsSeenFromTheClient() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 1240, "thread.tid", "fd.name", "fd.cip", "fd.sip", "fd.sport", "fd.l4proto",
                "fd.is_server"))
                .containsEntry("thread.tid", "17498")
                .containsEntry("fd.name", "2600:1f18:262c:6542:9aa6:df7a:9a47:d29e:40251->2001:4860:4860::8888:53")
                .containsEntry("fd.sip", "2001:4860:4860::8888").containsEntry("fd.sport", "53")
                .containsEntry("fd.l4proto", "udp").containsEntry("fd.is_server", "false");
    }

    @Test
    void nonFdEventsHaveNoFdFields() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 212, "evt.type", "fd.num", "fd.typechar"))
                .containsEntry("evt.type", "brk").containsEntry("fd.num", null).containsEntry("fd.typechar", null);
    }
}
