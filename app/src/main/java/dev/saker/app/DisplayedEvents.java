package dev.saker.app;

import dev.saker.format.SysdigLine;
import dev.saker.scap.EventInfo;
import dev.saker.scap.RawEvent;

/**
 * Which events the event list shows: everything but what sysdig also hides (internal events such as
 * PROCINFO, and state-only events), including event types newer than sysdig 0.29.3 knows.
 */
final class DisplayedEvents {
    private DisplayedEvents() {
    }

    static boolean isShown(RawEvent e) {
        if (SysdigLine.isNumbered(e)) {
            return SysdigLine.isPrinted(e);
        }
        EventInfo info = e.info();
        return (e.dumpFlags() & 1) == 0 && info != null && (info.category() & EventInfo.EC_INTERNAL) == 0;
    }
}
