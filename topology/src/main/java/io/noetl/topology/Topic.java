package io.noetl.topology;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka topic with the serdes of its key and value.
 *
 * @param name       full topic name (with the deployment's prefix)
 * @param keySerde   serde of the record keys
 * @param valueSerde serde of the record values
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** How the topology reads it. */
    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    /** How the topology writes it. */
    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }
}
