package io.noetl.schemas.stream;

/** The first error that made an execution fail: where it happened and what it was. */
public record RootError(String step, String eventId, String errorType, String errorClass, String templateId,
        String template, String message) {
}
