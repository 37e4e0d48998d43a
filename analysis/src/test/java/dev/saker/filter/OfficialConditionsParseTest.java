package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule and macro condition of the official rules files in ../shared/conformance/rules-upstream
 * parses (macros and lists stay identifiers at this stage). The conditions are cut out of the YAML
 * with a reader that knows only the two shapes these files use, {@code condition: text} and the
 * folded block {@code condition: >}; the rules loader proper lives in dev.saker.rules.
 */
class OfficialConditionsParseTest {

    static List<Path> rulesFiles() throws IOException {
        Path root = ConformanceCaptures.requireRoot().resolve("rules-upstream");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("rulesFiles")
    void everyConditionParses(Path file) throws IOException {
        List<String> conditions = conditions(Files.readAllLines(file));
        List<String> failures = new ArrayList<>();
        for (String c : conditions) {
            ParseResult r = Condition.parse(c, file.getFileName().toString());
            if (!r.ok()) {
                failures.add(r.describeProblems());
            }
        }
        System.out.printf("%s: %d conditions, %d parse%n", file, conditions.size(), conditions.size() - failures.size());
        assertThat(conditions).hasSizeGreaterThan(5);
        assertThat(failures).isEmpty();
    }

    static List<String> conditions(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.stripLeading();
            if (!t.startsWith("condition:")) {
                continue;
            }
            int indent = line.length() - t.length();
            String value = t.substring("condition:".length()).strip();
            if (value.startsWith(">") || value.startsWith("|")) {
                StringBuilder b = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
                    String next = lines.get(++i);
                    if (!next.strip().startsWith("#")) {
                        b.append(next.strip()).append('\n');
                    }
                }
                value = b.toString().strip();
            } else {
                while (i + 1 < lines.size() && !lines.get(i + 1).isBlank() && indentOf(lines.get(i + 1)) > indent) {
                    value += " " + lines.get(++i).strip();
                }
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
                } else if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1).replace("''", "'");
                }
            }
            if (!value.isEmpty()) {
                out.add(value);
            }
        }
        return out;
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }
}
