package io.noetl.topology.dedupe;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The value format of the de-duplication store: a compact set of event ids, each with the stream time it was first
 * seen. A version byte, then fixed 24-byte entries: the ULID's 128 bits (16 bytes, big-endian) and the first-seen
 * time (8 bytes). Values are never changed in place; every operation returns a new array (or the same one when
 * nothing changed).
 */
final class SeenIds {

    static final int ENTRY_BYTES = 24;
    private static final byte VERSION = 1;
    private static final int[] DIGITS = digits();

    private SeenIds() {
    }

    /**
     * The 128 bits of a ULID (26 characters of Crockford base32, upper case, as normalization admits them).
     *
     * @throws IllegalArgumentException when {@code ulid} is not such a ULID
     */
    static byte[] ulidBytes(String ulid) {
        if (ulid == null || ulid.length() != 26 || ulid.charAt(0) > '7') {
            throw new IllegalArgumentException("not a ULID: " + ulid);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 26; i++) {
            char c = ulid.charAt(i);
            int v = c < DIGITS.length ? DIGITS[c] : -1;
            if (v < 0) {
                throw new IllegalArgumentException("not a ULID: " + ulid);
            }
            hi = (hi << 5) | (lo >>> 59);
            lo = (lo << 5) | v;
        }
        return ByteBuffer.allocate(16).putLong(hi).putLong(lo).array();
    }

    /** Entries in a value (null counts as empty). */
    static int size(byte[] value) {
        return value == null ? 0 : (value.length - 1) / ENTRY_BYTES;
    }

    /** Whether the set holds {@code id} (16 bytes). */
    static boolean contains(byte[] value, byte[] id) {
        int n = size(value);
        for (int i = 0; i < n; i++) {
            int at = 1 + i * ENTRY_BYTES;
            if (Arrays.equals(value, at, at + 16, id, 0, 16)) {
                return true;
            }
        }
        return false;
    }

    /** The set with {@code id} added, first seen at {@code firstSeen}; the caller checks it is not present. */
    static byte[] add(byte[] value, byte[] id, long firstSeen) {
        int n = size(value);
        byte[] out = new byte[1 + (n + 1) * ENTRY_BYTES];
        out[0] = VERSION;
        if (n > 0) {
            System.arraycopy(value, 1, out, 1, n * ENTRY_BYTES);
        }
        ByteBuffer.wrap(out, 1 + n * ENTRY_BYTES, ENTRY_BYTES).put(id, 0, 16).putLong(firstSeen);
        return out;
    }

    /**
     * The set without the ids first seen before {@code cutoff}: the same array when none was, null when none is
     * left.
     *
     * @throws IllegalArgumentException when the value is not a set of this version
     */
    static byte[] expire(byte[] value, long cutoff) {
        if (value.length < 1 || value[0] != VERSION || (value.length - 1) % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException("not a seen-ids value of version " + VERSION + " ("
                    + value.length + " bytes)");
        }
        int n = size(value);
        byte[] out = new byte[value.length];
        out[0] = VERSION;
        int kept = 0;
        ByteBuffer in = ByteBuffer.wrap(value);
        for (int i = 0; i < n; i++) {
            int at = 1 + i * ENTRY_BYTES;
            if (in.getLong(at + 16) >= cutoff) {
                System.arraycopy(value, at, out, 1 + kept * ENTRY_BYTES, ENTRY_BYTES);
                kept++;
            }
        }
        if (kept == n) {
            return value;
        }
        return kept == 0 ? null : Arrays.copyOf(out, 1 + kept * ENTRY_BYTES);
    }

    private static int[] digits() {
        int[] d = new int['Z' + 1];
        Arrays.fill(d, -1);
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (int i = 0; i < alphabet.length(); i++) {
            d[alphabet.charAt(i)] = i;
        }
        return d;
    }
}
