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
        info(r, "k8s.pod.name", "Kubernetes pod name", ContainerInfo::podName);
        info(r, "k8s.ns.name", "Kubernetes namespace", ContainerInfo::podNamespace);
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
            return v instanceof String str && str.isEmpty() ? null : v;
        });
    }
}
