package io.noetl.app.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SinkBenchCommandsTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static double lastValue(String output, String name) {
        String[] lines = output.strip().split("\n");
        Matcher m = Pattern.compile(name + "=([0-9.]+)").matcher(lines[lines.length - 1]);
        assertThat(m.find()).as("last line %s has %s", lines[lines.length - 1], name).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    @DisplayName("bench retrieval without --data, or with a missing or empty folder, is a usage error naming it")
    void retrievalArgumentErrors() throws IOException {
        assertThat(run(new RetrievalBenchCommand())).isEqualTo(2);
        assertThat(err.toString()).contains("--data");

        Path missing = tmp.resolve("nowhere");
        assertThat(run(new RetrievalBenchCommand(), "--data", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a folder: " + missing);

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(run(new RetrievalBenchCommand(), "--data", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no *_structured.csv file in " + empty);

        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("X_2k.log_structured.csv"), "LineId,Message\n1,hello\n");
        assertThat(run(new RetrievalBenchCommand(), "--data", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no Content and EventId columns");
    }

    @Test
    @DisplayName("bench retrieval on generated sets prints one line per set and precision_at_10 last")
    void retrievalOnGeneratedData() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        writeSet(data.resolve("Alpha_2k.log_structured.csv"), 0);
        writeSet(data.resolve("Beta_2k.log_structured.csv"), 7);

        assertThat(run(new RetrievalBenchCommand(), "--data", data.toString())).isZero();

        assertThat(out.toString()).contains("set=Alpha lines=120 queries=119").contains("set=Beta");
        assertThat(lastValue(out.toString(), "precision_at_10")).isGreaterThan(0.9);
    }

    @Test
    @DisplayName("bench retrieval uses MiniLM without configuration, and the hashing embedder with --embedder hashing"
            + " or NOETL_EMBEDDER=hashing")
    void retrievalDefaultAndHashingEmbedders() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        writeSet(data.resolve("Alpha_2k.log_structured.csv"), 0);

        assertThat(run(new RetrievalBenchCommand(), "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("embedder=minilm-l6-v2-q-384");
        assertThat(run(new RetrievalBenchCommand(), "--data", data.toString(), "--embedder", "hashing")).isZero();
        assertThat(out.toString()).contains("embedder=hashing-v1-384");
        out.getBuffer().setLength(0);
        assertThat(run(new RetrievalBenchCommand(Map.of("NOETL_EMBEDDER", "hashing")), "--data", data.toString()))
                .isZero();
        assertThat(out.toString()).contains("embedder=hashing-v1-384").doesNotContain("minilm");
    }

    @Test
    @DisplayName("bench sink refuses an unknown --embedder before it starts anything")
    void sinkRefusesUnknownEmbedder() {
        assertThat(run(new SinkBenchCommand(Map.of()), "--embedder", "bert")).isEqualTo(2);
        assertThat(err.toString()).contains("--embedder must be minilm, hashing or djl, got 'bert'");
        assertThat(out.toString()).doesNotContain("Kafka");
    }

    @Test
    @DisplayName("bench retrieval with --embedder djl runs the sentence-transformer from --model")
    void retrievalWithDjlModel() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        writeSet(data.resolve("Alpha_2k.log_structured.csv"), 0);
        Path model = Path.of("../semantic-sink/src/test/resources/models/tiny-encoder").toAbsolutePath();

        assertThat(run(new RetrievalBenchCommand(), "--data", data.toString(), "--embedder", "djl",
                "--model", model.toString())).isZero();

        assertThat(out.toString()).contains("set=Alpha lines=120 queries=119")
                .contains("embedder=djl-v2-tiny-encoder-48");
        assertThat(lastValue(out.toString(), "precision_at_10")).isBetween(0.0, 1.0);
    }

    @Test
    @DisplayName("bench retrieval takes the embedder from NOETL_EMBEDDER and NOETL_EMBEDDER_MODEL when no option is given")
    void retrievalUsesTheConfiguredEmbedder() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        writeSet(data.resolve("Alpha_2k.log_structured.csv"), 1);
        Path model = Path.of("../semantic-sink/src/test/resources/models/tiny-encoder").toAbsolutePath();

        assertThat(run(new RetrievalBenchCommand(Map.of("NOETL_EMBEDDER", "djl", "NOETL_EMBEDDER_MODEL",
                model.toString())), "--data", data.toString())).isZero();

        assertThat(out.toString()).contains("embedder=djl-v2-tiny-encoder-48");
    }

    @Test
    @DisplayName("bench retrieval refuses a vector store or embedder configuration it cannot use, naming the variable")
    void retrievalRefusesBadConfiguration() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        writeSet(data.resolve("Alpha_2k.log_structured.csv"), 1);

        assertThat(run(new RetrievalBenchCommand(Map.of("NOETL_VECTOR_STORE", "faiss")), "--data",
                data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("NOETL_VECTOR_STORE");
        assertThat(run(new RetrievalBenchCommand(Map.of("NOETL_EMBEDDER", "bert")), "--data", data.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("NOETL_EMBEDDER");
    }

    @Test
    @DisplayName("bench retrieval refuses an unknown --embedder, and djl without --model or with a missing one")
    void retrievalEmbedderErrors() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        writeSet(data.resolve("Alpha_2k.log_structured.csv"), 0);
        assertThat(run(new RetrievalBenchCommand(), "--data", data.toString(), "--embedder", "bert")).isEqualTo(2);
        assertThat(err.toString()).contains("--embedder must be minilm, hashing or djl, got 'bert'");
        assertThat(run(new RetrievalBenchCommand(), "--data", data.toString(), "--embedder", "djl")).isEqualTo(2);
        assertThat(err.toString()).contains("--model is required with --embedder djl");
        Path missing = tmp.resolve("no-model");
        assertThat(run(new RetrievalBenchCommand(), "--data", data.toString(), "--embedder", "djl",
                "--model", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--model: embedding model directory " + missing + " does not exist");
    }

    @Test
    @DisplayName("bench search on a few thousand points prints recall_at_10, p50_ms and p99_ms last")
    void searchSmallRun() {
        assertThat(run(new SearchBenchCommand(), "--points", "3000", "--queries", "50",
                "--work", tmp.resolve("w").toString())).isZero();

        assertThat(out.toString()).contains("points=3000").contains("queries=50");
        assertThat(lastValue(out.toString(), "recall_at_10")).isGreaterThanOrEqualTo(0.9);
        assertThat(lastValue(out.toString(), "p50_ms")).isPositive();
        assertThat(lastValue(out.toString(), "p99_ms")).isPositive();
    }

    @Test
    @DisplayName("bench search refuses out-of-range counts with the option's name")
    void searchArgumentErrors() {
        assertThat(run(new SearchBenchCommand(), "--points", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--points must be 10..10000000, got 5");
        assertThat(run(new SearchBenchCommand(), "--queries", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--queries");
    }

    /** 120 lines of five templates with varying values, and one line whose template has no other (skipped). */
    private static void writeSet(Path file, int seed) throws IOException {
        String[] templates = {
            "Connection to 10.0.%s.%s refused after %s attempts",
            "Received block blk_%s of size %s from /10.2.3.%s",
            "Verification succeeded for blk_%s (%s, %s)",
            "User %s logged out after %s seconds idle on tty%s",
            "Disk quota exceeded on volume vol%s (%s bytes, %s files)",
        };
        StringBuilder csv = new StringBuilder("LineId,Content,EventId\n");
        for (int i = 0; i < 119; i++) {
            int t = (i + seed) % templates.length;
            String content = templates[t].formatted(i % 7, i * 7919 + seed, i * 13);
            csv.append(i + 1).append(",\"").append(content).append("\",E").append(t).append('\n');
        }
        csv.append("120,Shutting down the whole cluster now,E99\n");
        Files.writeString(file, csv);
    }
}
