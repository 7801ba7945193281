package io.noetl.app.admin;

import io.noetl.app.infra.Lifecycle;
import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.sink.replay.ReplayService;
import io.noetl.sink.replay.ReplaySettings;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Serves replays of a running sink's indexes through the admin routes. */
public final class AdminReplay {

    /** Added to the sink's batch time: the longest a live batch write is expected to take. */

    private AdminReplay() {
    }

    /**
     * Attaches a {@link ReplayService} over {@code sink}'s indexes to {@code routes}; {@code life} stops running
     * replays and detaches it before the indexes close.
     */
    public static ReplayService serve(SinkIndexes sink, String bootstrapServers, Map<String, String> env,
            ReindexRoutes routes, Lifecycle life) {
        Map<IndexTarget, SinkIndex> byTarget = new EnumMap<>(IndexTarget.class);
        sink.list().forEach(i -> byTarget.put(i.target(), i));
        ReplayService service = new ReplayService(byTarget, ReplaySettings.fromEnv(env, bootstrapServers),
                Clock.systemUTC());
        routes.attach(service);
        life.add(() -> {
            routes.detach();
            service.close();
        });
        return service;
    }

}
