package dev.saker.state;

import java.util.Map;

/** What a capture says about one container: from its metadata events, or only its id from cgroups. */
public record ContainerInfo(String id, String fullId, int type, String name, String image, String imageId,
                            String imageRepo, String imageTag, String imageDigest, boolean privileged,
                            Map<String, String> labels) {

    /** Kubernetes pod name from the CRI labels, or null. */
    public String podName() {
        return labels.get("io.kubernetes.pod.name");
    }

    public String podNamespace() {
        return labels.get("io.kubernetes.pod.namespace");
    }
}
