package io.noetl.sink.vector.embedded;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identity of a unit vector: 128 bits of SHA-256 over its float bits, as hex. Equal vectors, equal hashes. */
final class VectorHash {

    private VectorHash() {
    }

    static String of(float[] unit) {
        byte[] bytes = new byte[unit.length * 4];
        for (int i = 0; i < unit.length; i++) {
            int bits = Float.floatToIntBits(unit[i]);
            bytes[4 * i] = (byte) (bits >>> 24);
            bytes[4 * i + 1] = (byte) (bits >>> 16);
            bytes[4 * i + 2] = (byte) (bits >>> 8);
            bytes[4 * i + 3] = (byte) bits;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
