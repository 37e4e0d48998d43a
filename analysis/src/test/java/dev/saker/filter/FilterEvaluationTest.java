package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compiled filters on a synthetic event: test fields whose values the test sets (absent = missing),
 * added to the standard registry, so evaluation is checked without a capture.
 */
class FilterEvaluationTest {
    private final Map<String, Object> values = new HashMap<>();
    private final List<String> ancestors = new java.util.ArrayList<>();
    private final EventContext ctx = new EventContext();
    private final FieldRegistry registry = FieldRegistry.standard().with(
            field("t.name", FieldType.STRING), field("t.path", FieldType.STRING), field("t.num", FieldType.NUMBER),
            field("t.flag", FieldType.BOOL), field("t.other", FieldType.STRING), field("t.b64", FieldType.STRING),
            new Field("t.aname", FieldType.STRING, Field.Argument.OPTIONAL, "ancestors", (c, a) -> {
                int n = a == null ? 1 : Integer.parseInt(a);
                return n >= 1 && n <= ancestors.size() ? ancestors.get(n - 1) : null;
            }));

    private Field field(String name, FieldType type) {
        return new Field(name, type, Field.Argument.NONE, "test", (c, a) -> values.get(name));
    }

    private boolean eval(String condition) {
        CompileResult r = FilterCompiler.compile(condition, "test", registry);
        assertThat(r.problems()).as(condition).isEmpty();
        return r.filter().matches(ctx);
    }

    private FilterProblem problemOf(String condition) {
        CompileResult r = FilterCompiler.compile(condition, "test", registry);
        assertThat(r.ok()).as(condition).isFalse();
        return r.problems().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "t.name = bash|true", "t.name == bash|true", "t.name = bas|false", "t.name != sh|true", "t.name != bash|false",
        "t.name < 5|false", "t.name <= 5|false", "t.name > 1|true", "t.name >= 1|true",
        "t.name contains as|true", "t.name contains x|false", "t.name icontains AS|true", "t.name icontains ash|true",
        "t.name startswith ba|true", "t.name startswith as|false", "t.name endswith sh|true", "t.name endswith ba|false",
        "t.name glob b*|true", "t.name glob b?sh|true", "t.name glob [a-c]ash|true", "t.name glob [!b]ash|false",
        "t.name glob B*|false", "t.name iglob B*|true", "t.name regex 'b.*h'|true", "t.name regex 'b.*s'|false",
        "t.name in (sh, bash)|true", "t.name in (sh, zsh)|false", "t.name intersects (bash)|true", "t.name in ()|false",
        "t.name exists|true", "t.name = oneof (bash, sh)|true", "t.name contains anyof (x, as)|true",
        "t.name contains allof (b, h)|true", "t.name contains allof (b, x)|false", "t.name startswith oneof (b, ba)|false",
    })
    void stringOperators(String condition, boolean expected) {
        values.put("t.name", "bash");
        assertThat(eval(condition)).as(condition).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "t.num = 42|true", "t.num = 0x2a|true", "t.num != 42|false", "t.num < 100|true", "t.num <= 42|true",
        "t.num > 42|false", "t.num >= 42|true", "t.num in (1, 42)|true", "t.num in (1, 2)|false", "t.num > -1|true",
        "t.num exists|true", "t.num = +42|true",
    })
    void numbersCompareAsNumbers(String condition, boolean expected) {
        values.put("t.num", 42L);
        assertThat(eval(condition)).as(condition).isEqualTo(expected);
    }

    @Test
    void numbersAreNotComparedAsText() {
        values.put("t.num", 9L);
        assertThat(eval("t.num < 10")).isTrue();
    }

    @Test
    void booleansTakeTrueAndFalse() {
        values.put("t.flag", true);
        assertThat(eval("t.flag = true")).isTrue();
        assertThat(eval("t.flag != true")).isFalse();
        assertThat(eval("t.flag in (false)")).isFalse();
        assertThat(problemOf("t.flag = yes").message()).isEqualTo("unrecognized boolean value yes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "t.name = x", "t.name != x", "t.name contains x", "t.name in (x)", "t.name exists", "t.name glob *",
        "t.num != 1", "t.num < 1", "t.flag != true", "t.name pmatch (/)", "tolower(t.name) = x",
    })
    void aMissingValueMakesEveryCheckFalse(String condition) {
        assertThat(eval(condition)).as(condition).isFalse();
        assertThat(eval("not (" + condition + ")")).as("not " + condition).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/tmp/hello|true", "/tmp/hello/world|true", "/tmp/hello_world|false", "/tmp|false", "//tmp//hello/|true",
        "/var/run/file.txt|true", "/var|false",
    })
    void pmatchIsAPathPrefixMatchWithGlobComponents(String path, boolean expected) {
        values.put("t.path", path);
        assertThat(eval("t.path pmatch (/tmp/hello, /var/*)")).as(path).isEqualTo(expected);
    }

    @Test
    void globMustMatchTheWholePathAndStarCrossesSlashes() {
        values.put("t.path", "/var/run/file.txt");
        assertThat(eval("t.path glob /var/*")).isTrue();
        assertThat(eval("t.path glob /var/*.txt")).isTrue();
        assertThat(eval("t.path glob /var")).isFalse();
        assertThat(eval("t.path glob '/var/run/file\\\\.txt'")).isTrue();
    }

    @Test
    void andOrShortCircuitLeftToRight() {
        int[] calls = new int[1];
        FieldRegistry counting = registry.with(new Field("t.count", FieldType.STRING, Field.Argument.NONE, "",
                (c, a) -> {
                    calls[0]++;
                    return "x";
                }));
        values.put("t.name", "bash");
        Filter f = FilterCompiler.compile("t.name = sh and t.count = x", "t", counting).filter();
        assertThat(f.matches(ctx)).isFalse();
        assertThat(calls[0]).isZero();
        f = FilterCompiler.compile("t.name = bash or t.count = x", "t", counting).filter();
        assertThat(f.matches(ctx)).isTrue();
        assertThat(calls[0]).isZero();
    }

    @Test
    void precedenceDecidesEvaluation() {
        values.put("t.name", "bash");
        assertThat(eval("t.name = x and t.name = y or t.name = bash")).isTrue();
        assertThat(eval("not t.name = bash or t.name = bash")).isTrue();
        assertThat(eval("not (t.name = bash or t.name = x)")).isFalse();
    }

    @Test
    void ancestorFieldWithoutIndexMatchesAnyAncestor() {
        ancestors.addAll(List.of("bash", "sshd", "systemd"));
        assertThat(eval("t.aname = sshd")).isFalse(); // not one of the "any ancestor" fields: first value only
        assertThat(eval("t.aname[2] = sshd")).isTrue();
        ancestors.clear();
    }

    @Test
    void procAnameWithoutIndexMatchesAnyAncestorOnACapture() {
        // the ancestor walk uses the registry's proc.aname with indexes 1, 2, ...; without a thread there are none
        assertThat(FilterCompiler.compile("proc.aname = bash", "t", registry).filter().toString())
                .startsWith("(any-ancestor");
    }

    @Test
    void transformersAndFieldComparisons() {
        values.put("t.name", "BaSh");
        values.put("t.other", "bash");
        values.put("t.path", "/usr/bin/");
        values.put("t.b64", "aGVsbG8=");
        assertThat(eval("tolower(t.name) = bash")).isTrue();
        assertThat(eval("toupper(t.name) = BASH")).isTrue();
        assertThat(eval("tolower(t.name) = val(t.other)")).isTrue();
        assertThat(eval("t.name = val(t.other)")).isFalse();
        assertThat(eval("t.other = tolower(t.name)")).isTrue();
        assertThat(eval("len(t.name) = 4")).isTrue();
        assertThat(eval("basename(t.path) = ''")).isTrue();
        assertThat(eval("b64(t.b64) = hello")).isTrue();
        assertThat(eval("concat(t.other, t.other) = bashbash")).isTrue();
        assertThat(eval("join(\"-\", (t.other, t.name)) = bash-BaSh")).isTrue();
        assertThat(eval("t.name != val(t.path)")).isTrue();
        assertThat(eval("t.name != val(t.num)")).isFalse();
    }

    @Test
    void unknownFieldsAreProblemsAtTheirSpan() {
        FilterProblem p = problemOf("t.name = x and proc.nosuch = y");
        assertThat(p.code()).isEqualTo(FilterProblem.Code.UNKNOWN_FIELD);
        assertThat(p.message()).isEqualTo("filter_check called with nonexistent field proc.nosuch");
        assertThat(p.span()).isEqualTo(new Span("test", 15, 26));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        CompileResult r = FilterCompiler.compile("a.b = 1 and c.d = 2 and t.num contains 3", "t", registry);
        assertThat(r.problems()).extracting(FilterProblem::code).containsExactly(FilterProblem.Code.UNKNOWN_FIELD,
                FilterProblem.Code.UNKNOWN_FIELD, FilterProblem.Code.OPERATOR_NOT_SUPPORTED);
    }

    @Test
    void operatorsMustSuitTheFieldType() {
        assertThat(problemOf("t.num contains 3").message()).isEqualTo("'contains' operator not supported for numeric filters");
        assertThat(problemOf("t.flag > 1").code()).isEqualTo(FilterProblem.Code.OPERATOR_NOT_SUPPORTED);
        assertThat(problemOf("t.name bcontains 00").code()).isEqualTo(FilterProblem.Code.OPERATOR_NOT_SUPPORTED);
        assertThat(problemOf("t.num = abc").message()).isEqualTo("'abc' is not a valid number");
        assertThat(problemOf("tolower(t.num) = 1").code()).isEqualTo(FilterProblem.Code.TRANSFORMER);
    }

    @Test
    void fieldArgumentsMustFitTheField() {
        assertThat(problemOf("t.name[1] = x").code()).isEqualTo(FilterProblem.Code.FIELD_ARGUMENT);
        assertThat(problemOf("proc.apid[1] = 1 and proc.name[x] = y").message())
                .isEqualTo("field 'proc.name' does not take an argument");
    }

    @Test
    void unexpandedMacrosAreUndefined() {
        FilterProblem p = problemOf("t.name = x and my_macro");
        assertThat(p.code()).isEqualTo(FilterProblem.Code.UNDEFINED_IDENTIFIER);
        assertThat(p.message()).isEqualTo("Undefined macro 'my_macro' used in filter.");
    }

    @Test
    void parseProblemsPassThrough() {
        CompileResult r = FilterCompiler.compile("t.name = x and", "t", registry);
        assertThat(r.problems().get(0).isIncomplete()).isTrue();
    }

    @Test
    void compiledTreeDumps() {
        assertThat(FilterCompiler.compile("t.name = x and not t.num in (1, 2)", "t", registry).filter().toString())
                .isEqualTo("(and (check string (= t.name x)) (not (check number (in t.num (list 1 2)))))");
    }
}
