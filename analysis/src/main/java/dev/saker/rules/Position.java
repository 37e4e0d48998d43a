package dev.saker.rules;

/**
 * A spot in a rules file or in a condition text. YAML positions are 0-based as yaml-cpp marks are;
 * positions inside a condition add the parser's 1-based position to the YAML one, as Falco does,
 * so they are off by one in the same way Falco's are.
 */
public record Position(String name, int line, int column, int offset) {
    public static Position start(String name) {
        return new Position(name, 0, 0, 0);
    }
}
