package io.noetl.stores.vector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Point ids: RFC 9562 UUIDv5 (SHA-1, name-based) of a business key in the NoETL namespace, so the same event,
 * execution or playbook always maps to the same point and a replay overwrites instead of duplicating. Qdrant accepts
 * these ids as they are.
 */
public final class PointIds {

    /** Namespace of NoETL point ids: UUIDv5 of {@code noetl.io/vector-points} in the RFC 9562 URL namespace. */
    public static final UUID NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "https://noetl.io/vector-points");

    private PointIds() {
    }

    /**
     * @param businessKey e.g. an event id for a failure, an execution id, a playbook path; not blank
     * @return its point id
     */
    public static UUID of(String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new IllegalArgumentException("business key of a point must not be blank");
        }
        return v5(NAMESPACE, businessKey);
    }

    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
        sha1.update(toBytes(namespace.getMostSignificantBits()));
        sha1.update(toBytes(namespace.getLeastSignificantBits()));
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (h[i] & 0xff);
            lsb = (lsb << 8) | (h[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] toBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
