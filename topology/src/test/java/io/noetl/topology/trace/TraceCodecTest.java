package io.noetl.topology.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.NormalizedEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    @DisplayName("bytes of another version are refused")
    void unknownVersionRefused() {
        assertThatThrownBy(() -> TraceCodec.decode(new byte[] {9})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    @DisplayName("the writer lays out numbers and strings byte for byte as DataOutputStream does")
    void writerMatchesDataOutputStream() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        ByteWriter w = new ByteWriter(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        String[] strings = {"", "ascii", "ünïcødé", "emoji 😀 pair", null, "x".repeat(300)};
        for (int i = 0; i < 2_000; i++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    int v = r.nextInt();
                    w.writeInt(v);
                    d.writeInt(v);
                }
                case 1 -> {
                    long v = r.nextLong();
                    w.writeLong(v);
                    d.writeLong(v);
                }
                case 2 -> {
                    int v = r.nextInt(256);
                    w.writeByte(v);
                    d.writeByte(v);
                }
                case 3 -> {
                    boolean v = r.nextBoolean();
                    w.writeBoolean(v);
                    d.writeBoolean(v);
                }
                default -> {
                    String s = strings[r.nextInt(strings.length)];
                    w.writeString(s);
                    if (s == null) {
                        d.writeInt(-1);
                    } else {
                        byte[] b = s.getBytes(StandardCharsets.UTF_8);
                        d.writeInt(b.length);
                        d.write(b);
                    }
                }
            }
        }
        assertThat(w.toByteArray()).isEqualTo(bytes.toByteArray());
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
