package io.noetl.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmIT {

    /** A main that writes its other arguments into the file named by the first, then runs for a minute. */
    public static final class Sleeper {

        private Sleeper() {
        }

        public static void main(String[] args) throws Exception {
            Files.writeString(Path.of(args[0]), "sleeper " + String.join(" ", List.of(args).subList(1, args.length)));
            Thread.sleep(60_000);
        }
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("a child JVM runs the named main with its arguments and exits when the parent's end of stdin closes")
    void childExitsWhenItsStdinCloses() throws Exception {
        Path started = dir.resolve("started");
        Process child = ChildJvm.start("64m", dir.resolve("child.log"), ChildJvmMain.class.getName(),
                Sleeper.class.getName(), started.toString(), "a", "b");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(started) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
            assertThat(Files.readString(started)).isEqualTo("sleeper a b");
            assertThat(child.isAlive()).isTrue();

            child.getOutputStream().close();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(1);
        } finally {
            child.destroyForcibly();
        }
    }
}
