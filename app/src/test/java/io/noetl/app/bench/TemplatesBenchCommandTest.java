package io.noetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TemplatesBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedCommasDoubledQuotesAndLineBreaksAsOneRecordEach() throws Exception {
        Path in = dir.resolve("Quoted_2k.log_structured.csv");
        Files.writeString(in, "LineId,Content,EventId\r\n"
                + "1,\"a, b\",E1\r\n"
                + "2,\"say \"\"hi\"\"\",E2\n"
                + "3,\"two\nlines\",E3\n"
                + "4,,E4\n");
        Path out = dir.resolve("Quoted.csv");
        StringWriter console = new StringWriter();
        CommandLine cli = new CommandLine(new TemplatesBenchCommand());
        cli.setOut(new PrintWriter(console));

        int rc = cli.execute("--input", in.toString(), "--out", out.toString());

        assertThat(rc).isZero();
        assertThat(Files.readAllLines(out).stream().map(l -> l.split(",")[0]).toList())
                .containsExactly("LineId", "1", "2", "3", "4");
        assertThat(console.toString()).contains("lines=4");
    }

    @Test
    void writesOneClusterIdPerLineAndPrintsASummary() throws Exception {
        Path in = dir.resolve("Tiny_2k.log_structured.csv");
        Files.writeString(in, "LineId,Level,Content,EventId\n"
                + "1,INFO,\"Served block blk_1 to /10.0.0.1, ok\",E1\n"
                + "2,INFO,\"Served block blk_2 to /10.0.0.2, ok\",E1\n"
                + "3,WARN,Deleting block blk_3 file /data/blk_3,E2\n");
        Path out = dir.resolve("out/Tiny.csv");
        StringWriter console = new StringWriter();
        CommandLine cli = new CommandLine(new TemplatesBenchCommand());
        cli.setOut(new PrintWriter(console));

        int rc = cli.execute("--input", in.toString(), "--out", out.toString());

        assertThat(rc).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("LineId,ClusterId");
        String id1 = lines.get(1).split(",")[1];
        assertThat(lines.get(1)).startsWith("1,");
        assertThat(lines.get(2)).isEqualTo("2," + id1);
        assertThat(lines.get(3)).startsWith("3,").doesNotEndWith(id1);
        assertThat(console.toString()).contains("lines=3").contains("clusters=2");
    }

    @Test
    void missingInputIsAParameterErrorNamingTheFile() {
        Path missing = dir.resolve("nope.csv");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TemplatesBenchCommand());
        cli.setErr(new PrintWriter(err));

        int rc = cli.execute("--input", missing.toString(), "--out", dir.resolve("o.csv").toString());

        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains(missing.toString());
    }

    @Test
    void inputWithoutContentColumnIsRejected() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "LineId,Text\n1,x\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TemplatesBenchCommand());
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("--input", in.toString(), "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Content");
    }
}
