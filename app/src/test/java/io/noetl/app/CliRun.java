package io.noetl.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The CLI run in this JVM as a user runs it, with what it prints kept for assertions. */
public final class CliRun {

    private final Map<String, String> env;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** @param env the environment every run of this instance sees */
    public CliRun(Map<String, String> env) {
        this.env = env;
    }

    /** Runs {@code noetl <args>}; what it prints adds to {@link #out()} and {@link #err()}. */
    public int run(String... args) {
        return Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Everything the runs printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** Everything the runs printed on standard error. */
    public String err() {
        return err.toString();
    }
}
