package io.noetl.insights.fingerprint;

import io.noetl.insights.InsightSettings;
import io.noetl.insights.StoreAccess;
import io.noetl.insights.StoreUnavailableException;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.ExecutionHit;
import io.noetl.stores.analytics.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Failure fingerprints across runs (error templates from the analytics store): which failures are new and which
 * chronic, where they happen, and the executions that hit each.
 */
public final class Fingerprints {

    private final StoreAccess stores;
    private final InsightSettings settings;
    private final Clock clock;

    public Fingerprints(StoreAccess stores, InsightSettings settings, Clock clock) {
        this.stores = stores;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws StoreUnavailableException when the analytics store cannot be read
     * @throws IllegalArgumentException  on a page size or cursor the store refuses
     */
    public Page<FingerprintView> list(String playbook, Instant since, int limit, String cursor) {
        Instant newSince = clock.instant().minus(settings.fingerprintNew());
        Page<io.noetl.stores.analytics.Fingerprint> page = read(a -> a.fingerprints(playbook, since, limit, cursor));
        return new Page<>(page.items().stream().map(f -> FingerprintView.of(f, newSince)).toList(), page.next());
    }

    /** @return the fingerprint, empty when no error ever had this template */
    public Optional<FingerprintView> get(String id) {
        Instant newSince = clock.instant().minus(settings.fingerprintNew());
        return read(a -> a.fingerprint(id)).map(f -> FingerprintView.of(f, newSince));
    }

    /** The executions that hit a fingerprint, most recent first. */
    public Page<ExecutionHit> executions(String id, int limit, String cursor) {
        return read(a -> a.fingerprintExecutions(id, limit, cursor));
    }

    private <T> T read(Function<AnalyticsStore, T> query) {
        AnalyticsStore analytics = stores.analytics().orElseThrow(() -> new StoreUnavailableException(
                StoreAccess.ANALYTICS, "no analytics store is readable from this process", null));
        try {
            return query.apply(analytics);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(StoreAccess.ANALYTICS, "analytics store: " + e.getMessage(), e);
        }
    }
}
