package io.noetl.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerFilesTest {

    @TempDir
    Path dir;

    @Test
    void configIsOneLoopbackNodeWithEveryInternalTopicOnOneReplica() throws Exception {
        KafkaBrokerFiles files = new KafkaBrokerFiles(dir.resolve("kafka"), 19092, 19093);
        files.writeConfig();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(files.config())) {
            p.load(in);
        }
        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:19093");
        assertThat(p.getProperty("log.dirs")).isEqualTo(dir.resolve("kafka/data").toString());
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(files.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void storageCountsAsFormattedOnceItsMetaPropertiesExist() throws Exception {
        KafkaBrokerFiles files = new KafkaBrokerFiles(dir, 1, 2);
        assertThat(files.formatted()).isFalse();
        Files.createDirectories(files.logDirs());
        Files.writeString(files.logDirs().resolve("meta.properties"), "node.id=1\n");
        assertThat(files.formatted()).isTrue();
    }
}
