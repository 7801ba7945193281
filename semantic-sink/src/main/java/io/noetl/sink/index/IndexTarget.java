package io.noetl.sink.index;

import java.util.Locale;

/** The indexes the sink fills; the wire name is what {@code noetl replay --target} takes. */
public enum IndexTarget {
    VECTORS,
    ANALYTICS;

    /** @return {@code vectors} or {@code analytics} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the target with this wire name
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    public static IndexTarget parse(String s) {
        for (IndexTarget t : values()) {
            if (t.wireName().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown index target '" + s + "': use vectors or analytics");
    }
}
