package io.noetl.server.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.execution.StepView;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.server.catalog.Catalog;
import io.noetl.server.catalog.CatalogEntry;
import io.noetl.server.engine.ExecutionState;
import io.noetl.server.engine.StepState;
import io.noetl.server.runtime.EventReader;
import io.noetl.server.runtime.ExecutionErrors;
import io.noetl.server.runtime.ExecutionRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's executions as the insights read them: the stored state and the execution's own events. */
public final class ServerExecutions implements ExecutionSource {

    private static final Logger LOG = LoggerFactory.getLogger(ServerExecutions.class);
    /** Events read per execution: enough for any diagnosis, bounded for a runaway loop. */
    static final int MAX_EVENTS = 5_000;

    private final ExecutionRuntime runtime;
    private final EventReader events;
    private final Catalog catalog;

    public ServerExecutions(ExecutionRuntime runtime, EventReader events, Catalog catalog) {
        this.runtime = runtime;
        this.events = events;
        this.catalog = catalog;
    }

    @Override
    public Optional<ExecutionView> execution(String executionId) {
        ExecutionState s;
        try {
            s = runtime.get(executionId);
        } catch (ExecutionErrors.UnknownExecution e) {
            return Optional.empty();
        }
        List<StepView> steps = new ArrayList<>(s.steps().size());
        for (StepState st : s.steps().values()) {
            steps.add(new StepView(st.name(), st.status(), st.attempts(), st.toolKind(), st.error(), st.startedAt(),
                    st.endedAt()));
        }
        return Optional.of(new ExecutionView(s.executionId(), s.playbookPath(), s.playbookVersion(),
                s.parentExecutionId(), s.status(), s.error(), s.startedAt(), s.endedAt(), steps,
                read(executionId)));
    }

    @Override
    public Optional<Playbook> playbook(String path, int version) {
        return catalog.get(path, version).map(CatalogEntry::playbook);
    }

    @Override
    public Optional<Versioned> latest(String path) {
        return catalog.latest(path).map(e -> new Versioned(e.version(), e.playbook()));
    }

    private List<Event> read(String executionId) {
        List<Event> out = new ArrayList<>();
        for (JsonNode node : events.read(executionId, MAX_EVENTS)) {
            try {
                out.add(Json.mapper().treeToValue(node, Event.class));
            } catch (JsonProcessingException e) {
                LOG.debug("event of {} not readable, left out of its diagnosis: {}", executionId, e.getMessage());
            }
        }
        return out;
    }
}
