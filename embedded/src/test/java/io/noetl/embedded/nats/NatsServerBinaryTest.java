package io.noetl.embedded.nats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsServerBinaryTest {

    @TempDir
    Path dir;

    @Test
    void natsServerBinComesFirstThenPathThenTheUsualFolders() {
        List<Path> candidates = NatsServerBinary.candidates(Map.of("NATS_SERVER_BIN", "/opt/nats/nats-server",
                "PATH", "/a:/b"));
        assertThat(candidates).startsWith(Path.of("/opt/nats/nats-server"), Path.of("/a/nats-server"),
                Path.of("/b/nats-server"));
        assertThat(candidates).endsWith(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server"),
                Path.of("/usr/local/bin/nats-server"));
    }

    @Test
    void findTakesTheFirstExecutableFile() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("plain"), "");
        Path executable = Files.writeString(dir.resolve("nats-server"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(NatsServerBinary.find(List.of(dir.resolve("missing"), notExecutable, dir, executable)))
                .contains(executable);
        assertThat(NatsServerBinary.find(List.of(dir.resolve("missing"), notExecutable))).isEmpty();
    }
}
