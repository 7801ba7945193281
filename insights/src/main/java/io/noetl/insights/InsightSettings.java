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
 * @param historyTtl     how long a step's history, a fingerprint's counts and a playbook report are reused before the
 *                       stores are asked again ({@code NOETL_INSIGHT_CACHE}, default 30s; 0 asks every time). An
 *                       execution's own errors, its similar failures and their resolutions are always read afresh.
 */
public record InsightSettings(Duration fingerprintNew, Duration historyWindow, int similarLimit, LlmSettings llm,
        Duration historyTtl) {

    /** Default of {@code NOETL_INSIGHT_CACHE}. */
    public static final Duration DEFAULT_HISTORY_TTL = Duration.ofSeconds(30);

    public static final InsightSettings DEFAULTS = new InsightSettings(Duration.ofHours(24), Duration.ofDays(30), 5,
            LlmSettings.NONE, DEFAULT_HISTORY_TTL);

    public InsightSettings {
        if (fingerprintNew.isNegative() || fingerprintNew.isZero()) {
            throw new IllegalArgumentException("NOETL_FINGERPRINT_NEW must be positive, got " + fingerprintNew);
        }
        if (similarLimit < 0 || similarLimit > 100) {
            throw new IllegalArgumentException("similar limit must be 0..100, got " + similarLimit);
        }
        llm = llm == null ? LlmSettings.NONE : llm;
        historyTtl = historyTtl == null ? DEFAULT_HISTORY_TTL : historyTtl;
        if (historyTtl.isNegative()) {
            throw new IllegalArgumentException("NOETL_INSIGHT_CACHE must not be negative, got " + historyTtl);
        }
    }

    /** Settings with the default history cache. */
    public InsightSettings(Duration fingerprintNew, Duration historyWindow, int similarLimit, LlmSettings llm) {
        this(fingerprintNew, historyWindow, similarLimit, llm, DEFAULT_HISTORY_TTL);
    }

    /** Settings without a language model. */
    public InsightSettings(Duration fingerprintNew, Duration historyWindow, int similarLimit) {
        this(fingerprintNew, historyWindow, similarLimit, LlmSettings.NONE);
    }

    /** @return a copy that words answers with {@code model} */
    public InsightSettings withLlm(LlmSettings model) {
        return new InsightSettings(fingerprintNew, historyWindow, similarLimit, model, historyTtl);
    }

    /** @return a copy that reuses stores' answers for {@code ttl} (zero: never) */
    public InsightSettings withHistoryTtl(Duration ttl) {
        return new InsightSettings(fingerprintNew, historyWindow, similarLimit, llm, ttl);
    }

    /** @throws IllegalArgumentException naming the variable whose value is not accepted */
    public static InsightSettings fromEnv(Map<String, String> vars) {
        Env env = Env.of(vars);
        return new InsightSettings(env.duration("NOETL_FINGERPRINT_NEW", DEFAULTS.fingerprintNew()),
                DEFAULTS.historyWindow(), DEFAULTS.similarLimit(), LlmSettings.fromEnv(vars),
                env.duration("NOETL_INSIGHT_CACHE", DEFAULT_HISTORY_TTL));
    }
}
