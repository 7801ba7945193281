package io.noetl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @TempDir
    Path dir;

    private final ServerProcess server = new ServerProcess("sleeper", Duration.ofSeconds(5));

    private Process sleeper() {
        return ChildProcesses.start(List.of("sleep", "60"), null, dir.resolve("sleep.log"), "sleep");
    }

    @Test
    void startRunsTheProcessUntilStopped() {
        Process p = server.start(this::sleeper, ready -> { });
        assertThat(server.isRunning()).isTrue();
        assertThat(p.isAlive()).isTrue();

        server.stop();
        assertThat(server.isRunning()).isFalse();
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    void aProcessThatDoesNotBecomeReadyIsStoppedAndTheFailureThrown() {
        AtomicReference<Process> started = new AtomicReference<>();
        assertThatThrownBy(() -> server.start(this::sleeper, p -> {
            started.set(p);
            throw new IllegalStateException("never ready");
        })).isInstanceOf(IllegalStateException.class).hasMessage("never ready");
        assertThat(started.get().isAlive()).isFalse();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void killEndsTheProcessAndAStartAfterItRunsANewOne() {
        Process first = server.start(this::sleeper, ready -> { });
        server.kill();
        assertThat(first.isAlive()).isFalse();
        assertThat(server.isRunning()).isFalse();

        Process second = server.start(this::sleeper, ready -> { });
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(server.isRunning()).isTrue();
        server.stop();
    }

    @Test
    void stopAndKillWithoutAProcessDoNothing() {
        server.stop();
        server.kill();
        assertThat(server.isRunning()).isFalse();
    }
}
