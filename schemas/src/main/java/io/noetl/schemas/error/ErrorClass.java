package io.noetl.schemas.error;

import java.util.Locale;

/**
 * The root-cause class of an error: the wire name of {@code error.class} on raw events, of {@code error_class} on
 * normalized events and traces, and of a diagnosis's {@code root_cause.class}. The meaning of each class and where
 * the lines between them fall are the contract in DESIGN.md ("Root-cause classes").
 */
public enum ErrorClass {
    /** A step or a call ran past its limit. */
    TIMEOUT,
    /** A dependency could not be reached: refused, reset, DNS failure, unreachable, TLS handshake. */
    CONNECTION,
    /** A dependency answered with a server error (HTTP 5xx other than 504). */
    DEPENDENCY_5XX,
    /** A dependency throttled the call. */
    RATE_LIMITED,
    /** Credentials missing or rejected. */
    AUTH,
    /** The identity is known but the action is not allowed. */
    PERMISSION,
    /** A named thing does not exist. */
    NOT_FOUND,
    /** The call itself was malformed. */
    BAD_REQUEST,
    /** Data or a response broke a declared contract. */
    VALIDATION,
    /** A quality check or a person rejected the data. */
    DATA_QUALITY,
    /** A bug in the step's own code. */
    CODE_ERROR,
    /** The machine or a pool ran out. */
    RESOURCE_EXHAUSTED,
    /** A person or a parent execution cancelled it. */
    CANCELLED,
    /** Nothing above fits. */
    UNKNOWN;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The wire name, e.g. {@code dependency_5xx}. */
    public String wireName() {
        return wire;
    }

    /**
     * Parses a wire name.
     *
     * @param wire a wire name such as {@code rate_limited} (case and surrounding blanks ignored)
     * @return the class, {@link #UNKNOWN} for null or unrecognized names
     */
    public static ErrorClass fromWire(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        String w = wire.trim().toLowerCase(Locale.ROOT);
        for (ErrorClass c : values()) {
            if (c.wire.equals(w)) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** True when {@code wire} is the wire name of a class. */
    public static boolean isWireName(String wire) {
        if (wire == null) {
            return false;
        }
        for (ErrorClass c : values()) {
            if (c.wire.equals(wire)) {
                return true;
            }
        }
        return false;
    }
}
