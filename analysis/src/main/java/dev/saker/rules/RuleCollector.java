package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_VALIDATE;
import static dev.saker.rules.RuleLoadException.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Accumulates lists, macros and rules across files as Falco's rule_loader::collector does.
 * Every define, append and replace takes the next value of one counter shared by all three kinds:
 * an item keeps the {@code index} of its first definition (its place in evaluation order) and its
 * {@code visibility} is the counter at its latest change, which decides which lists and macros it
 * may refer to.
 */
final class RuleCollector {
    static final String NO_PREVIOUS_MACRO =
            "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists";
    static final String NO_PREVIOUS_LIST =
            "List uses 'append' or 'override.items: append' but no list by that name already exists";
    static final String NO_PREVIOUS_RULE_APPEND =
            "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists";
    static final String NO_PREVIOUS_RULE_REPLACE =
            "An 'override.<key>: replace' to a rule was requested but no rule by that name already exists";

    private final Map<String, ListInfo> lists = new LinkedHashMap<>();
    private final Map<String, MacroInfo> macros = new LinkedHashMap<>();
    private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
    private final List<PluginRequirement> pluginRequirements = new ArrayList<>();
    private final Set<String> sources;
    private final Predicate<String> validLhsField;
    private EngineVersion requiredEngineVersion = new EngineVersion(0, 0, 0);
    private int counter;

    RuleCollector(Set<String> sources, Predicate<String> validLhsField) {
        this.sources = sources;
        this.validLhsField = validLhsField;
    }

    Map<String, ListInfo> lists() {
        return lists;
    }

    Map<String, MacroInfo> macros() {
        return macros;
    }

    Map<String, RuleInfo> rules() {
        return rules;
    }

    List<PluginRequirement> pluginRequirements() {
        return pluginRequirements;
    }

    EngineVersion requiredEngineVersion() {
        return requiredEngineVersion;
    }

    void requireEngine(EngineVersion v, LoadContext ctx) throws RuleLoadException {
        // the message only when it is needed: every rules file states a version, and this ran at each start
        if (!EngineVersion.SAKER.compatibleWith(v)) {
            check(true, LOAD_ERR_VALIDATE,
                    "Rules require engine version " + v + ", but engine version is " + EngineVersion.SAKER, ctx);
        }
        if (requiredEngineVersion.compareTo(v) < 0) {
            requiredEngineVersion = v;
        }
    }

    void requirePlugin(PluginRequirement r) throws RuleLoadException {
        Set<String> names = new HashSet<>();
        for (PluginRequirement.Alternative a : r.alternatives()) {
            check(EngineVersion.parse(a.version()) == null, LOAD_ERR_VALIDATE,
                    "Invalid required version '" + a.version() + "' for plugin '" + a.name() + "'", r.ctx());
            check(!names.add(a.name()), LOAD_ERR_VALIDATE,
                    "Defined multiple alternative version requirements for plugin '" + a.name() + "'", r.ctx());
        }
        pluginRequirements.add(r);
    }

    void define(ListInfo info) {
        ListInfo prev = lists.get(info.name);
        int id = counter++;
        info.index = prev != null ? prev.index : id;
        info.visibility = id;
        // A redefinition replaces the item but keeps its place (LinkedHashMap keeps insertion order).
        lists.put(info.name, info);
    }

    void append(ListInfo info) throws RuleLoadException {
        ListInfo prev = lists.get(info.name);
        check(prev == null, LOAD_ERR_VALIDATE, NO_PREVIOUS_LIST, info.ctx);
        prev.items.addAll(info.items);
        prev.visibility = counter++;
    }

    void define(MacroInfo info) {
        MacroInfo prev = macros.get(info.name);
        int id = counter++;
        info.index = prev != null ? prev.index : id;
        info.visibility = id;
        macros.put(info.name, info);
    }

    void append(MacroInfo info) throws RuleLoadException {
        MacroInfo prev = macros.get(info.name);
        check(prev == null, LOAD_ERR_VALIDATE, NO_PREVIOUS_MACRO, info.ctx);
        // Plain concatenation, no parentheses: Falco's documented precedence trap.
        prev.condition = prev.condition + " " + info.condition;
        prev.visibility = counter++;
    }

    void define(RuleInfo info, LoadResult res) throws RuleLoadException {
        RuleInfo prev = findPrevious(info.name, info.source, info.ctx);
        boolean known = sources.contains(info.source);
        if (!known) {
            info.unknownSource = true;
            res.warn(LoadCode.LOAD_UNKNOWN_SOURCE, "Unknown source " + info.source + ", skipping", info.ctx);
        }
        for (ExceptionInfo ex : info.exceptions) {
            check(!ex.fields.valid, LOAD_ERR_VALIDATE,
                    "Rule exception item must have fields property with a list of fields", ex.ctx);
            validate(ex, known);
        }
        int id = counter++;
        info.index = prev != null ? prev.index : id;
        info.visibility = id;
        rules.put(info.name, info);
    }

    void append(RuleUpdate u) throws RuleLoadException {
        RuleInfo prev = findPrevious(u.name, u.source, u.ctx);
        check(prev == null, LOAD_ERR_VALIDATE, NO_PREVIOUS_RULE_APPEND, u.ctx);
        check(!u.hasAnyValue(), LOAD_ERR_VALIDATE, "Appended rule must have exceptions or condition property", u.ctx);
        boolean known = !prev.unknownSource;
        if (u.condition != null && !u.condition.isEmpty()) {
            prev.condition = prev.condition + " " + u.condition;
        }
        if (u.output != null && !u.output.isEmpty()) {
            prev.output = prev.output + " " + u.output;
        }
        if (u.desc != null && !u.desc.isEmpty()) {
            prev.desc = prev.desc + " " + u.desc;
        }
        if (u.tags != null) {
            prev.tags.addAll(u.tags);
        }
        if (u.exceptions != null) {
            for (ExceptionInfo ex : u.exceptions) {
                ExceptionInfo existing = prev.exceptions.stream().filter(e -> e.name.equals(ex.name)).findFirst()
                        .orElse(null);
                if (existing == null) {
                    check(!ex.fields.valid, LOAD_ERR_VALIDATE,
                            "Rule exception must have fields property with a list of fields", ex.ctx);
                    check(ex.values.isEmpty(), LOAD_ERR_VALIDATE,
                            "Rule exception must have values property with a list of values", ex.ctx);
                    validate(ex, known);
                    prev.exceptions.add(ex);
                } else {
                    check(ex.fields.valid, LOAD_ERR_VALIDATE,
                            "Can not append exception fields to existing exception, only values", ex.ctx);
                    check(ex.comps.valid, LOAD_ERR_VALIDATE,
                            "Can not append exception comps to existing exception, only values", ex.ctx);
                    existing.values.addAll(ex.values);
                }
            }
        }
        prev.visibility = counter++;
    }

    void replace(RuleUpdate u) throws RuleLoadException {
        RuleInfo prev = findPrevious(u.name, u.source, u.ctx);
        check(prev == null, LOAD_ERR_VALIDATE, NO_PREVIOUS_RULE_REPLACE, u.ctx);
        check(!u.hasAnyValue(), LOAD_ERR_VALIDATE, "The rule must have at least one field that can be replaced", u.ctx);
        if (u.condition != null) {
            prev.condition = u.condition;
        }
        if (u.output != null) {
            prev.output = u.output;
        }
        if (u.desc != null) {
            prev.desc = u.desc;
        }
        if (u.tags != null) {
            prev.tags = u.tags;
        }
        if (u.exceptions != null) {
            prev.exceptions = u.exceptions;
        }
        if (u.priority != null) {
            prev.priority = u.priority;
        }
        if (u.capture != null) {
            prev.capture = u.capture;
        }
        if (u.captureDuration != null) {
            prev.captureDuration = u.captureDuration;
        }
        if (u.enabled != null) {
            prev.enabled = u.enabled;
        }
        if (u.warnEvttypes != null) {
            prev.warnEvttypes = u.warnEvttypes;
        }
        if (u.skipIfUnknownFilter != null) {
            prev.skipIfUnknownFilter = u.skipIfUnknownFilter;
        }
        prev.visibility = counter++;
    }

    void enable(String name, boolean enabled, LoadContext ctx) throws RuleLoadException {
        RuleInfo prev = rules.get(name);
        check(prev == null, LOAD_ERR_VALIDATE, "Rule has 'enabled' key but no rule by that name already exists", ctx);
        prev.enabled = enabled;
    }

    private RuleInfo findPrevious(String name, String source, LoadContext ctx) throws RuleLoadException {
        RuleInfo prev = rules.get(name);
        check(prev != null && !prev.source.isEmpty() && !source.isEmpty() && !prev.source.equals(source),
                LOAD_ERR_VALIDATE, "Rule has been re-defined with a different source", ctx);
        return prev;
    }

    private void validate(ExceptionInfo ex, boolean knownSource) throws RuleLoadException {
        if (ex.fields.isList) {
            if (!ex.comps.valid) {
                ex.comps.valid = true;
                ex.comps.isList = true;
                for (int i = 0; i < ex.fields.items.size(); i++) {
                    ex.comps.items.add(ExceptionInfo.Entry.scalar("="));
                }
            }
            check(ex.fields.items.size() != ex.comps.items.size(), LOAD_ERR_VALIDATE,
                    "Fields and comps lists must have equal length", ex.ctx);
            for (ExceptionInfo.Entry c : ex.comps.items) {
                c.item = c.item.strip();
                check(!Operators.isOperator(c.item) && !Operators.isModifierOperator(c.item), LOAD_ERR_VALIDATE,
                        "'" + c.item + "' is not a supported comparison operator", ex.ctx);
            }
            if (knownSource) {
                for (ExceptionInfo.Entry f : ex.fields.items) {
                    check(!validLhsField.test(f.item), LOAD_ERR_VALIDATE,
                            "'" + f.item + "' is not a supported filter field", ex.ctx);
                }
            }
        } else {
            if (!ex.comps.valid) {
                ex.comps.valid = true;
                ex.comps.item = "in";
            }
            check(ex.comps.isList, LOAD_ERR_VALIDATE, "Fields and comps must both be strings", ex.ctx);
            ex.comps.item = ex.comps.item.strip();
            String c = ex.comps.item;
            check(!c.equals("in") && !c.equals("pmatch") && !c.equals("intersects") && !Operators.isModifierOperator(c),
                    LOAD_ERR_VALIDATE, "When fields is a single value, comps must be one of (in, pmatch, intersects)"
                            + " or a modifier operator (e.g. startswith oneof)", ex.ctx);
            if (knownSource) {
                check(!validLhsField.test(ex.fields.item), LOAD_ERR_VALIDATE,
                        "'" + ex.fields.item + "' is not a supported filter field", ex.ctx);
            }
        }
    }
}
