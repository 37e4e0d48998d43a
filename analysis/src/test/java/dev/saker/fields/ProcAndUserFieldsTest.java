package dev.saker.fields;

import static dev.saker.fields.FieldsOnCaptures.all;
import static dev.saker.fields.FieldsOnCaptures.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** proc.*, user.* and container.* fields, and what the two editions disagree on. */
class ProcAndUserFieldsTest {
    private static final String CURL = "libs/curl_google.scap";

    @Test
    void threadOfAnUnknownProcessLearnsItsParentFromExecve() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 211, "proc.name", "proc.cmdline", "proc.ppid", "proc.pname", "proc.cwd",
                "user.uid", "user.name"))
                .containsEntry("proc.name", "curl").containsEntry("proc.cmdline", "curl -6 http://www.google.com")
                .containsEntry("proc.ppid", "3200").containsEntry("proc.pname", "bash").containsEntry("proc.cwd", "")
                .containsEntry("user.uid", "4294967295").containsEntry("user.name", "<NA>");
    }

    @Test
    void aThreadsParentIsItsProcessesParentNowButItsCreatorIn2022() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 1051, "thread.tid", "proc.pid", "proc.pname", "proc.aname[1]"))
                .containsEntry("thread.tid", "17498").containsEntry("proc.pid", "17497")
                .containsEntry("proc.pname", "bash").containsEntry("proc.aname[1]", "bash");
        assertThat(at(CURL, LibsEdition.SYSDIG_2022, 1051, "proc.pname", "proc.aname[1]"))
                .containsEntry("proc.pname", "curl").containsEntry("proc.aname[1]", "bash");
    }

    @Test
    void commIsCutAt15Characters() throws Exception {
        assertThat(all("libs/test_ipv6_client.scap", LibsEdition.CURRENT, "proc.name"))
                .anyMatch(l -> l.endsWith(" test_ipv6_clien"));
    }

    @Test
    void containerUserNamesComeFromTheContainersTableNowAndTheHostsIn2022() throws Exception {
        String nginx = "sysdig-examples/example0-nginx.scap";
        assertThat(at(nginx, LibsEdition.CURRENT, 52, "user.uid", "user.name", "container.id", "container.name",
                "container.image"))
                .containsEntry("user.uid", "101").containsEntry("user.name", "<NA>")
                .containsEntry("container.id", "f1aaeb3ab367").containsEntry("container.name", "example0_nginx_1")
                .containsEntry("container.image", "nginx:latest");
        assertThat(at(nginx, LibsEdition.SYSDIG_2022, 52, "user.name")).containsEntry("user.name", "systemd-network");
    }

    @Test
    void hostThreadsAreInContainerHost() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 211, "container.id", "container.name", "container.image"))
                .containsEntry("container.id", "host").containsEntry("container.name", "host")
                .containsEntry("container.image", null);
    }

    @Test
    void the2022ReaderNeitherNumbersNorShowsNewerEventTypes() throws Exception {
        assertThat(all("libs/sample.scap", LibsEdition.SYSDIG_2022, "evt.type").get(0)).isEqualTo("2 switch");
        assertThat(all("libs/sample.scap", LibsEdition.CURRENT, "evt.type").get(0)).isEqualTo("1 useradded");
    }

    @Test
    void failedCallsReportTheirErrnoName() throws Exception {
        assertThat(at(CURL, LibsEdition.CURRENT, 215, "evt.res", "evt.rawres", "evt.failed"))
                .containsEntry("evt.res", "ENOENT").containsEntry("evt.rawres", "-2").containsEntry("evt.failed", "true");
    }
}
