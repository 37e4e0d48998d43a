package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.ParamType;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The oracle test: for every capture sysdig 0.29.3 reads, the type and args of each event it prints
 * equal our rendering of the same recorded event, the whole line matches when proc.name and
 * thread.tid are taken from sysdig, and exactly the events sysdig prints are the ones we call printed. Events are matched by evt.num, which counts every
 * event the 2022 reader delivers (types it does not know are skipped unnumbered), including the ones
 * sysdig does not print (internal PROCINFO events, state-only events of Falco captures).
 */
class SysdigArgsConformanceTest {

    @ParameterizedTest
    @CsvSource({
            "falco-psp/privileged.scap, 0",
            "falco-psp/run_as_user_0_container.scap, 0",
            "falco-psp/run_as_user_65534_container.scap, 0",
            "falco-psp/write_tmp_test.scap, 0",
            "libs/curl_google.scap, 0",
            "libs/sample.scap, 0",
            "libs/single_ipv6_conn.scap, 0",
            "libs/test_ipv6_client.scap, 0",
            "sysdig-examples/example0-nginx.scap, 0",
            "sysdig-examples/example5-httpd.scap, 0",
            "sysdig-examples/example5-nginx.scap, 0"})
    void argsMatchSysdigOnConformanceCapture(String file, int expectedContextDifferences) throws IOException {
        Path capture = ConformanceCaptures.capture(file);
        Map<Long, SysdigLines.Line> oracle = SysdigLines.parse(SysdigRun.output(capture));
        OracleContext facts = OracleContext.learn(capture);
        List<String> differences = new ArrayList<>();
        Map<String, Integer> classes = new TreeMap<>();
        long compared = 0;
        try (ScapReader reader = ScapReader.open(capture, facts)) {
            long num = 0;
            for (RawEvent e; (e = reader.next()) != null; ) {
                if (!SysdigLine.isNumbered(e)) {
                    continue;
                }
                num++;
                SysdigLines.Line expected = oracle.get(num);
                if (!SysdigLine.isContainerEvent(e)) {
                    assertThat(expected != null).as("sysdig prints event " + num + " " + e).isEqualTo(SysdigLine.isPrinted(e));
                }
                if (expected == null) {
                    continue;
                }
                compared++;
                ArgContext ctx = facts.at(num, e);
                String type = EventArgs.typeName(e);
                String args = EventArgs.of(e, ctx);
                OracleContext.Facts f = facts.facts(num);
                StringBuilder line = new StringBuilder();
                SysdigLine.append(line, num, e, f.comm(), f.threadTid(), ctx, ZoneOffset.UTC);
                if (type.equals(expected.type()) && args.equals(expected.args())) {
                    assertThat(line.toString()).isEqualTo(expected.text());
                }
                if (!type.equals(expected.type()) || !args.equals(expected.args())) {
                    classes.merge(differenceClass(e, ctx, type, expected), 1, Integer::sum);
                    if (differences.size() < 15) {
                        differences.add(num + " " + type + "\n  sysdig: " + expected.type() + " " + expected.args()
                                + "\n  saker:  " + type + " " + args);
                    }
                }
            }
        }
        int different = classes.values().stream().mapToInt(Integer::intValue).sum();
        int rendering = classes.entrySet().stream().filter(c -> c.getKey().startsWith("render/"))
                .mapToInt(Map.Entry::getValue).sum();
        System.out.printf("%s: %d of %d printed events match (%.2f%%); %d differ %s%n", file, compared - different,
                compared, compared == 0 ? 100.0 : 100.0 * (compared - different) / compared, different, classes);
        differences.forEach(System.out::println);
        assertThat(compared).as("events compared").isEqualTo(oracle.size());
        assertThat(rendering).as("events rendered differently from sysdig " + classes).isZero();
        assertThat(different).as("events whose fd/thread context the oracle approximates wrongly " + classes)
                .isEqualTo(expectedContextDifferences);
    }

    /**
     * "context/evt.param" when the only difference is what an fd, a thread or an fd list resolves to
     * (state the oracle context approximates), "render/evt.param" for a real rendering difference.
     */
    private static String differenceClass(RawEvent e, ArgContext ctx, String type, SysdigLines.Line expected) {
        if (!type.equals(expected.type())) {
            return "render/type";
        }
        EventInfo info = EventSchema.legacy2022().info(e.type());
        List<String> names = info.params().stream().map(ParamInfo::name).toList();
        int n = Math.min(names.size(), e.nparams());
        List<String> theirs = splitArgs(expected.args(), names, n);
        List<String> ours = splitArgs(EventArgs.of(e, ctx), names, n);
        for (int i = 0; i < n; i++) {
            if (!theirs.get(i).equals(ours.get(i))) {
                ParamType t = info.params().get(i).type();
                boolean resolvedOnly = rawPart(theirs.get(i)).equals(rawPart(ours.get(i)));
                boolean contextual = t == ParamType.FD || t == ParamType.PID || t == ParamType.FDLIST;
                return (contextual && (resolvedOnly || t == ParamType.FDLIST) ? "context/" : "render/") + type + "."
                        + names.get(i);
            }
        }
        return "render/" + type;
    }

    private static String rawPart(String value) {
        int paren = value.indexOf('(');
        return paren < 0 ? value : value.substring(0, paren);
    }

    /** Splits "a=1 b=2 " at the known parameter names, in order. */
    private static List<String> splitArgs(String args, List<String> names, int n) {
        List<String> values = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < n; i++) {
            int start = args.startsWith(names.get(i) + "=", pos) ? pos + names.get(i).length() + 1 : pos;
            int end = i + 1 < n ? args.indexOf(" " + names.get(i + 1) + "=", start) : args.length() - 1;
            if (end < start) {
                end = args.length();
            }
            values.add(args.substring(start, Math.max(start, Math.min(end, args.length()))));
            pos = Math.min(end + 1, args.length());
        }
        return values;
    }
}
