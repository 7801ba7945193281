package io.noetl.insights;

import io.noetl.insights.reasoner.LlmSettings;
import io.noetl.schemas.settings.Env;
import java.time.Duration;
import java.util.Map;

/**
 * How the insights answer.
 *
 * @param fingerprintNew a fingerprint first seen within this is {@code new}, else chronic
 *                       ({@code NOETL_FINGERPRINT_NEW}, default 24h)
 * @param historyWindow  how far back a step's history (durations, recovery by class) is read (default 30 days)
 * @param similarLimit   similar failures in a diagnosis (default 5)
 * @param llm            the language model that words answers ({@code NOETL_LLM*}); {@link LlmSettings#NONE} for the
 *                       extractive reasoner alone (null means none)
 */
public record InsightSettings(Duration fingerprintNew, Duration historyWindow, int similarLimit, LlmSettings llm) {

    public static final InsightSettings DEFAULTS = new InsightSettings(Duration.ofHours(24), Duration.ofDays(30), 5,
            LlmSettings.NONE);

    public InsightSettings {
        if (fingerprintNew.isNegative() || fingerprintNew.isZero()) {
            throw new IllegalArgumentException("NOETL_FINGERPRINT_NEW must be positive, got " + fingerprintNew);
        }
        if (similarLimit < 0 || similarLimit > 100) {
            throw new IllegalArgumentException("similar limit must be 0..100, got " + similarLimit);
        }
        llm = llm == null ? LlmSettings.NONE : llm;
    }

    /** Settings without a language model. */
    public InsightSettings(Duration fingerprintNew, Duration historyWindow, int similarLimit) {
        this(fingerprintNew, historyWindow, similarLimit, LlmSettings.NONE);
    }

    /** @return a copy that words answers with {@code model} */
    public InsightSettings withLlm(LlmSettings model) {
        return new InsightSettings(fingerprintNew, historyWindow, similarLimit, model);
    }

    /** @throws IllegalArgumentException naming the variable whose value is not accepted */
    public static InsightSettings fromEnv(Map<String, String> vars) {
        Env env = Env.of(vars);
        return new InsightSettings(env.duration("NOETL_FINGERPRINT_NEW", DEFAULTS.fingerprintNew()),
                DEFAULTS.historyWindow(), DEFAULTS.similarLimit(), LlmSettings.fromEnv(vars));
    }
}
