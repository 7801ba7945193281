package io.noetl.sink.vector;

import io.noetl.stores.vector.Payload;

/** Input checks shared by the stores, so each one rejects bad input with the same words. */
public final class PointChecks {

    private PointChecks() {
    }

    /**
     * Checks length and values of a vector and returns a unit-length copy.
     *
     * @param what       names the vector in the message, e.g. {@code "point 1b4e… of noetl_failures"}
     * @param expectedDim the collection's dimension
     * @throws IllegalArgumentException on a wrong dimension, a NaN or infinite component, or a zero vector
     */
    public static float[] unitVector(String what, float[] vector, int expectedDim) {
        if (vector == null) {
            throw new IllegalArgumentException(what + ": vector must not be null");
        }
        if (vector.length != expectedDim) {
            throw new IllegalArgumentException(what + ": vector dimension mismatch, expected " + expectedDim
                    + ", got " + vector.length);
        }
        double sum = 0;
        for (int i = 0; i < vector.length; i++) {
            float x = vector[i];
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException(what + ": vector component " + i + " is " + x);
            }
            sum += (double) x * x;
        }
        if (sum == 0) {
            throw new IllegalArgumentException(what + ": vector is all zeros (no direction for cosine similarity)");
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * inv;
        }
        return unit;
    }

    /** @throws IllegalArgumentException when the payload is larger than {@code maxBytes} */
    public static void payloadSize(String what, Payload payload, int maxBytes) {
        int size = payload.sizeBytes();
        if (size > maxBytes) {
            throw new IllegalArgumentException(what + ": payload too large, " + size + " bytes, at most " + maxBytes
                    + " allowed");
        }
    }
}
