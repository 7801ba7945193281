package io.noetl.worker.tool.nats;

import java.util.Map;

/** Reading the nats tool's settings. */
final class NatsConfig {

    private NatsConfig() {
    }

    /** The text setting {@code key}, which {@code operation} needs. */
    static String required(Map<String, Object> config, String key, String operation) {
        Object v = config.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException("nats " + operation + " needs '" + key + "'");
        }
        return String.valueOf(v);
    }
}
