package io.noetl.topology.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Compact binary form of a {@link ClusterSnapshot} for a state store (version byte first). */
public final class ClusterCodec {

    private static final byte VERSION = 1;

    private ClusterCodec() {
    }

    public static byte[] encode(ClusterSnapshot s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + s.tokens().length * 12);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, s.id());
            writeString(out, s.bucketKey());
            out.writeLong(s.createdSeq());
            out.writeLong(s.size());
            out.writeLong(s.lastUsed());
            out.writeInt(s.tokens().length);
            for (int i = 0; i < s.tokens().length; i++) {
                writeString(out, s.tokens()[i]);
                out.writeByte((s.delimiter()[i] ? 1 : 0) | (s.spaceBefore()[i] ? 2 : 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encode template cluster " + s.id(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a cluster of this version
     */
    public static ClusterSnapshot decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("template cluster of unknown version " + version);
            }
            String id = readString(in);
            String bucketKey = readString(in);
            long created = in.readLong();
            long size = in.readLong();
            long lastUsed = in.readLong();
            int n = in.readInt();
            String[] tokens = new String[n];
            boolean[] delimiter = new boolean[n];
            boolean[] space = new boolean[n];
            for (int i = 0; i < n; i++) {
                tokens[i] = readString(in);
                int flags = in.readByte();
                delimiter[i] = (flags & 1) != 0;
                space[i] = (flags & 2) != 0;
            }
            return new ClusterSnapshot(id, bucketKey, created, size, lastUsed, tokens, delimiter, space);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a template cluster: " + e.getMessage(), e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
