package io.noetl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Argument errors exit with 2 and say what is wrong; failures of a valid command exit with 1. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(Map.of("NOETL_API", "http://127.0.0.1:1"), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("noetl ");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command").contains("demo").contains("bench");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void runWithoutPathIsAUsageError() {
        assertThat(run("run")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'PATH'");
    }

    @Test
    @DisplayName("--workload that is not JSON is a usage error naming the option")
    void malformedWorkloadIsAUsageError() {
        assertThat(run("run", "examples/fanout_loop", "--workload", "{nope")).isEqualTo(2);
        assertThat(err.toString()).contains("--workload").contains("not valid JSON");
    }

    @Test
    @DisplayName("--workload that is JSON but not an object is a usage error")
    void nonObjectWorkloadIsAUsageError() {
        assertThat(run("run", "examples/fanout_loop", "--workload", "[1, 2]")).isEqualTo(2);
        assertThat(err.toString()).contains("must be a JSON object");
    }

    @Test
    void registerWithoutFilesIsAUsageError() {
        assertThat(run("register")).isEqualTo(2);
        assertThat(err.toString()).contains("FILE");
    }

    @Test
    void registerOfAMissingFileIsAUsageError() {
        assertThat(run("register", "does/not/exist.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file: does/not/exist.yaml");
    }

    @Test
    void benchWithoutABenchmarkIsAUsageError() {
        assertThat(run("bench")).isEqualTo(2);
        assertThat(err.toString()).contains("bench engine");
    }

    @Test
    void benchEngineRejectsNonPositiveCounts() {
        assertThat(run("bench", "engine", "--executions", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("must be positive");
    }

    @Test
    void benchEngineRejectsANonNumericCount() {
        assertThat(run("bench", "engine", "--steps", "ten")).isEqualTo(2);
        assertThat(err.toString()).contains("--steps");
    }

    @Test
    @DisplayName("run against an API that does not answer exits with 1 and says where it looked")
    void unreachableApiExitsWithOne() {
        assertThat(run("run", "examples/fanout_loop")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the NoETL API at http://127.0.0.1:1").contains("NOETL_API");
    }
}
