package dev.saker.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Containers described by the capture's container metadata events, keyed by short id. */
public final class ContainerTable {
    private final Map<String, ContainerInfo> containers = new LinkedHashMap<>();

    public ContainerInfo find(String id) {
        return containers.get(id);
    }

    public Map<String, ContainerInfo> all() {
        return java.util.Collections.unmodifiableMap(containers);
    }

    /** Adds the container a container JSON event describes; returns it, or null for unusable JSON. */
    public ContainerInfo addFromJson(String json) {
        Map<String, Object> c = Json.object(Json.object(Json.parse(json)).get("container"));
        String id = Json.string(c.get("id"));
        if (id == null) {
            return null;
        }
        Map<String, String> labels = new HashMap<>();
        Json.object(c.get("labels")).forEach((k, v) -> {
            if (v instanceof String s) {
                labels.put(k, s);
            }
        });
        Object type = c.get("type");
        ContainerInfo info = new ContainerInfo(id, orEmpty(c.get("full_id")), type instanceof Long l ? l.intValue() : 0,
                orEmpty(c.get("name")), orEmpty(c.get("image")), orEmpty(c.get("imageid")), orEmpty(c.get("imagerepo")),
                orEmpty(c.get("imagetag")), orEmpty(c.get("imagedigest")), Boolean.TRUE.equals(c.get("privileged")),
                Map.copyOf(labels), mounts(c.get("Mounts")));
        containers.put(id, info);
        return info;
    }

    /** Adds a container known from the old CONTAINER_E event (id, type, name, image). */
    public void add(ContainerInfo info) {
        containers.put(info.id(), info);
    }

    /** The Mounts array; libsinsp reads each member's strings and RW flag, missing ones empty/false. */
    private static List<ContainerInfo.Mount> mounts(Object v) {
        if (!(v instanceof List<?> list)) {
            return List.of();
        }
        List<ContainerInfo.Mount> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> m = Json.object(o);
            out.add(new ContainerInfo.Mount(orEmpty(m.get("Source")), orEmpty(m.get("Destination")),
                    orEmpty(m.get("Mode")), Boolean.TRUE.equals(m.get("RW")), orEmpty(m.get("Propagation"))));
        }
        return List.copyOf(out);
    }

    private static String orEmpty(Object v) {
        return v instanceof String s ? s : "";
    }
}
