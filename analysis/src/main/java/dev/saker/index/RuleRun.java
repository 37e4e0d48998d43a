package dev.saker.index;

import dev.saker.engine.Detection;
import dev.saker.engine.Engine;
import dev.saker.format.FalcoAlerts;
import dev.saker.format.RenderedFields;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Loading a set of rules files and running them over a capture, as `saker scan` does with its
 * defaults (every rule, Falco's first-match): what the workbench does when a capture opens and
 * whenever the rules change. Rules that fail to load give their load results and no detections.
 */
public final class RuleRun {
    private RuleRun() {
    }

    /**
     * The outcome: each file's load result, the loaded files' text by name (for showing problems at
     * their spans), the number of rules that ran and what they detected, in event order.
     */
    public record Result(List<LoadResult> loads, Map<String, String> contents, int rulesRunning,
            List<Detection> detections, boolean cancelled) {
        public boolean loaded() {
            return loads.stream().allMatch(LoadResult::successful);
        }
    }

    public static Result run(List<RulesSource> sources, Path capture) throws IOException {
        return run(sources, capture, () -> false);
    }

    public static Result run(List<RulesSource> sources, Path capture, BooleanSupplier cancelled) throws IOException {
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        List<LoadResult> loads = loader.loadAll(sources);
        if (!loads.stream().allMatch(LoadResult::successful)) {
            return new Result(loads, loader.contents(), 0, List.of(), false);
        }
        Engine engine = new Engine(loader.rules());
        List<Detection> detections = new ArrayList<>();
        FalcoAlerts alerts = FalcoAlerts.withSuggestedOutput(false);
        boolean[] stopped = {false};
        try {
            engine.scan(capture, alerts, d -> {
                if (cancelled.getAsBoolean()) {
                    stopped[0] = true;
                    throw new Stop();
                }
                detections.add(d);
            });
        } catch (Stop s) {
            // cancelled: keep what was found
        }
        return new Result(loads, loader.contents(), engine.running().size(), List.copyOf(detections), stopped[0]);
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
