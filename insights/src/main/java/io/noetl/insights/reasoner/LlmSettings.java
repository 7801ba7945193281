package io.noetl.insights.reasoner;

import io.noetl.schemas.settings.Env;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Which language model words the answers, if any.
 *
 * @param provider {@code openai} (any OpenAI-compatible endpoint: OpenAI, vLLM, llama.cpp's server, Ollama's
 *                 {@code /v1}) or null for none ({@code NOETL_LLM}; unset means the extractive reasoner alone)
 * @param baseUrl  the endpoint's base URL, up to and including {@code /v1} ({@code NOETL_LLM_BASE_URL}, default
 *                 {@value #OPENAI_URL}); null without a provider
 * @param model    the model's name ({@code NOETL_LLM_MODEL}, required with a provider); null without one
 * @param apiKey   the endpoint's key ({@code NOETL_LLM_API_KEY}; required for {@value #OPENAI_URL}, optional for
 *                 a local endpoint), or null. Never logged, never part of a prompt.
 * @param timeout  the longest one model call may take before the answer falls back to the extractive one
 *                 ({@code NOETL_LLM_TIMEOUT}, default 20s)
 */
public record LlmSettings(String provider, String baseUrl, String model, String apiKey, Duration timeout) {

    /** The only provider: the OpenAI chat-completions protocol. */
    public static final String OPENAI = "openai";
    /** OpenAI's own endpoint, the default base URL. */
    public static final String OPENAI_URL = "https://api.openai.com/v1";
    /** How long a model call may take unless {@code NOETL_LLM_TIMEOUT} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** No model: every answer is extractive. */
    public static final LlmSettings NONE = new LlmSettings(null, null, null, null, DEFAULT_TIMEOUT);

    public LlmSettings {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("NOETL_LLM_TIMEOUT must be more than 0 and at most 10m, got "
                    + timeout);
        }
        if (provider != null) {
            if (!OPENAI.equals(provider)) {
                throw new IllegalArgumentException("NOETL_LLM must be '" + OPENAI
                        + "' (any OpenAI-compatible endpoint) or unset, got '" + provider + "'");
            }
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("NOETL_LLM_MODEL must be set when NOETL_LLM is set: the model to"
                        + " ask, e.g. gpt-4o-mini or llama3.1");
            }
            baseUrl = checkUrl(baseUrl == null || baseUrl.isBlank() ? OPENAI_URL : baseUrl.strip());
            if (baseUrl.startsWith(OPENAI_URL) && (apiKey == null || apiKey.isBlank())) {
                throw new IllegalArgumentException("NOETL_LLM_API_KEY must be set to call " + OPENAI_URL
                        + " (a local endpoint set in NOETL_LLM_BASE_URL may do without)");
            }
        }
    }

    /** @return whether a model is configured */
    public boolean enabled() {
        return provider != null;
    }

    /** @return how answers name this model, e.g. {@code llm:gpt-4o-mini} */
    public String reasonerName() {
        return "llm:" + model;
    }

    /** @throws IllegalArgumentException naming the variable whose value is not accepted */
    public static LlmSettings fromEnv(Map<String, String> vars) {
        Env env = Env.of(vars);
        String provider = env.optional("NOETL_LLM").map(p -> p.toLowerCase(Locale.ROOT)).orElse(null);
        if (provider == null || provider.equals("none")) {
            return new LlmSettings(null, null, null, null, env.duration("NOETL_LLM_TIMEOUT", DEFAULT_TIMEOUT));
        }
        return new LlmSettings(provider, env.optional("NOETL_LLM_BASE_URL").orElse(null),
                env.optional("NOETL_LLM_MODEL").orElse(null), env.optional("NOETL_LLM_API_KEY").orElse(null),
                env.duration("NOETL_LLM_TIMEOUT", DEFAULT_TIMEOUT));
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url.replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("NOETL_LLM_BASE_URL must be an http(s) URL such as"
                + " http://127.0.0.1:11434/v1, got '" + url + "'");
    }

    /** The key is shown as {@code ***}: settings get logged. */
    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", timeout=" + timeout + "]";
    }
}
