package io.noetl.schemas.wire;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A JetStream stream as the product needs it.
 *
 * @param name            stream name (with the deployment's prefix)
 * @param subjects        subjects it captures
 * @param workQueue       true: each message is removed once acked (commands); false: kept by limits (events, alerts)
 * @param duplicateWindow how long a {@code Nats-Msg-Id} is remembered, so a re-publish after a crash is absorbed
 * @param maxAge          how long a message is kept; {@link Duration#ZERO} keeps it until the limits say otherwise
 */
public record StreamSpec(String name, List<String> subjects, boolean workQueue, Duration duplicateWindow,
        Duration maxAge) {

    public StreamSpec {
        Objects.requireNonNull(name, "name");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        Objects.requireNonNull(maxAge, "maxAge");
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("stream " + name + " needs at least one subject");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("stream " + name + ": max age must not be negative, got " + maxAge);
        }
    }
}
