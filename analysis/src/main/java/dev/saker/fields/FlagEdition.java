package dev.saker.fields;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.RawEvent;

/**
 * Which event table's flags decide whether an event is about an fd (fd.* fields) or is I/O
 * (evt.is_io). The tables disagree for some types: current libs mark mmap/mmap2 as using an fd,
 * the 2022 libs inside sysdig 0.29.3 do not. {@link #CURRENT} is Falco's view; {@link #SYSDIG_2022}
 * reproduces {@code sysdig -r} output. Types the 2022 table lacks use the current flags.
 */
public enum FlagEdition {
    CURRENT, SYSDIG_2022;

    int flags(RawEvent e) {
        if (this == SYSDIG_2022) {
            EventInfo old = EventSchema.legacy2022().info(e.type());
            if (old != null) {
                return old.flags();
            }
        }
        EventInfo info = e.info();
        return info == null ? 0 : info.flags();
    }
}
