package io.noetl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./noetl} launcher, run as a user runs it: from a folder of their own. */
class LauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    @Test
    @DisplayName("a relative path given to a command is the caller's, not the product folder's")
    void relativePathsResolveFromTheCallersFolder(@TempDir Path caller) throws Exception {
        Path mine = Files.createDirectories(caller.resolve("my_playbooks"));
        Files.writeString(mine.resolve("hello.yaml"), """
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: hello, path: mine/hello}
                workflow:
                  - step: start
                """);
        Result r = run(caller, "compat", "my_playbooks");
        assertThat(r.output()).doesNotContain("no such folder");
        assertThat(r.output()).contains("found 1 playbooks under 1 folder(s)");

        Result missing = run(caller, "compat", "not_here");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.output()).contains("no such folder: not_here");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path cwd, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = ROOT.resolve("noetl").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("NOETL_API", "http://127.0.0.1:1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(p.exitValue(), output);
    }
}
