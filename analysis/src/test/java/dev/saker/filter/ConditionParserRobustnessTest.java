package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.FieldRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever is typed into a filter bar, parsing and compiling return a result (never throw), every
 * span lies inside the text, and every prefix of a valid condition is valid or incomplete, never
 * invalid (so the bar does not flash red while a good condition is being typed).
 */
class ConditionParserRobustnessTest {
    private static final String[] PIECES = {"proc.name", "fd.name", "evt.type", "proc.aname[2]", "a", "x_1", " ", " ",
        "and", "or", "not", "not(", "(", ")", ",", "=", "==", "!=", "<", "<=", ">", ">=", "contains", "icontains",
        "startswith", "endswith", "glob", "in", "intersects", "pmatch", "exists", "regex", "oneof", "'", "\"", "\\",
        "\\x4", "val(", "tolower(", "len(", "join(", "[", "]", "1", "0x1f", "-2.5e+3", "/etc/*", "\n", "\t"};

    @Test
    void randomInputNeverThrowsAndSpansStayInside() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextBoolean()) {
                    b.append(' ');
                }
            }
            String text = b.toString();
            ParseResult r = Condition.parse(text, "fuzz");
            for (FilterProblem p : r.problems()) {
                assertThat(p.span().end()).as(text).isLessThanOrEqualTo(text.length());
                assertThat(p.render(text)).isNotEmpty();
            }
            CompileResult c = FilterCompiler.compile(text, "fuzz", FieldRegistry.standard());
            assertThat(c.ok() || !c.problems().isEmpty()).isTrue();
        }
    }

    @Test
    void everyPrefixOfAValidConditionIsValidOrIncomplete() {
        List<String> conditions = List.of(
                "evt.type in (open, openat) and fd.name startswith \"/etc\" and not proc.name = 'sshd'",
                "(proc.aname[2] = bash or proc.pname contains \"sh\") and fd.num >= 3",
                "tolower(proc.name) = val(proc.pname) and fd.name pmatch (/tmp)",
                "not (a and b) or proc.name exists");
        List<String> invalid = new ArrayList<>();
        for (String condition : conditions) {
            assertThat(Condition.parse(condition, "t").ok()).as(condition).isTrue();
            for (int end = 0; end < condition.length(); end++) {
                String prefix = condition.substring(0, end);
                if (Condition.parse(prefix, "t").status() == ParseResult.Status.INVALID) {
                    invalid.add(prefix);
                }
            }
        }
        assertThat(invalid).isEmpty();
    }
}
