package io.noetl.app.compat;

import java.time.Duration;
import java.util.List;

/** What became of one playbook file: rejected by the server, not run (needs something elsewhere), or run. */
public sealed interface Verdict permits Verdict.Rejected, Verdict.Skipped, Verdict.Ran {

    PlaybookFile playbook();

    /**
     * The server refused to register it.
     *
     * @param message       the server's error message (with its status and code)
     * @param problems      every problem the server named ({@code path (line n): message}), possibly none
     * @param selfContained whether it would have been run had it been accepted
     */
    record Rejected(PlaybookFile playbook, String message, List<String> problems, boolean selfContained)
            implements Verdict {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Registered, not run: it needs something outside this machine.
     *
     * @param path  the catalog path it was registered under
     * @param needs what it needs, never empty
     */
    record Skipped(PlaybookFile playbook, String path, List<Dependency> needs) implements Verdict {
        public Skipped {
            needs = List.copyOf(needs);
        }
    }

    /**
     * Registered and run.
     *
     * @param path    the catalog path
     * @param version the version registered from this file (the one run)
     * @param status  the execution's settled status ({@code COMPLETED}, {@code FAILED}, {@code CANCELLED},
     *                {@code PAUSED}), {@code TIMEOUT} when it did not settle in time, {@code NOT_STARTED} when the
     *                server refused to start it
     * @param error   why it did not complete, or null
     * @param took    from the start request to the settled status
     */
    record Ran(PlaybookFile playbook, String path, int version, String status, String error, Duration took)
            implements Verdict {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }
}
