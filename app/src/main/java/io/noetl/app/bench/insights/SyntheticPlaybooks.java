package io.noetl.app.bench.insights;

import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The benchmark's playbooks: 10 domains × 5 flows, 5 steps each (HTTP, PostgreSQL, Python, DuckDB and shell tools),
 * as YAML the catalog accepts. Each step has a profile the runs follow: a median duration, a failure rate (most
 * steps rarely fail, about half the playbooks have one flaky step), the errors it meets, its retry policy, and for
 * some steps a duration that grows day by day. Deterministic for a seed.
 */
final class SyntheticPlaybooks {

    /**
     * How one step behaves.
     *
     * @param name         step name
     * @param tool         tool kind
     * @param context      its dependencies, for error messages
     * @param p50Ms        median duration of a successful attempt at the start of the history
     * @param failRate     probability that an attempt fails
     * @param patterns     the errors it meets, the first the most common
     * @param maxAttempts  attempts its retry policy allows (1: no retry)
     * @param growthPerDay relative growth of its durations per day (0: flat)
     * @param timeoutMs    its written time limit, or null
     */
    record StepProfile(String name, String tool, ErrorPatterns.Context context, long p50Ms, double failRate,
            List<ErrorPatterns.Pattern> patterns, int maxAttempts, double growthPerDay, Long timeoutMs) {
    }

    /** One playbook: its path, its steps' profiles, its YAML and the parsed playbook. */
    record Profile(String path, List<StepProfile> steps, String yaml, Playbook playbook) {
    }

    private static final String[][] DOMAINS = {
        {"finance", "ledger", "ledger-api"}, {"billing", "invoices", "payments-api"},
        {"crm", "contacts", "crm-gateway"}, {"sales", "orders", "orders-api"}, {"marketing", "clicks", "ads-api"},
        {"support", "tickets", "helpdesk-api"}, {"ml", "features", "feature-store"}, {"ops", "backups", "backup-api"},
        {"inventory", "stock", "warehouse-api"}, {"analytics", "sessions", "events-api"}};
    /** Flow name, then the verb and tool of each of its 5 steps. */
    private static final String[][] FLOWS = {
        {"daily_load", "fetch:http", "validate:python", "load:postgres", "aggregate:duckdb", "publish:http"},
        {"sync", "extract:postgres", "transform:python", "publish:http", "merge:postgres", "archive:shell"},
        {"reconcile", "extract:postgres", "fetch:http", "reconcile:python", "aggregate:duckdb", "load:postgres"},
        {"export", "extract:postgres", "transform:python", "aggregate:duckdb", "archive:shell", "publish:http"},
        {"backfill", "fetch:http", "transform:python", "load:postgres", "check:python", "archive:shell"}};

    private SyntheticPlaybooks() {
    }

    /** @return the 50 playbooks */
    static List<Profile> all(long seed) {
        Random random = new Random(seed);
        List<Profile> out = new ArrayList<>();
        for (String[] flow : FLOWS) {
            for (String[] domain : DOMAINS) {
                out.add(profile(domain, flow, random));
            }
        }
        return List.copyOf(out);
    }

    private static Profile profile(String[] domain, String[] flow, Random random) {
        String path = domain[0] + "/" + flow[0];
        String entity = domain[1];
        int flaky = random.nextDouble() < 0.5 ? 1 + random.nextInt(5) : 0;
        List<StepProfile> steps = new ArrayList<>();
        for (int i = 1; i < flow.length; i++) {
            String[] verbTool = flow[i].split(":");
            String tool = verbTool[1];
            String host = tool.equals("http") ? domain[2] + "-" + (1 + random.nextInt(3)) + ".prod.internal"
                    : (flow[0].equals("sync") || flow[0].equals("export") ? domain[0] + "-db-1"
                            : "warehouse-db-" + (1 + random.nextInt(3))) + ".prod.internal";
            ErrorPatterns.Context ctx = new ErrorPatterns.Context(host, domain[2], entity);
            List<ErrorPatterns.Pattern> patterns = new ArrayList<>(ErrorPatterns.of(tool));
            Collections.shuffle(patterns, random);
            if (random.nextDouble() < 0.75) {
                // most steps fail mostly for reasons a retry gets past (a dependency down, throttled, slow)
                patterns.sort((a, b) -> Boolean.compare(b.retriable(), a.retriable()));
            }
            boolean retries = tool.equals("http") || tool.equals("postgres") || random.nextDouble() < 0.2;
            double failRate = i == flaky ? 0.06 + random.nextDouble() * 0.08 : 0.005 + random.nextDouble() * 0.01;
            double growth = random.nextDouble() < 0.125 ? 0.02 + random.nextDouble() * 0.03 : 0;
            Long timeout = random.nextBoolean() ? null : switch (tool) {
                case "http" -> 30_000L;
                case "postgres" -> 600_000L;
                default -> 300_000L;
            };
            steps.add(new StepProfile(verbTool[0] + "_" + entity, tool, ctx, p50(tool, random), failRate,
                    List.copyOf(patterns.subList(0, 1 + random.nextInt(Math.min(3, patterns.size())))),
                    retries ? 3 + random.nextInt(2) : 1, growth, timeout));
        }
        String yaml = yaml(path, steps);
        return new Profile(path, List.copyOf(steps), yaml, PlaybookParser.parse(yaml));
    }

    private static long p50(String tool, Random random) {
        long base = switch (tool) {
            case "http" -> 300;
            case "postgres" -> 800;
            case "python" -> 200;
            case "duckdb" -> 1500;
            default -> 600;
        };
        return Math.round(base * (0.5 + random.nextDouble() * 1.5));
    }

    static String yaml(String path, List<StepProfile> steps) {
        StringBuilder y = new StringBuilder(2048).append("apiVersion: noetl.io/v2\nkind: Playbook\nmetadata:\n")
                .append("  name: ").append(path.replace('/', '_')).append("\n  path: ").append(path)
                .append("\nworkflow:\n");
        for (int i = 0; i < steps.size(); i++) {
            StepProfile s = steps.get(i);
            y.append("  - step: ").append(s.name()).append("\n    tool:\n      kind: ").append(s.tool()).append('\n')
                    .append(tool(s));
            if (s.timeoutMs() != null || s.maxAttempts() > 1) {
                y.append("    spec:\n");
                if (s.timeoutMs() != null) {
                    y.append("      timeout: ").append(s.timeoutMs() / 1000).append("s\n");
                }
                if (s.maxAttempts() > 1) {
                    y.append("      policy:\n        rules:\n          - when: \"{{ outcome.error.retriable }}\"\n")
                            .append("            then:\n              do: retry\n              attempts: ")
                            .append(s.maxAttempts()).append("\n              backoff: exponential\n")
                            .append("              delay: 500ms\n");
                }
            }
            if (i + 1 < steps.size()) {
                y.append("    next:\n      - step: ").append(steps.get(i + 1).name()).append('\n');
            }
        }
        return y.toString();
    }

    private static String tool(StepProfile s) {
        String table = s.context().table();
        return switch (s.tool()) {
            case "http" -> "      method: " + (s.name().startsWith("publish") ? "POST" : "GET")
                    + "\n      url: https://" + s.context().service() + ".example.com/v2/" + table + "\n";
            case "postgres" -> "      command: INSERT INTO " + table + " SELECT * FROM " + table + "_staging\n";
            case "duckdb" -> "      command: SELECT region, sum(amount) FROM read_parquet('/data/archive/" + table
                    + "/*.parquet') GROUP BY region\n";
            case "shell" -> "      command: tar czf /data/archive/" + table + ".tgz /data/export/" + table + "\n";
            default -> "      code: |\n        result = dict(rows=" + table.length() * 100 + ", step='"
                    + s.name().toLowerCase(Locale.ROOT) + "')\n";
        };
    }
}
