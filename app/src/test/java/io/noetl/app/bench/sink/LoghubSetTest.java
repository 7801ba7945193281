package io.noetl.app.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoghubSetTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a structured CSV's quoted commas, doubled quotes and line breaks stay inside their field")
    void quotedFields() throws IOException {
        Path file = dir.resolve("HDFS_2k.log_structured.csv");
        Files.writeString(file, "LineId,Content,EventId\r\n"
                + "1,\"x, y\",E1\r\n"
                + "2,\"say \"\"hi\"\"\",E2\n"
                + "\n"
                + "3,\"two\nlines\",E3\n"
                + "4,,E4");

        LoghubSet set = LoghubSet.read(file);

        assertThat(set.name()).isEqualTo("HDFS");
        assertThat(set.contents()).containsExactly("x, y", "say \"hi\"", "two\nlines", "");
        assertThat(set.eventIds()).containsExactly("E1", "E2", "E3", "E4");
    }

    @Test
    @DisplayName("a file without the Content and EventId columns, or with a short line, is refused naming the file")
    void badFiles() throws IOException {
        Path noColumns = dir.resolve("A_structured.csv");
        Files.writeString(noColumns, "LineId,Text\n1,x\n");
        assertThatThrownBy(() -> LoghubSet.read(noColumns))
                .hasMessageContaining("no Content and EventId columns").hasMessageContaining(noColumns.toString());

        Path shortLine = dir.resolve("B_structured.csv");
        Files.writeString(shortLine, "LineId,Content,EventId\n1,x,E1\n2,y\n");
        assertThatThrownBy(() -> LoghubSet.read(shortLine))
                .hasMessageContaining("line 3 of " + shortLine + " has 2 fields, fewer than the header");

        Path empty = dir.resolve("C_structured.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> LoghubSet.read(empty)).hasMessageContaining("empty file " + empty);
    }

    @Test
    @DisplayName("every *_structured.csv of a folder is read, sorted by name")
    void readAllSortsByName() throws IOException {
        Files.writeString(dir.resolve("Zoo_2k.log_structured.csv"), "Content,EventId\na,E1\n");
        Files.writeString(dir.resolve("Apache_2k.log_structured.csv"), "Content,EventId\nb,E2\n");
        Files.writeString(dir.resolve("notes.txt"), "not a set");

        assertThat(LoghubSet.readAll(dir).stream().map(LoghubSet::name).toList()).isEqualTo(List.of("Apache", "Zoo"));
    }
}
