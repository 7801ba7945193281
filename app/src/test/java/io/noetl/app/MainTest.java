package io.noetl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Argument errors exit with 2 and say what is wrong; failures of a valid command exit with 1. */
class MainTest {

    private final CliRun cli = new CliRun(Map.of("NOETL_API", "http://127.0.0.1:1"));

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        assertThat(cli.run("version")).isZero();
        assertThat(cli.out()).startsWith("noetl ");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing command").contains("demo").contains("bench");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(cli.run("frobnicate")).isEqualTo(2);
        assertThat(cli.err()).contains("frobnicate");
    }

    @Test
    void runWithoutPathIsAUsageError() {
        assertThat(cli.run("run")).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required parameter: 'PATH'");
    }

    @Test
    @DisplayName("--workload that is not JSON is a usage error naming the option")
    void malformedWorkloadIsAUsageError() {
        assertThat(cli.run("run", "examples/fanout_loop", "--workload", "{nope")).isEqualTo(2);
        assertThat(cli.err()).contains("--workload").contains("not valid JSON");
    }

    @Test
    @DisplayName("--workload that is JSON but not an object is a usage error")
    void nonObjectWorkloadIsAUsageError() {
        assertThat(cli.run("run", "examples/fanout_loop", "--workload", "[1, 2]")).isEqualTo(2);
        assertThat(cli.err()).contains("must be a JSON object");
    }

    @Test
    void registerWithoutFilesIsAUsageError() {
        assertThat(cli.run("register")).isEqualTo(2);
        assertThat(cli.err()).contains("FILE");
    }

    @Test
    void registerOfAMissingFileIsAUsageError() {
        assertThat(cli.run("register", "does/not/exist.yaml")).isEqualTo(2);
        assertThat(cli.err()).contains("no such file: does/not/exist.yaml");
    }

    @Test
    void benchWithoutABenchmarkIsAUsageError() {
        assertThat(cli.run("bench")).isEqualTo(2);
        assertThat(cli.err()).contains("bench engine");
    }

    @Test
    void benchEngineRejectsNonPositiveCounts() {
        assertThat(cli.run("bench", "engine", "--executions", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("must be positive");
    }

    @Test
    void benchEngineRejectsANonNumericCount() {
        assertThat(cli.run("bench", "engine", "--steps", "ten")).isEqualTo(2);
        assertThat(cli.err()).contains("--steps");
    }

    @Test
    @DisplayName("run against an API that does not answer exits with 1 and says where it looked")
    void unreachableApiExitsWithOne() {
        assertThat(cli.run("run", "examples/fanout_loop")).isEqualTo(1);
        assertThat(cli.err()).contains("cannot reach the NoETL API at http://127.0.0.1:1").contains("NOETL_API");
    }
}
