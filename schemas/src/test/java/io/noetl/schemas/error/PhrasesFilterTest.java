package io.noetl.schemas.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhrasesFilterTest {

    @Test
    @DisplayName("skipping rules whose required literals are absent never changes a score")
    void literalFilterNeverChangesAScore() {
        List<ErrorCorpus.Row> rows = new ArrayList<>(ErrorCorpus.all());
        for (String probe : List.of("/error/probe.tsv", "/error/probe2.tsv", "/error/probe3.tsv")) {
            rows.addAll(ErrorCorpus.read(probe));
        }
        for (ErrorCorpus.Row row : rows) {
            Scores filtered = new Scores();
            Scores full = new Scores();
            Phrases.score(row.message(), 1, filtered, true);
            Phrases.score(row.message(), 1, full, false);
            for (ErrorClass c : ErrorClass.values()) {
                assertThat(filtered.of(c)).as("%s of %s", c, row.message()).isEqualTo(full.of(c));
            }
        }
    }

    @Test
    @DisplayName("required literals skip optional, repeated and grouped parts and escape what is escaped")
    void requiredLiteralsAreWhatEveryMatchContains() {
        assertThat(Literals.required("connection refused|econnrefused")).containsExactly("connection refused",
                "econnrefused");
        assertThat(Literals.required("\\bnot found\\b|no such (?:file|table)")).containsExactly("not found",
                "no such ");
        assertThat(Literals.required("connections? refused")).containsExactly("connection");
        assertThat(Literals.required("tls? handshake")).containsExactly(" handshake");
        assertThat(Literals.required("no pg_hba\\.conf entry")).containsExactly("no pg_hba.conf entry");
        assertThat(Literals.required("timeout of \\d+ms|a[bc]d")).isNull();
    }
}
