package io.noetl.insights;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers of the stores kept for a short while: a step's history and a fingerprint's counts move slowly, and the
 * same ones are asked for by every diagnosis of a busy step. An answer older than the time to live is asked again;
 * when the cache is full it starts over (bounded memory, no eviction bookkeeping on the read path).
 *
 * @param <K> key
 * @param <V> answer (never null)
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlMs;
    private final int maxEntries;
    private final Clock clock;

    /** @param ttl zero turns the cache off */
    public TtlCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttlMs = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The answer for {@code key}: the kept one while fresh, else {@code load}'s (kept unless it throws). */
    public V get(K key, Function<K, V> load) {
        return get(key, load, v -> true);
    }

    /** As {@link #get(Object, Function)}, keeping a loaded answer only when {@code keep} says so. */
    public V get(K key, Function<K, V> load, java.util.function.Predicate<V> keep) {
        if (ttlMs <= 0) {
            return load.apply(key);
        }
        long now = clock.millis();
        Entry<V> e = entries.get(key);
        if (e != null && e.expiresAt() > now) {
            return e.value();
        }
        V value = load.apply(key);
        if (keep.test(value)) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlMs));
        }
        return value;
    }
}
