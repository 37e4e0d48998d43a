package dev.saker.fields;

import dev.saker.state.ContainerInfo;
import dev.saker.state.ThreadInfo;
import java.util.function.Function;

/**
 * container.* and k8s.* fields. A host thread's container id and name are "host"; the other values
 * come from the container's metadata event, and are missing when the capture has none for it.
 * Kubernetes pod name and namespace are read from the CRI labels of the pod's containers.
 */
final class ContainerFields {
    private ContainerFields() {
    }

    static void register(FieldRegistry r) {
        r.add("container.id", FieldType.STRING, "short (12 character) container id, or host",
                (c, a) -> c.thread() == null ? null : c.thread().containerId.isEmpty() ? "host" : c.thread().containerId);
        r.add("container.name", FieldType.STRING, "container name, or host", (c, a) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return null;
            }
            if (t.containerId.isEmpty()) {
                return "host";
            }
            ContainerInfo info = c.state().containers().find(t.containerId);
            return info == null ? null : info.name();
        });
        info(r, "container.full_id", "full container id", ContainerInfo::fullId);
        info(r, "container.image", "container image name", ContainerInfo::image);
        info(r, "container.image.id", "container image id", ContainerInfo::imageId);
        info(r, "container.image.repository", "container image repository", ContainerInfo::imageRepo);
        info(r, "container.image.tag", "container image tag", ContainerInfo::imageTag);
        info(r, "container.image.digest", "container image digest", ContainerInfo::imageDigest);
        info(r, "container.privileged", "whether the container runs privileged", ContainerInfo::privileged);
        info(r, "container.mounts", "the mounts, comma-separated, each source:dest:mode:rdwr:propagation",
                ContainerFields::mounts);
        mount(r, "container.mount", "one mount as source:dest:mode:rdwr:propagation", ContainerInfo.Mount::toString, false);
        mount(r, "container.mount.source", "a mount's source", ContainerInfo.Mount::source, true);
        mount(r, "container.mount.dest", "a mount's destination", ContainerInfo.Mount::dest, false);
        mount(r, "container.mount.mode", "a mount's mode", ContainerInfo.Mount::mode, false);
        mount(r, "container.mount.rdwr", "whether a mount is read-write", m -> String.valueOf(m.rdwr()), false);
        mount(r, "container.mount.propagation", "a mount's propagation", ContainerInfo.Mount::propagation, false);
        r.add("container.start_ts", FieldType.TIME, "start of the container's pid namespace, ns since the epoch",
                (c, a) -> {
                    ThreadInfo t = c.thread();
                    return t == null || t.containerId.isEmpty() || t.pidnsInitStartTs == 0 ? null : t.pidnsInitStartTs;
                });
        info(r, "k8s.pod.name", "Kubernetes pod name", ContainerInfo::podName);
        info(r, "k8s.ns.name", "Kubernetes namespace", ContainerInfo::podNamespace);
    }

    private static Object mounts(ContainerInfo info) {
        StringBuilder sb = new StringBuilder();
        for (ContainerInfo.Mount m : info.mounts()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(m);
        }
        // an empty list is an empty value, not a missing one (the empty-string rule of info() does not apply)
        return sb.toString();
    }

    /**
     * A mount chosen by its bracket argument as libsinsp chooses it: a number is an index; otherwise a
     * glob over the mount sources (over the destinations for container.mount.source), first match wins.
     */
    private static void mount(FieldRegistry r, String name, String description, Function<ContainerInfo.Mount, String> f,
                              boolean byDest) {
        r.add(new Field(name, FieldType.STRING, Field.Argument.REQUIRED, description, (c, a) -> {
            ContainerInfo info = containerOf(c);
            if (info == null) {
                return null;
            }
            ContainerInfo.Mount m = null;
            if (!a.isEmpty() && a.chars().allMatch(Character::isDigit)) {
                int i = a.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(a);
                m = i < info.mounts().size() ? info.mounts().get(i) : null;
            } else {
                for (ContainerInfo.Mount x : info.mounts()) {
                    if (Glob.matches(a, byDest ? x.dest() : x.source(), false)) {
                        m = x;
                        break;
                    }
                }
            }
            return m == null ? null : f.apply(m);
        }));
    }

    private static ContainerInfo containerOf(EventContext c) {
        ThreadInfo t = c.thread();
        return t == null || t.containerId.isEmpty() ? null : c.state().containers().find(t.containerId);
    }

    private static void info(FieldRegistry r, String name, String description, Function<ContainerInfo, Object> f) {
        FieldType type = name.equals("container.privileged") ? FieldType.BOOL : FieldType.STRING;
        r.add(name, type, description, (c, a) -> {
            ThreadInfo t = c.thread();
            if (t == null || t.containerId.isEmpty()) {
                return null;
            }
            ContainerInfo info = c.state().containers().find(t.containerId);
            Object v = info == null ? null : f.apply(info);
            // metadata the engine did not report (empty) is missing, not an empty value
            return v instanceof String str && str.isEmpty() && !name.equals("container.mounts") ? null : v;
        });
    }
}
