package io.noetl.insights.execution;

import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import java.time.Instant;

/**
 * What the server knows of one step of an execution (its latest entry).
 *
 * @param name      step name
 * @param status    its status
 * @param attempts  highest attempt issued
 * @param toolKind  tool kind on the wire, or null
 * @param error     why it failed, or null
 * @param startedAt when it was last entered, or null
 * @param endedAt   when it last finished, or null
 */
public record StepView(String name, Status status, int attempts, String toolKind, ErrorInfo error, Instant startedAt,
        Instant endedAt) {
}
