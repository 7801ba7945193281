package io.noetl.topology.trace;

import static io.noetl.topology.trace.TraceState.NONE_MAX;
import static io.noetl.topology.trace.TraceState.NONE_MIN;

import io.noetl.topology.codec.Wire;

/**
 * Binary form of a {@link TraceState} for the trace store, on {@link Wire}: a version byte, varints, and times as
 * zig-zag distances from the trace's first time, written only when set (a flag byte per record says which are), so
 * the per-event encode stays cheap and small. Version 1 (fixed-width, {@link java.io.DataOutputStream} layout) is
 * still read ({@link TraceCodecV1}).
 */
final class TraceCodec {

    private static final int VERSION = 2;

    private TraceCodec() {
    }

    static byte[] encode(TraceState s) {
        Wire.Out out = new Wire.Out(64 + 128 * s.steps.size());
        long base = base(s);
        out.u8(VERSION).string(s.parentExecutionId).string(s.playbookPath)
                .zigZag(s.playbookVersion == null ? -1 : s.playbookVersion);
        out.u8(flag(s.workflowStart, NONE_MIN, 1) | flag(s.firstTs, NONE_MIN, 2) | flag(s.lastTs, NONE_MAX, 4)
                | flag(s.workflowEnd, NONE_MAX, 8) | (s.cutSteps ? 16 : 0) | (s.cutAttempts ? 32 : 0)
                | (s.workflowError != null ? 64 : 0) | (s.lastWaiting != NONE_MAX ? 128 : 0));
        if (s.firstTs != NONE_MIN) {
            out.zigZag(base);
        }
        time(out, s.workflowStart, NONE_MIN, base);
        time(out, s.lastTs, NONE_MAX, base);
        time(out, s.workflowEnd, NONE_MAX, base);
        out.u8(s.endStatus).varLong(s.eventCount);
        error(out, s.workflowError, base);
        if (s.lastWaiting != NONE_MAX) {
            out.zigZag(s.lastWaiting - base).zigZag(s.lastProgress == NONE_MAX ? 0 : s.lastProgress - base)
                    .u8(s.lastProgress == NONE_MAX ? 0 : 1);
        }
        out.varLong(s.steps.size());
        for (StepFacts st : s.steps.values()) {
            step(out, st, base);
        }
        return out.toBytes();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a trace state of a known version
     */
    static TraceState decode(byte[] bytes) {
        Wire.In in = new Wire.In(bytes);
        int version = in.u8();
        if (version == TraceCodecV1.VERSION) {
            return TraceCodecV1.read(in);
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("trace state of unknown version " + version);
        }
        TraceState s = new TraceState();
        s.parentExecutionId = in.string();
        s.playbookPath = in.string();
        long v = in.zigZag();
        s.playbookVersion = v < 0 ? null : (int) v;
        int flags = in.u8();
        long base = (flags & 2) == 0 ? 0 : in.zigZag();
        s.firstTs = (flags & 2) == 0 ? NONE_MIN : base;
        s.workflowStart = time(in, flags, 1, NONE_MIN, base);
        s.lastTs = time(in, flags, 4, NONE_MAX, base);
        s.workflowEnd = time(in, flags, 8, NONE_MAX, base);
        s.cutSteps = (flags & 16) != 0;
        s.cutAttempts = (flags & 32) != 0;
        s.endStatus = in.u8();
        s.eventCount = in.varLong();
        s.workflowError = (flags & 64) == 0 ? null : error(in, base);
        if ((flags & 128) != 0) {
            s.lastWaiting = base + in.zigZag();
            long progress = base + in.zigZag();
            s.lastProgress = in.u8() == 0 ? NONE_MAX : progress;
        }
        int n = in.varInt();
        for (int i = 0; i < n; i++) {
            StepFacts st = step(in, base);
            s.steps.put(st.name, st);
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("trailing bytes after a trace state");
        }
        return s;
    }

    private static long base(TraceState s) {
        return s.firstTs == NONE_MIN ? 0 : s.firstTs;
    }

    private static void step(Wire.Out out, StepFacts st, long base) {
        out.string(st.name).string(st.toolKind);
        out.u8(flag(st.enterMin, NONE_MIN, 1) | flag(st.enterMax, NONE_MAX, 2) | flag(st.exitMax, NONE_MAX, 4)
                | flag(st.lastTs, NONE_MAX, 8) | (st.exitError != null ? 16 : 0));
        time(out, st.enterMin, NONE_MIN, base);
        time(out, st.enterMax, NONE_MAX, base);
        time(out, st.exitMax, NONE_MAX, base);
        time(out, st.lastTs, NONE_MAX, base);
        out.string(st.exitEventId).u8(st.exitStatus);
        error(out, st.exitError, base);
        out.varLong(st.attempts.size());
        for (AttemptFacts a : st.attempts) {
            out.string(a.commandId).zigZag(a.attempt);
            out.u8(flag(a.start, NONE_MIN, 1) | flag(a.end, NONE_MAX, 2) | (a.error != null ? 4 : 0)
                    | (a.retryScheduled ? 8 : 0));
            time(out, a.start, NONE_MIN, base);
            time(out, a.end, NONE_MAX, base);
            out.u8(a.startRank).u8(a.status).string(a.workerId).zigZag(a.reportedDurationMs);
            error(out, a.error, base);
        }
    }

    private static StepFacts step(Wire.In in, long base) {
        StepFacts st = new StepFacts(in.string());
        st.toolKind = in.string();
        int flags = in.u8();
        st.enterMin = time(in, flags, 1, NONE_MIN, base);
        st.enterMax = time(in, flags, 2, NONE_MAX, base);
        st.exitMax = time(in, flags, 4, NONE_MAX, base);
        st.lastTs = time(in, flags, 8, NONE_MAX, base);
        st.exitEventId = in.string();
        st.exitStatus = in.u8();
        st.exitError = (flags & 16) == 0 ? null : error(in, base);
        int n = in.varInt();
        for (int i = 0; i < n; i++) {
            AttemptFacts a = new AttemptFacts(in.string(), (int) in.zigZag());
            int af = in.u8();
            a.start = time(in, af, 1, NONE_MIN, base);
            a.end = time(in, af, 2, NONE_MAX, base);
            a.retryScheduled = (af & 8) != 0;
            a.startRank = in.u8();
            a.status = in.u8();
            a.workerId = in.string();
            a.reportedDurationMs = in.zigZag();
            a.error = (af & 4) == 0 ? null : error(in, base);
            st.attempts.add(a);
        }
        return st;
    }

    private static void error(Wire.Out out, ErrorFact e, long base) {
        if (e != null) {
            out.zigZag(e.ts() - base).string(e.eventId()).string(e.type()).string(e.errorClass())
                    .string(e.templateId()).string(e.template()).string(e.message());
        }
    }

    private static ErrorFact error(Wire.In in, long base) {
        return new ErrorFact(base + in.zigZag(), in.string(), in.string(), in.string(), in.string(), in.string(),
                in.string());
    }

    /** The flag bit of a time when it is set (not its fold's neutral value). */
    private static int flag(long t, long none, int bit) {
        return t == none ? 0 : bit;
    }

    private static void time(Wire.Out out, long t, long none, long base) {
        if (t != none) {
            out.zigZag(t - base); // wraps for extreme times; the reader's addition wraps back
        }
    }

    private static long time(Wire.In in, int flags, int bit, long none, long base) {
        return (flags & bit) == 0 ? none : base + in.zigZag();
    }
}
