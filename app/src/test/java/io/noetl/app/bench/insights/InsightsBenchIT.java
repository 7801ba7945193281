package io.noetl.app.bench.insights;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code bench insights} end to end on real embedded stores (DuckDB, embedded vectors), at a small size. */
class InsightsBenchIT {

    private static final Pattern ROW = Pattern.compile("^(diagnosis|similar|insights|search) +(\\d+) +(\\d+) .*$",
            Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    @DisplayName("bench insights loads a history, every operation answers without error, and the last line has the "
            + "four p99s")
    void smallRunAnswersEveryOperation() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new InsightsBenchCommand(Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("--events", "20000", "--clients", "4", "--seconds", "3", "--warmup-seconds", "1",
                "--work", tmp.resolve("w").toString());

        String text = out.toString();
        assertThat(code).as("exit code; stdout: %s; stderr: %s", text, err).isZero();
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1];
        assertThat(last).matches("^diagnosis_p99_ms=[0-9.]+ similar_p99_ms=[0-9.]+ insights_p99_ms=[0-9.]+ "
                + "search_p99_ms=[0-9.]+$");
        Matcher row = ROW.matcher(text);
        int operations = 0;
        while (row.find()) {
            operations++;
            assertThat(Long.parseLong(row.group(2))).as("calls of %s", row.group(1)).isPositive();
            assertThat(Long.parseLong(row.group(3))).as("errors of %s", row.group(1)).isZero();
        }
        assertThat(operations).isEqualTo(4);
        assertThat(text).contains("load: 20,0").contains("0.0% naming a missing store")
                .doesNotContain("errors of ");
        assertThat(text).containsPattern("diagnosis: [1-9][0-9.]*% with a fingerprint");
    }

    @Test
    @DisplayName("bench insights refuses sizes it cannot measure, naming the options")
    void refusesBadOptions() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new InsightsBenchCommand(Map.of()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--events", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--events >= 1000");
    }
}
