package io.noetl.insights.recommend;

import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.StepQuantiles;
import java.util.List;
import java.util.Optional;

/**
 * What the analytics store knows of one step across runs (empty when it could not be read).
 *
 * @param recovery  how runs that met each error class ended
 * @param quantiles the step's attempt durations, or null
 */
public record StepHistory(List<ClassRecovery> recovery, StepQuantiles quantiles) {

    public static final StepHistory NONE = new StepHistory(List.of(), null);

    public StepHistory {
        recovery = recovery == null ? List.of() : List.copyOf(recovery);
    }

    /** @return how runs that met errors of this class ended, if any did */
    public Optional<ClassRecovery> of(String errorClass) {
        return recovery.stream().filter(r -> r.errorClass() != null && r.errorClass().equals(errorClass)).findFirst();
    }
}
