package dev.saker.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The rules files embedded in a Helm values file under {@code customRules:} (name to rules text), with
 * where each text sits so that an edited text can be written back in place: {@link #replace} rewrites
 * only that value (as a literal block), leaving every other line of the values file as it was.
 */
public final class HelmValues {

    /** One embedded rules file: its name, its text, and the range of its YAML value in the values file. */
    public record Entry(String name, String text, int valueStart, int valueEnd, int keyColumn) {
    }

    private HelmValues() {
    }

    /** The embedded rules files in file order; empty when the text is not a values file with customRules. */
    public static List<Entry> entries(String valuesText) {
        Node root;
        try {
            if (!rootIsMapping(valuesText)) {
                return List.of();
            }
            root = new Yaml(new LoaderOptions()).compose(new StringReader(valuesText));
        } catch (RuntimeException e) {
            return List.of();
        }
        Node custom = root == null || !YamlNodes.isMap(root) ? null : YamlNodes.get(root, "customRules");
        if (custom == null || !YamlNodes.isMap(custom)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (NodeTuple t : YamlNodes.entries(custom)) {
            Node k = t.getKeyNode();
            Node v = t.getValueNode();
            if (YamlNodes.isScalar(k) && YamlNodes.isScalar(v)) {
                out.add(new Entry(YamlNodes.text(k), YamlNodes.text(v), v.getStartMark().getIndex(),
                        v.getEndMark().getIndex(), k.getStartMark().getColumn()));
            }
        }
        return out;
    }

    /**
     * Whether the first document's root node starts as a mapping, read from the first few parse events
     * only. Every rules file passes through {@link #entries} on its way to the loader, and a rules file is
     * a sequence: composing all of it here as well (the loader composes it again) cost a cold start
     * about a third of the YAML work. A root that is not a mapping gives no entries whatever follows it,
     * and a text whose first events fail to parse would fail to compose too.
     */
    private static boolean rootIsMapping(String text) {
        for (Event e : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
            if (e instanceof NodeEvent) {
                return e instanceof MappingStartEvent;
            }
        }
        return false;
    }

    /**
     * The embedded files as sources in load order: sorted by name, because the chart mounts them into
     * rules.d, which Falco reads sorted.
     */
    public static List<RulesSource> sources(String valuesName, String valuesText) {
        return entries(valuesText).stream().sorted(java.util.Comparator.comparing(Entry::name))
                .map(e -> new RulesSource(valuesName + ":customRules/" + e.name(), e.text())).toList();
    }

    /**
     * The values file with embedded file {@code name} replaced by {@code rulesText}, written as a literal
     * block scalar indented under its key.
     *
     * @throws IllegalArgumentException when the values file has no embedded file of that name
     */
    public static String replace(String valuesText, String name, String rulesText) {
        Entry e = entries(valuesText).stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no customRules entry '" + name + "'"));
        String indent = " ".repeat(e.keyColumn() + 2);
        StringBuilder b = new StringBuilder();
        String body = rulesText;
        int trailing = 0;
        while (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
            trailing++;
        }
        // chomping keeps the text's own trailing newlines: none (-), one (clip) or more (+)
        b.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
        if (body.startsWith(" ")) {
            b.append('2');
        }
        b.append('\n');
        for (String line : body.split("\n", -1)) {
            b.append(line.isEmpty() ? "" : indent + line).append('\n');
        }
        for (int i = 1; i < trailing; i++) {
            b.append('\n');
        }
        String after = valuesText.substring(e.valueEnd());
        // a plain or quoted value ends before its line break; a block value's range already includes it
        if (!after.isEmpty() && after.charAt(0) == '\n' && (valuesText.charAt(e.valueStart()) != '|'
                && valuesText.charAt(e.valueStart()) != '>')) {
            after = after.substring(1);
        }
        return valuesText.substring(0, e.valueStart()) + b + after;
    }
}
