package io.noetl.sink.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalClickHouseServerTest {

    @Test
    @DisplayName("a missing server binary is reported with the package to install")
    void missingBinaryNamesTheFix() {
        assertThatThrownBy(() -> LocalClickHouseServer.requireExecutable(Path.of("/nonexistent/clickhouse-server")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/clickhouse-server")
                .hasMessageContaining("apt-get install -y clickhouse-server");
    }
}
