package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

    private static String dump(String text) {
        ParseResult r = Condition.parse(text, "test");
        assertThat(r.problems()).as(text).isEmpty();
        return r.expr().toString();
    }

    private static FilterProblem problem(String text) {
        ParseResult r = Condition.parse(text, "test");
        assertThat(r.ok()).as(text).isFalse();
        return r.problems().get(0);
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertThat(dump("a or b and not c")).isEqualTo("(or a (and b (not c)))");
        assertThat(dump("not a and b or c and d")).isEqualTo("(or (and (not a) b) (and c d))");
    }

    @Test
    void andAndOrAreNary() {
        assertThat(dump("a and b and c or d or e")).isEqualTo("(or (and a b c) d e)");
    }

    @Test
    void parenthesesGroupWithoutANodeOfTheirOwn() {
        assertThat(dump("(a or b) and c")).isEqualTo("(and (or a b) c)");
        assertThat(dump("a and(b or c)")).isEqualTo("(and a (or b c))");
        assertThat(dump("not(a)")).isEqualTo("(not a)");
    }

    @Test
    void doubleNegationCancels() {
        assertThat(dump("not not a")).isEqualTo("a");
        assertThat(dump("not not not a")).isEqualTo("(not a)");
    }

    @Test
    void identifierStartingWithAKeywordIsAnIdentifier() {
        assertThat(dump("nothing and android")).isEqualTo("(and nothing android)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "proc.name = bash|(= proc.name bash)",
        "proc.name == bash|(== proc.name bash)",
        "proc.name != bash|(!= proc.name bash)",
        "proc.pid < 5|(< proc.pid 5)",
        "proc.pid <= 5|(<= proc.pid 5)",
        "proc.pid > 0x1F|(> proc.pid 0x1F)",
        "proc.pid >= -3|(>= proc.pid -3)",
        "fd.name contains /etc|(contains fd.name /etc)",
        "fd.name icontains /ETC|(icontains fd.name /ETC)",
        "evt.buffer bcontains CAFE|(bcontains evt.buffer CAFE)",
        "fd.name startswith /etc|(startswith fd.name /etc)",
        "evt.buffer bstartswith 7F45|(bstartswith evt.buffer 7F45)",
        "fd.name endswith .conf|(endswith fd.name .conf)",
        "fd.name glob /etc/*|(glob fd.name /etc/*)",
        "fd.name iglob /ETC/*|(iglob fd.name /ETC/*)",
        "fd.name regex '.*'|(regex fd.name \".*\")",
        "proc.name in (a, b, \"c d\")|(in proc.name (list a b \"c d\"))",
        "proc.name in(a,b)|(in proc.name (list a b))",
        "proc.name in ()|(in proc.name (list))",
        "proc.name intersects (a)|(intersects proc.name (list a))",
        "fd.name pmatch (/tmp, /var/*)|(pmatch fd.name (list /tmp /var/*))",
        "fd.name exists|(exists fd.name)",
        "proc.name in shell_binaries|(in proc.name shell_binaries)",
        "proc.name = oneof (a, b)|(= oneof proc.name (list a b))",
        "proc.name contains anyof my_list|(contains anyof proc.name my_list)",
        "proc.name = oneof|(= proc.name oneof)",
    })
    void everyOperatorParses(String text, String expected) {
        assertThat(dump(text)).isEqualTo(expected);
    }

    @Test
    void fieldArgumentsInBracketsAndDots() {
        assertThat(dump("proc.aname[2] = sh")).isEqualTo("(= proc.aname[\"2\"] sh)");
        assertThat(dump("evt.arg[0] = x and evt.arg.flags contains O_TRUNC"))
                .isEqualTo("(and (= evt.arg[\"0\"] x) (contains evt.arg.flags O_TRUNC))");
        assertThat(dump("proc.env['HOME'] exists")).isEqualTo("(exists proc.env[\"HOME\"])");
    }

    @Test
    void transformersOnEitherSideAndValOnTheRight() {
        assertThat(dump("tolower(proc.name) = toupper(proc.pname)"))
                .isEqualTo("(= (tolower proc.name) (toupper proc.pname))");
        assertThat(dump("proc.name = val(proc.pname)")).isEqualTo("(= proc.name (val proc.pname))");
        assertThat(dump("len(basename(fd.name)) > 3")).isEqualTo("(> (len (basename fd.name)) 3)");
        assertThat(dump("join(\"-\", (fd.name, fd.directory)) = x"))
                .isEqualTo("(= (join \"-\" (tlist fd.name fd.directory)) x)");
    }

    @Test
    void quotedStringsResolveEscapes() {
        assertThat(value("proc.name = \"a\\\"b\\n\\x41\\\\c\"")).isEqualTo("a\"b\nA\\c");
        // as in libs, a quote right after an escaped backslash does not close the string
        assertThat(Condition.parse("proc.name = \"a\\\\\"", "t").status()).isEqualTo(ParseResult.Status.INCOMPLETE);
        assertThat(value("proc.name = 'it\\'s'")).isEqualTo("it's");
        assertThat(value("proc.name = \"a\\ b\"")).isEqualTo("a\\b");
        assertThat(value("proc.name = \"a\\/b\\t\"")).isEqualTo("a/b\t");
    }

    private static String value(String text) {
        Expr.Check c = (Expr.Check) Condition.parse(text, "t").expr();
        return ((Operand.Value) c.right()).text();
    }

    @Test
    void badEscapesAreProblemsAtTheEscape() {
        FilterProblem p = problem("proc.name = \"a\\qb\"");
        assertThat(p.code()).isEqualTo(FilterProblem.Code.BAD_ESCAPE);
        assertThat(p.message()).isEqualTo("unsupported string escape sequence: \\q");
        assertThat(p.span().start()).isEqualTo(14);
        assertThat(problem("proc.name = 'a\\\"b'").message()).isEqualTo("invalid \\\" escape in '-quoted string");
    }

    @Test
    void everyNodeCarriesItsSpan() {
        String text = "proc.name = bash and not (fd.name exists or x)";
        Expr.And and = (Expr.And) Condition.parse(text, "cmd").expr();
        assertThat(and.span()).isEqualTo(new Span("cmd", 0, text.length()));
        Expr.Check first = (Expr.Check) and.children().get(0);
        assertThat(text.substring(first.span().start(), first.span().end())).isEqualTo("proc.name = bash");
        assertThat(text.substring(first.left().span().start(), first.left().span().end())).isEqualTo("proc.name");
        assertThat(text.substring(first.right().span().start(), first.right().span().end())).isEqualTo("bash");
        Expr.Not not = (Expr.Not) and.children().get(1);
        assertThat(text.substring(not.span().start(), not.span().end())).isEqualTo("not (fd.name exists or x)");
        Expr.Or or = (Expr.Or) not.child();
        assertThat(text.substring(or.span().start(), or.span().end())).isEqualTo("fd.name exists or x");
        Expr.Identifier x = (Expr.Identifier) or.children().get(1);
        assertThat(x.span()).isEqualTo(new Span("cmd", 44, 45));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proc.name = bash and", "proc.name = bash and ", "(proc.name = bash", "proc.name",
        "proc.name =", "proc.name = 'abc", "proc.name in (a, b", "proc.name cont", "a an", "a and not",
        "tolower(proc.name", "proc.aname[", "", "   ", "proc.", "a and fd.", "tolower(pr", "proc.name = val(pro",
        "fd.name startswith", "proc.name in (a) or"})
    void incompleteConditionsAreIncomplete(String text) {
        ParseResult r = Condition.parse(text, "t");
        assertThat(r.status()).as(text + " -> " + r.problems()).isEqualTo(ParseResult.Status.INCOMPLETE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"proc.name = bash xyz", "proc.name foo", "proc.pid > abc", "proc.name = bash andx",
        "= bash", "proc.name = (a)", "proc.name = x exists", "proc.name = x .y", "proc.name in (a,)", "a )", "val(proc.name) = x"})
    void invalidConditionsAreInvalid(String text) {
        ParseResult r = Condition.parse(text, "t");
        assertThat(r.status()).as(text + " -> " + r.problems()).isEqualTo(ParseResult.Status.INVALID);
    }

    @Test
    void trailingGarbageNamesTheLastToken() {
        FilterProblem p = problem("proc.name = bash xyz");
        assertThat(p.message()).isEqualTo("unexpected token after 'bash', expecting 'or', 'and'");
        assertThat(p.span()).isEqualTo(new Span("test", 17, 20));
        assertThat(p.render("proc.name = bash xyz")).isEqualTo(
                "test:1:18: unexpected token after 'bash', expecting 'or', 'and'\n"
                        + "proc.name = bash xyz\n"
                        + "                 ^^^");
    }

    @Test
    void andNeedsABlankOrParenthesisAfterIt() {
        assertThat(problem("a andx").message()).isEqualTo("expected blank or '(' after 'and'");
        assertThat(problem("a and- b").message()).isEqualTo("expected blank or '(' after 'and'");
    }

    @Test
    void orderingOperatorsTakeOnlyNumbers() {
        assertThat(problem("proc.name > abc").message()).startsWith("expected a number value");
    }

    @Test
    void unknownOperatorListsTheOperators() {
        assertThat(problem("proc.name foo").message()).startsWith("expected a valid check operator: one of 'exists'");
    }

    @Test
    void depthLimitIsAProblem() {
        String deep = "(".repeat(50) + "a" + ")".repeat(50);
        assertThat(Condition.parse(deep, "t").ok()).isTrue();
        FilterProblem p = Condition.parse(deep, "t", 100).problems().get(0);
        assertThat(p.code()).isEqualTo(FilterProblem.Code.TOO_DEEP);
        assertThat(p.message()).isEqualTo("exceeded max depth limit of 100");
    }

    @Test
    void emptyInputIsEmpty() {
        assertThat(problem("").message()).isEqualTo("filter input string is empty");
    }

    @Test
    void multiLineConditionsPointAtTheirLine() {
        String text = "proc.name = a and\n  fd.name ~ x";
        assertThat(problem(text).render(text)).isEqualTo(
                "test:2:11: expected a valid check operator: one of 'exists', '<=', '<', '>=', '>', '==', '=', '!=', "
                        + "'glob', 'iglob', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', "
                        + "'endswith', 'regex', 'intersects', 'in', 'pmatch'\n"
                        + "  fd.name ~ x\n"
                        + "          ^");
    }

    @Test
    void rewriterSubstitutesMacrosAndLists() {
        Expr macro = Condition.parse("proc.name = sh", "macro m").expr();
        Expr e = Condition.parse("m and not x and proc.pname in (sh, shells)", "rule").expr();
        Expr out = new ExprRewriter() {
            @Override
            public Expr identifier(Expr.Identifier id) {
                return id.name().equals("m") ? macro : id;
            }

            @Override
            public java.util.List<Operand.Value> listItem(Operand.Value item) {
                return item.isIdentifier() && item.text().equals("shells")
                        ? java.util.List.of(new Operand.Value("bash", false, item.span()), new Operand.Value("zsh", false, item.span()))
                        : java.util.List.of(item);
            }
        }.rewrite(e);
        assertThat(out.toString()).isEqualTo("(and (= proc.name sh) (not x) (in proc.pname (list sh bash zsh)))");
        Expr.Check c = (Expr.Check) ((Expr.And) out).children().get(0);
        assertThat(c.span().source()).isEqualTo("macro m");
    }
}
