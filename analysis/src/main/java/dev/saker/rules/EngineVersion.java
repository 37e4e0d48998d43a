package dev.saker.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semver "x.y.z" as libsinsp's sinsp_version reads it, with its compatibility rule. */
public record EngineVersion(int major, int minor, int patch) implements Comparable<EngineVersion> {
    /** The Falco engine version Saker's loader follows (Falco 0.42: container plugin, capture keys). */
    public static final EngineVersion SAKER = new EngineVersion(0, 57, 0);

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+).*", Pattern.DOTALL);

    /** Null when the text is not "x.y.z". */
    public static EngineVersion parse(String s) {
        Matcher m = SEMVER.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            return new EngineVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Same major and at least as new: what Falco calls compatible_with. */
    public boolean compatibleWith(EngineVersion required) {
        return major == required.major && compareTo(required) >= 0;
    }

    @Override
    public int compareTo(EngineVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
