package io.noetl.server.runtime;

import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.server.catalog.Catalog;
import io.noetl.server.catalog.CatalogEntry;
import io.noetl.server.engine.ChildStart;
import io.noetl.server.nats.Publisher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sub-playbook executions a transition asked for. A child whose playbook is not in the catalog
 * is reported to its parent as a {@code playbook.failed} event of the child, so the parent's step fails
 * through the normal path instead of waiting forever.
 */
final class ChildLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ChildLauncher.class);

    interface Launch {
        ExecutionRuntime.Advanced launch(String executionId, CatalogEntry entry, Map<String, Object> workload,
                                         String parentId, String parentStep);
    }

    private final Launch launch;
    private final Catalog catalog;
    private final Publisher publisher;

    ChildLauncher(Launch launch, Catalog catalog, Publisher publisher) {
        this.launch = launch;
        this.catalog = catalog;
        this.publisher = publisher;
    }

    CompletableFuture<Void> startAll(List<ChildStart> starts) {
        return CompletableFuture.allOf(starts.stream().map(this::start).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> start(ChildStart c) {
        Optional<CatalogEntry> entry = catalog.resolve(c.playbookPath(), c.playbookVersion());
        if (entry.isEmpty()) {
            String why = "playbook '" + c.playbookPath() + "'"
                    + (c.playbookVersion() == null ? "" : " version " + c.playbookVersion()) + " not found";
            LOG.warn("sub-playbook of execution {} step {}: {}", c.parentExecutionId(), c.parentStep(), why);
            return publisher.publishEvent(Event.builder(EventTypes.PLAYBOOK_FAILED, c.executionId())
                    .parentExecutionId(c.parentExecutionId())
                    .playbookPath(c.playbookPath())
                    .playbookVersion(c.playbookVersion())
                    .status(Status.FAILED.name())
                    .error(ErrorInfo.fatal("PlaybookNotFound", why))
                    .meta(Map.of("parent_step", c.parentStep()))
                    .build());
        }
        Map<String, Object> workload = c.workload() == null ? Map.of() : c.workload();
        return launch.launch(c.executionId(), entry.get(), workload, c.parentExecutionId(), c.parentStep()).published();
    }
}
