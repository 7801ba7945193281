package io.noetl.app.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.noetl.app.insight.ScenarioRunner.Outcome;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.testkit.NatsTestServer;
import io.noetl.testkit.PostgresTestDatabase;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The diagnosis quality bar, measured on live executions: every scenario's playbook runs on a real server and worker
 * (private nats-server, the PostgreSQL test server, an HTTP service written here), and
 * {@code GET /api/executions/{id}/diagnosis} must name the scenario's class and failing step. The scenarios are
 * split in two halves by a hash of their name (rules were tuned on half 0; half 1 is held out); both halves' figures
 * are logged on one line.
 */
class DiagnosisScenariosIT {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosisScenariosIT.class);
    private static final double BAR = 0.90;
    private static final int PARALLEL = 24;

    private static FakeApi api;
    private static PgFixture pg;
    private static ServerRole server;
    private static WorkerRole worker;
    private static ScoreCard card;
    private static final Set<String> REGISTERED = new HashSet<>();

    @BeforeAll
    static void runEveryScenario() throws Exception {
        pg = PgFixture.startOrNull();
        if (pg == null && PostgresTestDatabase.required()) {
            throw new IllegalStateException("PostgreSQL is required (NOETL_TEST_PG_REQUIRED=1) but "
                    + PostgresTestDatabase.jdbcUrl() + " is unreachable");
        }
        Path dataDir = Files.createTempDirectory("noetl-diagnosis-it");
        Map<String, String> env = new HashMap<>();
        env.put("NATS_URL", NatsTestServer.shared().url());
        env.put("NOETL_STREAM_PREFIX", "diag" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL)
                + "_");
        env.put("NOETL_HTTP_PORT", "0");
        env.put("NOETL_REAPER_INTERVAL", "1s");
        env.put("NOETL_DATA_DIR", dataDir.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", ""));
        server = ServerRole.start(ServerConfig.fromEnv(env));
        worker = WorkerRole.start(WorkerConfig.fromEnv(env));
        api = FakeApi.start();

        int closedPort = closedPort();
        Map<String, Object> workload = new HashMap<>();
        workload.put("api", api.baseUrl());
        workload.put("plain_text_https", api.plainTextUrl());
        workload.put("closed_url", "http://127.0.0.1:" + closedPort);
        workload.put("tmp", dataDir.toString());
        if (pg != null) {
            workload.putAll(pg.workload(closedPort));
        }
        List<Scenario> scenarios = ScenarioSet.all().stream().filter(DiagnosisScenariosIT::runnable).toList();
        ScenarioRunner runner = new ScenarioRunner("http://127.0.0.1:" + server.httpPort(), workload,
                Duration.ofSeconds(90));
        for (Scenario s : scenarios) {
            api.route(s.name(), s.replies());
            runner.register(s);
            REGISTERED.add(s.name());
        }
        long start = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<Outcome>> futures = scenarios.stream().map(s -> pool.submit(() -> runner.run(s))).toList();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        }
        card = new ScoreCard(outcomes);
        LOG.info("{} scenarios in {} s\n{}\n{}{}\n{}", outcomes.size(), (System.nanoTime() - start) / 1_000_000_000,
                card.table(), card.byTool(), card.headline(), card.misses());
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (server != null) {
            server.close();
        }
        if (api != null) {
            api.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @DisplayName("the diagnosis names the right class and failing step for at least 90% of the scenarios")
    void diagnosisMeetsTheQualityBar() {
        assertThat(card.outcomes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(card.classAccuracy()).as(card.misses()).isGreaterThanOrEqualTo(BAR);
        assertThat(card.stepAccuracy()).as(card.misses()).isGreaterThanOrEqualTo(BAR);
    }

    @Test
    @DisplayName("every scenario ran to an end and was diagnosed")
    void everyScenarioWasDiagnosed() {
        assertThat(card.outcomes()).allSatisfy(o -> assertThat(o.status()).as(o.scenario().name() + ": "
                + o.summary()).isIn("COMPLETED", "FAILED", "CANCELLED"));
    }

    @Test
    @DisplayName("the PostgreSQL scenarios ran against the test database")
    void postgresScenariosRan() {
        assumeTrue(pg != null, "PostgreSQL unreachable at " + PostgresTestDatabase.jdbcUrl());
        assertThat(REGISTERED).contains("pg_missing_table", "pg_permission_denied_table", "pg_statement_timeout");
    }

    @Test
    @DisplayName("every class of the taxonomy but unknown is expected by several scenarios")
    void everyClassIsCovered() {
        Map<String, Long> perClass = new HashMap<>();
        ScenarioSet.all().forEach(s -> perClass.merge(s.expectedClass(), 1L, Long::sum));
        for (ErrorClass c : ErrorClass.values()) {
            if (c != ErrorClass.UNKNOWN) {
                assertThat(perClass.getOrDefault(c.wireName(), 0L)).as(c.wireName()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    private static boolean runnable(Scenario s) {
        return switch (s.needs()) {
            case NOTHING -> true;
            case POSTGRES -> pg != null;
            case POSTGRES_PASSWORDS -> pg != null && pg.passwordsEnforced();
        };
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
