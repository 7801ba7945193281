package io.noetl.topology.trace;

import io.noetl.topology.codec.Wire;

/**
 * Reads trace states of version 1: fixed-width big-endian numbers and strings as a 4-byte length (-1 for null) and
 * UTF-8, the layout of {@link java.io.DataOutputStream}. Kept so traces already in a store stay readable; new
 * states are written as {@link TraceCodec}'s current version.
 */
final class TraceCodecV1 {

    static final int VERSION = 1;

    private TraceCodecV1() {
    }

    /** The state after the version byte. */
    static TraceState read(Wire.In in) {
        TraceState s = new TraceState();
        s.parentExecutionId = str(in);
        s.playbookPath = str(in);
        int v = in.bigEndianInt();
        s.playbookVersion = v < 0 ? null : v;
        s.workflowStart = in.bigEndianLong();
        s.firstTs = in.bigEndianLong();
        s.lastTs = in.bigEndianLong();
        s.workflowEnd = in.bigEndianLong();
        s.endStatus = (byte) in.u8();
        s.eventCount = in.bigEndianLong();
        s.workflowError = error(in);
        int cut = in.u8();
        s.cutSteps = (cut & 1) != 0;
        s.cutAttempts = (cut & 2) != 0;
        int n = in.bigEndianInt();
        for (int i = 0; i < n; i++) {
            StepFacts st = step(in);
            s.steps.put(st.name, st);
        }
        return s;
    }

    private static StepFacts step(Wire.In in) {
        StepFacts st = new StepFacts(str(in));
        st.toolKind = str(in);
        st.enterMin = in.bigEndianLong();
        st.enterMax = in.bigEndianLong();
        st.exitMax = in.bigEndianLong();
        st.exitEventId = str(in);
        st.exitStatus = (byte) in.u8();
        st.lastTs = in.bigEndianLong();
        st.exitError = error(in);
        int n = in.bigEndianInt();
        for (int i = 0; i < n; i++) {
            AttemptFacts a = new AttemptFacts(str(in), in.bigEndianInt());
            a.start = in.bigEndianLong();
            a.startRank = (byte) in.u8();
            a.end = in.bigEndianLong();
            int status = (byte) in.u8();
            a.status = status & 0x0f;
            a.retryScheduled = (status & 0x10) != 0;
            a.workerId = str(in);
            a.reportedDurationMs = in.bigEndianLong();
            a.error = error(in);
            st.attempts.add(a);
        }
        return st;
    }

    private static ErrorFact error(Wire.In in) {
        if (in.u8() == 0) {
            return null;
        }
        return new ErrorFact(in.bigEndianLong(), str(in), str(in), str(in), str(in), str(in), str(in));
    }

    private static String str(Wire.In in) {
        int n = in.bigEndianInt();
        return n < 0 ? null : in.utf8(n);
    }
}
