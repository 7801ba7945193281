package io.noetl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessesTest {

    @TempDir
    Path dir;

    @Test
    void tailGivesTheLastLinesOfALog() throws Exception {
        Path log = Files.writeString(dir.resolve("server.log"), "one\ntwo\nthree\nfour\n");
        assertThat(ChildProcesses.tail(log, 2)).isEqualTo("three\nfour");
        assertThat(ChildProcesses.tail(log, 10)).isEqualTo("one\ntwo\nthree\nfour");
    }

    @Test
    void tailOfAMissingLogIsEmpty() {
        assertThat(ChildProcesses.tail(dir.resolve("none.log"), 5)).isEmpty();
    }

    @Test
    void startAppendsTheChildsOutputToItsLogInANewFolder() throws Exception {
        Path log = dir.resolve("logs/child.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "earlier\n");
        Process echo = ChildProcesses.start(List.of("sh", "-c", "pwd; echo oops >&2"), dir, log, "echo");
        assertThat(echo.waitFor()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly("earlier", dir.toRealPath().toString(), "oops");

        Path fresh = dir.resolve("new/folder/child.log");
        assertThat(ChildProcesses.start(List.of("true"), null, fresh, "true").waitFor()).isZero();
        assertThat(fresh).exists();
    }

    @Test
    void startThatCannotRunNamesWhatItStarted() {
        assertThatThrownBy(() -> ChildProcesses.start(List.of(dir.resolve("missing").toString()), null,
                dir.resolve("x.log"), "the missing server on port 1"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("start the missing server on port 1");
    }

    @Test
    void stopEndsAProcessThatObeysSigterm() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        long t0 = System.nanoTime();
        ChildProcesses.stop(sleeper, Duration.ofSeconds(10), "sleep");
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stopKillsAProcessThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        Path ready = dir.resolve("ready");
        Process stubborn = new ProcessBuilder("sh", "-c", "trap '' TERM; touch " + ready + "; sleep 60 & wait")
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.exists(ready) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        ChildProcesses.stop(stubborn, Duration.ofMillis(300), "stubborn shell");
        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void stopOfAnExitedOrMissingProcessDoesNothing() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        ChildProcesses.stop(done, Duration.ofSeconds(1), "true");
        ChildProcesses.stop(null, Duration.ofSeconds(1), "nothing");
        assertThat(done.exitValue()).isZero();
    }
}
