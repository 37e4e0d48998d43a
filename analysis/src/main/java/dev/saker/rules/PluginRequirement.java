package dev.saker.rules;

import java.util.List;

/** One required_plugin_versions entry: a plugin name and version, or any of its alternatives. */
public record PluginRequirement(List<Alternative> alternatives, LoadContext ctx) {
    public record Alternative(String name, String version) {
    }
}
