package io.noetl.worker.keychain;

import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import java.util.List;

/**
 * A keychain entry or credential could not be resolved. The message names the entry and what failed, never a
 * value; {@link #revealed()} lists the values resolved before the failure, which must still be redacted.
 */
public final class KeychainException extends RuntimeException {

    private final boolean retriable;
    private final ErrorClass errorClass;
    private final transient List<String> revealed;

    private KeychainException(String message, boolean retriable, ErrorClass errorClass, List<String> revealed) {
        super(message);
        this.retriable = retriable;
        this.errorClass = errorClass;
        this.revealed = List.copyOf(revealed);
    }

    /** Bad or missing configuration (a variable not set, an unknown kind): no retry helps. */
    public static KeychainException config(String message) {
        return new KeychainException(message, false, ErrorClass.AUTH, List.of());
    }

    /** A failure of class {@code errorClass}, retriable or not. */
    public static KeychainException of(String message, boolean retriable, ErrorClass errorClass) {
        return new KeychainException(message, retriable, errorClass, List.of());
    }

    /** This failure, prefixed with where it happened and carrying the values resolved so far. */
    KeychainException in(String where, List<String> resolvedSoFar) {
        return new KeychainException(where + getMessage(), retriable, errorClass, resolvedSoFar);
    }

    /** Whether a later attempt may resolve it (the token endpoint was down or throttled). */
    public boolean retriable() {
        return retriable;
    }

    /** Values resolved before the failure: what the worker still has to redact. */
    public List<String> revealed() {
        return revealed;
    }

    /** The error as a tool outcome reports it ({@code KeychainError}, classified). */
    public ErrorInfo toError() {
        return new ErrorInfo("KeychainError", getMessage(), null, retriable, errorClass.wireName());
    }
}
