package io.noetl.insights.reasoner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.insights.InsightSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    @Test
    void withoutNoetlLlmThereIsNoModel() {
        LlmSettings s = InsightSettings.fromEnv(Map.of()).llm();
        assertThat(s.enabled()).isFalse();
        assertThat(Reasoners.of(s)).isInstanceOf(ExtractiveReasoner.class);
    }

    @Test
    void anOpenAiCompatibleEndpointIsReadFromTheEnvironment() {
        LlmSettings s = LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_BASE_URL",
                "http://127.0.0.1:11434/v1/", "NOETL_LLM_MODEL", "llama3.1", "NOETL_LLM_TIMEOUT", "5s"));
        assertThat(s.enabled()).isTrue();
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(s.model()).isEqualTo("llama3.1");
        assertThat(s.apiKey()).isNull();
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.reasonerName()).isEqualTo("llm:llama3.1");
        assertThat(Reasoners.of(s)).isInstanceOf(LlmReasoner.class);
    }

    @Test
    void theTimeoutDefaultsToTwentySeconds() {
        assertThat(LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_MODEL", "gpt-4o-mini",
                "NOETL_LLM_API_KEY", "sk-test")).timeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void badSettingsFailNamingTheVariable() {
        assertThatThrownBy(() -> LlmSettings.fromEnv(Map.of("NOETL_LLM", "claude")))
                .hasMessageContaining("NOETL_LLM ").hasMessageContaining("openai");
        assertThatThrownBy(() -> LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_BASE_URL",
                "http://localhost:8000/v1"))).hasMessageContaining("NOETL_LLM_MODEL");
        assertThatThrownBy(() -> LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_MODEL", "m")))
                .hasMessageContaining("NOETL_LLM_API_KEY");
        assertThatThrownBy(() -> LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_MODEL", "m",
                "NOETL_LLM_BASE_URL", "localhost:8000"))).hasMessageContaining("NOETL_LLM_BASE_URL");
        assertThatThrownBy(() -> LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_MODEL", "m",
                "NOETL_LLM_BASE_URL", "http://h/v1", "NOETL_LLM_TIMEOUT", "soon")))
                .hasMessageContaining("NOETL_LLM_TIMEOUT");
        assertThatThrownBy(() -> LlmSettings.fromEnv(Map.of("NOETL_LLM_TIMEOUT", "0s")))
                .hasMessageContaining("NOETL_LLM_TIMEOUT");
    }

    @Test
    void theApiKeyNeverShowsInTheSettingsText() {
        LlmSettings s = LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_MODEL", "gpt-4o-mini",
                "NOETL_LLM_API_KEY", "sk-very-secret-key-123"));
        assertThat(s.toString()).doesNotContain("sk-very-secret-key-123").contains("apiKey=***");
        assertThat(InsightSettings.DEFAULTS.withLlm(s).toString()).doesNotContain("sk-very-secret-key-123");
    }
}
