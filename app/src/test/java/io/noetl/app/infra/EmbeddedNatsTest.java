package io.noetl.app.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.embedded.LoopbackPorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNatsTest {

    @TempDir
    Path dir;

    @Test
    void withoutAReachableServerOrABinaryItSaysHowToInstallOne() {
        Map<String, String> env = Map.of("NATS_URL", "nats://127.0.0.1:" + LoopbackPorts.free(),
                "NOETL_DATA_DIR", dir.toString());
        assertThatThrownBy(() -> EmbeddedNats.ensure(env, List.of(dir.resolve("no-such-nats-server"))))
                .hasMessage("nats-server is not installed: run 'apt-get install -y nats-server' (as root) or set NATS_URL");
    }
}
