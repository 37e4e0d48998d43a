package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** fd.ip, fd.net, fd.port, fd.proto and the end networks: literals, operators, and captures against sysdig. */
class NetFiltersTest {
    private static final FieldRegistry REGISTRY = FieldRegistry.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4|01020304", "255.255.255.255|ffffffff", "::1|00000000000000000000000000000001",
        "2001:4860:4860::8888|20014860486000000000000000008888", "::|00000000000000000000000000000000",
        "fe80::1:2|fe800000000000000000000000010002", "::ffff:1.2.3.4|", "1.2.3|", "1.2.3.256|", "01.2.3.4|",
        "1::2::3|", "1:2:3:4:5:6:7:8:9|", "12345::|", "g::|", "1:2:3:4:5:6:7:8|00010002000300040005000600070008",
    })
    void addressLiterals(String text, String hex) {
        byte[] a = IpAddresses.address(text);
        if (hex == null) {
            assertThat(a).as(text).isNull();
        } else {
            assertThat(a).as(text).isEqualTo(java.util.HexFormat.of().parseHex(hex));
        }
    }

    @Test
    void networksContainTheirPrefix() {
        IpAddresses.Net n = IpAddresses.network("10.0.0.0/8");
        assertThat(n.contains(IpAddresses.address("10.200.1.1"))).isTrue();
        assertThat(n.contains(IpAddresses.address("11.0.0.1"))).isFalse();
        assertThat(n.contains(IpAddresses.address("::1"))).isFalse();
        IpAddresses.Net m = IpAddresses.network("192.168.1.0/23");
        assertThat(m.contains(IpAddresses.address("192.168.0.7"))).isTrue();
        assertThat(m.contains(IpAddresses.address("192.168.2.7"))).isFalse();
        assertThat(IpAddresses.network("0.0.0.0/0").contains(IpAddresses.address("8.8.8.8"))).isTrue();
        IpAddresses.Net v6 = IpAddresses.network("2001:4860::/32");
        assertThat(v6.contains(IpAddresses.address("2001:4860:4860::8888"))).isTrue();
        assertThat(v6.contains(IpAddresses.address("2001:4861::1"))).isFalse();
        assertThat(IpAddresses.network("fe80::/10").contains(IpAddresses.address("febf::1"))).isTrue();
        assertThat(IpAddresses.network("fe80::/10").contains(IpAddresses.address("fec0::1"))).isFalse();
        assertThat(IpAddresses.network("::1/128").contains(IpAddresses.address("::1"))).isTrue();
        assertThat(IpAddresses.network("10.0.0.0")).isNull();
        assertThat(IpAddresses.network("10.0.0.0/33")).isNull();
        assertThat(IpAddresses.network("::/129")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fd.ip contains 1.2|'contains' operator not supported for ip address and network filters",
        "fd.ip intersects (1.2.3.4)|'intersects' operator not supported for ip address and network filters",
        "fd.net > 10|'>' operator not supported for ip address and network filters",
        "fd.port contains 5|'contains' operator not supported for port filters",
        "fd.ip = 1.2.3|unrecognized IP address 1.2.3",
        "fd.net = 10.0.0.1|unrecognized IP network 10.0.0.1",
        "fd.snet in (10.0.0.0/8, x)|unrecognized IP network x",
        "fd.port = 70000|'70000' is not a valid port number",
        "fd.proto = tcp|'tcp' is not a valid port number",
        "fd.ip = oneof (1.2.3.4)|'= oneof' with modifier not supported for ip address and network filters",
        "fd.ip = val(fd.sip)|field 'fd.ip' cannot be compared with another field",
    })
    void rejectedChecks(String condition, String message) {
        CompileResult r = FilterCompiler.compile(condition, "test", REGISTRY);
        assertThat(r.ok()).as(condition).isFalse();
        assertThat(r.problems().get(0).message()).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fd.ip = 1.2.3.4", "fd.ip in (1.2.3.4, ::1)", "fd.ip != ::1", "fd.ip exists", "fd.net = 192.168.0.0/16",
        "fd.net in (10.0.0.0/8, fe80::/10)", "fd.cnet in (10.0.0.0/8)", "fd.snet intersects (10.0.0.0/8)",
        "fd.lnet != 127.0.0.0/8", "fd.rnet = ::/0", "fd.port >= 1024", "fd.port in (80, 443)", "fd.proto = 53",
    })
    void acceptedChecks(String condition) {
        assertThat(FilterCompiler.compile(condition, "test", REGISTRY).problems()).as(condition).isEmpty();
    }

    /** Matching event numbers of saker (2022 libsinsp edition) and sysdig 0.29 agree. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "libs/curl_google.scap|fd.ip=2001:4860:4860::8888",
        "libs/curl_google.scap|fd.ip!=2001:4860:4860::8888",
        "libs/curl_google.scap|fd.ip in (::1, 2001:4860:4860::8888)",
        "libs/curl_google.scap|fd.ip=2600:1f18:262c:6542:9aa6:df7a:9a47:d29e",
        "libs/curl_google.scap|fd.ip=8.8.8.8",
        "libs/curl_google.scap|fd.port=53",
        "libs/curl_google.scap|fd.port!=53",
        "libs/curl_google.scap|fd.port>1024",
        "libs/curl_google.scap|fd.port in (80, 443)",
        "libs/curl_google.scap|fd.proto=53",
        "sysdig-examples/example0-nginx.scap|fd.ip=127.0.0.1",
        "sysdig-examples/example0-nginx.scap|fd.ip!=127.0.0.1",
        "sysdig-examples/example0-nginx.scap|fd.net=127.0.0.0/8",
        "sysdig-examples/example0-nginx.scap|fd.net!=127.0.0.0/8",
        "sysdig-examples/example0-nginx.scap|fd.net=0.0.0.0/0",
        "sysdig-examples/example0-nginx.scap|fd.snet=127.0.0.0/8",
        "sysdig-examples/example0-nginx.scap|fd.cnet in (10.0.0.0/8, 127.0.0.0/8)",
        "sysdig-examples/example0-nginx.scap|fd.lnet!=127.0.0.0/8",
        "sysdig-examples/example0-nginx.scap|fd.rnet=127.0.0.0/8",
        "sysdig-examples/example0-nginx.scap|fd.port=80",
        "sysdig-examples/example0-nginx.scap|fd.port<=80",
        "libs/sample.scap|fd.net=0.0.0.0/0",
        "libs/sample.scap|fd.ip exists and fd.port!=0",
    })
    void matchesSysdig(String capture, String condition) throws Exception {
        Path path = ConformanceCaptures.capture(capture);
        String out = SysdigOracle.print(path, "-p", "%evt.num", condition);
        List<String> expected = Arrays.stream(out.split("\n")).filter(s -> !s.isBlank()).toList();
        CompileResult r = FilterCompiler.compile(condition, "test", REGISTRY);
        assertThat(r.problems()).isEmpty();
        List<String> actual = new ArrayList<>();
        try (InspectedEvents events = InspectedEvents.open(path, LibsEdition.SYSDIG_2022)) {
            for (EventContext c; (c = events.next()) != null; ) {
                if (r.filter().matches(c)) {
                    actual.add(String.valueOf(c.num()));
                }
            }
        }
        assertThat(actual).as(condition).isEqualTo(expected);
    }

    @Test
    void ipv6NetworksOnTheDnsTraffic() throws Exception {
        Path path = ConformanceCaptures.capture("libs/curl_google.scap");
        List<Long> ip = nums(path, "fd.ip=2001:4860:4860::8888");
        assertThat(ip).isNotEmpty();
        assertThat(nums(path, "fd.net=2001:4860::/32")).isEqualTo(ip);
        assertThat(nums(path, "fd.snet in (10.0.0.0/8, 2001:4860::/32)")).isEqualTo(ip);
        assertThat(nums(path, "fd.cnet=2600:1f18::/32")).containsAll(ip);
        assertThat(nums(path, "fd.net in (10.0.0.0/8, 2001:4860::/32)")).isEmpty();
    }

    private static List<Long> nums(Path path, String condition) throws Exception {
        Filter f = FilterCompiler.compile(condition, "test", REGISTRY).filter();
        List<Long> out = new ArrayList<>();
        try (InspectedEvents events = InspectedEvents.open(path, LibsEdition.CURRENT)) {
            for (EventContext c; (c = events.next()) != null; ) {
                if (f.matches(c)) {
                    out.add(c.num());
                }
            }
        }
        return out;
    }
}
