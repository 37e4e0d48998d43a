package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_YAML_VALIDATE;
import static dev.saker.rules.RuleLoadException.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code rule:} item down one of Falco's four paths: override (append/replace per key),
 * legacy {@code append: true}, enable-only, or a full definition.
 */
final class RuleItemReader {
    private static final List<String> APPENDABLE = List.of("condition", "output", "desc", "tags", "exceptions");
    private static final List<String> REPLACEABLE = List.of("condition", "output", "desc", "priority", "capture",
            "capture_duration", "tags", "exceptions", "enabled", "warn_evttypes", "skip-if-unknown-filter");

    private final ItemDecoder d;
    private final RuleCollector collector;
    private final LoadResult res;

    RuleItemReader(ItemDecoder decoder, RuleCollector collector, LoadResult res) {
        this.d = decoder;
        this.collector = collector;
        this.res = res;
    }

    void read(Node item, LoadContext parent) throws RuleLoadException {
        String name = d.required(item, "rule", parent.child(ItemType.RULE, "", d.at(item)));
        LoadContext ctx = parent.child(ItemType.RULE, name, d.at(item));
        String source = d.scalar(item, "source", ctx, true, true);
        source = source == null ? "" : source;
        boolean appendFlag = Boolean.TRUE.equals(d.bool(item, "append", ctx, true));
        if (appendFlag) {
            res.warn(LoadCode.LOAD_DEPRECATED_ITEM, RulesFileReader.WARNING_APPEND, ctx);
        }
        Overrides o = Overrides.read(item, Set.copyOf(APPENDABLE), Set.copyOf(REPLACEABLE), ctx, d);
        check(appendFlag && o.any(), LOAD_ERR_YAML_VALIDATE, RulesFileReader.ERROR_OVERRIDE_APPEND, ctx);
        if (o.any()) {
            readOverride(item, ctx, name, source, o);
        } else if (appendFlag) {
            RuleUpdate u = new RuleUpdate(name, ctx);
            u.source = source;
            Node cond = YamlNodes.get(item, "condition");
            if (cond != null) {
                u.conditionCtx = ctx.child(ItemType.RULE_CONDITION, "", d.at(cond));
                u.condition = d.required(item, "condition", ctx);
            }
            if (YamlNodes.get(item, "exceptions") != null) {
                u.exceptions = new ExceptionReader(d).read(item, ctx, true, res);
            }
            collector.append(u);
        } else if (YamlNodes.get(item, "condition") == null && YamlNodes.get(item, "output") == null
                && YamlNodes.get(item, "desc") == null && YamlNodes.get(item, "priority") == null) {
            boolean enabled = d.bool(item, "enabled", ctx, false);
            res.warn(LoadCode.LOAD_DEPRECATED_ITEM, RulesFileReader.WARNING_ENABLED, ctx);
            collector.enable(name, enabled, ctx);
        } else {
            collector.define(readDefinition(item, ctx, name), res);
        }
    }

    private RuleInfo readDefinition(Node item, LoadContext ctx, String name) throws RuleLoadException {
        RuleInfo v = new RuleInfo(name, ctx);
        v.condition = d.required(item, "condition", ctx);
        v.conditionCtx = ctx.child(ItemType.RULE_CONDITION, "", d.at(YamlNodes.get(item, "condition")));
        v.output = d.required(item, "output", ctx);
        v.outputCtx = ctx.child(ItemType.RULE_OUTPUT, "", d.at(YamlNodes.get(item, "output")));
        v.desc = d.required(item, "desc", ctx);
        String priority = d.required(item, "priority", ctx);
        v.output = v.output.strip();
        v.priority = Priority.parse(priority).orElseThrow(() -> new RuleLoadException(LOAD_ERR_YAML_VALIDATE,
                "Invalid priority", ctx.child(ItemType.RULE_PRIORITY, "", d.at(YamlNodes.get(item, "priority")))));
        String source = d.optional(item, "source", ctx);
        v.source = source == null ? RuleLoader.SYSCALL_SOURCE : source;
        v.enabled = orDefault(d.bool(item, "enabled", ctx, true), true);
        v.capture = orDefault(d.bool(item, "capture", ctx, true), false);
        Long duration = d.number(item, "capture_duration", ctx, true, 0, 0xFFFFFFFFFFFFL);
        v.captureDuration = duration == null ? 0 : duration;
        v.warnEvttypes = orDefault(d.bool(item, "warn_evttypes", ctx, true), true);
        v.skipIfUnknownFilter = orDefault(d.bool(item, "skip-if-unknown-filter", ctx, true), false);
        d.sequence(item, "tags", ctx, true, v.tags::add);
        List<ExceptionInfo> exceptions = new ExceptionReader(d).read(item, ctx, false, res);
        if (exceptions != null) {
            v.exceptions = exceptions;
        }
        return v;
    }

    private static boolean orDefault(Boolean b, boolean dflt) {
        return b == null ? dflt : b;
    }

    private void readOverride(Node item, LoadContext ctx, String name, String source, Overrides o)
            throws RuleLoadException {
        Set<String> expected = new LinkedHashSet<>();
        for (String k : APPENDABLE) {
            if (YamlNodes.get(item, k) != null) {
                expected.add(k);
            }
        }
        for (String k : REPLACEABLE) {
            if (YamlNodes.get(item, k) != null) {
                expected.add(k);
            }
        }
        if (!o.append().isEmpty()) {
            RuleUpdate u = new RuleUpdate(name, ctx);
            fill(u, item, ctx, source, o.append(), expected, "append", true);
            collector.append(u);
        }
        if (!o.replace().isEmpty()) {
            RuleUpdate u = new RuleUpdate(name, ctx);
            fill(u, item, ctx, source, o.replace(), expected, "replace", false);
            collector.replace(u);
        }
        for (String key : expected) {
            throw new RuleLoadException(LOAD_ERR_YAML_VALIDATE,
                    "Unexpected key '" + key + "': no corresponding entry under 'override' is defined.",
                    ctx.child(ItemType.OVERRIDE, key, d.at(YamlNodes.get(item, key))));
        }
    }

    /** Takes each key named for this operation, in Falco's order, checking it is present. */
    private void fill(RuleUpdate u, Node item, LoadContext ctx, String source, Set<String> keys, Set<String> expected,
            String op, boolean append) throws RuleLoadException {
        List<String> order = List.of("condition", "exceptions", "output", "desc", "tags", "priority", "capture",
                "capture_duration", "enabled", "warn_evttypes", "skip-if-unknown-filter");
        for (String key : order) {
            if (!keys.contains(key)) {
                continue;
            }
            check(!expected.contains(key), LOAD_ERR_YAML_VALIDATE,
                    "An " + op + " override for '" + key + "' was specified but '" + key + "' is not defined", ctx);
            expected.remove(key);
            switch (key) {
                case "condition" -> {
                    u.source = source;
                    u.condition = d.required(item, "condition", ctx);
                    u.conditionCtx = ctx.child(ItemType.RULE_CONDITION, "", d.at(YamlNodes.get(item, "condition")));
                }
                case "exceptions" -> {
                    List<ExceptionInfo> ex = new ExceptionReader(d).read(item, ctx, append, res);
                    u.exceptions = ex == null ? new ArrayList<>() : ex;
                }
                case "output" -> u.output = d.required(item, "output", ctx);
                case "desc" -> u.desc = d.required(item, "desc", ctx);
                case "tags" -> {
                    Set<String> tags = new TreeSet<>();
                    d.sequence(item, "tags", ctx, true, tags::add);
                    u.tags = tags;
                }
                case "priority" -> {
                    String p = d.required(item, "priority", ctx);
                    u.priority = Priority.parse(p).orElseThrow(() -> new RuleLoadException(LOAD_ERR_YAML_VALIDATE,
                            "Invalid priority", ctx.child(ItemType.RULE_PRIORITY, "", d.at(YamlNodes.get(item, "priority")))));
                }
                case "capture" -> u.capture = d.bool(item, "capture", ctx, false);
                case "capture_duration" -> u.captureDuration = d.number(item, "capture_duration", ctx, false, 0,
                        0xFFFFFFFFFFFFL);
                case "enabled" -> u.enabled = d.bool(item, "enabled", ctx, false);
                case "warn_evttypes" -> u.warnEvttypes = d.bool(item, "warn_evttypes", ctx, false);
                case "skip-if-unknown-filter" -> u.skipIfUnknownFilter = d.bool(item, "skip-if-unknown-filter", ctx, false);
                default -> throw new IllegalStateException(key);
            }
        }
    }
}
