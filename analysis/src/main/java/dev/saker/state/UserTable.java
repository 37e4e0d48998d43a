package dev.saker.state;

import dev.saker.scap.GroupEntry;
import dev.saker.scap.UserEntry;
import java.util.HashMap;
import java.util.Map;

/** Users and groups from UL blocks and user/group added/deleted events, keyed by container and id. */
public final class UserTable {
    private final Map<String, Map<Integer, UserEntry>> users = new HashMap<>();
    private final Map<String, Map<Integer, GroupEntry>> groups = new HashMap<>();

    public void addUser(String containerId, UserEntry u) {
        users.computeIfAbsent(containerId, k -> new HashMap<>()).put(u.uid(), u);
    }

    public void removeUser(String containerId, int uid) {
        Map<Integer, UserEntry> m = users.get(containerId);
        if (m != null) {
            m.remove(uid);
        }
    }

    public void addGroup(String containerId, GroupEntry g) {
        groups.computeIfAbsent(containerId, k -> new HashMap<>()).put(g.gid(), g);
    }

    public void removeGroup(String containerId, int gid) {
        Map<Integer, GroupEntry> m = groups.get(containerId);
        if (m != null) {
            m.remove(gid);
        }
    }

    /** The user with this uid on the host ("" container) or in a container, or null. */
    public UserEntry user(String containerId, int uid) {
        Map<Integer, UserEntry> m = users.get(containerId);
        return m == null ? null : m.get(uid);
    }

    public GroupEntry group(String containerId, int gid) {
        Map<Integer, GroupEntry> m = groups.get(containerId);
        return m == null ? null : m.get(gid);
    }
}
