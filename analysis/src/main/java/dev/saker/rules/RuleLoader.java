package dev.saker.rules;

import dev.saker.fields.FieldRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads rules files the way Falco's engine does: each file is read into one collector that
 * accumulates across files, and after each file everything collected so far is compiled again,
 * so each file's result carries the whole ruleset's compile errors and warnings.
 *
 * <pre>
 * RuleLoader loader = new RuleLoader(fields);
 * LoadResult r = loader.load(text, "falco_rules.yaml");
 * List&lt;CompiledRule&gt; rules = loader.rules();
 * </pre>
 */
public final class RuleLoader {
    public static final String SYSCALL_SOURCE = "syscall";
    /** Plugins whose fields Saker has built in, by name and the version they count as. */
    public static final Map<String, EngineVersion> BUILT_IN_PLUGINS = Map.of("container", new EngineVersion(0, 4, 0));

    private final FieldRegistry fields;
    private final ConditionLanguage language;
    private final RuleCollector collector;
    private final RuleCompiler compiler;
    private final Map<String, String> contents = new LinkedHashMap<>();
    private List<CompiledRule> rules = List.of();

    public RuleLoader(FieldRegistry fields) {
        this(fields, new FilterConditions(), false);
    }

    /**
     * @param unknownFieldsSkip treat every rule as if it had {@code skip-if-unknown-filter: true}
     *     (used to list what the fields layer still lacks; never what Falco does by default)
     */
    public RuleLoader(FieldRegistry fields, ConditionLanguage language, boolean unknownFieldsSkip) {
        this.fields = fields;
        this.language = language;
        this.collector = new RuleCollector(Set.of(SYSCALL_SOURCE), this::isValidLhsField);
        this.compiler = new RuleCompiler(language, fields, unknownFieldsSkip);
    }

    /** A loader that compiles everything again after each file, reusing nothing (to test the reuse). */
    static RuleLoader reusingNothing(FieldRegistry fields, ConditionLanguage language) {
        RuleLoader l = new RuleLoader(fields, language, false);
        l.compiler.forgetBetweenCompiles();
        return l;
    }

    private boolean isValidLhsField(String text) {
        return FieldNames.exists(fields, text);
    }

    /** Reads one file's text into the collection and compiles everything collected so far. */
    public LoadResult load(String content, String name) {
        contents.put(name, content);
        LoadResult res = new LoadResult(name);
        if (new RulesFileReader(name, content, collector, res).read()) {
            List<CompiledRule> compiled = compiler.compile(collector, res);
            if (res.successful()) {
                rules = compiled;
            }
            if (res.successful()) {
                checkPluginRequirements(res);
            }
        }
        return res;
    }

    /**
     * Falco checks plugin requirements after each file, outside the loader; Saker has the
     * container plugin's fields built in and no other plugins.
     */
    private void checkPluginRequirements(LoadResult res) {
        for (PluginRequirement r : collector.pluginRequirements()) {
            boolean met = false;
            for (PluginRequirement.Alternative a : r.alternatives()) {
                EngineVersion have = BUILT_IN_PLUGINS.get(a.name());
                EngineVersion want = EngineVersion.parse(a.version());
                if (have != null && want != null && have.compatibleWith(want)) {
                    met = true;
                }
            }
            if (!met) {
                StringBuilder msg = new StringBuilder("Plugin requirement not satisfied, must load one of: ");
                for (int i = 0; i < r.alternatives().size(); i++) {
                    PluginRequirement.Alternative a = r.alternatives().get(i);
                    msg.append(i == 0 ? "" : ", ").append(a.name()).append(" (>= ").append(a.version()).append(')');
                }
                res.add(new LoadProblem(LoadCode.LOAD_ERR_VALIDATE, msg.toString(), r.ctx()));
            }
        }
    }

    /** The rules of the last successful compile, in evaluation (first-definition) order. */
    public List<CompiledRule> rules() {
        return rules;
    }

    /** Every file text loaded so far by name, for snippets. */
    public Map<String, String> contents() {
        return Collections.unmodifiableMap(contents);
    }

    public EngineVersion requiredEngineVersion() {
        return collector.requiredEngineVersion();
    }

    /** Loads several sources in order; one result per source. */
    public List<LoadResult> loadAll(List<RulesSource> sources) {
        List<LoadResult> out = new ArrayList<>();
        for (RulesSource s : sources) {
            out.add(load(s.content(), s.name()));
        }
        return out;
    }
}
