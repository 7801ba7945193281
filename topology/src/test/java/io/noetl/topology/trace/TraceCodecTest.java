package io.noetl.topology.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.NormalizedEvent;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraceCodecTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    @DisplayName("a folded trace state survives encode and decode: same bytes again, same rendered trace")
    void roundTrip() {
        TraceState s = new TraceState();
        String exec = Ulid.next();
        String cmd = Ulid.next();
        s.fold(event(exec, null, null, "playbook.started", null, 0, null));
        s.fold(event(exec, "lädt_ü", cmd, "command.started", "RUNNING", 10, null));
        s.fold(event(exec, "lädt_ü", cmd, "call.error", "FAILED", 20,
                new ErrorInfo("HttpError", "HTTP 503 from api-7 — ✗", "trace", true)));
        s.fold(event(exec, "lädt_ü", cmd, "retry.scheduled", null, 21, null));
        s.fold(event(exec, "other", Ulid.next(), "call.done", "COMPLETED", 30, null));
        s.fold(event(exec, null, null, "playbook.failed", "FAILED", 40, new ErrorInfo("E", "gave up", null, null)));

        byte[] bytes = TraceCodec.encode(s);
        TraceState back = TraceCodec.decode(bytes);
        assertThat(TraceCodec.encode(back)).isEqualTo(bytes);
        assertThat(TraceView.render(exec, back)).isEqualTo(TraceView.render(exec, s));
        assertThat(back.eventCount).isEqualTo(6);
        assertThat(back.terminal()).isTrue();
    }

    @Test
    @DisplayName("whether a step waits for a decision survives encode and decode, before and after the decision")
    void waitingForADecisionRoundTrips() {
        TraceState s = new TraceState();
        String exec = Ulid.next();
        s.fold(event(exec, null, null, "playbook.started", null, 0, null));
        s.fold(event(exec, "approve", null, "step.enter", "RUNNING", 5, null));
        s.fold(event(exec, "approve", null, "step.waiting", "PAUSED", 9, null));
        TraceState waiting = TraceCodec.decode(TraceCodec.encode(s));
        assertThat(waiting.waitingForDecision()).isTrue();
        assertThat(TraceCodec.encode(waiting)).isEqualTo(TraceCodec.encode(s));

        s.fold(event(exec, "approve", null, "decision.recorded", null, 50, null));
        TraceState decided = TraceCodec.decode(TraceCodec.encode(s));
        assertThat(decided.waitingForDecision()).isFalse();
        assertThat(decided.lastProgress).isEqualTo(s.lastProgress);
    }

    @Test
    @DisplayName("bytes of another version are refused")
    void unknownVersionRefused() {
        assertThatThrownBy(() -> TraceCodec.decode(new byte[] {9})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    @DisplayName("a trace state written by the previous release (version 1) decodes to the same state")
    void previousReleaseStateDecodes() {
        TraceState s = fixedTrace();
        byte[] previous = HexFormat.of().parseHex(PREVIOUS_RELEASE_TRACE);
        assertThat(TraceCodecV1Writer.encode(s)).as("the kept copy of the previous encoder").isEqualTo(previous);

        TraceState back = TraceCodec.decode(previous);
        assertThat(TraceView.render(FIXED_EXEC, back)).isEqualTo(TraceView.render(FIXED_EXEC, s));
        assertThat(TraceCodec.encode(back)).isEqualTo(TraceCodec.encode(s));
        assertThat(back.playbookVersion).isEqualTo(3);
        assertThat(back.eventCount).isEqualTo(6);
        assertThat(back.workflowError.message()).isEqualTo("gave up");
        AttemptFacts failed = back.steps.get("lädt_ü").attempts.getFirst();
        assertThat(failed.retryScheduled).isTrue();
        assertThat(failed.status).isEqualTo(AttemptFacts.FAILED);
        assertThat(failed.error.message()).isEqualTo("HTTP 503 from api-7 — ✗");
        assertThat(back.steps.get("other").enterMin).isEqualTo(TraceState.NONE_MIN);
        assertThat(TraceCodec.encode(s).length).as("the current layout is smaller").isLessThan(previous.length * 2 / 3);
    }

    @Test
    @DisplayName("random trace states of the previous release decode to what they were, cut ones included")
    void randomPreviousReleaseStatesDecode() {
        SplittableRandom r = new SplittableRandom(5);
        String[] types = {"playbook.started", "playbook.completed", "playbook.failed", "playbook.cancelled",
            "step.enter", "step.exit", "command.issued", "command.claimed", "command.started", "call.done",
            "call.error", "command.completed", "command.failed", "retry.scheduled"};
        for (int round = 0; round < 40; round++) {
            TraceState s = new TraceState();
            String exec = Ulid.next();
            int steps = round % 10 == 9 ? 210 : 1 + r.nextInt(6);
            int events = round % 10 == 8 ? 400 : r.nextInt(1, 60);
            for (int i = 0; i < events; i++) {
                String step = "s" + r.nextInt(steps);
                String cmd = r.nextInt(10) == 0 ? null : "c" + r.nextInt(round % 10 == 8 ? 150 : 3);
                ErrorInfo error = r.nextInt(4) == 0 ? new ErrorInfo("E" + r.nextInt(3), "m" + r.nextInt(5), null, null)
                        : null;
                s.fold(new NormalizedEvent(Ulid.next(), exec, null, null, cmd, "p", r.nextBoolean() ? 2 : null,
                        r.nextInt(8) == 0 ? null : step, "http", types[r.nextInt(types.length)], null,
                        r.nextBoolean() ? "FAILED" : "COMPLETED", T0.plusMillis(r.nextLong(-5_000, 500_000)), T0,
                        r.nextBoolean() ? null : r.nextLong(0, 90_000), r.nextInt(3), "w" + r.nextInt(2), null, error,
                        null, null, "timeout", "t1", "tpl", null));
            }
            byte[] current = TraceCodec.encode(s);
            TraceState back = TraceCodec.decode(TraceCodecV1Writer.encode(s));
            assertThat(TraceCodec.encode(back)).as("round %d", round).isEqualTo(current);
            assertThat(TraceView.render(exec, back)).isEqualTo(TraceView.render(exec, s));
            assertThat(TraceCodec.encode(TraceCodec.decode(current))).isEqualTo(current);
        }
    }

    @Test
    @DisplayName("times at the ends of the long range come back exactly")
    void extremeTimesRoundTrip() {
        TraceState s = new TraceState();
        s.firstTs = Long.MIN_VALUE + 1;
        s.lastTs = Long.MAX_VALUE - 1;
        s.workflowStart = Long.MIN_VALUE;
        s.workflowEnd = Long.MAX_VALUE;
        StepFacts st = new StepFacts("s");
        st.enterMin = Long.MAX_VALUE - 1;
        st.lastTs = Long.MIN_VALUE + 1;
        st.exitError = new ErrorFact(Long.MAX_VALUE, "e", null, null, null, null, null);
        s.steps.put("s", st);
        TraceState back = TraceCodec.decode(TraceCodec.encode(s));
        assertThat(new long[] {back.firstTs, back.lastTs, back.workflowStart, back.workflowEnd})
                .containsExactly(Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MAX_VALUE);
        StepFacts bs = back.steps.get("s");
        assertThat(new long[] {bs.enterMin, bs.enterMax, bs.exitMax, bs.lastTs, bs.exitError.ts()})
                .containsExactly(Long.MAX_VALUE - 1, TraceState.NONE_MAX, TraceState.NONE_MAX, Long.MIN_VALUE + 1,
                        Long.MAX_VALUE);
    }

    private static final String FIXED_EXEC = "01JNQ0000000000000000EXEC1";
    /** {@link #fixedTrace()} as the previous release encoded it. */
    private static final String PREVIOUS_RELEASE_TRACE = ""
            + "010000001a30314a4e513030303030303030303030303030504152454e54310000000965746c2f6461696c7900000003"
            + "000001955193de00000001955193de000000019551947a400000019551947a4003000000000000000601000001955194"
            + "7a400000001a30314a4e5130303030303030303030303030303030303045303600000001450000000673657276657200"
            + "0000037469640000000848545450203c2a3e00000007676176652075700000000002000000086cc3a464745fc3bc0000"
            + "0004687474707fffffffffffffff80000000000000008000000000000000ffffffff0000000195519430080000000001"
            + "0000001a30314a4e5130303030303030303030303030303030434d443031000000010000019551940510030000019551"
            + "942c201400000008776f726b65722d31000000000000251c010000019551942c200000001a30314a4e51303030303030"
            + "30303030303030303030303045303300000009487474704572726f720000000673657276657200000003746964000000"
            + "0848545450203c2a3e0000001b48545450203530332066726f6d206170692d3720e2809420e29c97000000056f746865"
            + "7200000004687474707fffffffffffffff80000000000000008000000000000000ffffffff0000000195519453300000"
            + "0000010000001a30314a4e5130303030303030303030303030303030434d443032000000027fffffffffffffff000000"
            + "0195519453300300000008776f726b65722d3100000000000004d200";

    private static TraceState fixedTrace() {
        TraceState s = new TraceState();
        String cmd = "01JNQ0000000000000000CMD01";
        s.fold(fixed("E01", null, null, null, "playbook.started", null, 0, null, null));
        s.fold(fixed("E02", "lädt_ü", cmd, 1, "command.started", "RUNNING", 10, null, null));
        s.fold(fixed("E03", "lädt_ü", cmd, 1, "call.error", "FAILED", 20, 9500L,
                new ErrorInfo("HttpError", "HTTP 503 from api-7 — ✗", "trace", true)));
        s.fold(fixed("E04", "lädt_ü", cmd, 1, "retry.scheduled", null, 21, null, null));
        s.fold(fixed("E05", "other", "01JNQ0000000000000000CMD02", 2, "call.done", "COMPLETED", 30, 1234L, null));
        s.fold(fixed("E06", null, null, null, "playbook.failed", "FAILED", 40, null,
                new ErrorInfo("E", "gave up", null, null)));
        return s;
    }

    private static NormalizedEvent fixed(String id, String step, String cmd, Integer attempt, String type,
            String status, int sec, Long duration, ErrorInfo error) {
        Instant t = T0.plusSeconds(sec);
        return new NormalizedEvent("01JNQ000000000000000000" + id, FIXED_EXEC, "01JNQ00000000000000PARENT1", null,
                cmd, "etl/daily", 3, step, step == null ? null : "http", type, null, status, t, t, duration, attempt,
                "worker-1", null, error, null, null, error == null ? null : "server", error == null ? null : "tid",
                error == null ? null : "HTTP <*>", null);
    }

    private static NormalizedEvent event(String exec, String step, String cmd, String type, String status, int sec,
            ErrorInfo error) {
        Instant t = T0.plusSeconds(sec);
        return new NormalizedEvent(Ulid.next(), exec, null, null, cmd, "etl/daily", 1, step,
                step == null ? null : "http", type, null, status, t, t, null, cmd == null ? null : 1, "worker-1",
                null, error, null, null, error == null ? null : "server", error == null ? null : "tid",
                error == null ? null : "HTTP <*>", null);
    }
}
