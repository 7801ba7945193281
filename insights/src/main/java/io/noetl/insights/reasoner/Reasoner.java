package io.noetl.insights.reasoner;

import io.noetl.insights.diagnosis.RootCauseView;

/**
 * Words a diagnosis from its evidence. The class must be one of the taxonomy's and every id cited must be in the
 * evidence; a reasoner that cannot keep to that answers with the extractive reasoner's words and says so in its name.
 */
public interface Reasoner {

    /**
     * An answer.
     *
     * @param rootCause the root cause as worded
     * @param reasoner  who wrote it ({@code extractive}, an LLM's name, or a fallback note)
     */
    record Answer(RootCauseView rootCause, String reasoner) {
    }

    Answer explain(DiagnosisDraft draft);
}
