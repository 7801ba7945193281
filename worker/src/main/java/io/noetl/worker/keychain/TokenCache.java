package io.noetl.worker.keychain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens minted by this worker, kept until they come within the refresh threshold of their expiry
 * ({@code NOETL_AUTH_REFRESH_THRESHOLD_SECONDS}, default 300): one token serves every command that asks the same
 * endpoint the same thing, within the entry's scope.
 */
final class TokenCache {

    private record Entry(Map<String, Object> value, long validUntilNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration threshold;
    private final LongSupplier nanoTime;

    TokenCache(Duration threshold, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.nanoTime = nanoTime;
    }

    Optional<Map<String, Object>> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - e.validUntilNanos() >= 0) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /** Keeps {@code value} for its {@code expires_in} (else {@code defaultTtl}) less the threshold. */
    void put(String key, Map<String, Object> value, Duration defaultTtl) {
        Duration ttl = ttlOf(value.get("expires_in")).orElse(defaultTtl);
        Duration keep = ttl.minus(threshold);
        if (!keep.isNegative() && !keep.isZero()) {
            entries.put(key, new Entry(value, nanoTime.getAsLong() + keep.toNanos()));
        }
    }

    private static Optional<Duration> ttlOf(Object expiresIn) {
        if (expiresIn instanceof Number n) {
            return Optional.of(Duration.ofSeconds(n.longValue()));
        }
        if (expiresIn instanceof String s && s.strip().matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(s.strip())));
        }
        return Optional.empty();
    }
}
