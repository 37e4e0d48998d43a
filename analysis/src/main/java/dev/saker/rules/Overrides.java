package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_YAML_VALIDATE;
import static dev.saker.rules.RuleLoadException.check;

import java.util.LinkedHashSet;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** The keys an item's {@code override:} map appends to and replaces, checked as Falco's decode_overrides. */
record Overrides(Set<String> append, Set<String> replace) {
    boolean any() {
        return !append.isEmpty() || !replace.isEmpty();
    }

    static Overrides read(Node item, Set<String> appendable, Set<String> replaceable, LoadContext ctx,
            ItemDecoder decoder) throws RuleLoadException {
        Set<String> append = new LinkedHashSet<>();
        Set<String> replace = new LinkedHashSet<>();
        Node val = YamlNodes.get(item, "override");
        if (val == null) {
            return new Overrides(append, replace);
        }
        LoadContext overrideCtx = ctx.child(ItemType.OVERRIDE, "", decoder.at(item));
        if (!YamlNodes.isMap(val)) {
            // yaml-cpp iterates a scalar or null as an empty map; a sequence fails a conversion, which
            // Falco's reader reports as a plain exception (LOAD_ERR_VALIDATE).
            check(YamlNodes.isSequence(val), LoadCode.LOAD_ERR_VALIDATE, "bad conversion", overrideCtx);
            return new Overrides(append, replace);
        }
        for (NodeTuple t : YamlNodes.entries(val)) {
            check(!YamlNodes.isScalar(t.getKeyNode()) || !YamlNodes.isScalar(t.getValueNode()), LoadCode.LOAD_ERR_VALIDATE,
                    "bad conversion", overrideCtx);
            String key = YamlNodes.text(t.getKeyNode());
            String op = YamlNodes.text(t.getValueNode());
            LoadContext keyCtx = overrideCtx.child(ItemType.OVERRIDE, key, decoder.at(t.getKeyNode()));
            if (op.equals("append")) {
                check(!appendable.contains(key), LOAD_ERR_YAML_VALIDATE,
                        "Key '" + key + "' cannot be appended to, use 'replace' instead", keyCtx);
                append.add(key);
            } else if (op.equals("replace")) {
                check(!replaceable.contains(key), LOAD_ERR_YAML_VALIDATE, "Key '" + key + "' cannot be replaced", keyCtx);
                replace.add(key);
            } else {
                StringBuilder msg = new StringBuilder("Invalid override operation for key '" + key + "': '" + op
                        + "'. Allowed values are: ");
                if (appendable.contains(key)) {
                    msg.append("append ");
                }
                if (replaceable.contains(key)) {
                    msg.append("replace ");
                }
                throw new RuleLoadException(LOAD_ERR_YAML_VALIDATE, msg.toString(),
                        overrideCtx.child(ItemType.VALUE_FOR, key, decoder.at(t.getValueNode())));
            }
        }
        return new Overrides(append, replace);
    }
}
