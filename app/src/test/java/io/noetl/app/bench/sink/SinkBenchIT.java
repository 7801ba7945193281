package io.noetl.app.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.testkit.KafkaTestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench sink} end to end on a real broker, DuckDB and a private ClickHouse server, at a small size. */
class SinkBenchIT {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("bench sink measures the embedded store, ClickHouse and the vector path, and ends with the figures line")
    void smallRunPrintsEveryFigure() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaTestBroker.shared().bootstrapServers());
        CommandLine cl = new CommandLine(new SinkBenchCommand(env));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("--events", "3000", "--clickhouse-events", "2000", "--vector-events", "500",
                "--rounds", "1", "--work", tmp.resolve("w").toString());

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        String[] lines = out.toString().strip().split("\n");
        String last = lines[lines.length - 1];
        Matcher m = Pattern.compile("^sink_eps=(\\d+) raw_eps=(\\d+) ratio=([0-9.]+) clickhouse_ratio=([0-9.]+) "
                + "vector_eps=(\\d+)$").matcher(last);
        assertThat(m.matches()).as("last line: %s", last).isTrue();
        assertThat(Long.parseLong(m.group(1))).isPositive();
        assertThat(Long.parseLong(m.group(2))).isPositive();
        assertThat(Double.parseDouble(m.group(3))).isPositive();
        assertThat(Double.parseDouble(m.group(4))).isPositive();
        assertThat(Long.parseLong(m.group(5))).isPositive();
        assertThat(out.toString()).contains("embedded (DuckDB) round 1: 3,000 events")
                .contains("ClickHouse round 1: 2,000 events").contains("500 failure events");
        assertThat(out.toString()).as("the default embedder and its cost")
                .containsPattern("embedder minilm-l6-v2-q-384: load \\d+ ms, one text [0-9.]+ ms \\(p50\\), "
                        + "batch of 32")
                .contains("vectors (embedded HNSW, minilm-l6-v2-q-384)");
    }

    @Test
    @DisplayName("bench sink refuses sizes too small to measure, naming the options")
    void refusesTinySizes() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SinkBenchCommand(Map.of()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--events", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--events >= 1000");
    }
}
