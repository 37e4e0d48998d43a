package dev.saker.scap;

import dev.saker.scap.ConversionTable.Action;
import dev.saker.scap.ConversionTable.Conversion;
import dev.saker.scap.ConversionTable.Instruction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Presents events of older drivers in the current exit-only schema, with the semantics of libscap's
 * savefile converter: enter events the table stores are kept per thread and not delivered, exit
 * events gain the parameters current drivers put there (taken from the stored enter event, or empty,
 * or a typed default), and old event types are rebuilt as their current versions.
 *
 * <p>{@link #convert} returns the same view when an event passes unchanged (no copy, no allocation),
 * null when the event is consumed, or a view over one of the converter's two scratch buffers, valid
 * until the next call. Converted events keep the original block offset, cpu and dump flags. One
 * converter follows one event stream: it remembers enter events by thread id.
 */
public final class EventConverter {
    /** libscap gives up after this many chained conversions of one event. */
    static final int MAX_CONVERSION_BOUNDARY = 50;
    /** Size of libscap's conversion buffers: larger events cannot be converted. */
    static final int MAX_EVENT_SIZE = 64 * 1024;

    private final EventSchema schema;
    private final ConversionTable table;
    private final LongKeyMap<StoredEnter> enterByTid = new LongKeyMap<>();
    private final ParamWriter[] scratch = {new ParamWriter(MAX_EVENT_SIZE), new ParamWriter(MAX_EVENT_SIZE)};
    private final RawEvent[] scratchView = {new RawEvent(), new RawEvent()};
    private final RawEvent enterView = new RawEvent();
    /** The last thread's stored enter: its exit usually follows, and the map look-up was a hot spot. */
    private long lastTid = Long.MIN_VALUE;
    private StoredEnter lastStored;
    private long converted;
    private long consumed;

    public EventConverter() {
        this(EventSchema.current(), ConversionTable.libscap());
    }

    public EventConverter(EventSchema schema, ConversionTable table) {
        this.schema = schema;
        this.table = table;
    }

    /**
     * The event in the current schema, or null when it is consumed (an unused type, an old enter
     * event, or an enter event kept for its exit). Throws where libscap fails the read: an old exit
     * event the table does not cover, more parameters than the table knows, or a stored enter event
     * that does not belong to the exit being converted.
     */
    public RawEvent convert(RawEvent raw) throws CaptureFormatException {
        return convert(raw, false);
    }

    /**
     * With {@code measureOnly}, a last conversion step (one whose result needs no further step) only
     * measures the event it would build (see {@link ParamWriter}) and the result is null: the stored
     * enter events, the counts and every error are those of a real conversion.
     */
    private RawEvent convert(RawEvent raw, boolean measureOnly) throws CaptureFormatException {
        Convertibility first = Convertibility.of(schema.info(raw.type()), raw.nparams());
        switch (first) {
            case PASS:
                return raw;
            case DROP:
                consumed++;
                return null;
            case ERROR:
                throw error(raw, Convertibility.describe(schema.info(raw.type()), raw.type(), raw.nparams()));
            default:
                break;
        }
        RawEvent cur = raw;
        int dst = 0;
        for (int round = 0; round < MAX_CONVERSION_BOUNDARY; round++) {
            if (cur.length() > MAX_EVENT_SIZE) {
                throw error(raw, "event length " + cur.length() + " is larger than the maximum convertible size " + MAX_EVENT_SIZE);
            }
            Conversion c = table.find(cur.type(), cur.nparams());
            if (c == null) {
                throw error(raw, "event " + name(cur.type()) + " with " + cur.nparams()
                        + " parameters needs a conversion the converter table does not have");
            }
            switch (c.action()) {
                case STORE -> {
                    store(cur);
                    consumed++;
                    return null;
                }
                case STORE_AND_PASS -> {
                    store(cur);
                    return delivered(cur, raw);
                }
                case PASS -> {
                    return delivered(cur, raw);
                }
                default -> {
                }
            }
            Convertibility last = measureOnly ? finalVerdict(c, cur) : null;
            if (last != null) {
                build(c, cur, dst, raw, true);
                if (last == Convertibility.PASS) {
                    converted++;
                } else {
                    consumed++;
                }
                return null;
            }
            RawEvent next = build(c, cur, dst, raw, false);
            dst ^= 1;
            Convertibility verdict = Convertibility.of(schema.info(next.type()), next.nparams());
            switch (verdict) {
                case PASS:
                    return delivered(next, raw);
                case DROP:
                    consumed++;
                    return null;
                case ERROR:
                    throw error(raw, "conversion produced an invalid event: "
                            + Convertibility.describe(schema.info(next.type()), next.type(), next.nparams()));
                default:
                    cur = next;
            }
        }
        throw error(raw, "event " + name(raw.type()) + " still needs conversion after " + MAX_CONVERSION_BOUNDARY + " rounds");
    }

    /**
     * PASS or DROP when the event this step builds is delivered or dropped as it is; null when it
     * needs a further step or is an error (then it is built for real).
     */
    private Convertibility finalVerdict(Conversion c, RawEvent src) {
        EventInfo target = schema.info(targetType(c, src));
        if (target == null) {
            return null;
        }
        Convertibility v = Convertibility.of(target, count(c, src));
        return v == Convertibility.PASS || v == Convertibility.DROP ? v : null;
    }

    private static int targetType(Conversion c, RawEvent src) {
        return c.action() == Action.CHANGE_TYPE ? c.targetType() : src.type();
    }

    private static int count(Conversion c, RawEvent src) {
        return c.instructions().size() + (c.action() == Action.ADD_PARAMS ? src.nparams() : 0);
    }

    /**
     * For an event nobody reads: changes the converter's per-thread state exactly as {@link #convert}
     * would (stored and consumed enter events, counts) and throws where it throws, but the converted
     * event is only measured, not built.
     */
    public void track(RawEvent raw) throws CaptureFormatException {
        convert(raw, true);
    }

    /** Forgets the stored enter events, e.g. before reading another capture. */
    public void reset() {
        enterByTid.clear();
        lastTid = Long.MIN_VALUE;
        lastStored = null;
    }

    /** Events delivered in a different layout than recorded. */
    public long convertedCount() {
        return converted;
    }

    /** Events not delivered (stored enter events, unused and old enter types). */
    public long consumedCount() {
        return consumed;
    }

    /** The enter event stored for a thread and not yet used by its exit, as an owned copy, or null. */
    public RawEvent storedEnter(long tid) {
        StoredEnter s = stored(tid);
        return s == null || !s.present ? null : RawEvent.wrap(Arrays.copyOf(s.bytes, s.buffer.getInt(16)), schema.info(s.type()), -1, 0, 0);
    }

    private RawEvent delivered(RawEvent e, RawEvent raw) {
        if (e != raw) {
            converted++;
        }
        return e;
    }

    private RawEvent build(Conversion c, RawEvent src, int dst, RawEvent raw, boolean measureOnly)
            throws CaptureFormatException {
        int newType = targetType(c, src);
        EventInfo newInfo = schema.info(newType);
        if (newInfo == null) {
            throw error(raw, "conversion target type " + newType + " is unknown to the event table");
        }
        ParamWriter w = scratch[dst];
        int count = count(c, src);
        try {
            w.start(src.ts(), src.tid(), newInfo, count, measureOnly);
            int param = 0;
            if (c.action() == Action.ADD_PARAMS) {
                w.copyAllParams(src);
                param = src.nparams();
            }
            boolean usedEnter = false;
            for (int i = 0; i < c.instructions().size(); i++, param++) {
                usedEnter |= apply(c.instructions().get(i), w, param, src);
            }
            if (usedEnter) {
                stored(src.tid()).present = false;
            }
        } catch (ParamWriter.Overflow e) {
            throw error(raw, "converted " + newInfo.name() + " event: " + e.getMessage());
        }
        if (measureOnly) {
            return null;
        }
        RawEvent view = scratchView[dst];
        view.bind(w.buffer(), 0, newInfo, raw.offset(), raw.cpu(), raw.dumpFlags());
        return view;
    }

    /** Fills one parameter; true when it used the stored enter event. */
    private boolean apply(Instruction in, ParamWriter w, int param, RawEvent src)
            throws CaptureFormatException, ParamWriter.Overflow {
        switch (in.source()) {
            case EMPTY -> w.empty(param);
            case DEFAULT -> w.typedDefault(param);
            case OLD -> {
                if (src.nparams() <= in.param()) {
                    throw error(src, "conversion wants parameter " + in.param() + " of " + name(src.type())
                            + ", which has only " + src.nparams());
                }
                w.copy(param, src, in.param());
            }
            case CALLBACK -> {
                byte[] value;
                try {
                    value = in.callback().compute(src);
                } catch (Exception e) {
                    fallback(in, w, param);
                    return false;
                }
                w.bytes(param, value);
            }
            case ENTER -> {
                RawEvent enter = enter(src.tid());
                if (enter == null) {
                    fallback(in, w, param);
                    return false;
                }
                if (enter.type() != src.type() - 1) {
                    throw error(src, "the stored enter event of thread " + src.tid() + " is " + name(enter.type())
                            + ", not the enter event of " + name(src.type()));
                }
                if (enter.nparams() <= in.param()) {
                    throw error(src, "conversion wants parameter " + in.param() + " of the enter event "
                            + name(enter.type()) + ", which has only " + enter.nparams());
                }
                w.copy(param, enter, in.param());
                return true;
            }
        }
        return false;
    }

    private static void fallback(Instruction in, ParamWriter w, int param) throws ParamWriter.Overflow {
        if (in.fallbackToEmpty()) {
            w.empty(param);
        } else {
            w.typedDefault(param);
        }
    }

    private RawEvent enter(long tid) {
        StoredEnter s = stored(tid);
        if (s == null || !s.present) {
            return null;
        }
        enterView.bind(s.buffer, 0, schema.info(s.type()), -1, 0, 0);
        return enterView;
    }

    private void store(RawEvent e) {
        long tid = e.tid();
        StoredEnter s = stored(tid);
        if (s == null) {
            s = new StoredEnter();
            enterByTid.put(tid, s);
            lastTid = tid;
            lastStored = s;
        }
        s.set(e);
    }

    /** The thread's slot (entries are never removed, so the cached one stays valid), or null. */
    private StoredEnter stored(long tid) {
        if (tid == lastTid) {
            return lastStored;
        }
        StoredEnter s = enterByTid.get(tid);
        if (s != null) {
            lastTid = tid;
            lastStored = s;
        }
        return s;
    }

    private String name(int type) {
        EventInfo info = schema.info(type);
        return info == null ? "type " + type : info.name() + (info.isEnter() ? "_E" : "_X") + " (" + type + ")";
    }

    private static CaptureFormatException error(RawEvent e, String message) {
        return new CaptureFormatException(e.offset(), message);
    }

    /** A thread's last stored enter event, in a buffer reused across its syscalls. */
    private static final class StoredEnter {
        byte[] bytes = new byte[0];
        ByteBuffer buffer;
        boolean present;

        void set(RawEvent e) {
            int len = e.length();
            if (bytes.length < len) {
                bytes = new byte[Math.max(len, 2 * bytes.length)];
                buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            }
            e.buffer().get(e.base(), bytes, 0, len);
            present = true;
        }

        int type() {
            return buffer.getShort(20) & 0xFFFF;
        }
    }
}
