package dev.saker.filter;

/** The check operators of the condition language, with their spelling. */
public enum Operator {
    EQ("="), EQEQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    CONTAINS("contains"), ICONTAINS("icontains"), BCONTAINS("bcontains"),
    STARTSWITH("startswith"), BSTARTSWITH("bstartswith"), ENDSWITH("endswith"),
    GLOB("glob"), IGLOB("iglob"), REGEX("regex"),
    IN("in"), INTERSECTS("intersects"), PMATCH("pmatch"),
    EXISTS("exists");

    private final String text;

    Operator(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether the right-hand side is a list (or a list name). */
    public boolean takesList() {
        return this == IN || this == INTERSECTS || this == PMATCH;
    }

    /** The ordering operators, whose right-hand side the parser reads as a number. */
    public boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    /** The string operators that accept the oneof/anyof/allof list modifiers (Falco 0.44+). */
    public boolean acceptsModifier() {
        return switch (this) {
            case EQ, EQEQ, NE, CONTAINS, ICONTAINS, BCONTAINS, STARTSWITH, BSTARTSWITH, ENDSWITH, GLOB, IGLOB, REGEX -> true;
            default -> false;
        };
    }

    /** How a string operator combines with a list: {@code op oneof|anyof|allof (…)}. */
    public enum Modifier {
        NONE(""), ONEOF("oneof"), ANYOF("anyof"), ALLOF("allof");

        private final String text;

        Modifier(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
