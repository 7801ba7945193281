package io.noetl.topology.trace;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Binary form of a {@link TraceState} for the trace store: a version byte, then fixed-width numbers and
 * length-prefixed UTF-8 strings (a few dozen bytes per attempt; the layout of {@link java.io.DataOutputStream}),
 * so the per-event encode stays cheap.
 */
final class TraceCodec {

    private static final byte VERSION = 1;

    private TraceCodec() {
    }

    static byte[] encode(TraceState s) {
        ByteWriter out = new ByteWriter(128 + 160 * s.steps.size());
        out.writeByte(VERSION);
        out.writeString(s.parentExecutionId);
        out.writeString(s.playbookPath);
        out.writeInt(s.playbookVersion == null ? -1 : s.playbookVersion);
        out.writeLong(s.workflowStart);
        out.writeLong(s.firstTs);
        out.writeLong(s.lastTs);
        out.writeLong(s.workflowEnd);
        out.writeByte(s.endStatus);
        out.writeLong(s.eventCount);
        error(out, s.workflowError);
        out.writeByte((s.cutSteps ? 1 : 0) | (s.cutAttempts ? 2 : 0));
        out.writeInt(s.steps.size());
        for (StepFacts st : s.steps.values()) {
            step(out, st);
        }
        return out.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a trace state of this version
     */
    static TraceState decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("trace state of unknown version " + version);
            }
            TraceState s = new TraceState();
            s.parentExecutionId = str(in);
            s.playbookPath = str(in);
            int v = in.readInt();
            s.playbookVersion = v < 0 ? null : v;
            s.workflowStart = in.readLong();
            s.firstTs = in.readLong();
            s.lastTs = in.readLong();
            s.workflowEnd = in.readLong();
            s.endStatus = in.readByte();
            s.eventCount = in.readLong();
            s.workflowError = error(in);
            int cut = in.readByte();
            s.cutSteps = (cut & 1) != 0;
            s.cutAttempts = (cut & 2) != 0;
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                StepFacts st = step(in);
                s.steps.put(st.name, st);
            }
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a trace state: " + e, e);
        }
    }

    private static void step(ByteWriter out, StepFacts st) {
        out.writeString(st.name);
        out.writeString(st.toolKind);
        out.writeLong(st.enterMin);
        out.writeLong(st.enterMax);
        out.writeLong(st.exitMax);
        out.writeString(st.exitEventId);
        out.writeByte(st.exitStatus);
        out.writeLong(st.lastTs);
        error(out, st.exitError);
        out.writeInt(st.attempts.size());
        for (AttemptFacts a : st.attempts) {
            out.writeString(a.commandId);
            out.writeInt(a.attempt);
            out.writeLong(a.start);
            out.writeByte(a.startRank);
            out.writeLong(a.end);
            out.writeByte(a.status | (a.retryScheduled ? 0x10 : 0));
            out.writeString(a.workerId);
            out.writeLong(a.reportedDurationMs);
            error(out, a.error);
        }
    }

    private static StepFacts step(DataInputStream in) throws IOException {
        StepFacts st = new StepFacts(str(in));
        st.toolKind = str(in);
        st.enterMin = in.readLong();
        st.enterMax = in.readLong();
        st.exitMax = in.readLong();
        st.exitEventId = str(in);
        st.exitStatus = in.readByte();
        st.lastTs = in.readLong();
        st.exitError = error(in);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            AttemptFacts a = new AttemptFacts(str(in), in.readInt());
            a.start = in.readLong();
            a.startRank = in.readByte();
            a.end = in.readLong();
            int status = in.readByte();
            a.status = status & 0x0f;
            a.retryScheduled = (status & 0x10) != 0;
            a.workerId = str(in);
            a.reportedDurationMs = in.readLong();
            a.error = error(in);
            st.attempts.add(a);
        }
        return st;
    }

    private static void error(ByteWriter out, ErrorFact e) {
        out.writeBoolean(e != null);
        if (e != null) {
            out.writeLong(e.ts());
            out.writeString(e.eventId());
            out.writeString(e.type());
            out.writeString(e.errorClass());
            out.writeString(e.templateId());
            out.writeString(e.template());
            out.writeString(e.message());
        }
    }

    private static ErrorFact error(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new ErrorFact(in.readLong(), str(in), str(in), str(in), str(in), str(in), str(in));
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
