package io.noetl.insights;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepAttempt;
import io.noetl.schemas.stream.StepTrace;
import io.noetl.sink.embed.TextNormalizer;
import java.time.Instant;
import java.util.List;

/**
 * Records of {@code noetl.events} and {@code noetl.traces} as the topology writes them, for {@link EmbeddedStores}.
 * Every record is stamped with the time it is built, so it falls in the insights' history window.
 */
public final class StreamRows {

    private static final ErrorClassifier CLASSIFIER = ErrorClassifier.standard();
    private static final TextNormalizer MASKS = new TextNormalizer();

    private StreamRows() {
    }

    /** A successful attempt ({@code call.done}, kind {@code task_end}) of a new execution; duration may be null. */
    public static NormalizedEvent done(String playbook, String step, String tool, Long durationMs) {
        Instant now = Instant.now();
        return new NormalizedEvent(Ulid.next(), Ulid.next(), null, null, Ulid.next(), playbook, 1, step, tool,
                EventTypes.CALL_DONE, Kinds.TASK_END, "COMPLETED", now, now, durationMs, 1, "w1", null, null, null,
                null, null, null, null, null);
    }

    /**
     * A failed attempt ({@code call.error}, kind {@code error}), classified as the topology does when the worker left
     * the class out. With a template id, the template is the message with its variables masked (what the template
     * miner makes of a message seen alone).
     *
     * @param eventId     the event id, or null for a new one
     * @param executionId the execution id, or null for a new one
     * @param templateId  the error template's id, or null
     * @param durationMs  how long the attempt ran, or null
     */
    public static NormalizedEvent error(String eventId, String executionId, String playbook, String step, String tool,
            ErrorInfo error, String templateId, Long durationMs) {
        Instant now = Instant.now();
        String errorClass = error.errorClass() != null ? error.errorClass()
                : CLASSIFIER.classify(error.type(), error.message()).wireName();
        return new NormalizedEvent(eventId == null ? Ulid.next() : eventId,
                executionId == null ? Ulid.next() : executionId, null, null, Ulid.next(), playbook, 1, step, tool,
                EventTypes.CALL_ERROR, Kinds.ERROR, "FAILED", now, now, durationMs, 1, "w1", null, error, null, null,
                errorClass, templateId, templateId == null ? null : MASKS.normalize(error.message()), null);
    }

    /** What fixed an execution, as the server records it: {@code resolution.recorded}, result {@code {text, by}}. */
    public static NormalizedEvent resolution(String eventId, String executionId, String playbook, String text,
            String by) {
        Instant now = Instant.now();
        ObjectNode result = Json.object().put("text", text).put("by", by);
        return new NormalizedEvent(eventId, executionId, null, null, null, playbook, 1, null, null,
                EventTypes.RESOLUTION_RECORDED, Kinds.RESOLUTION, "COMPLETED", now, now, null, null, null, result,
                null, null, null, null, null, null, null);
    }

    /** The trace of an execution that failed at its only step on the attempt of {@code error}. */
    public static ExecutionTrace failedAt(NormalizedEvent error) {
        Instant end = error.timestamp();
        Instant start = end.minusSeconds(2);
        ErrorInfo e = error.error();
        StepAttempt attempt = new StepAttempt(1, error.commandId(), "FAILED", start, end, error.durationMs(),
                error.workerId(), error.errorClass(), error.templateId(), e.message());
        StepTrace step = new StepTrace(error.step(), error.toolKind(), "FAILED", start, end, error.durationMs(),
                List.of(attempt), error.errorClass(), error.templateId());
        RootError root = new RootError(error.step(), error.eventId(), e.type(), error.errorClass(),
                error.templateId(), error.template(), e.message());
        return new ExecutionTrace(error.executionId(), null, error.playbookPath(), error.playbookVersion(), "FAILED",
                start, end, 2_000L, List.of(step), List.of(error.step()), error.step(), root, 4, end);
    }
}
