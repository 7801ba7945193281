package io.noetl.app.bench.insights;

import java.util.List;
import java.util.Random;

/**
 * The errors the synthetic steps meet, per tool: realistic messages whose names and numbers vary (hosts, tables,
 * columns, sizes, ids), the HTTP status a worker would report, whether the worker marks them retriable, how often a
 * retry meets the same error again, and what a person recorded as the fix.
 */
final class ErrorPatterns {

    /**
     * One kind of error.
     *
     * @param tool       the tool kind whose steps meet it
     * @param type       the error type the tool reports
     * @param httpStatus the HTTP status in the event's meta, or null
     * @param format     the message; slots: %H host, %S service, %T table, %C column, %U url, %P path, %N number,
     *                   %I id
     * @param errorClass the class the platform's classifier gives it (checked by a test)
     * @param retriable  whether the worker marks it retriable (a retry policy retries only those)
     * @param recurs     probability that the next attempt meets it again
     * @param fix        what a person records as the resolution
     */
    record Pattern(String tool, String type, Integer httpStatus, String format, String errorClass, boolean retriable,
            double recurs, String fix) {
    }

    /** Where an error happened, for the slots that name the step's own dependencies. */
    record Context(String host, String service, String table) {
    }

    private static final String[] COLUMNS = {"customer_id", "order_id", "amount", "currency", "created_at",
        "email", "status", "country", "sku", "quantity", "price", "region", "tenant_id", "external_ref"};

    static final List<Pattern> ALL = List.of(
            new Pattern("http", "HttpError", 503, "HTTP 503 Service Unavailable from %S (GET %U)",
                    "dependency_5xx", true, 0.3, "%S was redeployed with more replicas; the retries now get through"),
            new Pattern("http", "HttpError", 502, "HTTP 502 Bad Gateway from %S via gateway-%N.prod.internal",
                    "dependency_5xx", true, 0.25, "the API gateway in front of %S was restarted"),
            new Pattern("http", "HttpError", 429, "HTTP 429 Too Many Requests from %S: limit of %N requests per "
                    + "minute exceeded, retry after %N s", "rate_limited", true, 0.4,
                    "asked the %S team for a higher quota and added exponential backoff"),
            new Pattern("http", "SocketTimeoutException", null, "read timed out after %N ms calling %U", "timeout",
                    true, 0.35, "%S had a slow query behind /v2/%T; they added an index"),
            new Pattern("http", "ConnectException", null, "Connection refused: connect to %H:8443 (%S)",
                    "connection", true, 0.5, "%H was down for maintenance; moved the step after the window"),
            new Pattern("http", "HttpError", 401, "HTTP 401 Unauthorized from %S: access token for etl-bot expired",
                    "auth", false, 1.0, "rotated the etl-bot token in the keychain"),
            new Pattern("http", "HttpError", 404, "HTTP 404 Not Found for GET %U", "not_found", false, 1.0,
                    "%S moved the endpoint to /v3; updated the url"),
            new Pattern("postgres", "OperationalError", null, "could not connect to server: Connection refused. Is "
                    + "the server running on host \"%H\" and accepting TCP/IP connections on port 5432?",
                    "connection", true, 0.5, "%H failed over to its replica; the DNS record was updated"),
            new Pattern("postgres", "QueryCanceled", null, "canceling statement due to statement timeout while "
                    + "loading %T (SQLSTATE 57014)", "timeout", true, 0.45,
                    "vacuumed %T and added an index on %C"),
            new Pattern("postgres", "UniqueViolation", null, "duplicate key value violates unique constraint "
                    + "\"%T_pkey\" (SQLSTATE 23505) Detail: Key (id)=(%I) already exists.", "validation", false, 1.0,
                    "made the load an upsert on id"),
            new Pattern("postgres", "UndefinedTable", null, "relation \"%T_staging\" does not exist (SQLSTATE 42P01)",
                    "not_found", false, 1.0, "re-ran the migration that creates %T_staging"),
            new Pattern("postgres", "OperationalError", null, "FATAL: password authentication failed for user "
                    + "\"etl_loader\" (SQLSTATE 28P01)", "auth", false, 1.0,
                    "the etl_loader password was rotated; updated the keychain"),
            new Pattern("postgres", "OperationalError", null, "FATAL: remaining connection slots are reserved for "
                    + "non-replication superuser connections (SQLSTATE 53300) on %H", "resource_exhausted", true, 0.4,
                    "raised max_connections on %H and put pgbouncer in front"),
            new Pattern("python", "KeyError", null, "KeyError: '%C' while transforming %T", "code_error", false, 1.0,
                    "the upstream feed renamed %C; the transform now reads the new name"),
            new Pattern("python", "MemoryError", null, "MemoryError: unable to allocate %N MiB for an array with "
                    + "shape (%N, 64)", "resource_exhausted", true, 0.6, "the transform now reads %T in chunks"),
            new Pattern("python", "TypeError", null, "TypeError: unsupported operand type(s) for +: 'int' and "
                    + "'NoneType' in compute_%C", "code_error", false, 1.0, "null %C values are now skipped"),
            new Pattern("python", "QualityCheckFailed", null, "quality check failed: %N%% of rows in %T have a "
                    + "null %C (threshold 5%%)", "data_quality", false, 1.0,
                    "the source backfilled %C; re-ran the load"),
            new Pattern("duckdb", "IOException", null, "IO Error: No files found that match the pattern \"%P\"",
                    "not_found", false, 1.0, "the export of %T now lands before the step starts"),
            new Pattern("duckdb", "OutOfMemoryException", null, "Out of Memory Error: failed to allocate data of "
                    + "size %N MiB (%N MiB/%N MiB used)", "resource_exhausted", true, 0.5,
                    "set memory_limit and spill to a temp directory"),
            new Pattern("shell", "ShellError", null, "tar: %P: Cannot write: No space left on device",
                    "resource_exhausted", true, 0.7, "cleaned /data/archive and added a retention job"),
            new Pattern("shell", "ShellError", null, "cp: cannot create regular file '%P': Permission denied",
                    "permission", false, 1.0, "gave the worker's user write access to /data/archive"));

    private ErrorPatterns() {
    }

    /** @return the patterns a step of {@code tool} can meet */
    static List<Pattern> of(String tool) {
        return ALL.stream().filter(p -> p.tool().equals(tool)).toList();
    }

    /** @return {@code format} with its slots filled from the context and the random source */
    static String fill(String format, Context ctx, Random random) {
        StringBuilder out = new StringBuilder(format.length() + 40);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char slot = format.charAt(++i);
            out.append(switch (slot) {
                case 'H' -> ctx.host();
                case 'S' -> ctx.service();
                case 'T' -> ctx.table();
                case 'C' -> COLUMNS[random.nextInt(COLUMNS.length)];
                case 'U' -> "https://" + ctx.service() + ".example.com/v2/" + ctx.table() + "/"
                        + random.nextInt(1_000_000);
                case 'P' -> "/data/archive/" + ctx.table() + "/" + (2026 - random.nextInt(2)) + "/part-"
                        + random.nextInt(1000) + ".parquet";
                case 'N' -> Integer.toString(1 + random.nextInt(random.nextBoolean() ? 100 : 30_000));
                case 'I' -> Long.toHexString(random.nextLong() >>> 16);
                case '%' -> "%";
                default -> "%" + slot;
            });
        }
        return out.toString();
    }
}
