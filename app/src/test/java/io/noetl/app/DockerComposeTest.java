package io.noetl.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.app.demo.Examples;
import io.noetl.connectors.kafka.TopicSettings;
import io.noetl.server.ServerConfig;
import io.noetl.sink.index.StoreSettings;
import io.noetl.sink.processor.SinkSettings;
import io.noetl.sink.vector.VectorStores;
import io.noetl.worker.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The production recipe agrees with what the app reads. */
class DockerComposeTest {

    private static final Set<String> APP_SERVICES = Set.of("server", "worker", "stream");
    /** App services that need no NATS. */
    private static final Set<String> KAFKA_ONLY_SERVICES = Set.of("sink");

    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("..", "docker-compose.yml")));
        services = (Map<String, Object>) doc.get("services");
    }

    /** A map that remembers every key the config parsers ask for. */
    static final class RecordingEnv extends HashMap<String, String> {
        final Set<String> asked = new HashSet<>();

        @Override
        public String getOrDefault(Object key, String defaultValue) {
            asked.add((String) key);
            return super.getOrDefault(key, defaultValue);
        }

        @Override
        public String get(Object key) {
            asked.add((String) key);
            return super.get(key);
        }
    }

    static Set<String> variablesTheAppReads() {
        RecordingEnv env = new RecordingEnv();
        ServerConfig.fromEnv(env);
        WorkerConfig.fromEnv(env);
        TopicSettings.fromEnv(env);
        SinkSettings.fromEnv(env, "kafka:9092");
        StoreSettings.fromEnv(env);
        Set<String> read = new HashSet<>(env.asked);
        read.addAll(keychainVariablesOfExamples());
        return read;
    }

    /** Keychain {@code env} entries are read by the worker from its environment. */
    @SuppressWarnings("unchecked")
    static Set<String> keychainVariablesOfExamples() {
        Set<String> names = new HashSet<>();
        for (String file : Examples.FILES) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Examples.packaged(file));
            for (Object entry : (List<Object>) doc.getOrDefault("keychain", List.of())) {
                Object env = ((Map<String, Object>) entry).get("env");
                if (env != null) {
                    names.add(env.toString());
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new HashMap<>();
        Object raw = service(name).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            list.forEach(item -> {
                String[] kv = item.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    @Test
    @DisplayName("each role runs as its own service from one app image")
    void rolesAreSeparateServicesOfOneImage() {
        assertThat(services).containsKeys("server", "worker");
        assertThat(service("server").get("image")).isEqualTo(service("worker").get("image"));
        assertThat(service("server").get("command")).isEqualTo(List.of("server"));
        assertThat(service("worker").get("command")).isEqualTo(List.of("worker"));
        assertThat(service("stream").get("image")).isEqualTo(service("server").get("image"));
        assertThat(service("stream").get("command")).isEqualTo(List.of("bridge"));
        assertThat(environment("stream").get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(service("sink").get("image")).isEqualTo(service("server").get("image"));
        assertThat(service("sink").get("command")).isEqualTo(List.of("sink"));
        assertThat(environment("sink")).containsEntry("NOETL_VECTOR_STORE", "qdrant")
                .containsEntry("NOETL_ANALYTICS_STORE", "clickhouse");
    }

    @Test
    @DisplayName("the backends of the production column are there: NATS with JetStream, Kafka in KRaft mode, Qdrant, ClickHouse")
    void backendsArePresent() {
        assertThat(services).containsKeys("nats", "kafka", "qdrant", "clickhouse");
        assertThat(service("nats").get("command").toString()).contains("-js");
        assertThat(environment("kafka").get("KAFKA_PROCESS_ROLES")).contains("controller");
    }

    @Test
    @DisplayName("every NOETL_* and NATS_URL variable set on an app service is one the app reads")
    void appServicesSetOnlyVariablesTheAppReads() {
        Set<String> read = variablesTheAppReads();
        Set<String> all = new HashSet<>(APP_SERVICES);
        all.addAll(KAFKA_ONLY_SERVICES);
        for (String name : all) {
            Set<String> set = environment(name).keySet();
            assertThat(set).as("variables of service %s", name).isNotEmpty();
            set.stream().filter(v -> v.startsWith("NOETL_") || v.equals("NATS_URL"))
                    .forEach(v -> assertThat(read).as("%s on service %s", v, name).contains(v));
        }
    }

    @Test
    @DisplayName("NATS_URL of every app service points at the nats service")
    void natsUrlPointsAtTheNatsService() {
        for (String name : APP_SERVICES) {
            assertThat(environment(name).get("NATS_URL")).as(name).isEqualTo("nats://nats:4222");
        }
    }

    @Test
    @DisplayName("the values of app variables parse: the configs built from them are valid")
    void appVariablesHaveValidValues() {
        ServerConfig server = ServerConfig.fromEnv(environment("server"));
        WorkerConfig worker = WorkerConfig.fromEnv(environment("worker"));
        assertThat(server.httpPort()).isEqualTo(8080);
        assertThat(worker.pool()).isEqualTo("default");
    }

    @Test
    @DisplayName("the server service binds every interface, so other containers and the published port reach it")
    void serverServiceBindsAllInterfaces() {
        assertThat(ServerConfig.fromEnv(environment("server")).httpHost()).isEqualTo("0.0.0.0");
    }

    @Test
    @DisplayName("the sink service keeps its vectors in the qdrant service, over Qdrant's gRPC port")
    @SuppressWarnings("unchecked")
    void sinkUsesQdrant() {
        Map<String, String> env = environment("sink");
        assertThat(VectorStores.kind(env)).isEqualTo(VectorStores.Kind.QDRANT);
        assertThat(VectorStores.qdrantOptions(env).host()).isEqualTo("qdrant");
        assertThat(VectorStores.qdrantOptions(env).port()).isEqualTo(6334);
        assertThat((Map<String, Object>) service("sink").get("depends_on")).containsKey("qdrant");
    }

    @Test
    @DisplayName("every service an app role depends on exists")
    @SuppressWarnings("unchecked")
    void dependenciesExist() {
        for (String name : APP_SERVICES) {
            Object dependsOn = service(name).get("depends_on");
            assertThat(dependsOn).as("depends_on of %s", name).isNotNull();
            Iterable<String> targets = dependsOn instanceof Map<?, ?> m
                    ? ((Map<String, Object>) m).keySet() : (List<String>) dependsOn;
            targets.forEach(t -> assertThat(services).as("%s depends on %s", name, t).containsKey(t));
            assertThat(targets).contains("nats");
        }
    }
}
