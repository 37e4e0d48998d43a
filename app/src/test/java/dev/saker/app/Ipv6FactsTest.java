package dev.saker.app;

import dev.saker.scap.ConformanceCaptures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facts ../shared/conformance/README.md records from the libs test suite about the IPv6
 * captures, checked through `saker read --as falco -p` (current libs semantics, as those tests run).
 * Ports print as numbers: like sysdig 0.29.3, Saker does not look port names up in /etc/services.
 */
class Ipv6FactsTest {

    private static List<String> fields(String capture, String format) {
        CliRun r = CliRun.of("read", "--as", "falco", "-p", format,
                ConformanceCaptures.capture(capture).toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().toList();
    }

    @Test
    void curlGoogleResolvesDnsOverUdpAndHttpOverTcpAsClient() {
        List<String> lines = fields("libs/curl_google.scap", "%thread.tid %fd.l4proto %fd.is_server %fd.name");
        assertThat(lines).contains(
                "17498 udp false 2600:1f18:262c:6542:9aa6:df7a:9a47:d29e:40251->2001:4860:4860::8888:53",
                "17497 tcp false 2600:1f18:262c:6542:9aa6:df7a:9a47:d29e:37140->2607:f8b0:4004:802::2004:80");
        assertThat(lines).filteredOn(l -> l.contains("2600:1f18")).allMatch(l -> l.split(" ")[2].equals("false"));
    }

    @Test
    void singleIpv6ConnectionHasClientAndServerOnOneTcpTuple() {
        List<String> lines = fields("libs/single_ipv6_conn.scap", "%proc.pid %evt.type %fd.l4proto %fd.name");
        assertThat(lines).contains("25888 connect tcp 2001:db8::4:54405->2001:db8::3:1234",
                "25886 read tcp 2001:db8::4:54405->2001:db8::3:1234");
    }

    @Test
    void ipv6ClientSocketFollowsItsConnectsAndSendtos() {
        List<String> sends = fields("libs/test_ipv6_client.scap", "%evt.dir %evt.type %proc.name %fd.name").stream()
                .filter(l -> l.startsWith("< sendto ")).toList();
        assertThat(sends).containsExactly(
                "< sendto test_ipv6_clien ::1:0->::1:2345",
                "< sendto test_ipv6_clien ::1:38255->::1:2345",
                "< sendto test_ipv6_clien ::1:38255->2001:4860:4860::8888:53",
                "< sendto test_ipv6_clien ::1:38255->::1:2345");
    }
}
