package io.noetl.insights.recommend;

import io.noetl.insights.diagnosis.Finding;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.playbook.Step;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.StepQuantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What to change after a failure, from its class, the step as written and the step's history: retry what recovers
 * (and only that), fail fast on what never does, give time limits the durations justify. Every recommendation says
 * why and carries a YAML patch of the step.
 */
public final class Recommender {

    /** Classes a later attempt may get past: the dependency or the machine may be back. */
    static final Set<ErrorClass> TRANSIENT = Set.of(ErrorClass.CONNECTION, ErrorClass.DEPENDENCY_5XX,
            ErrorClass.RATE_LIMITED, ErrorClass.TIMEOUT, ErrorClass.RESOURCE_EXHAUSTED);
    /** Runs needed before "never recovered" is evidence enough to stop retrying a class. */
    static final int MIN_RUNS = 3;
    static final int MAX_ATTEMPTS = 6;

    /** Tool time limit when a step sets none (the worker's {@code NOETL_TOOL_TIMEOUT} default). */
    private static final long DEFAULT_TIMEOUT_MS = 300_000;

    /** @return recommendations for the finding, most useful first; empty when there is nothing to change */
    public List<Recommendation> recommend(Finding f, Optional<Step> step, StepHistory history) {
        if (f.step() == null || f.errorClass() == null) {
            return List.of();
        }
        List<Recommendation> out = new ArrayList<>();
        ErrorClass c = f.errorClass();
        String wire = c.wireName();
        switch (c) {
            case CONNECTION, DEPENDENCY_5XX, RATE_LIMITED -> {
                exhausted(f, step, out);
                retryOrNot(f, history, out);
            }
            case TIMEOUT -> {
                timeLimit(f, step, history, out);
                retryOrNot(f, history, out);
            }
            case RESOURCE_EXHAUSTED -> resources(f, step, out);
            case AUTH -> out.add(failFast(f, "Check the credentials the step sends (its keychain entries and "
                    + "headers): the dependency rejected them, and retrying the same ones cannot succeed.", wire));
            case PERMISSION -> out.add(failFast(f, "Grant the step's identity the access it lacks (the file, the "
                    + "table or the API scope named in the error); retrying cannot help.", wire));
            case NOT_FOUND -> out.add(failFast(f, "Create what the step names or fix the name: the table, file or "
                    + "URL does not exist where the step looks.", wire));
            case BAD_REQUEST -> out.add(failFast(f, "Fix what the step sends (its SQL, request body, arguments or "
                    + "templates): the receiver refused it as malformed, the same call fails every time.", wire));
            case VALIDATION -> out.add(failFast(f, "Fix the data or the contract it broke (a schema, a constraint, "
                    + "an assertion on a response): the same input fails every time.", wire));
            case CODE_ERROR -> out.add(failFast(f, "Fix the step's code where it raised " + type(f) + ": a bug "
                    + "fails every attempt alike.", wire));
            case DATA_QUALITY -> dataQuality(f, out);
            default -> {
                // cancelled: a person's or a parent's choice; unknown: nothing to stand on
            }
        }
        return out;
    }

    /**
     * The step already retries this class and every attempt failed: the dependency itself needs a look first (named
     * from the error), and a slower retry rides out a restart.
     */
    private static void exhausted(Finding f, Optional<Step> step, List<Recommendation> out) {
        int tried = f.attempts().size();
        if (tried < 2 || step.isEmpty() || !retries(step.get(), f.errorClass())) {
            return;
        }
        String target = Dependencies.named(f.error() == null ? null : f.error().message()).orElse("the dependency");
        int attempts = Math.min(MAX_ATTEMPTS, tried + 2);
        out.add(new Recommendation("Check " + target + ": it failed all " + tried + " attempts the step's retry "
                + "policy already makes; then let step " + f.step() + " wait longer between attempts.",
                "every attempt of " + f.step() + " ended in " + f.errorClass().wireName() + ": " + quote(
                        f.error() == null ? null : f.error().message()),
                StepPatch.retry(f.step(), List.of(f.errorClass().wireName()), attempts, true, 5)));
    }

    /** Whether one of the step's rules retries errors of this class (by class, by HTTP status, or every error). */
    static boolean retries(Step step, ErrorClass c) {
        if (step.spec() == null || step.spec().policy() == null) {
            return false;
        }
        for (io.noetl.schemas.playbook.PolicyRule rule : step.spec().policy()) {
            if (rule.action() != io.noetl.schemas.playbook.PolicyRule.Action.RETRY) {
                continue;
            }
            String when = rule.when() == null ? "" : rule.when();
            if (when.isBlank() || when.contains(c.wireName()) || (when.contains("status")
                    && (c == ErrorClass.DEPENDENCY_5XX || c == ErrorClass.RATE_LIMITED))) {
                return true;
            }
        }
        return false;
    }

    private static void retryOrNot(Finding f, StepHistory history, List<Recommendation> out) {
        String wire = f.errorClass().wireName();
        Optional<ClassRecovery> seen = history.of(wire);
        if (seen.isPresent() && seen.get().runs() >= MIN_RUNS && seen.get().recovered() == 0) {
            ClassRecovery r = seen.get();
            out.add(new Recommendation("Stop retrying " + wire + " errors of step " + f.step()
                    + " and fix the dependency instead.", "none of " + r.runs() + " runs of " + f.step() + " that met "
                    + "a " + wire + " error succeeded on a later attempt", StepPatch.failFast(f.step(), List.of(wire))));
            return;
        }
        List<String> classes = new ArrayList<>();
        classes.add(wire);
        for (ClassRecovery r : history.recovery()) {
            ErrorClass other = ErrorClass.fromWire(r.errorClass());
            if (r.recovered() > 0 && TRANSIENT.contains(other) && !classes.contains(r.errorClass())
                    && other != ErrorClass.RESOURCE_EXHAUSTED) {
                classes.add(r.errorClass());
            }
        }
        if (classes.size() == 1 && f.errorClass() == ErrorClass.DEPENDENCY_5XX) {
            classes.add(ErrorClass.RATE_LIMITED.wireName());
        }
        int attempts = 3;
        String why;
        if (seen.isPresent() && seen.get().recovered() > 0) {
            ClassRecovery r = seen.get();
            attempts = Math.min(MAX_ATTEMPTS, Math.max(3, r.maxAttempt()));
            why = r.recovered() + " of " + r.runs() + " runs that met a " + wire + " error succeeded on a later "
                    + "attempt (median attempt " + r.medianAttempt() + ", at most " + r.maxAttempt() + ")";
        } else {
            why = wire + " errors are often passing (a dependency restarting, throttling or overloaded)";
        }
        int tried = f.attempts().size();
        if (tried >= attempts) {
            attempts = Math.min(MAX_ATTEMPTS, tried + 2);
            why += "; this run failed all " + tried + " attempts, so the dependency may need attention first";
        }
        boolean rate = f.errorClass() == ErrorClass.RATE_LIMITED;
        out.add(new Recommendation("Retry step " + f.step() + " on " + String.join(" and ", classes) + " errors, "
                + attempts + " attempts with exponential backoff.", why,
                StepPatch.retry(f.step(), classes, attempts, true, rate ? 2 : 1)));
    }

    private static void timeLimit(Finding f, Optional<Step> step, StepHistory history, List<Recommendation> out) {
        Long configured = step.map(s -> s.spec() == null ? null : s.spec().timeoutMs()).orElse(null);
        long limitMs = configured != null ? configured : DEFAULT_TIMEOUT_MS;
        StepQuantiles q = history.quantiles();
        if (q != null && q.attempts() > 0 && q.p99Ms() > 0) {
            long proposed = Math.max(1, (long) Math.ceil(q.p99Ms() * 1.5 / 1000.0));
            if (proposed * 1000 > limitMs) {
                out.add(new Recommendation("Raise the time limit of step " + f.step() + " to " + StepPatch.human(proposed)
                        + ".", String.format(Locale.ROOT, "its p99 over %d attempts is %.0f ms (p95 %.0f ms) against "
                        + "a limit of %d ms", q.attempts(), q.p99Ms(), q.p95Ms(), limitMs),
                        StepPatch.timeout(f.step(), proposed)));
                return;
            }
            out.add(new Recommendation("Look at what made this attempt of step " + f.step() + " slow: its usual "
                    + "durations fit the limit.", String.format(Locale.ROOT, "p99 over %d attempts is %.0f ms, the "
                    + "limit %d ms", q.attempts(), q.p99Ms(), limitMs), null));
            return;
        }
        if (configured != null) {
            long doubled = Math.max(1, configured * 2 / 1000);
            out.add(new Recommendation("Give step " + f.step() + " more time, e.g. " + StepPatch.human(doubled) + ".",
                    "it ran past its limit of " + configured + " ms; no duration history is available yet",
                    StepPatch.timeout(f.step(), doubled)));
        }
    }

    private static void resources(Finding f, Optional<Step> step, List<Recommendation> out) {
        Integer inFlight = step.map(Step::loop).map(l -> l.maxInFlight()).orElse(null);
        if (inFlight != null && inFlight > 1) {
            int half = Math.max(1, inFlight / 2);
            out.add(new Recommendation("Run fewer loop items of step " + f.step() + " at once (" + half + ").",
                    "the step ran out of a limited resource with " + inFlight + " items in flight",
                    StepPatch.maxInFlight(f.step(), half)));
        }
        out.add(new Recommendation("Retry step " + f.step() + " after a pause, and lower its batch size or "
                + "concurrency.", "memory, disk, handles or a pool ran out; a later attempt may find them free",
                StepPatch.retry(f.step(), List.of(ErrorClass.RESOURCE_EXHAUSTED.wireName()), 3, false, 10)));
    }

    private static void dataQuality(Finding f, List<Recommendation> out) {
        if (f.mode() == Finding.Mode.REJECTED) {
            out.add(new Recommendation("Fix the data the reviewer rejected at step " + f.step() + ", and route "
                    + "rejections to a step that sets the data aside instead of failing the run.",
                    f.error() == null ? "a person rejected the data" : f.error().message(),
                    StepPatch.onReject(f.step(), "quarantine_data")));
            return;
        }
        out.add(failFast(f, "Look at the data that failed the check at step " + f.step() + " and fix it upstream; "
                + "re-running the same data fails the same way.", f.errorClass().wireName()));
    }

    private static Recommendation failFast(Finding f, String action, String wire) {
        String why = (f.error() == null ? "the error" : quote(f.error().message())) + " is a " + wire
                + " error: it does not pass by itself";
        if (f.attempts().size() > 1) {
            why += "; " + f.attempts().size() + " attempts all failed alike";
        }
        return new Recommendation(action, why, StepPatch.failFast(f.step(), List.of(wire)));
    }

    private static String type(Finding f) {
        return f.error() == null || f.error().type() == null ? "an error" : f.error().type();
    }

    private static String quote(String s) {
        if (s == null) {
            return "the error";
        }
        String one = s.strip().replace('\n', ' ');
        return "\"" + (one.length() > 160 ? one.substring(0, 159) + "…" : one) + "\"";
    }
}
