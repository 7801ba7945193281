package io.noetl.topology.template;

import java.util.Locale;

/** Coarse class of an error, used to group and route failures; the wire name is lower snake case. */
public enum ErrorClass {
    TIMEOUT, CONNECTION, AUTH, NOT_FOUND, RATE_LIMITED, DEPENDENCY_5XX, BAD_REQUEST, RESOURCE_EXHAUSTED, CODE_ERROR,
    DATA_QUALITY, UNKNOWN;

    /** The wire name, e.g. {@code dependency_5xx}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @param wire a wire name such as {@code rate_limited}
     * @return the class, {@link #UNKNOWN} for null or unrecognized names
     */
    public static ErrorClass fromWire(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        for (ErrorClass c : values()) {
            if (c.wireName().equals(wire.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
