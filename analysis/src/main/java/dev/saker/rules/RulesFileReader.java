package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_YAML_VALIDATE;
import static dev.saker.rules.RuleLoadException.check;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads one rules file into the collector, item by item, as Falco's rule_loader::reader does:
 * dispatch on the first of required_engine_version, required_plugin_versions, list, macro, rule;
 * the first error stops the file.
 */
final class RulesFileReader {
    static final String WARNING_APPEND = "'append' key is deprecated. Add an 'append' entry (e.g. 'condition:"
            + " append') under 'override' instead.";
    static final String WARNING_ENABLED = "The standalone 'enabled' key usage is deprecated. The correct approach"
            + " requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').";
    static final String ERROR_OVERRIDE_APPEND = "Keys 'override' and 'append: true' cannot be used together. Add an"
            + " 'append' entry (e.g. 'condition: append') under 'override' instead.";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    private static final Pattern BARESTR = Pattern.compile("[^()\"'\\s=,]+");
    private static final Set<String> LIST_KEYS = Set.of("list", "items", "append", "override");
    private static final Set<String> MACRO_KEYS = Set.of("macro", "condition", "append", "override");
    static final Set<String> RULE_KEYS = Set.of("rule", "condition", "output", "desc", "priority", "source",
            "enabled", "capture", "capture_duration", "warn_evttypes", "skip-if-unknown-filter", "tags",
            "exceptions", "override", "append");

    private final String name;
    private final String content;
    private final RuleCollector collector;
    private final LoadResult res;
    private final ItemDecoder decoder;

    RulesFileReader(String name, String content, RuleCollector collector, LoadResult res) {
        this.name = name;
        this.content = content;
        this.collector = collector;
        this.res = res;
        this.decoder = new ItemDecoder(name);
    }

    /** False when the file had an error (already added to the result). */
    boolean read() {
        LoadContext ctx = LoadContext.ofContent(name);
        List<Node> docs = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(Integer.MAX_VALUE);
            for (Node doc : new Yaml(options).composeAll(new StringReader(content))) {
                docs.add(doc);
            }
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            LoadContext at = mark == null ? ctx
                    : ctx.child(ItemType.VALUE_FOR, "", new Position(name, mark.getLine(), mark.getColumn(), mark.getIndex()));
            String where = mark == null ? "" : "error at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            res.add(new LoadProblem(LoadCode.LOAD_ERR_YAML_PARSE, "yaml: " + where + e.getProblem(), at));
            return false;
        } catch (YAMLException e) {
            res.add(new LoadProblem(LoadCode.LOAD_ERR_YAML_PARSE, "yaml: " + e.getMessage(), ctx));
            return false;
        }
        for (Node doc : docs) {
            if (doc == null || YamlNodes.isNull(doc)) {
                continue;
            }
            try {
                check(!YamlNodes.isMap(doc) && !YamlNodes.isSequence(doc), LOAD_ERR_YAML_VALIDATE,
                        "Rules content is not yaml", ctx);
                check(!YamlNodes.isSequence(doc), LOAD_ERR_YAML_VALIDATE, "Rules content is not yaml array of objects", ctx);
                for (Node item : YamlNodes.items(doc)) {
                    if (!YamlNodes.isNull(item)) {
                        readItem(item, ctx);
                    }
                }
            } catch (RuleLoadException e) {
                // Falco could go on with the next document but stops at the first error, for consistency.
                res.add(e.problem());
                return false;
            }
        }
        return true;
    }

    private void readItem(Node item, LoadContext parent) throws RuleLoadException {
        check(!YamlNodes.isMap(item), LOAD_ERR_YAML_VALIDATE,
                "Unexpected element type. Each element should be a yaml associative array.",
                parent.child(ItemType.RULES_CONTENT_ITEM, "", decoder.at(item)));
        if (YamlNodes.get(item, "required_engine_version") != null) {
            readEngineVersion(item, parent);
        } else if (YamlNodes.get(item, "required_plugin_versions") != null) {
            readPluginVersions(item, parent);
        } else if (YamlNodes.get(item, "list") != null) {
            readList(item, parent);
        } else if (YamlNodes.get(item, "macro") != null) {
            readMacro(item, parent);
        } else if (YamlNodes.get(item, "rule") != null) {
            new RuleItemReader(decoder, collector, res).read(item, parent);
            warnUnknownKeys(item, RULE_KEYS, parent.child(ItemType.RULE, nameOf(item, "rule"), decoder.at(item)));
        } else {
            res.warn(LoadCode.LOAD_UNKNOWN_ITEM, "Unknown top level item",
                    parent.child(ItemType.RULES_CONTENT_ITEM, "", decoder.at(item)));
        }
    }

    private static String nameOf(Node item, String key) {
        Node n = YamlNodes.get(item, key);
        return n != null && YamlNodes.isScalar(n) ? YamlNodes.text(n) : "";
    }

    private void readEngineVersion(Node item, LoadContext parent) throws RuleLoadException {
        LoadContext ctx = parent.child(ItemType.REQUIRED_ENGINE_VERSION, "", decoder.at(item));
        String text = decoder.required(item, "required_engine_version", ctx);
        Long n = YamlNodes.decodeLong(text, 0, 0xFFFFFFFFL);
        EngineVersion v;
        if (n != null) {
            // An integer N is the old engine numbering: version 0.N.0.
            v = new EngineVersion(EngineVersion.SAKER.major(), n.intValue(), EngineVersion.SAKER.patch());
        } else {
            v = EngineVersion.parse(text);
            check(v == null, LOAD_ERR_YAML_VALIDATE, "Unable to parse engine version '" + text
                    + "' as a semver string. Expected \"x.y.z\" semver format.", ctx);
        }
        collector.requireEngine(v, ctx);
        warnUnknownKeys(item, Set.of("required_engine_version"), ctx);
    }

    private void readPluginVersions(Node item, LoadContext parent) throws RuleLoadException {
        Node reqs = YamlNodes.get(item, "required_plugin_versions");
        LoadContext ctx = parent.child(ItemType.REQUIRED_PLUGIN_VERSIONS, "", decoder.at(reqs));
        check(!YamlNodes.isSequence(reqs), LOAD_ERR_YAML_VALIDATE, "Value of required_plugin_versions must be a sequence", ctx);
        for (Node plugin : YamlNodes.items(reqs)) {
            LoadContext tmp = ctx.child(ItemType.REQUIRED_PLUGIN_VERSIONS_ENTRY, "", decoder.at(plugin));
            check(!YamlNodes.isMap(plugin), LOAD_ERR_YAML_VALIDATE, "Plugin version must be a mapping", tmp);
            String pname = decoder.required(plugin, "name", tmp);
            LoadContext pctx = ctx.child(ItemType.REQUIRED_PLUGIN_VERSIONS_ENTRY, pname, decoder.at(plugin));
            List<PluginRequirement.Alternative> alts = new ArrayList<>();
            alts.add(new PluginRequirement.Alternative(pname, decoder.required(plugin, "version", pctx)));
            Node alternatives = YamlNodes.get(plugin, "alternatives");
            if (alternatives != null) {
                check(!YamlNodes.isSequence(alternatives), LOAD_ERR_YAML_VALIDATE,
                        "Value of plugin version alternatives must be a sequence", pctx);
                for (Node req : YamlNodes.items(alternatives)) {
                    LoadContext a = pctx.child(ItemType.REQUIRED_PLUGIN_VERSIONS_ALTERNATIVE, "", decoder.at(req));
                    check(!YamlNodes.isMap(req), LOAD_ERR_YAML_VALIDATE, "Plugin version alternative must be a mapping", a);
                    String aname = decoder.required(req, "name", a);
                    a = pctx.child(ItemType.REQUIRED_PLUGIN_VERSIONS_ALTERNATIVE, aname, decoder.at(req));
                    alts.add(new PluginRequirement.Alternative(aname, decoder.required(req, "version", a)));
                }
            }
            collector.requirePlugin(new PluginRequirement(List.copyOf(alts), pctx));
        }
        warnUnknownKeys(item, Set.of("required_plugin_versions"),
                parent.child(ItemType.REQUIRED_PLUGIN_VERSIONS, "", decoder.at(item)));
    }

    private void readList(Node item, LoadContext parent) throws RuleLoadException {
        String lname = decoder.required(item, "list", parent.child(ItemType.LIST, "", decoder.at(item)));
        LoadContext ctx = parent.child(ItemType.LIST, lname, decoder.at(item));
        if (!BARESTR.matcher(lname).matches()) {
            res.warn(LoadCode.LOAD_INVALID_LIST_NAME,
                    "List has an invalid name. List names should match a regular expression: ([^()\"'[:space:]=,]+)", ctx);
        }
        ListInfo v = new ListInfo(lname, ctx);
        decoder.sequence(item, "items", ctx, false, v.items::add);
        boolean append = Boolean.TRUE.equals(decoder.bool(item, "append", ctx, true));
        if (append) {
            res.warn(LoadCode.LOAD_DEPRECATED_ITEM, WARNING_APPEND, ctx);
        }
        Overrides o = Overrides.read(item, Set.of("items"), Set.of("items"), ctx, decoder);
        check(append && o.any(), LOAD_ERR_YAML_VALIDATE, ERROR_OVERRIDE_APPEND, ctx);
        if (append || o.append().contains("items")) {
            collector.append(v);
        } else {
            collector.define(v);
        }
        warnUnknownKeys(item, LIST_KEYS, ctx);
    }

    private void readMacro(Node item, LoadContext parent) throws RuleLoadException {
        String mname = decoder.required(item, "macro", parent.child(ItemType.MACRO, "", decoder.at(item)));
        LoadContext ctx = parent.child(ItemType.MACRO, mname, decoder.at(item));
        if (!IDENTIFIER.matcher(mname).matches()) {
            res.warn(LoadCode.LOAD_INVALID_MACRO_NAME,
                    "Macro has an invalid name. Macro names should match a regular expression: ([a-zA-Z]+[a-zA-Z0-9_]*)", ctx);
        }
        MacroInfo v = new MacroInfo(mname, ctx);
        v.condition = decoder.required(item, "condition", ctx);
        v.conditionCtx = ctx.child(ItemType.MACRO_CONDITION, "", decoder.at(YamlNodes.get(item, "condition")));
        boolean append = Boolean.TRUE.equals(decoder.bool(item, "append", ctx, true));
        if (append) {
            res.warn(LoadCode.LOAD_DEPRECATED_ITEM, WARNING_APPEND, ctx);
        }
        Overrides o = Overrides.read(item, Set.of("condition"), Set.of("condition"), ctx, decoder);
        check(append && o.any(), LOAD_ERR_YAML_VALIDATE, ERROR_OVERRIDE_APPEND, ctx);
        if (append || o.append().contains("condition")) {
            collector.append(v);
        } else {
            collector.define(v);
        }
        warnUnknownKeys(item, MACRO_KEYS, ctx);
    }

    private void warnUnknownKeys(Node item, Set<String> expected, LoadContext ctx) {
        for (NodeTuple t : YamlNodes.entries(item)) {
            String key = YamlNodes.isScalar(t.getKeyNode()) ? YamlNodes.text(t.getKeyNode()) : "";
            if (!expected.contains(key)) {
                res.warn(LoadCode.LOAD_UNKNOWN_KEY, "Unknown key '" + key + "'. The key will be ignored.", ctx);
            }
        }
    }
}
