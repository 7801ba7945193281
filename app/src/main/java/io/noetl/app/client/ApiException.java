package io.noetl.app.client;

import java.util.List;

/**
 * The NoETL API answered with an error ({@code {"error": {"code", "message", "details"}}}), or could not be reached
 * ({@code status} 0).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient List<String> details;

    public ApiException(int status, String code, String message, List<String> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = "unreachable";
        this.details = List.of();
    }

    /** HTTP status, or 0 when the API could not be reached. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }

    /** One line (plus details) fit for a terminal. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (status > 0) {
            sb.append(status).append(' ').append(code).append(": ");
        }
        sb.append(getMessage());
        details.forEach(d -> sb.append(System.lineSeparator()).append("  - ").append(d));
        return sb.toString();
    }
}
