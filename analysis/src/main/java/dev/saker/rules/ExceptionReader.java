package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_YAML_VALIDATE;
import static dev.saker.rules.RuleLoadException.check;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a rule's {@code exceptions:} sequence as Falco's read_rule_exceptions does. */
final class ExceptionReader {
    private final ItemDecoder decoder;

    ExceptionReader(ItemDecoder decoder) {
        this.decoder = decoder;
    }

    /** Null when the key is absent or null (both allowed). */
    List<ExceptionInfo> read(Node item, LoadContext parent, boolean append, LoadResult res) throws RuleLoadException {
        Node exs = YamlNodes.get(item, "exceptions");
        if (exs == null || YamlNodes.isNull(exs)) {
            return null;
        }
        LoadContext exesCtx = parent.child(ItemType.EXCEPTIONS, "", decoder.at(exs));
        check(!YamlNodes.isSequence(exs), LOAD_ERR_YAML_VALIDATE, "Rule exceptions must be a sequence", exesCtx);
        List<ExceptionInfo> out = new ArrayList<>();
        for (Node ex : YamlNodes.items(exs)) {
            LoadContext tmp = exesCtx.child(ItemType.EXCEPTION, "", decoder.at(ex));
            check(!YamlNodes.isMap(ex), LOAD_ERR_YAML_VALIDATE, "Rule exception must be a mapping", tmp);
            String name = decoder.required(ex, "name", tmp);
            LoadContext exCtx = parent.child(ItemType.EXCEPTION, name, decoder.at(ex));
            ExceptionInfo info = new ExceptionInfo(name, exCtx);
            for (ExceptionInfo other : out) {
                if (other.name.equals(name)) {
                    res.warn(LoadCode.LOAD_EXCEPTION_NAME_NOT_UNIQUE,
                            "Multiple definitions of exception '" + name + "' in the same rule", exCtx);
                }
            }
            // fields are optional when appending (values only, to an existing exception)
            info.fields = entry(YamlNodes.get(ex, "fields"), "fields", exCtx, append);
            info.comps = entry(YamlNodes.get(ex, "comps"), "comps", exCtx, true);
            Node vals = YamlNodes.get(ex, "values");
            if (vals != null) {
                LoadContext valsCtx = exCtx.child(ItemType.EXCEPTION_VALUES, "", decoder.at(vals));
                check(!YamlNodes.isSequence(vals), LOAD_ERR_YAML_VALIDATE,
                        "Rule exception values must be a sequence", valsCtx);
                for (Node v : YamlNodes.items(vals)) {
                    LoadContext vCtx = valsCtx.child(ItemType.EXCEPTION_VALUE, "", decoder.at(v));
                    info.values.add(entry(v, null, vCtx, false));
                }
            } else if (append) {
                res.warn(LoadCode.LOAD_APPEND_NO_VALUES, "Overriding/appending exception with no values", exCtx);
            }
            out.add(info);
        }
        return out;
    }

    private ExceptionInfo.Entry entry(Node val, String key, LoadContext ctx, boolean optional) throws RuleLoadException {
        ExceptionInfo.Entry out = new ExceptionInfo.Entry();
        if (val == null && optional) {
            return out;
        }
        check(val == null, LOAD_ERR_YAML_VALIDATE, "Item has no mapping for key '" + key + "'", ctx);
        LoadContext valCtx = ctx.child(ItemType.VALUE_FOR, key == null ? "" : key, decoder.at(val));
        if (YamlNodes.isScalar(val)) {
            check(YamlNodes.text(val).isEmpty(), LOAD_ERR_YAML_VALIDATE, "Value must be non-empty", valCtx);
            out.valid = true;
            out.item = YamlNodes.text(val);
        } else if (YamlNodes.isSequence(val)) {
            out.valid = true;
            out.isList = true;
            for (Node v : YamlNodes.items(val)) {
                out.items.add(entry(v, null, valCtx.child(ItemType.EXCEPTION, "", decoder.at(v)), false));
            }
        }
        // A null or a mapping leaves the entry invalid, as yaml-cpp's neither-scalar-nor-sequence does.
        return out;
    }
}
