package io.noetl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.app.CliRun;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ForegroundCommandTest {

    @Test
    @DisplayName("a role command whose start fails exits with 1 and says which setting is wrong")
    void failedStartExitsWithOneNamingTheSetting() {
        CliRun cli = new CliRun(Map.of("NOETL_WORKER_CONCURRENCY", "0"));
        assertThat(cli.run("worker")).isEqualTo(1);
        assertThat(cli.err()).startsWith("noetl worker: ").contains("NOETL_WORKER_CONCURRENCY");
    }
}
