package io.noetl.app.e2e;

import io.noetl.testkit.ClickHouseTestServer;
import io.noetl.testkit.KafkaTestBroker;
import io.noetl.testkit.NatsTestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the sink and insight pipeline tests share: a playbook whose {@value #STEP} step fails with a connection
 * error when the workload's {@code mode} is {@code fail}, and the environment of the roles they run in one JVM on
 * the shared test servers.
 */
final class LoadOrdersPipeline {

    /** The step that loads, and fails in {@code fail} mode. */
    static final String STEP = "load_orders";

    private LoadOrdersPipeline() {
    }

    /** @return the playbook's path for {@code name}, {@code tests/<name>} */
    static String path(String name) {
        return "tests/" + name;
    }

    /** @return the playbook named {@code name}, at {@link #path} */
    static String playbook(String name) {
        return """
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata:
                  name: %1$s
                  path: tests/%1$s
                workload:
                  mode: ok
                workflow:
                  - step: start
                    next:
                      - step: load_orders
                  - step: load_orders
                    tool:
                      kind: python
                      code: |
                        import time
                        time.sleep(0.05)
                        if "{{ workload.mode }}" == "fail":
                            raise ConnectionError("connection refused by warehouse db-7:5432 while loading orders")
                        result = {"rows": 10}
                    next:
                      - step: end
                  - step: end
                """.formatted(name);
    }

    /**
     * The environment of server, worker and stream roles on the shared NATS and Kafka, with a stream prefix of its
     * own that starts with {@code stem}, the embedded stores under {@code dataDir} and short sink batches.
     */
    static Map<String, String> env(String stem, Path dataDir) {
        String prefix = stem + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_";
        Map<String, String> env = new HashMap<>();
        env.put("NATS_URL", NatsTestServer.shared().url());
        env.put("NOETL_STREAM_PREFIX", prefix);
        env.put("NOETL_HTTP_PORT", "0");
        env.put("NOETL_DATA_DIR", dataDir.toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestBroker.shared().bootstrapServers());
        env.put("NOETL_KAFKA_PARTITIONS", "2");
        env.put("NOETL_SINK_BATCH_MS", "200");
        return env;
    }

    /** Sets the analytics store of {@code env} to the shared ClickHouse, in a database of its own. */
    static void useClickHouse(Map<String, String> env, String databaseStem) {
        env.put("NOETL_ANALYTICS_STORE", "clickhouse");
        env.put("CLICKHOUSE_URL", ClickHouseTestServer.shared().url());
        env.put("CLICKHOUSE_DATABASE", databaseStem + env.get("NOETL_STREAM_PREFIX"));
    }
}
