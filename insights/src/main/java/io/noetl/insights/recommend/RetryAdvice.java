package io.noetl.insights.recommend;

import io.noetl.schemas.error.ErrorClass;
import io.noetl.stores.analytics.ClassRecovery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A step's retry policy from how its runs ended per error class: retry the classes whose runs recovered on a later
 * attempt (as many attempts as the slowest recovery needed), never retry classes that never recovered.
 */
public final class RetryAdvice {

    private RetryAdvice() {
    }

    /** @return a retry rule for the classes that recovered, if any did */
    public static Optional<Recommendation> retry(String step, List<ClassRecovery> recovery) {
        List<String> classes = new ArrayList<>();
        int attempts = 0;
        long runs = 0;
        long recovered = 0;
        for (ClassRecovery r : recovery) {
            if (r.recovered() > 0 && Recommender.TRANSIENT.contains(ErrorClass.fromWire(r.errorClass()))) {
                classes.add(r.errorClass());
                attempts = Math.max(attempts, r.maxAttempt());
                runs += r.runs();
                recovered += r.recovered();
            }
        }
        if (classes.isEmpty()) {
            return Optional.empty();
        }
        attempts = Math.min(Recommender.MAX_ATTEMPTS, Math.max(2, attempts));
        boolean rate = classes.contains(ErrorClass.RATE_LIMITED.wireName());
        return Optional.of(new Recommendation("Retry step " + step + " on " + String.join(" and ", classes)
                + " errors, " + attempts + " attempts with exponential backoff.", recovered + " of " + runs
                + " runs that met them succeeded on a later attempt, at attempt " + attempts + " at the latest",
                StepPatch.retry(step, classes, attempts, true, rate ? 2 : 1)));
    }

    /** @return a fail-fast rule for the classes whose runs never recovered (with enough runs to tell) */
    public static Optional<Recommendation> failFast(String step, List<ClassRecovery> recovery) {
        List<String> classes = new ArrayList<>();
        long runs = 0;
        for (ClassRecovery r : recovery) {
            if (r.runs() >= Recommender.MIN_RUNS && r.recovered() == 0 && r.errorClass() != null
                    && ErrorClass.fromWire(r.errorClass()) != ErrorClass.UNKNOWN) {
                classes.add(r.errorClass());
                runs += r.runs();
            }
        }
        if (classes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Recommendation("Never retry " + String.join(" or ", classes) + " errors of step "
                + step + ": fail at once.", "none of " + runs + " runs that met them succeeded on a later attempt",
                StepPatch.failFast(step, classes)));
    }
}
