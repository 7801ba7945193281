package io.noetl.stores.analytics;

import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import java.util.List;

/**
 * Records to write in one call; any list may be empty, none null.
 *
 * @param events      normalized events ({@code noetl.events})
 * @param traces      execution traces ({@code noetl.traces}); several versions of one execution may appear
 * @param stepMetrics step metric windows ({@code noetl.metrics.step})
 * @param alerts      alerts ({@code noetl.alerts})
 * @param decisions   decisions, taken from {@code decision.recorded} events
 */
public record AnalyticsBatch(List<NormalizedEvent> events, List<ExecutionTrace> traces,
        List<StepMetrics> stepMetrics, List<Alert> alerts, List<DecisionRow> decisions) {

    /** A batch with nothing in it. */
    public static final AnalyticsBatch EMPTY = new AnalyticsBatch(List.of(), List.of(), List.of(), List.of(),
            List.of());

    public AnalyticsBatch {
        events = List.copyOf(events);
        traces = List.copyOf(traces);
        stepMetrics = List.copyOf(stepMetrics);
        alerts = List.copyOf(alerts);
        decisions = List.copyOf(decisions);
    }

    /** @return the number of records in all lists */
    public int size() {
        return events.size() + traces.size() + stepMetrics.size() + alerts.size() + decisions.size();
    }

    public static AnalyticsBatch ofEvents(List<NormalizedEvent> events) {
        return new AnalyticsBatch(events, List.of(), List.of(), List.of(), List.of());
    }
}
