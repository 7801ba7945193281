package io.noetl.insights.reasoner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reasoner the settings ask for. */
public final class Reasoners {

    private static final Logger LOG = LoggerFactory.getLogger(Reasoners.class);

    private Reasoners() {
    }

    /** @return the LLM reasoner (falling back to the extractive one) when a model is configured, else extractive */
    public static Reasoner of(LlmSettings llm) {
        if (!llm.enabled()) {
            return new ExtractiveReasoner();
        }
        LOG.info("answers worded by {} at {} (timeout {}), the extractive answer as fallback", llm.reasonerName(),
                llm.baseUrl(), llm.timeout());
        return new LlmReasoner(LlmClient.openAi(llm), new ExtractiveReasoner());
    }
}
