package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fields the official rules use that sysdig 0.29.3 also has (evt.arg.*, evt.arg[N], evt.rawarg.*,
 * the open-mode tests, proc.sname) print as {@code sysdig -r F -p "*..."} prints them, every event of
 * every conformance capture sysdig reads. thread.cap_* are not in sysdig 0.29.3; its evt.rawarg.fd and .flags stop the
 * whole run ("wrong event type") on the first event whose parameter of that name has another type.
 */
class RuleFieldsConformanceTest {
    static final String FORMAT = "*%evt.num|%evt.arg.fd|%evt.arg.name|%evt.arg.flags|%evt.arg.res|%evt.arg[0]|%evt.arg[1]"
            + "|%evt.rawarg.res|%evt.rawarg.name|%evt.arg.data|%evt.is_open_read"
            + "|%evt.is_open_write|%evt.is_open_exec|%proc.sname|%fd.name_changed|%evt.buffer|%container.mounts"
            + "|%container.mount.dest[/etc]|%container.mount[0]";

    private static TimeZone savedZone;

    @BeforeAll
    static void useUtc() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    @TestFactory
    Stream<DynamicTest> ruleFieldsMatchSysdig() {
        return ConformanceCaptures.captures().stream()
                .filter(p -> !FieldOutputConformanceTest.UNREADABLE_BY_SYSDIG.contains(p.getFileName().toString()))
                .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                    List<String> expected = events(SysdigOracle.print(c, "-p", FORMAT));
                    List<String> actual = FieldOutputConformanceTest.render(c, FORMAT);
                    List<String> diffs = new ArrayList<>();
                    for (int i = 0; i < Math.max(expected.size(), actual.size()) && diffs.size() < 20; i++) {
                        String e = i < expected.size() ? expected.get(i) : null;
                        String a = i < actual.size() ? actual.get(i) : null;
                        if (!java.util.Objects.equals(e, a)) {
                            diffs.add("sysdig: " + e + "\nsaker:  " + a);
                        }
                    }
                    assertThat(diffs).as(c.getFileName().toString()).isEmpty();
                }));
    }

    /** One entry per event: a value can hold a newline (container JSON), so a line not starting with a digit continues. */
    private static List<String> events(String out) {
        List<String> events = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isEmpty() && Character.isDigit(l.charAt(0)) || events.isEmpty()) {
                events.add(l);
            } else {
                events.set(events.size() - 1, events.get(events.size() - 1) + "\n" + l);
            }
        }
        events.removeIf(String::isEmpty);
        return events;
    }
}
