package io.noetl.topology.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Compact binary encoding for the topology's own store values and internal topics: unsigned and zig-zag varints,
 * IEEE doubles and floats, length-prefixed UTF-8 strings (null allowed). Not a wire format for other services.
 */
public final class Wire {

    private Wire() {
    }

    /** A growable output buffer. */
    public static final class Out {

        private byte[] buf;
        private int pos;

        public Out(int initialCapacity) {
            this.buf = new byte[Math.max(16, initialCapacity)];
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        public Out u8(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
            return this;
        }

        /** Unsigned varint (7 bits per byte); negative values take 10 bytes. */
        public Out varLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
            return this;
        }

        /** Signed varint, zig-zag encoded so small negative numbers stay short. */
        public Out zigZag(long v) {
            return varLong((v << 1) ^ (v >> 63));
        }

        public Out f64(double v) {
            long bits = Double.doubleToRawLongBits(v);
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[pos++] = (byte) (bits >>> (8 * i));
            }
            return this;
        }

        public Out f32(float v) {
            int bits = Float.floatToRawIntBits(v);
            ensure(4);
            for (int i = 0; i < 4; i++) {
                buf[pos++] = (byte) (bits >>> (8 * i));
            }
            return this;
        }

        /** A string as its UTF-8 length plus one (0 for null) and the bytes. */
        public Out string(String s) {
            if (s == null) {
                return varLong(0);
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varLong(b.length + 1L);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return this;
        }

        public byte[] toBytes() {
            return Arrays.copyOf(buf, pos);
        }
    }

    /** A reader over bytes written by {@link Out}; malformed input fails with {@link IllegalArgumentException}. */
    public static final class In {

        private final byte[] buf;
        private int pos;

        public In(byte[] buf) {
            this.buf = buf;
        }

        private void need(int n) {
            if (pos + n > buf.length) {
                throw new IllegalArgumentException("truncated value: need " + n + " more bytes at offset " + pos
                        + " of " + buf.length);
            }
        }

        public int u8() {
            need(1);
            return buf[pos++] & 0xFF;
        }

        public long varLong() {
            if (pos < buf.length && buf[pos] >= 0) {
                return buf[pos++]; // one-byte values (small counts) are the common case
            }
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed varint at offset " + pos);
        }

        public int varInt() {
            long v = varLong();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("length out of range: " + v);
            }
            return (int) v;
        }

        public long zigZag() {
            long v = varLong();
            return (v >>> 1) ^ -(v & 1);
        }

        public double f64() {
            need(8);
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (buf[pos++] & 0xFFL) << (8 * i);
            }
            return Double.longBitsToDouble(bits);
        }

        public float f32() {
            need(4);
            int bits = 0;
            for (int i = 0; i < 4; i++) {
                bits |= (buf[pos++] & 0xFF) << (8 * i);
            }
            return Float.intBitsToFloat(bits);
        }

        public String string() {
            int n = varInt();
            if (n == 0) {
                return null;
            }
            need(n - 1);
            String s = new String(buf, pos, n - 1, StandardCharsets.UTF_8);
            pos += n - 1;
            return s;
        }

        public boolean atEnd() {
            return pos == buf.length;
        }
    }
}
