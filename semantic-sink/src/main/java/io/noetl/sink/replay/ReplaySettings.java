package io.noetl.sink.replay;

import io.noetl.schemas.settings.Env;
import io.noetl.sink.processor.SinkSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How a replay runs.
 *
 * @param bootstrapServers Kafka cluster to read
 * @param prefix           prefix of consumer-group names (the stream prefix; may be empty, never null)
 * @param since            {@code --since} mode: repair the current version from this time on; null for a full replay
 * @param batchSize        records per write (and per offset commit), at least 1
 * @param liveBatchTime    longest time a live sink spends on one batch; added to the wait after the switch
 * @param maxWriteAttempts attempts of one batch write while the store is unavailable, at least 1
 * @param retryBackoff     first pause between attempts (doubled each time, with jitter, at most 30 s)
 */
public record ReplaySettings(String bootstrapServers, String prefix, Instant since, int batchSize,
        Duration liveBatchTime, int maxWriteAttempts, Duration retryBackoff) {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_LIVE_BATCH_TIME = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_WRITE_ATTEMPTS = 10;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);

    public ReplaySettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("replay needs Kafka bootstrap servers");
        }
        if (prefix == null) {
            throw new IllegalArgumentException("replay prefix must not be null (use \"\")");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("replay batch size must be >= 1, got " + batchSize);
        }
        if (liveBatchTime == null || liveBatchTime.isNegative()) {
            throw new IllegalArgumentException("replay live batch time must be >= 0, got " + liveBatchTime);
        }
        if (maxWriteAttempts < 1) {
            throw new IllegalArgumentException("replay write attempts must be >= 1, got " + maxWriteAttempts);
        }
        if (retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("replay retry backoff must be >= 0, got " + retryBackoff);
        }
    }

    /** Full replay with the defaults. */
    public static ReplaySettings defaults(String bootstrapServers, String prefix) {
        return new ReplaySettings(bootstrapServers, prefix, null, DEFAULT_BATCH_SIZE, DEFAULT_LIVE_BATCH_TIME,
                DEFAULT_MAX_WRITE_ATTEMPTS, DEFAULT_RETRY_BACKOFF);
    }

    /** @return these settings in {@code --since} mode (null: full replay) */
    /**
     * The defaults for the deployment the environment describes: its stream prefix, and the live sinks' batch time
     * ({@code NOETL_SINK_BATCH_MS}, as the sinks read it) plus a second for their write.
     */
    public static ReplaySettings fromEnv(Map<String, String> vars, String bootstrapServers) {
        Duration liveBatch = SinkSettings.fromEnv(vars, bootstrapServers).batchTime().plus(Duration.ofSeconds(1));
        return defaults(bootstrapServers, Env.of(vars).names().prefix()).withLiveBatchTime(liveBatch);
    }

    public ReplaySettings withSince(Instant time) {
        return new ReplaySettings(bootstrapServers, prefix, time, batchSize, liveBatchTime, maxWriteAttempts,
                retryBackoff);
    }

    /** @return these settings with another batch size */
    public ReplaySettings withBatchSize(int size) {
        return new ReplaySettings(bootstrapServers, prefix, since, size, liveBatchTime, maxWriteAttempts,
                retryBackoff);
    }

    /** @return these settings with another live-sink batch time */
    public ReplaySettings withLiveBatchTime(Duration time) {
        return new ReplaySettings(bootstrapServers, prefix, since, batchSize, time, maxWriteAttempts, retryBackoff);
    }
}
