package io.noetl.sink.embed;

/** MurmurHash3 (x86, 32-bit) over the UTF-16 code units of a string: fast, well mixed, the same on every JVM. */
final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    static int hash(CharSequence s, int seed) {
        int h = seed;
        int len = s.length();
        int i = 0;
        for (; i + 1 < len; i += 2) {
            int k = s.charAt(i) | (s.charAt(i + 1) << 16);
            h = mixH(h, mixK(k));
        }
        if (i < len) {
            h ^= mixK(s.charAt(i));
        }
        h ^= len * 2;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }

    private static int mixH(int h, int k) {
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }
}
