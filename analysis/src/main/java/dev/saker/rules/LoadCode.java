package dev.saker.rules;

/**
 * Falco's load error and warning codes with their short strings and descriptions
 * (falco_load_result.cpp). An error's JSON "codedesc" is its short string, a Falco quirk kept on
 * purpose; a warning's is its long description.
 */
public enum LoadCode {
    LOAD_ERR_FILE_READ(true, "File read error", null),
    LOAD_ERR_YAML_PARSE(true, "YAML parse error", null),
    LOAD_ERR_YAML_VALIDATE(true, "Error validating internal structure of YAML file", null),
    LOAD_ERR_COMPILE_CONDITION(true, "Error compiling condition", null),
    LOAD_ERR_COMPILE_OUTPUT(true, "Error compiling output", null),
    LOAD_ERR_VALIDATE(true, "Error validating rule/macro/list/exception objects", null),
    LOAD_ERR_EXTENSION(true, "Error in extension item", null),

    LOAD_UNKNOWN_SOURCE(false, "Unknown event source",
            "A rule has a unknown event source. This can occur when reading rules content without having a"
            + " corresponding plugin loaded, etc. The rule will be silently ignored."),
    LOAD_UNSAFE_NA_CHECK(false, "Unsafe <NA> comparison in condition",
            "Comparing a field value with <NA> is unsafe and can lead to unpredictable behavior of the rule"
            + " condition. If you need to check for the existence of a field, consider using the 'exists'"
            + " operator instead."),
    LOAD_NO_EVTTYPE(false, "Condition has no event-type restriction",
            "A rule condition matches too many evt.type values. This has a significant performance penalty."
            + " Make the condition more specific by adding an evt.type field or further restricting the number"
            + " of evt.type values in the condition."),
    LOAD_UNKNOWN_FILTER(false, "Unknown field or event-type in condition or output",
            "A rule condition or output refers to a field or evt.type that does not exist. This is normally"
            + " an error, but if a rule has a skip-if-unknown-filter property, the error is downgraded to a"
            + " warning."),
    LOAD_UNUSED_MACRO(false, "Unused macro",
            "A macro is defined in the rules content but is not used by any other macro or rule."),
    LOAD_UNUSED_LIST(false, "Unused list",
            "A list is defined in the rules content but is not used by any other list, macro, or rule."),
    LOAD_UNKNOWN_ITEM(false, "Unknown rules file item",
            "An unknown top-level object is in the rules content. It will be ignored."),
    LOAD_DEPRECATED_ITEM(false, "Used deprecated item",
            "A deprecated item is employed by lists, macros, or rules."),
    LOAD_WARNING_EXTENSION(false, "Warning in extension item", "An extension item has a warning"),
    LOAD_APPEND_NO_VALUES(false, "Overriding/appending with no values",
            "A rule exception is overriding/appending with no values"),
    LOAD_EXCEPTION_NAME_NOT_UNIQUE(false, "Multiple exceptions defined with the same name",
            "A rule is defining multiple exceptions with the same name"),
    LOAD_INVALID_MACRO_NAME(false, "Invalid macro name", "A macro is defined with an invalid name"),
    LOAD_INVALID_LIST_NAME(false, "Invalid list name", "A list is defined with an invalid name"),
    LOAD_COMPILE_CONDITION(false, "Warning in rule condition",
            "A rule condition or output have been parsed with a warning"),
    LOAD_UNKNOWN_KEY(false, "Unknown key in item definition",
            "An item in the rules content contains an unrecognized key. The key will be ignored. This may"
            + " indicate a typo or a property placed on the wrong item type.");

    private final boolean error;
    private final String shortText;
    private final String description;

    LoadCode(boolean error, String shortText, String description) {
        this.error = error;
        this.shortText = shortText;
        this.description = description;
    }

    public boolean isError() {
        return error;
    }

    public String shortText() {
        return shortText;
    }

    /** What Falco prints as "codedesc". */
    public String codeDescription() {
        return error ? shortText : description;
    }
}
