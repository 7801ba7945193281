package io.noetl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(Map.of("NOETL_API", "http://127.0.0.1:1"), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    @Test
    @DisplayName("an unknown --target is a usage error naming the option and the accepted values")
    void rejectsUnknownTarget() {
        assertThat(run("replay", "--target", "everything")).isEqualTo(2);
        assertThat(err.toString()).contains("--target").contains("'everything'")
                .contains("vectors, analytics or all");
    }

    @Test
    @DisplayName("a --since that is neither an instant nor a duration names the option and both accepted forms")
    void rejectsBadSince() {
        assertThat(run("replay", "--target", "vectors", "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since 'yesterday'").contains("ISO-8601").contains("30m, 2h, 7d");
    }

    @Test
    @DisplayName("--target is required")
    void requiresTarget() {
        assertThat(run("replay")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--target");
    }

    @Test
    @DisplayName("the help lists both options")
    void helpListsOptions() {
        assertThat(run("replay", "--help")).isZero();
        assertThat(out.toString()).contains("--target=vectors|analytics|all").contains("--since=TIME");
    }
}
