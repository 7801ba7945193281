package io.noetl.topology.dedupe;

/** The time part of ULIDs, for range scans over stores keyed by ULID. */
final class UlidTimes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private UlidTimes() {
    }

    /**
     * The 10-character time prefix of ULIDs made at {@code epochMillis}: every ULID of an earlier millisecond sorts
     * before it, every ULID of that millisecond or later sorts after it.
     */
    static String prefix(long epochMillis) {
        char[] out = new char[10];
        long t = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (t & 31)];
            t >>>= 5;
        }
        return new String(out);
    }
}
