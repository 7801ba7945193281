package io.noetl.stores.vector;

import java.util.Arrays;
import java.util.UUID;

/**
 * One point of a collection.
 *
 * @param id      point id, UUIDv5 of the business key ({@link PointIds})
 * @param vector  the vector; the store normalizes it to unit length
 * @param payload what is stored with it
 */
public record VectorPoint(UUID id, float[] vector, Payload payload) {

    public VectorPoint {
        if (id == null) {
            throw new IllegalArgumentException("point id must not be null");
        }
        if (vector == null) {
            throw new IllegalArgumentException("vector of point " + id + " must not be null");
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload of point " + id + " must not be null (use Payload.EMPTY)");
        }
    }

    /** A point whose id is derived from {@code payload.key()}. */
    public static VectorPoint of(float[] vector, Payload payload) {
        if (payload == null || payload.key() == null) {
            throw new IllegalArgumentException("payload with a business key is required to derive a point id");
        }
        return new VectorPoint(PointIds.of(payload.key()), vector, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorPoint p && id.equals(p.id) && Arrays.equals(vector, p.vector)
                && payload.equals(p.payload);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "VectorPoint[id=" + id + ", dimension=" + vector.length + ", payload=" + payload + "]";
    }
}
