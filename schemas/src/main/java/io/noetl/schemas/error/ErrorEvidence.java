package io.noetl.schemas.error;

/**
 * What is known about one error when it is classified. Every field may be null.
 *
 * @param type       the producer's error type ({@code HttpError}, {@code Timeout}, {@code Cancelled},
 *                   {@code ConnectionError}, {@code SqlError}, {@code ShellError}, {@code PythonError},
 *                   {@code TemplateError}, {@code KeychainError}, {@code UnsupportedTool}, ...) or an exception
 *                   name, simple or qualified ({@code psycopg2.errors.UndefinedTable})
 * @param message    the error message
 * @param httpStatus the HTTP status of the response that failed, when there was one
 * @param toolKind   the tool that failed ({@code python}, {@code http}, {@code postgres}, {@code duckdb},
 *                   {@code shell}, ...)
 * @param detail     a stack trace, traceback or the tail of the logs: weaker evidence than the message
 */
public record ErrorEvidence(String type, String message, Integer httpStatus, String toolKind, String detail) {

    /** Evidence of a type and a message only. */
    public static ErrorEvidence of(String type, String message) {
        return new ErrorEvidence(type, message, null, null, null);
    }
}
