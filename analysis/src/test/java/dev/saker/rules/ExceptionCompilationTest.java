package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exceptions become condition text exactly as Falco's build_rule_exception_infos writes it. */
class ExceptionCompilationTest {
    private static final String RULE = """
            - list: apt_files
              items: [/bin/ls, /bin/rm]
            - rule: r
              desc: d
              condition: evt.type = open
              output: "o %proc.name"
              priority: warning
              exceptions:
            """;

    @Test
    void tupleExceptionsBecomeAndNotOfOredConjunctionsAndListCompsParenthesiseScalars() {
        Rules rules = new Rules();
        LoadResult res = rules.load(RULE + """
                    - name: proc_writer
                      fields: [proc.name, fd.directory]
                      comps: [=, in]
                      values:
                        - [my-yum, /usr/bin]
                        - [my dpkg, [/usr/bin, /bin]]
                """);
        assertThat(res.errors()).isEmpty();
        assertThat(rules.rule("r").exceptionFields()).containsExactly("fd.directory", "proc.name");
        assertThat(ExceptionText.of(rules.rule("r"))).isEqualTo("(evt.type = open) and not (( proc.name = my-yum and "
                + " fd.directory in (/usr/bin)) or ( proc.name = \"my dpkg\" and  fd.directory in (/usr/bin, /bin)))");
    }

    @Test
    void scalarFieldExceptionUsesInWithAQuotedValueList() {
        Rules rules = new Rules();
        rules.load(RULE + """
                    - name: names
                      fields: proc.name
                      values: [a, b c]
                """);
        assertThat(ExceptionText.of(rules.rule("r"))).isEqualTo("(evt.type = open) and not (proc.name in (a, \"b c\"))");
    }

    @Test
    void aScalarValueForAListOperatorIsParenthesisedSoAListNameExpands() {
        Rules rules = new Rules();
        rules.load(RULE + """
                    - name: files
                      fields: [fd.name]
                      comps: [in]
                      values: [[apt_files]]
                """);
        CompiledRule r = rules.rule("r");
        assertThat(ExceptionText.of(r)).isEqualTo("(evt.type = open) and not (( fd.name in (apt_files)))");
        assertThat(r.expandedCondition()).contains("fd.name in ( /bin/ls, /bin/rm )");
    }

    @Test
    void anExceptionWithoutValuesAddsNothing() {
        Rules rules = new Rules();
        rules.load(RULE + """
                    - name: empty
                      fields: [proc.name]
                """);
        assertThat(ExceptionText.of(rules.rule("r"))).isEqualTo("(evt.type = open)");
    }

    @Test
    void fieldsAndCompsOfDifferentLengthIsAValidateErrorAtTheException() {
        LoadResult res = Rules.loadOne(RULE + """
                    - name: bad
                      fields: [proc.name, fd.name]
                      comps: [=]
                """);
        LoadProblem e = res.errors().get(0);
        assertThat(e.code()).isEqualTo(LoadCode.LOAD_ERR_VALIDATE);
        assertThat(e.message()).isEqualTo("Fields and comps lists must have equal length");
        Location at = e.context().innermost();
        assertThat(at.itemType()).isEqualTo(ItemType.EXCEPTION);
        assertThat(at.itemName()).isEqualTo("bad");
        assertThat(at.position().line()).isEqualTo(8);
        assertThat(at.position().column()).isEqualTo(6);
    }

    @Test
    void appendingValuesToAnExistingExceptionExtendsItAndFieldsAreRefused() {
        Rules rules = new Rules();
        rules.load(RULE + """
                    - name: names
                      fields: proc.name
                      values: [a]
                """);
        LoadResult ok = rules.loader.load("""
                - rule: r
                  exceptions:
                    - name: names
                      values: [b]
                  override:
                    exceptions: append
                """, "more.yaml");
        assertThat(ok.errors()).isEmpty();
        assertThat(ExceptionText.of(rules.rule("r"))).isEqualTo("(evt.type = open) and not (proc.name in (a, b))");
        LoadResult bad = rules.loader.load("""
                - rule: r
                  exceptions:
                    - name: names
                      fields: proc.name
                      values: [c]
                  override:
                    exceptions: append
                """, "bad.yaml");
        assertThat(bad.errors().get(0).message())
                .isEqualTo("Can not append exception fields to existing exception, only values");
    }

    @Test
    void duplicateExceptionNamesWarn() {
        LoadResult res = Rules.loadOne(RULE + """
                    - name: x
                      fields: proc.name
                      values: [a]
                    - name: x
                      fields: proc.name
                      values: [b]
                """);
        assertThat(res.warnings()).extracting(LoadProblem::code).contains(LoadCode.LOAD_EXCEPTION_NAME_NOT_UNIQUE);
    }

    /** The rule's condition with exceptions, before list substitution, rebuilt from the collector's view. */
    static final class ExceptionText {
        static String of(CompiledRule r) {
            return r.conditionWithExceptions();
        }
    }
}
