package dev.saker.index;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.filter.CompileResult;
import dev.saker.filter.Condition;
import dev.saker.filter.Filter;
import dev.saker.filter.FilterCompiler;
import dev.saker.format.RenderedFields;
import dev.saker.state.ThreadInfo;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link RowQuery} over an index: one pass of the reading pipeline (conditions need the state
 * at each event), keeping the rows that match. A query of only a time window needs no pass: the index
 * has every row's time.
 */
public final class RowFilter {
    private RowFilter() {
    }

    /** Compiles a condition as the filter bar and `saker read` take it. */
    public static CompileResult compile(String condition) {
        return FilterCompiler.compile(condition, "filter", RenderedFields.registry());
    }

    /**
     * The rows of {@code index} selected by {@code query}, or null when cancelled. The condition must
     * compile (see {@link #compile}); a bad one throws IllegalArgumentException with its first problem.
     */
    public static RowSet run(CaptureIndex index, RowQuery query, BooleanSupplier cancelled) throws IOException {
        return run(index, query, FilterMacros.NONE, cancelled);
    }

    /** As {@link #run(CaptureIndex, RowQuery, BooleanSupplier)}, the condition may name the rules' macros. */
    public static RowSet run(CaptureIndex index, RowQuery query, FilterMacros macros, BooleanSupplier cancelled)
            throws IOException {
        Filter filter = null;
        FilterEventTypes types = null;
        if (!query.condition().isEmpty()) {
            CompileResult c = compile(query.condition());
            // a list's name compiles alone as a plain value; the rules expand it
            if (c.ok() && !macros.mentionsList(query.condition())) {
                filter = c.filter();
                types = FilterEventTypes.of(Condition.parse(query.condition(), "filter").expr());
            } else if (macros.mentions(query.condition())) {
                FilterMacros.Compiled m = macros.compile(query.condition());
                if (m.filter() == null) {
                    throw new IllegalArgumentException(m.problem());
                }
                filter = m.filter();
            } else {
                throw new IllegalArgumentException(c.problems().get(0).message());
            }
        }
        int size = index.size();
        RowSet out = new RowSet();
        if (filter == null && query.pids().isEmpty()) {
            for (int row = 0; row < size; row++) {
                long ts = index.time(row);
                if (ts >= query.fromTs() && ts <= query.toTs()) {
                    out.add(row);
                }
            }
            return out;
        }
        try (InspectedEvents events = InspectedEvents.open(index.capture(), LibsEdition.CURRENT)) {
            if (types != null) {
                // events of other types cannot match: they only update the state
                FilterEventTypes gate = types;
                events.demand((raw, delivered) -> gate.mayMatch(raw));
            } else {
                // events the pass never returns (internal ones) still only update the state
                events.demand(InspectedEvents.Wanted.DELIVERED);
            }
            int row = 0;
            for (EventContext c; row < size && (c = events.next()) != null; row++) {
                if ((row & 4095) == 0 && cancelled.getAsBoolean()) {
                    return null;
                }
                long ts = c.raw().ts();
                if (ts < query.fromTs() || ts > query.toTs()) {
                    continue;
                }
                if (!query.pids().isEmpty()) {
                    ThreadInfo t = c.thread();
                    if (t == null || !query.pids().contains(t.pid)) {
                        continue;
                    }
                }
                if (filter != null && (types != null && !types.mayMatch(c.raw()) || !filter.matches(c))) {
                    continue;
                }
                out.add(row);
            }
        }
        return out;
    }
}
