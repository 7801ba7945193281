package io.noetl.server.api;

import io.javalin.http.HttpResponseException;
import java.util.List;

/**
 * An API error: HTTP status, a machine code and every problem found, rendered once by {@link HttpApi}
 * as {@code {"error": {"code", "message", "details": [...]}}}.
 */
public class ApiException extends HttpResponseException {

    private final String code;
    private final transient List<?> details;

    public ApiException(int status, String code, String message, List<?> details) {
        super(status, message);
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public String code() {
        return code;
    }

    public List<?> details() {
        return details;
    }

    public static ApiException badRequest(String code, String message, List<?> details) {
        return new ApiException(400, code, message, details);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found", List.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, List.of());
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "unavailable", message, List.of());
    }
}
