package dev.saker.engine;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.rules.CompiledRule;
import dev.saker.scap.EventSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a loaded rule set over a capture as Falco does. Each running rule is indexed under the event
 * types its expanded condition can match; per event the rules of the event's type run in load order.
 * {@link RuleMatching#FIRST} stops at the first match (at most one alert per event),
 * {@link RuleMatching#ALL} reports every match.
 *
 * <p>Events are seen as current Falco sees an old capture: the converter folds old enter events into
 * their exit events, so those enter events are not evaluated, except the enter events of open, openat,
 * openat2, creat and connect, which current libs still deliver. {@code rawEvents} evaluates every
 * recorded event instead.
 */
public final class Engine {
    private static final EventSchema SCHEMA = EventSchema.current();

    private final List<CompiledRule> running = new ArrayList<>();
    private final List<CompiledRule>[] byType;
    private final List<CompiledRule> allTypes = new ArrayList<>();
    private final RuleMatching matching;
    private final boolean rawEvents;

    @SuppressWarnings("unchecked")
    public Engine(List<CompiledRule> rules, Selection selection, RuleMatching matching, boolean rawEvents) {
        this.matching = matching;
        this.rawEvents = rawEvents;
        this.byType = new List[Math.max(SCHEMA.size(), 1)];
        for (int i = 0; i < byType.length; i++) {
            byType[i] = new ArrayList<>();
        }
        for (CompiledRule r : rules) {
            if (!selection.runs(r)) {
                continue;
            }
            running.add(r);
            // the loader worked the codes out from the macro-expanded tree, as Falco's ppm_codes does
            BitSet codes = r.eventCodes();
            if (codes == null) {
                for (List<CompiledRule> b : byType) {
                    b.add(r);
                }
            } else if (codes.isEmpty()) {
                allTypes.add(r);
            } else {
                for (int t = codes.nextSetBit(0); t >= 0 && t < byType.length; t = codes.nextSetBit(t + 1)) {
                    byType[t].add(r);
                }
            }
        }
    }

    public Engine(List<CompiledRule> rules) {
        this(rules, Selection.DEFAULT, RuleMatching.FIRST, false);
    }

    /** The rules tried for events of this type, in load order (the event-type index). */
    List<CompiledRule> rulesFor(int eventType) {
        return eventType >= 0 && eventType < byType.length ? byType[eventType] : List.of();
    }

    /** The rules that run, in load order. */
    public List<CompiledRule> running() {
        return List.copyOf(running);
    }

    /** Whether Falco's default view evaluates this event (see the class comment). */
    public boolean visible(EventContext ctx) {
        if (rawEvents || ctx.current() != null) {
            return true;
        }
        int t = ctx.raw().type();
        return t == dev.saker.scap.EventTypes.SYSCALL_OPEN_E || t == dev.saker.scap.EventTypes.SYSCALL_OPENAT_E
                || t == dev.saker.scap.EventTypes.SYSCALL_OPENAT_2_E || t == dev.saker.scap.EventTypes.SYSCALL_OPENAT2_E
                || t == dev.saker.scap.EventTypes.SYSCALL_CREAT_E || t == dev.saker.scap.EventTypes.SOCKET_CONNECT_E;
    }

    /**
     * The rules matching one event, in the order Falco reports them (empty when invisible or none).
     * An event no rule matches costs no allocation: the list is made on the first match.
     */
    public List<CompiledRule> match(EventContext ctx) {
        if (ctx.passedOver() || !visible(ctx)) {
            return List.of();
        }
        int t = ctx.raw().type();
        List<CompiledRule> bucket = t >= 0 && t < byType.length ? byType[t] : List.of();
        List<CompiledRule> out = run(bucket, ctx, null);
        if (out != null && matching == RuleMatching.FIRST) {
            return out;
        }
        out = run(allTypes, ctx, out);
        return out == null ? List.of() : out;
    }

    /** Adds the bucket's matches to {@code out} (made when null); null when there were none at all. */
    private List<CompiledRule> run(List<CompiledRule> bucket, EventContext ctx, List<CompiledRule> out) {
        for (int i = 0, n = bucket.size(); i < n; i++) {
            CompiledRule r = bucket.get(i);
            if (r.filter().matches(ctx)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(r);
                if (matching == RuleMatching.FIRST) {
                    return out;
                }
            }
        }
        return out;
    }

    /** Scans a capture with current libs' semantics, handing each detection to {@code sink}. */
    public long scan(Path capture, OutputRenderer renderer, Consumer<Detection> sink) throws IOException {
        long events = 0;
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            // an event of a type no running rule is indexed under is never evaluated
            in.demand(allTypes.isEmpty() ? (raw, delivered) -> !rulesFor(raw.type()).isEmpty() : InspectedEvents.Wanted.DELIVERED);
            EventContext ctx;
            while ((ctx = in.next()) != null) {
                events++;
                for (CompiledRule r : match(ctx)) {
                    OutputRenderer.Rendered o = renderer.render(r, ctx);
                    sink.accept(new Detection(r.name(), r.priority(), ctx.num(), ctx.raw().ts(), o.text(), o.fields(),
                            r.tags(), r.source()));
                }
            }
        }
        return events;
    }
}
