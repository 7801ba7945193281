package io.noetl.insights.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One search hit.
 *
 * @param executionId  the execution it belongs to (null for a playbook)
 * @param playbookPath its playbook
 * @param step         its step (the failing step for an execution), or null
 * @param score        similarity, higher is closer
 * @param text         what was indexed for it
 * @param id           the point's business key: an event id (failures), an execution id, or {@code path@vN}
 * @param errorClass   its error class, or null
 * @param status       the execution's status, or null
 * @param at           when it happened
 */
public record SearchItem(@JsonInclude(JsonInclude.Include.ALWAYS) String executionId, String playbookPath,
        @JsonInclude(JsonInclude.Include.ALWAYS) String step, double score, String text, String id,
        String errorClass, String status, Instant at) {
}
