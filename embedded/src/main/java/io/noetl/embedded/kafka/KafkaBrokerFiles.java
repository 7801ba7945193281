package io.noetl.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A broker's folder: {@code server.properties}, {@code broker.log} and the log dirs under {@code data/} (whose
 * {@code meta.properties} says the storage is formatted).
 *
 * @param dir            the folder
 * @param brokerPort     loopback port of the PLAINTEXT listener
 * @param controllerPort loopback port of the KRaft controller listener
 */
record KafkaBrokerFiles(Path dir, int brokerPort, int controllerPort) {

    Path config() {
        return dir.resolve("server.properties");
    }

    Path log() {
        return dir.resolve("broker.log");
    }

    Path logDirs() {
        return dir.resolve("data");
    }

    boolean formatted() {
        return Files.exists(logDirs().resolve("meta.properties"));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Writes {@code server.properties} for one node that is broker and controller, every internal topic on one replica. */
    void writeConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDirs().toString());
        // one node: every internal topic must live with a single replica
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "default.replication.factor", "min.insync.replicas")) {
            p.setProperty(key, "1");
        }
        // fewer internal partitions: the first consumer group and transaction come up faster
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.num.partitions", "6");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.dedupe.buffer.size", "8388608");
        p.setProperty("num.partitions", "6");
        p.setProperty("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(config(), StandardCharsets.UTF_8)) {
                p.store(out, "single-node KRaft broker on the loopback interface (rewritten on every start)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("write " + config(), e);
        }
    }
}
