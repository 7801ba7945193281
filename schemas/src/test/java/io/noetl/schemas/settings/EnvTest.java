package io.noetl.schemas.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void blankCountsAsUnset() {
        Env env = Env.of(Map.of("A", "  ", "B", " x "));
        assertThat(env.optional("A")).isEmpty();
        assertThat(env.string("A", "fallback")).isEqualTo("fallback");
        assertThat(env.string("B", "fallback")).isEqualTo("x");
    }

    @Test
    void wholeNumbersOutsideTheirRangeNameTheVariableAndTheRange() {
        Env env = Env.of(Map.of("N", "70000", "M", "many"));
        assertThatThrownBy(() -> env.integer("N", 1, 1, 10))
                .hasMessage("N must be a whole number from 1 to 10, got '70000'");
        assertThatThrownBy(() -> env.port("M", 80)).hasMessageContaining("M must be a whole number from 1 to 65535");
        assertThat(env.integer("UNSET", 7, 1, 10)).isEqualTo(7);
    }

    @Test
    void durationsAreWrittenAsInPlaybooks() {
        Env env = Env.of(Map.of("T", "2m", "BAD", "soon"));
        assertThat(env.duration("T", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(env.duration("UNSET", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> env.duration("BAD", Duration.ZERO)).hasMessageContaining("BAD must be a duration");
    }

    @Test
    void choicesAreCaseInsensitiveAndListWhatIsAllowed() {
        Env env = Env.of(Map.of("K", "Qdrant", "X", "milvus"));
        assertThat(env.choice("K", "embedded", Set.of("embedded", "qdrant"))).isEqualTo("qdrant");
        assertThatThrownBy(() -> env.choice("X", "embedded", Set.of("embedded", "qdrant")))
                .hasMessage("X must be one of [embedded, qdrant], got 'milvus'");
    }

    @Test
    void requiredSaysWhyItIsNeeded() {
        assertThatThrownBy(() -> Env.of(Map.of()).required("QDRANT_URL", "when NOETL_VECTOR_STORE=qdrant"))
                .hasMessage("QDRANT_URL must be set when NOETL_VECTOR_STORE=qdrant");
    }

    @Test
    void sharedSettingsResolveInOnePlace() {
        Env defaults = Env.of(Map.of());
        assertThat(defaults.names().prefix()).isEmpty();
        assertThat(defaults.natsUrl()).isEqualTo("nats://127.0.0.1:4222");
        assertThat(defaults.dataDir()).isEqualTo(Path.of(".noetl/data").toAbsolutePath());
        Env set = Env.of(Map.of("NOETL_STREAM_PREFIX", "t1_", "NATS_URL", "nats://h:1", "NOETL_DATA_DIR", "/var/x"));
        assertThat(set.names().commandsStream()).isEqualTo("t1_NOETL_COMMANDS");
        assertThat(set.natsUrl()).isEqualTo("nats://h:1");
        assertThat(set.dataDir()).isEqualTo(Path.of("/var/x"));
        assertThatThrownBy(() -> Env.of(Map.of("NOETL_STREAM_PREFIX", "a.b")).names())
                .hasMessageContaining("NOETL_STREAM_PREFIX");
    }

    @Test
    void readsGoThroughToTheGivenMap() {
        java.util.List<Object> asked = new java.util.ArrayList<>();
        Map<String, String> recording = new java.util.HashMap<>() {
            @Override
            public String get(Object key) {
                asked.add(key);
                return super.get(key);
            }
        };
        Env.of(recording).natsUrl();
        assertThat(asked).containsExactly("NATS_URL");
    }
}
