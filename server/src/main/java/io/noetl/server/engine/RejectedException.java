package io.noetl.server.engine;

/**
 * The engine refused a request that conflicts with the execution's state ({@code code} 409) or breaks a rule
 * ({@code code} 422). The message says why; the REST layer maps {@code code} to the HTTP status.
 */
public class RejectedException extends RuntimeException {

    private final int code;

    public RejectedException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** 409 (conflict with the current state) or 422 (a rule is broken). */
    public int code() {
        return code;
    }
}
