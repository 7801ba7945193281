package io.noetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.topology.anomaly.Detectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NabBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesOneResultFilePerCsvWithScoresAndVerbatimTimestamps() throws IOException {
        Path data = tmp.resolve("data");
        writeSeries(data.resolve("catA/one.csv"), 300);
        writeSeries(data.resolve("catB/two.csv"), 50);
        Path out = tmp.resolve("out");
        StringWriter sw = new StringWriter();
        int code = command(sw).execute("--data", data.toString(), "--out", out.toString(),
                "--detector", "windowed-gaussian");
        assertThat(code).isZero();
        assertThat(sw.toString()).contains("files=2").contains("rows=350");
        List<String> lines = Files.readAllLines(out.resolve("catA/windowed-gaussian_one.csv"));
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score");
        assertThat(lines.get(1)).startsWith("2014-04-01 00:00:00,10.0,");
        for (String line : lines.subList(1, lines.size())) {
            double score = Double.parseDouble(line.split(",")[2]);
            assertThat(score).isBetween(0.0, 1.0);
        }
        assertThat(out.resolve("catB/windowed-gaussian_two.csv")).exists();
    }

    @Test
    void defaultDetectorNamesTheOutputFiles() throws IOException {
        Path data = tmp.resolve("data");
        writeSeries(data.resolve("c/s.csv"), 200);
        Path out = tmp.resolve("out");
        assertThat(command(new StringWriter()).execute("--data", data.toString(), "--out", out.toString())).isZero();
        assertThat(out.resolve("c/" + Detectors.DEFAULT + "_s.csv")).exists();
    }

    @Test
    void missingOrEmptyDataFolderIsAUsageErrorNamingTheFolder() throws IOException {
        StringWriter err = new StringWriter();
        Path missing = tmp.resolve("nowhere");
        CommandLine cl = command(new StringWriter());
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--data", missing.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(missing.toString());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        StringWriter err2 = new StringWriter();
        CommandLine cl2 = command(new StringWriter());
        cl2.setErr(new PrintWriter(err2));
        assertThat(cl2.execute("--data", empty.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err2.toString()).contains(empty.toString());
    }

    @Test
    void unknownDetectorIsAUsageError() throws IOException {
        Path data = tmp.resolve("data");
        writeSeries(data.resolve("c/s.csv"), 10);
        CommandLine cl = command(new StringWriter());
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("--data", data.toString(), "--out", tmp.resolve("o").toString(),
                "--detector", "nope")).isEqualTo(2);
    }

    private static CommandLine command(StringWriter out) {
        CommandLine cl = new CommandLine(new NabBenchCommand());
        cl.setOut(new PrintWriter(out));
        return cl;
    }

    private static void writeSeries(Path file, int n) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,value");
        for (int i = 0; i < n; i++) {
            lines.add(String.format("2014-04-01 %02d:%02d:00,%s", (i / 60) % 24, i % 60, i == n / 2 ? "90.0" : "10.0"));
        }
        Files.write(file, lines);
    }
}
