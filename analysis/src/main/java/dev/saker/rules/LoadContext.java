package dev.saker.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a load problem happened, from the outermost item (the rules content) to the innermost
 * (a key's value, a spot inside a condition). A context made for a condition carries the
 * condition text, because its snippet is cut from that text rather than from the file.
 */
public final class LoadContext {
    private final List<Location> locations;
    private final String conditionText;

    private LoadContext(List<Location> locations, String conditionText) {
        this.locations = locations;
        this.conditionText = conditionText;
    }

    /** The whole rules content of one file: every context starts here. */
    public static LoadContext ofContent(String name) {
        return new LoadContext(List.of(new Location(ItemType.RULES_CONTENT, "", Position.start(name))), null);
    }

    public LoadContext child(ItemType type, String itemName, Position position) {
        List<Location> l = new ArrayList<>(locations);
        l.add(new Location(type, itemName, position));
        return new LoadContext(Collections.unmodifiableList(l), null);
    }

    /**
     * A spot in a condition: named by the condition's first characters in quotes (Falco's short
     * name), at the parser's 1-based position added to the position of the enclosing YAML value.
     */
    public LoadContext inCondition(String condition, int index, int line, int column) {
        String name = "\"" + (condition.length() > 20 ? condition.substring(0, 17) + "...\"" : condition + "\"");
        name = name.replace('\n', ' ').replace('\r', ' ');
        Position last = innermost().position();
        Position p = new Position(name, line + last.line(), column + last.column(), index + last.offset());
        List<Location> l = new ArrayList<>(locations);
        l.add(new Location(ItemType.CONDITION_EXPRESSION, "", p));
        return new LoadContext(Collections.unmodifiableList(l), condition);
    }

    public List<Location> locations() {
        return locations;
    }

    public Location innermost() {
        return locations.get(locations.size() - 1);
    }

    /** The file this context belongs to (the name of its first location). */
    public String fileName() {
        return locations.get(0).position().name();
    }

    /** Null unless this context points into a condition text. */
    public String conditionText() {
        return conditionText;
    }

    /** "In rule 'x': (file:line:col)" lines, as Falco prints them. */
    public String asText() {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Location loc : locations) {
            b.append(first ? "In " : "    ");
            first = false;
            b.append(loc.itemType().text());
            if (!loc.itemName().isEmpty()) {
                b.append(" '").append(loc.itemName()).append('\'');
            }
            Position p = loc.position();
            b.append(": (").append(p.name()).append(':').append(p.line()).append(':').append(p.column()).append(")\n");
        }
        return b.toString();
    }
}
