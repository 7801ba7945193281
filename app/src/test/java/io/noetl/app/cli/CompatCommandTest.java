package io.noetl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.app.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noetl compat}: usage errors exit with 2 and say what is wrong; an unreachable server exits with 1. */
class CompatCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun(Map.of("NOETL_API", "http://127.0.0.1:1"));

    @Test
    void withoutFoldersIsAUsageError() {
        assertThat(cli.run("compat")).isEqualTo(2);
        assertThat(cli.err()).contains("DIR");
    }

    @Test
    void aMissingFolderIsAUsageErrorNamingIt() {
        assertThat(cli.run("compat", dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no such folder: " + dir.resolve("nope"));
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        assertThat(cli.run("compat", "--timeout", "0", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--timeout");
    }

    @Test
    void anUnreachableServerFailsWithOneClearLine() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: noetl.io/v2\nkind: Playbook\nmetadata: {name: p}\n"
                + "workflow:\n  - step: start\n    tool: noop\n");
        assertThat(cli.run("compat", dir.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("noetl compat: cannot reach the NoETL API at http://127.0.0.1:1");
    }
}
