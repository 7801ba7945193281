package io.noetl.schemas;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * ULID strings (26 chars, Crockford base32): 48-bit millisecond time + 80 random bits.
 * Monotonic within one JVM: ids made in the same millisecond sort in creation order.
 * No coordination between processes is needed.
 */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long lastMillis;
    private static long randHi; // 16 bits
    private static long randLo; // 64 bits

    private Ulid() {
    }

    public static String next() {
        long millis;
        long hi;
        long lo;
        LOCK.lock();
        try {
            millis = System.currentTimeMillis();
            if (millis <= lastMillis) {
                millis = lastMillis;
                randLo++;
                if (randLo == 0) {
                    randHi = (randHi + 1) & 0xFFFF;
                }
            } else {
                lastMillis = millis;
                randHi = RANDOM.nextInt(1 << 16);
                randLo = RANDOM.nextLong();
            }
            hi = randHi;
            lo = randLo;
        } finally {
            LOCK.unlock();
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits = 16 (hi) + 64 (lo), written as 16 base32 chars from the low end
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new String(out);
    }

    /** The millisecond timestamp a ULID carries. */
    public static Instant time(String ulid) {
        if (ulid == null || ulid.length() != 26) {
            throw new IllegalArgumentException("not a ULID: " + ulid);
        }
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            int v = indexOf(Character.toUpperCase(ulid.charAt(i)));
            if (v < 0) {
                throw new IllegalArgumentException("not a ULID: " + ulid);
            }
            millis = (millis << 5) | v;
        }
        return Instant.ofEpochMilli(millis);
    }

    public static boolean isValid(String s) {
        if (s == null || s.length() != 26) {
            return false;
        }
        for (int i = 0; i < 26; i++) {
            if (indexOf(Character.toUpperCase(s.charAt(i))) < 0) {
                return false;
            }
        }
        return s.charAt(0) <= '7';
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
