package io.noetl.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClickHouseServerTest {

    @Test
    @DisplayName("a missing server binary is reported with the package to install")
    void missingBinaryNamesTheFix() {
        assertThatThrownBy(() -> ClickHouseBinary.requireExecutable(Path.of("/nonexistent/clickhouse-server")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/clickhouse-server")
                .hasMessageContaining("apt-get install -y clickhouse-server");
    }

    @Test
    @DisplayName("CLICKHOUSE_SERVER_BIN names the binary, and is named when it points nowhere")
    void binaryVariableIsUsedAndNamed() {
        assertThatThrownBy(() -> ClickHouseBinary.resolve(Map.of("CLICKHOUSE_SERVER_BIN", "/nonexistent/ch")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/ch")
                .hasMessageContaining("CLICKHOUSE_SERVER_BIN");
    }

    @Test
    void configListensOnLoopbackOnItsOwnPortsWithEverythingInItsFolder(@TempDir Path dir) throws Exception {
        ClickHouseConfig config = new ClickHouseConfig(dir, 18123, 19000, 19009);
        config.write();
        String xml = Files.readString(config.configFile());
        assertThat(xml).contains("<http_port>18123</http_port>", "<tcp_port>19000</tcp_port>",
                "<interserver_http_port>19009</interserver_http_port>", "<listen_host>127.0.0.1</listen_host>",
                "<path>" + dir + "/data/</path>", "<users_config>" + dir + "/users.xml</users_config>");
        assertThat(Files.readString(dir.resolve("users.xml"))).contains("<ip>127.0.0.1</ip>", "<password></password>");
        assertThat(dir.resolve("log")).isDirectory();
    }
}
