package io.noetl.app.bench.insights;

import io.noetl.insights.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * What the benchmark's clients ask: executions of the sample (diagnosis, similar failures), playbooks over the last
 * week or month (insights), and natural-language searches over failures (most), executions and playbooks, some
 * filtered on a playbook, many stating a time ("last week", "yesterday").
 *
 * @param ids   executions to diagnose
 * @param paths playbook paths
 * @param now   the time the history ends
 */
record Workload(List<String> ids, List<String> paths, Instant now) {

    /** One search. */
    record Query(String text, Search.Kind kind, Search.Filters filters) {
    }

    private static final List<String> FAILURE_QUERIES = List.of(
            "warehouse connection refused last week",
            "payments API timeouts yesterday",
            "rate limited by ads-api in the past 3 days",
            "out of memory while aggregating",
            "no space left on device during archive",
            "permission denied writing the archive",
            "duplicate key when loading invoices",
            "staging table does not exist",
            "password authentication failed for etl_loader this week",
            "access token expired calling crm-gateway",
            "503 from helpdesk-api last week",
            "statement timeout loading ledger",
            "KeyError in transform",
            "bad gateway errors in the last 24 hours",
            "null values failed the quality check",
            "feature-store read timed out",
            "connection slots exhausted on warehouse-db",
            "parquet files not found last month",
            "orders-api 429 too many requests",
            "TypeError NoneType in compute");
    private static final List<String> EXECUTION_QUERIES = List.of(
            "failed executions of billing daily load",
            "reconcile runs that timed out last week",
            "sync failed at the merge step",
            "export runs out of memory in aggregate");
    private static final List<String> PLAYBOOK_QUERIES = List.of(
            "playbook that archives tickets",
            "daily load of invoices",
            "reconcile the ledger");

    Workload {
        if (ids.isEmpty() || paths.isEmpty()) {
            throw new IllegalArgumentException("the workload needs executions and playbooks, got " + ids.size()
                    + " and " + paths.size());
        }
        ids = List.copyOf(ids);
        paths = List.copyOf(paths);
    }

    String execution(Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    String playbook(Random random) {
        return paths.get(random.nextInt(paths.size()));
    }

    /** @return the start of a playbook insights window: a week or a month back */
    Instant since(Random random) {
        return now.minus(Duration.ofDays(random.nextBoolean() ? 7 : History.DAYS));
    }

    Query query(Random random) {
        double r = random.nextDouble();
        if (r < 0.1) {
            return new Query(pick(PLAYBOOK_QUERIES, random), Search.Kind.PLAYBOOKS, Search.Filters.NONE);
        }
        if (r < 0.3) {
            return new Query(pick(EXECUTION_QUERIES, random), Search.Kind.EXECUTIONS, Search.Filters.NONE);
        }
        Search.Filters filters = random.nextDouble() < 0.25
                ? new Search.Filters(playbook(random), null, null, null, null) : Search.Filters.NONE;
        return new Query(pick(FAILURE_QUERIES, random), Search.Kind.FAILURES, filters);
    }

    private static String pick(List<String> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
