package io.noetl.topology.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer writing what {@link java.io.DataOutputStream} writes (same byte layout), without
 * its per-call locking and stream layers: the trace state is encoded on every event.
 */
final class ByteWriter {

    private byte[] buf;
    private int pos;

    ByteWriter(int capacity) {
        this.buf = new byte[Math.max(16, capacity)];
    }

    void writeByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void writeBoolean(boolean v) {
        writeByte(v ? 1 : 0);
    }

    void writeInt(int v) {
        ensure(4);
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** A string as a 4-byte length (-1 for null) and its UTF-8 bytes. */
    void writeString(String s) {
        if (s == null) {
            writeInt(-1);
            return;
        }
        int n = s.length();
        ensure(4 + n);
        int start = pos;
        pos += 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) { // not ASCII: write the encoder's bytes instead
                pos = start;
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                writeInt(b.length);
                ensure(b.length);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
                return;
            }
            buf[pos++] = (byte) c;
        }
        int at = pos;
        pos = start;
        writeInt(n);
        pos = at;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }
}
