package dev.saker.rules;

import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.error.Mark;

/**
 * Reading composed YAML nodes the way yaml-cpp answers Falco's questions: every scalar is text
 * until decoded, a plain empty or "null"/"~" scalar is null, booleans and integers decode by
 * yaml-cpp's rules, and every node has a 0-based mark.
 */
final class YamlNodes {
    private YamlNodes() {
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    static boolean isScalar(Node n) {
        return n instanceof ScalarNode && !isNull(n);
    }

    static boolean isMap(Node n) {
        return n instanceof MappingNode;
    }

    static boolean isSequence(Node n) {
        return n instanceof SequenceNode;
    }

    static String text(Node n) {
        return ((ScalarNode) n).getValue();
    }

    /** The value under {@code key} in a mapping, or null when the key is absent (or n is not a map). */
    static Node get(Node n, String key) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    static Node keyNode(Node n, String key) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return k;
                }
            }
        }
        return null;
    }

    static List<NodeTuple> entries(Node n) {
        return ((MappingNode) n).getValue();
    }

    static List<Node> items(Node n) {
        return ((SequenceNode) n).getValue();
    }

    static Position position(Node n, String name) {
        Mark m = n.getStartMark();
        return new Position(name, m.getLine(), m.getColumn(), m.getIndex());
    }

    /** yaml-cpp's bool decoding: true/false, yes/no, on/off, y/n in lower, Title or UPPER case. */
    static Boolean decodeBool(String s) {
        for (String t : new String[] {"true", "yes", "on", "y"}) {
            if (caseForms(s, t)) {
                return Boolean.TRUE;
            }
        }
        for (String f : new String[] {"false", "no", "off", "n"}) {
            if (caseForms(s, f)) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static boolean caseForms(String s, String lower) {
        String title = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        return s.equals(lower) || s.equals(title) || s.equals(lower.toUpperCase());
    }

    /** A decimal (or 0x/0o) integer in range, as yaml-cpp's stream extraction accepts it; else null. */
    static Long decodeLong(String s, long min, long max) {
        try {
            String t = s.trim();
            if (!t.equals(s) || t.isEmpty()) {
                return null;
            }
            long v;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                v = Long.parseLong(t.substring(2), 16);
            } else if (t.startsWith("0o")) {
                v = Long.parseLong(t.substring(2), 8);
            } else {
                v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            }
            return v < min || v > max ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
