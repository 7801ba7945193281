package io.noetl.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the version of the app and of the JVM it runs on. */
@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** {@code Implementation-Version} of the app jar, or {@code dev} when run from classes. */
    public static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("noetl " + version() + " (java " + Runtime.version() + ")");
        return 0;
    }

    /** Answers {@code --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"noetl " + version()};
        }
    }
}
