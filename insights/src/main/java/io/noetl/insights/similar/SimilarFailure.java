package io.noetl.insights.similar;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A past failure like the one asked about.
 *
 * @param executionId  the past execution
 * @param eventId      its error event (the id of the failure point)
 * @param playbookPath its playbook
 * @param step         the step that failed
 * @param score        similarity, 0..1
 * @param error        its error, as indexed (template or message)
 * @param resolution   what fixed it, when someone recorded it; null otherwise
 */
public record SimilarFailure(String executionId, String eventId, String playbookPath, String step, double score,
        String error, @JsonInclude(JsonInclude.Include.ALWAYS) Resolution resolution) {
}
