package dev.saker.index;

import dev.saker.filter.Filter;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.LoadProblem;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.rules.RulesTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macros and lists of the loaded rules, for filter bar conditions: a condition that names one
 * is compiled as the condition of a rule appended to those rules, so macros and lists expand exactly
 * as the rule loader expands them. Conditions naming neither never come here (they compile alone,
 * fast). The last compile is remembered: the filter bar checks, then applies, the same text.
 */
public final class FilterMacros {
    public static final FilterMacros NONE = new FilterMacros(List.of());
    static final String RULE = "saker filter bar condition";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w.]*");

    /** A compiled condition: the filter, or the loader's first error message. */
    public record Compiled(Filter filter, String problem) {
    }

    private final List<RulesSource> sources;
    private final Set<String> macros;
    private final Set<String> lists;
    private String lastText;
    private Compiled last;

    public FilterMacros(List<RulesSource> sources) {
        this.sources = List.copyOf(sources);
        Set<String> names = new TreeSet<>();
        Set<String> listNames = new TreeSet<>();
        for (RulesSource s : sources) {
            RulesTokenizer.Names defined = RulesTokenizer.definedNames(s.content());
            names.addAll(defined.macros());
            listNames.addAll(defined.lists());
        }
        this.macros = Set.copyOf(names);
        this.lists = Set.copyOf(listNames);
    }

    /** The macro names the rules define, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(macros));
    }

    /** Macro names beginning with {@code prefix} (none for ""), sorted. */
    public List<String> startingWith(String prefix) {
        List<String> out = new ArrayList<>();
        if (!prefix.isEmpty()) {
            for (String m : names()) {
                if (m.startsWith(prefix) && !m.equals(prefix)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The list names the rules define, sorted. */
    public List<String> listNames() {
        return List.copyOf(new TreeSet<>(lists));
    }

    /** List names beginning with {@code prefix} ("" gives every list: inside {@code in (} a list is what one picks), sorted. */
    public List<String> listsStartingWith(String prefix) {
        List<String> out = new ArrayList<>();
        for (String l : listNames()) {
            if (l.startsWith(prefix) && !l.equals(prefix)) {
                out.add(l);
            }
        }
        return out;
    }

    /** Whether {@code name} is one of the rules' lists. */
    public boolean isList(String name) {
        return lists.contains(name);
    }

    /** Whether {@code name} is one of the rules' macros. */
    public boolean isMacro(String name) {
        return macros.contains(name);
    }

    /** Whether the condition names one of the macros or lists (outside quotes, roughly: any identifier-like word). */
    public boolean mentions(String condition) {
        return mentionsAny(condition, macros) || mentionsList(condition);
    }

    /**
     * Whether the condition names one of the lists. Such a condition compiles alone too, the list's
     * name taken as a plain value ({@code proc.name in (shell_binaries)} would look for a process of
     * that name): it must be compiled with the rules for the list to expand.
     */
    public boolean mentionsList(String condition) {
        return mentionsAny(condition, lists);
    }

    private static boolean mentionsAny(String condition, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        Matcher m = IDENTIFIER.matcher(condition);
        while (m.find()) {
            if (names.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** Compiles a condition with the rules' macros and lists. */
    public synchronized Compiled compile(String condition) {
        if (condition.equals(lastText)) {
            return last;
        }
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        List<RulesSource> all = new ArrayList<>(sources);
        all.add(new RulesSource("filter bar", rule(condition)));
        List<LoadResult> results = loader.loadAll(all);
        Compiled out = null;
        for (int i = 0; i < results.size() && out == null; i++) {
            LoadResult r = results.get(i);
            if (!r.successful()) {
                LoadProblem p = r.errors().get(0);
                out = new Compiled(null, i < results.size() - 1 ? "the loaded rules do not load: " + p.message() : p.message());
            }
        }
        if (out == null) {
            Filter f = loader.rules().stream().filter(r -> r.name().equals(RULE)).map(CompiledRule::filter)
                    .findFirst().orElse(null);
            out = f == null ? new Compiled(null, "the condition did not compile") : new Compiled(f, null);
        }
        lastText = condition;
        last = out;
        return out;
    }

    private static String rule(String condition) {
        StringBuilder b = new StringBuilder("- rule: ").append(RULE).append("\n  desc: the filter bar's condition\n")
                .append("  condition: |-\n");
        for (String line : condition.split("\n", -1)) {
            b.append("    ").append(line).append('\n');
        }
        return b.append("  output: filter bar\n  priority: DEBUG\n").toString();
    }
}
