package io.noetl.topology.template;

import io.noetl.topology.codec.Wire;

/**
 * Binary form of a {@link ClusterSnapshot} for a state store, on {@link Wire}: a version byte, varints, and per token
 * its text and a flag byte. Version 1 (fixed-width, {@link java.io.DataOutputStream} layout) is still read.
 */
public final class ClusterCodec {

    private static final int VERSION = 2;
    private static final int VERSION_1 = 1;

    private ClusterCodec() {
    }

    public static byte[] encode(ClusterSnapshot s) {
        Wire.Out out = new Wire.Out(48 + s.tokens().length * 10);
        out.u8(VERSION).string(s.id()).string(s.bucketKey()).varLong(s.createdSeq()).varLong(s.size())
                .varLong(s.lastUsed()).varLong(s.tokens().length);
        for (int i = 0; i < s.tokens().length; i++) {
            out.string(s.tokens()[i]).u8((s.delimiter()[i] ? 1 : 0) | (s.spaceBefore()[i] ? 2 : 0));
        }
        return out.toBytes();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a cluster of a known version
     */
    public static ClusterSnapshot decode(byte[] bytes) {
        Wire.In in = new Wire.In(bytes);
        int version = in.u8();
        if (version == VERSION_1) {
            return decodeV1(in);
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("template cluster of unknown version " + version);
        }
        String id = in.string();
        String bucketKey = in.string();
        long created = in.varLong();
        long size = in.varLong();
        long lastUsed = in.varLong();
        int n = in.varInt();
        Tokens t = new Tokens(n);
        for (int i = 0; i < n; i++) {
            t.set(i, in.string(), in.u8());
        }
        return new ClusterSnapshot(id, bucketKey, created, size, lastUsed, t.tokens, t.delimiter, t.space);
    }

    /** Version 1: big-endian longs and ints, strings as a 4-byte length and UTF-8. */
    private static ClusterSnapshot decodeV1(Wire.In in) {
        String id = in.utf8(in.bigEndianInt());
        String bucketKey = in.utf8(in.bigEndianInt());
        long created = in.bigEndianLong();
        long size = in.bigEndianLong();
        long lastUsed = in.bigEndianLong();
        int n = in.bigEndianInt();
        if (n < 0) {
            throw new IllegalArgumentException("template cluster " + id + " with " + n + " tokens");
        }
        Tokens t = new Tokens(n);
        for (int i = 0; i < n; i++) {
            t.set(i, in.utf8(in.bigEndianInt()), in.u8());
        }
        return new ClusterSnapshot(id, bucketKey, created, size, lastUsed, t.tokens, t.delimiter, t.space);
    }

    private static final class Tokens {

        final String[] tokens;
        final boolean[] delimiter;
        final boolean[] space;

        Tokens(int n) {
            tokens = new String[n];
            delimiter = new boolean[n];
            space = new boolean[n];
        }

        void set(int i, String token, int flags) {
            tokens[i] = token;
            delimiter[i] = (flags & 1) != 0;
            space[i] = (flags & 2) != 0;
        }
    }
}
