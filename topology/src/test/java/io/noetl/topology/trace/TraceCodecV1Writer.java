package io.noetl.topology.trace;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The previous release's trace state encoder (version 1, {@link DataOutputStream} layout), for compatibility tests. */
final class TraceCodecV1Writer {

    private TraceCodecV1Writer() {
    }

    static byte[] encode(TraceState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            str(out, s.parentExecutionId);
            str(out, s.playbookPath);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void step(DataOutputStream out, StepFacts st) throws IOException {
        str(out, st.name);
        str(out, st.toolKind);
        out.writeLong(st.enterMin);
        out.writeLong(st.enterMax);
        out.writeLong(st.exitMax);
        str(out, st.exitEventId);
        out.writeByte(st.exitStatus);
        out.writeLong(st.lastTs);
        error(out, st.exitError);
        out.writeInt(st.attempts.size());
        for (AttemptFacts a : st.attempts) {
            str(out, a.commandId);
            out.writeInt(a.attempt);
            out.writeLong(a.start);
            out.writeByte(a.startRank);
            out.writeLong(a.end);
            out.writeByte(a.status | (a.retryScheduled ? 0x10 : 0));
            str(out, a.workerId);
            out.writeLong(a.reportedDurationMs);
            error(out, a.error);
        }
    }

    private static void error(DataOutputStream out, ErrorFact e) throws IOException {
        out.writeBoolean(e != null);
        if (e != null) {
            out.writeLong(e.ts());
            str(out, e.eventId());
            str(out, e.type());
            str(out, e.errorClass());
            str(out, e.templateId());
            str(out, e.template());
            str(out, e.message());
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
