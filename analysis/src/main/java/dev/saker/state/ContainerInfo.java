package dev.saker.state;

import java.util.List;
import java.util.Map;

/**
 * What a capture says about one container: from its metadata events, or only its id from cgroups.
 *
 * @param mounts the container JSON's {@code Mounts}, in order
 */
public record ContainerInfo(String id, String fullId, int type, String name, String image, String imageId,
                            String imageRepo, String imageTag, String imageDigest, boolean privileged,
                            Map<String, String> labels, List<Mount> mounts) {

    public ContainerInfo(String id, String fullId, int type, String name, String image, String imageId,
                         String imageRepo, String imageTag, String imageDigest, boolean privileged,
                         Map<String, String> labels) {
        this(id, fullId, type, name, image, imageId, imageRepo, imageTag, imageDigest, privileged, labels, List.of());
    }

    /** One bind or volume mount, as libsinsp's container_mount_info keeps it. */
    public record Mount(String source, String dest, String mode, boolean rdwr, String propagation) {
        /** libsinsp's to_string: "source:dest:mode:rdwr:propagation". */
        @Override
        public String toString() {
            return source + ":" + dest + ":" + mode + ":" + rdwr + ":" + propagation;
        }
    }

    /** Kubernetes pod name from the CRI labels, or null. */
    public String podName() {
        return labels.get("io.kubernetes.pod.name");
    }

    public String podNamespace() {
        return labels.get("io.kubernetes.pod.namespace");
    }
}
