package io.noetl.sink.index;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One index the sink fills from Kafka — the vector index or the analytics tables — in numbered versions.
 *
 * <p>Readers use the <em>current</em> version; {@link #switchTo} changes it atomically (a Qdrant alias, a pointer
 * in the embedded stores, a pointer table in ClickHouse). The live sink writes each batch into
 * {@link #currentVersion()} (implementations cache the pointer and re-read it from the store at most every
 * {@link #POINTER_REFRESH_MS} ms, and see their own {@code switchTo} at once); a replay writes into a new version,
 * switches, and drops the old one.
 *
 * <p>{@link #write} is idempotent: writing the same records again into the same version changes nothing visible
 * (point ids and row keys derive from business keys).
 */
public interface SinkIndex extends AutoCloseable {

    /** How long a cached current-version pointer may be used before re-reading it from the store. */
    long POINTER_REFRESH_MS = 2_000;

    /** @return which index this is */
    IndexTarget target();

    /** @return the Kafka topics this index is built from */
    Set<String> topics();

    /** @return the version readers use; 0 when none has been switched to yet */
    int currentVersion();

    /** @return the versions that exist, ascending */
    List<Integer> versions();

    /** Creates the storage of a version (collections or tables); does nothing when it exists. */
    void createVersion(int version);

    /** Points readers at {@code version}, atomically; it must exist. */
    void switchTo(int version);

    /** Drops a version that is not current; does nothing when it does not exist. */
    void dropVersion(int version);

    /**
     * Decodes records read from {@link #topics()} and writes them into {@code version}; what was accepted is durable
     * on return.
     *
     * @return the records that cannot be written, each with the reason (they go to the sink's dead-letter topic)
     * @throws SinkUnavailableException when the store cannot take the batch now (retry the whole batch later)
     */
    List<RejectedRecord> write(int version, List<ConsumerRecord<byte[], byte[]>> records);

    /**
     * The part of a write that needs no store (decoding, mapping), done ahead so that it can overlap the write of the
     * batch before, on another thread. Never fails: what cannot be decoded is refused by the write. The default
     * prepares nothing.
     */
    default PreparedBatch prepare(List<ConsumerRecord<byte[], byte[]>> records) {
        return new PreparedBatch(records, null);
    }

    /** As {@link #write(int, List)}, for a batch this index {@link #prepare prepared}. */
    default List<RejectedRecord> write(int version, PreparedBatch batch) {
        return write(version, batch.records());
    }

    /**
     * Whether a version takes writes at all: the vector index refuses every point of a version built by another
     * embedder. A replay checks it before it writes; the live sink's writes into such a version come back refused.
     *
     * @return why every write into {@code version} would be refused, naming the fix; empty when it takes writes
     *         (the default)
     */
    default Optional<String> writeRefusal(int version) {
        return Optional.empty();
    }

    /** @return how many documents (points, or rows by distinct key) a version holds */
    long count(int version);

    @Override
    void close();
}
