package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_COMPILE_CONDITION;
import static dev.saker.rules.LoadCode.LOAD_ERR_VALIDATE;

import dev.saker.fields.FieldRegistry;
import dev.saker.rules.ConditionLanguage.ConditionError;
import dev.saker.rules.ConditionLanguage.Syntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compiles everything collected so far, in Falco's order (rule_loader::compiler): lists (one level
 * of lists-of-lists), macros (list substitution, parse, expansion with visibility), then rules
 * (exceptions, output, condition), and finally the unused macro and list warnings. The first
 * error stops compilation.
 */
final class RuleCompiler {
    static final String CONTAINER_INFO = "%container.info";
    private static final List<String> DEPRECATED_FIELDS = List.of("evt.dir", "evt.latency", "evt.latency.s",
            "evt.latency.ns", "evt.latency.human", "evt.wait_latency");

    private final ConditionLanguage language;
    private final FieldRegistry fields;
    private final boolean unknownFieldsSkip;
    private CompileMemo memo = new CompileMemo();
    private boolean forget;

    RuleCompiler(ConditionLanguage language, FieldRegistry fields, boolean unknownFieldsSkip) {
        this.language = language;
        this.fields = fields;
        this.unknownFieldsSkip = unknownFieldsSkip;
    }

    /** Forgets everything before each compile (tests compare against compiling everything again). */
    void forgetBetweenCompiles() {
        forget = true;
    }

    /** The compiled rules in evaluation order; problems go to {@code res}. */
    List<CompiledRule> compile(RuleCollector col, LoadResult res) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Set<String> usedLists = new HashSet<>();
        Map<String, Syntax> macros = new LinkedHashMap<>();
        Set<String> usedMacros = new HashSet<>();
        List<CompiledRule> out = new ArrayList<>();
        if (forget) {
            memo = new CompileMemo();
        }
        try {
            compileLists(col, lists, usedLists);
            ListTable table = new ListTable(lists);
            compileMacros(col, table, usedLists, macros, usedMacros);
            for (RuleInfo r : col.rules().values()) {
                CompiledRule c = compileRule(r, table, usedLists, macros, usedMacros, res);
                if (c != null) {
                    out.add(c);
                }
            }
        } catch (RuleLoadException e) {
            res.add(e.problem());
            return out;
        }
        for (MacroInfo m : col.macros().values()) {
            if (!usedMacros.contains(m.name)) {
                res.warn(LoadCode.LOAD_UNUSED_MACRO, "Macro not referred to by any other rule/macro", m.ctx);
            }
        }
        for (ListInfo l : col.lists().values()) {
            if (!usedLists.contains(l.name)) {
                res.warn(LoadCode.LOAD_UNUSED_LIST, "List not referred to by any other rule/macro", l.ctx);
            }
        }
        return out;
    }

    private static void compileLists(RuleCollector col, Map<String, List<String>> out, Set<String> used) {
        for (ListInfo list : col.lists().values()) {
            List<String> items = new ArrayList<>();
            for (String item : list.items) {
                ListInfo ref = col.lists().get(item);
                if (ref != null && ref.index < list.visibility) {
                    used.add(ref.name);
                    // One level only: the referenced list's raw items, as collected.
                    items.addAll(ref.items);
                } else {
                    items.add(item);
                }
            }
            out.put(list.name, items);
        }
    }

    private void compileMacros(RuleCollector col, ListTable lists, Set<String> usedLists,
            Map<String, Syntax> out, Set<String> usedMacros) throws RuleLoadException {
        for (MacroInfo m : col.macros().values()) {
            out.put(m.name, parse(new CompileMemo.Key(true, m.name), lists.expand(m.condition, usedLists),
                    m.conditionCtx));
        }
        for (MacroInfo m : col.macros().values()) {
            // the macros defined before m's visibility point, looked up as met (a map copied per macro
            // made this quadratic in the number of macros, three times over for three files)
            Function<String, Syntax> visible = name -> {
                MacroInfo other = col.macros().get(name);
                return other != null && other.index < m.visibility ? out.get(name) : null;
            };
            out.put(m.name, resolve(new CompileMemo.Key(true, m.name), out.get(m.name), visible, m.condition, m.ctx,
                    usedMacros));
        }
    }

    /** Parses a condition whose lists are already substituted (no visibility order between conditions and lists). */
    private Syntax parse(CompileMemo.Key key, String text, LoadContext ctx) throws RuleLoadException {
        Syntax tree = memo.parsed(key, text);
        if (tree == null) {
            tree = parseExpanded(text, ctx);
            memo.parsed(key, text, tree);
        }
        return tree;
    }

    private Syntax parseExpanded(String text, LoadContext ctx) throws RuleLoadException {
        try {
            return language.parse(text);
        } catch (ConditionError e) {
            throw new RuleLoadException(LOAD_ERR_COMPILE_CONDITION, e.getMessage(),
                    ctx.inCondition(text, e.index(), e.line(), e.column()));
        }
    }

    static String expandLists(String condition, Map<String, List<String>> lists, Set<String> usedLists) {
        return new ListTable(lists).expand(condition, usedLists);
    }

    private Syntax resolve(CompileMemo.Key key, Syntax tree, Function<String, Syntax> visible, String condition,
            LoadContext ctx, Set<String> usedMacros) throws RuleLoadException {
        Syntax known = memo.expanded(key, tree, visible, usedMacros);
        if (known != null) {
            return known;
        }
        CompileMemo.Lookups lookups = new CompileMemo.Lookups(visible);
        MacroResolver resolver = new MacroResolver(lookups);
        Syntax expanded;
        try {
            expanded = resolver.run(tree);
        } catch (ConditionError e) {
            throw new IllegalStateException("macro substitution cannot fail", e);
        }
        MacroResolver.Problem p = resolver.firstProblem();
        if (p != null) {
            throw new RuleLoadException(LOAD_ERR_VALIDATE, p.message(),
                    ctx.inCondition(condition, p.index(), p.line(), p.column()));
        }
        usedMacros.addAll(resolver.resolvedMacros());
        memo.expanded(key, tree, expanded, lookups, resolver.resolvedMacros());
        return expanded;
    }

    private CompiledRule compileRule(RuleInfo r, ListTable lists, Set<String> usedLists,
            Map<String, Syntax> macros, Set<String> usedMacros, LoadResult res) throws RuleLoadException {
        if (r.unknownSource) {
            return null;
        }
        boolean skipUnknown = r.skipIfUnknownFilter || unknownFieldsSkip;
        String condition = r.condition;
        Set<String> exceptionFields = new TreeSet<>();
        if (!r.exceptions.isEmpty()) {
            condition = ExceptionConditions.build(condition, r.exceptions, exceptionFields);
        }
        String output = r.output;
        if (output.contains(CONTAINER_INFO)) {
            res.warn(LoadCode.LOAD_DEPRECATED_ITEM, "%container.info is deprecated and no more useful, and will be"
                    + " dropped by Falco 1.0.0. The container plugin will automatically add required fields to the"
                    + " output message.", r.ctx);
            output = output.replace(CONTAINER_INFO, "");
        }
        String err = memo.outputError(output, o -> OutputFormat.check(o, fields));
        if (err != null) {
            if (skipUnknown) {
                res.warn(LoadCode.LOAD_UNKNOWN_FILTER, err, r.outputCtx);
                return null;
            }
            throw new RuleLoadException(LoadCode.LOAD_ERR_COMPILE_OUTPUT, err, r.outputCtx);
        }
        for (String f : DEPRECATED_FIELDS) {
            if (output.contains(f)) {
                res.add(new LoadProblem(LoadCode.LOAD_DEPRECATED_ITEM, "usage of deprecated field '" + f
                        + "' has been detected in the rule output", r.outputCtx, f));
            }
        }
        // one list substitution serves both the parse and the rule's expanded text
        String expandedText = lists.expand(condition, usedLists);
        CompileMemo.Key key = new CompileMemo.Key(false, r.name);
        Syntax parsed = parse(key, expandedText, r.conditionCtx);
        Syntax expanded = resolve(key, parsed, macros::get, condition, r.ctx, usedMacros);
        CompileMemo.Checked known = memo.checked(key, expanded);
        ConditionLanguage.Warnings warnings = known != null ? known.warnings() : language.warnings(expanded);
        // Falco points these at the start of the condition text (position 0 of the condition expression).
        LoadContext whole = r.conditionCtx.inCondition(condition, 0, 0, 0);
        if (warnings.unsafeNaCheck()) {
            res.warn(LoadCode.LOAD_UNSAFE_NA_CHECK, "", whole);
        }
        for (String f : warnings.deprecatedFields()) {
            res.add(new LoadProblem(LoadCode.LOAD_DEPRECATED_ITEM, deprecatedFieldDescription(f), whole, f));
        }
        ConditionLanguage.Compiled compiled;
        if (known != null) {
            compiled = known.compiled();
        } else {
            try {
                compiled = language.compile(expanded, fields);
            } catch (ConditionError e) {
                // Falco names the condition as written (exceptions added, lists not yet substituted) here.
                LoadContext at = r.conditionCtx.inCondition(condition, e.index(), e.line(), e.column());
                if (skipUnknown && isUnknownTypeOrField(e.getMessage())) {
                    res.warn(LoadCode.LOAD_UNKNOWN_FILTER, e.getMessage(), at);
                    return null;
                }
                throw new RuleLoadException(LOAD_ERR_COMPILE_CONDITION, e.getMessage(), at);
            }
            memo.checked(key, new CompileMemo.Checked(expanded, warnings, compiled));
        }
        for (ConditionError w : compiled.warnings()) {
            res.warn(LoadCode.LOAD_COMPILE_CONDITION, w.getMessage(),
                    r.conditionCtx.inCondition(condition, w.index(), w.line(), w.column()));
        }
        if (r.source.equals(RuleLoader.SYSCALL_SOURCE) && compiled.eventCodes() != null && compiled.eventCodes().cardinality() > 100 && r.warnEvttypes) {
            res.warn(LoadCode.LOAD_NO_EVTTYPE,
                    "Rule matches too many evt.type values. This has a significant performance penalty.", r.ctx);
        }
        return new CompiledRule(r.name, r.desc, r.condition, condition, expandedText, expanded,
                FilterConditions.filterOf(compiled), output, r.priority, r.source,
                Set.copyOf(r.tags), r.enabled, r.capture, r.captureDuration, exceptionFields,
                // each compile's rules own their event codes, as when nothing was reused
                compiled.eventCodes() == null ? null : (java.util.BitSet) compiled.eventCodes().clone(),
                r.ctx.locations());
    }

    private static String deprecatedFieldDescription(String field) {
        return field.equals("evt.dir")
                ? "due to the drop of enter events, 'evt.dir = <' always evaluates to true, and 'evt.dir = >' always"
                        + " evaluates to false. The rule expression can be simplified by removing the condition on 'evt.dir'"
                : "field is not available due to the drop of enter events.";
    }

    static boolean isUnknownTypeOrField(String err) {
        return err.contains("nonexistent field") || err.contains("invalid formatting token")
                || err.contains("unknown event type") || err.contains("unknown filter:");
    }
}
