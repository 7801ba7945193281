package io.noetl.app.bench.sink;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Error texts of the kind workflow steps produce (HTTP calls, databases, Python, shell, files, timeouts), with varying
 * names, hosts, numbers and ids, and the playbook, step, tool and class they came from. Deterministic for a seed.
 */
final class SyntheticErrors {

    /**
     * @param text       the error message
     * @param templateId which pattern produced it
     * @param playbook   playbook path
     * @param step       step name
     * @param tool       tool kind
     * @param errorClass error class
     * @param time       when
     */
    record Error(String text, String templateId, String playbook, String step, String tool, String errorClass,
            Instant time) {
    }

    private record Pattern(String tool, String errorClass, String format) {
    }

    // %T table, %C column, %S service, %H host, %N number, %P path, %W word, %E exception, %U url, %I id
    private static final List<Pattern> PATTERNS = List.of(
            new Pattern("http", "http_5xx", "HTTP %N from %U: upstream %S returned Service Unavailable"),
            new Pattern("http", "http_5xx", "POST %U failed with status %N Internal Server Error: %W handler crashed"),
            new Pattern("http", "http_4xx", "HTTP %N Not Found for GET %U (resource %W %I)"),
            new Pattern("http", "http_4xx", "request to %S rejected: 401 Unauthorized, token for %W expired"),
            new Pattern("http", "rate_limited", "429 Too Many Requests from %S, retry after %N seconds"),
            new Pattern("http", "timeout", "read timed out after %N ms calling %U"),
            new Pattern("http", "connection", "Connection refused: connect to %H:%N (%S)"),
            new Pattern("http", "connection", "SSLHandshakeException: PKIX path building failed for %H"),
            new Pattern("http", "connection", "UnknownHostException: %S.%W.internal: Name or service not known"),
            new Pattern("http", "parse", "JsonParseException: Unexpected character ('%W' (code %N)) at line %N column %N"),
            new Pattern("postgres", "constraint", "duplicate key value violates unique constraint \"%T_%C_key\" Detail: Key (%C)=(%I) already exists."),
            new Pattern("postgres", "constraint", "null value in column \"%C\" of relation \"%T\" violates not-null constraint"),
            new Pattern("postgres", "constraint", "insert or update on table \"%T\" violates foreign key constraint \"%T_%C_fkey\""),
            new Pattern("postgres", "schema", "relation \"%T\" does not exist at character %N"),
            new Pattern("postgres", "schema", "column \"%C\" of relation \"%T\" does not exist"),
            new Pattern("postgres", "connection", "FATAL: remaining connection slots are reserved for non-replication superuser connections (%H:%N)"),
            new Pattern("postgres", "connection", "could not connect to server: Connection timed out. Is the server running on host \"%H\" and accepting TCP/IP connections on port %N?"),
            new Pattern("postgres", "timeout", "canceling statement due to statement timeout while loading %T"),
            new Pattern("postgres", "deadlock", "deadlock detected: Process %N waits for ShareLock on transaction %N; blocked by process %N"),
            new Pattern("postgres", "data", "invalid input syntax for type %W: \"%I\" in column %C of %T"),
            new Pattern("python", "python", "KeyError: '%C' in %W_%W transform"),
            new Pattern("python", "python", "TypeError: unsupported operand type(s) for +: 'int' and 'str' at %P line %N"),
            new Pattern("python", "python", "ValueError: could not convert string to float: '%I' (column %C)"),
            new Pattern("python", "python", "ZeroDivisionError: division by zero in compute_%W"),
            new Pattern("python", "python", "AttributeError: 'NoneType' object has no attribute '%C'"),
            new Pattern("python", "python", "ModuleNotFoundError: No module named '%W_%W'"),
            new Pattern("python", "resource", "MemoryError: unable to allocate %N MiB for an array with shape (%N, %N)"),
            new Pattern("python", "python", "IndexError: list index out of range while reading %W batch %N"),
            new Pattern("duckdb", "schema", "Catalog Error: Table with name %T does not exist! Did you mean \"%T\"?"),
            new Pattern("duckdb", "data", "Conversion Error: Could not convert string '%I' to INT32 in column %C"),
            new Pattern("duckdb", "io", "IO Error: No files found that match the pattern \"%P\""),
            new Pattern("duckdb", "resource", "Out of Memory Error: failed to allocate block of %N bytes (%N/%N used)"),
            new Pattern("shell", "process", "command '%W.sh' exited with status %N: %W: not found"),
            new Pattern("shell", "process", "process killed by signal %N (SIGKILL) after %N s, memory limit exceeded"),
            new Pattern("shell", "io", "cp: cannot create regular file '%P': Permission denied"),
            new Pattern("shell", "io", "No space left on device while writing %P (%N bytes)"),
            new Pattern("shell", "io", "tar: %P: Cannot open: No such file or directory"),
            new Pattern("playbook", "timeout", "step %W exceeded its timeout of %N s (attempt %N of %N)"),
            new Pattern("playbook", "validation", "workload field '%C' is required by step %W but missing"),
            new Pattern("playbook", "template", "template error: '%W' is undefined in {{ %W.%C }}"),
            new Pattern("playbook", "subplaybook", "sub-playbook %W/%W failed: execution %I ended FAILED"),
            new Pattern("http", "http_5xx", "%E: %S responded 502 Bad Gateway via %H"),
            new Pattern("postgres", "connection", "%E: connection to %H:%N closed unexpectedly during %W"),
            new Pattern("python", "python", "%E raised in %W: %W %C mismatch for record %I"));

    private static final String[] TABLES = words("orders customers invoices payments shipments events sessions "
            + "accounts products inventory refunds ledger users audit_log daily_sales clicks leads contracts "
            + "subscriptions tickets");
    private static final String[] COLUMNS = words("id customer_id order_id amount currency created_at updated_at "
            + "email status country sku quantity price region tenant_id external_ref batch_id score total");
    private static final String[] SERVICES = words("billing-api auth-service catalog search-api payments-gw "
            + "notifier geo-service pricing ledger-api reports warehouse-api crm-gateway");
    private static final String[] WORDS = words("load extract validate enrich merge dedupe publish export sync "
            + "aggregate score fetch parse normalize archive notify reconcile stage index cleanup refresh");
    private static final String[] EXCEPTIONS = words("IOException SocketTimeoutException RuntimeException "
            + "IllegalStateException ConnectException OperationalError DatabaseError HTTPError ProtocolError");
    private static final String[] PLAYBOOKS = words("data/ingest/daily_load finance/reconcile_ledger "
            + "crm/sync_contacts ml/score_leads ops/backup_db marketing/export_clicks etl/orders_to_warehouse "
            + "billing/invoice_run support/ticket_digest analytics/sessionize");

    private final Random random;
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

    SyntheticErrors(long seed) {
        this.random = new Random(seed);
    }

    Error next() {
        int p = random.nextInt(PLAYBOOKS.length);
        int t = random.nextInt(PATTERNS.size());
        Pattern pattern = PATTERNS.get(t);
        String step = pick(WORDS) + "_" + pick(TABLES);
        Instant time = start.plusSeconds(random.nextInt(30 * 24 * 3600));
        return new Error(fill(pattern.format()), "T" + t, PLAYBOOKS[p], step, pattern.tool(), pattern.errorClass(),
                time);
    }

    private String fill(String format) {
        StringBuilder out = new StringBuilder(format.length() + 32);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char slot = format.charAt(++i);
            out.append(switch (slot) {
                case 'T' -> pick(TABLES);
                case 'C' -> pick(COLUMNS);
                case 'S' -> pick(SERVICES);
                case 'W' -> pick(WORDS);
                case 'E' -> pick(EXCEPTIONS);
                case 'H' -> random.nextBoolean() ? "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256),
                        random.nextInt(256)) : pick(SERVICES) + "-" + random.nextInt(40) + ".prod.internal";
                case 'N' -> Integer.toString(random.nextInt(random.nextBoolean() ? 100 : 100_000));
                case 'P' -> "/data/" + pick(TABLES) + "/" + random.nextInt(2000) + "/part-" + random.nextInt(999)
                        + ".parquet";
                case 'U' -> "https://" + pick(SERVICES) + ".example.com/v" + (1 + random.nextInt(3)) + "/"
                        + pick(TABLES) + "/" + random.nextInt(1_000_000);
                case 'I' -> Long.toHexString(random.nextLong());
                default -> "%" + slot;
            });
        }
        return out.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String[] words(String s) {
        return s.split(" ");
    }
}
