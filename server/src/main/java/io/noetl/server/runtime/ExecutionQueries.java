package io.noetl.server.runtime;

import io.noetl.schemas.Status;
import io.noetl.server.engine.ExecutionState;
import java.util.ArrayList;
import java.util.List;

/** Read side for the REST API: lists stored executions, newest first, with filters and an id cursor. */
public final class ExecutionQueries {

    private final ExecutionStore store;

    ExecutionQueries(ExecutionStore store) {
        this.store = store;
    }

    /** One page of executions and the cursor of the next page (null on the last). */
    public record Page(List<ExecutionState> items, String next) {
    }

    /**
     * @param status   only executions in this status, or null
     * @param playbook only executions of this playbook path, or null
     * @param limit    page size (≥ 1)
     * @param cursor   the {@code next} of the previous page (an execution id), or null for the first page
     */
    public Page list(Status status, String playbook, int limit, String cursor) {
        List<String> ids = new ArrayList<>(store.ids());
        List<ExecutionState> items = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String id = ids.get(i);
            if (cursor != null && id.compareTo(cursor) >= 0) {
                continue;
            }
            ExecutionStore.Stored stored = store.load(id);
            if (stored == null) {
                continue;
            }
            ExecutionState s = stored.state();
            if ((status == null || s.status() == status) && (playbook == null || playbook.equals(s.playbookPath()))) {
                if (items.size() == limit) {
                    return new Page(items, items.get(limit - 1).executionId());
                }
                items.add(s);
            }
        }
        return new Page(items, null);
    }
}
