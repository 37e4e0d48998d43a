package dev.saker.fields;

import dev.saker.scap.GroupEntry;
import dev.saker.scap.UserEntry;
import dev.saker.state.ThreadInfo;

/**
 * user.* and group.* fields with current libsinsp's semantics: ids from the thread, names looked up in
 * the user table of the thread's container (the host's for host threads); an unknown id 0 is "root",
 * any other unknown id "<NA>".
 */
final class UserFields {
    private UserFields() {
    }

    static void register(FieldRegistry r) {
        r.addLong("user.uid", "user id", (c, a) -> c.thread() == null ? LongExtractor.NA
                : Integer.toUnsignedLong(c.thread().uid));
        r.add("user.name", FieldType.STRING, "user name", (c, a) -> c.thread() == null ? null
                : userName(c, c.thread().uid));
        r.add("user.homedir", FieldType.STRING, "home directory", (c, a) -> {
            UserEntry u = user(c, c.thread(), false);
            return c.thread() == null ? null : u != null ? u.home() : c.thread().uid == 0 ? "/root" : ThreadInfo.NA;
        });
        r.add("user.shell", FieldType.STRING, "login shell", (c, a) -> {
            UserEntry u = user(c, c.thread(), false);
            return c.thread() == null ? null : u != null ? u.shell() : ThreadInfo.NA;
        });
        r.addLong("user.loginuid", "audit user id, -1 when unset", (c, a) -> c.thread() == null ? LongExtractor.NA
                : c.thread().loginuid == -1 ? -1L : Integer.toUnsignedLong(c.thread().loginuid));
        r.add("user.loginname", FieldType.STRING, "audit user name", (c, a) -> c.thread() == null ? null
                : userName(c, c.thread().loginuid));
        r.add("group.gid", FieldType.NUMBER, "group id", (c, a) -> c.thread() == null ? null
                : Integer.toUnsignedLong(c.thread().gid));
        r.add("group.name", FieldType.STRING, "group name", (c, a) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return null;
            }
            GroupEntry g = c.state().users().group(table(c, t), t.gid);
            return g != null ? g.name() : unknownName(c, t.gid);
        });
    }

    private static String userName(EventContext c, int uid) {
        UserEntry u = c.state().users().user(table(c, c.thread()), uid);
        return u != null ? u.name() : unknownName(c, uid);
    }

    /** 2022 libsinsp has no name for an id missing from the table; current libs call id 0 root. */
    private static String unknownName(EventContext c, int id) {
        if (c.edition() == LibsEdition.SYSDIG_2022) {
            return null;
        }
        return id == 0 ? "root" : ThreadInfo.NA;
    }

    /** Which user table: the thread's container's (current libs) or always the host's (2022). */
    private static String table(EventContext c, ThreadInfo t) {
        return c.edition() == LibsEdition.SYSDIG_2022 ? "" : t.containerId;
    }

    private static UserEntry user(EventContext c, ThreadInfo t, boolean login) {
        return t == null ? null : c.state().users().user(table(c, t), login ? t.loginuid : t.uid);
    }
}
