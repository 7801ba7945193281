package io.noetl.schemas.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka topic of the pipeline. Partitions and replicas are the deployment's (the same for every topic), so they
 * are given when the topics are created, not here.
 *
 * @param name        topic name (with the deployment's prefix)
 * @param retentionMs {@code retention.ms}: {@code -1} keeps records forever, null leaves the broker's default
 * @param compacted   {@code cleanup.policy=compact}: only the latest record per key is kept
 */
public record TopicSpec(String name, Long retentionMs, boolean compacted) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (retentionMs != null && retentionMs < 1 && retentionMs != -1) {
            throw new IllegalArgumentException("topic " + name + ": retention.ms must be positive or -1 (forever), got "
                    + retentionMs);
        }
    }

    /** The topic-level configuration it is created with ({@code retention.ms}, {@code cleanup.policy}). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        if (retentionMs != null) {
            configs.put("retention.ms", String.valueOf(retentionMs));
        }
        if (compacted) {
            configs.put("cleanup.policy", "compact");
        }
        return configs;
    }
}
