package io.noetl.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.ApiException;
import io.noetl.app.client.NoetlClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Registers playbook files with a running server ({@code NOETL_API}). */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register playbook YAML files with a running server (NOETL_API, default "
                + NoetlClient.DEFAULT_API + ").")
public final class RegisterCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "playbook files")
    private List<Path> files;

    public RegisterCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
        }
        NoetlClient client = NoetlClient.fromEnv(env);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path file : files) {
            try {
                JsonNode answer = client.register(Files.readString(file));
                out.println("registered " + answer.path("path").asText(file.toString())
                        + " version " + answer.path("version").asText("?") + " (" + file + ")");
            } catch (ApiException e) {
                if (e.status() == 0) {
                    throw e;
                }
                err.println(file + ": " + e.describe());
                failed++;
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
