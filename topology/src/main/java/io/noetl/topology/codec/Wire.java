package io.noetl.topology.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one binary encoding of the topology's store values and internal topics: unsigned and zig-zag varints,
 * little-endian IEEE doubles and floats, strings as their UTF-8 length plus one (0 for null) and the bytes. Every
 * value starts with a format version byte written by its owner, so a layout can change while older bytes stay
 * readable. Not a wire format for other services.
 *
 * <p>{@link In} also reads the fixed-width big-endian numbers of {@link java.io.DataOutputStream}, the layout of values
 * written before this encoding (their readers are kept for state left in existing data directories).
 */
public final class Wire {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

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
            ensure(8);
            LONG_LE.set(buf, pos, Double.doubleToRawLongBits(v));
            pos += 8;
            return this;
        }

        public Out f32(float v) {
            ensure(4);
            INT_LE.set(buf, pos, Float.floatToRawIntBits(v));
            pos += 4;
            return this;
        }

        /** A string as its UTF-8 length plus one (0 for null) and the bytes. */
        public Out string(String s) {
            if (s == null) {
                return varLong(0);
            }
            int n = s.length();
            ensure(10 + n);
            int start = pos;
            varLong(n + 1L);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) { // not ASCII: the UTF-8 length differs from the char count
                    pos = start;
                    return utf8(s);
                }
                buf[pos++] = (byte) c;
            }
            return this;
        }

        private Out utf8(String s) {
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
            if (n < 0 || pos + n > buf.length) {
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
            long bits = (long) LONG_LE.get(buf, pos);
            pos += 8;
            return Double.longBitsToDouble(bits);
        }

        public float f32() {
            need(4);
            int bits = (int) INT_LE.get(buf, pos);
            pos += 4;
            return Float.intBitsToFloat(bits);
        }

        public String string() {
            int n = varInt();
            return n == 0 ? null : utf8(n - 1);
        }

        /** A big-endian {@code int} as {@link java.io.DataOutputStream#writeInt} writes it. */
        public int bigEndianInt() {
            need(4);
            int v = (int) INT_BE.get(buf, pos);
            pos += 4;
            return v;
        }

        /** A big-endian {@code long} as {@link java.io.DataOutputStream#writeLong} writes it. */
        public long bigEndianLong() {
            need(8);
            long v = (long) LONG_BE.get(buf, pos);
            pos += 8;
            return v;
        }

        /** The next {@code length} bytes as UTF-8. */
        public String utf8(int length) {
            need(length);
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        public boolean atEnd() {
            return pos == buf.length;
        }
    }
}
