package dev.saker.rules;

import java.util.Optional;

/**
 * Falco's rule priorities, most severe first (their ordinals are Falco's numbers 0-7). Parsing is
 * case-insensitive with "info" accepted for Informational, as falco_common::parse_priority does.
 */
public enum Priority {
    EMERGENCY("Emergency"),
    ALERT("Alert"),
    CRITICAL("Critical"),
    ERROR("Error"),
    WARNING("Warning"),
    NOTICE("Notice"),
    INFORMATIONAL("Informational"),
    DEBUG("Debug");

    private final String text;

    Priority(String text) {
        this.text = text;
    }

    /** The full name Falco prints in alerts and JSON ("Informational", never "Info"). */
    public String text() {
        return text;
    }

    public static Optional<Priority> parse(String s) {
        for (Priority p : values()) {
            if (p.text.equalsIgnoreCase(s)) {
                return Optional.of(p);
            }
        }
        return "info".equalsIgnoreCase(s) ? Optional.of(INFORMATIONAL) : Optional.empty();
    }

    /** True when this priority is at least as severe as {@code minimum} (Falco loads but skips the rest). */
    public boolean atLeast(Priority minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
