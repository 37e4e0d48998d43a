package dev.saker.scap;

/**
 * libscap's static convertibility rules (converter README, {@code test_event_convertibility}), checked
 * before the table is consulted and again after every conversion step.
 */
enum Convertibility {
    PASS, DROP, CONTINUE, ERROR;

    /** The verdict for an event whose type has the table entry {@code info} (null: unknown type). */
    static Convertibility of(EventInfo info, long nparams) {
        if (info == null) {
            return ERROR;
        }
        if (info.isUnused()) {
            return DROP;
        }
        if (!info.isConverterManaged()) {
            if (!info.isOldVersion()) {
                return PASS;
            }
            // Old enter events nobody converts carry nothing the exit lacks: drop them. An old exit
            // event outside the converter would mean a broken event table.
            return info.isEnter() ? DROP : ERROR;
        }
        if (info.isEnter()) {
            return CONTINUE;
        }
        if (nparams > info.nparams()) {
            return ERROR;
        }
        return info.isOldVersion() || nparams != info.nparams() ? CONTINUE : PASS;
    }

    /** Why {@link #of} said ERROR. */
    static String describe(EventInfo info, int type, long nparams) {
        if (info == null) {
            return "event type " + type + " is unknown to the event table";
        }
        if (!info.isConverterManaged()) {
            return "old exit event " + info.name() + " (" + type + ") is not managed by the converter";
        }
        return "event " + info.name() + " (" + type + ") has " + nparams + " parameters, more than the "
                + info.nparams() + " the event table knows";
    }
}
