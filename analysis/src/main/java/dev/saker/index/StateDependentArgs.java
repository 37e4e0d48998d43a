package dev.saker.index;

import dev.saker.scap.EventInfo;
import dev.saker.scap.ParamInfo;
import dev.saker.scap.ParamType;
import dev.saker.scap.RawEvent;

/**
 * Event types whose printed arguments need more state than a row keeps: another thread's name (pid
 * arguments), fd lists, user and group names, or a second fd. Their text is rendered during the
 * indexing pass instead of on demand; everything else renders exactly from the row's own fd and cwd.
 */
final class StateDependentArgs {
    private static final byte UNKNOWN = 0;
    private static final byte NO = 1;
    private static final byte YES = 2;
    private static final byte[] BY_TYPE = new byte[1 << 16];

    private StateDependentArgs() {
    }

    static boolean of(RawEvent e) {
        EventInfo info = e.info();
        if (info == null) {
            return false;
        }
        int t = e.type() & 0xffff;
        byte known = BY_TYPE[t];
        if (known == UNKNOWN) {
            known = decide(info) ? YES : NO;
            BY_TYPE[t] = known;
        }
        return known == YES;
    }

    private static boolean decide(EventInfo info) {
        int fds = 0;
        for (ParamInfo p : info.params()) {
            ParamType type = p.type();
            switch (type) {
                case PID, PID32, FDLIST, UID, GID -> {
                    return true;
                }
                case FD, FD32 -> fds++;
                default -> {
                }
            }
        }
        return fds > 1;
    }
}
