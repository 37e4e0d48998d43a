package dev.saker.state;

import java.util.List;

/**
 * Container ids from cgroup paths, as libsinsp's container engines match them (docker, CRI with
 * containerd or CRI-O, podman): a 64-hex id between a known prefix and suffix, reported as its first
 * 12 characters. No match means the host ("").
 */
public final class ContainerIds {
    private static final String[][] LAYOUTS = {
            {"/", ""}, {"/docker-", ".scope"}, {"/crio-", ""}, {"/cri-containerd-", ".scope"}, {"/crio-", ".scope"},
            {":cri-containerd:", ""}, {"/libpod-", ".scope"}, {"/libpod-", ".scope/container"}, {"/libpod-", ""}};

    private ContainerIds() {
    }

    /** The container id for a thread's "subsys=path" cgroups, or "" for the host. */
    public static String fromCgroups(List<String> cgroups) {
        for (String entry : cgroups) {
            int eq = entry.indexOf('=');
            String path = eq >= 0 ? entry.substring(eq + 1) : entry;
            String id = fromPath(path);
            if (id != null) {
                return id;
            }
        }
        return "";
    }

    static String fromPath(String path) {
        if (path.length() < 1 + 64) {
            // every layout is a prefix of at least one character and the 64-character id: most host
            // paths are shorter, and this runs for every cgroup of every process of the capture
            return null;
        }
        for (String[] layout : LAYOUTS) {
            String id = match(path, layout[0], layout[1]);
            if (id != null) {
                return id.substring(0, 12);
            }
        }
        return null;
    }

    private static String match(String path, String prefix, String suffix) {
        int p = path.lastIndexOf(prefix);
        if (p < 0) {
            return null;
        }
        int start = p + prefix.length();
        if (!path.endsWith(suffix) || path.length() - suffix.length() < start) {
            return null;
        }
        String id = path.substring(start, path.length() - suffix.length());
        return isHex64(id) ? id : null;
    }

    private static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
