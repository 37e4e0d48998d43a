package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_YAML_VALIDATE;
import static dev.saker.rules.RuleLoadException.check;

import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Decoding one key of an item with Falco's checks and messages (decode_val_generic, decode_seq):
 * a missing key, a null value, a non-scalar, an empty scalar and an undecodable scalar each have
 * their own error, pointed at the item or at the value.
 */
final class ItemDecoder {
    private final String file;

    ItemDecoder(String file) {
        this.file = file;
    }

    Position at(Node n) {
        return YamlNodes.position(n, file);
    }

    /** The scalar text under key, or null when optional and absent (or null and allowed empty). */
    String scalar(Node item, String key, LoadContext ctx, boolean optional, boolean canBeEmpty)
            throws RuleLoadException {
        Node val = YamlNodes.get(item, key);
        if (val == null && optional) {
            return null;
        }
        check(val == null, LOAD_ERR_YAML_VALIDATE, "Item has no mapping for key '" + key + "'", ctx);
        if (YamlNodes.isNull(val) && canBeEmpty) {
            return null;
        }
        check(YamlNodes.isNull(val), LOAD_ERR_YAML_VALIDATE, "Mapping for key '" + key + "' is empty", ctx);
        LoadContext valCtx = ctx.child(ItemType.VALUE_FOR, key, at(val));
        check(!YamlNodes.isScalar(val), LOAD_ERR_YAML_VALIDATE, "Value is not a scalar value", valCtx);
        String s = YamlNodes.text(val);
        if (s.isEmpty() && canBeEmpty) {
            return null;
        }
        check(s.isEmpty(), LOAD_ERR_YAML_VALIDATE, "Value must be non-empty", valCtx);
        return s;
    }

    String required(Node item, String key, LoadContext ctx) throws RuleLoadException {
        return scalar(item, key, ctx, false, false);
    }

    String optional(Node item, String key, LoadContext ctx) throws RuleLoadException {
        return scalar(item, key, ctx, true, false);
    }

    Boolean bool(Node item, String key, LoadContext ctx, boolean optional) throws RuleLoadException {
        String s = scalar(item, key, ctx, optional, false);
        if (s == null) {
            return null;
        }
        Boolean b = YamlNodes.decodeBool(s);
        check(b == null, LOAD_ERR_YAML_VALIDATE, "Can't decode YAML scalar value", valueCtx(item, key, ctx));
        return b;
    }

    Long number(Node item, String key, LoadContext ctx, boolean optional, long min, long max)
            throws RuleLoadException {
        String s = scalar(item, key, ctx, optional, false);
        if (s == null) {
            return null;
        }
        Long v = YamlNodes.decodeLong(s, min, max);
        check(v == null, LOAD_ERR_YAML_VALIDATE, "Can't decode YAML scalar value", valueCtx(item, key, ctx));
        return v;
    }

    LoadContext valueCtx(Node item, String key, LoadContext ctx) {
        return ctx.child(ItemType.VALUE_FOR, key, at(YamlNodes.get(item, key)));
    }

    /** A sequence of scalars under key (items, tags); absent is fine only when optional. */
    boolean sequence(Node item, String key, LoadContext ctx, boolean optional, Consumer<String> sink)
            throws RuleLoadException {
        Node val = YamlNodes.get(item, key);
        if (val == null && optional) {
            return false;
        }
        check(val == null, LOAD_ERR_YAML_VALIDATE, "Item has no mapping for key '" + key + "'", ctx);
        LoadContext valCtx = ctx.child(ItemType.VALUE_FOR, key, at(val));
        check(!YamlNodes.isSequence(val), LOAD_ERR_YAML_VALIDATE, "Value is not a sequence", valCtx);
        for (Node v : YamlNodes.items(val)) {
            LoadContext itemCtx = valCtx.child(ItemType.LIST_ITEM, "", at(v));
            check(!YamlNodes.isScalar(v), LOAD_ERR_YAML_VALIDATE,
                    "sequence value is not scalar", itemCtx);

            sink.accept(YamlNodes.text(v));
        }
        return true;
    }
}
