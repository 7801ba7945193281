package io.noetl.schemas.event;

/**
 * An error carried by an event.
 *
 * @param type      short machine name, e.g. {@code HttpError}, {@code Timeout}, {@code PythonError}
 * @param message   human readable message (redacted)
 * @param stack     stack trace or traceback, may be null (redacted, bounded)
 * @param retriable whether a retry may succeed (HTTP 5xx/429, connection failures); null when unknown
 */
public record ErrorInfo(String type, String message, String stack, Boolean retriable) {

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
}
