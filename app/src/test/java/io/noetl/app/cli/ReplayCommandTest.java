package io.noetl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.app.CliRun;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    private final CliRun cli = new CliRun(Map.of("NOETL_API", "http://127.0.0.1:1"));

    @Test
    @DisplayName("an unknown --target is a usage error naming the option and the accepted values")
    void rejectsUnknownTarget() {
        assertThat(cli.run("replay", "--target", "everything")).isEqualTo(2);
        assertThat(cli.err()).contains("--target").contains("'everything'")
                .contains("vectors, analytics or all");
    }

    @Test
    @DisplayName("a --since that is neither an instant nor a duration names the option and both accepted forms")
    void rejectsBadSince() {
        assertThat(cli.run("replay", "--target", "vectors", "--since", "yesterday")).isEqualTo(2);
        assertThat(cli.err()).contains("--since 'yesterday'").contains("ISO-8601").contains("30m, 2h, 7d");
    }

    @Test
    @DisplayName("--target is required")
    void requiresTarget() {
        assertThat(cli.run("replay")).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required option: '--target");
    }

    @Test
    @DisplayName("the help lists both options")
    void helpListsOptions() {
        assertThat(cli.run("replay", "--help")).isZero();
        assertThat(cli.out()).contains("--target=vectors|analytics|all").contains("--since=TIME");
    }
}
