package io.noetl.topology.template;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies an error from the worker's error type ({@code Timeout}, {@code Cancelled}, {@code ConnectionError},
 * {@code HttpError}, {@code SqlError}, {@code ShellError}, {@code PythonError}, {@code TemplateError},
 * {@code KeychainError}, {@code UnsupportedTool}, or any exception name) and its message. An HTTP status in the
 * message decides first, then the error type, then keywords of the message. Stateless and thread-safe.
 */
public final class ErrorClassifier {

    private static final Pattern HTTP_STATUS =
            Pattern.compile("(?i)(?:\\bHTTP(?:/\\d(?:\\.\\d)?)?\\s*|\\bstatus(?:[ _]code)?\\s*[=:]?\\s*)([1-5]\\d\\d)\\b");

    /**
     * Classifies one error.
     *
     * @param errorType the worker's error type or an exception name (may be null)
     * @param message   the error message (may be null)
     * @return the error class, {@link ErrorClass#UNKNOWN} when nothing matches
     */
    public ErrorClass classify(String errorType, String message) {
        String type = errorType == null ? "" : errorType.trim().toLowerCase(Locale.ROOT);
        String msg = message == null ? "" : message.toLowerCase(Locale.ROOT);
        Matcher status = HTTP_STATUS.matcher(message == null ? "" : message);
        if (status.find()) {
            ErrorClass byStatus = byStatus(Integer.parseInt(status.group(1)));
            if (byStatus != ErrorClass.UNKNOWN) {
                return byStatus;
            }
        }
        ErrorClass byType = byType(type);
        if (byType != ErrorClass.UNKNOWN) {
            return byType;
        }
        ErrorClass byMessage = byKeywords(type + " " + msg);
        if (byMessage != ErrorClass.UNKNOWN) {
            return byMessage;
        }
        return switch (type) {
            case "pythonerror", "shellerror", "unsupportedtool" -> ErrorClass.CODE_ERROR;
            case "sqlerror" -> ErrorClass.DATA_QUALITY;
            default -> ErrorClass.UNKNOWN;
        };
    }

    private static ErrorClass byStatus(int code) {
        return switch (code) {
            case 401, 403, 407 -> ErrorClass.AUTH;
            case 404, 410 -> ErrorClass.NOT_FOUND;
            case 408, 504 -> ErrorClass.TIMEOUT;
            case 429 -> ErrorClass.RATE_LIMITED;
            case 413, 507 -> ErrorClass.RESOURCE_EXHAUSTED;
            default -> code >= 500 ? ErrorClass.DEPENDENCY_5XX
                    : code >= 400 ? ErrorClass.BAD_REQUEST : ErrorClass.UNKNOWN;
        };
    }

    private static ErrorClass byType(String type) {
        return switch (type) {
            case "timeout", "cancelled", "timeouterror", "sockettimeoutexception", "timeoutexception" ->
                    ErrorClass.TIMEOUT;
            case "connectionerror", "connectexception", "connectionrefusederror", "unknownhostexception" ->
                    ErrorClass.CONNECTION;
            case "keychainerror", "permissionerror", "authenticationerror" -> ErrorClass.AUTH;
            case "templateerror", "validationerror" -> ErrorClass.BAD_REQUEST;
            case "filenotfounderror", "filenotfoundexception", "nosuchfileexception" -> ErrorClass.NOT_FOUND;
            case "memoryerror", "outofmemoryerror" -> ErrorClass.RESOURCE_EXHAUSTED;
            default -> ErrorClass.UNKNOWN;
        };
    }

    private static ErrorClass byKeywords(String text) {
        if (has(text, "timed out", "timeout", "deadline exceeded")) {
            return ErrorClass.TIMEOUT;
        }
        if (has(text, "too many requests", "rate limit", "throttl")) {
            return ErrorClass.RATE_LIMITED;
        }
        if (has(text, "unauthorized", "forbidden", "permission denied", "authentication", "credential",
                "access denied", "invalid token", "password")) {
            return ErrorClass.AUTH;
        }
        if (has(text, "connection refused", "connection reset", "could not connect", "unreachable",
                "name or service not known", "could not resolve", "broken pipe", "connectionerror")) {
            return ErrorClass.CONNECTION;
        }
        if (has(text, "out of memory", "no space left", "disk full", "quota", "too many open files",
                "resource exhausted", "memoryerror")) {
            return ErrorClass.RESOURCE_EXHAUSTED;
        }
        if (has(text, "not found", "no such", "does not exist", "unknown table", "undefined table")) {
            return ErrorClass.NOT_FOUND;
        }
        if (has(text, "valueerror", "keyerror", "typeerror", "attributeerror", "indexerror", "nameerror",
                "zerodivisionerror", "syntaxerror", "importerror", "modulenotfounderror", "assertionerror",
                "nullpointerexception", "traceback", "unsupported")) {
            return ErrorClass.CODE_ERROR;
        }
        if (has(text, "constraint", "duplicate key", "violates", "null value", "invalid input syntax",
                "malformed", "parse error", "schema mismatch", "data quality", "check failed")) {
            return ErrorClass.DATA_QUALITY;
        }
        if (has(text, "validation", "invalid", "bad request", "missing required", "undefined variable")) {
            return ErrorClass.BAD_REQUEST;
        }
        return ErrorClass.UNKNOWN;
    }

    private static boolean has(String text, String... needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
