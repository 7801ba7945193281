package io.noetl.schemas.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.noetl.schemas.error.ErrorClass;

/**
 * An error carried by an event.
 *
 * @param type       short machine name, e.g. {@code HttpError}, {@code Timeout}, {@code PythonError}
 * @param message    human readable message (redacted)
 * @param stack      stack trace or traceback, may be null (redacted, bounded)
 * @param retriable  whether a retry may succeed (HTTP 5xx/429, connection failures); null when unknown
 * @param errorClass wire name of its root-cause class ({@link ErrorClass}), JSON {@code class}; null when the
 *                   producer did not classify it (the topology then does)
 */
public record ErrorInfo(String type, String message, String stack, Boolean retriable,
                        @JsonProperty("class") String errorClass) {

    /** An error not classified by its producer. */
    public ErrorInfo(String type, String message, String stack, Boolean retriable) {
        this(type, message, stack, retriable, null);
    }

    public static ErrorInfo of(String type, String message) {
        return new ErrorInfo(type, message, null, null);
    }

    public static ErrorInfo retriable(String type, String message) {
        return new ErrorInfo(type, message, null, true);
    }

    public static ErrorInfo fatal(String type, String message) {
        return new ErrorInfo(type, message, null, false);
    }

    public boolean isRetriable() {
        return Boolean.TRUE.equals(retriable);
    }

    /** A copy with {@code errorClass} as its class. */
    public ErrorInfo withClass(ErrorClass errorClass) {
        return new ErrorInfo(type, message, stack, retriable, errorClass == null ? null : errorClass.wireName());
    }

    /** A copy with another message, keeping the rest. */
    public ErrorInfo withMessage(String newMessage) {
        return new ErrorInfo(type, newMessage, stack, retriable, errorClass);
    }
}
