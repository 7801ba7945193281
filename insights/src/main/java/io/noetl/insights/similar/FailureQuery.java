package io.noetl.insights.similar;

import io.noetl.stores.embed.EmbeddingInput;

/**
 * A failure to find the like of, described as the sink describes the failures it indexes.
 *
 * @param templateId its error template's id, or null
 * @param template   its error template, or null
 * @param message    its message
 * @param step       the step
 * @param toolKind   the step's tool
 * @param errorClass its class (or type when unclassified)
 */
public record FailureQuery(String templateId, String template, String message, String step, String toolKind,
        String errorClass) {

    /** The same text the sink embeds for a failure point. */
    public EmbeddingInput input() {
        return EmbeddingInput.failure(templateId, template, message, step, toolKind, errorClass);
    }
}
